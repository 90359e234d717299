#!/usr/bin/env python3
"""Reference draws for Lectern's numpy random generators (run by hand, not in CI):

    python3 Scripts/make_numpy_random.py > Tests/EngineTests/Fixtures/numpy_random.json

Every double is stored as its IEEE bit pattern in hex and every uint64 as a decimal
string, so the Swift test compares bit for bit without trusting any JSON float parser.
"Generator" holds sequences of calls on one `default_rng(seed)` (the calls share the
PCG64 state, including its buffered 32-bit half); "legacy" does the same with
`np.random.seed(seed)` and the module-level RandomState functions.
"""
import json
import struct
import sys

import numpy as np


def bits(values):
    return ["%016x" % struct.unpack("<Q", struct.pack("<d", float(v)))[0]
            for v in np.asarray(values, dtype=np.float64).ravel()]


def ints(values):
    return [int(v) for v in np.asarray(values).ravel()]


SEEDS = [0, 1, 7, 42, 12345, 2**32 + 5, 2**64 - 1, 2**100 + 3]


def generator_calls(seed):
    rng = np.random.default_rng(seed)
    calls = []

    def call(method, args, value, kind="f64"):
        calls.append({"method": method, "args": args, "kind": kind,
                      "values": bits(value) if kind == "f64" else ints(value)})

    call("random", {"size": 7}, rng.random(7))
    call("standard_normal", {"size": 1500}, rng.standard_normal(1500))
    call("integers", {"low": 0, "high": 10, "size": 9, "endpoint": False}, rng.integers(0, 10, size=9), "int")
    call("random", {"size": 3}, rng.random(3))
    call("integers", {"low": -5, "high": 5, "size": 8, "endpoint": True},
         rng.integers(-5, 5, size=8, endpoint=True), "int")
    call("integers", {"low": 0, "high": 2**40, "size": 6, "endpoint": False},
         rng.integers(0, 2**40, size=6), "int")
    call("integers", {"low": 0, "high": 2**32, "size": 4, "endpoint": False},
         rng.integers(0, 2**32, size=4), "int")
    call("integers", {"low": 3, "high": 1000003, "size": 5, "endpoint": False},
         rng.integers(3, 1000003, size=5), "int")
    call("normal", {"loc": 1.5, "scale": 0.25, "size": 11}, rng.normal(1.5, 0.25, 11))
    call("uniform", {"low": -2.0, "high": 3.0, "size": 6}, rng.uniform(-2.0, 3.0, 6))
    call("exponential", {"scale": 2.0, "size": 800}, rng.exponential(2.0, 800))
    call("permutation", {"n": 12}, rng.permutation(12), "int")
    call("choice", {"n": 10, "size": 6, "replace": True}, rng.choice(10, 6), "int")
    call("choice", {"n": 20, "size": 7, "replace": False}, rng.choice(20, 7, replace=False), "int")
    p = [0.1, 0.0, 0.3, 0.6, 0.0]
    call("choice", {"n": 5, "size": 8, "replace": True, "p": p}, rng.choice(5, 8, p=p), "int")
    call("choice", {"n": 5, "size": 3, "replace": False, "p": p[:3] + [0.2, 0.4]},
         rng.choice(5, 3, replace=False, p=p[:3] + [0.2, 0.4]), "int")
    call("choice", {"n": 20000, "size": 500, "replace": False}, rng.choice(20000, 500, replace=False), "int")
    x = list(range(9))
    rng.shuffle(x)
    call("shuffle", {"n": 9}, x, "int")
    call("integers", {"low": 0, "high": 1, "size": 3, "endpoint": False}, rng.integers(0, 1, size=3), "int")
    call("binomial", {"n": 10, "p": 0.3, "size": 40}, rng.binomial(10, 0.3, 40), "int")
    call("binomial", {"n": 1, "p": 0.8, "size": 30}, rng.binomial(1, 0.8, 30), "int")
    call("binomial", {"n": 1000, "p": 0.6, "size": 300}, rng.binomial(1000, 0.6, 300), "int")
    call("binomial", {"n": 200, "p": 0.3, "size": 300}, rng.binomial(200, 0.3, 300), "int")
    call("binomial", {"n": 7, "p": 0.0, "size": 3}, rng.binomial(7, 0.0, 3), "int")
    call("standard_normal", {"size": 5}, rng.standard_normal(5))
    return calls


def legacy_calls(seed):
    np.random.seed(seed)
    calls = []

    def call(method, args, value, kind="f64"):
        calls.append({"method": method, "args": args, "kind": kind,
                      "values": bits(value) if kind == "f64" else ints(value)})

    call("randint", {"low": 0, "high": 10, "size": 9}, np.random.randint(0, 10, size=9), "int")
    call("standard_normal", {"size": 5}, np.random.standard_normal(5))
    call("randint", {"low": -3, "high": 2**33, "size": 6}, np.random.randint(-3, 2**33, size=6), "int")
    call("random_sample", {"size": 4}, np.random.random_sample(4))
    p = [0.2, 0.5, 0.0, 0.3]
    call("choice", {"n": 4, "size": 10, "replace": True, "p": p}, np.random.choice(4, 10, p=p), "int")
    call("choice", {"n": 4, "size": 2, "replace": False, "p": p}, np.random.choice(4, 2, replace=False, p=p), "int")
    call("choice", {"n": 30, "size": 5, "replace": False}, np.random.choice(30, 5, replace=False), "int")
    call("choice", {"n": 30, "size": 5, "replace": True}, np.random.choice(30, 5), "int")
    x = list(range(11))
    np.random.shuffle(x)
    call("shuffle", {"n": 11}, x, "int")
    call("binomial", {"n": 10, "p": 0.3, "size": 40}, np.random.binomial(10, 0.3, 40), "int")
    call("binomial", {"n": 1, "p": 0.8, "size": 30}, np.random.binomial(1, 0.8, 30), "int")
    call("binomial", {"n": 1000, "p": 0.6, "size": 300}, np.random.binomial(1000, 0.6, 300), "int")
    call("binomial", {"n": 200, "p": 0.3, "size": 300}, np.random.binomial(200, 0.3, 300), "int")
    call("binomial", {"n": 50, "p": 0.9, "size": 20}, np.random.binomial(50, 0.9, 20), "int")
    call("binomial", {"n": 100000, "p": 0.01, "size": 100}, np.random.binomial(100000, 0.01, 100), "int")
    call("binomial", {"n": 7, "p": 0.0, "size": 3}, np.random.binomial(7, 0.0, 3), "int")
    call("randn", {"size": 3}, np.random.randn(3))
    return calls


def main():
    out = {"numpy": np.__version__, "entropy": {}, "seed_states": {}, "raw": {}, "generator": {}, "legacy": {}}
    for seed in SEEDS:
        out["entropy"][str(seed)] = [int(w) for w in np.random.bit_generator._coerce_to_uint32_array(seed)]
        out["seed_states"][str(seed)] = [str(v) for v in np.random.SeedSequence(seed).generate_state(4, np.uint64)]
        out["raw"][str(seed)] = [str(v) for v in np.random.PCG64(seed).random_raw(6)]
        out["generator"][str(seed)] = generator_calls(seed)
        if seed < 2**32:
            out["legacy"][str(seed)] = legacy_calls(seed)
    json.dump(out, sys.stdout, separators=(",", ":"), sort_keys=True)
    sys.stdout.write("\n")


main()
