/// matplotlib's mathtext (`$x_1^2$`, `$\sigma(z)$`) as plain Unicode text, which both the SVG
/// and the text chart can show: sub- and superscripts become Unicode scripts where they exist
/// (else `_`/`^` stay), Greek letters and common symbols their characters.
enum MathText {
    static func plain(_ s: String) -> String {
        let parts = s.split(separator: "$", omittingEmptySubsequences: false)
        // An odd number of `$` pairs up; an unpaired `$` (or an escaped `\$`) stays literal.
        guard parts.count >= 3, parts.count % 2 == 1, !s.contains("\\$") else { return s }
        return parts.enumerated().map { $0.offset % 2 == 1 ? math(String($0.element)) : String($0.element) }.joined()
    }

    static let symbols: [String: String] = [
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "varepsilon": "ε", "zeta": "ζ", "eta": "η",
        "theta": "θ", "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ", "pi": "π", "rho": "ρ",
        "sigma": "σ", "tau": "τ", "upsilon": "υ", "phi": "φ", "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω",
        "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π", "Sigma": "Σ", "Phi": "Φ",
        "Psi": "Ψ", "Omega": "Ω", "cdot": "·", "times": "×", "leq": "≤", "le": "≤", "geq": "≥", "ge": "≥", "neq": "≠",
        "ne": "≠", "approx": "≈", "infty": "∞", "partial": "∂", "nabla": "∇", "sum": "Σ", "prod": "Π", "pm": "±",
        "to": "→", "rightarrow": "→", "leftarrow": "←", "in": "∈", "sqrt": "√", "ell": "ℓ", "log": "log", "exp": "exp",
        "ln": "ln", "tanh": "tanh", "max": "max", "min": "min", "quad": " ", ",": " ", ";": " ", "!": "",
    ]
    static let subscripts: [Character: Character] = [
        "0": "₀", "1": "₁", "2": "₂", "3": "₃", "4": "₄", "5": "₅", "6": "₆", "7": "₇", "8": "₈", "9": "₉", "+": "₊",
        "-": "₋", "\u{2212}": "₋", "=": "₌", "(": "₍", ")": "₎", "a": "ₐ", "e": "ₑ", "h": "ₕ", "i": "ᵢ", "j": "ⱼ", "k": "ₖ", "l": "ₗ",
        "m": "ₘ", "n": "ₙ", "o": "ₒ", "p": "ₚ", "r": "ᵣ", "s": "ₛ", "t": "ₜ", "u": "ᵤ", "v": "ᵥ", "x": "ₓ",
    ]
    static let superscripts: [Character: Character] = [
        "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹", "+": "⁺",
        "-": "⁻", "\u{2212}": "⁻", "=": "⁼", "(": "⁽", ")": "⁾", "i": "ⁱ", "n": "ⁿ", "T": "ᵀ", "'": "′",
    ]

    private static func math(_ s: String) -> String {
        var out = ""
        var i = s.startIndex
        while i < s.endIndex {
            let c = s[i]
            i = s.index(after: i)
            switch c {
            case "\\":
                var name = ""
                while i < s.endIndex, s[i].isLetter {
                    name.append(s[i])
                    i = s.index(after: i)
                }
                if name.isEmpty, i < s.endIndex {
                    name = String(s[i])
                    i = s.index(after: i)
                }
                if ["mathrm", "mathbf", "mathit", "text", "operatorname", "left", "right", "displaystyle"].contains(name) { continue }
                out += symbols[name] ?? name
            case "_", "^":
                let group = script(s, &i)
                let table = c == "_" ? subscripts : superscripts
                let inner = math(group)
                out += inner.allSatisfy { table[$0] != nil } ? String(inner.map { table[$0]! }) : String(c) + inner
            case "{", "}": continue
            case "-": out += "\u{2212}"
            default: out.append(c)
            }
        }
        return out
    }

    /// The argument of `_` or `^`: a `{…}` group or one character (a `\command` whole).
    private static func script(_ s: String, _ i: inout String.Index) -> String {
        guard i < s.endIndex else { return "" }
        if s[i] == "{" {
            var depth = 0
            var group = ""
            while i < s.endIndex {
                let c = s[i]
                i = s.index(after: i)
                if c == "{" {
                    depth += 1
                    if depth == 1 { continue }
                }
                if c == "}" {
                    depth -= 1
                    if depth == 0 { break }
                }
                group.append(c)
            }
            return group
        }
        var group = String(s[i])
        i = s.index(after: i)
        if group == "\\" {
            while i < s.endIndex, s[i].isLetter {
                group.append(s[i])
                i = s.index(after: i)
            }
        }
        return group
    }
}
