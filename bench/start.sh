#!/usr/bin/env bash
# Start-up: from starting the release server to its first 200 for the home
# page, on an empty SQLite file (migrations + the demo catalogue's seed), and
# as a reference in the same run on the database that first start left
# (nothing to migrate or seed). RUNS runs each (5 by default); medians.
# Goal: <= 1 s on the empty database.
#   bash bench/start.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
source scripts/env.sh
server_bin="${VITRINE_SERVER_BIN:-$CARGO_TARGET_DIR/release/server}"
[ -x "$server_bin" ] || { echo "build the release first: cargo leptos build --release" >&2; exit 1; }
export RUNS="${RUNS:-5}" SERVER_BIN="$server_bin" SITE_ROOT="${VITRINE_SITE_ROOT:-$here/target/site}"

python3 - <<'PY'
import os, socket, statistics, subprocess, tempfile, time, urllib.request

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]

def start_once(db_file):
    """Seconds from spawning the server to its first 200 for GET /."""
    port = free_port()
    env = dict(os.environ, LEPTOS_OUTPUT_NAME="vitrine", LEPTOS_SITE_ROOT=os.environ["SITE_ROOT"],
               LEPTOS_SITE_PKG_DIR="pkg", LEPTOS_ENV="PROD", LEPTOS_SITE_ADDR=f"127.0.0.1:{port}",
               DATABASE_URL=f"sqlite://{db_file}", RUST_LOG="warn")
    began = time.perf_counter()
    proc = subprocess.Popen([os.environ["SERVER_BIN"]], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while True:
            if proc.poll() is not None:
                raise SystemExit(f"the server exited with {proc.returncode}")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as r:
                    if r.status == 200:
                        return time.perf_counter() - began
            except OSError:
                time.sleep(0.002)
            if time.perf_counter() - began > 60:
                raise SystemExit("no 200 within 60 s")
    finally:
        proc.terminate()
        proc.wait()

runs = int(os.environ["RUNS"])
empty, prepared = [], []
for _ in range(runs):
    with tempfile.TemporaryDirectory() as d:
        db = os.path.join(d, "vitrine.db")
        empty.append(start_once(db))      # creates, migrates, seeds
        prepared.append(start_once(db))   # the same file, ready
e, p = statistics.median(empty), statistics.median(prepared)
print(f"{'database':<28} {'median_ms':>10} {'min_ms':>8} {'max_ms':>8}")
print(f"{'empty (migrate + seed)':<28} {e*1000:10.0f} {min(empty)*1000:8.0f} {max(empty)*1000:8.0f}")
print(f"{'prepared (reference)':<28} {p*1000:10.0f} {min(prepared)*1000:8.0f} {max(prepared)*1000:8.0f}")
print(f"empty / prepared = {e/p:.2f}x; goal: empty <= 1000 ms ({runs} runs each, time to the first 200 for GET /)")
PY
