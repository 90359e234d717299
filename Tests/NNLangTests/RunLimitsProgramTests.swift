import Engine
import Testing

@testable import NNLang

/// Every way a program can build a big value in one builtin call stops at the document's
/// budget (`RunLimits`) with a MemoryError at the statement, before allocating it. A budget of
/// 1,000 elements (200 list items) keeps the programs tiny.
@Suite struct RunLimitsProgramTests {
    static let programs: [(String, String)] = [
        ("s = 'ab'\nfor i in range(40):\n    s = s + s", "MemoryError: the joined string"),
        ("x = [0]\nfor i in range(40):\n    x = x + x", "MemoryError: the joined list"),
        ("t = (0,)\nfor i in range(40):\n    t = t + t", "MemoryError: the joined tuple"),
        ("print('ab' * 600)", "MemoryError: the string would have 1200 items"),
        ("print([0] * 300)", "MemoryError: the list would have 300 items"),
        ("print('-'.join(['abcdef'] * 200))", "MemoryError: the joined string"),
        ("print(f'{1:>2000}')", "MemoryError"),
        ("print('{:2000}'.format('x'), 'x'.zfill(2000))", "MemoryError"),
        ("import numpy as np\nprint(np.concatenate([np.ones(600), np.ones(600)]))", "MemoryError: an array of shape (1200,)"),
        ("import numpy as np\nprint(np.tile(np.ones(100), 20))", "MemoryError"),
        ("import numpy as np\nprint(np.zeros((40, 40)))", "MemoryError: an array of shape (40, 40)"),
        ("import numpy as np\nprint(np.ones((40, 1)) + np.ones((1, 40)))", "MemoryError: an array of shape (40, 40)"),
        ("import numpy as np\nprint(np.ones((40, 1)) @ np.ones((1, 40)))", "MemoryError: an array of shape (40, 40)"),
        ("import itertools\nprint(len(list(itertools.product(range(50), repeat=3))))", "MemoryError: itertools.product"),
        ("import itertools\nprint(len(list(itertools.permutations(range(8)))))", "MemoryError: itertools.permutations"),
        ("import itertools\nprint(len(list(itertools.repeat(0, 10 ** 12))))", "MemoryError: itertools.repeat"),
    ]

    @Test(arguments: programs.indices)
    func stopsAtTheBudget(_ index: Int) {
        let (source, error) = Self.programs[index]
        let message = withLargeStack {
            RunLimits(maxElements: 1000).install { runProgramHere(source, timeout: 20).1?.message ?? "no error" }
        }
        #expect(message.hasPrefix(error), "\(source) → \(message)")
    }

    @Test func aProgramUnderTheBudgetRuns() {
        let (lines, error) = withLargeStack {
            RunLimits(maxElements: 1000).install { runProgramHere("print(len('ab' * 400), len([0] * 200))", timeout: 20) }
        }
        #expect(error == nil)
        #expect(lines == ["800 200"])
    }
}
