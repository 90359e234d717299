# Per-example logistic regression with math.exp: 200 examples x 100 epochs of SGD.
import math


def data():
    xs, ys = [], []
    for i in range(200):
        a = math.sin(i * 0.37) * 2.0
        b = math.cos(i * 0.11) * 1.5
        xs.append((a, b))
        ys.append(1.0 if a + 0.5 * b > 0.2 else 0.0)
    return xs, ys


def train(xs, ys):
    w0, w1, b = 0.0, 0.0, 0.0
    lr = 0.1
    loss = 0.0
    for epoch in range(100):
        loss = 0.0
        for (x0, x1), y in zip(xs, ys):
            z = w0 * x0 + w1 * x1 + b
            p = 1.0 / (1.0 + math.exp(-z))
            loss -= y * math.log(p + 1e-12) + (1.0 - y) * math.log(1.0 - p + 1e-12)
            g = p - y
            w0 -= lr * g * x0
            w1 -= lr * g * x1
            b -= lr * g
    return w0, w1, b, loss / len(xs)


xs, ys = data()
w0, w1, b, loss = train(xs, ys)
print(f"{w0:.6f} {w1:.6f} {b:.6f} {loss:.6f}")
