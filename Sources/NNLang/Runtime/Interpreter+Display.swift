import Display
import Engine
import Foundation

// MARK: - How values are shown

extension Interpreter {
    /// What a displayed value shows.
    func display(_ v: Value) -> Shown {
        switch v {
        case .int(let i): return .integer(i)
        case .float(let d): return .scalar(d)
        case .tensor(let t):
            if t.value.isScalar {
                switch t.value.dtype {
                case .int64: return .integer(Int(t.value.scalars[0]))
                case .bool: return .text(t.value.scalars[0] != 0 ? "True" : "False")
                default: return .scalar(t.value.scalars[0])
                }
            }
            return .array(shape: t.value.shape, values: t.value.scalars, kind: t.value.dtype.elementKind)
        case .output(let o): return o
        case .object(let f as FigureObject): return pyplot.display(f)
        default: return .text(repr(v))
        }
    }

    /// The figures `savefig` wrote, as paths relative to the page, in the order written.
    public var savedFigures: [(path: String, figure: Figure)] { pyplot.saved }

    /// The text an inline `{nn} EXPR` becomes in prose.
    public func inlineText(_ v: Value) -> String {
        switch v {
        case .str(let s): return s
        case .tensor(let t) where t.value.isScalar: return format.scalar(t.value.scalars[0])
        default: return repr(v)
        }
    }

    /// Python's `repr`, with floats shown by the document's number format.
    public func repr(_ v: Value) -> String { repr(v, path: []) }

    /// A list or dict already being printed further out (it contains itself) prints as
    /// `[...]` or `{...}`, as in Python.
    static func revisit(_ v: Value, _ path: [ObjectIdentifier]) -> (String?, [ObjectIdentifier]) {
        switch v {
        case .list(let l): return path.contains(ObjectIdentifier(l)) ? ("[...]", path) : (nil, path + [ObjectIdentifier(l)])
        case .dict(let d): return path.contains(ObjectIdentifier(d)) ? ("{...}", path) : (nil, path + [ObjectIdentifier(d)])
        default: return (nil, path)
        }
    }

    /// Nesting deeper than CPython's recursion limit allows (997 lists at module level, fewer
    /// inside calls) is CPython's RecursionError, raised where the text is used.
    func tooDeepToShow(_ path: [ObjectIdentifier]) -> Bool {
        guard path.count >= Interpreter.maxDepth - 2 - depth else { return false }
        if displayFailure == nil {
            displayFailure = Failure("RecursionError: maximum recursion depth exceeded while getting the repr of an object")
        }
        return true
    }

    func repr(_ v: Value, path: [ObjectIdentifier]) -> String {
        if tooDeepToShow(path) { return "..." }
        let (seen, inner) = Interpreter.revisit(v, path)
        if let seen { return seen }
        let repr = { (item: Value) in self.repr(item, path: inner) }
        switch v {
        case .str(let s):
            // CPython's choice: single quotes unless the text has ' and no "; the chosen
            // quote is escaped inside.
            let quote = s.contains("'") && !s.contains("\"") ? "\"" : "'"
            var body = s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n")
            body = body.replacingOccurrences(of: "\t", with: "\\t").replacingOccurrences(of: "\r", with: "\\r")
            if quote == "'" { body = body.replacingOccurrences(of: "'", with: "\\'") }
            return quote + body + quote
        case .list(let l): return listRepr(l, repr)
        case .tuple(let t): return t.count == 1 ? "(\(repr(t[0])),)" : "(" + t.map(repr).joined(separator: ", ") + ")"
        case .dict(let d): return dictRepr(d, repr)
        case .set(let d): return Interpreter.setText(d, d.keys.map(repr))
        case .instance(let i): return instanceRepr(i)
        case .object(let o): return o.reprText
        case .float(let d): return format.scalar(d)
        case .tensor(let t):
            // A displayed array is numpy's repr at the document's `decimals`.
            if t.value.isScalar { return format.scalar(t.value.scalars[0]) }
            var options = printOptions
            options.precision = min(options.precision, format.decimals)
            return arrayText(t.value, options, repr: true)
        default: return str(v)
        }
    }

    /// Python's exact `repr` (full float precision), for `repr()` and f-strings' `!r` and `=`.
    public func pythonRepr(_ v: Value) -> String { pythonRepr(v, path: []) }

    func pythonRepr(_ v: Value, path: [ObjectIdentifier]) -> String {
        if tooDeepToShow(path) { return "..." }
        let (seen, inner) = Interpreter.revisit(v, path)
        if let seen { return seen }
        let pythonRepr = { (item: Value) in self.pythonRepr(item, path: inner) }
        switch v {
        case .float(let d): return pythonFloat(d)
        case .list(let l): return listRepr(l, pythonRepr)
        case .tuple(let t): return t.count == 1 ? "(\(pythonRepr(t[0])),)" : "(" + t.map(pythonRepr).joined(separator: ", ") + ")"
        case .dict(let d): return dictRepr(d, pythonRepr)
        case .set(let d): return Interpreter.setText(d, d.keys.map(pythonRepr))
        case .object(let o): return o.reprText
        case .tensor(let t):
            let x = t.value
            let printer = ArrayPrinter(options: printOptions)
            if x.isScalar { return printer.scalarRepr(x.scalars[0], x.dtype.elementKind, dtypeName: x.dtype.rawValue) }
            return arrayText(x, printOptions, repr: true)
        default: return self.repr(v, path: path)
        }
    }

    /// Python's `str`, as `print` writes it.
    public func str(_ v: Value) -> String {
        switch v {
        case .none: return "None"
        case .bool(let b): return b ? "True" : "False"
        case .int(let i): return String(i)
        case .bigint(let b): return (try? PyInt.decimal(b.value)) ?? "<int of \(b.value.magnitude.bitWidth) bits>"
        case .float(let d): return pythonFloat(d)
        case .str(let s): return s
        case .list, .tuple, .dict, .set: return pythonRepr(v)
        case .range(let a, let b, let s): return s == 1 ? "range(\(a), \(b))" : "range(\(a), \(b), \(s))"
        case .tensor(let t):
            return arrayText(t.value, printOptions, repr: false)
        case .function(let f): return "<function \(f.name)>"
        case .builtin(let b): return "<built-in function \(b.name)>"
        case .module(let m): return "<module '\(m.name)'>"
        case .object(let o): return o.displayText
        case .output: return "<output>"
        case .instance(let i): return userText(i, "__str__") ?? (i.cls.isException ? exceptionText(i) : instanceRepr(i))
        case .type(let c): return "<class '\(c.qualifiedName)'>"
        case .method(let m):
            let name: String
            switch m.function {
            case .function(let f): name = f.name
            case .builtin(let b): name = b.name
            default: name = "method"
            }
            return "<bound method \(m.receiver.typeName).\(name)>"
        }
    }

    /// `repr` of an instance: its `__repr__`, an exception's `ValueError('message')`, or a
    /// form without CPython's memory address (which would make output nondeterministic).
    func instanceRepr(_ i: Instance) -> String {
        if let text = userText(i, "__repr__") { return text }
        if i.cls.isException {
            if let m = i.message { return "\(i.cls.name)(\(pythonRepr(.str(m))))" }
            guard case .tuple(let args)? = i.attributes["args"] else { return i.cls.name + "()" }
            return i.cls.name + "(" + args.map { pythonRepr($0) }.joined(separator: ", ") + ")"
        }
        return "<\(i.cls.qualifiedName) object>"
    }

    /// What a user-defined `__str__`/`__repr__` returns, if the class defines it. Display
    /// cannot throw, so a failure inside is kept for `checkDisplay` to raise.
    func userText(_ i: Instance, _ name: String) -> String? {
        do throws(Failure) {
            guard let m = try instanceAttribute(i, name) else { return nil }
            let r = try callValue(m, [])
            guard case .str(let s) = r else { throw Failure("TypeError: \(name) returned non-string (type \(r.typeName))") }
            return s
        } catch {
            if displayFailure == nil { displayFailure = error }
            return ""
        }
    }

    /// Raises the failure of a `__str__`/`__repr__` called while showing a value.
    func checkDisplay(at position: Position) throws(LangError) {
        guard let f = displayFailure else { return }
        displayFailure = nil
        throw LangError(f.message, at: position, hint: f.hint, exception: f.exception)
    }

    /// Python's shortest round-trip form of a float.
    func pythonFloat(_ d: Double) -> String { Interpreter.floatRepr(d) }

    /// numpy's `str` or `repr` of an array, under the block's limits: printed in full (a raised
    /// `threshold`), a huge array is refused over the memory budget (two characters an element
    /// at least) and stops at the block's deadline, both kept for `checkDisplay` to raise.
    func arrayText(_ t: Tensor, _ options: PrintOptions, repr: Bool) -> String {
        if t.count <= options.threshold {
            do throws(EngineError) {
                try RunLimits.check(2 * t.count, .characters, what: "the text of an array of \(t.count) elements")
            } catch {
                if displayFailure == nil { displayFailure = Failure(error) }
                return ""
            }
        }
        let printer = ArrayPrinter(options: options) { RunLimits.timeUp }
        let text =
            repr
            ? printer.repr(shape: t.shape, values: t.scalars, kind: t.dtype.elementKind, dtypeName: t.dtype.rawValue)
            : printer.str(shape: t.shape, values: t.scalars, kind: t.dtype.elementKind)
        // The printer gives up once the deadline has passed, which stays passed.
        if RunLimits.timeUp, displayFailure == nil { displayFailure = Failure(Interpreter.timeoutMessage, hint: Interpreter.timeoutHint) }
        return text
    }
}

extension DType {
    /// How the printer treats the elements.
    var elementKind: ElementKind {
        switch self {
        case .bool: .bool
        case .int64: .int
        case .float32: .float32
        case .float64: .float64
        }
    }
}
