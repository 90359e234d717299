import Display
import Foundation

/// A panel's legend: placed like matplotlib's `loc`, with `best` choosing the first corner or
/// edge where it covers no data; where every spot would cover data, it goes below the panel.
struct SVGLegend {
    var entries: [(String, Artist)]
    var box = Rect(x: 0, y: 0, width: 0, height: 0)
    var outside = false
    /// Entries per row when laid out below the panel.
    var perRow = 1
    var font = SVGPlot.tickFont
    var frame = true
    var rowHeight: Double { font * 1.3 }
    static let handle = 32.0

    /// matplotlib's locations in the order `best` tries them.
    static let locations = [
        "upper right", "upper left", "lower left", "lower right", "right", "center left", "center right", "lower center",
        "upper center", "center",
    ]

    var entryWidth: Double { 8 + SVGLegend.handle + 6 + (entries.map { textWidth($0.0, font) }.max() ?? 0) + 8 }

    mutating func place(_ loc: String, in l: SVGPanel.Layout, artists: [Artist]) {
        let w = entryWidth
        let h = Double(entries.count) * rowHeight + 10
        func rect(_ loc: String) -> Rect {
            let a = l.area
            let pad = 9.0
            let x = loc.hasSuffix("left") ? a.x + pad : (loc.hasSuffix("right") ? a.maxX - pad - w : a.x + (a.width - w) / 2)
            let y = loc.hasPrefix("upper") ? a.y + pad : (loc.hasPrefix("lower") ? a.maxY - pad - h : a.y + (a.height - h) / 2)
            return Rect(x: x, y: y, width: w, height: h)
        }
        if loc != "best" {
            box = rect(loc == "right" ? "center right" : loc)
            return
        }
        let points = SVGLegend.vertices(artists, l)
        for candidate in SVGLegend.locations {
            let r = rect(candidate)
            if SVGLegend.badness(r, points) == 0 {
                box = r
                return
            }
        }
        outside = true
    }

    func outsideHeight(width: Double) -> Double {
        let perRow = max(1, Int((width - 20) / entryWidth))
        return Double((entries.count + perRow - 1) / perRow) * rowHeight + 16
    }

    mutating func placeBelow(_ l: SVGPanel.Layout, cellX: Double, cellWidth: Double, xLabel: Bool) {
        perRow = max(1, Int((cellWidth - 20) / entryWidth))
        let rows = (entries.count + perRow - 1) / perRow
        let h = Double(rows) * rowHeight + 10
        let w = Double(min(perRow, entries.count)) * entryWidth
        box = Rect(
            x: cellX + (cellWidth - w) / 2, y: l.area.maxY + 20 + SVGPlot.tickFont + (xLabel ? SVGPlot.labelFont + 8 : 0), width: w,
            height: h)
    }

    func render() -> String {
        guard !entries.isEmpty else { return "" }
        var s =
            "<g class=\"legend\""
            + (frame
                ? "><rect x=\"\(n(box.x))\" y=\"\(n(box.y))\" width=\"\(n(box.width))\" height=\"\(n(box.height))\" rx=\"3\" fill=\"#fff\" fill-opacity=\"0.8\" stroke=\"#ccc\"/>"
                : ">")
        for (i, (label, artist)) in entries.enumerated() {
            let column = outside ? i % perRow : 0
            let row = outside ? i / perRow : i
            let x = box.x + 8 + Double(column) * entryWidth
            let y = box.y + 5 + (Double(row) + 0.5) * rowHeight
            s += SVGLegend.handle(artist, x, y)
            s +=
                "<text x=\"\(n(x + SVGLegend.handle + 6))\" y=\"\(n(y + font * 0.35))\" font-size=\"\(n(font))\">\(escapeHTML(MathText.plain(label)))</text>"
        }
        return s + "</g>"
    }

    /// A short sample of the artist: a line with its marker, a marker, or a patch.
    static func handle(_ artist: Artist, _ x: Double, _ y: Double) -> String {
        let pt = SVGPanel.unitsPerPoint
        switch artist {
        case .line(let l):
            var s = ""
            if l.style != .none {
                s +=
                    "<line x1=\"\(n(x))\" y1=\"\(n(y))\" x2=\"\(n(x + handle))\" y2=\"\(n(y))\" stroke=\"\(l.color)\" stroke-width=\"\(n(l.width * pt))\"\(SVGArtists.dash(l.style, l.width))/>"
            }
            if let m = l.marker {
                s += SVGArtists.marker(m, x + handle / 2, y, l.markerSize * pt, fill: l.color, edge: nil, alpha: l.alpha)
            }
            return s
        case .span(let sp):
            return
                "<line x1=\"\(n(x))\" y1=\"\(n(y))\" x2=\"\(n(x + handle))\" y2=\"\(n(y))\" stroke=\"\(sp.color)\" stroke-width=\"\(n(sp.width * pt))\"\(SVGArtists.dash(sp.style, sp.width))/>"
        case .scatter(let sc):
            return SVGArtists.marker(
                sc.marker, x + handle / 2, y, max(8, min(16, (sc.sizes.first ?? 36).squareRoot() * pt)), fill: artist.color,
                edge: sc.edgeColor, alpha: sc.alpha)
        default:
            let alpha = { () -> Double in
                if case .bars(let b) = artist { return b.alpha }
                if case .fill(let f) = artist { return f.alpha }
                return 1
            }()
            return
                "<rect x=\"\(n(x + 4))\" y=\"\(n(y - 7))\" width=\"\(n(handle - 8))\" height=\"14\" fill=\"\(artist.color)\"\(alpha < 1 ? " opacity=\"\(String(format: "%.3g", alpha))\"" : "")/>"
        }
    }

    /// Data drawn in the plot area, in viewBox units: the points and segments a legend must not cover.
    static func vertices(_ artists: [Artist], _ l: SVGPanel.Layout) -> [[(Double, Double)]] {
        func project(_ xs: [Double], _ ys: [Double]) -> [(Double, Double)] {
            zip(xs, ys).compactMap { x, y in l.px(x).flatMap { px in l.py(y).map { (px, $0) } } }
        }
        return artists.flatMap { a -> [[(Double, Double)]] in
            switch a {
            case .line(let line): return [project(line.xs, line.ys)]
            case .scatter(let s): return project(s.xs, s.ys).map { [$0] }
            case .fill(let f): return [project(f.xs, f.upper), project(f.xs, f.lower)]
            case .bars(let b):
                let tops = zip(b.bases, b.lengths).map { $0 + $1 }
                return b.horizontal ? [project(tops, b.positions)] : [project(b.positions, tops)]
            case .span(let s):
                return s.horizontal
                    ? [project([l.x.low, l.x.high], [s.value, s.value])] : [project([s.value, s.value], [l.y.low, l.y.high])]
            case .raster, .contour, .text: return []
            }
        }
    }

    /// How many points lie in the box plus how many segments cross it.
    static func badness(_ r: Rect, _ paths: [[(Double, Double)]]) -> Int {
        var count = 0
        for path in paths {
            for (i, p) in path.enumerated() {
                if p.0 >= r.x && p.0 <= r.maxX && p.1 >= r.y && p.1 <= r.maxY { count += 1 }
                if i > 0, crosses(path[i - 1], p, r) { count += 1 }
            }
        }
        return count
    }

    /// Whether the segment a–b passes through the rectangle (Liang–Barsky clipping).
    static func crosses(_ a: (Double, Double), _ b: (Double, Double), _ r: Rect) -> Bool {
        var t0 = 0.0
        var t1 = 1.0
        let dx = b.0 - a.0
        let dy = b.1 - a.1
        for (p, q) in [(-dx, a.0 - r.x), (dx, r.maxX - a.0), (-dy, a.1 - r.y), (dy, r.maxY - a.1)] {
            if p == 0 {
                if q < 0 { return false }
                continue
            }
            let t = q / p
            if p < 0 { t0 = max(t0, t) } else { t1 = min(t1, t) }
            if t0 > t1 { return false }
        }
        return true
    }
}
