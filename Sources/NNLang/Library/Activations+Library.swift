import Engine

extension Library {
    /// The activation functions and their derivatives (`d_sigmoid`, …) as language functions.
    ///
    /// `leaky_relu(z, alpha=0.01)`: the function's default slope is the lecture's 0.01;
    /// Keras's `activation='leaky_relu'` string keeps Keras's 0.2.
    static func activations(_ interp: Interpreter) -> [String: Value] {
        var names: [String: Value] = [:]
        for name in Activation.names {
            let extra = name == "leaky_relu" ? ", alpha=0.01" : name == "softmax" ? ", axis=-1" : ""
            names[name] = fn(def: "\(name)(x\(extra))") { args throws(Failure) in
                let x = try args.required(0, "x")
                let activation: Activation
                switch name {
                case "leaky_relu":
                    activation = .leakyRelu(alpha: try args.double(1, "alpha", 0.01))
                case "softmax":
                    let axis = try args.axis(1) ?? -1
                    return .tensor(try engine { () throws(EngineError) in try Variable.softmax(try interp.tensorE(x), axis: axis) })
                default:
                    activation = Activation(name: name)!
                }
                return try elementwise(name, x, interp) { v throws(EngineError) in try activation(v) }
            }
            guard name != "softmax" else { continue }
            names["d_" + name] = fn(def: "d_\(name)(x\(extra))") { args throws(Failure) in
                let x = try args.required(0, "x")
                let activation = name == "leaky_relu" ? .leakyRelu(alpha: try args.double(1, "alpha", 0.01)) : Activation(name: name)!
                return try elementwise("d_" + name, x, interp) { v in Variable(v.value.map { activation.derivative($0) }) }
            }
        }
        return names
    }
}
