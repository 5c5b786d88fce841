#!/usr/bin/env bash
# Server-side rendering throughput: requests per second and p99 latency of
# the home page and a product page under wrk on loopback, against nginx
# serving the same HTML bytes as static files in the same run. Reports
# SSR / nginx ratios (target: >= 0.5x). Uses the release build
# (bench/size.sh or scripts/test.sh makes it).
#   DURATION=10s CONNECTIONS=32 bash bench/http.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
source scripts/env.sh
duration="${DURATION:-10s}"
connections="${CONNECTIONS:-32}"
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)

[ -x "$CARGO_TARGET_DIR/release/server" ] || { echo "build the release first: cargo leptos build --release" >&2; exit 1; }
bash scripts/serve-release.sh --background >/dev/null
# shellcheck disable=SC1090
source "$VITRINE_CACHE/e2e-server.env"
work=$(mktemp -d "${TMPDIR:-/tmp}/vitrine-bench.XXXXXX")
cleanup() {
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  bash scripts/serve-release.sh --stop
  rm -rf "$work"
}
trap cleanup EXIT

mkdir -p "$work/www"
curl -fsS "$VITRINE_BASE_URL/" -o "$work/www/home.html"
curl -fsS "$VITRINE_BASE_URL/products/aube-solitaire-ring" -o "$work/www/product.html"

port=""
for candidate in $(shuf -i 20000-60000 -n 20); do
  cat >"$work/nginx.conf" <<CONF
worker_processes auto;
daemon on;
pid $work/nginx.pid;
error_log $work/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  default_type text/html;
  client_body_temp_path $work; proxy_temp_path $work; fastcgi_temp_path $work; uwsgi_temp_path $work; scgi_temp_path $work;
  server {
    listen 127.0.0.1:$candidate;
    root $work/www;
    location = / { try_files /home.html =404; }
    location = /products/aube-solitaire-ring { try_files /product.html =404; }
  }
}
CONF
  if "$nginx_bin" -c "$work/nginx.conf" -p "$work" 2>/dev/null; then port=$candidate; break; fi
done
[ -n "$port" ] || { echo "nginx could not start" >&2; exit 1; }
static="http://127.0.0.1:$port"

# Prints "requests_per_second p99_ms" for one URL.
measure() {
  wrk -t2 -c"$connections" -d"$duration" --latency "$1" | awk '
    /Requests\/sec/ { rps = $2 }
    /^ +99%/ { v = $2; if (v ~ /us$/) { sub(/us/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms/, "", v) } else if (v ~ /s$/) { sub(/s/, "", v); v *= 1000 } p99 = v }
    END { printf "%s %s\n", rps, p99 }'
}

printf 'wrk: %s, %s connections, 2 threads; HTML sizes: home %s B, product %s B\n' \
  "$duration" "$connections" "$(stat -c %s "$work/www/home.html")" "$(stat -c %s "$work/www/product.html")"
printf '%-9s %12s %10s %12s %10s %10s %10s\n' page ssr_rps ssr_p99ms nginx_rps nginx_p99ms rps_ratio p99_ratio
for page in "/" "/products/aube-solitaire-ring"; do
  read -r s_rps s_p99 < <(measure "$VITRINE_BASE_URL$page")
  read -r n_rps n_p99 < <(measure "$static$page")
  name=$([ "$page" = "/" ] && echo home || echo product)
  awk -v n="$name" -v a="$s_rps" -v b="$s_p99" -v c="$n_rps" -v d="$n_p99" 'BEGIN {
    printf "%-9s %12.0f %10.2f %12.0f %10.2f %9.3fx %9.1fx\n", n, a, b, c, d, a / c, b / d }'
done
echo "rps_ratio = SSR / nginx static (target >= 0.5); p99_ratio = SSR p99 / nginx p99"
