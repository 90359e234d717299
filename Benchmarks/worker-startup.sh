#!/usr/bin/env bash
# Start-up cost of isolation: `lectern render` of one small lecture (parent + one worker)
# against the same lecture read, run and rendered by one process (`lectern __worker`, no
# spawn) and a bare process. Wall and CPU (user + sys of the process tree), medians.
# Usage: Benchmarks/worker-startup.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-40}
swift build -c release --product lectern >/dev/null
lectern=$(swift build -c release --show-bin-path)/lectern
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/in"
cat > "$work/in/small.md" <<'MD'
# A small lecture

```nn
import numpy as np
W = np.array([[0.1, 0.2], [0.3, 0.4]])
x = np.array([[1.0], [2.0]])
z = W @ x
sigmoid(z)
```

The output is `{nn} float(sigmoid(z)[0, 0])`.
MD
python3 - "$lectern" "$work" "$runs" <<'PY'
import json, os, resource, statistics, subprocess, sys, time
lectern, work, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
def timed(cmd, stdin=None):
    wall, cpu = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(cmd, input=stdin, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wall.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return statistics.median(wall) * 1000, statistics.median(cpu) * 1000
source = os.path.join(work, "in", "small.md")
job = {"file": {"url": "file://" + source, "relativePath": "small.md", "root": "file://" + os.path.join(work, "in") + "/"},
       "text": open(source).read(), "title": "A small lecture", "timeout": 60, "limits": {"memoryBytes": 8 << 30}, "training": False}
for name, cmd, stdin in [("render, parent + one worker", [lectern, "render", source, "--out", os.path.join(work, "out")], None),
                         ("one process, no spawn (__worker)", [lectern, "__worker"], json.dumps(job).encode()),
                         ("bare process (--help)", [lectern, "--help"], None)]:
    wall, cpu = timed(cmd, stdin)
    print(f"{name}: wall {wall:.1f} ms, cpu {cpu:.1f} ms (median of {runs})")
PY
