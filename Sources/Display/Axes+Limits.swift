/// The data an axes' artists cover, and the view limits it gets from them.
extension Axes {
    /// Autoscaled (or fixed) x and y views, as matplotlib's `autoscale_view` would choose them.
    package var views: (x: AxisView, y: AxisView) {
        var xs: [Double] = []
        var ys: [Double] = []
        var stickyX: [Double] = []
        var stickyY: [Double] = []
        for artist in artists {
            switch artist {
            case .line(let l):
                xs += l.xs
                ys += l.ys
            case .scatter(let s):
                xs += s.xs
                ys += s.ys
            case .bars(let b):
                // Bars stand on their base line: it is a sticky edge, with no margin beyond it.
                var across: [Double] = []
                var along: [Double] = b.bases
                for i in b.positions.indices {
                    // matplotlib's rectangle: its left edge, then the left edge plus the width.
                    let start = b.positions[i] - b.thicknesses[i] / 2
                    across += [start, start + b.thicknesses[i]]
                    along.append(b.bases[i] + b.lengths[i])
                }
                if b.horizontal {
                    ys += across
                    xs += along
                    stickyX += b.bases
                } else {
                    xs += across
                    ys += along
                    stickyY += b.bases
                }
            case .raster(let r):
                xs += [r.x.lowerBound, r.x.upperBound]
                ys += [r.y.lowerBound, r.y.upperBound]
                stickyX += [r.x.lowerBound, r.x.upperBound]
                stickyY += [r.y.lowerBound, r.y.upperBound]
            case .contour(let c):
                // A filled contour set ends at its grid, like an image.
                let xr = [c.xs.min() ?? 0, c.xs.max() ?? 1]
                let yr = [c.ys.min() ?? 0, c.ys.max() ?? 1]
                xs += xr
                ys += yr
                stickyX += xr
                stickyY += yr
            case .span(let s):
                if s.horizontal { ys.append(s.value) } else { xs.append(s.value) }
            case .fill(let f):
                xs += f.xs
                ys += f.lower + f.upper
            case .text: break
            }
        }
        return (
            AxisView.autoscale(xs, sticky: stickyX, scale: xScale, fixed: xLimits),
            AxisView.autoscale(ys, sticky: stickyY, scale: yScale, fixed: yLimits)
        )
    }

    /// The artists with a legend entry: those `legend(labels)` named, in order, else those with a
    /// label that does not start with `_`, as in matplotlib.
    package var legendItems: [(label: String, index: Int)] {
        if let names = legendLabels {
            let labellable = artists.indices.filter {
                if case .raster = artists[$0] {
                    false
                } else if case .contour = artists[$0] {
                    false
                } else if case .text = artists[$0] {
                    false
                } else {
                    true
                }
            }
            return zip(names, labellable).map { ($0, $1) }
        }
        return artists.indices.compactMap { i in
            guard let label = artists[i].label, !label.isEmpty, !label.hasPrefix("_") else { return nil }
            return (label, i)
        }
    }

    public var legendEntries: [(label: String, artist: Artist)] { legendItems.map { ($0.label, artists[$0.index]) } }
}

extension Artist {
    public var label: String? {
        switch self {
        case .line(let l): l.label
        case .scatter(let s): s.label
        case .bars(let b): b.label
        case .span(let s): s.label
        case .fill(let f): f.label
        case .raster, .contour, .text: nil
        }
    }

    /// The first colour it is drawn in, for its legend entry.
    public var color: String {
        switch self {
        case .line(let l): l.color
        case .scatter(let s): s.colors.first ?? "#1f77b4"
        case .bars(let b): b.color
        case .span(let s): s.color
        case .fill(let f): f.color
        case .raster(let r): r.colors.first ?? "#000000"
        case .contour(let c): c.bands.first?.color ?? "#000000"
        case .text(let t): t.color
        }
    }
}

extension Axes {
    /// The view limits the panel is drawn with (autoscaled unless set).
    public var viewLimits: (x: AxisLimits, y: AxisLimits) {
        let v = views
        return (AxisLimits(v.x.low, v.x.high), AxisLimits(v.y.low, v.y.high))
    }

    /// Tick positions matplotlib's locator would choose for a full-size panel.
    public func defaultTicks(x: Bool) -> [Double] { (x ? views.x : views.y).ticks(bins: 9) }
}

extension Figure {
    /// The figure with shared axes resolved: each panel of a sharing group gets the limits
    /// autoscaled over the whole group's artists (unless it has its own).
    public var sharingResolved: Figure {
        guard axes.contains(where: { $0.shareX != nil || $0.shareY != nil }) else { return self }
        var out = self
        for (k, a) in axes.enumerated() {
            if let g = a.shareX, a.xLimits == nil {
                var union = Axes()
                union.xScale = a.xScale
                union.artists = axes.filter { $0.shareX == g }.flatMap(\.artists)
                union.xLimits = axes.first { $0.shareX == g && $0.xLimits != nil }?.xLimits
                out.axes[k].xLimits = union.viewLimits.x
            }
            if let g = a.shareY, a.yLimits == nil {
                var union = Axes()
                union.yScale = a.yScale
                union.artists = axes.filter { $0.shareY == g }.flatMap(\.artists)
                union.yLimits = axes.first { $0.shareY == g && $0.yLimits != nil }?.yLimits
                out.axes[k].yLimits = union.viewLimits.y
            }
        }
        return out
    }
}
