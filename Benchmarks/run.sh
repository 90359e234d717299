#!/usr/bin/env bash
# Runs Lectern's benchmarks and the numpy/Keras peers in one session and prints a table of
# times and ratios. Usage: Benchmarks/run.sh [matmul|small_net|mnist_like|cnn|interpreter]
# Keras is optional: python3 -m venv .venv-bench && .venv-bench/bin/pip install keras jax numpy,
# then PYTHON=.venv-bench/bin/python Benchmarks/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-python3}
swift build -c release --product lectern-bench >/dev/null
bin=$(swift build -c release --show-bin-path)
# One thread for every BLAS numpy might use, so the matmul comparison is core for core.
export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 XLA_FLAGS="--xla_cpu_multi_thread_eigen=false intra_op_parallelism_threads=1"
export KERAS_BACKEND=jax JAX_ENABLE_X64=1
results=$(mktemp)
"$bin/lectern-bench" "$@" | tee -a "$results"
"$python" Benchmarks/peers.py "$@" 2>/dev/null | tee -a "$results"
echo
"$python" - "$results" <<'PY'
import sys
r = {}
for line in open(sys.argv[1]):
    parts = line.split()
    if len(parts) >= 2 and not line.startswith("#"):
        r[parts[0]] = [float(p) for p in parts[1:]]
def row(name, ours, peer, label, higher_better=False):
    if ours in r and peer in r:
        a, b = r[ours][0], r[peer][0]
        if higher_better:
            a, b = r[ours][1], r[peer][1]
            print(f"| {name} | {a:.2f} GFLOP/s | {b:.2f} GFLOP/s ({label}) | {a / b:.2f}× |")
        else:
            verdict = f"{b / a:.1f}× faster" if a <= b else f"{a / b:.1f}× slower"
            print(f"| {name} | {a:.3f} s | {b:.3f} s ({label}) | {verdict} |")
print("| workload | Lectern | peer | ratio |")
print("|---|---|---|---|")
for n in (256, 512, 1024):
    row(f"matmul {n}³ float64, 1 thread", f"matmul_{n}", f"numpy_matmul_{n}", "numpy", higher_better=True)
row("10-32-32-1, 100 epochs SGD", "small_net_sgd_100_epochs", "numpy_small_net_sgd_100_epochs", "numpy loop")
row("10-32-32-1, 100 epochs SGD", "small_net_sgd_100_epochs", "keras_small_net_sgd_100_epochs", "Keras fit")
row("784-128-10, 1 epoch Adam", "mnist_like_adam_1_epoch", "numpy_mnist_like_adam_1_epoch", "numpy loop")
row("CNN 28×28, Conv2D(8)+pool+Dense(10), 1,024 images, 1 epoch Adam", "cnn_adam_1_epoch", "keras_cnn_adam_1_epoch", "Keras fit")
row("CNN 28×28, Conv2D(8)+pool+Dense(10), 1,024 images, 1 epoch Adam", "cnn_adam_1_epoch", "numpy_cnn_adam_1_epoch", "numpy loop")
row("784-128-10, 1 epoch Adam", "mnist_like_adam_1_epoch", "keras_mnist_like_adam_1_epoch", "Keras fit")
row("10⁶ scalar ops in a loop", "interpreter_1e6_scalar_ops", "python_1e6_scalar_ops", "CPython")
row("a + b on (2, 2) arrays, 10⁵ times", "interpreter_tiny_array_add_1e5", "numpy_tiny_array_add_1e5", "numpy")
row("multi-hot results[i][seq] = 1.0, 1000×10000", "interpreter_multi_hot_1000x10000", "numpy_multi_hot_1000x10000", "numpy")
if "interpreter_mazur_10000_steps" in r:
    print(f"| 2-2-2 network, 10,000 steps with explicit grad | {r['interpreter_mazur_10000_steps'][0]:.3f} s | | |")
PY
rm -f "$results"
