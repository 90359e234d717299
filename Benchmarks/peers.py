#!/usr/bin/env python3
"""The same workloads as lectern-bench, in numpy and (when installed) Keras.

Prints `name seconds [extra]` lines like lectern-bench. Run through Benchmarks/run.sh, which
pins BLAS to one thread for the matmul comparison. Keras: pip install keras jax, and run with
KERAS_BACKEND=jax JAX_ENABLE_X64=1 so it trains in float64 like Lectern.
"""
import os
import sys
import time

import numpy as np


def best(repeats, fn):
    t = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        t = min(t, time.perf_counter() - start)
    return t


only = sys.argv[1] if len(sys.argv) > 1 else None

if only in (None, "matmul"):
    rng = np.random.default_rng(1)
    for n in (256, 512, 1024):
        a, b = rng.random((n, n)), rng.random((n, n))
        t = best(2 if n >= 1024 else 5, lambda: a @ b)
        print(f"numpy_matmul_{n} {t} {2 * n ** 3 / t / 1e9}")

sigmoid = lambda z: 1 / (1 + np.exp(-z))


def small_net_numpy():
    """10-32-32-1 ReLU/sigmoid, BCE, SGD lr 0.01, batch 32, 100 epochs, Keras's bookkeeping."""
    rng = np.random.default_rng(0)
    x = rng.standard_normal((256, 10))
    y = (x[:, 0] + x[:, 1] > 0).astype(float).reshape(-1, 1)
    ws = [rng.uniform(-0.3, 0.3, (10, 32)), np.zeros(32), rng.uniform(-0.3, 0.3, (32, 32)), np.zeros(32),
          rng.uniform(-0.3, 0.3, (32, 1)), np.zeros(1)]
    for _ in range(100):
        perm = rng.permutation(256)
        for s in range(0, 256, 32):
            idx = perm[s:s + 32]
            xb, yb = x[idx], y[idx]
            h1 = xb @ ws[0] + ws[1]; a1 = np.maximum(h1, 0)
            h2 = a1 @ ws[2] + ws[3]; a2 = np.maximum(h2, 0)
            p = sigmoid(a2 @ ws[4] + ws[5])
            pc = np.clip(p, 1e-7, 1 - 1e-7)
            _loss = -np.mean(yb * np.log(pc) + (1 - yb) * np.log(1 - pc))
            dz3 = (p - yb) / len(xb)
            g = [None] * 6
            g[4], g[5] = a2.T @ dz3, dz3.sum(0)
            dh2 = (dz3 @ ws[4].T) * (h2 > 0)
            g[2], g[3] = a1.T @ dh2, dh2.sum(0)
            dh1 = (dh2 @ ws[2].T) * (h1 > 0)
            g[0], g[1] = xb.T @ dh1, dh1.sum(0)
            ws = [w - 0.01 * gw for w, gw in zip(ws, g)]


def mnist_like_numpy():
    """784-128-10 ReLU/softmax, sparse CCE, Adam lr 0.001, batch 128, one epoch of 60,000."""
    rng = np.random.default_rng(0)
    x = rng.random((60000, 784))
    labels = np.arange(60000) % 10
    ws = [rng.uniform(-0.08, 0.08, (784, 128)), np.zeros(128), rng.uniform(-0.2, 0.2, (128, 10)), np.zeros(10)]
    m = [np.zeros_like(w) for w in ws]
    v = [np.zeros_like(w) for w in ws]
    perm = rng.permutation(60000)
    for t, s in enumerate(range(0, 60000, 128), start=1):
        idx = perm[s:s + 128]
        xb, yb = x[idx], labels[idx]
        h = xb @ ws[0] + ws[1]; a = np.maximum(h, 0)
        z = a @ ws[2] + ws[3]
        e = np.exp(z - z.max(1, keepdims=True)); p = e / e.sum(1, keepdims=True)
        _loss = -np.mean(np.log(np.clip(p[np.arange(len(yb)), yb], 1e-7, 1)))
        dz = p.copy(); dz[np.arange(len(yb)), yb] -= 1; dz /= len(yb)
        g = [None] * 4
        g[2], g[3] = a.T @ dz, dz.sum(0)
        dh = (dz @ ws[2].T) * (h > 0)
        g[0], g[1] = xb.T @ dh, dh.sum(0)
        alpha = 0.001 * np.sqrt(1 - 0.999 ** t) / (1 - 0.9 ** t)
        for i in range(4):
            m[i] += (g[i] - m[i]) * 0.1
            v[i] += (g[i] * g[i] - v[i]) * 0.001
            ws[i] -= alpha * m[i] / (np.sqrt(v[i]) + 1e-7)


def cnn_numpy():
    """Conv2D(8, 3, relu) by image patches, MaxPooling2D(2), Dense(10, softmax), sparse CCE,
    Adam lr 0.001, batch 64, one epoch of 1,024 images 28×28×1 (the same work as lectern-bench)."""
    rng = np.random.default_rng(0)
    x = rng.random((1024, 28, 28, 1))
    labels = np.arange(1024) % 10
    ws = [rng.uniform(-0.3, 0.3, (9, 8)), np.zeros(8), rng.uniform(-0.04, 0.04, (13 * 13 * 8, 10)), np.zeros(10)]
    m = [np.zeros_like(w) for w in ws]
    v = [np.zeros_like(w) for w in ws]
    perm = rng.permutation(1024)
    for t, s in enumerate(range(0, 1024, 64), start=1):
        idx = perm[s:s + 64]
        xb, yb = x[idx, :, :, 0], labels[idx]
        n = len(idx)
        cols = np.stack([xb[:, i:i + 26, j:j + 26] for i in range(3) for j in range(3)], axis=-1).reshape(-1, 9)
        h = cols @ ws[0] + ws[1]; a = np.maximum(h, 0).reshape(n, 26, 26, 8)
        blocks = a.reshape(n, 13, 2, 13, 2, 8)
        pooled = blocks.max(axis=(2, 4))
        flat = pooled.reshape(n, -1)
        z = flat @ ws[2] + ws[3]
        e = np.exp(z - z.max(1, keepdims=True)); p = e / e.sum(1, keepdims=True)
        _loss = -np.mean(np.log(np.clip(p[np.arange(n), yb], 1e-7, 1)))
        dz = p.copy(); dz[np.arange(n), yb] -= 1; dz /= n
        g = [None] * 4
        g[2], g[3] = flat.T @ dz, dz.sum(0)
        dpooled = (dz @ ws[2].T).reshape(n, 13, 1, 13, 1, 8)
        mask = blocks == pooled.reshape(n, 13, 1, 13, 1, 8)
        dh = (mask * dpooled).reshape(n * 26 * 26, 8) * (h > 0)
        g[0], g[1] = cols.T @ dh, dh.sum(0)
        alpha = 0.001 * np.sqrt(1 - 0.999 ** t) / (1 - 0.9 ** t)
        for i in range(4):
            m[i] += (g[i] - m[i]) * 0.1
            v[i] += (g[i] * g[i] - v[i]) * 0.001
            ws[i] -= alpha * m[i] / (np.sqrt(v[i]) + 1e-7)


if only in (None, "small_net"):
    print(f"numpy_small_net_sgd_100_epochs {best(7, small_net_numpy)}")
if only in (None, "cnn"):
    print(f"numpy_cnn_adam_1_epoch {best(2, cnn_numpy)}")
if only in (None, "mnist_like"):
    print(f"numpy_mnist_like_adam_1_epoch {best(1, mnist_like_numpy)}")

if only in (None, "small_net", "mnist_like", "cnn", "keras"):
    try:
        os.environ.setdefault("KERAS_BACKEND", "jax")
        import keras
        keras.backend.set_floatx("float64")
        rng = np.random.default_rng(0)

        def keras_small():
            x = rng.standard_normal((256, 10)); y = (x[:, 0] + x[:, 1] > 0).astype(float)
            m = keras.Sequential([keras.Input(shape=(10,)), keras.layers.Dense(32, activation="relu"),
                                  keras.layers.Dense(32, activation="relu"), keras.layers.Dense(1, activation="sigmoid")])
            m.compile(optimizer="sgd", loss="binary_crossentropy")
            m.fit(x, y, epochs=100, batch_size=32, verbose=0)

        def keras_mnist():
            x = rng.random((60000, 784)); y = np.arange(60000) % 10
            m = keras.Sequential([keras.Input(shape=(784,)), keras.layers.Dense(128, activation="relu"),
                                  keras.layers.Dense(10, activation="softmax")])
            m.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
            m.fit(x, y, epochs=1, batch_size=128, verbose=0)
        def keras_cnn():
            x = rng.random((1024, 28, 28, 1)); y = np.arange(1024) % 10
            m = keras.Sequential([keras.Input(shape=(28, 28, 1)), keras.layers.Conv2D(8, 3, activation="relu"),
                                  keras.layers.MaxPooling2D(2), keras.layers.Flatten(),
                                  keras.layers.Dense(10, activation="softmax")])
            m.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
            m.fit(x, y, epochs=1, batch_size=64, verbose=0)
        if only in (None, "small_net", "keras"):
            print(f"keras_small_net_sgd_100_epochs {best(2, keras_small)}")
        if only in (None, "cnn", "keras"):
            print(f"keras_cnn_adam_1_epoch {best(2, keras_cnn)}")
        if only in (None, "mnist_like", "keras"):
            print(f"keras_mnist_like_adam_1_epoch {best(1, keras_mnist)}")
    except ImportError as e:
        print(f"# keras not available: {e}", file=sys.stderr)

if only in (None, "interpreter"):
    def loop():
        s = 0.0
        for i in range(1000000):
            s = s + i * 0.5
    print(f"python_1e6_scalar_ops {best(3, loop)}")

    def tiny():
        a = np.ones((2, 2))
        b = np.ones((2, 2))
        for _ in range(100000):
            a + b
    print(f"numpy_tiny_array_add_1e5 {best(3, tiny)}")

    def multi_hot():
        seqs = [[(i * 7 + j * 13) % 10000 for j in range(50)] for i in range(1000)]
        results = np.zeros((1000, 10000))
        for i, seq in enumerate(seqs):
            results[i][seq] = 1.0
    print(f"numpy_multi_hot_1000x10000 {best(3, multi_hot)}")
