#!/usr/bin/env bash
# Page assembly at scale: renders generated lectures of 1,000, 10,000 and 100,000 small `nn`
# blocks (each with a line of prose, a formula and an inline value) and one 50 MB lecture of
# prose, and prints the wall and CPU time of each `lectern render`.
# Usage: Benchmarks/site.sh [LECTERN-BINARY]   (default: the release build)
set -euo pipefail
cd "$(dirname "$0")/.."
lectern=${1:-}
if [ -z "$lectern" ]; then
  swift build -c release --product lectern >/dev/null
  lectern="$(swift build -c release --show-bin-path)/lectern"
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
blocks() { # n file
  python3 - "$1" > "$2" <<'PY'
import sys
n = int(sys.argv[1])
out = ["# Many blocks", ""]
for i in range(n):
    out += ["```nn", f"x = {i} * 2", "x", "```", "", f"Step {i}: the value $x_{{{i}}}$ is `{{nn}} x`.", ""]
print("\n".join(out))
PY
}
for n in 1000 10000 100000; do
  mkdir -p "$work/b$n"
  blocks "$n" "$work/b$n/many.md"
  # Wall and CPU seconds (user, the steadier figure on a shared machine; the worker is a child).
  times=$( { TIMEFORMAT='%R %U'; time "$lectern" render "$work/b$n/many.md" --out "$work/out$n" >/dev/null; } 2>&1 )
  printf '%7d blocks (%5.1f MB): %6.2f s wall, %6.2f s CPU\n' "$n" "$(du -m "$work/b$n/many.md" | cut -f1)" ${times% *} ${times#* }
done
mkdir -p "$work/big"
python3 - > "$work/big/big.md" <<'PY'
para = ("A paragraph of lecture prose with $w_1 x_1 + b$ in it, a [link](#top), **bold** words and "
        "`code`, long enough to be a realistic paragraph of a lecture note that someone wrote.\n\n")
print("# A very long lecture\n")
print(para * (50_000_000 // len(para)))
PY
times=$( { TIMEFORMAT='%R %U'; time "$lectern" render "$work/big/big.md" --out "$work/outbig" >/dev/null; } 2>&1 )
printf '50 MB of prose (%d MB): %6.2f s wall, %6.2f s CPU\n' "$(du -m "$work/big/big.md" | cut -f1)" ${times% *} ${times#* }
