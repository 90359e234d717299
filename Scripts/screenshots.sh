#!/usr/bin/env bash
# Renders the lectures and photographs their pages with headless Chromium (Debian's
# `chromium`) on a desktop (1280 px, light and dark) and a phone (390 px), so a person can
# look at what a reader sees.
# Usage: Scripts/screenshots.sh [LECTURES-FOLDER] [SHOTS-FOLDER]
#   default: ../shared/acceptance (else notebooks/) into screenshots/ (not committed)
#   LECTERN=path/to/lectern uses that binary (default: the debug build).
set -euo pipefail
cd "$(dirname "$0")/.."
input=${1:-../shared/acceptance}
[ -d "$input" ] || input=notebooks
shots=${2:-screenshots}
command -v chromium >/dev/null || { echo "needs chromium: apt-get install -y chromium" >&2; exit 2; }
if [ -z "${LECTERN:-}" ]; then
  swift build --product lectern >/dev/null
  LECTERN="$(swift build --show-bin-path)/lectern"
fi
site=$(mktemp -d)
trap 'rm -rf "$site"' EXIT
"$LECTERN" render "$input" --out "$site" >/dev/null || true   # failures still render
mkdir -p "$shots"
shoot() { # page name size flags...
  local page=$1 name=$2 size=$3
  shift 3
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars "$@" \
    --window-size="$size" --virtual-time-budget=3000 \
    --screenshot="$shots/$name.png" "file://$page" >/dev/null 2>&1
  echo "$shots/$name.png"
}
find "$site" -name '*.html' -not -path '*/assets/*' | sort | while read -r page; do
  rel=${page#"$site"/}
  name=${rel%.html}
  name=${name//\//-}
  shoot "$page" "$name-desktop" 1280,2400
  # --force-dark-mode sets prefers-color-scheme: dark, as a reader's dark system theme does.
  shoot "$page" "$name-dark" 1280,2400 --force-dark-mode
  shoot "$page" "$name-phone" 390,1800
done
