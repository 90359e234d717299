import Foundation

/// printf's text of one double (`%.4f`, `%.3e`, `%#.6g`), by the C library: the correctly
/// rounded conversions CPython's float formatting gives too, and several times faster than
/// Foundation's `String(format:)`, which goes through CFString.
public func cFormat(_ format: String, _ x: Double) -> String {
    var buffer = [CChar](repeating: 0, count: 64)
    let needed = withVaList([x]) { Int(vsnprintf(&buffer, buffer.count, format, $0)) }
    if needed >= buffer.count {
        // A long result (a large precision or magnitude): once more with room for all of it.
        buffer = [CChar](repeating: 0, count: needed + 1)
        _ = withVaList([x]) { vsnprintf(&buffer, buffer.count, format, $0) }
    }
    return String(cString: buffer)
}
