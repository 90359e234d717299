import Engine

/// Keyword checking as matplotlib reports it: a keyword Lectern draws works; one matplotlib has
/// but Lectern does not draw is a `NotImplementedError`; anything else is matplotlib's own
/// `AttributeError` (`Line2D.set() got an unexpected keyword argument 'foo'`).
enum Keywords {
    /// Properties every matplotlib artist has that change nothing Lectern draws differently.
    static let artist = [
        "agg_filter", "animated", "clip_box", "clip_on", "clip_path", "gid", "in_layout", "path_effects", "picker", "rasterized",
        "sketch_params", "snap", "transform", "url", "visible", "zorder", "figure", "mouseover", "data", "antialiased", "aa",
    ]
    static let line2D =
        artist + [
            "dash_capstyle", "dash_joinstyle", "dashes", "drawstyle", "ds", "fillstyle", "gapcolor", "markeredgecolor", "mec",
            "markeredgewidth", "mew", "markerfacecolor", "mfc", "markerfacecoloralt", "mfcalt", "markevery", "pickradius",
            "solid_capstyle", "solid_joinstyle", "xdata", "ydata", "scalex", "scaley",
        ]
    static let patch =
        artist + [
            "capstyle", "fill", "hatch", "joinstyle", "linestyle", "ls", "linewidth", "lw", "facecolor", "fc", "ec", "antialiaseds",
            "edgecolors", "facecolors", "linewidths", "linestyles", "norm", "offsets", "urls", "xerr", "yerr", "error_kw", "capsize",
            "ecolor", "log", "tick_label", "hatch_linewidth",
        ]
    static let text =
        artist + [
            "alpha", "backgroundcolor", "bbox", "fontfamily", "family", "fontname", "fontproperties", "font", "font_properties",
            "fontstretch", "stretch", "fontstyle", "style", "fontvariant", "variant", "fontweight", "weight", "linespacing",
            "math_fontfamily", "multialignment", "ma", "parse_math", "position", "rotation", "rotation_mode", "transform_rotates_text",
            "usetex", "verticalalignment", "va", "horizontalalignment", "ha", "wrap", "x", "y", "fontsize", "size", "color", "c",
            "labelpad", "loc", "pad", "fontdict", "antialiased",
        ]

    /// Checks `args` against what `function` supports; `owner` is the artist class matplotlib names.
    static func check(
        _ args: Arguments, _ function: String, owner: String, supported: [String], known: [String], positional: Int = .max
    ) throws(Failure) {
        for (k, _) in args.keywords where !supported.contains(k) {
            if known.contains(k) {
                throw Failure(
                    "NotImplementedError: Lectern does not support \(function)(\(k)=...)",
                    hint: "\(function)() here takes: " + supported.joined(separator: ", "))
            }
            throw Failure(
                "AttributeError: \(owner).set() got an unexpected keyword argument '\(k)'",
                hint: "\(function)() here takes: " + supported.joined(separator: ", "))
        }
        if args.positional.count > positional {
            throw Failure("TypeError: \(function)() takes \(positional) positional arguments but \(args.positional.count) were given")
        }
    }

    /// Refuses a keyword matplotlib has unless it has its default value (None or the given one).
    static func onlyDefault(_ args: Arguments, _ function: String, _ name: String, _ allowed: [Value] = []) throws(Failure) {
        guard let v = args.keywords.first(where: { $0.0 == name })?.1, !v.isNone else { return }
        for a in allowed {
            if case .bool(let x) = a, case .bool(let y) = v, x == y { return }
            if case .str(let x) = a, case .str(let y) = v, x == y { return }
            if a.isNumber, v.isNumber, (try? a.asDouble()) == (try? v.asDouble()) { return }
        }
        throw Failure("NotImplementedError: Lectern does not support \(function)(\(name)=...)")
    }
}

extension Arguments {
    /// The first of several alias keywords that is given (`color`/`c`, `linewidth`/`lw`).
    func alias(_ names: String...) -> Value? {
        for n in names { if let v = keywords.first(where: { $0.0 == n })?.1, !v.isNone { return v } }
        return nil
    }

    /// `label=`: any value, as its `str` (matplotlib does the same); None means no label.
    func label(_ interp: Interpreter) -> String? {
        guard let v = keywords.first(where: { $0.0 == "label" })?.1, !v.isNone else { return nil }
        return interp.str(v)
    }

    /// The flat float values of an array-like argument.
    func values(_ v: Value) throws(Failure) -> [Double] {
        try interpreter.tensor(v).value.scalars
    }
}
