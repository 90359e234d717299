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
            if t.value.isScalar {
                switch t.value.dtype {
                case .int64: return .integer(Int(t.value.scalars[0]))
                case .bool: return .text(t.value.scalars[0] != 0 ? "True" : "False")
                default: return .scalar(t.value.scalars[0])
                }
            }
            return .tensor(shape: t.value.shape, values: t.value.scalars, kind: t.value.dtype.elementKind)
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
            // A displayed array is numpy's repr at the document's `decimals`.
            if t.value.isScalar { return format.scalar(t.value.scalars[0]) }
            var options = printOptions
            options.precision = min(options.precision, format.decimals)
            return Interpreter.arrayRepr(t.value, options)
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
        case .tensor(let t):
            let x = t.value
            let printer = ArrayPrinter(options: printOptions)
            if x.isScalar { return printer.scalarRepr(x.scalars[0], x.dtype.elementKind, dtypeName: x.dtype.rawValue) }
            return Interpreter.arrayRepr(x, printOptions)
        default: return self.repr(v, path: path)
        }
    }

    /// Python's `str`, as `print` writes it.
    public func str(_ v: Value) -> String {
        switch v {
        case .none: return "None"
        case .bool(let b): return b ? "True" : "False"
        case .int(let i): return String(i)
        case .float(let d): return pythonFloat(d)
        case .str(let s): return s
        case .list, .tuple, .dict: return pythonRepr(v)
        case .range(let a, let b, let s): return s == 1 ? "range(\(a), \(b))" : "range(\(a), \(b), \(s))"
        case .tensor(let t):
            return ArrayPrinter(options: printOptions).str(shape: t.value.shape, values: t.value.scalars, kind: t.value.dtype.elementKind)
        case .function(let f): return "<function \(f.name)>"
        case .builtin(let b): return "<built-in function \(b.name)>"
        case .module(let m): return "<module '\(m.name)'>"
        case .object(let o): return o.displayText
        case .output: return "<output>"
        }
    }

    /// Python's shortest round-trip form of a float.
    func pythonFloat(_ d: Double) -> String {
        if d.isNaN { return "nan" }
        if d.isInfinite { return d > 0 ? "inf" : "-inf" }
        return "\(d)"
    }

    /// numpy's `repr` of an array.
    static func arrayRepr(_ t: Tensor, _ options: PrintOptions) -> String {
        ArrayPrinter(options: options).repr(shape: t.shape, values: t.scalars, kind: t.dtype.elementKind, dtypeName: t.dtype.rawValue)
    }

    // MARK: Format specs

    /// Python's format-spec mini-language: `[[fill]align][sign][0][width][,][.precision][type]`.
    func formatValue(_ v: Value, spec: String) throws(Failure) -> String {
        if spec.isEmpty { return str(v) }
        var chars = Array(spec)
        var fill: Character = " "
        var align: Character?
        if chars.count >= 2, "<>^=".contains(chars[1]) {
            fill = chars[0]
            align = chars[1]
            chars.removeFirst(2)
        } else if let c = chars.first, "<>^=".contains(c) {
            align = c
            chars.removeFirst()
        }
        var sign: Character = "-"
        if let c = chars.first, "+- ".contains(c) {
            sign = c
            chars.removeFirst()
        }
        if chars.first == "#" { chars.removeFirst() }
        if chars.first == "0" {
            fill = "0"
            align = align ?? "="
            chars.removeFirst()
        }
        var width = 0
        while let c = chars.first, let d = c.wholeNumberValue {
            width = width * 10 + d
            chars.removeFirst()
        }
        var grouping = false
        if chars.first == "," || chars.first == "_" {
            grouping = true
            chars.removeFirst()
        }
        var precision: Int?
        if chars.first == "." {
            chars.removeFirst()
            var p = 0
            while let c = chars.first, let d = c.wholeNumberValue {
                p = p * 10 + d
                chars.removeFirst()
            }
            precision = p
        }
        let type = chars.first
        guard chars.count <= 1 else { throw Failure("ValueError: Invalid format specifier '\(spec)'") }

        var body: String
        var negative = false
        switch v {
        case .str(let s):
            guard type == nil || type == "s" else { throw Failure("ValueError: Unknown format code '\(type!)' for object of type 'str'") }
            body = precision.map { String(s.prefix($0)) } ?? s
        case .int, .bool, .float, .tensor:
            if case .tensor(let t) = v, t.value.count != 1 {
                body = str(v)
                break
            }
            let isInt: Bool = { if case .int = v { true } else if case .bool = v { true } else { false } }()
            let d = try v.asDouble()
            negative = d < 0 || (d == 0 && d.sign == .minus && !isInt)
            let m = Swift.abs(d)
            switch type {
            case "d":
                guard isInt || d == d.rounded() else { throw Failure("ValueError: Unknown format code 'd' for object of type 'float'") }
                body = String(Int(m))
            case "f", "F": body = String(format: "%.\(precision ?? 6)f", m)
            case "e", "E": body = String(format: "%.\(precision ?? 6)e", m)
            case "g", "G": body = String(format: "%.\(max(precision ?? 6, 1))g", m)
            case "%": body = String(format: "%.\(precision ?? 6)f", m * 100) + "%"
            case nil:
                if isInt {
                    body = String(Int(m))
                } else if let p = precision {
                    body = String(format: "%.\(max(p, 1))g", m)
                } else {
                    body = pythonFloat(m)
                }
            default: throw Failure("ValueError: Unknown format code '\(type!)'")
            }
            if grouping { body = groupThousands(body) }
            if negative && Double(body.filter { $0.isNumber || $0 == "." }) == 0 && type != nil { negative = true }
        default:
            body = str(v)
        }
        let signText = negative ? "-" : (sign == "+" ? "+" : (sign == " " ? " " : ""))
        let content = signText + body
        guard content.count < width else { return content }
        let pad = width - content.count
        let padding = String(repeating: fill, count: pad)
        let isNumber: Bool = { if case .str = v { false } else { true } }()
        switch align ?? (isNumber ? ">" : "<") {
        case "<": return content + padding
        case "^": return String(repeating: fill, count: pad / 2) + content + String(repeating: fill, count: pad - pad / 2)
        case "=": return signText + padding + body
        default: return padding + content
        }
    }

    private func groupThousands(_ s: String) -> String {
        let parts = s.split(separator: ".", maxSplits: 1)
        var digits = Array(parts[0])
        var out: [Character] = []
        while digits.count > 3 {
            out = [","] + digits.suffix(3) + out
            digits.removeLast(3)
        }
        let whole = String(digits + out)
        return parts.count > 1 ? whole + "." + parts[1] : whole
    }

    /// `"%.3f" % x` and `"%d %s" % (a, b)`.
    func percentFormat(_ template: String, _ args: Value) throws(Failure) -> String {
        var values: [Value]
        if case .tuple(let t) = args { values = t } else { values = [args] }
        var out = ""
        var chars = Array(template)[...]
        while let c = chars.popFirst() {
            guard c == "%" else {
                out.append(c)
                continue
            }
            if chars.first == "%" {
                chars.removeFirst()
                out.append("%")
                continue
            }
            var spec = ""
            while let d = chars.first, !"sdfegrixEG".contains(d) {
                spec.append(d)
                chars.removeFirst()
            }
            guard let type = chars.popFirst() else { throw Failure("ValueError: incomplete format") }
            guard !values.isEmpty else { throw Failure("TypeError: not enough arguments for format string") }
            let v = values.removeFirst()
            switch type {
            case "s": out += try formatValue(.str(str(v)), spec: spec.replacingOccurrences(of: "-", with: "<"))
            case "r": out += repr(v)
            case "i": out += try formatValue(v, spec: spec + "d")
            default: out += try formatValue(v, spec: spec + String(type))
            }
        }
        return out
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
