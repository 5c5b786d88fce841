#!/usr/bin/env bash
# Server-side rendering throughput: requests per second and p99 latency of
# the home page, a listing and a product page under wrk on loopback, against
# nginx serving the very same bytes as static files, in the same run.
# Two passes:
#   plain       no Accept-Encoding; both sides send the HTML as it is
#   compressed  Accept-Encoding: br, gzip, as browsers ask; nginx serves the
#               same compressed bytes the server sent, pre-compressed files
#               (brotli_static when Debian's module is installed, else gzip_static)
# Targets: SSR >= 0.5x nginx's requests/s, SSR p99 <= 10 ms.
#   DURATION=10s CONNECTIONS=64 bash bench/http.sh
# VITRINE_SERVER_BIN and VITRINE_SITE_ROOT measure another build (e.g. an older commit's).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
source scripts/env.sh
duration="${DURATION:-10s}"
connections="${CONNECTIONS:-64}"
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
# Under their language: an address without one is a redirect to it (issue 12),
# which is not what is being measured.
pages=("/en" "/en/shop/rings" "/en/products/aube-solitaire-ring")
names=(home listing product)

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

# The bytes nginx serves are the server's own answers: plain, brotli and gzip.
mkdir -p "$work/www"
for i in "${!pages[@]}"; do
  url="$VITRINE_BASE_URL${pages[$i]}"
  curl -fsS "$url" -o "$work/www/${names[$i]}.html"
  curl -fsS -H 'Accept-Encoding: br' "$url" -o "$work/www/${names[$i]}.html.br"
  curl -fsS -H 'Accept-Encoding: gzip' "$url" -o "$work/www/${names[$i]}.html.gz"
done

brotli_module=/usr/lib/nginx/modules/ngx_http_brotli_static_module.so
load_module="" brotli_static=""
if [ -f "$brotli_module" ]; then
  load_module="load_module $brotli_module;"
  brotli_static="brotli_static on;"
  static_kind="brotli_static + gzip_static"
else
  static_kind="gzip_static (install libnginx-mod-http-brotli-static for brotli_static)"
fi

port=""
for candidate in $(shuf -i 20000-60000 -n 20); do
  cat >"$work/nginx.conf" <<CONF
$load_module
worker_processes auto;
daemon on;
pid $work/nginx.pid;
error_log $work/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  default_type text/html;
  gzip_static on;
  $brotli_static
  client_body_temp_path $work; proxy_temp_path $work; fastcgi_temp_path $work; uwsgi_temp_path $work; scgi_temp_path $work;
  server {
    listen 127.0.0.1:$candidate;
    root $work/www;
    location = /en { try_files /home.html =404; }
    location = /en/shop/rings { try_files /listing.html =404; }
    location = /en/products/aube-solitaire-ring { try_files /product.html =404; }
  }
}
CONF
  if "$nginx_bin" -c "$work/nginx.conf" -p "$work" 2>/dev/null; then port=$candidate; break; fi
done
[ -n "$port" ] || { cat "$work/error.log" 2>/dev/null; echo "nginx could not start" >&2; exit 1; }
static="http://127.0.0.1:$port"

# Prints "requests_per_second p99_ms" for one URL; extra arguments go to wrk.
measure() {
  local url=$1
  shift
  wrk -t2 -c"$connections" -d"$duration" --latency "$@" "$url" | awk '
    /Requests\/sec/ { rps = $2 }
    /^ +99%/ { v = $2; if (v ~ /us$/) { sub(/us/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms/, "", v) } else if (v ~ /s$/) { sub(/s/, "", v); v *= 1000 } p99 = v }
    END { printf "%s %s\n", rps, p99 }'
}

# What each side sends for the compressed pass (the encoding and its size).
check_encoding() {
  curl -fsS -o /dev/null -w '%{header_json}' -H 'Accept-Encoding: br, gzip' "$1" |
    jq -r '(."content-encoding" // ["identity"])[0]'
}

# Both sides must answer 200 with the page: a redirect or a 404 would flatter either.
for i in "${!pages[@]}"; do
  for base in "$VITRINE_BASE_URL" "$static"; do
    code=$(curl -s -o /dev/null -w '%{http_code}' "$base${pages[$i]}")
    [ "$code" = 200 ] || { echo "$base${pages[$i]} answered $code, not 200" >&2; exit 1; }
  done
done

printf 'wrk: %s, %s connections, 2 threads; server, nginx and wrk share %s cores\n' "$duration" "$connections" "$(nproc)"
for i in "${!pages[@]}"; do
  printf 'HTML %-8s plain %6s B, brotli %6s B, gzip %6s B\n' "${names[$i]}" \
    "$(stat -c %s "$work/www/${names[$i]}.html")" "$(stat -c %s "$work/www/${names[$i]}.html.br")" \
    "$(stat -c %s "$work/www/${names[$i]}.html.gz")"
done
printf 'compressed pass: the server sends %s, nginx (%s) sends %s\n' \
  "$(check_encoding "$VITRINE_BASE_URL${pages[0]}")" "$static_kind" "$(check_encoding "$static${pages[0]}")"
printf '%-11s %-9s %10s %10s %10s %10s %10s\n' pass page ssr_rps ssr_p99ms nginx_rps nginx_p99 rps_ratio
for pass in plain compressed; do
  extra=()
  [ "$pass" = compressed ] && extra=(-H 'Accept-Encoding: br, gzip')
  for i in "${!pages[@]}"; do
    read -r s_rps s_p99 < <(measure "$VITRINE_BASE_URL${pages[$i]}" "${extra[@]}")
    read -r n_rps n_p99 < <(measure "$static${pages[$i]}" "${extra[@]}")
    awk -v pass="$pass" -v n="${names[$i]}" -v a="$s_rps" -v b="$s_p99" -v c="$n_rps" -v d="$n_p99" 'BEGIN {
      printf "%-11s %-9s %10.0f %10.2f %10.0f %10.2f %9.3fx\n", pass, n, a, b, c, d, a / c }'
  done
done
echo "rps_ratio = SSR / nginx (target >= 0.5); target SSR p99 <= 10 ms"
