import Display
import Engine

/// `imshow`, `axhline`/`axvline`, `fill_between`, `text` and `annotate`.
extension AxesObject {
    /// Marks for the text chart, from light to dark.
    static let ramp: [Character] = [" ", ".", ":", "-", "=", "+", "*", "#", "%", "@"]

    func imshow(_ args: inout Arguments, _ interp: Interpreter) throws(Failure) -> Value {
        let supported = ["X", "cmap", "vmin", "vmax", "alpha", "origin", "extent", "aspect", "interpolation"]
        try Keywords.check(
            args, "imshow", owner: "AxesImage", supported: supported,
            known: Keywords.artist + ["norm", "interpolation_stage", "filternorm", "filterrad", "resample", "url", "colorizer"],
            positional: 1)
        // Lectern always draws pixels as squares of the data grid: nearest-neighbour, no smoothing.
        try Keywords.onlyDefault(args, "imshow", "interpolation", [.str("nearest"), .str("none"), .str("antialiased"), .str("auto")])
        // Square pixels unless aspect='auto' (or a number: that many y units per x unit).
        switch args.alias("aspect") {
        case .str("auto")?: break
        case nil, .str("equal")?: model.aspect = 1
        case let v?: model.aspect = try v.asDouble("aspect")
        }
        let x = try interp.tensor(try args.required(0, "X")).value
        guard x.rank == 2 || (x.rank == 3 && (x.shape[2] == 3 || x.shape[2] == 4)) else {
            throw Failure("TypeError: Invalid shape \(formatShape(x.shape)) for image data")
        }
        let rows = x.shape[0]
        let cols = x.shape[1]
        var colors: [String] = []
        var marks: [Character] = []
        if x.rank == 2 {
            let map = try colormap(args)
            let (lo, hi) = try range(x.scalars, args)
            mappable = Mappable(map: map, low: lo, high: hi)
            for v in x.scalars {
                let t = hi > lo ? (v - lo) / (hi - lo) : 0
                colors.append(map.color(t))
                marks.append(AxesObject.ramp[t.isFinite ? min(9, max(0, Int(min(max(t, 0), 1) * 9.999))) : 0])
            }
        } else {
            let depth = x.shape[2]
            let scale = (x.scalars.max() ?? 0) > 1 ? 255.0 : 1
            for p in 0..<(rows * cols) {
                let c = (0..<3).map { min(max(x.scalars[p * depth + $0] / scale, 0), 1) }
                colors.append(Colors.hex(c[0], c[1], c[2]))
                let luminance = 0.299 * c[0] + 0.587 * c[1] + 0.114 * c[2]
                marks.append(AxesObject.ramp[luminance.isFinite ? min(9, max(0, Int((1 - luminance) * 9.999))) : 0])
            }
        }
        let upper = (try args.string(-1, "origin") ?? "upper") == "upper"
        var extent = [-0.5, Double(cols) - 0.5, Double(rows) - 0.5, -0.5]
        if !upper { extent = [-0.5, Double(cols) - 0.5, -0.5, Double(rows) - 0.5] }
        if let e = args.alias("extent") {
            extent = try args.values(e)
            guard extent.count == 4 else { throw Failure("ValueError: extent must be (left, right, bottom, top)") }
        }
        // The raster's row 0 is at its lower y; an image's row 0 is at `top` when origin='upper'.
        var raster = Raster(
            columns: cols, rows: rows, colors: AxesObject.flipRows(colors, rows, cols, upper == (extent[2] > extent[3])),
            marks: AxesObject.flipRows(marks, rows, cols, upper == (extent[2] > extent[3])),
            x: min(extent[0], extent[1])...max(extent[0], extent[1]), y: min(extent[2], extent[3])...max(extent[2], extent[3]))
        if let a = args.alias("alpha") { raster.alpha = try alpha(a) }
        model.xLimits = model.xLimits ?? AxisLimits(extent[0], extent[1])
        model.yLimits = model.yLimits ?? AxisLimits(extent[2], extent[3])
        return .object(ArtistHandle(self, add(.raster(raster)), "AxesImage"))
    }

    /// Rows in reverse order when `flip` (top-down image rows onto a bottom-up raster).
    static func flipRows<T>(_ cells: [T], _ rows: Int, _ cols: Int, _ flip: Bool) -> [T] {
        guard !flip else { return cells }
        return (0..<rows).reversed().flatMap { r in cells[(r * cols)..<((r + 1) * cols)] }
    }

    func span(_ args: inout Arguments, _ interp: Interpreter, horizontal: Bool) throws(Failure) -> Value {
        let name = horizontal ? "axhline" : "axvline"
        let (at, lo, hi) = horizontal ? ("y", "xmin", "xmax") : ("x", "ymin", "ymax")
        try Keywords.check(
            args, name, owner: "Line2D", supported: [at, lo, hi] + AxesObject.lineKeywords, known: Keywords.line2D, positional: 3)
        try Keywords.onlyDefault(args, name, lo, [.int(0)])
        try Keywords.onlyDefault(args, name, hi, [.int(1)])
        if args.positional.count > 1 {
            throw Failure("NotImplementedError: Lectern does not support \(name)() over part of the axes (\(lo), \(hi))")
        }
        var line = Line(xs: [], ys: [], color: "")
        try styleLine(&line, nil, args, interp)
        var s = Span(horizontal: horizontal, value: try args.double(0, at, 0), color: line.color)
        s.style = line.style
        s.width = line.width
        s.alpha = line.alpha
        s.label = line.label
        return .object(ArtistHandle(self, add(.span(s)), "Line2D"))
    }

    func fillBetween(_ args: inout Arguments, _ interp: Interpreter) throws(Failure) -> Value {
        let supported = ["x", "y1", "y2", "color", "alpha", "label", "facecolor", "fc"]
        try Keywords.check(
            args, "fill_between", owner: "FillBetweenPolyCollection", supported: supported,
            known: Keywords.patch + ["where", "interpolate", "step"], positional: 3)
        let xs = try args.values(try args.required(0, "x"))
        func curve(_ v: Value?, _ name: String) throws(Failure) -> [Double] {
            let a = try v.map { v throws(Failure) in try args.values(v) } ?? [0]
            if a.count == 1 { return xs.map { _ in a[0] } }
            guard a.count == xs.count else { throw Failure("ValueError: '\(name)' is not 1-dimensional or does not match x") }
            return a
        }
        let y1 = try curve(try args.required(1, "y1"), "y1")
        let y2 = try curve(args.optional(2, "y2"), "y2")
        var f = Fill(xs: xs, lower: y2, upper: y1, color: "")
        if let c = args.alias("color", "facecolor", "fc") {
            f.color = try Colors.resolve(c, interp).hex
        } else {
            f.color = nextPatchColor()
        }
        if let a = args.alias("alpha") { f.alpha = try alpha(a) }
        f.label = args.label(interp)
        return .object(ArtistHandle(self, add(.fill(f)), "FillBetweenPolyCollection"))
    }

    func text(_ args: inout Arguments, _ interp: Interpreter) throws(Failure) -> Value {
        let supported = ["x", "y", "s", "fontsize", "size", "color", "c", "ha", "horizontalalignment", "va", "verticalalignment"]
        try Keywords.check(args, "text", owner: "Text", supported: supported, known: Keywords.text, positional: 3)
        var label = Label(x: try args.double(0, "x", 0), y: try args.double(1, "y", 0), text: interp.str(try args.required(2, "s")))
        try styleText(&label, args, interp)
        return .object(ArtistHandle(self, add(.text(label)), "Text"))
    }

    /// A `fontsize=`/`size=` in points, from a number or matplotlib's names (`'large'`, …).
    static func fontSize(_ args: Arguments) throws(Failure) -> Double? {
        guard let s = args.alias("fontsize", "size") else { return nil }
        guard case .str(let name) = s else { return try s.asDouble("fontsize") }
        let sizes: [String: Double] = [
            "xx-small": 5.79, "x-small": 6.94, "small": 8.33, "medium": 10, "large": 12, "x-large": 14.4, "xx-large": 17.28,
            "larger": 12, "smaller": 8.33,
        ]
        guard let v = sizes[name] else { throw Failure("ValueError: '\(name)' is not a valid font size") }
        return v
    }

    func styleText(_ label: inout Label, _ args: Arguments, _ interp: Interpreter) throws(Failure) {
        if let c = args.alias("color", "c") { label.color = try Colors.resolve(c, interp).hex }
        if let s = try AxesObject.fontSize(args) { label.size = s }
        if case .str(let h)? = args.alias("ha", "horizontalalignment") {
            guard ["left", "center", "right"].contains(h) else {
                throw Failure(
                    "ValueError: '\(h)' is not a valid value for horizontalalignment; supported values are 'left', 'center', 'right'")
            }
            label.horizontalAlignment = h
        }
        if case .str(let v)? = args.alias("va", "verticalalignment") {
            guard ["baseline", "bottom", "center", "center_baseline", "top"].contains(v) else {
                throw Failure(
                    "ValueError: '\(v)' is not a valid value for verticalalignment; supported values are 'baseline', 'bottom', 'center', 'center_baseline', 'top'"
                )
            }
            label.verticalAlignment = v
        }
    }

    func annotate(_ args: inout Arguments, _ interp: Interpreter) throws(Failure) -> Value {
        let supported = [
            "text", "xy", "xytext", "arrowprops", "fontsize", "size", "color", "c", "ha", "horizontalalignment", "va", "verticalalignment",
            "xycoords", "textcoords",
        ]
        try Keywords.check(
            args, "annotate", owner: "Annotation", supported: supported, known: Keywords.text + ["annotation_clip"], positional: 3)
        try Keywords.onlyDefault(args, "annotate", "xycoords", [.str("data")])
        try Keywords.onlyDefault(args, "annotate", "textcoords", [.str("data")])
        let xy = try args.values(try args.required(1, "xy"))
        guard xy.count == 2 else { throw Failure("ValueError: xy must be a pair (x, y)") }
        let at = try args.optional(2, "xytext").map { v throws(Failure) in try args.values(v) } ?? xy
        var label = Label(x: at[0], y: at[1], text: interp.str(try args.required(0, "text")))
        if let arrow = args.alias("arrowprops"), !arrow.isNone, at != xy { label.arrowTo = xy }
        try styleText(&label, args, interp)
        return .object(ArtistHandle(self, add(.text(label)), "Annotation"))
    }
}
