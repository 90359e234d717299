import Display
import Engine

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
            "legend", "grid", "get_lines", "get_legend", "set", "axis", "set_aspect", "semilogx", "semilogy", "loglog", "twinx",
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
        case "semilogx", "semilogy", "loglog":
            // plot on log axes: matplotlib's shorthands.
            if name != "semilogy" { model.xScale = .log }
            if name != "semilogx" { model.yScale = .log }
            return try plot(&args, interp)
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
        case "twinx":
            try args.accept([])
            return .object(twinx())
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

    /// A second axes over this one with its own y axis on the right and the x axis shared.
    func twinx() -> AxesObject {
        let twin = AxesObject(figure, slot: model.slot)
        twin.model.yAxisRight = true
        let group = model.shareX ?? figure.newShareGroup()
        model.shareX = group
        twin.model.shareX = group
        figure.axes.append(twin)
        figure.current = twin
        return twin
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
}
