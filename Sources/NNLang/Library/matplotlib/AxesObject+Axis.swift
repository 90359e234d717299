import Display
import Engine

/// Limits, scales, ticks, `axis(...)` and the aspect of an axes.
extension AxesObject {
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
        try Keywords.onlyDefault(args, x ? "set_xlim" : "set_ylim", "auto", [.bool(false)])
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
        if lo == hi {
            // matplotlib warns and widens identical limits by 5% (its `nonsingular`).
            interp.write(
                "UserWarning: Attempting to set identical low and high \(x ? "x" : "y")lims makes transformation singular; automatically expanding.\n"
            )
            let pad = lo == 0 ? 0.05 : Swift.abs(lo) * 0.05
            return try fixLimits(x: x, lo - pad, hi + pad)
        }
        return try fixLimits(x: x, lo, hi)
    }

    /// Fixed view limits on one axis; a log axis takes only positive ones.
    func fixLimits(x: Bool, _ lo: Double, _ hi: Double) throws(Failure) -> Value {
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
            guard a > 0, a.isFinite else { throw Failure("ValueError: aspect must be finite and positive") }
            model.aspect = a
        }
        return .none
    }
}
