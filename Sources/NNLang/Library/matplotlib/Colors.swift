import Foundation

/// matplotlib's colour specifications resolved to CSS hex colours, and its colormaps.
enum Colors {
    /// The default property cycle (`C0`…`C9`): matplotlib's tab10.
    static let cycle = [
        "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
    ]

    /// A colour and the alpha it carries (from an RGBA tuple or `#rrggbbaa`), if any.
    static func resolve(_ v: Value, _ interp: Interpreter) throws(Failure) -> (hex: String, alpha: Double?) {
        switch v {
        case .str(let s):
            if let c = resolve(string: s) { return c }
        case .tuple, .list, .tensor:
            let parts = try interp.iterate(v).map { p throws(Failure) in try p.asDouble("color") }
            if parts.count == 3 || parts.count == 4, parts.allSatisfy({ $0 >= 0 && $0 <= 1 }) {
                return (hex(parts[0], parts[1], parts[2]), parts.count == 4 ? parts[3] : nil)
            }
            throw Failure(
                "ValueError: RGBA values should be within 0-1 range", hint: "a colour tuple is (r, g, b) or (r, g, b, a) in [0, 1]")
        default: break
        }
        throw Failure(
            "ValueError: \(interp.repr(v)) is not a valid value for color: supported inputs are (r, g, b) and (r, g, b, a) 0-1 float tuples; '#rrggbb', '#rrggbbaa', '#rgb', '#rgba' strings; named color strings; string reprs of 0-1 floats for grayscale values; 'C0', 'C1', ... strings for colors of the color cycle; and pairs combining one of the above with an alpha value",
            hint: "use a name ('tab:blue', 'red'), 'C0'…'C9', a hex string '#1f77b4', a grey level '0.5' or an (r, g, b) tuple")
    }

    static func resolve(string raw: String) -> (hex: String, alpha: Double?)? {
        let s = raw.lowercased()
        if let h = named[s] { return (h, nil) }
        if s.count == 2, s.first == "c", let d = s.last?.wholeNumberValue { return (cycle[d], nil) }
        if s.hasPrefix("#") {
            let digits = Array(s.dropFirst())
            guard digits.allSatisfy(\.isHexDigit) else { return nil }
            switch digits.count {
            case 3, 4:
                let full = "#" + digits.prefix(3).map { "\($0)\($0)" }.joined()
                return (full, digits.count == 4 ? Double(Int(String([digits[3], digits[3]]), radix: 16)!) / 255 : nil)
            case 6: return (s, nil)
            case 8: return ("#" + String(digits.prefix(6)), Double(Int(String(digits.suffix(2)), radix: 16)!) / 255)
            default: return nil
            }
        }
        // A grey level as a string of a float in [0, 1].
        if let g = Double(s), g >= 0, g <= 1 { return (hex(g, g, g), nil) }
        return nil
    }

    static func hex(_ r: Double, _ g: Double, _ b: Double) -> String {
        // nan (a missing pixel) is drawn black rather than trapping.
        "#" + [r, g, b].map { String(format: "%02x", Int((($0.isFinite ? min(max($0, 0), 1) : 0) * 255).rounded())) }.joined()
    }

    static func rgb(_ hex: String) -> (Double, Double, Double) {
        let v = Int(hex.dropFirst(), radix: 16) ?? 0
        return (Double((v >> 16) & 255) / 255, Double((v >> 8) & 255) / 255, Double(v & 255) / 255)
    }
}

/// A colormap by matplotlib's name (`viridis`, `RdBu`, …, and `_r` for the reversed map).
struct Colormap {
    let name: String
    let listed: Bool
    let samples: [String]

    init(_ name: String) throws(Failure) {
        let reversed = name.hasSuffix("_r")
        let base = reversed ? String(name.dropLast(2)) : name
        guard let entry = Colors.colormaps[base] else {
            throw Failure(
                "ValueError: '\(name)' is not a valid value for cmap.",
                hint: "Lectern knows: " + Colors.colormaps.keys.sorted().joined(separator: ", ") + " (and each with _r)")
        }
        self.name = name
        listed = entry.listed
        samples = reversed ? entry.colors.reversed() : entry.colors
    }

    /// The colour at `t` in [0, 1]: a listed map's entry, else interpolated between samples.
    func color(_ t: Double) -> String {
        let u = t.isFinite ? min(max(t, 0), 1) : 0
        if listed { return samples[min(Int(u * Double(samples.count)), samples.count - 1)] }
        let f = u * Double(samples.count - 1)
        let i = min(Int(f), samples.count - 2)
        let w = f - Double(i)
        let a = Colors.rgb(samples[i])
        let b = Colors.rgb(samples[i + 1])
        return Colors.hex(a.0 + (b.0 - a.0) * w, a.1 + (b.1 - a.1) * w, a.2 + (b.2 - a.2) * w)
    }

    /// Sixteen colours from low to high, for a colour bar.
    var bar: [String] { (0..<16).map { color((Double($0) + 0.5) / 16) } }
}
