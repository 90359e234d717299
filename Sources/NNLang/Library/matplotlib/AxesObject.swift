import Engine
import Notebook

/// A matplotlib `Axes`: the panel's model plus the colour cycles and counters matplotlib keeps.
final class AxesObject: EngineObject {
    var model: Axes
    unowned let figure: FigureObject
    /// Lines take the next colour of one cycle; scatter, bars and fills of another, as in matplotlib.
    var lineCycle = 0
    var patchCycle = 0
    /// Children so far, and each artist's number among them, for the `_childN` labels of
    /// unlabelled artists (each bar of a bar chart is a child).
    var children = 0
    var childNumbers: [Int] = []
    /// The last colour-mapped artist (image, contour set, scatter with `c=`), for `colorbar()`.
    var mappable: Mappable?

    init(_ figure: FigureObject, slot: GridSlot) {
        self.figure = figure
        model = Axes(slot: slot)
    }

    var typeName: String { "Axes" }
    var displayText: String {
        let parts = [("title", model.title), ("xlabel", model.xLabel), ("ylabel", model.yLabel)].filter { !$0.1.isEmpty }
        return "<Axes: " + parts.map { "\($0.0)='\($0.1)'" }.joined(separator: ", ") + ">"
    }

    func attribute(_ name: String, _ interp: Interpreter) throws(Failure) -> Value? {
        guard AxesObject.methodNames.contains(name) else { return nil }
        return Library.fn(name) { args throws(Failure) in
            self.figure.state.calls += 1
            return try self.call(name, &args, interp)
        }
    }

    static let methodNames: Set<String> = {
        var names: Set<String> = [
            "plot", "scatter", "hist", "bar", "barh", "imshow", "contourf", "axhline", "axvline", "fill_between", "text", "annotate",
            "legend", "grid", "get_lines", "get_legend", "set", "axis", "set_aspect",
        ]
        for p in ["title", "xlabel", "ylabel"] { names.formUnion(["set_" + p, "get_" + p]) }
        for axis in ["x", "y"] {
            for m in ["lim", "scale", "ticks", "ticklabels"] { names.insert("set_" + axis + m) }
            for m in ["lim", "scale"] { names.insert("get_" + axis + m) }
        }
        return names
    }()

    /// Runs the method `name` (one of `methodNames`) on this axes.
    func call(_ name: String, _ args: inout Arguments, _ interp: Interpreter) throws(Failure) -> Value {
        switch name {
        case "plot": return try plot(&args, interp)
        case "scatter": return try scatter(&args, interp)
        case "hist": return try hist(&args, interp)
        case "bar", "barh": return try bar(&args, interp, horizontal: name == "barh")
        case "imshow": return try imshow(&args, interp)
        case "contourf": return try contourf(&args, interp)
        case "axhline", "axvline": return try span(&args, interp, horizontal: name == "axhline")
        case "fill_between": return try fillBetween(&args, interp)
        case "text": return try text(&args, interp)
        case "annotate": return try annotate(&args, interp)
        case "legend": return try legend(&args, interp)
        case "grid": return try grid(&args, interp)
        case "axis": return try axis(&args, interp)
        case "set_aspect": return try setAspect(&args, interp)
        case "get_lines":
            return .list(ListBox(model.artists.indices.filter(isLine).map { .object(ArtistHandle(self, $0, "Line2D")) }))
        case "get_legend": return model.legend == nil ? .none : .object(ArtistHandle(self, -1, "Legend"))
        case "set": return try set(&args, interp)
        case "get_title": return .str(model.title)
        case "get_xlabel": return .str(model.xLabel)
        case "get_ylabel": return .str(model.yLabel)
        case "set_title", "set_xlabel", "set_ylabel": return try setText(name, &args)
        default: break
        }
        let x = name.dropFirst(4).hasPrefix("x")
        switch name.dropFirst(5) {
        case "lim": return name.hasPrefix("get") ? limits(x: x) : try setLimits(&args, interp, x: x)
        case "scale": return name.hasPrefix("get") ? .str((x ? model.xScale : model.yScale).rawValue) : try setScale(&args, x: x)
        case "ticks": return try setTicks(&args, interp, x: x)
        case "ticklabels": return try setTickLabels(&args, interp, x: x)
        default: throw Failure("AttributeError: 'Axes' object has no attribute '\(name)'")
        }
    }

    /// `set_title`/`set_xlabel`/`set_ylabel` (and pyplot's `title`, `xlabel`, `ylabel`):
    /// the text, a `fontsize`, and a title's `loc`.
    func setText(_ name: String, _ args: inout Arguments) throws(Failure) -> Value {
        let supported = ["label", "fontsize", "size"] + (name == "set_title" ? ["loc"] : [])
        try Keywords.check(args, name, owner: "Text", supported: supported, known: Keywords.text + ["labelpad", "pad", "y"], positional: 2)
        guard case .str(let s)? = args.optional(0, "label") else {
            throw Failure("TypeError: \(name)() missing 1 required positional argument: 'label'")
        }
        let size = try AxesObject.fontSize(args)
        switch name {
        case "set_title":
            model.title = s
            model.titleSize = size ?? model.titleSize
            if let loc = try args.string(1, "loc") {
                guard ["left", "center", "right"].contains(loc) else {
                    throw Failure("ValueError: '\(loc)' is not a valid value for loc; supported values are 'left', 'center', 'right'")
                }
                model.titleLoc = loc
            }
        case "set_xlabel":
            model.xLabel = s
            model.xLabelSize = size ?? model.xLabelSize
        default:
            model.yLabel = s
            model.yLabelSize = size ?? model.yLabelSize
        }
        return .object(ArtistHandle(self, -1, "Text"))
    }

    func isLine(_ i: Int) -> Bool { if case .line = model.artists[i] { true } else { false } }

    /// Adds an artist and returns its index; an unlabelled one is `_childN`, as in matplotlib.
    func add(_ artist: Artist) -> Int {
        model.artists.append(artist)
        childNumbers.append(children)
        children += 1
        return model.artists.count - 1
    }

    func nextLineColor() -> String {
        defer { lineCycle += 1 }
        return Colors.cycle[lineCycle % Colors.cycle.count]
    }

    func nextPatchColor() -> String {
        defer { patchCycle += 1 }
        return Colors.cycle[patchCycle % Colors.cycle.count]
    }

    /// `ax.set(xlabel=…, title=…, xlim=…)`: each keyword as its `set_` method.
    func set(_ args: inout Arguments, _ interp: Interpreter) throws(Failure) -> Value {
        let supported = ["title", "xlabel", "ylabel", "xlim", "ylim", "xscale", "yscale", "xticks", "yticks", "xticklabels", "yticklabels"]
        try Keywords.check(
            args, "set", owner: "Axes", supported: supported, known: Keywords.artist + ["aspect", "facecolor"], positional: 0)
        for (k, v) in args.keywords {
            var inner = Arguments(function: "set_" + k, positional: [v], keywords: [], interpreter: interp)
            _ = try call("set_" + k, &inner, interp)
        }
        return .none
    }

    // MARK: - Limits, scales, ticks

    /// The model with limits shared across the figure applied (`subplots(sharex=True)`).
    var resolvedModel: Axes {
        guard model.shareX != nil || model.shareY != nil, let i = figure.axes.firstIndex(where: { $0 === self }) else { return model }
        return figure.model.sharingResolved.axes[i]
    }

    func limits(x: Bool) -> Value {
        let v = x ? resolvedModel.viewLimits.x : resolvedModel.viewLimits.y
        return .tuple([.float(v.low), .float(v.high)])
    }

    func setLimits(_ args: inout Arguments, _ interp: Interpreter, x: Bool) throws(Failure) -> Value {
        let (lowName, highName) = x ? ("left", "right") : ("bottom", "top")
        let (lowAlias, highAlias) = x ? ("xmin", "xmax") : ("ymin", "ymax")
        try Keywords.check(
            args, x ? "set_xlim" : "set_ylim", owner: "Axes", supported: [lowName, highName, lowAlias, highAlias, "emit", "auto"],
            known: [], positional: 2)
        var low = args.optional(0, lowName) ?? args.alias(lowAlias)
        var high = args.optional(1, highName) ?? args.alias(highAlias)
        // `set_xlim((a, b))`: one pair instead of two numbers.
        if let l = low, args.positional.count == 1, !l.isNumber, !l.isNone {
            let pair = try interp.iterate(l)
            guard pair.count == 2 else { throw Failure("ValueError: limits must be a pair (low, high)") }
            (low, high) = (pair[0], pair[1])
        }
        let current = x ? resolvedModel.viewLimits.x : resolvedModel.viewLimits.y
        let lo = try low.flatMap { v throws(Failure) in v.isNone ? nil : try v.asDouble(lowName) } ?? current.low
        let hi = try high.flatMap { v throws(Failure) in v.isNone ? nil : try v.asDouble(highName) } ?? current.high
        guard lo.isFinite, hi.isFinite else { throw Failure("ValueError: Axis limits cannot be NaN or Inf") }
        let scale = x ? model.xScale : model.yScale
        guard scale == .linear || (lo > 0 && hi > 0) else {
            throw Failure("ValueError: Axis limits must be positive on a log-scaled axis", hint: "a log axis cannot show 0 or below")
        }
        if x { model.xLimits = AxisLimits(lo, hi) } else { model.yLimits = AxisLimits(lo, hi) }
        return .tuple([.float(lo), .float(hi)])
    }

    func setScale(_ args: inout Arguments, x: Bool) throws(Failure) -> Value {
        let name = x ? "set_xscale" : "set_yscale"
        try Keywords.check(
            args, name, owner: "Axes", supported: ["value"], known: ["base", "nonpositive", "subs", "linthresh"], positional: 1)
        guard let s = try args.string(0, "value") else {
            throw Failure("TypeError: \(name)() missing 1 required positional argument: 'value'")
        }
        guard let scale = AxisScale(rawValue: s) else {
            if ["symlog", "logit", "asinh", "function", "functionlog"].contains(s) {
                throw Failure("NotImplementedError: Lectern does not support the '\(s)' scale", hint: "use 'linear' or 'log'")
            }
            throw Failure(
                "ValueError: '\(s)' is not a valid value for scale.", hint: "Lectern draws the scales 'linear' and 'log'"
            )
        }
        if x { model.xScale = scale } else { model.yScale = scale }
        return .none
    }

    func setTicks(_ args: inout Arguments, _ interp: Interpreter, x: Bool) throws(Failure) -> Value {
        let name = x ? "set_xticks" : "set_yticks"
        try Keywords.check(
            args, name, owner: "Axes", supported: ["ticks", "labels", "minor"] + (x ? ["rotation", "ha", "horizontalalignment"] : []),
            known: Keywords.text, positional: 2)
        try Keywords.onlyDefault(args, name, "minor", [.bool(false)])
        try rotateTickLabels(args)
        guard let tickValue = args.optional(0, "ticks"), !tickValue.isNone else { return .none }
        let ticks = try args.values(tickValue)
        let labels = try args.optional(1, "labels").map { v throws(Failure) in try interp.iterate(v).map(interp.str) }
        if let labels, labels.count != ticks.count {
            throw Failure(
                "ValueError: The number of FixedLocator locations (\(ticks.count)), usually from a call to set_ticks, does not match the number of labels (\(labels.count))."
            )
        }
        fixTicks(ticks, labels, x: x)
        return .list(ListBox(ticks.map { _ in .object(ArtistHandle(self, -1, "XTick")) }))
    }

    /// `rotation=` (degrees) and `ha=` for the x tick labels.
    func rotateTickLabels(_ args: Arguments) throws(Failure) {
        if let r = args.alias("rotation") {
            switch r {
            case .str("vertical"): model.xTickRotation = 90
            case .str("horizontal"): model.xTickRotation = 0
            default: model.xTickRotation = try r.asDouble("rotation")
            }
        }
        if case .str(let h)? = args.alias("ha", "horizontalalignment") {
            guard ["left", "center", "right"].contains(h) else {
                throw Failure(
                    "ValueError: '\(h)' is not a valid value for horizontalalignment; supported values are 'left', 'center', 'right'")
            }
            model.xTickAlign = h
        }
    }

    /// Fixed ticks (and their labels) on the x or y axis.
    func fixTicks(_ ticks: [Double], _ labels: [String]?, x: Bool) {
        if x {
            model.xTicks = ticks
            model.xTickLabels = labels
        } else {
            model.yTicks = ticks
            model.yTickLabels = labels
        }
    }

    func setTickLabels(_ args: inout Arguments, _ interp: Interpreter, x: Bool) throws(Failure) -> Value {
        let name = x ? "set_xticklabels" : "set_yticklabels"
        try Keywords.check(
            args, name, owner: "Text", supported: ["labels"] + (x ? ["rotation", "ha", "horizontalalignment"] : []),
            known: Keywords.text + ["minor", "fontdict"], positional: 1)
        try rotateTickLabels(args)
        let labels = try interp.iterate(try args.required(0, "labels")).map(interp.str)
        guard let ticks = x ? model.xTicks : model.yTicks, ticks.count == labels.count else {
            throw Failure(
                "NotImplementedError: Lectern supports \(name)() only after set_\(x ? "x" : "y")ticks() with as many ticks",
                hint: "give ticks and labels together: ax.set_\(x ? "x" : "y")ticks(ticks, labels)")
        }
        if x { model.xTickLabels = labels } else { model.yTickLabels = labels }
        return .none
    }

    // MARK: - Legend and grid

    func legend(_ args: inout Arguments, _ interp: Interpreter) throws(Failure) -> Value {
        let supported = ["handles", "labels", "loc", "fontsize", "frameon", "title", "ncol", "ncols"]
        try Keywords.onlyDefault(args, "legend", "ncol", [])
        try Keywords.onlyDefault(args, "legend", "ncols", [])
        model.legendFontSize = try AxesObject.fontSize(args) ?? model.legendFontSize
        model.legendFrame = try args.bool(-1, "frameon", true)
        for (k, _) in args.keywords where !supported.contains(k) {
            let known = [
                "bbox_to_anchor", "shadow", "framealpha", "facecolor", "edgecolor", "mode", "bbox_transform", "markerscale",
                "numpoints", "scatterpoints", "borderpad", "labelspacing", "handlelength", "handleheight", "handletextpad",
                "borderaxespad", "columnspacing", "prop", "title_fontsize", "alignment", "fancybox", "reverse", "draggable",
                "labelcolor", "markerfirst", "scatteryoffsets", "handler_map", "title_fontproperties",
            ]
            if known.contains(k) { throw Failure("NotImplementedError: Lectern does not support legend(\(k)=...)") }
            throw Failure("TypeError: Legend.__init__() got an unexpected keyword argument '\(k)'")
        }
        try Keywords.onlyDefault(args, "legend", "title")
        try Keywords.onlyDefault(args, "legend", "handles")
        // legend(labels) names the artists in order; legend() uses their own labels.
        model.legendLabels = try (args.positional.first ?? args.alias("labels")).map { v throws(Failure) in
            try interp.iterate(v).map(interp.str)
        }
        if args.positional.count > 1 {
            throw Failure(
                "NotImplementedError: Lectern does not support legend(handles, labels)", hint: "label the artists: plot(..., label='name')")
        }
        let loc = try args.string(-1, "loc") ?? "best"
        let valid = [
            "best", "upper right", "upper left", "lower left", "lower right", "right", "center left", "center right", "lower center",
            "upper center", "center",
        ]
        guard valid.contains(loc) else {
            throw Failure(
                "ValueError: '\(loc)' is not a valid value for loc.", hint: "locations: " + valid.joined(separator: ", ")
            )
        }
        if model.legendEntries.isEmpty {
            // matplotlib warns and draws no legend.
            interp.write(
                "UserWarning: No artists with labels found to put in legend.  Note that artists whose label start with an underscore are ignored when legend() is called with no argument.\n"
            )
        }
        model.legend = loc
        return .object(ArtistHandle(self, -1, "Legend"))
    }

    func setLabel(_ i: Int, _ label: String?) {
        switch model.artists[i] {
        case .line(var l):
            l.label = label
            model.artists[i] = .line(l)
        case .scatter(var s):
            s.label = label
            model.artists[i] = .scatter(s)
        case .bars(var b):
            b.label = label
            model.artists[i] = .bars(b)
        case .span(var s):
            s.label = label
            model.artists[i] = .span(s)
        case .fill(var f):
            f.label = label
            model.artists[i] = .fill(f)
        case .raster, .text: break
        }
    }

    /// `axis('off')`/`axis('on')`, or `axis([xmin, xmax, ymin, ymax])`; returns the limits.
    func axis(_ args: inout Arguments, _ interp: Interpreter) throws(Failure) -> Value {
        try Keywords.check(
            args, "axis", owner: "Axes", supported: ["arg", "emit"], known: ["xmin", "xmax", "ymin", "ymax"], positional: 1)
        switch args.optional(0, "arg") {
        case .str("off")?, .bool(false)?: model.axisOn = false
        case .str("on")?, .bool(true)?: model.axisOn = true
        case .str(let s)?:
            guard ["equal", "scaled", "image", "square", "tight", "auto"].contains(s) else {
                throw Failure("ValueError: Unrecognized string '\(s)' to axis; try 'on' or 'off'")
            }
            // 'equal' and 'scaled' keep one unit the same length on both axes by shrinking the box.
            guard s == "equal" || s == "scaled" else {
                throw Failure("NotImplementedError: Lectern does not support axis('\(s)')", hint: "set the limits with xlim/ylim")
            }
            model.aspect = 1
        case nil, .none?: break
        case let v?:
            let l = try args.values(v)
            guard l.count == 4 else {
                throw Failure("TypeError: The first argument to axis() must be an iterable of the form [xmin, xmax, ymin, ymax]")
            }
            model.xLimits = AxisLimits(l[0], l[1])
            model.yLimits = AxisLimits(l[2], l[3])
        }
        let (x, y) = resolvedModel.viewLimits
        return .tuple([.float(x.low), .float(x.high), .float(y.low), .float(y.high)])
    }

    func setAspect(_ args: inout Arguments, _ interp: Interpreter) throws(Failure) -> Value {
        try Keywords.check(
            args, "set_aspect", owner: "Axes", supported: ["aspect", "adjustable"], known: ["anchor", "share"], positional: 2)
        try Keywords.onlyDefault(args, "set_aspect", "adjustable", [.str("box")])
        switch try args.required(0, "aspect") {
        case .str("auto"): model.aspect = nil
        case .str("equal"): model.aspect = 1
        case let v:
            let a = try v.asDouble("aspect")
            guard a > 0, a.isFinite else { throw Failure("ValueError: aspect must be finite and positive ") }
            model.aspect = a
        }
        return .none
    }

    func grid(_ args: inout Arguments, _ interp: Interpreter) throws(Failure) -> Value {
        try Keywords.check(
            args, "grid", owner: "Line2D",
            supported: ["visible", "b", "which", "axis", "color", "c", "linestyle", "ls", "linewidth", "lw", "alpha"],
            known: Keywords.line2D + ["marker", "markersize", "ms", "label"], positional: 3)
        try Keywords.onlyDefault(args, "grid", "which", [.str("major")])
        let v = args.optional(0, "visible") ?? args.alias("b")
        // As in matplotlib, styling keywords turn the grid on.
        let styled = args.keywords.contains { !["visible", "b", "which", "axis"].contains($0.0) }
        model.grid = try v.map { v throws(Failure) in try interp.truthy(v) } ?? (styled ? true : !model.grid)
        var line = Line(xs: [], ys: [], color: model.gridLine.color)
        line.width = model.gridLine.width
        line.style = model.gridLine.style
        line.alpha = model.gridLine.alpha
        try styleLine(&line, nil, args, interp)
        model.gridLine.color = line.color
        model.gridLine.style = line.style
        model.gridLine.width = line.width
        model.gridLine.alpha = line.alpha
        if let axis = try args.string(-1, "axis") {
            guard ["both", "x", "y"].contains(axis) else {
                throw Failure("ValueError: '\(axis)' is not a valid value for axis; supported values are 'both', 'x', 'y'")
            }
            model.gridLine.axis = axis
        }
        return .none
    }
}
