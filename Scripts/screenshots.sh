#!/usr/bin/env bash
# Renders the lectures and photographs their pages with headless Chromium (Debian's
# `chromium`), in light and dark mode, so a person can look at what a reader sees.
# Usage: Scripts/screenshots.sh [LECTURES-FOLDER] [SHOTS-FOLDER]
#   default: ../shared/acceptance (else notebooks/) into screenshots/ (not committed)
set -euo pipefail
cd "$(dirname "$0")/.."
input=${1:-../shared/acceptance}
[ -d "$input" ] || input=notebooks
shots=${2:-screenshots}
command -v chromium >/dev/null || { echo "needs chromium: apt-get install -y chromium" >&2; exit 2; }
site=$(mktemp -d)
trap 'rm -rf "$site"' EXIT
swift run -c release lectern render "$input" --out "$site" || true   # failures still render
mkdir -p "$shots"
for page in "$site"/*.html; do
  name=$(basename "$page" .html)
  for scheme in light dark; do
    flags=()
    # --force-dark-mode sets prefers-color-scheme: dark, as a reader's dark system theme does.
    [ "$scheme" = dark ] && flags+=(--force-dark-mode)
    chromium --headless --no-sandbox --disable-gpu --hide-scrollbars "${flags[@]}" \
      --window-size=1280,2400 --virtual-time-budget=3000 \
      --screenshot="$shots/$name-$scheme.png" "file://$page" >/dev/null 2>&1
  done
  echo "$shots/$name-{light,dark}.png"
done
