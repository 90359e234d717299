import Display
import Foundation

/// One axes of a figure in its grid cell: frame, ticks, grid, artists, labels and legend.
struct SVGPanel {
    let axes: Axes
    let cell: Rect
    let clipID: String
    /// Room on the right for a twin's y axis (`twinx`).
    var rightExtra = 0.0
    /// A twin's plot area: its host's.
    var hostArea: Rect?
    /// matplotlib sizes lines and markers in points; a 6.4-inch figure is 640 units wide.
    static let unitsPerPoint = 640.0 / 460.8

    struct Layout {
        var area: Rect
        var x: AxisView
        var y: AxisView
        var xTicks: [Double]
        var yTicks: [Double]
        var xLabels: [String]
        var yLabels: [String]

        func px(_ v: Double) -> Double? { x.fraction(v).map { area.x + $0 * area.width } }
        func py(_ v: Double) -> Double? { y.fraction(v).map { area.maxY - $0 * area.height } }
    }

    var titleFont: Double { SVGPlot.font(axes.titleSize, minimum: SVGPlot.titleFont) }
    var xLabelFont: Double { SVGPlot.font(axes.xLabelSize, minimum: SVGPlot.labelFont) }
    var yLabelFont: Double { SVGPlot.font(axes.yLabelSize, minimum: SVGPlot.labelFont) }

    /// Margins around the plot area, from the lengths of the labels that go there.
    func layout(extraBottom: Double) -> Layout {
        let (xv, yv) = axes.views
        let fs = SVGPlot.tickFont
        let top = axes.title.isEmpty ? 12.0 : titleFont + 18
        let on = axes.axisOn
        let bottom = on ? 12 + xTickHeight(xv) + (axes.xLabel.isEmpty ? 0 : xLabelFont + 10) + extraBottom : 12 + extraBottom
        let right = 14.0 + (axes.colorbar == nil ? 0 : 78) + rightExtra
        // Tick labels on y set the left margin; their number depends on the height only.
        let height = max(cell.height - top - bottom, 40)
        let yTicks = on ? axes.yTicks ?? yv.ticks(bins: min(max(Int(height / (fs * 2)), 1), 9)) : []
        let yLabels = axes.yTickLabels ?? yv.labels(yTicks)
        let yWidth = axes.yTickLabelsShown ? (yLabels.map { textWidth($0, fs) }.max() ?? 0) : 0
        let left = on ? 12 + yWidth + 8 + (axes.yLabel.isEmpty ? 0 : yLabelFont + 8) : 12
        var area = Rect(x: cell.x + left, y: cell.y + top, width: max(cell.width - left - right, 40), height: height)
        if let aspect = axes.aspect, xv.scale == .linear, yv.scale == .linear, xv.high != xv.low {
            // Keep the data's aspect: shrink the box along one side and centre it.
            let ratio = aspect * abs(yv.high - yv.low) / abs(xv.high - xv.low)
            if area.height > area.width * ratio {
                let h = area.width * ratio
                area.y += (area.height - h) / 2
                area.height = h
            } else {
                let w = area.height / ratio
                area.x += (area.width - w) / 2
                area.width = w
            }
        }
        if let hostArea { area = hostArea }
        let xTicks = on && !axes.yAxisRight ? axes.xTicks ?? xv.ticks(bins: min(max(Int(area.width / (fs * 3)), 1), 9)) : []
        let xLabels = axes.xTickLabels ?? xv.labels(xTicks)
        return Layout(
            area: area, x: xv, y: yv, xTicks: xTicks, yTicks: yTicks, xLabels: axes.xTickLabelsShown ? xLabels : xLabels.map { _ in "" },
            yLabels: on && axes.yTickLabelsShown ? yLabels : yLabels.map { _ in "" })
    }

    /// The layout, and the legend placed in it (below the panel, which then shrinks, when
    /// `best` finds no free spot).
    func arranged() -> (Layout, SVGLegend) {
        var l = layout(extraBottom: 0)
        var legend = SVGLegend(entries: axes.legendEntries.map { ($0.label, $0.artist) })
        legend.font = SVGPlot.font(axes.legendFontSize, minimum: SVGPlot.tickFont)
        legend.frame = axes.legendFrame
        if let loc = axes.legend, !legend.entries.isEmpty {
            legend.place(loc, in: l, artists: axes.artists)
            if legend.outside {
                l = layout(extraBottom: legend.outsideHeight(width: cell.width))
                legend.placeBelow(l, cellX: cell.x, cellWidth: cell.width, xLabel: !axes.xLabel.isEmpty)
            }
        }
        return (l, legend)
    }

    /// The width a twin's y axis (ticks and label) takes right of the plot area.
    static func rightAxisWidth(_ twin: Axes, height: Double) -> Double {
        let fs = SVGPlot.tickFont
        let yv = twin.views.y
        let labels = twin.yTickLabels ?? yv.labels(twin.yTicks ?? yv.ticks(bins: min(max(Int(height / (fs * 2)), 1), 9)))
        let label = twin.yLabel.isEmpty ? 0 : SVGPlot.font(twin.yLabelSize, minimum: SVGPlot.labelFont) + 8
        return 8 + (labels.map { textWidth($0, fs) }.max() ?? 0) + label
    }

    func render() -> String {
        let (l, legend) = arranged()
        let a = l.area
        let fs = SVGPlot.tickFont
        let host = !axes.yAxisRight
        var s =
            "<g class=\"axes\"><clipPath id=\"\(clipID)\"><rect x=\"\(n(a.x))\" y=\"\(n(a.y))\" width=\"\(n(a.width))\" height=\"\(n(a.height))\"/></clipPath>"
        if axes.axisOn && host {
            s += "<rect x=\"\(n(a.x))\" y=\"\(n(a.y))\" width=\"\(n(a.width))\" height=\"\(n(a.height))\" fill=\"#fff\"/>\n"
        }
        var grid = ""
        if axes.grid {
            let g = axes.gridLine
            if g.axis != "y" {
                for t in l.xTicks {
                    if let x = l.px(t) { grid += "<line x1=\"\(n(x))\" y1=\"\(n(a.y))\" x2=\"\(n(x))\" y2=\"\(n(a.maxY))\"/>" }
                }
            }
            if g.axis != "x" {
                for t in l.yTicks {
                    if let y = l.py(t) { grid += "<line x1=\"\(n(a.x))\" y1=\"\(n(y))\" x2=\"\(n(a.maxX))\" y2=\"\(n(y))\"/>" }
                }
            }
            let opacity = g.alpha < 1 ? " opacity=\"\(String(format: "%.3g", g.alpha))\"" : ""
            grid =
                "<g stroke=\"\(g.color)\" stroke-width=\"\(n(g.width * SVGPanel.unitsPerPoint))\"\(SVGArtists.dash(g.style, g.width))\(opacity)>"
                + grid
                + "</g>\n"
        }
        // Images and filled regions lie under the grid; lines and points above it.
        let under = axes.artists.filter(\.isRegion)
        let over = axes.artists.filter { !$0.isRegion }
        let artistsSVG = SVGArtists(layout: l)
        s += "<g clip-path=\"url(#\(clipID))\">" + under.map(artistsSVG.render).joined() + "</g>\n" + grid
        s += "<g clip-path=\"url(#\(clipID))\">" + over.map(artistsSVG.render).joined() + "</g>\n"
        // Frame, outward ticks and their labels.
        if axes.axisOn && host {
            s +=
                "<rect x=\"\(n(a.x))\" y=\"\(n(a.y))\" width=\"\(n(a.width))\" height=\"\(n(a.height))\" fill=\"none\" stroke=\"#000\" stroke-width=\"1.1\"/>"
        }
        var marks = ""
        for (t, label) in zip(l.xTicks, l.xLabels) {
            guard let x = l.px(t), x >= a.x - 0.5, x <= a.maxX + 0.5 else { continue }
            marks += "<line x1=\"\(n(x))\" y1=\"\(n(a.maxY))\" x2=\"\(n(x))\" y2=\"\(n(a.maxY + 5))\"/>"
            s += xTickLabel(label, x: x, axisY: a.maxY)
        }
        for (t, label) in zip(l.yTicks, l.yLabels) {
            guard let y = l.py(t), y >= a.y - 0.5, y <= a.maxY + 0.5 else { continue }
            // A twin's y axis is on the right, its labels reading outwards.
            let edge = host ? a.x : a.maxX
            let out = host ? -1.0 : 1.0
            marks += "<line x1=\"\(n(edge + out * 5))\" y1=\"\(n(y))\" x2=\"\(n(edge))\" y2=\"\(n(y))\"/>"
            s +=
                "<text x=\"\(n(edge + out * 8))\" y=\"\(n(y + fs * 0.35))\" text-anchor=\"\(host ? "end" : "start")\">\(escapeHTML(MathText.plain(label)))</text>"
        }
        s += "<g stroke=\"#000\" stroke-width=\"1.1\">" + marks + "</g>\n"
        if !axes.xLabel.isEmpty && axes.axisOn {
            s +=
                "<text x=\"\(n(a.x + a.width / 2))\" y=\"\(n(a.maxY + 12 + xTickHeight(l.x) + xLabelFont))\" text-anchor=\"middle\" font-size=\"\(n(xLabelFont))\">\(escapeHTML(MathText.plain(axes.xLabel)))</text>"
        }
        if !axes.yLabel.isEmpty && axes.axisOn {
            s +=
                "<text transform=\"translate(\(n(host ? cell.x + 8 + yLabelFont * 0.8 : a.maxX + SVGPanel.rightAxisWidth(axes, height: a.height) - 8)) \(n(a.y + a.height / 2))) rotate(-90)\" text-anchor=\"middle\" font-size=\"\(n(yLabelFont))\">\(escapeHTML(MathText.plain(axes.yLabel)))</text>"
        }
        if !axes.title.isEmpty {
            s +=
                "<text x=\"\(n(titleX(a)))\" y=\"\(n(a.y - 10))\" text-anchor=\"\(titleAnchor)\" font-size=\"\(n(titleFont))\">\(escapeHTML(MathText.plain(axes.title)))</text>"
        }
        if let bar = axes.colorbar { s += colorbar(bar, a) }
        if axes.legend != nil { s += legend.render() }
        return s + "</g>\n"
    }

    /// The height the x tick labels take below the axis, turned or not.
    func xTickHeight(_ xv: AxisView) -> Double {
        let fs = SVGPlot.tickFont
        guard axes.xTickRotation != 0 else { return fs }
        let longest = (axes.xTickLabels ?? xv.labels(axes.xTicks ?? xv.ticks(bins: 9))).map { textWidth($0, fs) }.max() ?? 0
        let angle = abs(axes.xTickRotation) * Double.pi / 180
        return longest * sin(angle) + fs * cos(angle)
    }

    /// A tick label under the axis: level, or turned about the end (or middle) at its tick.
    func xTickLabel(_ label: String, x: Double, axisY: Double) -> String {
        let fs = SVGPlot.tickFont
        let text = escapeHTML(MathText.plain(label))
        guard axes.xTickRotation != 0 else {
            return "<text x=\"\(n(x))\" y=\"\(n(axisY + 8 + fs))\" text-anchor=\"middle\">\(text)</text>"
        }
        let angle = axes.xTickRotation * Double.pi / 180
        let width = textWidth(label, fs)
        let anchor = axes.xTickAlign == "right" ? "end" : (axes.xTickAlign == "left" ? "start" : "middle")
        // The point the text turns about: its end (or middle) just below the tick.
        let drop = axes.xTickAlign == "center" ? width / 2 * abs(sin(angle)) : 0
        return
            "<text transform=\"translate(\(n(x)) \(n(axisY + 8 + drop + fs * 0.7 * cos(angle)))) rotate(\(n(-axes.xTickRotation)))\" text-anchor=\"\(anchor)\">\(text)</text>"
    }

    var titleAnchor: String { axes.titleLoc == "left" ? "start" : (axes.titleLoc == "right" ? "end" : "middle") }
    func titleX(_ a: Rect) -> Double { axes.titleLoc == "left" ? a.x : (axes.titleLoc == "right" ? a.maxX : a.x + a.width / 2) }

    /// A vertical colour bar right of the plot area, with labelled ticks.
    func colorbar(_ bar: Colorbar, _ a: Rect) -> String {
        let x = a.maxX + 16
        let w = 16.0
        let k = bar.colors.count
        var s = "<g shape-rendering=\"crispEdges\">"
        for (i, c) in bar.colors.enumerated() {
            let y0 = a.maxY - a.height * Double(i + 1) / Double(k)
            s += "<rect x=\"\(n(x))\" y=\"\(n(y0))\" width=\"\(n(w))\" height=\"\(n(a.height / Double(k) + 0.3))\" fill=\"\(c)\"/>"
        }
        s += "</g><rect x=\"\(n(x))\" y=\"\(n(a.y))\" width=\"\(n(w))\" height=\"\(n(a.height))\" fill=\"none\" stroke=\"#000\"/>"
        let view = AxisView(low: bar.low, high: bar.high, scale: .linear)
        // A contour set's ticks sit on its band boundaries; a colour map's on round values.
        let marks: [(fraction: Double, value: Double)]
        if let levels = bar.levels, levels.count >= 2 {
            marks = Colorbar.levelTicks(levels).map { (Double($0) / Double(levels.count - 1), levels[$0]) }
        } else {
            marks = view.ticks(bins: 4).compactMap { t in view.fraction(t).map { ($0, t) } }
        }
        for (mark, label) in zip(marks, view.labels(marks.map(\.value))) {
            let y = a.maxY - mark.fraction * a.height
            s += "<text x=\"\(n(x + w + 5))\" y=\"\(n(y + SVGPlot.tickFont * 0.35))\">\(label)</text>"
        }
        return s
    }
}

/// The width of a label in viewBox units, estimated for a sans-serif font.
func textWidth(_ s: String, _ size: Double) -> Double {
    Double(MathText.plain(s).count) * size * 0.56
}
