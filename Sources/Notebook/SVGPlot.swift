import Foundation

/// A plot as inline SVG: axes with ticks, a legend, and the Okabe–Ito palette, which stays
/// distinguishable for colour-blind readers.
struct SVGPlot {
    let plot: Plot
    static let palette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
    let width = 640.0, height = 360.0
    let left = 56.0, right = 16.0, top = 32.0, bottom = 44.0

    /// Round tick positions: steps of 1, 2 or 5 times a power of ten.
    static func ticks(_ range: ClosedRange<Double>, count: Int = 6) -> [Double] {
        let span = range.upperBound - range.lowerBound
        guard span > 0, span.isFinite else { return [range.lowerBound] }
        let raw = span / Double(count)
        let power = pow(10, floor(log10(raw)))
        let step = [1.0, 2, 5, 10].map { $0 * power }.first { $0 >= raw } ?? 10 * power
        var t = (range.lowerBound / step).rounded(.up) * step
        var out: [Double] = []
        while t <= range.upperBound + step * 1e-9 {
            out.append(abs(t) < step * 1e-9 ? 0 : t)
            t += step
        }
        return out
    }

    /// The colour of a decision-field cell, the colour of its class's points, and a shade:
    /// with two classes in five steps of confidence, with more a flat tint.
    static func fieldStyle(_ field: Plot.Field, _ v: Double) -> (String, String) {
        guard field.classes <= 2 else { return (palette[field.predicted(v) % palette.count], "0.22") }
        let confidence = min(1, abs(v - 0.5) * 2)
        return (v > 0.5 ? palette[1] : palette[0], String(format: "%.2f", 0.08 + 0.07 * (confidence * 4).rounded()))
    }

    static func label(_ v: Double) -> String {
        let s = String(format: "%.4g", v)
        return s == "-0" ? "0" : s
    }

    func render() -> String {
        let pw = width - left - right
        let ph = height - top - bottom
        func x(_ v: Double) -> Double { left + (v - plot.xRange.lowerBound) / (plot.xRange.upperBound - plot.xRange.lowerBound) * pw }
        func y(_ v: Double) -> Double { top + ph - (v - plot.yRange.lowerBound) / (plot.yRange.upperBound - plot.yRange.lowerBound) * ph }
        func n(_ v: Double) -> String { String(format: "%.1f", v) }
        var s =
            "<svg class=\"nn-plot\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"\(escapeHTML(plot.title.isEmpty ? plot.series.map(\.name).joined(separator: ", ") : plot.title))\" xmlns=\"http://www.w3.org/2000/svg\">\n"
        if !plot.title.isEmpty {
            s += "<text class=\"title\" x=\"\(n(left + pw / 2))\" y=\"18\" text-anchor=\"middle\">\(escapeHTML(plot.title))</text>\n"
        }
        if let field = plot.field {
            // Neighbouring cells of one row with the same colour and shade become one rect.
            let cw = pw / Double(field.columns)
            let ch = ph / Double(field.rows)
            // Exact, non-overlapping cells: overlaps of translucent fills would show as seams.
            s += "<g class=\"field\" shape-rendering=\"crispEdges\">"
            for r in 0..<field.rows {
                var c = 0
                while c < field.columns {
                    let (colour, shade) = SVGPlot.fieldStyle(field, field.values[r * field.columns + c])
                    var end = c + 1
                    while end < field.columns && SVGPlot.fieldStyle(field, field.values[r * field.columns + end]) == (colour, shade) {
                        end += 1
                    }
                    s +=
                        "<rect x=\"\(n(left + Double(c) * cw))\" y=\"\(n(top + ph - Double(r + 1) * ch))\" width=\"\(n(Double(end - c) * cw))\" height=\"\(n(ch))\" fill=\"\(colour)\" fill-opacity=\"\(shade)\"/>"
                    c = end
                }
            }
            s += "</g>\n"
        }
        s += "<g class=\"grid\">"
        for t in SVGPlot.ticks(plot.xRange) {
            s += "<line x1=\"\(n(x(t)))\" y1=\"\(n(top))\" x2=\"\(n(x(t)))\" y2=\"\(n(top + ph))\"/>"
        }
        for t in SVGPlot.ticks(plot.yRange, count: 5) {
            s += "<line x1=\"\(n(left))\" y1=\"\(n(y(t)))\" x2=\"\(n(left + pw))\" y2=\"\(n(y(t)))\"/>"
        }
        s += "</g>\n<g class=\"axis\">"
        s += "<line x1=\"\(n(left))\" y1=\"\(n(top + ph))\" x2=\"\(n(left + pw))\" y2=\"\(n(top + ph))\"/>"
        s += "<line x1=\"\(n(left))\" y1=\"\(n(top))\" x2=\"\(n(left))\" y2=\"\(n(top + ph))\"/>"
        for t in SVGPlot.ticks(plot.xRange) {
            s += "<text x=\"\(n(x(t)))\" y=\"\(n(top + ph + 16))\" text-anchor=\"middle\">\(SVGPlot.label(t))</text>"
        }
        for t in SVGPlot.ticks(plot.yRange, count: 5) {
            s += "<text x=\"\(n(left - 6))\" y=\"\(n(y(t) + 4))\" text-anchor=\"end\">\(SVGPlot.label(t))</text>"
        }
        if !plot.xLabel.isEmpty {
            s +=
                "<text class=\"label\" x=\"\(n(left + pw / 2))\" y=\"\(n(height - 6))\" text-anchor=\"middle\">\(escapeHTML(plot.xLabel))</text>"
        }
        if !plot.yLabel.isEmpty {
            s +=
                "<text class=\"label\" transform=\"translate(14 \(n(top + ph / 2))) rotate(-90)\" text-anchor=\"middle\">\(escapeHTML(plot.yLabel))</text>"
        }
        s += "</g>\n<g class=\"series\">"
        for (k, series) in plot.series.enumerated() {
            let colour = SVGPlot.palette[k % SVGPlot.palette.count]
            let inside = zip(series.xs, series.ys).filter { $0.0.isFinite && $0.1.isFinite }
            switch series.style {
            case .points:
                let shape = k % 2 == 0
                for (px, py) in inside {
                    s +=
                        shape
                        ? "<circle cx=\"\(n(x(px)))\" cy=\"\(n(y(py)))\" r=\"3\" fill=\"\(colour)\" stroke=\"#fff\" stroke-width=\"0.6\"/>"
                        : "<rect x=\"\(n(x(px) - 3))\" y=\"\(n(y(py) - 3))\" width=\"6\" height=\"6\" fill=\"\(colour)\" stroke=\"#fff\" stroke-width=\"0.6\"/>"
                }
            case .line, .dashed:
                // A long series (10,000 epochs) is thinned to about 500 points; the last one stays.
                let step = max(1, inside.count / 500)
                let kept = inside.enumerated().filter { $0.offset % step == 0 || $0.offset == inside.count - 1 }.map(\.element)
                let points = kept.map { "\(n(x($0.0))),\(n(y($0.1)))" }.joined(separator: " ")
                let dash = series.style == .dashed ? " stroke-dasharray=\"6 4\"" : ""
                s += "<polyline fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\"\(dash) points=\"\(points)\"/>"
            }
        }
        s += "</g>\n<g class=\"legend\">"
        s +=
            "<rect x=\"\(n(left + pw - 136))\" y=\"\(n(top + 1))\" width=\"134\" height=\"\(n(Double(plot.series.count) * 16 + 8))\" rx=\"3\" fill=\"#fff\" fill-opacity=\"0.85\" stroke=\"#ccc\"/>"
        var ly = top + 14
        for (k, series) in plot.series.enumerated() {
            let colour = SVGPlot.palette[k % SVGPlot.palette.count]
            let lx = left + pw - 130
            if series.style == .points {
                // The same marker as in the plot: circles and squares alternate.
                s +=
                    k % 2 == 0
                    ? "<circle cx=\"\(n(lx + 9))\" cy=\"\(n(ly - 4))\" r=\"4\" fill=\"\(colour)\"/>"
                    : "<rect x=\"\(n(lx + 5))\" y=\"\(n(ly - 8))\" width=\"8\" height=\"8\" fill=\"\(colour)\"/>"
            } else {
                let dash = series.style == .dashed ? " stroke-dasharray=\"6 4\"" : ""
                s +=
                    "<line x1=\"\(n(lx))\" y1=\"\(n(ly - 4))\" x2=\"\(n(lx + 18))\" y2=\"\(n(ly - 4))\" stroke=\"\(colour)\" stroke-width=\"2\"\(dash)/>"
            }
            s += "<text x=\"\(n(lx + 24))\" y=\"\(n(ly))\">\(escapeHTML(series.name))</text>"
            ly += 16
        }
        s += "</g>\n</svg>"
        return s
    }
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
