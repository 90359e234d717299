/// Keras's weight initialisers, drawing from the document's generator.
public enum Initializer: String, Sendable, CaseIterable {
    case zeros, ones
    case glorotUniform = "glorot_uniform"
    case glorotNormal = "glorot_normal"
    case heUniform = "he_uniform"
    case heNormal = "he_normal"
    case lecunUniform = "lecun_uniform"
    case lecunNormal = "lecun_normal"
    case randomNormal = "random_normal"
    case randomUniform = "random_uniform"

    /// Keras's fans: for a kernel of shape (inputs, units), fan_in = inputs and fan_out = units;
    /// a convolution kernel (kh, kw, in, out) multiplies both by its receptive field kh·kw.
    public func make(_ shape: [Int], _ rng: inout Generator) -> Tensor {
        let receptiveField = Double(shape.count > 2 ? shape.dropLast(2).reduce(1, *) : 1)
        let fanIn = Double(shape.count >= 2 ? shape[shape.count - 2] : (shape.first ?? 1)) * receptiveField
        let fanOut = Double(shape.last ?? 1) * receptiveField
        // Keras divides the truncated normal's stddev by this constant so the
        // truncated distribution keeps the intended variance.
        let truncation = 0.87962566103423978
        switch self {
        case .zeros: return Tensor.zeros(shape)
        case .ones: return Tensor.ones(shape)
        case .glorotUniform:
            let limit = (6 / (fanIn + fanOut)).squareRoot()
            return rng.uniform(-limit, limit, shape)
        case .glorotNormal: return rng.truncatedNormal((2 / (fanIn + fanOut)).squareRoot() / truncation, shape)
        case .heUniform:
            let limit = (6 / fanIn).squareRoot()
            return rng.uniform(-limit, limit, shape)
        case .heNormal: return rng.truncatedNormal((2 / fanIn).squareRoot() / truncation, shape)
        case .lecunUniform:
            let limit = (3 / fanIn).squareRoot()
            return rng.uniform(-limit, limit, shape)
        case .lecunNormal: return rng.truncatedNormal((1 / fanIn).squareRoot() / truncation, shape)
        case .randomNormal: return rng.normal(0, 0.05, shape)
        case .randomUniform: return rng.uniform(-0.05, 0.05, shape)
        }
    }
}
