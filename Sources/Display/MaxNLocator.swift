import Foundation

/// matplotlib's `MaxNLocator`, step for step (`ticker.py`): at most `bins` intervals on a
/// "nice" step, ticks as integer multiples of the step. Contour levels come from it, so its
/// float arithmetic is matplotlib's (Python's floor division included).
public struct MaxNLocator: Sendable {
    public var bins: Int
    /// The nice mantissas; matplotlib's default when a caller passes `steps=None`.
    public var steps: [Double] = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]
    public var minTicks: Int

    public init(bins: Int, minTicks: Int = 2) {
        self.bins = max(bins, 1)
        self.minTicks = max(minTicks, 1)
    }

    /// The levels `contourf(Z, levels=n)` uses (`ContourSet._autolev`, n = 7 by default):
    /// `MaxNLocator(n + 1)` ticks over the data, trimmed to one level beyond each end.
    public static func contourLevels(_ zmin: Double, _ zmax: Double, levels n: Int = 7) -> [Double] {
        let lev = MaxNLocator(bins: n + 1, minTicks: 1).tickValues(zmin, zmax)
        let i0 = lev.lastIndex { $0 < zmin } ?? 0
        let i1 = lev.firstIndex { $0 > zmax }.map { $0 + 1 } ?? lev.count
        return i1 - i0 < 3 ? lev : Array(lev[i0..<i1])
    }

    public func tickValues(_ vmin: Double, _ vmax: Double) -> [Double] {
        let (lo, hi) = MaxNLocator.nonsingular(vmin, vmax, expander: 1e-13, tiny: 1e-14)
        return rawTicks(lo, hi)
    }

    func rawTicks(_ vmin: Double, _ vmax: Double) -> [Double] {
        let (scale, offset) = MaxNLocator.scaleRange(vmin, vmax, Double(bins))
        let low = vmin - offset
        let high = vmax - offset
        // `_staircase`: a tenth of each step below, the steps, then ten times the second.
        let extended = (steps.dropLast().map { 0.1 * $0 } + steps + [10 * steps[1]]).map { $0 * scale }
        let rawStep = (high - low) / Double(bins)
        let istep = extended.firstIndex { $0 >= rawStep } ?? extended.count - 1
        var ticks: [Double] = []
        for step in extended[...istep].reversed() {
            let best = pythonFloatDivmod(low, step).quotient * step
            let first = edgeLE(low - best, step, offset)
            let last = edgeGE(high - best, step, offset)
            guard last - first < 10_000 else { return [vmin, vmax] }
            ticks = stride(from: first, through: last, by: 1).map { $0 * step + best }
            if ticks.filter({ $0 <= high && $0 >= low }).count >= minTicks { break }
        }
        return ticks.map { $0 + offset }
    }

    /// `scale_range`: the power of ten of a bin, and an offset when the data sit far from 0.
    static func scaleRange(_ vmin: Double, _ vmax: Double, _ n: Double) -> (scale: Double, offset: Double) {
        let dv = abs(vmax - vmin)
        let mean = (vmax + vmin) / 2
        let offset = abs(mean) / dv < 100 ? 0 : copysign(pow(10, pythonFloatDivmod(log10(abs(mean)), 1).quotient), mean)
        return (pow(10, pythonFloatDivmod(log10(dv / n), 1).quotient), offset)
    }

    /// `_Edge_integer.closeto`: more slack when the offset is large compared with the step.
    func close(_ ms: Double, _ edge: Double, _ step: Double, _ offset: Double) -> Bool {
        var tolerance = 1e-10
        if offset != 0 { tolerance = min(0.4999, max(1e-10, pow(10, log10(abs(offset) / step) - 12))) }
        return abs(ms - edge) < tolerance
    }

    /// The largest n with n·step ≤ x.
    func edgeLE(_ x: Double, _ step: Double, _ offset: Double) -> Double {
        let (d, m) = pythonFloatDivmod(x, step)
        return close(m / step, 1, step, offset) ? d + 1 : d
    }

    /// The smallest n with n·step ≥ x.
    func edgeGE(_ x: Double, _ step: Double, _ offset: Double) -> Double {
        let (d, m) = pythonFloatDivmod(x, step)
        return close(m / step, 0, step, offset) ? d : d + 1
    }

    /// `transforms._nonsingular`: a range widened where it is empty or too small to divide.
    static func nonsingular(_ a: Double, _ b: Double, expander: Double, tiny: Double) -> (Double, Double) {
        guard a.isFinite, b.isFinite else { return (-expander, expander) }
        var (lo, hi) = a <= b ? (a, b) : (b, a)
        let largest = max(abs(lo), abs(hi))
        if largest < (1e6 / tiny) * Double.leastNormalMagnitude {
            return (-expander, expander)
        } else if hi - lo <= largest * tiny {
            if hi == 0 && lo == 0 { return (-expander, expander) }
            lo -= expander * abs(lo)
            hi += expander * abs(hi)
        }
        return (lo, hi)
    }
}
