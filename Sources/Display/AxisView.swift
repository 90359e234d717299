import Foundation

/// One axis of a panel as drawn: its view limits and scale, the map from data to the unit
/// interval, and matplotlib-like tick positions and labels.
package struct AxisView {
    package var low: Double
    package var high: Double
    package var scale: AxisScale

    package init(low: Double, high: Double, scale: AxisScale) {
        self.low = low
        self.high = high
        self.scale = scale
    }

    /// The position of `v` along the axis, 0 at `low` and 1 at `high`; nil where the scale
    /// has no place for it (≤ 0 on a log axis, nan).
    package func fraction(_ v: Double) -> Double? {
        guard let t = transform(v), let a = transform(low), let b = transform(high), b != a else { return nil }
        let f = (t - a) / (b - a)
        return f.isFinite ? f : nil
    }

    package func transform(_ v: Double) -> Double? {
        guard v.isFinite else { return nil }
        switch scale {
        case .linear: return v
        case .log: return v > 0 ? log10(v) : nil
        }
    }

    package func inverse(_ t: Double) -> Double { scale == .log ? pow(10, t) : t }

    /// Autoscaled limits as matplotlib 2+ chooses them: the data's range widened by 5% on each
    /// side (in the scale's space), except on a side pinned by a sticky edge (bars stand on 0,
    /// images end at their edges).
    package static func autoscale(
        _ values: [Double], sticky: [Double], scale: AxisScale, fixed: AxisLimits?
    ) -> AxisView {
        if let fixed { return AxisView(low: fixed.low, high: fixed.high, scale: scale) }
        let usable = values.filter { $0.isFinite && (scale == .linear || $0 > 0) }
        guard var lo = usable.min(), var hi = usable.max() else {
            return scale == .log ? AxisView(low: 1, high: 10, scale: .log) : AxisView(low: 0, high: 1, scale: .linear)
        }
        let probe = AxisView(low: lo, high: hi, scale: scale)
        var a = probe.transform(lo)!
        var b = probe.transform(hi)!
        if a == b {
            // A single value: widen it as matplotlib's `nonsingular` does.
            let pad = a == 0 ? 0.05 : Swift.abs(a) * 0.05
            a -= pad
            b += pad
            lo = probe.inverse(a)
            hi = probe.inverse(b)
        }
        let margin = (b - a) * 0.05
        let low = sticky.contains(lo) ? lo : probe.inverse(a - margin)
        let high = sticky.contains(hi) ? hi : probe.inverse(b + margin)
        return AxisView(low: low, high: high, scale: scale)
    }

    // MARK: - Ticks

    /// Tick positions inside the view: matplotlib's `MaxNLocator` (steps 1, 2, 2.5, 5, 10 times
    /// a power of ten, at most `bins` intervals) on a linear axis, decades on a log axis.
    package func ticks(bins: Int) -> [Double] {
        let lo = Swift.min(low, high)
        let hi = Swift.max(low, high)
        let inside = { (t: Double) in t >= lo - (hi - lo) * 1e-10 && t <= hi + (hi - lo) * 1e-10 }
        if scale == .log {
            guard lo > 0 else { return [] }
            let decades = Int(floor(log10(lo)))...Int(ceil(log10(hi)))
            let stride = Swift.max(1, Int(ceil(Double(decades.count) / Double(Swift.max(bins, 1)))))
            var major = decades.filter { $0 % stride == 0 }.map { pow(10, Double($0)) }.filter(inside)
            if major.count < 2 {
                // Less than a decade in view: also mark 2× and 5× as matplotlib labels its minor ticks.
                major = decades.flatMap { d in [1.0, 2, 5].map { $0 * pow(10, Double(d)) } }.filter(inside)
            }
            return major
        }
        let step = AxisView.step(lo, hi, bins: bins)
        guard step > 0 else { return [lo] }
        let first = (lo / step).rounded(.up)
        let last = (hi / step).rounded(.down)
        guard last - first < 1000 else { return [lo, hi] }
        return stride(from: first, through: last, by: 1).map { $0 * step }.filter(inside).map { $0 == 0 ? 0 : $0 }
    }

    /// The smallest nice step that splits the range into at most `bins` intervals.
    package static func step(_ lo: Double, _ hi: Double, bins: Int) -> Double {
        let span = hi - lo
        guard span > 0, span.isFinite else { return 0 }
        let raw = span / Double(Swift.max(bins, 1))
        let power = pow(10, floor(log10(raw)))
        for m in [1.0, 2, 2.5, 5, 10] where m * power >= raw * (1 - 1e-12) {
            // A step that leaves fewer than two ticks in view is too coarse.
            let step = m * power
            if floor(hi / step) - ceil(lo / step) >= 1 || m == 10 { return step }
        }
        return 10 * power
    }

    /// Labels as matplotlib's `ScalarFormatter` writes them: one number of decimals for all
    /// ticks (as many as the step needs) and a true minus sign; `10^k` on a log axis.
    package func labels(_ ticks: [Double], unicode: Bool = true) -> [String] {
        let minus = unicode ? "\u{2212}" : "-"
        if scale == .log {
            return ticks.map { t in
                let e = Int(floor(log10(t) + 1e-9))
                let m = (t / pow(10, Double(e))).rounded()
                let power = unicode ? "10" + superscript(String(e)) : "10^" + String(e)
                return m == 1 ? power : String(Int(m)) + (unicode ? "×" : "x") + power
            }
        }
        guard ticks.count > 1 else { return ticks.map { AxisView.plain($0, minus) } }
        let step = zip(ticks, ticks.dropFirst()).map { Swift.abs($1 - $0) }.min() ?? 1
        let largest = ticks.map(Swift.abs).max() ?? 0
        if largest >= 1e6 || (largest < 1e-4 && largest > 0) {
            return ticks.map { String(format: "%.1e", $0).replacingOccurrences(of: "-", with: minus) }
        }
        var decimals = 0
        while decimals < 10 && Swift.abs((step * pow(10, Double(decimals))).rounded() - step * pow(10, Double(decimals))) > 1e-6 {
            decimals += 1
        }
        return ticks.map { t in
            let s = String(format: "%.\(decimals)f", t == 0 ? 0 : t)
            return s.hasPrefix("-") ? minus + s.dropFirst() : s
        }
    }

    package static func plain(_ v: Double, _ minus: String) -> String {
        let s = v == v.rounded() && Swift.abs(v) < 1e15 ? String(Int(v)) : String(format: "%g", v)
        return s.hasPrefix("-") ? minus + s.dropFirst() : s
    }
}

/// Digits and a minus sign as Unicode superscripts.
package func superscript(_ s: String) -> String {
    let map: [Character: Character] = [
        "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹", "-": "⁻",
    ]
    return String(s.map { map[$0] ?? $0 })
}
