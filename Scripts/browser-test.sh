#!/usr/bin/env bash
# Renders the fixture course (Tests/SiteTests/Fixtures/site) and checks every page in headless
# Chromium (Debian's `chromium`, installed when missing — never a downloaded browser) over the
# DevTools protocol, with Node's built-in WebSocket client (Scripts/browser-test.mjs).
# Usage: Scripts/browser-test.sh [EXTRA-SITE-FOLDER…]   LECTERN=path/to/lectern picks the binary.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium
fi
command -v node >/dev/null || { echo "browser test needs node (20 or later)" >&2; exit 2; }
if [ -z "${LECTERN:-}" ]; then
  swift build --product lectern >/dev/null
  LECTERN="$(swift build --show-bin-path)/lectern"
fi
work=$(mktemp -d)
browser=
server=
cleanup() {
  [ -n "$browser" ] && kill "$browser" 2>/dev/null && wait "$browser" 2>/dev/null
  [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
"$LECTERN" render Tests/SiteTests/Fixtures/site --out "$work/site" >/dev/null
# Chromium now and then aborts at start-up on a loaded machine: try up to three times.
for attempt in 1 2 3; do
  rm -rf "$work/profile"
  chromium --headless --no-sandbox --disable-gpu --remote-debugging-port=0 --user-data-dir="$work/profile" \
    about:blank >"$work/chromium.log" 2>&1 &
  browser=$!
  for _ in $(seq 150); do
    [ -s "$work/profile/DevToolsActivePort" ] && break
    kill -0 "$browser" 2>/dev/null || break
    sleep 0.1
  done
  [ -s "$work/profile/DevToolsActivePort" ] && break
  echo "chromium did not start (attempt $attempt):" >&2
  tail -3 "$work/chromium.log" >&2
  kill "$browser" 2>/dev/null || true
  wait "$browser" 2>/dev/null || true
  browser=
  sleep 2
done
[ -n "$browser" ] || { echo "browser test: chromium does not start" >&2; exit 1; }
port=$(head -1 "$work/profile/DevToolsActivePort")
# `lectern serve` on a copy of the fixture course, for the live-reload check (it edits the copy).
cp -r Tests/SiteTests/Fixtures/site "$work/live"
(cd "$work/live" && exec "$LECTERN" serve . --port 0 >"$work/serve.log" 2>&1) &
server=$!
for _ in $(seq 600); do
  grep -q '^serving http' "$work/serve.log" 2>/dev/null && break
  kill -0 "$server" 2>/dev/null || break
  sleep 0.1
done
url=$(sed -n 's|^serving \(http://[^ ]*\) .*|\1|p' "$work/serve.log")
[ -n "$url" ] || { echo "browser test: lectern serve did not start:" >&2; cat "$work/serve.log" >&2; exit 1; }
LECTERN_SERVE_URL="${url}intro.html" LECTERN_SERVE_SOURCE="$work/live/intro.md" \
node --experimental-websocket --no-warnings Scripts/browser-test.mjs "$port" "$work/site" "$@"
