/// A plot drawn in text: at most 72 columns, with axes, ticks and a legend.
struct AsciiPlot {
    let plot: Plot
    let width = 72
    let height = 20
    static let marks: [Character] = ["*", "o", "+", "x", "#", "%", "@", "="]
    /// Background marks of the decision regions of classes 1, 2, …
    static let regionMarks: [Character] = ["·", ":", "-", "'"]

    func render() -> String {
        let f = NumberFormat(decimals: 2)
        let yLabels = [plot.yRange.upperBound, (plot.yRange.lowerBound + plot.yRange.upperBound) / 2, plot.yRange.lowerBound].map {
            f.scalar($0)
        }
        let gutter = (yLabels.map(\.count).max() ?? 1) + 1
        let cols = width - gutter - 1
        var grid = Array(repeating: Array(repeating: Character(" "), count: cols), count: height)
        func column(_ x: Double) -> Int? {
            let t = (x - plot.xRange.lowerBound) / (plot.xRange.upperBound - plot.xRange.lowerBound)
            guard t.isFinite, t >= -1e-9, t <= 1 + 1e-9 else { return nil }
            return min(cols - 1, max(0, Int((t * Double(cols - 1)).rounded())))
        }
        func row(_ y: Double) -> Int? {
            let t = (y - plot.yRange.lowerBound) / (plot.yRange.upperBound - plot.yRange.lowerBound)
            guard t.isFinite, t >= -1e-9, t <= 1 + 1e-9 else { return nil }
            return height - 1 - min(height - 1, max(0, Int((t * Double(height - 1)).rounded())))
        }
        if let field = plot.field {
            // Shade the decision regions: class 0 blank, then one mark per class.
            for r in 0..<height {
                for c in 0..<cols {
                    let fc = min(field.columns - 1, c * field.columns / cols)
                    let fr = min(field.rows - 1, (height - 1 - r) * field.rows / height)
                    let k = field.predicted(field.values[fr * field.columns + fc])
                    if k > 0 { grid[r][c] = AsciiPlot.regionMarks[(k - 1) % AsciiPlot.regionMarks.count] }
                }
            }
        }
        for (k, s) in plot.series.enumerated() {
            let mark = AsciiPlot.marks[k % AsciiPlot.marks.count]
            var previous: (Int, Int)?
            for (x, y) in zip(s.xs, s.ys) {
                guard let c = column(x), let r = row(y) else {
                    previous = nil
                    continue
                }
                // Lines fill the rows between neighbouring points so steep segments stay connected.
                if s.style != .points, let (pc, pr) = previous, abs(pr - r) > 1 {
                    let steps = abs(pr - r)
                    for t in 1..<steps {
                        let rr = pr + (r - pr) * t / steps
                        let cc = pc + (c - pc) * t / steps
                        if grid[rr][cc] == " " || grid[rr][cc] == "·" { grid[rr][cc] = mark }
                    }
                }
                grid[r][c] = mark
                previous = (c, r)
            }
        }
        var lines: [String] = []
        if !plot.title.isEmpty { lines.append(String(repeating: " ", count: gutter) + plot.title) }
        for r in 0..<height {
            let label = r == 0 ? yLabels[0] : (r == height / 2 ? yLabels[1] : (r == height - 1 ? yLabels[2] : ""))
            lines.append(String(repeating: " ", count: gutter - 1 - label.count) + label + " │" + String(grid[r]).trailingTrimmed)
        }
        lines.append(String(repeating: " ", count: gutter) + "└" + String(repeating: "─", count: cols))
        let lo = f.scalar(plot.xRange.lowerBound)
        let mid = f.scalar((plot.xRange.lowerBound + plot.xRange.upperBound) / 2)
        let hi = f.scalar(plot.xRange.upperBound)
        var axis = Array(repeating: Character(" "), count: cols + 1)
        func put(_ s: String, at p: Int) {
            let start = max(0, min(axis.count - s.count, p))
            for (i, ch) in s.enumerated() { axis[start + i] = ch }
        }
        put(lo, at: 0)
        put(mid, at: cols / 2 - mid.count / 2)
        put(hi, at: cols + 1 - hi.count)
        lines.append(String(repeating: " ", count: gutter) + String(axis).trailingTrimmed)
        if !plot.xLabel.isEmpty {
            lines.append(String(repeating: " ", count: gutter + max(0, cols / 2 - plot.xLabel.count / 2)) + plot.xLabel)
        }
        var legend = plot.series.enumerated().map { "\(AsciiPlot.marks[$0.offset % AsciiPlot.marks.count]) \($0.element.name)" }
        if let field = plot.field {
            for k in 1..<max(field.classes, 2) {
                legend.append("\(AsciiPlot.regionMarks[(k - 1) % AsciiPlot.regionMarks.count]) predicted \(k)")
            }
        }
        var line = String(repeating: " ", count: gutter)
        for item in legend {
            if line.count + item.count + 3 > width {
                lines.append(line.trailingTrimmed)
                line = String(repeating: " ", count: gutter)
            }
            line += item + "   "
        }
        lines.append(line.trailingTrimmed)
        return lines.joined(separator: "\n")
    }
}

extension String {
    var trailingTrimmed: String {
        var s = Substring(self)
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
