import Engine
import Foundation
import Notebook

// MARK: - How values are shown

extension Interpreter {
    /// The output a displayed value becomes.
    func display(_ v: Value) -> Output {
        switch v {
        case .int(let i): return .integer(i)
        case .float(let d): return .scalar(d)
        case .tensor(let t):
            if t.value.isScalar { return .scalar(t.value.scalars[0]) }
            return .tensor(shape: t.value.shape, values: t.value.scalars)
        case .output(let o): return o
        default: return .text(repr(v))
        }
    }

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
        // Very deep nesting (built in a loop) is cut short too, so display cannot hang.
        if path.count > 100 { return ("...", path) }
        switch v {
        case .list(let l): return path.contains(ObjectIdentifier(l)) ? ("[...]", path) : (nil, path + [ObjectIdentifier(l)])
        case .dict(let d): return path.contains(ObjectIdentifier(d)) ? ("{...}", path) : (nil, path + [ObjectIdentifier(d)])
        default: return (nil, path)
        }
    }

    func repr(_ v: Value, path: [ObjectIdentifier]) -> String {
        let (seen, inner) = Interpreter.revisit(v, path)
        if let seen { return seen }
        let repr = { (item: Value) in self.repr(item, path: inner) }
        switch v {
        case .str(let s):
            let quote = s.contains("'") && !s.contains("\"") ? "\"" : "'"
            return quote + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n") + quote
        case .list(let l): return "[" + l.items.map(repr).joined(separator: ", ") + "]"
        case .tuple(let t): return t.count == 1 ? "(\(repr(t[0])),)" : "(" + t.map(repr).joined(separator: ", ") + ")"
        case .dict(let d): return "{" + zip(d.keys, d.values).map { "\(repr($0)): \(repr($1))" }.joined(separator: ", ") + "}"
        case .float(let d): return format.scalar(d)
        case .tensor(let t):
            return t.value.isScalar ? format.scalar(t.value.scalars[0]) : "array(" + arrayText(t.value, indent: 6, separator: ", ") + ")"
        default: return str(v)
        }
    }

    /// Python's exact `repr` (full float precision), for `repr()` and f-strings' `!r` and `=`.
    public func pythonRepr(_ v: Value) -> String { pythonRepr(v, path: []) }

    func pythonRepr(_ v: Value, path: [ObjectIdentifier]) -> String {
        let (seen, inner) = Interpreter.revisit(v, path)
        if let seen { return seen }
        let pythonRepr = { (item: Value) in self.pythonRepr(item, path: inner) }
        switch v {
        case .float(let d): return pythonFloat(d)
        case .list(let l): return "[" + l.items.map(pythonRepr).joined(separator: ", ") + "]"
        case .tuple(let t): return t.count == 1 ? "(\(pythonRepr(t[0])),)" : "(" + t.map(pythonRepr).joined(separator: ", ") + ")"
        case .dict(let d): return "{" + zip(d.keys, d.values).map { "\(pythonRepr($0)): \(pythonRepr($1))" }.joined(separator: ", ") + "}"
        case .tensor(let t) where t.value.isScalar: return pythonFloat(t.value.scalars[0])
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
        case .list, .tuple, .dict: return pythonRepr(v)
        case .range(let a, let b, let s): return s == 1 ? "range(\(a), \(b))" : "range(\(a), \(b), \(s))"
        case .tensor(let t): return t.value.isScalar ? pythonFloat(t.value.scalars[0]) : arrayText(t.value, indent: 0)
        case .function(let f): return "<function \(f.name)>"
        case .builtin(let b): return "<built-in function \(b.name)>"
        case .module(let m): return "<module '\(m.name)'>"
        case .object(let o): return o.displayText
        case .output: return "<output>"
        }
    }

    /// Python's shortest round-trip form of a float.
    func pythonFloat(_ d: Double) -> String { Interpreter.floatRepr(d) }

    /// numpy's layout: nested brackets, one shared number format (numpy's `maxprec_equal`),
    /// rows aligned; `repr` separates with commas, `str` with spaces.
    func arrayText(_ t: Tensor, indent: Int, separator: String = " ") -> String {
        if t.count == 0 { return "[]" }
        let cells = format.column(t.scalars)
        let width = cells.map(\.count).max() ?? 1
        let padded = cells.map { String(repeating: " ", count: width - $0.count) + $0 }
        func render(_ axis: Int, _ offset: Int, _ depth: Int) -> String {
            if axis == t.rank - 1 {
                return "[" + (0..<t.shape[axis]).map { padded[offset + $0] }.joined(separator: separator) + "]"
            }
            let step = t.shape[(axis + 1)...].reduce(1, *)
            let rows =
                separator.trimmingCharacters(in: .whitespaces) + String(repeating: "\n", count: t.rank - axis - 1)
                + String(repeating: " ", count: indent + depth + 1)
            return "[" + (0..<t.shape[axis]).map { render(axis + 1, offset + $0 * step, depth + 1) }.joined(separator: rows) + "]"
        }
        return render(0, 0, 0)
    }
}
