/// Signatures numpy's functions share, declared as numpy 2.4 writes them
/// (`Tests/NNLangTests/Fixtures/signatures.tsv` holds the real ones; a test compares).
extension Library {
    /// A ufunc's signature: its inputs (positional-only), then `out` and the ufunc keywords.
    static func ufunc(_ name: String, _ inputs: [String] = ["x"]) -> String {
        name + "(" + inputs.joined(separator: ", ")
            + ", /, out=None, *, where=True, casting='same_kind', order='K', dtype=None, subok=True, signature=None)"
    }

    /// The ufunc keywords Lectern does not implement: refused unless given their defaults.
    static let ufuncOptions = ["out", "where", "casting", "order", "dtype", "subok", "signature"]

    /// The reductions' signatures as functions (`reduction` refuses `out`, `initial`, `where`, …).
    static let reductionSignatures: [String: String] = [
        "sum": "sum(a, axis=None, dtype=None, out=None, keepdims=<no value>, initial=<no value>, where=<no value>)",
        "prod": "prod(a, axis=None, dtype=None, out=None, keepdims=<no value>, initial=<no value>, where=<no value>)",
        "mean": "mean(a, axis=None, dtype=None, out=None, keepdims=<no value>, *, where=<no value>)",
        "max": "max(a, axis=None, out=None, keepdims=<no value>, initial=<no value>, where=<no value>)",
        "min": "min(a, axis=None, out=None, keepdims=<no value>, initial=<no value>, where=<no value>)",
        "argmax": "argmax(a, axis=None, out=None, *, keepdims=<no value>)",
        "argmin": "argmin(a, axis=None, out=None, *, keepdims=<no value>)",
        "var":
            "var(a, axis=None, dtype=None, out=None, ddof=0, keepdims=<no value>, *, where=<no value>, mean=<no value>, correction=<no value>)",
        "std":
            "std(a, axis=None, dtype=None, out=None, ddof=0, keepdims=<no value>, *, where=<no value>, mean=<no value>, correction=<no value>)",
        "cumsum": "cumsum(a, axis=None, dtype=None, out=None)",
        "any": "any(a, axis=None, out=None, keepdims=<no value>, *, where=<no value>)",
        "all": "all(a, axis=None, out=None, keepdims=<no value>, *, where=<no value>)",
    ]
}
