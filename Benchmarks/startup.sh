#!/usr/bin/env bash
# Start-up cost: one whole `lectern render` process on one small lecture, against Jupyter's
# `nbconvert --execute` on the same code as a notebook (when jupyter is installed).
# Usage: Benchmarks/startup.sh [runs]   (PYTHON=... picks the Python with nbconvert)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20}
python=${PYTHON:-python3}
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
"$python" - "$lectern" "$work" "$runs" <<'PY'
import json, os, shutil, statistics, subprocess, sys, time
lectern, work, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
def timed(cmd):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)
ours = timed([lectern, "render", os.path.join(work, "in", "small.md"), "--out", os.path.join(work, "out")])
print(f"lectern render, one small lecture: {ours * 1000:.1f} ms (median of {runs})")
if shutil.which("jupyter") or os.path.exists(os.path.join(os.path.dirname(sys.executable), "jupyter")):
    jupyter = shutil.which("jupyter") or os.path.join(os.path.dirname(sys.executable), "jupyter")
    cell = "import numpy as np\nW = np.array([[0.1, 0.2], [0.3, 0.4]])\nx = np.array([[1.0], [2.0]])\nz = W @ x\n1 / (1 + np.exp(-z))"
    nb = {"cells": [{"cell_type": "markdown", "metadata": {}, "source": "# A small lecture"},
                    {"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [], "source": cell}],
          "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
          "nbformat": 4, "nbformat_minor": 5}
    path = os.path.join(work, "small.ipynb")
    json.dump(nb, open(path, "w"))
    theirs = timed([jupyter, "nbconvert", "--to", "html", "--execute", path, "--output-dir", os.path.join(work, "nb")])
    print(f"jupyter nbconvert --execute --to html: {theirs * 1000:.1f} ms (median of {runs})")
    print(f"ratio: {theirs / ours:.0f}x")
PY
