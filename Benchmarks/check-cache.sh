#!/usr/bin/env bash
# Incremental builds: a no-change `lectern check` of a course of N generated lectures (default
# 1,000), after one `lectern render` filled `.lectern/cache` and `output/`. Prints the first
# (full) check, the best of five timed no-change checks (replayed: `CheckReplay`), one check
# after a course-title change (every page re-assembled, no lecture run), and one
# `check --no-cache` (every lecture run in a worker).
# Usage: Benchmarks/check-cache.sh [N] [LECTERN-BINARY]   (default: the release build)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000}
lectern=${2:-}
if [ -z "$lectern" ]; then
  swift build -c release --product lectern >/dev/null
  lectern="$(swift build -c release --show-bin-path)/lectern"
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$work" "$n" <<'PY'
import os, sys
work, n = sys.argv[1], int(sys.argv[2])
os.makedirs(f"{work}/notebooks", exist_ok=True)
with open(f"{work}/lectern.yml", "w") as f:
    f.write("title: A generated course\n")
for i in range(n):
    with open(f"{work}/notebooks/lecture-{i:04d}.md", "w") as f:
        f.write(f"""---
tags: [week{i % 10}]
---
# Lecture {i}

A neuron computes $z = w x + b$; here $w = {i % 7}$.

```nn
import numpy as np
w = np.array([[{i % 7}.0, 0.5], [0.25, 1.0]])
x = np.array([1.0, 2.0])
w @ x
```

The first output is `{{nn}} float((w @ x)[0])`.
""")
PY
cd "$work"
timed() { # label, command…
  local label=$1
  shift
  local start end
  start=$(date +%s.%N)
  "$@" >/dev/null 2>&1 || true
  end=$(date +%s.%N)
  echo "$(echo "$end - $start" | bc)"
}
echo "render (fills the cache): $(timed render "$lectern" render) s"
echo "first check (the full check, which leaves its report for replay): $(timed check "$lectern" check) s"
# The replay trusts no file modified within 2 s of a check (git's "racy" rule); a real
# edit-then-check cycle is slower than that, so wait it out once here.
sleep 2
"$lectern" check >/dev/null 2>&1 || true
best=
for _ in 1 2 3 4 5; do
  t=$(timed check "$lectern" check)
  if [ -z "$best" ] || [ "$(echo "$t < $best" | bc)" = 1 ]; then best=$t; fi
done
"$lectern" check >/dev/null || { echo "the no-change check failed" >&2; exit 1; }
echo "no-change check of $n lectures (best of 5): $best s"
echo "title: A renamed course" > lectern.yml
echo "check after a course-title change (pages re-assembled, no lecture run): $(timed check "$lectern" check) s"
echo "check --no-cache (every lecture run): $(timed check "$lectern" check --no-cache) s"
