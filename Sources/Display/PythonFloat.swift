import Foundation

/// CPython's `float_divmod`: the remainder has the divisor's sign (a zero one too), and the
/// quotient is computed from `x - remainder` and rounded so that `q * y + r` is as close to `x`
/// as floats allow (`1 // 0.1` is 9.0). Shared by the language's `//`/`%`/`divmod` and
/// matplotlib's tick locator, which both must divide as Python does.
public func pythonFloatDivmod(_ x: Double, _ y: Double) -> (quotient: Double, remainder: Double) {
    var mod = fmod(x, y)
    var div = (x - mod) / y
    if mod != 0 {
        if (y < 0) != (mod < 0) {
            mod += y
            div -= 1
        }
    } else {
        mod = copysign(0, y)
    }
    var floorDiv: Double
    if div != 0 {
        floorDiv = div.rounded(.down)
        if div - floorDiv > 0.5 { floorDiv += 1 }
    } else {
        floorDiv = copysign(0, x / y)
    }
    return (floorDiv, mod)
}
