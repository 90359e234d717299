import Display
import Foundation

/// A figure as inline SVG. The viewBox is 640 units wide, the page's widest plot, and scales
/// with the page; on a 390 px phone the plot is about 350 px wide, so text of at least 20.5
/// units stays 11 px or more there.
struct SVGPlot {
    let plot: Figure
    init(plot: Figure) { self.plot = plot.sharingResolved }
    static let width = 640.0
    static let tickFont = 20.5
    static let labelFont = 21.0
    static let titleFont = 23.0

    /// A `fontsize` in points as viewBox units: matplotlib's proportions, never below `minimum`
    /// so that text stays legible on a phone.
    static func font(_ points: Double?, minimum: Double) -> Double { max(minimum, (points ?? 0) * 1.92) }

    /// The height for the figure's aspect ratio, within limits that keep a panel readable.
    var height: Double {
        let rows = Double(plot.axes.map(\.slot.rows).max() ?? 1)
        let natural = SVGPlot.width * plot.height / max(plot.width, 0.1)
        return min(max(natural, 300 * min(rows, 3)), 1400).rounded()
    }

    func render() -> String {
        let supSize = SVGPlot.font(plot.suptitleSize, minimum: SVGPlot.titleFont + 1)
        let top = plot.suptitle.isEmpty ? 0.0 : supSize + 11
        var body = ""
        if !plot.suptitle.isEmpty {
            body +=
                "<text x=\"\(n(SVGPlot.width / 2))\" y=\"\(n(supSize + 1))\" text-anchor=\"middle\" font-size=\"\(n(supSize))\" font-weight=\"600\">\(escapeHTML(MathText.plain(plot.suptitle)))</text>\n"
        }
        for (k, axes) in plot.axes.enumerated() {
            let s = axes.slot
            let cellW = SVGPlot.width / Double(max(s.columns, 1))
            let cellH = (height - top) / Double(max(s.rows, 1))
            let cell = Rect(
                x: Double(s.index % max(s.columns, 1)) * cellW, y: top + Double(s.index / max(s.columns, 1)) * cellH, width: cellW,
                height: cellH)
            body += panel(k, cell).render()
        }
        // Clip-path ids must be unique in a page that holds several figures: derive them from
        // the figure's own content, so that they are also the same on every run.
        let id = "p" + String(fnv1a(body), radix: 36)
        body = body.replacingOccurrences(of: "CLIP-", with: id + "-")
        let title = plot.axes.map(\.title).filter { !$0.isEmpty }.joined(separator: ", ")
        let aria = MathText.plain(plot.suptitle.isEmpty ? (title.isEmpty ? "figure" : title) : plot.suptitle)
        return "<svg class=\"nn-plot\" viewBox=\"0 0 \(Int(SVGPlot.width)) \(Int(height))\" role=\"img\" aria-label=\"\(escapeHTML(aria))\""
            + " style=\"font-size:\(n(SVGPlot.tickFont))px\" xmlns=\"http://www.w3.org/2000/svg\">\n" + body + "</svg>"
    }
}

extension SVGPlot {
    /// Panel `k` in its cell; a host leaves room for its twin's y axis, and the twin takes the
    /// host's plot area.
    func panel(_ k: Int, _ cell: Rect) -> SVGPanel {
        let axes = plot.axes[k]
        let partner = plot.axes.firstIndex { $0.slot == axes.slot && $0.yAxisRight != axes.yAxisRight }
        guard let partner else { return SVGPanel(axes: axes, cell: cell, clipID: "CLIP-\(k)") }
        let twin = axes.yAxisRight ? axes : plot.axes[partner]
        let host = axes.yAxisRight ? plot.axes[partner] : axes
        let room = SVGPanel.rightAxisWidth(twin, height: cell.height * 0.7)
        let hostPanel = SVGPanel(axes: host, cell: cell, clipID: "CLIP-\(k)", rightExtra: room)
        guard axes.yAxisRight else { return hostPanel }
        return SVGPanel(axes: axes, cell: cell, clipID: "CLIP-\(k)", hostArea: hostPanel.arranged().0.area)
    }
}

/// A rectangle in viewBox units, y downwards.
struct Rect {
    var x, y, width, height: Double
    var maxX: Double { x + width }
    var maxY: Double { y + height }
}

/// A coordinate with one decimal: no float noise in the SVG text.
func n(_ v: Double) -> String {
    let s = String(format: "%.1f", v)
    return s == "-0.0" ? "0.0" : s
}

/// 64-bit FNV-1a of a string's UTF-8 bytes (stable across runs, unlike `Hasher`).
func fnv1a(_ s: String) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in s.utf8 {
        h ^= UInt64(b)
        h = h &* 0x100_0000_01b3
    }
    return h
}

/// Escapes text for HTML element content and attribute values.
public func escapeHTML(_ s: String) -> String {
    var out = ""
    out.reserveCapacity(s.count)
    for c in s {
        switch c {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        default: out.append(c)
        }
    }
    return out
}

extension Figure {
    /// The figure as a standalone SVG document (what `savefig` writes).
    public var svg: String { "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + SVGPlot(plot: self).render() + "\n" }
}
