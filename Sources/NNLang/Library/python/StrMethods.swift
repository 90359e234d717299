import Engine

// MARK: - str methods, with CPython's signatures and errors

extension Library {
    static func stringMethod(_ s: String, _ name: String, _ interp: Interpreter) -> Value? {
        let chars = Array(s)
        switch name {
        case "upper": return typeMethod("str", name) { _ throws(Failure) in .str(s.uppercased()) }
        case "lower", "casefold": return typeMethod("str", name) { _ throws(Failure) in .str(s.lowercased()) }
        case "title": return typeMethod("str", name) { _ throws(Failure) in .str(pythonTitle(s)) }
        case "capitalize":
            return typeMethod("str", name) { _ throws(Failure) in
                .str(chars.first.map { $0.uppercased() + String(chars.dropFirst()).lowercased() } ?? "")
            }
        case "swapcase":
            return typeMethod("str", name) { _ throws(Failure) in
                .str(chars.map { $0.isUppercase ? $0.lowercased() : $0.uppercased() }.joined())
            }
        case "strip", "lstrip", "rstrip":
            return typeMethod("str", name) { args throws(Failure) in
                try args.accept(["chars"])
                let set = try args.string(0, "chars").map(Set.init)
                let strip = { (c: Character) in set?.contains(c) ?? c.isWhitespace }
                var lo = 0
                var hi = chars.count
                if name != "rstrip" { while lo < hi && strip(chars[lo]) { lo += 1 } }
                if name != "lstrip" { while hi > lo && strip(chars[hi - 1]) { hi -= 1 } }
                return .str(String(chars[lo..<hi]))
            }
        case "split", "rsplit":
            return typeMethod("str", name) { args throws(Failure) in
                try args.accept(["sep", "maxsplit"])
                let limit = try args.int(1, "maxsplit", -1)
                let parts = try pythonSplit(s, try args.string(0, "sep"), limit < 0 ? Int.max : limit, fromRight: name == "rsplit")
                return .list(ListBox(parts.map(Value.str)))
            }
        case "splitlines":
            return typeMethod("str", name) { args throws(Failure) in
                let keep = try args.bool(0, "keepends", false)
                var lines: [Value] = []
                var current = ""
                for c in chars {
                    if c.isNewline {
                        lines.append(.str(keep ? current + String(c) : current))
                        current = ""
                    } else {
                        current.append(c)
                    }
                }
                if !current.isEmpty { lines.append(.str(current)) }
                return .list(ListBox(lines))
            }
        case "join":
            return typeMethod("str", name) { args throws(Failure) in
                var parts: [String] = []
                var length = 0
                for (i, v) in try interp.iterate(try args.required(0, "iterable")).enumerated() {
                    guard case .str(let p) = v else {
                        throw Failure("TypeError: sequence item \(i): expected str instance, \(v.typeName) found")
                    }
                    parts.append(p)
                    length += p.utf8.count + (i > 0 ? s.utf8.count : 0)
                    try Failure.memory(length, .characters, what: "the joined string")
                }
                return .str(parts.joined(separator: s))
            }
        case "replace":
            return typeMethod("str", name) { args throws(Failure) in
                let old = try requiredString(args, 0, "old")
                let new = try requiredString(args, 1, "new")
                return .str(pythonReplace(chars, Array(old), new, try args.int(2, "count", -1)))
            }
        case "startswith", "endswith":
            return typeMethod("str", name) { args throws(Failure) in
                let target = try args.required(0, name == "startswith" ? "prefix" : "suffix")
                let (lo, hi) = try bounds(args, chars.count)
                let piece = lo <= hi ? String(chars[lo..<hi]) : ""
                let options: [Value] = if case .tuple(let t) = target { t } else { [target] }
                for o in options {
                    guard case .str(let p) = o else {
                        throw Failure("TypeError: \(name) first arg must be str or a tuple of str, not \(o.typeName)")
                    }
                    if lo <= chars.count && (name == "startswith" ? piece.hasPrefix(p) : piece.hasSuffix(p)) { return .bool(true) }
                }
                return .bool(false)
            }
        case "find", "rfind", "index", "rindex", "count":
            return typeMethod("str", name) { args throws(Failure) in
                let sub = Array(try requiredString(args, 0, "sub"))
                let (lo, hi) = try bounds(args, chars.count)
                var hits: [Int] = []
                var i = lo
                while i + sub.count <= hi {
                    if Array(chars[i..<(i + sub.count)]) == sub {
                        hits.append(i)
                        // count() counts non-overlapping occurrences.
                        i += name == "count" ? Swift.max(sub.count, 1) : 1
                    } else {
                        i += 1
                    }
                }
                if name == "count" { return .int(lo > chars.count ? 0 : hits.count) }
                guard let hit = name.hasPrefix("r") ? hits.last : hits.first else {
                    if name.hasSuffix("index") { throw Failure("ValueError: substring not found") }
                    return .int(-1)
                }
                return .int(hit)
            }
        case "center", "ljust", "rjust":
            return typeMethod("str", name) { args throws(Failure) in
                let width = try args.required(0, "width").asInt("width")
                let fill = try args.string(1, "fillchar") ?? " "
                guard fill.count == 1 else { throw Failure("TypeError: The fill character must be exactly one character long") }
                let pad = width > chars.count ? width - chars.count : 0
                try Failure.memory(pad, .characters, what: "a padded string")
                // CPython's center puts the extra fill on the left when the string's length is odd.
                let left = name == "rjust" ? pad : (name == "ljust" ? 0 : pad / 2 + (pad & width & 1))
                return .str(String(repeating: fill, count: left) + s + String(repeating: fill, count: pad - left))
            }
        case "zfill":
            return typeMethod("str", name) { args throws(Failure) in
                let width = try args.required(0, "width").asInt("width")
                let pad = width > chars.count ? width - chars.count : 0
                try Failure.memory(pad, .characters, what: "a padded string")
                let signed = chars.first == "+" || chars.first == "-"
                let zeros = String(repeating: "0", count: pad)
                return .str(signed ? String(chars[0]) + zeros + String(chars.dropFirst()) : zeros + s)
            }
        case "partition", "rpartition":
            return typeMethod("str", name) { args throws(Failure) in
                let sep = try requiredString(args, 0, "sep")
                guard !sep.isEmpty else { throw Failure("ValueError: empty separator") }
                let range = name == "partition" ? s.range(of: sep) : s.range(of: sep, options: .backwards)
                guard let range else {
                    return .tuple(name == "partition" ? [.str(s), .str(""), .str("")] : [.str(""), .str(""), .str(s)])
                }
                return .tuple([.str(String(s[..<range.lowerBound])), .str(sep), .str(String(s[range.upperBound...]))])
            }
        case "removeprefix":
            return typeMethod("str", name) { args throws(Failure) in
                .str(
                    s.hasPrefix(try requiredString(args, 0, "prefix"))
                        ? String(s.dropFirst(try requiredString(args, 0, "prefix").count)) : s)
            }
        case "removesuffix":
            return typeMethod("str", name) { args throws(Failure) in
                .str(
                    s.hasSuffix(try requiredString(args, 0, "suffix")) ? String(s.dropLast(try requiredString(args, 0, "suffix").count)) : s
                )
            }
        case "isdigit", "isdecimal", "isnumeric":
            return typeMethod("str", name) { _ throws(Failure) in .bool(!chars.isEmpty && chars.allSatisfy(\.isNumber)) }
        case "isalpha": return typeMethod("str", name) { _ throws(Failure) in .bool(!chars.isEmpty && chars.allSatisfy(\.isLetter)) }
        case "isalnum":
            return typeMethod("str", name) { _ throws(Failure) in .bool(!chars.isEmpty && chars.allSatisfy { $0.isLetter || $0.isNumber }) }
        case "isspace": return typeMethod("str", name) { _ throws(Failure) in .bool(!chars.isEmpty && chars.allSatisfy(\.isWhitespace)) }
        case "isupper":
            return typeMethod("str", name) { _ throws(Failure) in
                .bool(chars.contains(where: \.isCased) && !chars.contains(where: \.isLowercase))
            }
        case "islower":
            return typeMethod("str", name) { _ throws(Failure) in
                .bool(chars.contains(where: \.isCased) && !chars.contains(where: \.isUppercase))
            }
        case "istitle":
            return typeMethod("str", name) { _ throws(Failure) in .bool(chars.contains(where: \.isCased) && pythonTitle(s) == s) }
        case "isidentifier":
            return typeMethod("str", name) { _ throws(Failure) in
                .bool(chars.first.map { $0 == "_" || $0.isLetter } ?? false && chars.allSatisfy { $0 == "_" || $0.isLetter || $0.isNumber })
            }
        case "format":
            return typeMethod("str", name) { args throws(Failure) in .str(try interp.strFormat(s, args.positional, args.keywords)) }
        default: return nil
        }
    }

    static func requiredString(_ args: Arguments, _ index: Int, _ name: String) throws(Failure) -> String {
        let v = try args.required(index, name)
        guard case .str(let s) = v else { throw Failure("TypeError: must be str, not \(v.typeName)") }
        return s
    }

    /// The `start`/`end` arguments of find/count/startswith, clamped as slice bounds are.
    static func bounds(_ args: Arguments, _ count: Int) throws(Failure) -> (Int, Int) {
        func clamp(_ v: Value?, _ fallback: Int) throws(Failure) -> Int {
            guard let v, !v.isNone else { return fallback }
            let i = try v.asInt("slice index")
            return i < 0 ? Swift.max(0, i + count) : i
        }
        let lo = try clamp(args.optional(1, "start"), 0)
        return (lo, Swift.min(try clamp(args.optional(2, "end"), count), count))
    }

    /// `str.title()`: a cased character after an uncased one is upper case, every other lower.
    static func pythonTitle(_ s: String) -> String {
        var previousCased = false
        var out = ""
        for c in s {
            out += previousCased ? c.lowercased() : c.uppercased()
            previousCased = c.isCased
        }
        return out
    }

    static func pythonReplace(_ chars: [Character], _ old: [Character], _ new: String, _ count: Int) -> String {
        var out = ""
        var done = 0
        var i = 0
        let limit = count < 0 ? Int.max : count
        if old.isEmpty {
            // An empty pattern matches between every two characters and at both ends.
            for c in chars {
                if done < limit {
                    out += new
                    done += 1
                }
                out.append(c)
            }
            return done < limit ? out + new : out
        }
        while i < chars.count {
            if done < limit && i + old.count <= chars.count && Array(chars[i..<(i + old.count)]) == old {
                out += new
                i += old.count
                done += 1
            } else {
                out.append(chars[i])
                i += 1
            }
        }
        return out
    }
}

extension Library {
    /// `str.split`/`rsplit`: on a separator, or on runs of whitespace (ignoring it at the ends)
    /// when there is none; after `maxsplit` splits the rest is one piece.
    static func pythonSplit(_ s: String, _ sep: String?, _ maxsplit: Int, fromRight: Bool) throws(Failure) -> [String] {
        // rsplit is split of the reversed text with the reversed separator, reversed back.
        let chars: [Character] = fromRight ? s.reversed() : Array(s)
        var parts: [[Character]] = []
        if let sep {
            let separator: [Character] = fromRight ? sep.reversed() : Array(sep)
            guard !separator.isEmpty else { throw Failure("ValueError: empty separator") }
            var current: [Character] = []
            var i = 0
            while i < chars.count {
                if parts.count < maxsplit && i + separator.count <= chars.count && Array(chars[i..<(i + separator.count)]) == separator {
                    parts.append(current)
                    current = []
                    i += separator.count
                } else {
                    current.append(chars[i])
                    i += 1
                }
            }
            parts.append(current)
        } else {
            var i = 0
            while i < chars.count {
                while i < chars.count && chars[i].isWhitespace { i += 1 }
                if i == chars.count { break }
                if parts.count == maxsplit {
                    parts.append(Array(chars[i...]))
                    break
                }
                var j = i
                while j < chars.count && !chars[j].isWhitespace { j += 1 }
                parts.append(Array(chars[i..<j]))
                i = j
            }
        }
        return fromRight ? parts.reversed().map { String($0.reversed()) } : parts.map { String($0) }
    }
}
