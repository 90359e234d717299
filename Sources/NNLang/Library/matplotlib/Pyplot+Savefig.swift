import Display

/// `savefig`: the figure as SVG, to a path relative to the page. Lectern writes no other
/// format, and the file lands in the output tree beside the page's HTML, never elsewhere.
extension PyplotState {
    func savefig(_ figure: FigureObject, _ args: inout Arguments, _ interp: Interpreter) throws(Failure) -> Value {
        try Keywords.check(
            args, "savefig", owner: "Figure", supported: ["fname", "format", "dpi", "bbox_inches", "transparent"],
            known: ["metadata", "pad_inches", "facecolor", "edgecolor", "backend", "orientation", "papertype", "pil_kwargs"],
            positional: 1)
        try Keywords.onlyDefault(args, "savefig", "transparent", [.bool(false)])
        guard let path = try args.string(0, "fname") else {
            throw Failure("TypeError: savefig() missing 1 required positional argument: 'fname'")
        }
        let suffix = path.split(separator: "/").last.flatMap { $0.contains(".") ? $0.split(separator: ".").last.map(String.init) : nil }
        let format = try args.string(-1, "format") ?? suffix ?? "svg"
        guard format.lowercased() == "svg" else {
            throw Failure(
                "NotImplementedError: Lectern does not support savefig(format='\(format)'): it writes figures as SVG only",
                hint: "save as 'name.svg'")
        }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !path.hasPrefix("/"), !path.hasPrefix("~"), !parts.contains(".."), !parts.contains(""), !path.isEmpty else {
            throw Failure(
                "PermissionError: savefig('\(path)') must name a file beside the page",
                hint: "use a relative path without '..', e.g. 'figures/loss.svg'")
        }
        let file = suffix == nil ? path + ".svg" : path
        saved.removeAll { $0.path == file }
        saved.append((file, figure.model))
        return .none
    }
}
