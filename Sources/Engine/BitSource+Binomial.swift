import Foundation

/// numpy's binomial draws: inversion when n·min(p, 1−p) ≤ 30, else the BTPE algorithm of
/// Kachitvichyanukul & Schmeiser. `Generator.binomial` uses the corrected BTPE; the legacy
/// `RandomState.binomial` keeps numpy's old form (error terms with 13680, all four added,
/// log(q) in the inversion, and a draw even when n or p is 0), so both match bit for bit.
extension BitSource {
    public mutating func binomial(_ n: Int, _ p: Double, legacy: Bool) -> Int {
        if !legacy && (n == 0 || p == 0) { return 0 }
        if p <= 0.5 {
            return p * Double(n) <= 30 ? binomialInversion(n, p, legacy) : binomialBTPE(n, p, legacy)
        }
        let q = 1 - p
        return n - (q * Double(n) <= 30 ? binomialInversion(n, q, legacy) : binomialBTPE(n, q, legacy))
    }

    private mutating func binomialInversion(_ n: Int, _ p: Double, _ legacy: Bool) -> Int {
        let q = 1 - p
        let qn = Foundation.exp(Double(n) * (legacy ? Foundation.log(q) : Foundation.log1p(-p)))
        let np = Double(n) * p
        let bound = Int(Swift.min(Double(n), np + 10 * (np * q + 1).squareRoot()))
        var x = 0
        var px = qn
        var u = nextDouble()
        while u > px {
            x += 1
            if x > bound {
                x = 0
                px = qn
                u = nextDouble()
            } else {
                u -= px
                px = (Double(n - x + 1) * p * px) / (Double(x) * q)
            }
        }
        return x
    }

    private mutating func binomialBTPE(_ n: Int, _ p: Double, _ legacy: Bool) -> Int {
        let r = Swift.min(p, 1 - p)
        let q = 1 - r
        let fm = Double(n) * r + r
        let m = Int(fm.rounded(.down))
        let p1 = (2.195 * (Double(n) * r * q).squareRoot() - 4.6 * q).rounded(.down) + 0.5
        let xm = Double(m) + 0.5
        let xl = xm - p1
        let xr = xm + p1
        let c = 0.134 + 20.5 / (15.3 + Double(m))
        var a = (fm - xl) / (fm - xl * r)
        let laml = a * (1 + a / 2)
        a = (xr - fm) / (xr * q)
        let lamr = a * (1 + a / 2)
        let p2 = p1 * (1 + 2 * c)
        let p3 = p2 + c / laml
        let p4 = p3 + c / lamr
        let nrq = Double(n) * r * q

        while true {
            // Step 10: the triangular centre, accepted at once.
            let u = nextDouble() * p4
            var v = nextDouble()
            var y: Int
            if u <= p1 { return finish(Int((xm - p1 * v + u).rounded(.down)), n, p) }
            if u <= p2 {
                // Step 20: the parallelograms.
                let x = xl + (u - p1) / c
                v = v * c + 1 - Swift.abs(Double(m) - x + 0.5) / p1
                if v > 1 { continue }
                y = Int(x.rounded(.down))
            } else if u <= p3 {
                // Step 30: the left exponential tail.
                let t = (xl + Foundation.log(v) / laml).rounded(.down)
                if !(t >= 0) || v == 0 { continue }
                y = Int(t)
                v = v * (u - p2) * laml
            } else {
                // Step 40: the right exponential tail.
                let t = (xr - Foundation.log(v) / lamr).rounded(.down)
                if !(t <= Double(n)) || v == 0 { continue }
                y = Int(t)
                v = v * (u - p3) * lamr
            }
            // Step 50: explicit evaluation near the mode, else the squeeze of step 52.
            let k = Swift.abs(y - m)
            if !(k > 20 && Double(k) < nrq / 2 - 1) {
                let s = r / q
                let aa = s * Double(n &+ 1)
                var f = 1.0
                if m < y {
                    for i in (m + 1)...y { f *= aa / Double(i) - s }
                } else if m > y {
                    for i in (y + 1)...m { f /= aa / Double(i) - s }
                }
                if v > f { continue }
                return finish(y, n, p)
            }
            let kd = Double(k)
            let rho = (kd / nrq) * ((kd * (kd / 3 + 0.625) + 0.16666666666666666) / nrq + 0.5)
            let t = Double(0 &- k &* k) / (2 * nrq)
            let logV = Foundation.log(v)
            if logV < t - rho { return finish(y, n, p) }
            if logV > t + rho { continue }
            let x1 = Double(y) + 1
            let f1 = Double(m) + 1
            let z = Double(n) + 1 - Double(m)
            let w = Double(n) - Double(y) + 1
            // The Stirling error terms: the corrected form subtracts the last two.
            let first = legacy ? 13680.0 : 13860.0
            func term(_ e: Double) -> Double {
                let e2 = e * e
                return (first - (462 - (132 - (99 - 140 / e2) / e2) / e2) / e2) / e / 166320
            }
            let main =
                xm * Foundation.log(f1 / x1) + (Double(n - m) + 0.5) * Foundation.log(z / w) + Double(y - m)
                * Foundation.log(w * r / (x1 * q))
            let bound = legacy ? main + term(f1) + term(z) + term(x1) + term(w) : main + term(f1) + term(z) - term(x1) - term(w)
            if logV > bound { continue }
            return finish(y, n, p)
        }
    }

    /// Step 60: BTPE works with min(p, 1 − p); numpy flips the count back for p > 0.5.
    private func finish(_ y: Int, _ n: Int, _ p: Double) -> Int { p > 0.5 ? n - y : y }
}
