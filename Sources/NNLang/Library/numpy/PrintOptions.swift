import Display
import Engine

/// `np.set_printoptions`, `np.get_printoptions` and the `np.printoptions` context manager:
/// the options every array print of the document reads (`Interpreter.printOptions`).
extension Library {
    /// Applies `set_printoptions(precision, threshold, edgeitems, linewidth, suppress, …)`;
    /// numpy's other options are refused by name when given a value.
    static func setPrintOptions(_ args: Arguments, _ interp: Interpreter) throws(Failure) {
        let unsupported = ["nanstr", "infstr", "formatter", "sign", "floatmode", "legacy", "override_repr"]
        try args.accept(["precision", "threshold", "edgeitems", "linewidth", "suppress"] + unsupported)
        if args.positional.count > 5 {
            throw Failure("NotImplementedError: Lectern does not support the '\(unsupported[0])' argument of set_printoptions()")
        }
        for (k, v) in args.keywords where unsupported.contains(k) && !v.isNone {
            throw Failure("NotImplementedError: Lectern does not support the '\(k)' argument of set_printoptions()")
        }
        var o = interp.printOptions
        func int(_ i: Int, _ n: String, _ current: Int) throws(Failure) -> Int {
            guard let v = args.optional(i, n), !v.isNone else { return current }
            return try v.asInt(n)
        }
        o.precision = try int(0, "precision", o.precision)
        o.threshold = try int(1, "threshold", o.threshold)
        o.edgeitems = try int(2, "edgeitems", o.edgeitems)
        o.linewidth = try int(3, "linewidth", o.linewidth)
        if let v = args.optional(4, "suppress"), !v.isNone { o.suppress = try interp.truthy(v) }
        guard o.precision >= 0 else { throw Failure("ValueError: precision must be >= 0") }
        interp.printOptions = o
    }

    /// `np.get_printoptions()`: the options Lectern implements, as a dict.
    static func printOptionsDict(_ interp: Interpreter) throws(Failure) -> Value {
        let o = interp.printOptions
        let d = DictBox()
        for (k, v) in [("edgeitems", o.edgeitems), ("threshold", o.threshold), ("linewidth", o.linewidth), ("precision", o.precision)] {
            try d.set(.str(k), .int(v))
        }
        try d.set(.str("suppress"), .bool(o.suppress))
        return .dict(d)
    }
}

/// `with np.printoptions(precision=3) as opts:` — sets the options on entry (a bad option is
/// the `with` line's error, as in numpy) and restores the previous ones on exit, also when
/// an exception leaves the block; `opts` is the `get_printoptions()` dict.
final class PrintOptionsContext: EngineObject {
    private let arguments: Arguments
    private var saved: [PrintOptions] = []

    init(_ arguments: Arguments) { self.arguments = arguments }

    var typeName: String { "_GeneratorContextManager" }
    var displayText: String { "<contextlib._GeneratorContextManager object>" }

    func attribute(_ name: String, _ interp: Interpreter) throws(Failure) -> Value? {
        switch name {
        case "__enter__":
            return Library.fn(name) { _ throws(Failure) in
                let previous = interp.printOptions
                let a = self.arguments
                let args = Arguments(function: "set_printoptions", positional: a.positional, keywords: a.keywords, interpreter: interp)
                try Library.setPrintOptions(args, interp)
                self.saved.append(previous)
                return try Library.printOptionsDict(interp)
            }
        case "__exit__":
            return Library.fn(name) { _ throws(Failure) in
                if let previous = self.saved.popLast() { interp.printOptions = previous }
                return .bool(false)
            }
        default: return nil
        }
    }
}
