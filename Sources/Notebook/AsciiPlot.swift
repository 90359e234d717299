/// A figure drawn in text, at most 72 columns: panels of one grid row side by side when there
/// are two, else one under the other in reading order; the suptitle above them.
struct AsciiPlot {
    let plot: Figure
    static let width = 72

    func render() -> String {
        var lines: [String] = []
        if !plot.suptitle.isEmpty { lines.append(MathText.plain(plot.suptitle)) }
        let columns = plot.axes.map(\.slot.columns).max() ?? 1
        let sideBySide = columns == 2
        let panelWidth = sideBySide ? (AsciiPlot.width - 2) / 2 : AsciiPlot.width
        let height = (plot.axes.map(\.slot.rows).max() ?? 1) > 1 || sideBySide ? 14 : 18
        var pending: [String]? = nil
        var pendingRow = -1
        for axes in plot.axes {
            let panel = AsciiPanel(axes: axes, width: panelWidth, height: height).render()
            if sideBySide {
                let row = axes.slot.index / 2
                if let left = pending, row == pendingRow, axes.slot.index % 2 == 1 {
                    lines += AsciiPlot.join(left, panel, width: panelWidth)
                    pending = nil
                    continue
                }
                if let left = pending { lines += left + [""] }
                pending = panel
                pendingRow = row
            } else {
                if lines.count > (plot.suptitle.isEmpty ? 0 : 1) { lines.append("") }
                lines += panel
            }
        }
        if let left = pending { lines += left }
        return lines.map(\.trailingTrimmed).joined(separator: "\n")
    }

    /// Two panels' lines side by side, the left one padded to its width.
    static func join(_ a: [String], _ b: [String], width: Int) -> [String] {
        (0..<max(a.count, b.count)).map { i in
            let left = i < a.count ? a[i] : ""
            let right = i < b.count ? b[i] : ""
            return left + String(repeating: " ", count: max(0, width - left.count) + 2) + right
        }
    }
}

extension String {
    var trailingTrimmed: String {
        var s = Substring(self)
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
