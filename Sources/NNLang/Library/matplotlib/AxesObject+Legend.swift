import Display
import Engine

/// The legend and the grid of an axes.
extension AxesObject {
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
        // matplotlib's location codes 0…10 name the same places.
        var loc = "best"
        switch args.alias("loc") {
        case .str(let name)?: loc = name
        case .int(let code)? where code >= 0 && code <= 10:
            loc =
                code == 0
                ? "best"
                : [
                    "upper right", "upper left", "lower left", "lower right", "right", "center left", "center right", "lower center",
                    "upper center", "center",
                ][code - 1]
        case nil: break
        case let v?: throw Failure("ValueError: \(interp.repr(v)) is not a valid value for loc.")
        }
        let valid = [
            "best", "upper right", "upper left", "lower left", "lower right", "right", "center left", "center right", "lower center",
            "upper center", "center",
        ]
        guard valid.contains(loc) || loc == "best" else {
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
        case .raster, .contour, .text: break
        }
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
