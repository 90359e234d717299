import Display
import Engine

/// A matplotlib `Figure`: its size, suptitle and axes, in the order they were added.
final class FigureObject: EngineObject {
    let number: Int
    var width: Double
    var height: Double
    var suptitle = ""
    var suptitleSize: Double?
    var axes: [AxesObject] = []
    var current: AxesObject?
    /// Share groups made by `twinx`, numbered apart from `subplots`' row and column groups.
    private var shareGroups = 1000
    func newShareGroup() -> Int {
        shareGroups += 1
        return shareGroups
    }
    unowned let state: PyplotState

    init(number: Int, width: Double, height: Double, state: PyplotState) {
        self.number = number
        self.width = width
        self.height = height
        self.state = state
    }

    var typeName: String { "Figure" }
    var displayText: String {
        "<Figure size \(Int((width * 100).rounded()))x\(Int((height * 100).rounded())) with \(axes.count) Axes>"
    }

    var model: Figure { Figure(width: width, height: height, suptitle: suptitle, suptitleSize: suptitleSize, axes: axes.map(\.model)) }

    /// The axes in `slot`, reused if it exists (as `plt.subplot` does), else a new one.
    func axes(at slot: GridSlot) -> AxesObject {
        if let a = axes.first(where: { $0.model.slot == slot && !$0.model.yAxisRight }) {
            current = a
            return a
        }
        let a = AxesObject(self, slot: slot)
        axes.append(a)
        current = a
        return a
    }

    /// Removes every axes and the suptitle (`clf`, `figure(num, clear=True)`).
    func clear() {
        axes = []
        current = nil
        suptitle = ""
        suptitleSize = nil
    }

    func gca() -> AxesObject { current ?? axes(at: GridSlot()) }

    static let methodNames: Set<String> = [
        "add_subplot", "gca", "suptitle", "tight_layout", "subplots_adjust", "set_size_inches", "colorbar", "savefig", "show",
    ]

    func attribute(_ name: String, _ interp: Interpreter) throws(Failure) -> Value? {
        try method(name, interp).map(state.counted)
    }

    private func method(_ name: String, _ interp: Interpreter) throws(Failure) -> Value? {
        switch name {
        case "axes": return .list(ListBox(axes.map { .object($0) }))
        case "number": return .int(number)
        case "add_subplot":
            return Library.fn(name) { args throws(Failure) in
                try args.accept(["*"])
                return .object(self.axes(at: try Pyplot.slot(args)))
            }
        case "gca": return Library.fn(def: "gca()") { _ throws(Failure) in .object(self.gca()) }
        case "suptitle":
            return Library.fn(name) { args throws(Failure) in
                try Keywords.check(
                    args, "suptitle", owner: "Text", supported: ["t", "fontsize", "size"], known: Keywords.text + ["fontweight"],
                    positional: 1)
                self.suptitle = interp.str(try args.required(0, "t"))
                self.suptitleSize = try AxesObject.fontSize(args) ?? self.suptitleSize
                return .object(ArtistHandle(self.gca(), -1, "Text"))
            }
        case "tight_layout", "subplots_adjust":
            // Lectern's layout always keeps labels apart; both are accepted as matplotlib's are.
            return Library.fn(name) { args throws(Failure) in
                try args.accept(
                    name == "tight_layout" ? ["pad", "h_pad", "w_pad", "rect"] : ["left", "bottom", "right", "top", "wspace", "hspace"])
                return .none
            }
        case "set_size_inches":
            return Library.fn(name) { args throws(Failure) in
                try args.accept(["w", "h", "forward"])
                let w = try args.required(0, "w")
                if case .tuple(let pair) = w, pair.count == 2 {
                    (self.width, self.height) = (try pair[0].asDouble("w"), try pair[1].asDouble("h"))
                } else {
                    (self.width, self.height) = (try w.asDouble("w"), try args.double(1, "h", self.height))
                }
                return .none
            }
        case "get_size_inches":
            return Library.fn(name) { _ throws(Failure) in .tensor(Variable(Tensor(shape: [2], scalars: [self.width, self.height]))) }
        case "colorbar":
            return Library.fn(name) { args throws(Failure) in try Pyplot.colorbar(&args, interp, figure: self) }
        case "savefig":
            return Library.fn(name) { args throws(Failure) in try self.state.savefig(self, &args, interp) }
        case "show":
            // In a notebook `fig.show()` draws nothing by itself; the figure appears at the block's end.
            return Library.fn(name) { args throws(Failure) in
                try args.accept(["warn"])
                return .none
            }
        default: return nil
        }
    }
}

/// The array of axes `plt.subplots(r, c)` returns: indexable as `axes[i]`, `axes[i, j]`, and
/// iterable, flat or by rows, like numpy's object array.
final class AxesArray: EngineObject {
    let shape: [Int]
    let items: [AxesObject]
    init(shape: [Int], items: [AxesObject]) {
        self.shape = shape
        self.items = items
    }

    var typeName: String { "ndarray" }
    var displayText: String {
        let row = { (r: ArraySlice<AxesObject>) in "[" + r.map(\.displayText).joined(separator: ", ") + "]" }
        if shape.count == 1 { return "array(" + row(items[...]) + ", dtype=object)" }
        let rows = (0..<shape[0]).map { row(items[($0 * shape[1])..<(($0 + 1) * shape[1])]) }
        return "array([" + rows.joined(separator: ",\n       ") + "], dtype=object)"
    }

    /// Row `i` of a 2-D array (itself an array), or item `i` of a 1-D one.
    func item(_ i: Int) throws(Failure) -> Value {
        let n = shape[0]
        guard i >= -n, i < n else { throw Failure("IndexError: index \(i) is out of bounds for axis 0 with size \(n)") }
        let k = i < 0 ? i + n : i
        if shape.count == 1 { return .object(items[k]) }
        return .object(AxesArray(shape: [shape[1]], items: Array(items[(k * shape[1])..<((k + 1) * shape[1])])))
    }

    func attribute(_ name: String, _ interp: Interpreter) throws(Failure) -> Value? {
        switch name {
        case "shape": return .tuple(shape.map { .int($0) })
        case "size": return .int(items.count)
        case "ndim": return .int(shape.count)
        case "flat": return .object(AxesArray(shape: [items.count], items: items))
        case "ravel", "flatten":
            return Library.fn(name) { _ throws(Failure) in .object(AxesArray(shape: [self.items.count], items: self.items)) }
        case "__len__": return .int(shape[0])
        case "__iter__": return .list(ListBox(try (0..<shape[0]).map { i throws(Failure) in try item(i) }))
        case "__getitem__":
            return Library.fn(name) { args throws(Failure) in
                let key = try args.required(0, "key")
                if case .tuple(let ij) = key {
                    guard ij.count == self.shape.count else {
                        throw Failure(
                            "IndexError: too many indices for array: array is \(self.shape.count)-dimensional, but \(ij.count) were indexed"
                        )
                    }
                    guard case .object(let row as AxesArray) = try self.item(try ij[0].asInt("index")) else { return .none }
                    return try row.item(try ij[1].asInt("index"))
                }
                return try self.item(try key.asInt("index"))
            }
        default: return nil
        }
    }
}
