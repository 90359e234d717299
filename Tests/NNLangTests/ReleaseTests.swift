import Display
import Foundation
import Testing

@testable import NNLang

/// A finished document frees its interpreter and everything it made: a long-lived process
/// (the fuzzer, the test runner) would otherwise grow with every document.
@Suite struct ReleaseTests {
    static let programs = [
        "x = 1 + 2",
        "def f(n):\n    return n + 1\ny = f(2)",
        "class A:\n    def m(self):\n        return self\na = A().m()",
        "import numpy as np\na = np.ones((3, 3)) @ np.ones((3, 3))",
        "try:\n    1 / 0\nexcept ZeroDivisionError as e:\n    err = e",
        "def g():\n    yield 1\n    yield 2\nitems = list(g())",
        "def h():\n    while True:\n        yield 1\nsuspended = h()\nfirst = next(suspended)",
        "import matplotlib.pyplot as plt\nfig, ax = plt.subplots()\nax.plot([1, 2], [3, 4])",
        "import tensorflow as tf\nv = tf.Variable(2.0)\nwith tf.GradientTape() as t:\n    y = v * v\ng = t.gradient(y, v)",
        "class Node:\n    def __init__(self):\n        self.me = self\nn = Node()",
        "def outer():\n    def inner():\n        return inner\n    return inner\nf = outer()",
        "a = []\na.append(a)\nd = {}\nd['d'] = d\nd['a'] = a",
        "import numpy as np\np = np.poly1d([1, 2]) * np.poly1d([3, 4])",
        "def g(items):\n    try:\n        yield 1\n    finally:\n        items.append(0)\nxs = []\nfor _ in range(3):\n    it = g(xs)\n    next(it)\n    xs.append(it)",
        "import keras\nm = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1)])\nm.compile(loss='mse')",
    ]

    @Test(arguments: programs)
    func aFinishedInterpreterIsFreed(_ source: String) {
        weak var released: Interpreter?
        do {
            let interpreter = Interpreter(
                seed: 0, format: NumberFormat(decimals: 4),
                files: FileAccess(documentDirectory: URL(fileURLWithPath: "/tmp"), projectRoot: URL(fileURLWithPath: "/tmp")))
            let (statements, _) = Parser.parse(source)
            interpreter.prepare([statements])
            let (_, error) = interpreter.run(statements, timeout: 20)
            #expect(error == nil)
            _ = interpreter.run(Parser.parse("1 / 0").statements, timeout: 20)
            interpreter.finish()
            released = interpreter
        }
        // A generator's thread ends just after it hands back control: give it a moment.
        for _ in 0..<100 where released != nil { usleep(10_000) }
        #expect(released == nil)
    }
}
