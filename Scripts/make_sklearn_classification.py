#!/usr/bin/env python3
"""Writes Tests/EngineTests/Fixtures/make_classification.json: scikit-learn's
make_classification for a few parameter sets, X as hex floats (compared bit for bit).
Usage: pip install scikit-learn && python3 Scripts/make_sklearn_classification.py"""
import json
import os

import sklearn
from sklearn.datasets import make_classification

CASES = [
    {"random_state": 0},
    {"n_samples": 200, "n_features": 5, "n_informative": 3, "n_redundant": 0, "n_classes": 3,
     "n_clusters_per_class": 1, "random_state": 1},
    {"n_samples": 50, "n_features": 10, "n_informative": 4, "n_redundant": 2, "n_repeated": 2, "flip_y": 0.1,
     "class_sep": 2.0, "weights": [0.7], "random_state": 42},
    {"n_samples": 60, "n_features": 6, "hypercube": False, "shift": None, "scale": None, "random_state": 7},
    {"n_samples": 80, "n_features": 12, "n_informative": 10, "n_redundant": 0, "shuffle": False, "random_state": 5},
    {"n_samples": 100, "n_features": 2, "n_informative": 2, "n_redundant": 0, "weights": [0.9, 0.1], "random_state": 3},
    {"n_samples": 90, "n_features": 8, "n_informative": 3, "n_redundant": 3, "n_classes": 4, "n_clusters_per_class": 2,
     "flip_y": 0.0, "shift": 1.5, "scale": 0.5, "random_state": 11},
]

out = {"sklearn": sklearn.__version__, "cases": []}
for params in CASES:
    X, y = make_classification(**params)
    out["cases"].append({"params": params, "X": [float(v).hex() for v in X.ravel()], "shape": list(X.shape),
                         "y": [int(v) for v in y]})
path = os.path.join(os.path.dirname(__file__), "..", "Tests", "EngineTests", "Fixtures", "make_classification.json")
with open(path, "w") as f:
    json.dump(out, f, indent=None, separators=(",", ":"))
    f.write("\n")
