/// The methods of Python's builtin types, bound to the signatures CPython declares for them
/// (`inspect.signature(str.split)`, without `self`). Methods CPython gives no signature
/// (`str.find`, `dict.pop`, …) and `list.index`/`tuple.index` (whose bounds share `str.find`'s
/// reading) keep checking their own arguments.
extension Library {
    static func typeMethod(_ type: String, _ name: String, _ body: @escaping (inout Arguments) throws(Failure) -> Value) -> Value {
        guard let signature = parsedMethodSignatures[type + "." + name] else {
            // CPython's C methods without a text signature take positional arguments only, but
            // for `str.format` and `dict.update`, whose keywords are data.
            return fn(name) { args throws(Failure) in
                guard args.keywords.isEmpty || name == "format" || name == "update" else {
                    throw Failure("TypeError: \(type).\(name)() takes no keyword arguments")
                }
                return try body(&args)
            }
        }
        return fn(signature, body)
    }

    /// Parsed once per process: a method is looked up on every attribute access (`xs.append`),
    /// so this keeps the signature cache's lock and a second string hash off that path.
    private static let parsedMethodSignatures = pythonMethodSignatures.mapValues { Signature.declared($0) }

    static let pythonMethodSignatures: [String: String] = [
        "str.capitalize": "capitalize(/)",
        "str.casefold": "casefold(/)",
        "str.center": "center(width, fillchar=' ', /)",
        "str.isalnum": "isalnum(/)",
        "str.isalpha": "isalpha(/)",
        "str.isdecimal": "isdecimal(/)",
        "str.isdigit": "isdigit(/)",
        "str.isidentifier": "isidentifier(/)",
        "str.islower": "islower(/)",
        "str.isnumeric": "isnumeric(/)",
        "str.isspace": "isspace(/)",
        "str.istitle": "istitle(/)",
        "str.isupper": "isupper(/)",
        "str.join": "join(iterable, /)",
        "str.ljust": "ljust(width, fillchar=' ', /)",
        "str.lower": "lower(/)",
        "str.lstrip": "lstrip(chars=None, /)",
        "str.partition": "partition(sep, /)",
        "str.removeprefix": "removeprefix(prefix, /)",
        "str.removesuffix": "removesuffix(suffix, /)",
        "str.replace": "replace(old, new, count=-1, /)",
        "str.rjust": "rjust(width, fillchar=' ', /)",
        "str.rpartition": "rpartition(sep, /)",
        "str.rsplit": "rsplit(sep=None, maxsplit=-1)",
        "str.rstrip": "rstrip(chars=None, /)",
        "str.split": "split(sep=None, maxsplit=-1)",
        "str.splitlines": "splitlines(keepends=False)",
        "str.strip": "strip(chars=None, /)",
        "str.swapcase": "swapcase(/)",
        "str.title": "title(/)",
        "str.upper": "upper(/)",
        "str.zfill": "zfill(width, /)",
        "list.append": "append(object, /)",
        "list.clear": "clear(/)",
        "list.copy": "copy(/)",
        "list.count": "count(value, /)",
        "list.extend": "extend(iterable, /)",
        "list.insert": "insert(index, object, /)",
        "list.pop": "pop(index=-1, /)",
        "list.remove": "remove(value, /)",
        "list.reverse": "reverse(/)",
        "list.sort": "sort(*, key=None, reverse=False)",
        "dict.get": "get(key, default=None, /)",
        "dict.popitem": "popitem(/)",
        "dict.setdefault": "setdefault(key, default=None, /)",
        "tuple.count": "count(value, /)",
    ]
}
