import Foundation

/// A 128-bit content hash for the render cache: xxHash's XXH64 with two seeds.
///
/// XXH64 is a well-known, specified non-cryptographic hash (Yann Collet,
/// github.com/Cyan4973/xxHash, doc/xxhash_spec.md) running at memory speed. CryptoKit is not on
/// Linux and swift-crypto would add BoringSSL to every build; the cache needs no defence
/// against crafted collisions (its inputs are the author's own files), only a negligible
/// chance of an accidental one, which 128 bits give.
enum ContentHash {
    static func hex(_ data: Data) -> String {
        data.withUnsafeBytes(hex)
    }

    static func hex(_ bytes: UnsafeRawBufferPointer) -> String {
        String(format: "%016llx%016llx", XXH64.hash(bytes, seed: 0), XXH64.hash(bytes, seed: 0x9E37_79B9_7F4A_7C15))
    }

    /// The hash of several texts, each ended by a NUL byte so that no two lists run together.
    static func hex(_ parts: [String]) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(parts.reduce(0) { $0 + $1.utf8.count + 1 })
        for part in parts {
            bytes += part.utf8
            bytes.append(0)
        }
        return bytes.withUnsafeBytes(hex)
    }
}

/// XXH64 as the xxHash specification defines it (checked against its reference vectors).
enum XXH64 {
    static let p1: UInt64 = 0x9E37_79B1_85EB_CA87
    static let p2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    static let p3: UInt64 = 0x1656_67B1_9E37_79F9
    static let p4: UInt64 = 0x85EB_CA77_C2B2_AE63
    static let p5: UInt64 = 0x27D4_EB2F_1656_67C5

    static func hash(_ bytes: UnsafeRawBufferPointer, seed: UInt64) -> UInt64 {
        let count = bytes.count
        func word(_ i: Int) -> UInt64 { bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self).littleEndian }
        var i = 0
        var h: UInt64
        if count >= 32 {
            var v1 = seed &+ p1 &+ p2
            var v2 = seed &+ p2
            var v3 = seed
            var v4 = seed &- p1
            while i + 32 <= count {
                v1 = round(v1, word(i))
                v2 = round(v2, word(i + 8))
                v3 = round(v3, word(i + 16))
                v4 = round(v4, word(i + 24))
                i += 32
            }
            h = rotl(v1, 1) &+ rotl(v2, 7) &+ rotl(v3, 12) &+ rotl(v4, 18)
            for v in [v1, v2, v3, v4] { h = (h ^ round(0, v)) &* p1 &+ p4 }
        } else {
            h = seed &+ p5
        }
        h &+= UInt64(count)
        while i + 8 <= count {
            h ^= round(0, word(i))
            h = rotl(h, 27) &* p1 &+ p4
            i += 8
        }
        if i + 4 <= count {
            h ^= UInt64(bytes.loadUnaligned(fromByteOffset: i, as: UInt32.self).littleEndian) &* p1
            h = rotl(h, 23) &* p2 &+ p3
            i += 4
        }
        while i < count {
            h ^= UInt64(bytes[i]) &* p5
            h = rotl(h, 11) &* p1
            i += 1
        }
        h ^= h >> 33
        h &*= p2
        h ^= h >> 29
        h &*= p3
        h ^= h >> 32
        return h
    }

    @inline(__always) static func round(_ acc: UInt64, _ input: UInt64) -> UInt64 { rotl(acc &+ input &* p2, 31) &* p1 }
    @inline(__always) static func rotl(_ x: UInt64, _ r: UInt64) -> UInt64 { (x << r) | (x >> (64 - r)) }
}
