#!/usr/bin/env bash
# Runs each plain Python program in Benchmarks/python/ under CPython and under Lectern (release
# build), alternating the two sides N times, and prints a Markdown table of medians of CPU time
# (user + system of the whole process tree: steadier than wall time on a shared machine): the
# whole-process ratio and the net ratio (each side's empty-program start-up subtracted).
# Lectern runs a program as the one `nn` block of a generated lecture (`lectern render`).
# Usage: Benchmarks/python.sh [N=5] [program ...]   (PYTHON=python3.11 picks the peer;
# LECTERN=path/to/lectern times that binary instead of building the release one)
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-python3}
runs=${1:-5}
shift || true
lectern=${LECTERN:-}
if [ -z "$lectern" ]; then
    swift build -c release --product lectern >/dev/null
    lectern="$(swift build -c release --show-bin-path)/lectern"
fi
export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 MKL_NUM_THREADS=1
"$python" - "$lectern" "$runs" "$@" <<'PY'
import os, resource, statistics, subprocess, sys, tempfile

lectern, runs, only = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
folder = "Benchmarks/python"
names = ["empty"] + [n[:-3] for n in sorted(os.listdir(folder)) if n.endswith(".py") and n != "empty.py"]
if only:
    names = ["empty"] + [n for n in names if n in only]
work = tempfile.mkdtemp(prefix="lectern-python-bench-")


def lecture(name):
    """The program as the single `nn` block of a lecture."""
    path = os.path.join(work, name + ".md")
    with open(os.path.join(folder, name + ".py")) as f, open(path, "w") as out:
        out.write(f"# {name}\n\n```nn\n{f.read()}```\n")
    return path


def cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def timed(command):
    """CPU seconds of the command and everything it waited for (Lectern's worker process)."""
    start = cpu()
    done = subprocess.run(command, capture_output=True, text=True)
    elapsed = cpu() - start
    if done.returncode != 0:
        sys.exit(f"failed: {' '.join(command)}\n{done.stdout}{done.stderr}")
    return elapsed, done.stdout


times = {}
for name in names:
    source, md = os.path.join(folder, name + ".py"), lecture(name)
    out = os.path.join(work, "out-" + name)
    py, lc = [], []
    for _ in range(runs):
        t, expected = timed([sys.executable, source])
        py.append(t)
        t, _ = timed([lectern, "render", md, "--out", out, "--no-cache", "--timeout", "600"])
        lc.append(t)
        rendered = open(os.path.join(out, name + ".md")).read()
        if expected.strip() and expected.strip() not in rendered:
            sys.exit(f"{name}: Lectern's output differs from CPython's ({expected.strip()!r})")
    times[name] = (statistics.median(py), statistics.median(lc))
    print(f"# {name}: CPython {times[name][0]:.3f} s, Lectern {times[name][1]:.3f} s", file=sys.stderr)

version = subprocess.run([sys.executable, "--version"], capture_output=True, text=True).stdout.strip()
py0, lc0 = times["empty"]
print(f"| program (CPU s, median of {runs}) | {version} | Lectern | whole-process ratio | net ratio (start-up subtracted) |")
print("|---|---|---|---|---|")
print(f"| empty program (start-up) | {py0:.3f} s | {lc0:.3f} s | {lc0 / py0:.2f}× | |")
for name in names[1:]:
    py, lc = times[name]
    net = f"{(lc - lc0) / (py - py0):.2f}×" if py - py0 > 0.005 else "n/a"
    print(f"| `{name}.py` | {py:.3f} s | {lc:.3f} s | {lc / py:.2f}× | {net} |")
PY
