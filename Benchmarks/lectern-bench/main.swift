// Lectern's benchmarks: the engine's kernels and training loops, and the interpreter.
// Run through Benchmarks/run.sh, which runs the numpy and Keras peers in the same session.
// Prints one line per workload: `name seconds [extra]`, the best of several repetitions.
import Dispatch
import Display
import Engine
import Foundation
import NNLang

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func best(_ repeats: Int, _ body: () throws -> Void) rethrows -> Double {
    var t = Double.infinity
    for _ in 0..<repeats { t = min(t, try seconds(body)) }
    return t
}

let only = CommandLine.arguments.dropFirst().first

// (a) float64 matmul
if only == nil || only == "matmul" {
    for n in [256, 512, 1024] {
        var rng = Generator(seed: 1)
        let a = rng.rand([n, n]).scalars
        let b = rng.rand([n, n]).scalars
        let t = best(n >= 1024 ? 2 : 5) { _ = Tensor.gemm(a, b, m: n, k: n, n: n, threads: 1) }
        print("matmul_\(n) \(t) \(2 * Double(n * n * n) / t / 1e9)")
        let t2 = best(n >= 1024 ? 2 : 5) { _ = Tensor.gemm(a, b, m: n, k: n, n: n, threads: 2) }
        print("matmul_\(n)_2threads \(t2) \(2 * Double(n * n * n) / t2 / 1e9)")
    }
}

/// A compiled Sequential model on the given context.
func model(_ sizes: [Int], _ activations: [Activation], _ loss: Loss, _ optimizer: Optimizer, _ context: Context) throws -> Model {
    let layers: [Layer] = zip(sizes.dropFirst(), activations).map { Dense(units: $0, activation: $1, name: nil, context: context) }
    let m = try Model(layers: layers, input: SymbolicTensor(input: [sizes[0]], name: "x"), name: nil, context: context)
    try m.compile(optimizer: optimizer, loss: loss, metrics: [])
    return m
}

// (b) 10-32-32-1, 256 samples, batch 32, 100 epochs of SGD
if only == nil || only == "small_net" {
    let context = Context(seed: 0)
    let x = context.rng.randn([256, 10])
    let y = Tensor(shape: [256], scalars: (0..<256).map { i in x.scalars[i * 10] + x.scalars[i * 10 + 1] > 0 ? 1 : 0 })
    var options = FitOptions()
    options.epochs = 100
    options.batchSize = 32
    let t = try best(7) {
        let m = try model([10, 32, 32, 1], [.relu, .relu, .sigmoid], .binaryCrossentropy, Optimizer(name: "sgd")!, context)
        _ = try m.fit([x], y, options: options)
    }
    print("small_net_sgd_100_epochs \(t)")
}

// (c) 784-128-10 softmax, 60,000 samples, batch 128, one epoch of Adam
if only == nil || only == "mnist_like" {
    let context = Context(seed: 0)
    let x = context.rng.rand([60_000, 784])
    let labels = Tensor(shape: [60_000], scalars: (0..<60_000).map { Double($0 % 10) })
    var options = FitOptions()
    options.epochs = 1
    options.batchSize = 128
    let t = try best(1) {
        let m = try model([784, 128, 10], [.relu, .softmax], .sparseCategoricalCrossentropy, Optimizer(name: "adam")!, context)
        _ = try m.fit([x], labels, options: options)
    }
    print("mnist_like_adam_1_epoch \(t)")
}

// (d) a small CNN: 1,024 28×28 images, Conv2D(8, 3, relu), MaxPooling2D(2), Dense(10, softmax),
// batch 64, one epoch of Adam
if only == nil || only == "cnn" {
    let context = Context(seed: 0)
    let x = try context.rng.rand([1024, 28 * 28]).reshaped([1024, 28, 28, 1])
    let labels = Tensor(shape: [1024], scalars: (0..<1024).map { Double($0 % 10) })
    var options = FitOptions()
    options.epochs = 1
    options.batchSize = 64
    let t = try best(2) {
        let layers: [Layer] = [
            Conv2D(filters: 8, kernelSize: (3, 3), activation: .relu, name: nil, context: context),
            Pooling2D(.max, poolSize: (2, 2), strides: nil, padding: .valid, name: nil, context: context),
            Flatten(name: nil, context: context), Dense(units: 10, activation: .softmax, name: nil, context: context),
        ]
        let m = try Model(layers: layers, input: SymbolicTensor(input: [28, 28, 1], name: "x"), name: nil, context: context)
        try m.compile(optimizer: Optimizer(name: "adam")!, loss: .sparseCategoricalCrossentropy, metrics: [])
        _ = try m.fit([x], labels, options: options)
    }
    print("cnn_adam_1_epoch \(t)")
}

// The interpreter: a loop of 10^6 scalar operations, and the 2-2-2 network trained with explicit grad.
func runNN(_ source: String) -> Double {
    let (statements, errors) = Parser.parse(source)
    precondition(errors.isEmpty, "\(errors)")
    return withLargeStack {
        let interp = Interpreter(
            seed: 0, format: NumberFormat(),
            files: FileAccess(documentDirectory: URL(fileURLWithPath: "."), projectRoot: URL(fileURLWithPath: ".")))
        interp.prepare([statements])
        return seconds {
            let (_, error) = interp.run(statements, timeout: 600)
            precondition(error == nil, "\(error!)")
        }
    }
}

if only == nil || only == "interpreter" {
    let loop = """
        s = 0.0
        for i in range(1000000):
            s = s + i * 0.5
        """
    print("interpreter_1e6_scalar_ops \(runNN(loop))")
    let mazur = """
        import numpy as np
        x = np.array([[0.05], [0.10]])
        y = np.array([[0.01], [0.99]])
        W1 = np.array([[0.15, 0.20], [0.25, 0.30]])
        b1 = np.array([[0.35], [0.35]])
        W2 = np.array([[0.40, 0.45], [0.50, 0.55]])
        b2 = np.array([[0.60], [0.60]])
        for step in range(10000):
            a1 = sigmoid(W1 @ x + b1)
            a2 = sigmoid(W2 @ a1 + b2)
            L = 0.5 * np.sum((a2 - y) ** 2)
            dW1, db1, dW2, db2 = grad(L, [W1, b1, W2, b2])
            W1 = W1 - 0.5 * dW1
            b1 = b1 - 0.5 * db1
            W2 = W2 - 0.5 * dW2
            b2 = b2 - 0.5 * db2
        assert L < 1e-4
        """
    print("interpreter_mazur_10000_steps \(runNN(mazur))")
    // numpy arrays as objects: the overhead of one tiny op, and writes through row views.
    let tiny = """
        import numpy as np
        a = np.ones((2, 2))
        b = np.ones((2, 2))
        for k in range(100000):
            c = a + b
        """
    print("interpreter_tiny_array_add_1e5 \(runNN(tiny))")
    let multiHot = """
        import numpy as np
        seqs = [[(i * 7 + j * 13) % 10000 for j in range(50)] for i in range(1000)]
        results = np.zeros((1000, 10000))
        for i, seq in enumerate(seqs):
            results[i][seq] = 1.0
        """
    print("interpreter_multi_hot_1000x10000 \(runNN(multiHot))")
}
