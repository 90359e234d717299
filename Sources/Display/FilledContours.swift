import Foundation

/// Filled contours (`contourf`): each band between two neighbouring levels as polygons, and
/// the grid they were traced from, which the text chart samples.
public struct FilledContours: Equatable, Sendable {
    public var levels: [Double]
    /// One per pair of neighbouring levels, lowest first.
    public var bands: [ContourBand]
    /// The grid: `z` is row-major, `ys.count` rows of `xs.count` (either axis may decrease).
    public var xs: [Double]
    public var ys: [Double]
    public var z: [Double]
    public var alpha = 1.0

    public init(levels: [Double], bands: [ContourBand], xs: [Double], ys: [Double], z: [Double]) {
        self.levels = levels
        self.bands = bands
        self.xs = xs
        self.ys = ys
        self.z = z
    }

    /// The band at a point, from the grid interpolated bilinearly; nil outside the grid, where
    /// the value is missing, or outside the levels. Bands are (l_i, l_i+1], the first closed,
    /// as matplotlib fills them.
    public func band(atX x: Double, y: Double) -> Int? {
        guard let (c, u) = FilledContours.locate(x, xs), let (r, v) = FilledContours.locate(y, ys) else { return nil }
        let n = xs.count
        let corners = [z[r * n + c], z[r * n + c + 1], z[(r + 1) * n + c], z[(r + 1) * n + c + 1]]
        guard corners.allSatisfy(\.isFinite) else { return nil }
        let value = (corners[0] * (1 - u) + corners[1] * u) * (1 - v) + (corners[2] * (1 - u) + corners[3] * u) * v
        guard let first = levels.first, value >= first else { return nil }
        return levels.dropFirst().firstIndex { value <= $0 }.map { $0 - 1 }
    }

    /// The cell of a sorted axis holding `t`, and where in it (0…1).
    static func locate(_ t: Double, _ axis: [Double]) -> (Int, Double)? {
        guard axis.count >= 2 else { return nil }
        let increasing = axis[0] <= axis[axis.count - 1]
        for i in 0..<(axis.count - 1) {
            let a = axis[i]
            let b = axis[i + 1]
            let inCell = increasing ? (t >= a && t <= b) : (t <= a && t >= b)
            if inCell { return (i, b == a ? 0 : (t - a) / (b - a)) }
        }
        return nil
    }
}

/// One band of a filled contour set: its colour, its text-chart mark, and its polygons.
public struct ContourBand: Equatable, Sendable {
    public var color: String
    public var mark: Character
    public var rings: [ContourRing]
    public init(color: String, mark: Character, rings: [ContourRing]) {
        self.color = color
        self.mark = mark
        self.rings = rings
    }
}

/// A closed polygon in data coordinates (the last point joins the first).
public struct ContourRing: Equatable, Sendable {
    public var xs: [Double]
    public var ys: [Double]
    public init(xs: [Double], ys: [Double]) {
        self.xs = xs
        self.ys = ys
    }
}

extension Artist {
    /// Images and filled regions, drawn under the grid.
    public var isRegion: Bool {
        switch self {
        case .raster, .contour: true
        default: false
        }
    }
}
