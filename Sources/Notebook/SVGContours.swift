import Display

/// Filled contour bands as SVG paths, one per band.
extension SVGArtists {
    /// Each band is one path of its rings (nonzero fill: holes run the other way). A hairline
    /// stroke in the band's colour closes the anti-aliasing seams between neighbouring bands;
    /// the group's opacity applies once, so the overlaps do not darken.
    func contour(_ set: FilledContours) -> String {
        var s = "<g stroke-width=\"0.6\" stroke-linejoin=\"round\"\(opacity(set.alpha))>"
        for band in set.bands where !band.rings.isEmpty {
            var d = ""
            for ring in band.rings {
                var first = true
                for (x, y) in zip(ring.xs, ring.ys) {
                    guard let px = layout.px(x), let py = layout.py(y) else { continue }
                    d += (first ? "M" : "L") + "\(n(px)),\(n(py))"
                    first = false
                }
                if !first { d += "Z" }
            }
            if !d.isEmpty { s += "<path d=\"\(d)\" fill=\"\(band.color)\" stroke=\"\(band.color)\"/>" }
        }
        return s + "</g>"
    }
}
