/// A figure as neutral data: panels (axes) on a grid, each with its artists. The pyplot
/// module and the lecture helpers build it; `SVGPlot` and `AsciiPlot` draw it.
public struct Figure: Equatable, Sendable {
    /// The size matplotlib was asked for, in inches; only the aspect ratio matters here.
    public var width: Double
    public var height: Double
    public var suptitle: String
    /// A `fontsize` given to `suptitle`, in points.
    public var suptitleSize: Double?
    public var axes: [Axes]

    public init(width: Double = 6.4, height: Double = 4.8, suptitle: String = "", suptitleSize: Double? = nil, axes: [Axes]) {
        self.width = width
        self.height = height
        self.suptitle = suptitle
        self.suptitleSize = suptitleSize
        self.axes = axes
    }
}

/// Where an axes sits: cell `index` (0-based, row-major) of a `rows` × `columns` grid.
public struct GridSlot: Equatable, Sendable {
    public var rows: Int
    public var columns: Int
    public var index: Int
    public init(rows: Int = 1, columns: Int = 1, index: Int = 0) {
        self.rows = rows
        self.columns = columns
        self.index = index
    }
}

public struct AxisLimits: Equatable, Sendable {
    public var low: Double
    public var high: Double
    public init(_ low: Double, _ high: Double) {
        self.low = low
        self.high = high
    }
}

public enum AxisScale: String, Equatable, Sendable { case linear, log }

/// Line styles as matplotlib names them; `none` draws markers only.
public enum LineStyle: String, Equatable, Sendable {
    case solid = "-"
    case dashed = "--"
    case dotted = ":"
    case dashDot = "-."
    case none = ""
}

/// The marker shapes Lectern draws (matplotlib's single-character codes).
public enum Marker: String, Equatable, Sendable, CaseIterable {
    case point = "."
    case pixel = ","
    case circle = "o"
    case square = "s"
    case triangleUp = "^"
    case triangleDown = "v"
    case triangleLeft = "<"
    case triangleRight = ">"
    case diamond = "D"
    case thinDiamond = "d"
    case plus = "+"
    case cross = "x"
    case star = "*"
    case pentagon = "p"
    case hexagon = "h"
    case filledPlus = "P"
    case filledCross = "X"
    case vline = "|"
    case hline = "_"
}

/// One panel: labels, limits, scales and what is drawn in it, in drawing order.
public struct Axes: Equatable, Sendable {
    public var slot: GridSlot
    public var title = ""
    public var xLabel = ""
    public var yLabel = ""
    /// Fixed view limits; `low > high` inverts the axis (images put row 0 at the top).
    public var xLimits: AxisLimits?
    public var yLimits: AxisLimits?
    public var xScale = AxisScale.linear
    public var yScale = AxisScale.linear
    public var grid = false
    /// The grid's look (`grid(color=…, linestyle=…, linewidth=…, alpha=…, axis=…)`).
    public var gridLine = GridLine()
    /// Font sizes given as `fontsize=` (points), and the title's `loc`.
    public var titleSize: Double?
    public var titleLoc = "center"
    public var xLabelSize: Double?
    public var yLabelSize: Double?
    public var legendFontSize: Double?
    public var legendFrame = true
    /// Data units of y per unit of x on screen (`set_aspect('equal')` and images: 1); nil fills
    /// the cell. The panel's box shrinks to keep it, as matplotlib's `adjustable='box'`.
    public var aspect: Double?
    /// Panels with the same group share their x (or y) limits (`subplots(sharex=True)`); a
    /// panel whose neighbour below (or to the left) shows the shared tick labels hides its own.
    public var shareX: Int?
    public var shareY: Int?
    public var xTickLabelsShown = true
    public var yTickLabelsShown = true
    /// A twin from `twinx()`: its y axis on the right, drawn over the panel of the same slot,
    /// whose x axis it shares.
    public var yAxisRight = false
    /// False after `axis('off')`: no frame, ticks or axis labels (the title stays).
    public var axisOn = true
    /// Nil: no legend; otherwise matplotlib's `loc` (`best`, `upper right`, …).
    public var legend: String?
    /// Labels given to `legend(labels)`, for the artists in order (their own labels unchanged).
    public var legendLabels: [String]?
    /// Fixed tick positions (and labels) from `set_xticks`/`xticks`.
    public var xTicks: [Double]?
    public var xTickLabels: [String]?
    /// Degrees the x tick labels turn counter-clockwise (`xticks(rotation=45)`), and which end
    /// of a turned label sits at its tick (`ha`: `center`, `right`, `left`).
    public var xTickRotation = 0.0
    public var xTickAlign = "center"
    public var yTicks: [Double]?
    public var yTickLabels: [String]?
    /// Drawn as a colour bar beside the panel (from `colorbar`).
    public var colorbar: Colorbar?
    public var artists: [Artist] = []

    public init(slot: GridSlot = GridSlot()) { self.slot = slot }
}

/// How grid lines are drawn, matplotlib's defaults first; `axis` is `both`, `x` or `y`.
public struct GridLine: Equatable, Sendable {
    public var color = "#b0b0b0"
    public var style = LineStyle.solid
    public var width = 0.8
    public var alpha = 1.0
    public var axis = "both"
    public init() {}
}

/// A colour bar: the colormap's samples from `low` to `high`.
public struct Colorbar: Equatable, Sendable {
    public var colors: [String]
    public var low: Double
    public var high: Double
    /// A contour set's levels: the bar is one block per band, all of one height (matplotlib's
    /// uniform spacing, even for uneven levels), with its ticks at the levels.
    public var levels: [Double]?

    public init(colors: [String], low: Double, high: Double, levels: [Double]? = nil) {
        self.colors = colors
        self.low = low
        self.high = high
        self.levels = levels
    }

    /// The levels that get a tick: matplotlib's `FixedLocator(levels, nbins=10)` — every
    /// `step`-th level for at most about ten, starting at the offset whose ticks come closest to 0.
    public static func levelTicks(_ levels: [Double]) -> [Int] {
        let step = max(Int((Double(levels.count) / 10).rounded(.up)), 1)
        func closest(_ offset: Int) -> Double {
            stride(from: offset, to: levels.count, by: step).map { Swift.abs(levels[$0]) }.min() ?? .infinity
        }
        var best = 0
        for offset in 1..<step where closest(offset) < closest(best) { best = offset }
        return Array(stride(from: best, to: levels.count, by: step))
    }
}

/// Something drawn in an axes. Colours are CSS colours (`#1f77b4`), already resolved.
public enum Artist: Equatable, Sendable {
    case line(Line)
    case scatter(Scatter)
    case bars(Bars)
    case raster(Raster)
    case contour(FilledContours)
    case span(Span)
    case fill(Fill)
    case text(Label)
}

/// A polyline with optional markers (`plot`).
public struct Line: Equatable, Sendable {
    public var xs: [Double]
    public var ys: [Double]
    public var color: String
    public var style = LineStyle.solid
    public var width = 1.5
    public var marker: Marker?
    public var markerSize = 6.0
    public var alpha = 1.0
    public var label: String?
    public init(xs: [Double], ys: [Double], color: String) {
        self.xs = xs
        self.ys = ys
        self.color = color
    }
}

/// Points with a colour and an area (in points²) each (`scatter`).
public struct Scatter: Equatable, Sendable {
    public var xs: [Double]
    public var ys: [Double]
    public var colors: [String]
    public var sizes: [Double]
    public var marker = Marker.circle
    public var alpha = 1.0
    public var edgeColor: String?
    public var label: String?
    /// The numbers behind colour-mapped points (`c=y`), which the text chart marks by value.
    public var values: [Double]?
    public init(xs: [Double], ys: [Double], colors: [String], sizes: [Double]) {
        self.xs = xs
        self.ys = ys
        self.colors = colors
        self.sizes = sizes
    }
}

/// Rectangles from a base line (`bar`, `barh`, `hist`); `horizontal` swaps the roles of x and y.
public struct Bars: Equatable, Sendable {
    public var positions: [Double]
    public var lengths: [Double]
    public var thicknesses: [Double]
    public var bases: [Double]
    public var horizontal = false
    public var color: String
    public var edgeColor: String?
    public var alpha = 1.0
    public var label: String?
    public init(positions: [Double], lengths: [Double], thicknesses: [Double], bases: [Double], color: String) {
        self.positions = positions
        self.lengths = lengths
        self.thicknesses = thicknesses
        self.bases = bases
        self.color = color
    }
}

/// A grid of coloured cells over a data rectangle, row 0 at the bottom (`imshow`, decision
/// regions). `marks` is each cell's character in the text chart (a space: blank).
public struct Raster: Equatable, Sendable {
    public var columns: Int
    public var rows: Int
    public var colors: [String]
    public var marks: [Character]
    public var x: ClosedRange<Double>
    public var y: ClosedRange<Double>
    public var alpha = 1.0
    /// What each mark stands for, for the text chart's legend.
    public var markLegend: [(Character, String)] = []
    public init(columns: Int, rows: Int, colors: [String], marks: [Character], x: ClosedRange<Double>, y: ClosedRange<Double>) {
        self.columns = columns
        self.rows = rows
        self.colors = colors
        self.marks = marks
        self.x = x
        self.y = y
    }

    public static func == (a: Raster, b: Raster) -> Bool {
        a.columns == b.columns && a.rows == b.rows && a.colors == b.colors && a.marks == b.marks && a.x == b.x && a.y == b.y
            && a.alpha == b.alpha && a.markLegend.map(\.0) == b.markLegend.map(\.0) && a.markLegend.map(\.1) == b.markLegend.map(\.1)
    }
}

/// A line across the whole axes (`axhline`, `axvline`).
public struct Span: Equatable, Sendable {
    public var horizontal: Bool
    public var value: Double
    public var color: String
    public var style = LineStyle.solid
    public var width = 1.5
    public var alpha = 1.0
    public var label: String?
    public init(horizontal: Bool, value: Double, color: String) {
        self.horizontal = horizontal
        self.value = value
        self.color = color
    }
}

/// The area between two curves (`fill_between`).
public struct Fill: Equatable, Sendable {
    public var xs: [Double]
    public var lower: [Double]
    public var upper: [Double]
    public var color: String
    public var alpha = 1.0
    public var label: String?
    public init(xs: [Double], lower: [Double], upper: [Double], color: String) {
        self.xs = xs
        self.lower = lower
        self.upper = upper
        self.color = color
    }
}

/// Text at a data position (`text`, `annotate`), with an optional arrow from the text to `arrowTo`.
public struct Label: Equatable, Sendable {
    public var x: Double
    public var y: Double
    public var text: String
    public var color = "#000000"
    public var size = 10.0
    public var horizontalAlignment = "left"
    public var verticalAlignment = "baseline"
    public var arrowTo: [Double]?
    public init(x: Double, y: Double, text: String) {
        self.x = x
        self.y = y
        self.text = text
    }
}
