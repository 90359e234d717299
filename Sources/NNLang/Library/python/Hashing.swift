import BigInt
import Foundation

/// CPython 3.11's `hash()` for the values whose hash does not depend on the process: ints,
/// floats, bools and tuples of them (str and None hashes are randomised per run in CPython).
func pythonHash(_ v: Value) throws(Failure) -> Int {
    switch v {
    case .int(let i): return PyInt.hash(BigInt(i))
    case .bigint(let b): return PyInt.hash(b.value)
    case .bool(let b): return b ? 1 : 0
    case .float(let d): return floatHash(d)
    case .tuple(let items): return try tupleHash(items)
    case .list, .dict: throw Failure("TypeError: unhashable type: '\(v.typeName)'")
    default:
        throw Failure("NotImplementedError: Lectern does not support hash() of \(v.typeName) (CPython's differs from run to run)")
    }
}

private let hashBits: UInt64 = 61
private let hashModulus: UInt64 = (1 << 61) - 1

/// `_Py_HashDouble`: the float's exact value modulo 2**61 - 1, so equal ints and floats hash alike.
private func floatHash(_ d: Double) -> Int {
    if d.isNaN { return 0 }
    if d.isInfinite { return d > 0 ? 314_159 : -314_159 }
    var e: Int32 = 0
    var m = frexp(d, &e)
    var sign = 1
    if m < 0 {
        sign = -1
        m = -m
    }
    var x: UInt64 = 0
    while m != 0 {
        x = ((x << 28) & hashModulus) | x >> (hashBits - 28)
        m *= 268_435_456.0
        e -= 28
        let y = UInt64(m)
        m -= Double(y)
        x += y
        if x >= hashModulus { x -= hashModulus }
    }
    let shift = e >= 0 ? UInt64(e) % hashBits : hashBits - 1 - UInt64(-1 - Int(e)) % hashBits
    x = ((x << shift) & hashModulus) | x >> (hashBits - shift)
    let h = Int(x) * sign
    return h == -1 ? -2 : h
}

/// CPython's xxHash-based tuple hash (Objects/tupleobject.c).
private func tupleHash(_ items: [Value]) throws(Failure) -> Int {
    let prime1: UInt64 = 11_400_714_785_074_694_791
    let prime2: UInt64 = 14_029_467_366_897_019_727
    let prime5: UInt64 = 2_870_177_450_012_600_261
    var acc = prime5
    for item in items {
        let lane = UInt64(bitPattern: Int64(try pythonHash(item)))
        acc = acc &+ lane &* prime2
        acc = (acc << 31) | (acc >> 33)
        acc = acc &* prime1
    }
    acc = acc &+ (UInt64(items.count) ^ (prime5 ^ 3_527_539))
    if acc == UInt64.max { return 1_546_275_796 }
    return Int(Int64(bitPattern: acc))
}
