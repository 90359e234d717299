import Display

/// A `plot` format string (`'r--'`, `'bo'`, `'k:'`, `'C1s-'`) as matplotlib's
/// `_process_plot_format` reads it: a colour, a marker and a line style, each optional.
struct LineFormat {
    var color: String?
    var marker: Marker?
    var style: LineStyle?

    static let colorLetters: [Character: String] = [
        "b": "#0000ff", "g": "#008000", "r": "#ff0000", "c": "#00bfbf", "m": "#bf00bf", "y": "#bfbf00", "k": "#000000",
        "w": "#ffffff",
    ]

    init(_ fmt: String) throws(Failure) {
        // A whole format string that names a colour is that colour ('red', 'tab:blue', '0.5').
        if fmt.count > 1, let c = Colors.resolve(string: fmt), !fmt.hasPrefix("C") || fmt.count != 2 {
            color = c.hex
            return
        }
        let chars = Array(fmt)
        var i = 0
        func fail(_ why: String) -> Failure { Failure("ValueError: '\(fmt)' is not a valid format string (\(why))") }
        while i < chars.count {
            let two = i + 1 < chars.count ? String(chars[i...(i + 1)]) : ""
            if two == "--" || two == "-." {
                guard style == nil else { throw fail("two linestyle symbols") }
                style = two == "--" ? .dashed : .dashDot
                i += 2
                continue
            }
            let c = chars[i]
            if c == "-" || c == ":" {
                guard style == nil else { throw fail("two linestyle symbols") }
                style = c == "-" ? .solid : .dotted
            } else if let m = Marker(rawValue: String(c)) {
                guard marker == nil else { throw fail("two marker symbols") }
                marker = m
            } else if let hex = LineFormat.colorLetters[c] {
                guard color == nil else { throw fail("two color symbols") }
                color = hex
            } else if c == "C", i + 1 < chars.count, let d = chars[i + 1].wholeNumberValue {
                guard color == nil else { throw fail("two color symbols") }
                color = Colors.cycle[d]
                i += 1
            } else {
                throw fail("unrecognized character '\(c)'")
            }
            i += 1
        }
        // A marker alone means markers only, as in matplotlib.
        if marker != nil && style == nil { style = LineStyle.none }
    }

    /// A `linestyle=` keyword value: a symbol or matplotlib's long name.
    static func style(_ s: String) throws(Failure) -> LineStyle {
        switch s {
        case "-", "solid": return .solid
        case "--", "dashed": return .dashed
        case ":", "dotted": return .dotted
        case "-.", "dashdot": return .dashDot
        case "", " ", "None", "none": return .none
        default:
            throw Failure(
                "ValueError: '\(s)' is not a valid value for ls.",
                hint: "line styles: '-', '--', '-.', ':', 'None', 'solid', 'dashed', 'dashdot', 'dotted'")
        }
    }

    /// A `marker=` keyword value; `None`/`''` means no marker.
    static func marker(_ v: Value) throws(Failure) -> Marker? {
        guard case .str(let s) = v else {
            if v.isNone { return nil }
            throw Failure("ValueError: Unrecognized marker style \(v.typeName)")
        }
        if s.isEmpty || s == "None" || s == "none" || s == " " { return nil }
        guard let m = Marker(rawValue: s) else {
            throw Failure(
                "ValueError: Unrecognized marker style '\(s)'", hint: "markers: " + Marker.allCases.map(\.rawValue).joined(separator: " "))
        }
        return m
    }
}
