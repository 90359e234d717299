import Display

/// One axes as a text chart: y tick labels in a gutter, the plot grid, x tick labels under
/// the axis at their columns, then the x label and a legend of the marks.
struct AsciiPanel {
    let axes: Axes
    let width: Int
    let height: Int
    /// Marks for lines without a marker, in drawing order.
    static let lineMarks: [Character] = ["*", "+", "#", "%", "@", "=", "~", "&"]

    static func mark(_ m: Marker) -> Character {
        switch m {
        case .circle, .hexagon, .pentagon: "o"
        case .point, .pixel: "."
        case .square: "#"
        case .diamond, .thinDiamond: "◆"
        case .triangleUp: "^"
        case .triangleDown: "v"
        case .triangleLeft: "<"
        case .triangleRight: ">"
        case .filledPlus, .plus: "+"
        case .filledCross, .cross: "x"
        case .star: "*"
        case .vline: "|"
        case .hline: "_"
        }
    }

    /// Each artist's mark: its marker's, else the next free line mark.
    var marks: [Character] {
        var k = 0
        return axes.artists.map { a in
            switch a {
            case .line(let l) where l.marker != nil: return AsciiPanel.mark(l.marker!)
            case .scatter(let s): return AsciiPanel.mark(s.marker)
            case .raster, .contour, .text: return " "
            case .span(let s): return s.horizontal ? "-" : "|"
            case .fill: return ":"
            default:
                defer { k += 1 }
                return AsciiPanel.lineMarks[k % AsciiPanel.lineMarks.count]
            }
        }
    }

    func render() -> [String] {
        let (xv, yv) = axes.views
        let on = axes.axisOn
        let yTicks = on ? axes.yTicks ?? yv.ticks(bins: max(2, height / 4)) : []
        // Long custom labels are cut so that the chart keeps room for its plot.
        let yLabels = (axes.yTickLabels ?? yv.labels(yTicks, unicode: false)).map {
            axes.yTickLabelsShown ? String($0.prefix(width / 3)) : ""
        }
        let gutter = max(yLabels.map(\.count).max() ?? 1, 1) + 1
        let cols = max(width - gutter - 1, 4)
        var grid = Array(repeating: Array(repeating: Character(" "), count: cols), count: height)
        func column(_ x: Double) -> Int? {
            guard let t = xv.fraction(x), t >= -1e-9, t <= 1 + 1e-9 else { return nil }
            return min(cols - 1, max(0, Int((t * Double(cols - 1)).rounded())))
        }
        func row(_ y: Double) -> Int? {
            guard let t = yv.fraction(y), t >= -1e-9, t <= 1 + 1e-9 else { return nil }
            return height - 1 - min(height - 1, max(0, Int((t * Double(height - 1)).rounded())))
        }
        func put(_ r: Int, _ c: Int, _ m: Character, over: Bool = true) {
            if over || grid[r][c] == " " { grid[r][c] = m }
        }
        /// The data point under the centre of the character at row `r`, column `c`.
        func centre(_ r: Int, _ c: Int) -> (x: Double, y: Double)? {
            guard let x0 = xv.transform(xv.low), let x1 = xv.transform(xv.high), let y0 = yv.transform(yv.low),
                let y1 = yv.transform(yv.high)
            else { return nil }
            let x = xv.inverse(x0 + (Double(c) + 0.5) / Double(cols) * (x1 - x0))
            let y = yv.inverse(y0 + (Double(height - 1 - r) + 0.5) / Double(height) * (y1 - y0))
            return (x, y)
        }
        let marks = self.marks
        for (artist, mark) in zip(axes.artists, marks) {
            switch artist {
            case .raster(let ra):
                for r in 0..<height {
                    for c in 0..<cols {
                        // The cell under the centre of this character, if the raster covers it.
                        guard let (x, y) = centre(r, c), let fc = AsciiPanel.cell(x, ra.x, ra.columns),
                            let fr = AsciiPanel.cell(y, ra.y, ra.rows)
                        else { continue }
                        grid[r][c] = ra.marks[fr * ra.columns + fc]
                    }
                }
            case .contour(let set):
                for r in 0..<height {
                    for c in 0..<cols {
                        if let (x, y) = centre(r, c), let band = set.band(atX: x, y: y) { grid[r][c] = set.bands[band].mark }
                    }
                }
            case .line(let l):
                var previous: (Int, Int)?
                for (x, y) in zip(l.xs, l.ys) {
                    guard let c = column(x), let r = row(y) else {
                        previous = nil
                        continue
                    }
                    // Lines fill the rows between neighbouring points so steep segments stay connected.
                    if l.style != .none, let (pc, pr) = previous, abs(pr - r) > 1 {
                        let steps = abs(pr - r)
                        for t in 1..<steps { put(pr + (r - pr) * t / steps, pc + (c - pc) * t / steps, mark, over: false) }
                    }
                    put(r, c, mark)
                    previous = (c, r)
                }
            case .scatter(let s):
                let byValue = AsciiPanel.valueMarks(s)
                for (i, (x, y)) in zip(s.xs, s.ys).enumerated() {
                    if let c = column(x), let r = row(y) { put(r, c, byValue?.marks[i] ?? mark) }
                }
            case .bars(let b):
                for i in b.positions.indices {
                    let c0 = b.positions[i] - b.thicknesses[i] / 2
                    let c1 = b.positions[i] + b.thicknesses[i] / 2
                    let ends = [b.bases[i], b.bases[i] + b.lengths[i]]
                    let span =
                        b.horizontal
                        ? (ends.compactMap(column), [c0, c1].compactMap(row)) : ([c0, c1].compactMap(column), ends.compactMap(row))
                    guard span.0.count == 2, span.1.count == 2 else { continue }
                    for r in span.1.min()!...span.1.max()! {
                        for c in span.0.min()!...span.0.max()! { put(r, c, mark) }
                    }
                }
            case .span(let s):
                if s.horizontal, let r = row(s.value) { for c in 0..<cols { put(r, c, mark, over: false) } }
                if !s.horizontal, let c = column(s.value) { for r in 0..<height { put(r, c, mark, over: false) } }
            case .fill(let f):
                for i in f.xs.indices {
                    guard let c = column(f.xs[i]), let r0 = row(f.lower[i]), let r1 = row(f.upper[i]) else { continue }
                    for r in min(r0, r1)...max(r0, r1) { put(r, c, mark, over: false) }
                }
            case .text(let t):
                guard let c = column(t.x), let r = row(t.y) else { continue }
                for (i, ch) in MathText.plain(t.text).enumerated() where c + i < cols { grid[r][c + i] = ch }
            }
        }
        var lines: [String] = []
        let pad = String(repeating: " ", count: gutter)
        if !axes.title.isEmpty { lines.append(centred(MathText.plain(axes.title), in: cols, after: pad + " ")) }
        if !axes.yLabel.isEmpty && on { lines.append(pad + MathText.plain(axes.yLabel)) }
        var rowLabels = [Int: String]()
        for (t, label) in zip(yTicks, yLabels) { if let r = row(t) { rowLabels[r] = label } }
        for r in 0..<height {
            let label = rowLabels[r] ?? ""
            lines.append(String(repeating: " ", count: gutter - 1 - label.count) + label + (on ? " │" : "  ") + String(grid[r]))
        }
        if on {
            lines.append(pad + "└" + String(repeating: "─", count: cols))
            lines.append(pad + xAxisLabels(xv, cols: cols, column: column))
            if !axes.xLabel.isEmpty { lines.append(centred(MathText.plain(axes.xLabel), in: cols, after: pad + " ")) }
        }
        if axes.legend != nil || axes.artists.contains(where: { if case .raster(let r) = $0 { !r.markLegend.isEmpty } else { false } }) {
            lines += legend(marks, indent: pad)
        }
        return lines
    }

    /// Tick labels under the axis at their columns, skipping any that would touch the previous.
    func xAxisLabels(_ xv: AxisView, cols: Int, column: (Double) -> Int?) -> String {
        let xTicks = axes.xTicks ?? xv.ticks(bins: max(2, cols / 10))
        let xLabels = (axes.xTickLabels ?? xv.labels(xTicks, unicode: false)).map { axes.xTickLabelsShown ? $0 : "" }
        var axis = Array(repeating: Character(" "), count: cols + 1)
        var free = 0
        for (t, label) in zip(xTicks, xLabels) {
            guard let c = column(t) else { continue }
            let start = max(free, min(axis.count - label.count, c + 1 - label.count / 2))
            guard start + label.count <= axis.count, start >= free else { continue }
            for (i, ch) in label.enumerated() { axis[start + i] = ch }
            free = start + label.count + 1
        }
        return String(axis)
    }

    /// Which of `n` equal cells over `range` holds `v`, if any.
    static func cell(_ v: Double, _ range: ClosedRange<Double>, _ n: Int) -> Int? {
        let f = (v - range.lowerBound) / (range.upperBound - range.lowerBound) * Double(n)
        guard f.isFinite, f >= 0, f < Double(n) else { return nil }
        return Int(f)
    }

    func centred(_ text: String, in cols: Int, after prefix: String) -> String {
        prefix + String(repeating: " ", count: max(0, cols / 2 - text.count / 2)) + text
    }

    func legend(_ marks: [Character], indent: String) -> [String] {
        var items: [String] = []
        for (artist, mark) in zip(axes.artists, marks) {
            if case .raster(let r) = artist { items += r.markLegend.map { "\($0.0) \($0.1)" } }
            if case .scatter(let s) = artist, let byValue = AsciiPanel.valueMarks(s) { items += byValue.legend }
        }
        if axes.legend != nil { items += axes.legendItems.map { "\(marks[$0.index]) \(MathText.plain($0.label))" } }
        var lines: [String] = []
        var line = indent
        for item in items {
            if line.count > indent.count && line.count + item.count > width {
                lines.append(line)
                line = indent
            }
            line += item + "   "
        }
        if line.count > indent.count { lines.append(line) }
        return lines
    }

    /// Colour-mapped points with a few distinct values (class labels) get one mark per value,
    /// since the text chart has no colours.
    static func valueMarks(_ s: Scatter) -> (marks: [Character], legend: [String])? {
        guard let values = s.values, values.count == s.xs.count else { return nil }
        let distinct = Array(Set(values.filter(\.isFinite))).sorted()
        guard distinct.count > 1, distinct.count <= 8 else { return nil }
        let symbols: [Character] = ["o", "x", "+", "#", "*", "%", "@", "="]
        let marks = values.map { v in distinct.firstIndex(of: v).map { symbols[$0] } ?? "?" }
        let legend = distinct.enumerated().map { "\(symbols[$0.offset]) c=\(AxisView.plain($0.element, "-"))" }
        return (marks, legend)
    }
}
