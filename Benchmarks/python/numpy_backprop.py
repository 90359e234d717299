# Per-sample backprop with small numpy arrays: a 2-4-1 sigmoid network, (2,1)/(4,1) column
# vectors, 200 samples x 20 epochs.
import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def run():
    W1 = np.array([[0.1, -0.2], [0.3, 0.4], [-0.5, 0.2], [0.25, -0.1]])
    b1 = np.zeros((4, 1))
    W2 = np.array([[0.2, -0.3, 0.1, 0.4]])
    b2 = np.zeros((1, 1))
    lr = 0.5
    samples = []
    for i in range(200):
        x = np.array([[np.sin(i * 0.37)], [np.cos(i * 0.11)]])
        y = 1.0 if x[0, 0] * x[1, 0] > 0 else 0.0
        samples.append((x, y))
    loss = 0.0
    for epoch in range(20):
        loss = 0.0
        for x, y in samples:
            a1 = sigmoid(W1 @ x + b1)
            a2 = sigmoid(W2 @ a1 + b2)
            loss += float(((a2 - y) ** 2).sum())
            d2 = (a2 - y) * a2 * (1 - a2)
            d1 = (W2.T @ d2) * a1 * (1 - a1)
            W2 = W2 - lr * d2 @ a1.T
            b2 = b2 - lr * d2
            W1 = W1 - lr * d1 @ x.T
            b1 = b1 - lr * d1
    return loss / len(samples)


print(f"{run():.6f}")
