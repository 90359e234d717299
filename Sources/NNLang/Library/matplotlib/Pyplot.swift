import Display
import Engine

/// pyplot's state machine for one document: the open figures and the current one. Open
/// figures are shown where `show()` is called, or at the end of the block, then closed — as
/// Jupyter's inline backend does.
final class PyplotState {
    var figures: [FigureObject] = []
    var current: FigureObject?
    var nextNumber = 1
    /// Figures written by `savefig`, as paths relative to the page; the build draws them as SVG.
    var saved: [(path: String, figure: Figure)] = []
    /// How many matplotlib functions have run, to tell a statement that is one call.
    var calls = 0

    /// A statement that is just a matplotlib call (`plt.xlabel("z")`, `ax.plot(x, y)`) shows no
    /// value: the figure is the output, as the `;` Jupyter users add makes it. Getters
    /// (`ax.get_xlim()`, `plt.xlim()`) still show theirs.
    func isQuiet(_ e: Expr, since mark: Int) -> Bool {
        guard calls != mark, case .call(let callee, let arguments) = e.kind else { return false }
        let name: String
        switch callee.kind {
        case .attribute(_, let n): name = n
        case .name(let n): name = n.text
        default: return false
        }
        if name.hasPrefix("get_") || (["xlim", "ylim", "xticks", "yticks"].contains(name) && arguments.isEmpty) { return false }
        return Pyplot.names.contains(name)
    }

    /// A matplotlib function that counts its calls (its declared signature, if any, stays visible).
    func counted(_ v: Value) -> Value {
        guard case .builtin(let b) = v else { return v }
        return .builtin(
            Builtin(b.name, signature: b.signature) { args throws(Failure) in
                self.calls += 1
                return try b.call(&args)
            })
    }

    func figure(width: Double = 6.4, height: Double = 4.8) -> FigureObject {
        let f = FigureObject(number: nextNumber, width: width, height: height, state: self)
        nextNumber += 1
        figures.append(f)
        current = f
        return f
    }

    func gcf() -> FigureObject { current ?? figure() }

    /// Emits every open figure, in the order they were made, and closes them.
    func show(_ interp: Interpreter) {
        for f in figures {
            interp.emit(f.axes.isEmpty ? .text(f.displayText) : .figure(f.model))
        }
        figures = []
        current = nil
    }

    /// A figure shown as a value (`fig` as a statement): drawn there, once — it is closed, so
    /// the end of the block does not draw it again.
    func display(_ f: FigureObject) -> Shown {
        close(f)
        return f.axes.isEmpty ? .text(f.displayText) : .figure(f.model)
    }

    func close(_ f: FigureObject) {
        figures.removeAll { $0 === f }
        if current === f { current = figures.last }
    }
}

/// The `matplotlib` and `matplotlib.pyplot` modules.
enum Pyplot {
    /// Every pyplot function and `Axes`/`Figure` method name, for `PyplotState.isQuiet`.
    static let names: Set<String> = AxesObject.methodNames.union(FigureObject.methodNames).union(
        axesFunctions.map(\.0) + [
            "xlim", "ylim", "xticks", "yticks", "figure", "subplots", "subplot", "suptitle", "tight_layout", "subplots_adjust",
            "colorbar", "savefig", "show", "close", "clf", "cla", "use",
        ])

    /// pyplot names that call the current axes' method of the same (or the `set_`) name.
    static let axesFunctions: [(String, String)] = [
        ("plot", "plot"), ("semilogx", "semilogx"), ("semilogy", "semilogy"), ("loglog", "loglog"), ("twinx", "twinx"),
        ("scatter", "scatter"),
        ("hist", "hist"), ("bar", "bar"), ("barh", "barh"), ("imshow", "imshow"),
        ("contourf", "contourf"), ("axhline", "axhline"), ("axvline", "axvline"), ("fill_between", "fill_between"),
        ("text", "text"), ("annotate", "annotate"), ("legend", "legend"), ("grid", "grid"), ("axis", "axis"), ("xlabel", "set_xlabel"),
        ("ylabel", "set_ylabel"), ("title", "set_title"), ("xscale", "set_xscale"), ("yscale", "set_yscale"),
    ]

    static func module(_ interp: Interpreter) -> Value {
        let state = interp.pyplot
        var m: [String: Value] = [:]
        for (name, method) in axesFunctions {
            m[name] = Library.fn(name) { args throws(Failure) in try state.gcf().gca().call(method, &args, interp) }
        }
        for x in [true, false] {
            let axis = x ? "x" : "y"
            m[axis + "lim"] = Library.fn(axis + "lim") { args throws(Failure) in
                let ax = state.gcf().gca()
                if args.positional.isEmpty && args.keywords.isEmpty { return ax.limits(x: x) }
                return try ax.setLimits(&args, interp, x: x)
            }
            m[axis + "ticks"] = Library.fn(axis + "ticks") { args throws(Failure) in
                let ax = state.gcf().gca()
                guard let ticks = args.optional(0, "ticks"), !ticks.isNone else {
                    try Keywords.check(
                        args, axis + "ticks", owner: "Text",
                        supported: ["ticks", "labels", "minor"] + (x ? ["rotation", "ha", "horizontalalignment"] : []),
                        known: Keywords.text,
                        positional: 2)
                    try ax.rotateTickLabels(args)
                    let t = (x ? ax.model.xTicks : ax.model.yTicks) ?? ax.model.defaultTicks(x: x)
                    return .tuple([.tensor(Variable(Tensor(shape: [t.count], scalars: t))), .list(ListBox([]))])
                }
                _ = try ax.setTicks(&args, interp, x: x)
                return .none
            }
        }
        m["figure"] = Library.fn(
            def:
                "figure(num=None, figsize=None, dpi=None, *, facecolor=None, edgecolor=None, frameon=True, FigureClass=<class 'matplotlib.figure.Figure'>, clear=False, **kwargs)",
            unsupported: ["facecolor", "edgecolor", "frameon", "FigureClass"]
        ) { args throws(Failure) in
            try Keywords.check(
                args, "figure", owner: "Figure", supported: ["num", "figsize", "dpi", "clear"],
                known: ["facecolor", "edgecolor", "frameon", "layout", "FigureClass", "linewidth", "tight_layout", "constrained_layout"])
            if let num = args.optional(0, "num"), !num.isNone,
                let existing = state.figures.first(where: { (try? num.asInt()) == $0.number })
            {
                state.current = existing
                if try args.bool(-1, "clear", false) { existing.clear() }
                return .object(existing)
            }
            let (w, h) = try figsize(args)
            return .object(state.figure(width: w, height: h))
        }
        m["subplots"] = Library.fn(
            def:
                "subplots(nrows=1, ncols=1, *, sharex=False, sharey=False, squeeze=True, width_ratios=None, height_ratios=None, subplot_kw=None, gridspec_kw=None, **fig_kw)",
            unsupported: ["width_ratios", "height_ratios", "subplot_kw", "gridspec_kw"]
        ) { args throws(Failure) in try subplots(&args, interp) }
        m["subplot"] = Library.fn("subplot") { args throws(Failure) in
            try Keywords.check(
                args, "subplot", owner: "Axes", supported: [], known: ["projection", "polar", "sharex", "sharey", "label", "facecolor"])
            return .object(state.gcf().axes(at: try slot(args)))
        }
        m["gca"] = Library.fn(def: "gca()") { _ throws(Failure) in .object(state.gcf().gca()) }
        m["gcf"] = Library.fn(def: "gcf()") { _ throws(Failure) in .object(state.gcf()) }
        // pyplot's own signatures; the figure's methods these call check the rest as before.
        m["suptitle"] = Library.fn(def: "suptitle(t, **kwargs)") { args throws(Failure) in
            try callFigure(state.gcf(), "suptitle", &args, interp)
        }
        m["tight_layout"] = Library.fn(def: "tight_layout(*, pad=1.08, h_pad=None, w_pad=None, rect=None)") { args throws(Failure) in
            try callFigure(state.gcf(), "tight_layout", &args, interp)
        }
        m["subplots_adjust"] = Library.fn(def: "subplots_adjust(left=None, bottom=None, right=None, top=None, wspace=None, hspace=None)") {
            args throws(Failure) in try callFigure(state.gcf(), "subplots_adjust", &args, interp)
        }
        m["colorbar"] = Library.fn(def: "colorbar(mappable=None, cax=None, ax=None, **kwargs)", unsupported: ["cax"]) {
            args throws(Failure) in try colorbar(&args, interp, figure: state.gcf())
        }
        m["savefig"] = Library.fn(def: "savefig(fname, **kwargs)") { args throws(Failure) in try state.savefig(state.gcf(), &args, interp) }
        // matplotlib's `show(*args, **kwargs)` passes them to the backend, whose only option is `block`.
        m["show"] = Library.fn(def: "show(*args, **kwargs)") { args throws(Failure) in
            if !args.extraPositional.isEmpty {
                throw Failure("TypeError: show() takes 0 positional arguments but \(args.extraPositional.count) were given")
            }
            if let (k, _) = args.extraKeywords.first(where: { $0.0 != "block" }) {
                throw Failure("TypeError: show() got an unexpected keyword argument '\(k)'")
            }
            state.show(interp)
            return .none
        }
        m["close"] = Library.fn(def: "close(fig=None)") { args throws(Failure) in
            switch args.optional(0, "fig") {
            case nil, .none?: if let f = state.current { state.close(f) }
            case .str("all")?: state.figures.forEach(state.close)
            case .object(let f as FigureObject)?: state.close(f)
            case let v?:
                let n = try v.asInt("fig")
                if let f = state.figures.first(where: { $0.number == n }) { state.close(f) }
            }
            return .none
        }
        m["clf"] = Library.fn(def: "clf()") { _ throws(Failure) in
            state.gcf().clear()
            return .none
        }
        m["cla"] = Library.fn(def: "cla()") { _ throws(Failure) in
            let a = state.gcf().gca()
            a.model = Axes(slot: a.model.slot)
            return .none
        }
        m["style"] = .module(
            Module(
                "matplotlib.style",
                [
                    "use": Library.fn(def: "use(style)") { args throws(Failure) in
                        // Lectern draws matplotlib's default style only.
                        guard case .str("default")? = args.optional(0, "style") else {
                            throw Failure(
                                "NotImplementedError: Lectern does not support style.use(\(interp.repr(try args.required(0, "style"))))",
                                hint: "Lectern draws matplotlib's default style")
                        }
                        return .none
                    }
                ]))
        let cm = ColormapObject.module()
        m["cm"] = cm
        m["get_cmap"] = Library.fn(def: "get_cmap(name=None, lut=None)", unsupported: ["lut"]) { args throws(Failure) in
            return .object(ColormapObject(try Colormap(try args.string(0, "name") ?? "viridis")))
        }
        for (k, v) in m { m[k] = state.counted(v) }
        return .module(Module("matplotlib.pyplot", m))
    }

    static func callFigure(_ f: FigureObject, _ name: String, _ args: inout Arguments, _ interp: Interpreter) throws(Failure) -> Value {
        guard case .builtin(let b)? = try f.attribute(name, interp) else { return .none }
        return try b.call(&args)
    }

    /// `figsize=(w, h)` in inches, matplotlib's 6.4 × 4.8 by default (`figure`'s second
    /// parameter, one of `subplots`' figure keywords).
    static func figsize(_ args: Arguments) throws(Failure) -> (Double, Double) {
        guard let v = args.optional(1, "figsize"), !v.isNone else { return (6.4, 4.8) }
        let pair = try args.values(v)
        guard pair.count == 2, pair.allSatisfy({ $0 > 0 && $0.isFinite }) else {
            throw Failure("ValueError: figure size must be positive finite not \(args.interpreter.repr(v))")
        }
        return (pair[0], pair[1])
    }

    /// `subplot(r, c, i)` or `subplot(rci)` as a grid slot; `i` counts from 1, row by row.
    static func slot(_ args: Arguments) throws(Failure) -> GridSlot {
        var p = try args.positional.map { v throws(Failure) in try v.asInt("subplot argument") }
        if p.isEmpty { p = [1, 1, 1] }
        if p.count == 1 {
            guard p[0] >= 111, p[0] <= 999 else {
                throw Failure("ValueError: Integer subplot specification must be a three-digit number, not \(p[0])")
            }
            p = [p[0] / 100, p[0] / 10 % 10, p[0] % 10]
        }
        guard p.count == 3 else { throw Failure("TypeError: subplot() takes 1 or 3 positional arguments but \(p.count) were given") }
        guard p[0] >= 1, p[1] >= 1 else { throw Failure("ValueError: Number of rows and columns must be positive, not (\(p[0]), \(p[1]))") }
        guard p[0] * p[1] <= 256 else { throw Failure("ValueError: Lectern draws at most 256 panels in a figure, not \(p[0]) × \(p[1])") }
        guard p[2] >= 1, p[2] <= p[0] * p[1] else {
            throw Failure("ValueError: num must be an integer with 1 <= num <= \(p[0] * p[1]), not \(p[2])")
        }
        return GridSlot(rows: p[0], columns: p[1], index: p[2] - 1)
    }

    static func subplots(_ args: inout Arguments, _ interp: Interpreter) throws(Failure) -> Value {
        try Keywords.check(
            args, "subplots", owner: "Figure", supported: ["nrows", "ncols", "figsize", "dpi", "squeeze", "sharex", "sharey"],
            known: [
                "width_ratios", "height_ratios", "subplot_kw", "gridspec_kw", "facecolor", "layout",
                "constrained_layout", "num", "clear",
            ],
            positional: 2)
        let rows = try args.int(0, "nrows", 1)
        let cols = try args.int(1, "ncols", 1)
        guard rows >= 1, cols >= 1 else { throw Failure("ValueError: Number of rows and columns must be positive, not (\(rows), \(cols))") }
        guard rows * cols <= 256 else { throw Failure("ValueError: Lectern draws at most 256 panels in a figure, not \(rows) × \(cols)") }
        let (w, h) = try figsize(args)
        let fig = interp.pyplot.figure(width: w, height: h)
        let all = (0..<(rows * cols)).map { fig.axes(at: GridSlot(rows: rows, columns: cols, index: $0)) }
        fig.current = all.first
        try share(all, rows: rows, cols: cols, args.alias("sharex"), x: true, interp)
        try share(all, rows: rows, cols: cols, args.alias("sharey"), x: false, interp)
        let axes: Value
        if !(try args.bool(-1, "squeeze", true)) {
            axes = .object(AxesArray(shape: [rows, cols], items: all))
        } else if all.count == 1 {
            axes = .object(all[0])
        } else {
            axes = .object(AxesArray(shape: rows == 1 || cols == 1 ? [all.count] : [rows, cols], items: all))
        }
        return .tuple([.object(fig), axes])
    }

    /// `sharex`/`sharey`: `True`/`'all'`, `'row'`, `'col'` or `False`/`'none'`. As matplotlib's
    /// `label_outer`, x tick labels stay on the bottom row only (y: the first column) when
    /// columns (rows) share.
    static func share(_ axes: [AxesObject], rows: Int, cols: Int, _ v: Value?, x: Bool, _ interp: Interpreter) throws(Failure) {
        let mode: String
        switch v {
        case nil, .bool(false)?, .str("none")?: return
        case .bool(true)?: mode = "all"
        case .str(let s)? where ["all", "row", "col"].contains(s): mode = s
        case let other?:
            throw Failure(
                "ValueError: '\(interp.str(other))' is not a valid value for sharex; supported values are 'all', 'row', 'col', 'none'")
        }
        for (i, a) in axes.enumerated() {
            let (r, c) = (i / cols, i % cols)
            let group = mode == "all" ? 0 : (mode == "row" ? r : c)
            if x {
                a.model.shareX = group
                if mode != "row" && r < rows - 1 { a.model.xTickLabelsShown = false }
            } else {
                a.model.shareY = group
                if mode != "col" && c > 0 { a.model.yTickLabelsShown = false }
            }
        }
    }

    /// A colour bar for the last colour-mapped artist of the current (or given) axes.
    static func colorbar(_ args: inout Arguments, _ interp: Interpreter, figure: FigureObject) throws(Failure) -> Value {
        try Keywords.check(
            args, "colorbar", owner: "Colorbar", supported: ["mappable", "ax", "label"],
            known: [
                "cax", "use_gridspec", "location", "orientation", "fraction", "shrink", "aspect", "pad", "ticks", "format", "drawedges",
                "extend", "extendfrac", "extendrect", "spacing", "boundaries", "values",
            ], positional: 1)
        var target = figure.gca()
        if case .object(let a as AxesObject)? = args.alias("ax") { target = a }
        var mappable = target.mappable
        if case .object(let h as ArtistHandle)? = args.optional(0, "mappable") {
            mappable = h.axes.mappable
            if args.alias("ax") == nil { target = h.axes }
        }
        guard let mappable else {
            throw Failure(
                "RuntimeError: No mappable was found to use for colorbar creation. First define a mappable such as an image (with imshow) or a contour set (with contourf)."
            )
        }
        target.model.colorbar = Colorbar(
            colors: mappable.bands ?? mappable.map.bar, low: mappable.low, high: mappable.high, levels: mappable.levels)
        return .object(ArtistHandle(target, -1, "Colorbar"))
    }

    /// `import matplotlib`: the package, with `pyplot` and `use(backend)` (accepted: figures are SVG).
    static func package(_ interp: Interpreter) throws(Failure) -> Value {
        var m: [String: Value] = ["pyplot": try Library.module("matplotlib.pyplot", interp)]
        m["use"] = Library.fn(def: "use(backend, *, force=True)") { args throws(Failure) in
            _ = try args.required(0, "backend")
            return .none
        }
        m["cm"] = ColormapObject.module()
        return .module(Module("matplotlib", m))
    }
}
