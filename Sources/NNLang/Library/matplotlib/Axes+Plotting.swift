import Display
import Engine

/// `plot`, `scatter`, `hist`, `bar`/`barh` with matplotlib's arguments.
extension AxesObject {
    static let lineKeywords = ["color", "c", "linestyle", "ls", "linewidth", "lw", "marker", "markersize", "ms", "label", "alpha"]

    func plot(_ args: inout Arguments, _ interp: Interpreter) throws(Failure) -> Value {
        try Keywords.check(args, "plot", owner: "Line2D", supported: AxesObject.lineKeywords, known: Keywords.line2D)
        // matplotlib's grouping: [x], y, [fmt], repeated.
        let p = args.positional
        var groups: [(x: Value?, y: Value, fmt: String?)] = []
        var i = 0
        while i < p.count {
            if case .str = p[i] { throw Failure("ValueError: plot() got a format string where data was expected") }
            var x: Value? = nil
            var y = p[i]
            i += 1
            if i < p.count, case .str = p[i] {
            } else if i < p.count {
                x = y
                y = p[i]
                i += 1
            }
            var fmt: String? = nil
            if i < p.count, case .str(let f) = p[i] {
                fmt = f
                i += 1
            }
            groups.append((x, y, fmt))
        }
        var handles: [Value] = []
        for g in groups {
            let yt = try interp.tensor(g.y).value
            guard yt.rank <= 2 else { throw Failure("ValueError: y can be no greater than 2D, but has shape \(formatShape(yt.shape))") }
            let rows = yt.rank == 0 ? 1 : yt.shape[0]
            let columns = yt.rank == 2 ? yt.shape[1] : 1
            let xs = try g.x.map { v throws(Failure) in try args.values(v) } ?? (0..<rows).map(Double.init)
            guard xs.count == rows else {
                throw Failure(
                    "ValueError: x and y must have same first dimension, but have shapes (\(xs.count),) and \(formatShape(yt.shape))")
            }
            let format = try g.fmt.map { f throws(Failure) in try LineFormat(f) }
            for c in 0..<columns {
                let ys = (0..<rows).map { yt.scalars[$0 * columns + c] }
                var line = Line(xs: xs, ys: ys, color: format?.color ?? "")
                try styleLine(&line, format, args, interp)
                handles.append(.object(ArtistHandle(self, add(.line(line)), "Line2D")))
            }
        }
        return .list(ListBox(handles))
    }

    /// Applies a format string, then keywords (which win), then the next cycle colour if none.
    func styleLine(_ line: inout Line, _ format: LineFormat?, _ args: Arguments, _ interp: Interpreter) throws(Failure) {
        if let style = format?.style { line.style = style }
        line.marker = format?.marker
        if let c = args.alias("color", "c") {
            let resolved = try Colors.resolve(c, interp)
            line.color = resolved.hex
            if let a = resolved.alpha { line.alpha = a }
        }
        if line.color.isEmpty { line.color = nextLineColor() }
        if let s = try args.alias("linestyle", "ls").map({ v throws(Failure) -> String in
            guard case .str(let s) = v else { throw Failure("ValueError: linestyle must be a string") }
            return s
        }) {
            line.style = try LineFormat.style(s)
        }
        if let w = args.alias("linewidth", "lw") { line.width = try w.asDouble("linewidth") }
        if let m = args.alias("marker") {
            line.marker = try LineFormat.marker(m)
            if format?.style == nil && args.alias("linestyle", "ls") == nil { line.style = .solid }
        }
        if let s = args.alias("markersize", "ms") { line.markerSize = try s.asDouble("markersize") }
        if let a = args.alias("alpha") { line.alpha = try alpha(a) }
        line.label = args.label(interp)
    }

    func alpha(_ v: Value) throws(Failure) -> Double {
        let a = try v.asDouble("alpha")
        guard a >= 0, a <= 1 else { throw Failure("ValueError: alpha (\(a)) is outside 0-1 range") }
        return a
    }

    func scatter(_ args: inout Arguments, _ interp: Interpreter) throws(Failure) -> Value {
        let supported = ["x", "y", "s", "c", "marker", "cmap", "vmin", "vmax", "alpha", "label", "edgecolors", "edgecolor", "color"]
        try Keywords.check(
            args, "scatter", owner: "PathCollection", supported: supported,
            known: Keywords.patch + ["norm", "linewidths", "plotnonfinite", "colorizer"], positional: 4)
        let xs = try args.values(try args.required(0, "x"))
        let ys = try args.values(try args.required(1, "y"))
        guard xs.count == ys.count else { throw Failure("ValueError: x and y must be the same size") }
        let sizes = try args.optional(2, "s").map { v throws(Failure) in try args.values(v) } ?? [36]
        guard sizes.count == 1 || sizes.count == xs.count else {
            throw Failure("ValueError: s must be a scalar, or float array-like with the same size as x and y")
        }
        var colors: [String]
        var values: [Double]? = nil
        if let c = args.optional(3, "c"), args.alias("color") != nil {
            _ = c
            throw Failure(
                "ValueError: Supply a 'c' argument or a 'color' kwarg but not both; they differ but their functionalities overlap.")
        }
        if let c = args.optional(3, "c") ?? args.alias("color") {
            if case .str = c {
                colors = [try Colors.resolve(c, interp).hex]
            } else if case .list(let l) = c, l.items.first.map({ if case .str = $0 { true } else { false } }) ?? false {
                colors = try l.items.map { v throws(Failure) in try Colors.resolve(v, interp).hex }
            } else {
                let t = try interp.tensor(c).value
                if t.rank == 2 && (t.shape[1] == 3 || t.shape[1] == 4) && t.shape[0] == xs.count {
                    colors = (0..<xs.count).map { i in
                        Colors.hex(t.scalars[i * t.shape[1]], t.scalars[i * t.shape[1] + 1], t.scalars[i * t.shape[1] + 2])
                    }
                } else {
                    guard t.count == xs.count || t.count == 1 else {
                        throw Failure(
                            "ValueError: 'c' argument has \(t.count) elements, which is inconsistent with 'x' and 'y' with size \(xs.count)."
                        )
                    }
                    let map = try colormap(args)
                    let (lo, hi) = try range(t.scalars, args)
                    colors = t.scalars.map { map.color(hi > lo ? ($0 - lo) / (hi - lo) : 0) }
                    values = t.scalars
                    mappable = Mappable(map: map, low: lo, high: hi)
                }
            }
        } else {
            colors = [nextPatchColor()]
        }
        var sc = Scatter(xs: xs, ys: ys, colors: colors, sizes: sizes)
        sc.values = values
        if let m = args.alias("marker") { sc.marker = try LineFormat.marker(m) ?? .circle }
        if let a = args.alias("alpha") { sc.alpha = try alpha(a) }
        if let e = args.alias("edgecolors", "edgecolor"), !(e.isNoneString) { sc.edgeColor = try Colors.resolve(e, interp).hex }
        sc.label = args.label(interp)
        return .object(ArtistHandle(self, add(.scatter(sc)), "PathCollection"))
    }

    func colormap(_ args: Arguments) throws(Failure) -> Colormap {
        switch args.alias("cmap") {
        case nil: return try Colormap("viridis")
        case .str(let s)?: return try Colormap(s)
        case .object(let o as ColormapObject)?: return o.map
        case let v?: throw Failure("TypeError: cmap must be a colormap name or a Colormap, not \(v.typeName)")
        }
    }

    /// `vmin`/`vmax`, each defaulting to the data's finite minimum or maximum.
    func range(_ values: [Double], _ args: Arguments) throws(Failure) -> (Double, Double) {
        let finite = values.filter(\.isFinite)
        let lo = try args.alias("vmin").map { v throws(Failure) in try v.asDouble("vmin") } ?? finite.min() ?? 0
        let hi = try args.alias("vmax").map { v throws(Failure) in try v.asDouble("vmax") } ?? finite.max() ?? 1
        return (lo, hi)
    }

    func hist(_ args: inout Arguments, _ interp: Interpreter) throws(Failure) -> Value {
        let supported = [
            "x", "bins", "range", "density", "weights", "color", "label", "alpha", "edgecolor", "ec", "rwidth", "histtype", "orientation",
        ]
        try Keywords.check(
            args, "hist", owner: "Rectangle", supported: supported, known: Keywords.patch + ["cumulative", "bottom", "align", "stacked"],
            positional: 2)
        try Keywords.onlyDefault(args, "hist", "histtype", [.str("bar")])
        let x = try interp.tensor(try args.required(0, "x")).value
        guard x.rank <= 1 || (x.rank == 2 && x.shape[1] == 1) else {
            throw Failure(
                "NotImplementedError: Lectern does not support hist() of several data sets (a 2-D x)", hint: "call hist() once per data set"
            )
        }
        let data = x.scalars.filter { !$0.isNaN }
        let range = try args.alias("range").map { v throws(Failure) -> (Double, Double) in
            let r = try args.values(v)
            guard r.count == 2 else { throw Failure("ValueError: range must be a pair (min, max)") }
            return (r[0], r[1])
        }
        let edges: [Double]
        var uniform = true
        switch args.optional(1, "bins") {
        case nil, .none?: edges = try Histogram.edges(data, bins: 10, range: range)
        case .int(let n)?: edges = try Histogram.edges(data, bins: n, range: range)
        case .str(let s)?:
            throw Failure("NotImplementedError: Lectern does not support hist(bins='\(s)')", hint: "give a number of bins or the edges")
        case let v?:
            edges = try args.values(v)
            uniform = false
            guard edges.count >= 2, zip(edges, edges.dropFirst()).allSatisfy({ $0 <= $1 }) else {
                throw Failure("ValueError: `bins` must increase monotonically, when an array")
            }
        }
        let weights = try args.alias("weights").map { w throws(Failure) in try args.values(w) }
        if let weights, weights.count != x.count { throw Failure("ValueError: weights should have the same shape as a.") }
        let kept = x.scalars.indices.filter { !x.scalars[$0].isNaN }
        var counts = Histogram.counts(
            kept.map { x.scalars[$0] }, edges: edges, uniform: uniform, weights: weights.map { w in kept.map { w[$0] } })
        if try args.bool(-1, "density", false) { counts = Histogram.density(counts, edges) }
        let rwidth = try args.double(-1, "rwidth", 1)
        let widths = zip(edges, edges.dropFirst()).map { ($1 - $0) * rwidth }
        let centres = zip(edges, edges.dropFirst()).map { ($0 + $1) / 2 }
        var bars = Bars(positions: centres, lengths: counts, thicknesses: widths, bases: counts.map { _ in 0 }, color: "")
        bars.horizontal =
            try args.string(-1, "orientation").map { o throws(Failure) -> Bool in
                guard o == "vertical" || o == "horizontal" else {
                    throw Failure("ValueError: '\(o)' is not a valid value for orientation; supported values are 'horizontal', 'vertical'")
                }
                return o == "horizontal"
            } ?? false
        try stylePatch(&bars, args, interp)
        let index = add(.bars(bars))
        children += counts.count - 1
        return .tuple([
            .tensor(Variable(Tensor(shape: [counts.count], scalars: counts))),
            .tensor(Variable(Tensor(shape: [edges.count], scalars: edges))), .object(ArtistHandle(self, index, "BarContainer")),
        ])
    }

    func stylePatch(_ bars: inout Bars, _ args: Arguments, _ interp: Interpreter) throws(Failure) {
        if let c = args.alias("color") {
            let r = try Colors.resolve(c, interp)
            bars.color = r.hex
            if let a = r.alpha { bars.alpha = a }
        } else {
            bars.color = nextPatchColor()
        }
        if let a = args.alias("alpha") { bars.alpha = try alpha(a) }
        if let e = args.alias("edgecolor", "ec"), !e.isNoneString { bars.edgeColor = try Colors.resolve(e, interp).hex }
        bars.label = args.label(interp)
    }

    func bar(_ args: inout Arguments, _ interp: Interpreter, horizontal: Bool) throws(Failure) -> Value {
        let name = horizontal ? "barh" : "bar"
        let (pos, len, thick, base) = horizontal ? ("y", "width", "height", "left") : ("x", "height", "width", "bottom")
        let supported = [pos, len, thick, base, "align", "color", "edgecolor", "ec", "alpha", "label", "tick_label"]
        try Keywords.check(args, name, owner: "Rectangle", supported: supported, known: Keywords.patch, positional: 4)
        try Keywords.onlyDefault(args, name, "align", [.str("center")])
        let positionsValue = try args.required(0, pos)
        var positions: [Double]
        var categories: [String]? = nil
        if case .list(let l) = positionsValue, l.items.allSatisfy({ if case .str = $0 { true } else { false } }), !l.items.isEmpty {
            // Categorical bars: at 0, 1, 2, … with the names as tick labels.
            categories = l.items.map(interp.str)
            positions = l.items.indices.map(Double.init)
        } else {
            positions = try args.values(positionsValue)
        }
        let lengths = try args.values(try args.required(1, len))
        func broadcast(_ v: Value?, _ fallback: Double) throws(Failure) -> [Double] {
            guard let v, !v.isNone else { return positions.map { _ in fallback } }
            let a = try args.values(v)
            if a.count == 1 { return positions.map { _ in a[0] } }
            guard a.count == positions.count else {
                throw Failure("ValueError: shape mismatch: objects cannot be broadcast to a single shape")
            }
            return a
        }
        let heights = try broadcast(.tensor(Variable(Tensor(shape: [lengths.count], scalars: lengths))), 0)
        if positions.count == 1 && lengths.count > 1 { positions = lengths.map { _ in positions[0] } }
        var bars = Bars(
            positions: positions, lengths: heights, thicknesses: try broadcast(args.optional(2, thick), 0.8),
            bases: try broadcast(args.optional(3, base), 0), color: "")
        bars.horizontal = horizontal
        try stylePatch(&bars, args, interp)
        if let tl = args.alias("tick_label") { categories = try interp.iterate(tl).map(interp.str) }
        if let categories { fixTicks(positions, categories, x: !horizontal) }
        let index = add(.bars(bars))
        children += positions.count - 1
        return .object(ArtistHandle(self, index, "BarContainer"))
    }
}

extension Value {
    /// The string 'none' (or 'None'), which matplotlib takes as "no colour" for edges.
    var isNoneString: Bool { if case .str(let s) = self { s.lowercased() == "none" } else { false } }
}
