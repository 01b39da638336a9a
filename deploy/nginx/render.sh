#!/bin/sh
# Renders the stream block for nginx:  render.sh LISTEN HOST:PORT [HOST:PORT...] > /etc/nginx/gb32960-dispatch.conf
# then include it at the top level of nginx.conf (next to "http { }", not inside it):
#   include /etc/nginx/gb32960-dispatch.conf;
# Debian/Ubuntu load the stream module from modules-enabled; elsewhere add
#   load_module modules/ngx_stream_module.so;   (when nginx -V shows --with-stream=dynamic)
set -eu
if [ "$#" -lt 2 ]; then
  echo "usage: $0 LISTEN HOST:PORT [HOST:PORT...]" >&2
  exit 2
fi
listen=$1
shift
servers=""
for s in "$@"; do
  servers="${servers}        server ${s} max_fails=3 fail_timeout=10s;
"
done
dir=$(dirname "$0")
awk -v listen="$listen" -v servers="$servers" '
  { gsub(/\$\{LISTEN\}/, listen) }
  /\$\{SERVERS\}/ { printf "%s", servers; next }
  { print }
' "$dir/gb32960-dispatch.conf.template"
