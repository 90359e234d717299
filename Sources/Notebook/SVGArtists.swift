import Display
import Foundation

/// Draws artists in a panel's plot area (clipped by the caller). A text colour is an inline
/// style: the page's stylesheet colours plot text, and a presentation attribute would lose.
struct SVGArtists {
    let layout: SVGPanel.Layout
    static let pt = SVGPanel.unitsPerPoint

    func render(_ artist: Artist) -> String {
        switch artist {
        case .line(let line): return self.line(line)
        case .scatter(let sc):
            var s = ""
            for i in sc.xs.indices where i < sc.ys.count {
                guard let x = layout.px(sc.xs[i]), let y = layout.py(sc.ys[i]) else { continue }
                let size = sc.sizes[min(i, sc.sizes.count - 1)].squareRoot() * SVGArtists.pt
                let color = sc.colors[min(i, sc.colors.count - 1)]
                s += SVGArtists.marker(sc.marker, x, y, size, fill: color, edge: sc.edgeColor, alpha: sc.alpha)
            }
            return s
        case .bars(let b):
            var s = "<g fill=\"\(b.color)\"\(opacity(b.alpha))\(b.edgeColor.map { " stroke=\"\($0)\"" } ?? "")>"
            for i in b.positions.indices {
                let c0 = b.positions[i] - b.thicknesses[i] / 2
                let c1 = b.positions[i] + b.thicknesses[i] / 2
                let l0 = b.bases[i]
                let l1 = b.bases[i] + b.lengths[i]
                let xs = b.horizontal ? [l0, l1] : [c0, c1]
                let ys = b.horizontal ? [c0, c1] : [l0, l1]
                guard let xa = layout.px(xs[0]), let xb = layout.px(xs[1]), let ya = layout.py(ys[0]), let yb = layout.py(ys[1]) else {
                    continue
                }
                s += "<rect x=\"\(n(min(xa, xb)))\" y=\"\(n(min(ya, yb)))\" width=\"\(n(abs(xb - xa)))\" height=\"\(n(abs(yb - ya)))\"/>"
            }
            return s + "</g>"
        case .raster(let r): return raster(r)
        case .contour(let c): return contour(c)
        case .span(let sp):
            let a = layout.area
            let dash = SVGArtists.dash(sp.style, sp.width)
            let common = "stroke=\"\(sp.color)\" stroke-width=\"\(n(sp.width * SVGArtists.pt))\"\(dash)\(opacity(sp.alpha))"
            if sp.horizontal, let y = layout.py(sp.value) {
                return "<line x1=\"\(n(a.x))\" y1=\"\(n(y))\" x2=\"\(n(a.maxX))\" y2=\"\(n(y))\" \(common)/>"
            }
            if !sp.horizontal, let x = layout.px(sp.value) {
                return "<line x1=\"\(n(x))\" y1=\"\(n(a.y))\" x2=\"\(n(x))\" y2=\"\(n(a.maxY))\" \(common)/>"
            }
            return ""
        case .fill(let f):
            var upper: [String] = []
            var lower: [String] = []
            for i in f.xs.indices {
                guard let x = layout.px(f.xs[i]), let y0 = layout.py(f.lower[i]), let y1 = layout.py(f.upper[i]) else { continue }
                upper.append("\(n(x)),\(n(y1))")
                lower.append("\(n(x)),\(n(y0))")
            }
            guard !upper.isEmpty else { return "" }
            return "<polygon points=\"\((upper + lower.reversed()).joined(separator: " "))\" fill=\"\(f.color)\"\(opacity(f.alpha))/>"
        case .text(let t):
            guard let x = layout.px(t.x), let y = layout.py(t.y) else { return "" }
            let size = max(SVGPlot.tickFont, t.size * 1.8)
            var s = ""
            if let to = t.arrowTo, to.count == 2, let ax = layout.px(to[0]), let ay = layout.py(to[1]) {
                s += SVGArtists.arrow(from: (x, y), to: (ax, ay), color: t.color)
            }
            let anchor = t.horizontalAlignment == "center" ? "middle" : (t.horizontalAlignment == "right" ? "end" : "start")
            let shifts: [String: Double] = ["top": size * 0.8, "center": size * 0.35, "center_baseline": size * 0.35]
            let shift = shifts[t.verticalAlignment] ?? 0
            return s
                + "<text x=\"\(n(x))\" y=\"\(n(y + shift))\" text-anchor=\"\(anchor)\" font-size=\"\(n(size))\" style=\"fill:\(t.color)\">\(escapeHTML(MathText.plain(t.text)))</text>"
        }
    }

    func opacity(_ alpha: Double) -> String { alpha < 1 ? " opacity=\"\(String(format: "%.3g", alpha))\"" : "" }

    /// A line as a path, broken where a value is nan or off a log scale; with markers at the points.
    func line(_ l: Line) -> String {
        var d = ""
        var pen = false
        var points: [(Double, Double)] = []
        // A very long series (10,000 epochs) is thinned to about 600 points, one per unit of the
        // widest plot area; the last one stays.
        let step = max(1, l.xs.count / 600)
        for i in l.xs.indices where i < l.ys.count && (i % step == 0 || i == l.xs.count - 1) {
            guard let x = layout.px(l.xs[i]), let y = layout.py(l.ys[i]) else {
                pen = false
                continue
            }
            d += (pen ? "L" : "M") + n(x) + " " + n(y)
            pen = true
            points.append((x, y))
        }
        var s = ""
        if l.style != .none && !d.isEmpty {
            s +=
                "<path d=\"\(d)\" fill=\"none\" stroke=\"\(l.color)\" stroke-width=\"\(n(l.width * SVGArtists.pt))\" stroke-linejoin=\"round\" stroke-linecap=\"round\"\(SVGArtists.dash(l.style, l.width))\(opacity(l.alpha))/>"
        }
        if let m = l.marker {
            for (x, y) in points { s += SVGArtists.marker(m, x, y, l.markerSize * SVGArtists.pt, fill: l.color, edge: nil, alpha: l.alpha) }
        }
        return s
    }

    /// Cells as rectangles; neighbours in a row with the same colour become one.
    func raster(_ r: Raster) -> String {
        guard r.columns > 0, r.rows > 0, let x0 = layout.px(r.x.lowerBound), let x1 = layout.px(r.x.upperBound),
            let y0 = layout.py(r.y.lowerBound), let y1 = layout.py(r.y.upperBound)
        else { return "" }
        // Either axis may be inverted (an image's y): place cells from their corners. Each cell
        // overlaps its neighbours by 0.4 units, so that rounding leaves no seams; the group's
        // opacity applies once to the whole, so overlaps do not darken.
        let cw = (x1 - x0) / Double(r.columns)
        let ch = (y1 - y0) / Double(r.rows)
        var s = "<g shape-rendering=\"crispEdges\"\(opacity(r.alpha))>"
        for row in 0..<r.rows {
            var c = 0
            while c < r.columns {
                let colour = r.colors[row * r.columns + c]
                var end = c + 1
                while end < r.columns && r.colors[row * r.columns + end] == colour { end += 1 }
                let xa = x0 + Double(c) * cw
                let xb = x0 + Double(end) * cw
                let ya = y0 + Double(row) * ch
                let yb = y0 + Double(row + 1) * ch
                s +=
                    "<rect x=\"\(n(min(xa, xb)))\" y=\"\(n(min(ya, yb)))\" width=\"\(n(abs(xb - xa) + 0.4))\" height=\"\(n(abs(yb - ya) + 0.4))\" fill=\"\(colour)\"/>"
                c = end
            }
        }
        return s + "</g>"
    }

    static func dash(_ style: LineStyle, _ width: Double) -> String {
        // matplotlib's dash patterns, in multiples of the line width.
        let w = max(width, 1) * pt
        switch style {
        case .dashed: return " stroke-dasharray=\"\(n(3.7 * w)) \(n(1.6 * w))\""
        case .dotted: return " stroke-dasharray=\"\(n(1 * w)) \(n(1.65 * w))\""
        case .dashDot: return " stroke-dasharray=\"\(n(6.4 * w)) \(n(1.6 * w)) \(n(1 * w)) \(n(1.6 * w))\""
        case .solid, .none: return ""
        }
    }

    static func arrow(from a: (Double, Double), to b: (Double, Double), color: String) -> String {
        let angle = atan2(b.1 - a.1, b.0 - a.0)
        let head = 10.0
        let p1 = (b.0 - head * cos(angle - 0.4), b.1 - head * sin(angle - 0.4))
        let p2 = (b.0 - head * cos(angle + 0.4), b.1 - head * sin(angle + 0.4))
        return "<line x1=\"\(n(a.0))\" y1=\"\(n(a.1))\" x2=\"\(n(b.0))\" y2=\"\(n(b.1))\" stroke=\"\(color)\" stroke-width=\"1.4\"/>"
            + "<polygon points=\"\(n(b.0)),\(n(b.1)) \(n(p1.0)),\(n(p1.1)) \(n(p2.0)),\(n(p2.1))\" fill=\"\(color)\"/>"
    }

    /// A marker of diameter `size` centred at (x, y); line-only shapes (+ x | _) are stroked.
    static func marker(_ m: Marker, _ x: Double, _ y: Double, _ size: Double, fill: String, edge: String?, alpha: Double) -> String {
        let r = size / 2
        let op = alpha < 1 ? " opacity=\"\(String(format: "%.3g", alpha))\"" : ""
        let stroke = " stroke=\"\(edge ?? fill)\" stroke-width=\"\(n(edge == nil ? 0.8 : 1.2))\""
        func poly(_ pts: [(Double, Double)]) -> String {
            "<polygon points=\"\(pts.map { "\(n(x + $0.0 * r)),\(n(y + $0.1 * r))" }.joined(separator: " "))\" fill=\"\(fill)\"\(stroke)\(op)/>"
        }
        func strokes(_ segs: [(Double, Double, Double, Double)]) -> String {
            "<path d=\"\(segs.map { "M\(n(x + $0.0 * r)) \(n(y + $0.1 * r))L\(n(x + $0.2 * r)) \(n(y + $0.3 * r))" }.joined())\" stroke=\"\(fill)\" stroke-width=\"\(n(max(1.5, size / 6)))\" fill=\"none\"\(op)/>"
        }
        switch m {
        case .circle, .hexagon, .pentagon:
            return "<circle cx=\"\(n(x))\" cy=\"\(n(y))\" r=\"\(n(r))\" fill=\"\(fill)\"\(stroke)\(op)/>"
        case .point, .pixel:
            return "<circle cx=\"\(n(x))\" cy=\"\(n(y))\" r=\"\(n(m == .point ? r / 2 : 1))\" fill=\"\(fill)\"\(op)/>"
        case .square: return poly([(-0.8, -0.8), (0.8, -0.8), (0.8, 0.8), (-0.8, 0.8)])
        case .triangleUp: return poly([(0, -1), (1, 0.8), (-1, 0.8)])
        case .triangleDown: return poly([(0, 1), (1, -0.8), (-1, -0.8)])
        case .triangleLeft: return poly([(-1, 0), (0.8, -1), (0.8, 1)])
        case .triangleRight: return poly([(1, 0), (-0.8, -1), (-0.8, 1)])
        case .diamond: return poly([(0, -1), (1, 0), (0, 1), (-1, 0)])
        case .thinDiamond: return poly([(0, -1), (0.6, 0), (0, 1), (-0.6, 0)])
        case .star:
            let pts = (0..<10).map { i -> (Double, Double) in
                let radius = i % 2 == 0 ? 1.0 : 0.4
                let t = Double(i) * Double.pi / 5 - Double.pi / 2
                return (radius * cos(t), radius * sin(t))
            }
            return poly(pts)
        case .filledPlus:
            return poly([
                (-0.3, -1), (0.3, -1), (0.3, -0.3), (1, -0.3), (1, 0.3), (0.3, 0.3), (0.3, 1), (-0.3, 1), (-0.3, 0.3), (-1, 0.3),
                (-1, -0.3), (-0.3, -0.3),
            ])
        case .filledCross: return strokes([(-0.8, -0.8, 0.8, 0.8), (-0.8, 0.8, 0.8, -0.8)])
        case .plus: return strokes([(-1, 0, 1, 0), (0, -1, 0, 1)])
        case .cross: return strokes([(-0.75, -0.75, 0.75, 0.75), (-0.75, 0.75, 0.75, -0.75)])
        case .vline: return strokes([(0, -1, 0, 1)])
        case .hline: return strokes([(-1, 0, 1, 0)])
        }
    }
}
