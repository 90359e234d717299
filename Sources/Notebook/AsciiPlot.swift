import Display

/// A figure drawn in text, at most 72 columns: the panels of a grid row side by side when up
/// to three fit, else one under the other in reading order; the suptitle above them.
struct AsciiPlot {
    let plot: Figure
    init(plot: Figure) { self.plot = plot.sharingResolved }
    static let width = 72

    func render() -> String {
        var lines: [String] = []
        if !plot.suptitle.isEmpty { lines.append(MathText.plain(plot.suptitle)) }
        let columns = plot.axes.map(\.slot.columns).max() ?? 1
        let perRow = columns <= 3 ? columns : 1
        let panelWidth = (AsciiPlot.width - 2 * (perRow - 1)) / perRow
        let height = (plot.axes.map(\.slot.rows).max() ?? 1) > 1 || perRow > 1 ? 14 : 18
        // Panels grouped by their grid row (or one group each when stacked), in order.
        var groups: [(row: Int, panels: [[String]])] = []
        for (k, axes) in plot.axes.enumerated() {
            let row = perRow > 1 ? axes.slot.index / max(axes.slot.columns, 1) : k
            let panel = AsciiPanel(axes: axes, width: panelWidth, height: height).render()
            if let last = groups.last, last.row == row {
                groups[groups.count - 1].panels.append(panel)
            } else {
                groups.append((row, [panel]))
            }
        }
        for (g, group) in groups.enumerated() {
            if g > 0 { lines.append("") }
            lines += group.panels.dropFirst().reduce(group.panels[0]) { AsciiPlot.join($0, $1, width: panelWidth) }
        }
        return lines.map(\.trailingTrimmed).joined(separator: "\n")
    }

    /// Two blocks of lines side by side, the left one padded to a multiple of the panel width.
    static func join(_ a: [String], _ b: [String], width: Int) -> [String] {
        let leftWidth = ((a.map(\.count).max() ?? 0) + 1 + width) / (width + 2) * (width + 2) - 2
        return (0..<max(a.count, b.count)).map { i in
            let left = i < a.count ? a[i] : ""
            let right = i < b.count ? b[i] : ""
            return left + String(repeating: " ", count: max(0, leftWidth - left.count) + 2) + right
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
