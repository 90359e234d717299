import Display
import Engine

/// What a plotting call returns (`Line2D`, `PathCollection`, `BarContainer`, `AxesImage`, `Text`,
/// `Legend`, …): a handle on the artist in its axes, with the getters lectures use.
final class ArtistHandle: EngineObject {
    let axes: AxesObject
    /// The artist's index in the axes, or -1 for things that are not artists of the model.
    let index: Int
    let typeName: String

    init(_ axes: AxesObject, _ index: Int, _ typeName: String) {
        self.axes = axes
        self.index = index
        self.typeName = typeName
    }

    var artist: Artist? { index >= 0 && index < axes.model.artists.count ? axes.model.artists[index] : nil }

    var displayText: String {
        switch typeName {
        case "BarContainer":
            if case .bars(let b)? = artist { return "<BarContainer object of \(b.positions.count) artists>" }
            return "<BarContainer object>"
        default: return "<matplotlib \(typeName) object>"
        }
    }

    func attribute(_ name: String, _ interp: Interpreter) throws(Failure) -> Value? {
        func getter(_ v: @escaping () -> Value) -> Value { Library.fn(def: name + "()") { _ throws(Failure) in v() } }
        switch name {
        case "get_label":
            return getter { [self] in .str(self.artist?.label ?? self.childLabel) }
        case "set_label":
            return Library.fn(name) { [self] args throws(Failure) in
                guard index >= 0 else { throw Failure("AttributeError: '\(typeName)' object has no attribute 'set_label'") }
                axes.setLabel(index, try args.optional(0, "s").map(interp.str))
                return .none
            }
        case "get_color", "get_facecolor":
            return getter { [self] in .str(self.artist?.color ?? "") }
        case "get_xdata", "get_ydata":
            guard case .line(let l)? = artist else { return nil }
            let v = name == "get_xdata" ? l.xs : l.ys
            return getter { .tensor(Variable(Tensor(shape: [v.count], scalars: v))) }
        case "get_linestyle":
            guard case .line(let l)? = artist else { return nil }
            return getter { .str(l.style == .none ? "None" : l.style.rawValue) }
        case "get_linewidth":
            guard case .line(let l)? = artist else { return nil }
            return getter { .float(l.width) }
        case "get_marker":
            guard case .line(let l)? = artist else { return nil }
            return getter { .str(l.marker?.rawValue ?? "None") }
        case "get_ticks" where typeName == "Colorbar":
            // A contour set's bar has matplotlib's ticks (its levels); a colour map's bar has
            // ticks placed by Lectern's own locator, which are not matplotlib's numbers.
            guard let levels = axes.model.colorbar?.levels else {
                throw Failure("NotImplementedError: Lectern gives get_ticks() for the colour bar of a contour set only")
            }
            let ticks = Colorbar.levelTicks(levels).map { levels[$0] }
            return getter { .tensor(Variable(Tensor(shape: [ticks.count], scalars: ticks))) }
        case "levels":
            guard case .contour(let c)? = artist else { return nil }
            return .tensor(Variable(Tensor(shape: [c.levels.count], scalars: c.levels)))
        case "__len__":
            guard case .bars(let b)? = artist else { return nil }
            return .int(b.positions.count)
        default: return nil
        }
    }

    /// matplotlib names an unlabelled artist after its place among the axes' children.
    var childLabel: String { index >= 0 && index < axes.childNumbers.count ? "_child\(axes.childNumbers[index])" : "" }
}

/// A colour-mapped artist's map and limits, for `colorbar`.
struct Mappable {
    let map: Colormap
    let low: Double
    let high: Double
    /// A contour set's band colours and levels: its colour bar is those blocks, as matplotlib
    /// draws it, rather than the continuous map.
    var bands: [String]? = nil
    var levels: [Double]? = nil
}

/// `plt.cm.viridis` and friends: a colormap as a value (callable on numbers in [0, 1]).
final class ColormapObject: EngineObject {
    let map: Colormap
    init(_ map: Colormap) { self.map = map }
    var typeName: String { map.listed ? "ListedColormap" : "LinearSegmentedColormap" }
    var displayText: String { "<matplotlib.colors.\(typeName) object>" }
    func attribute(_ name: String, _ interp: Interpreter) throws(Failure) -> Value? {
        switch name {
        case "name": return .str(map.name)
        case "N": return .int(map.listed ? map.samples.count : 256)
        case "__call__":
            return Library.fn(map.name) { [map] args throws(Failure) in
                let (r, g, b) = Colors.rgb(map.color(try args.double(0, "X", 0)))
                return .tuple([.float(r), .float(g), .float(b), .float(1)])
            }
        default: return nil
        }
    }

    /// The `cm` namespace: every colormap Lectern knows and its reverse.
    static func module() -> Value {
        var members: [String: Value] = [:]
        for name in Colors.colormaps.keys {
            for n in [name, name + "_r"] {
                if let map = try? Colormap(n) { members[n] = .object(ColormapObject(map)) }
            }
        }
        return .module(Module("matplotlib.cm", members))
    }
}
