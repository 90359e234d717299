#!/usr/bin/env python3
"""Reference numbers for Lectern's engine tests.

Run by hand (not in CI), with Keras 3 and JAX installed (pip install keras jax):
    JAX_ENABLE_X64=1 KERAS_BACKEND=jax python3 Scripts/make_reference.py > Tests/EngineTests/Fixtures/reference.json
Without Keras the "keras" section records that it was not available and only the numpy side is made.

Two independent sources:
  * "numpy": a float64 re-implementation of Keras 3's semantics in plain numpy (losses, the
    optimizers' update rules, fit's history bookkeeping). The Swift tests match it to 1e-10.
  * "keras": the same computations through real Keras (floatx float64) when it is importable;
    the tests check the numpy side against it to 1e-6 (Keras rounds some reductions).
  * "keras_layers": Conv2D, pooling, (Batch)Normalization, ReLU options, the from_logits losses,
    losses with sample_weight and a fit with sample_weight
    and two short trainings through real Keras (gradients by jax.grad), plus numpy float64
    values where Keras itself rounds through float32 (BatchNormalization, ops.mean).
    Only this section is new when the fixture is regenerated; the older sections keep their
    committed numbers (a different BLAS changes their last bits).
Random draws come from numpy's legacy RandomState, which Lectern's generator reproduces.
"""
import json
import sys

import numpy as np

EPS = 1e-7


# ---------------------------------------------------------------- data and weights
def det(shape, a, b):
    """Deterministic values in (-1, 1): sin of an affine function of the flat index."""
    n = int(np.prod(shape))
    return np.sin(a * np.arange(n) + b).reshape(shape)


X = det((64, 10), 0.37, 0.1)
Y = (X @ det((10,), 1.3, 0.2) > 0).astype(np.float64)
WEIGHTS = [det((10, 32), 0.71, 0.3) * 0.4, det((32,), 0.5, 0.9) * 0.1,
           det((32, 32), 0.43, 1.7) * 0.3, det((32,), 0.8, 0.2) * 0.1,
           det((32, 1), 0.91, 0.4) * 0.5, det((1,), 1.0, 0.5) * 0.1]


# ---------------------------------------------------------------- numpy re-implementation
def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def forward(ws, x):
    h1 = x @ ws[0] + ws[1]
    a1 = np.maximum(h1, 0)
    h2 = a1 @ ws[2] + ws[3]
    a2 = np.maximum(h2, 0)
    z3 = a2 @ ws[4] + ws[5]
    return (h1, a1, h2, a2, z3), sigmoid(z3)


def bce(y, p):
    pc = np.clip(p, EPS, 1 - EPS)
    return np.mean(-np.mean(y * np.log(pc) + (1 - y) * np.log(1 - pc), axis=-1))


def grads(ws, x, y):
    (h1, a1, h2, a2, z3), p = forward(ws, x)
    y = y.reshape(-1, 1)
    n = x.shape[0]
    pc = np.clip(p, EPS, 1 - EPS)
    dp = (-(y / pc) + (1 - y) / (1 - pc)) / n * ((p >= EPS) & (p <= 1 - EPS))
    dz3 = dp * p * (1 - p)
    g5, g6 = a2.T @ dz3, dz3.sum(0)
    da2 = dz3 @ ws[4].T
    dh2 = da2 * (h2 > 0)
    g3, g4 = a1.T @ dh2, dh2.sum(0)
    da1 = dh2 @ ws[2].T
    dh1 = da1 * (h1 > 0)
    g1, g2 = x.T @ dh1, dh1.sum(0)
    return bce(y, p), p, [g1, g2, g3, g4, g5, g6]


class SGD:
    def __init__(self, lr=0.01, momentum=0.0, nesterov=False):
        self.lr, self.m, self.nesterov, self.v = lr, momentum, nesterov, None

    def step(self, ws, gs):
        if self.v is None:
            self.v = [np.zeros_like(w) for w in ws]
        out = []
        for i, (w, g) in enumerate(zip(ws, gs)):
            if self.m == 0:
                out.append(w - self.lr * g)
                continue
            self.v[i] = self.m * self.v[i] - self.lr * g
            out.append(w + (self.m * self.v[i] - self.lr * g if self.nesterov else self.v[i]))
        return out


class Adam:
    def __init__(self, lr=0.001, b1=0.9, b2=0.999, eps=1e-7):
        self.lr, self.b1, self.b2, self.eps, self.t, self.m, self.v = lr, b1, b2, eps, 0, None, None

    def step(self, ws, gs):
        if self.m is None:
            self.m = [np.zeros_like(w) for w in ws]
            self.v = [np.zeros_like(w) for w in ws]
        self.t += 1
        alpha = self.lr * np.sqrt(1 - self.b2 ** self.t) / (1 - self.b1 ** self.t)
        out = []
        for i, (w, g) in enumerate(zip(ws, gs)):
            self.m[i] = self.m[i] + (g - self.m[i]) * (1 - self.b1)
            self.v[i] = self.v[i] + (g * g - self.v[i]) * (1 - self.b2)
            out.append(w - alpha * self.m[i] / (np.sqrt(self.v[i]) + self.eps))
        return out


class RMSprop:
    def __init__(self, lr=0.001, rho=0.9, eps=1e-7):
        self.lr, self.rho, self.eps, self.v = lr, rho, eps, None

    def step(self, ws, gs):
        if self.v is None:
            self.v = [np.zeros_like(w) for w in ws]
        out = []
        for i, (w, g) in enumerate(zip(ws, gs)):
            self.v[i] = self.rho * self.v[i] + (1 - self.rho) * g * g
            out.append(w - self.lr * g / np.sqrt(self.v[i] + self.eps))
        return out


class Adagrad:
    def __init__(self, lr=0.001, init=0.1, eps=1e-7):
        self.lr, self.init, self.eps, self.acc = lr, init, eps, None

    def step(self, ws, gs):
        if self.acc is None:
            self.acc = [np.full_like(w, self.init) for w in ws]
        out = []
        for i, (w, g) in enumerate(zip(ws, gs)):
            self.acc[i] = self.acc[i] + g * g
            out.append(w - self.lr * g / np.sqrt(self.acc[i] + self.eps))
        return out


def fit(opt, epochs, batch=32):
    """Keras's fit without shuffling: epoch loss = batch-size-weighted mean of pre-update losses."""
    ws = [w.copy() for w in WEIGHTS]
    hist, acc_hist = [], []
    for _ in range(epochs):
        total, correct = 0.0, 0.0
        for s in range(0, len(X), batch):
            xb, yb = X[s:s + batch], Y[s:s + batch]
            loss, p, gs = grads(ws, xb, yb)
            total += loss * len(xb)
            correct += np.sum((p[:, 0] > 0.5).astype(float) == yb)
            ws = opt.step(ws, gs)
        hist.append(total / len(X))
        acc_hist.append(correct / len(X))
    return hist, acc_hist, ws


def loss_cases():
    p = np.array([[0.7, 0.2, 0.1], [0.1, 0.5, 0.4], [0.3, 0.3, 0.4], [1.0, 0.0, 0.0]])
    y = np.array([[1.0, 0.0, 0.0], [0.0, 0.0, 1.0], [0.0, 1.0, 0.0], [1.0, 0.0, 0.0]])
    labels = np.argmax(y, axis=1).astype(float)
    pb = np.array([[0.9], [0.2], [0.6], [1.0], [0.0]])
    yb = np.array([[1.0], [0.0], [0.0], [1.0], [1.0]])
    n = len(p)

    def num_grad(f, x, h=1e-6):
        g = np.zeros_like(x)
        for i in np.ndindex(x.shape):
            e = np.zeros_like(x)
            e[i] = h
            g[i] = (f(x + e) - f(x - e)) / (2 * h)
        return g

    cases = {}
    mse = lambda q: np.mean(np.mean((q - y) ** 2, axis=-1))
    cases["mse"] = (mse(p), 2 * (p - y) / (n * p.shape[1]))
    mae = lambda q: np.mean(np.mean(np.abs(q - y), axis=-1))
    cases["mae"] = (mae(p), np.sign(p - y) / (n * p.shape[1]))
    half = lambda q: np.mean(0.5 * np.sum((q - y) ** 2, axis=-1))
    cases["half_sse"] = (half(p), (p - y) / n)

    def bce_(q):
        qc = np.clip(q, EPS, 1 - EPS)
        return np.mean(-np.mean(yb * np.log(qc) + (1 - yb) * np.log(1 - qc), axis=-1))
    pbc = np.clip(pb, EPS, 1 - EPS)
    mask = ((pb >= EPS) & (pb <= 1 - EPS)).astype(float)
    cases["binary_crossentropy"] = (bce_(pb), (-(yb / pbc) + (1 - yb) / (1 - pbc)) / len(pb) * mask)

    def cce(q, t):
        r = q / q.sum(-1, keepdims=True)
        rc = np.clip(r, EPS, 1 - EPS)
        return np.mean(-np.sum(t * np.log(rc), axis=-1))
    # Analytic gradient through the renormalisation and the clip.
    def cce_grad(q, t):
        s = q.sum(-1, keepdims=True)
        r = q / s
        inside = ((r >= EPS) & (r <= 1 - EPS)).astype(float)
        dr = -t / np.clip(r, EPS, 1 - EPS) * inside / len(q)
        return dr / s - (dr * q).sum(-1, keepdims=True) / s ** 2
    cases["categorical_crossentropy"] = (cce(p, y), cce_grad(p, y))
    cases["sparse_categorical_crossentropy"] = (cce(p, y), cce_grad(p, y))
    out = {}
    for name, (value, grad) in cases.items():
        pred = pb if name == "binary_crossentropy" else p
        target = yb if name == "binary_crossentropy" else (labels if name.startswith("sparse") else y)
        out[name] = {"prediction": pred.tolist(), "target": target.tolist(), "loss": float(value), "grad": grad.tolist()}
    return out


def optimizer_steps():
    w = [np.array([[0.5, -0.3], [0.1, 0.8]]), np.array([0.05, -0.02])]
    g1 = [np.array([[0.2, -0.1], [0.4, 0.05]]), np.array([0.3, -0.6])]
    g2 = [np.array([[-0.1, 0.3], [0.2, -0.2]]), np.array([0.1, 0.2])]
    specs = {
        "sgd": lambda: SGD(lr=0.1),
        "sgd_momentum": lambda: SGD(lr=0.1, momentum=0.9),
        "sgd_nesterov": lambda: SGD(lr=0.1, momentum=0.9, nesterov=True),
        "adam": lambda: Adam(lr=0.01),
        "rmsprop": lambda: RMSprop(lr=0.01),
        "adagrad": lambda: Adagrad(lr=0.1),
    }
    out = {}
    for name, make in specs.items():
        opt = make()
        after1 = opt.step(w, g1)
        after2 = opt.step(after1, g2)
        out[name] = {"after_one": [a.tolist() for a in after1], "after_two": [a.tolist() for a in after2]}
    return {"weights": [a.tolist() for a in w], "grads": [[a.tolist() for a in g1], [a.tolist() for a in g2]], "results": out}


def random_draws():
    np.random.seed(0)
    rand = np.random.rand(5)
    randn = np.random.randn(5)
    uniform = np.random.uniform(-1, 1, 3)
    normal = np.random.normal(2, 3, 3)
    perm = np.random.permutation(10)
    np.random.seed(42)
    rand42 = np.random.rand(3)
    # Hex floats: exact bits, whatever the JSON reader's decimal rounding.
    hexes = lambda a: [float(v).hex() for v in a]
    return {"seed0": {"rand": hexes(rand), "randn": hexes(randn), "uniform": hexes(uniform),
                      "normal": hexes(normal), "permutation": perm.tolist()},
            "seed42": {"rand": hexes(rand42)}}


def keras_side():
    """The same runs through real Keras, when it is installed (KERAS_BACKEND=jax works)."""
    try:
        import os
        os.environ.setdefault("KERAS_BACKEND", "jax")
        import keras
    except Exception as e:  # noqa: BLE001 - any import failure means "not available"
        return {"available": False, "reason": str(e).splitlines()[0]}
    keras.backend.set_floatx("float64")

    def model():
        m = keras.Sequential([keras.Input(shape=(10,)), keras.layers.Dense(32, activation="relu"),
                              keras.layers.Dense(32, activation="relu"), keras.layers.Dense(1, activation="sigmoid")])
        m.set_weights([w.copy() for w in WEIGHTS])
        return m
    out = {"available": True, "version": keras.__version__}
    m = model()
    m.compile(optimizer=keras.optimizers.SGD(learning_rate=0.01), loss="binary_crossentropy", metrics=["accuracy"])
    h = m.fit(X, Y, epochs=20, batch_size=32, shuffle=False, verbose=0)
    out["sgd_history"] = [float(v) for v in h.history["loss"]]
    m = model()
    m.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss="binary_crossentropy")
    h = m.fit(X, Y, epochs=3, batch_size=32, shuffle=False, verbose=0)
    out["adam_history"] = [float(v) for v in h.history["loss"]]
    losses = {}
    for name, case in loss_cases().items():
        fn = keras.losses.get(name) if name != "half_sse" else None
        if fn is None:
            continue
        y = np.array(case["target"])
        p = np.array(case["prediction"])
        losses[name] = float(np.mean(np.asarray(fn(y, p))))
    out["losses"] = losses
    return out


def keras_layers():
    """Conv2D, pooling, (Batch)Normalization, ReLU options and the from_logits losses through
    real Keras 3 (JAX backend, float64): outputs, gradients by jax.grad, and short trainings."""
    try:
        import os
        os.environ.setdefault("KERAS_BACKEND", "jax")
        import jax
        import jax.numpy as jnp
        import keras
    except Exception as e:  # noqa: BLE001 - any import failure means "not available"
        return {"available": False, "reason": str(e).splitlines()[0]}
    keras.backend.set_floatx("float64")
    L = keras.layers
    out = {"available": True, "version": keras.__version__}

    def tolist(a):
        return np.asarray(a, dtype=np.float64).tolist()

    # Keras converts some numpy float64 inputs through float32 (a loss called on numpy arrays,
    # a layer's stateless_call); JAX float64 arrays keep every bit.
    def J(a):
        return jnp.asarray(a, dtype=jnp.float64)

    x = det((2, 5, 6, 2), 0.37, 0.1)
    convs = []
    for kernel, strides, padding in [((3, 3), (1, 1), "valid"), ((3, 2), (2, 1), "valid"), ((3, 3), (2, 2), "same"),
                                     ((2, 2), (1, 1), "same"), ((1, 3), (3, 2), "same")]:
        layer = L.Conv2D(3, kernel, strides=strides, padding=padding)
        layer.build(x.shape)
        k = det(kernel + (2, 3), 0.71, 0.3) * 0.5
        b = det((3,), 0.5, 0.9) * 0.1
        layer.set_weights([k, b])
        y = np.asarray(layer(x))
        r = det(y.shape, 0.43, 1.7)

        def f(x_, k_, b_):
            return jnp.sum(layer.stateless_call([k_, b_], [], x_)[0] * r)
        gx, gk, gb = jax.grad(f, argnums=(0, 1, 2))(x, k, b)
        convs.append({"kernel_size": list(kernel), "strides": list(strides), "padding": padding, "x": tolist(x),
                      "kernel": tolist(k), "bias": tolist(b), "output": tolist(y), "weights_of_sum": tolist(r),
                      "grad_x": tolist(gx), "grad_kernel": tolist(gk), "grad_bias": tolist(gb)})
    out["conv2d"] = convs

    pools = []
    for kind in ["max", "average"]:
        for size, strides, padding in [((2, 2), None, "valid"), ((3, 2), (2, 1), "valid"), ((3, 3), (2, 2), "same"),
                                       ((2, 2), (1, 1), "same")]:
            layer = (L.MaxPooling2D if kind == "max" else L.AveragePooling2D)(size, strides=strides, padding=padding)
            y = np.asarray(layer(x))
            r = det(y.shape, 0.43, 1.7)
            gx = jax.grad(lambda x_: jnp.sum(layer(x_) * r))(x)
            pools.append({"kind": kind, "pool_size": list(size), "strides": list(strides) if strides else None,
                          "padding": padding, "output": tolist(y), "weights_of_sum": tolist(r), "grad_x": tolist(gx)})
    out["pooling"] = {"x": tolist(x), "cases": pools}

    xb = J(det((8, 3), 0.61, 0.2) * 2 + 0.5)
    bn = L.BatchNormalization()
    bn.build(xb.shape)
    gamma, beta = J(det((3,), 0.3, 0.4) + 1.0), J(det((3,), 0.9, 0.1) * 0.2)
    bn.set_weights([gamma, beta, np.zeros(3), np.ones(3)])
    r = J(det((8, 3), 0.43, 1.7))

    def fb(x_, g_, b_):
        y_, _ = bn.stateless_call([g_, b_], [J(np.zeros(3)), J(np.ones(3))], x_, training=True)
        return jnp.sum(y_ * r)
    y_train, moving = bn.stateless_call([gamma, beta], [J(np.zeros(3)), J(np.ones(3))], xb, training=True)
    gx, gg, gbeta = jax.grad(fb, argnums=(0, 1, 2))(xb, gamma, beta)
    bn.set_weights([gamma, beta] + [np.asarray(m) for m in moving])
    # Keras 3 computes BatchNormalization in result_type(float64, float32) = float32, so the
    # exact float64 numbers come from numpy: x·inv + (β − mean·inv), inv = γ/√(var + ε).
    xn, gn, bnp = np.asarray(xb), np.asarray(gamma), np.asarray(beta)
    mean, var = xn.mean(0), xn.var(0)
    inv = gn / np.sqrt(var + 1e-3)
    moving_mean, moving_var = 0.01 * mean, 0.99 + 0.01 * var
    inv_inference = gn / np.sqrt(moving_var + 1e-3)
    numpy_bn = {"training_output": tolist(xn * inv + (bnp - mean * inv)), "moving_mean": tolist(moving_mean),
                "moving_variance": tolist(moving_var),
                "inference_output": tolist(xn * inv_inference + (bnp - moving_mean * inv_inference))}
    out["batch_normalization"] = {
        "x": tolist(xb), "gamma": tolist(gamma), "beta": tolist(beta), "training_output": tolist(y_train),
        "moving_mean": tolist(moving[0]), "moving_variance": tolist(moving[1]), "weights_of_sum": tolist(r),
        "grad_x": tolist(gx), "grad_gamma": tolist(gg), "grad_beta": tolist(gbeta),
        "inference_output": tolist(bn(xb, training=False)), "numpy": numpy_bn}

    norm = L.Normalization()
    norm.adapt(np.asarray(xb))  # numpy data: Keras adapts with np.mean/np.var in float64
    out["normalization"] = {"x": tolist(xb), "mean": tolist(norm.mean), "variance": tolist(norm.variance),
                            "output": tolist(norm(xb)), "count_params": norm.count_params()}

    z = J(det((12,), 0.37, 0.1) * 3)
    out["relu"] = {"x": tolist(z), "cases": [
        {"max_value": mv, "negative_slope": ns, "threshold": th,
         "output": tolist(L.ReLU(max_value=mv, negative_slope=ns, threshold=th)(z))}
        for mv, ns, th in [(None, 0.0, 0.0), (1.0, 0.0, 0.0), (None, 0.1, 0.5), (2.0, 0.3, 0.25)]]}

    logits = det((5, 3), 0.53, 0.3) * 3
    onehot = np.eye(3)[[0, 2, 1, 1, 0]]
    blogits = det((5, 1), 0.77, 0.2) * 4
    bt = np.array([[1.0], [0.0], [0.0], [1.0], [1.0]])
    losses = []
    for cls, kwargs, t, q in [("BinaryCrossentropy", {"from_logits": True}, bt, blogits),
                              ("BinaryCrossentropy", {"from_logits": True, "label_smoothing": 0.2}, bt, blogits),
                              ("BinaryCrossentropy", {"label_smoothing": 0.2}, bt, 1 / (1 + np.exp(-blogits))),
                              ("CategoricalCrossentropy", {"from_logits": True}, onehot, logits),
                              ("CategoricalCrossentropy", {"from_logits": True, "label_smoothing": 0.1}, onehot, logits),
                              ("SparseCategoricalCrossentropy", {"from_logits": True}, np.argmax(onehot, 1).astype(float), logits)]:
        fn = getattr(keras.losses, cls)(**kwargs)
        t, q = J(t), J(q)
        value = float(fn(t, q))
        # Keras's ops.mean over the last axis rounds through float32; numpy gives the float64 value.
        tn, qn = np.asarray(t), np.asarray(q)
        s = kwargs.get("label_smoothing", 0.0)
        if cls == "BinaryCrossentropy":
            tn = tn * (1 - s) + 0.5 * s
            if kwargs.get("from_logits"):
                per = np.mean(tn * np.logaddexp(0, -qn) + (1 - tn) * np.logaddexp(0, qn), axis=-1)
            else:
                qc = np.clip(qn, EPS, 1 - EPS)
                per = -np.mean(tn * np.log(qc) + (1 - tn) * np.log(1 - qc), axis=-1)
        else:
            if cls.startswith("Sparse"):
                tn = np.eye(qn.shape[-1])[tn.astype(int)]
            tn = tn * (1 - s) + s / qn.shape[-1]
            shifted = qn - qn.max(-1, keepdims=True)
            per = -np.sum(tn * (shifted - np.log(np.exp(shifted).sum(-1, keepdims=True))), axis=-1)
        numpy_value = float(np.mean(per))
        g = jax.grad(lambda q_: fn(t, q_))(q)
        losses.append({"class": cls, "options": kwargs, "target": tolist(t), "prediction": tolist(q), "loss": value,
                       "numpy_loss": numpy_value, "grad": tolist(g)})
    out["logit_losses"] = losses

    # A small CNN trained a few steps, and a dense network with BatchNormalization.
    images = det((12, 6, 6, 1), 0.29, 0.6)
    labels = (np.arange(12) % 3).astype(np.float64)
    cnn = keras.Sequential([keras.Input(shape=(6, 6, 1)), L.Conv2D(2, 3, activation="relu", padding="same"),
                            L.MaxPooling2D(2), L.Flatten(), L.Dense(3)])
    cnn_weights = [det((3, 3, 1, 2), 0.71, 0.3) * 0.6, det((2,), 0.5, 0.9) * 0.1, det((18, 3), 0.43, 1.7) * 0.4,
                   det((3,), 0.8, 0.2) * 0.1]
    cnn.set_weights(cnn_weights)
    cnn.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01),
                loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True), metrics=["accuracy"])
    h = cnn.fit(images, labels, epochs=3, batch_size=4, shuffle=False, verbose=0)
    out["cnn"] = {"x": tolist(images), "y": tolist(labels), "weights": [tolist(w) for w in cnn_weights],
                  "history": [float(v) for v in h.history["loss"]], "accuracy": [float(v) for v in h.history["accuracy"]],
                  "final_weights": [tolist(w) for w in cnn.get_weights()]}
    dense_x = det((16, 3), 0.61, 0.2) * 2
    dense_y = (dense_x.sum(1) > 0).astype(np.float64)
    bn_net = keras.Sequential([keras.Input(shape=(3,)), L.Dense(4), L.BatchNormalization(), L.ReLU(),
                               L.Dense(1, activation="sigmoid")])
    bn_weights = [det((3, 4), 0.71, 0.3) * 0.6, det((4,), 0.5, 0.9) * 0.1, np.ones(4), np.zeros(4), np.zeros(4),
                  np.ones(4), det((4, 1), 0.43, 1.7) * 0.5, det((1,), 0.8, 0.2) * 0.1]
    bn_net.set_weights(bn_weights)
    bn_net.compile(optimizer=keras.optimizers.SGD(learning_rate=0.1), loss="binary_crossentropy")
    h = bn_net.fit(dense_x, dense_y, epochs=2, batch_size=8, shuffle=False, verbose=0)
    out["batchnorm_network"] = {"x": tolist(dense_x), "y": tolist(dense_y), "weights": [tolist(w) for w in bn_weights],
                                "history": [float(v) for v in h.history["loss"]],
                                "final_weights": [tolist(w) for w in bn_net.get_weights()],
                                "prediction": tolist(bn_net.predict(dense_x, verbose=0))}

    # sample_weight: each loss's weighted value and gradient, and a fit with per-sample weights.
    weights = np.array([0.5, 2.0, 0.0, 1.25])
    probabilities = det((4, 3), 0.37, 0.4) * 0.4 + 0.5
    weighted = []
    for cls, kwargs, t, q in [
        ("BinaryCrossentropy", {}, (det((4, 3), 0.2, 0.1) > 0).astype(np.float64), probabilities),
        ("BinaryCrossentropy", {"from_logits": True}, (det((4, 3), 0.2, 0.1) > 0).astype(np.float64), det((4, 3), 0.3, 0.7) * 3),
        ("CategoricalCrossentropy", {}, np.eye(3)[[0, 2, 1, 1]], probabilities),
        ("SparseCategoricalCrossentropy", {"from_logits": True}, np.array([0.0, 2, 1, 1]), det((4, 3), 0.3, 0.7) * 3),
        ("MeanSquaredError", {}, det((4, 3), 0.2, 0.1), probabilities),
        ("MeanAbsoluteError", {}, det((4, 3), 0.2, 0.1), probabilities),
    ]:
        loss = getattr(keras.losses, cls)(**kwargs)
        fn = lambda t_, q_: loss(t_, q_, sample_weight=jnp.asarray(weights))  # noqa: E731
        weighted.append({"class": cls, "options": kwargs, "target": tolist(t), "prediction": tolist(q),
                         "sample_weight": tolist(weights), "loss": float(fn(t, q)),
                         "grad": tolist(jax.grad(lambda q_: fn(t, q_))(jnp.asarray(q)))})
    out["weighted_losses"] = weighted
    fit_weights = (np.arange(16) % 4 + 1) / 2.0
    small = keras.Sequential([keras.Input(shape=(3,)), L.Dense(4, activation="tanh"), L.Dense(1, activation="sigmoid")])
    small_weights = [det((3, 4), 0.71, 0.3) * 0.6, det((4,), 0.5, 0.9) * 0.1, det((4, 1), 0.43, 1.7) * 0.5, det((1,), 0.8, 0.2) * 0.1]
    small.set_weights(small_weights)
    small.compile(optimizer=keras.optimizers.SGD(learning_rate=0.1), loss="binary_crossentropy", metrics=["accuracy"])
    h = small.fit(dense_x, dense_y, sample_weight=fit_weights, epochs=3, batch_size=8, shuffle=False, verbose=0)
    out["weighted_fit"] = {"x": tolist(dense_x), "y": tolist(dense_y), "sample_weight": tolist(fit_weights),
                           "weights": [tolist(w) for w in small_weights],
                           "history": [float(v) for v in h.history["loss"]],
                           "accuracy": [float(v) for v in h.history["accuracy"]],
                           "final_weights": [tolist(w) for w in small.get_weights()]}
    return out


def main():
    sgd_hist, sgd_acc, sgd_final = fit(SGD(lr=0.01), 20)
    adam_hist, _, adam_final = fit(Adam(lr=0.01), 3)
    loss0, p0, g0 = grads(WEIGHTS, X, Y)
    ref = {
        "about": "made by Scripts/make_reference.py; numpy float64 re-implementation of Keras 3 semantics, plus real Keras when available",
        "numpy_version": np.__version__,
        "network": {"x": X.tolist(), "y": Y.tolist(), "weights": [w.tolist() for w in WEIGHTS],
                    "initial_loss": float(loss0), "initial_prediction_head": p0[:4, 0].tolist(),
                    "initial_grads": [g.tolist() for g in g0],
                    "sgd": {"learning_rate": 0.01, "epochs": 20, "history": sgd_hist, "accuracy": sgd_acc,
                            "final_weights": [w.tolist() for w in sgd_final]},
                    "adam": {"learning_rate": 0.01, "epochs": 3, "history": adam_hist,
                             "final_weights": [w.tolist() for w in adam_final]}},
        "losses": loss_cases(),
        "optimizers": optimizer_steps(),
        "random": random_draws(),
        "keras": keras_side(),
        "keras_layers": keras_layers(),
    }
    json.dump(ref, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
