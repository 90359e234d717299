import Testing

@testable import NNLang

/// Programs that push numbers and formats to machine limits: each must end in a Python-style
/// result or error, never a trap (a trap would end the test process).
@Suite struct HostileNumberTests {
    static let programs: [(String, String?)] = [
        ("x = -2 ** 63\nprint(x // -1, x % -1, abs(x), -x, x * -1, x - 1)", nil),
        ("print(round(1.5, -2 ** 63), round(2 ** 100, -2 ** 70), round(7, 2 ** 80))", nil),
        ("import numpy as np\nprint(np.round(np.array([1.5, 2.5]), -2 ** 63))", nil),
        ("print('%*d' % (-2 ** 63, 1))", "MemoryError"),
        ("print('x'.center(-2 ** 63), 'x'.zfill(-2 ** 63), 'x'.ljust(2 ** 63 - 1))", "MemoryError"),
        ("print([1] * (2 ** 63 - 1))", "MemoryError"),
        ("print(len(range(-2 ** 63, 2 ** 63 - 1)))", "OverflowError: Python int too large to convert to C ssize_t"),
        ("for i in range(2 ** 63 - 3, 2 ** 63 - 1): print(i)", nil),
        ("print(1 << 2 ** 62)", "MemoryError"),
        ("print(2 ** 2 ** 62)", "MemoryError"),
        ("print(len(str(10 ** 4000)), str(10 ** 5000)[:3])", "ValueError: Exceeds the limit (4300 digits)"),
        ("print(int('9' * 5000))", "ValueError: Exceeds the limit (4300 digits)"),
        ("import math\nprint(math.factorial(10 ** 6))", "OverflowError"),
        ("import math\nprint(math.comb(10 ** 6, 500000))", "OverflowError"),
        ("print(pow(2, 10 ** 18, 7), pow(2, -1, 4))", "ValueError: base is not invertible for the given modulus"),
        ("print(chr(2 ** 63))", "OverflowError"),
        ("print('%c' % 2 ** 64)", "OverflowError: %c arg not in range(0x110000)"),
        ("print(f'{2 ** 100:c}')", "OverflowError: Python int too large to convert to C long"),
        ("print(f'{1:{2 ** 63}}')", "ValueError: Too many decimal digits in format string"),
        ("print('{:.{}f}'.format(1.5, 2 ** 40))", "ValueError: precision too big"),
        ("import random\nprint(random.getrandbits(2 ** 62))", "MemoryError"),
        ("import random\nprint(random.randrange(2 ** 200) < 2 ** 200, random.randint(-2 ** 90, 2 ** 90) <= 2 ** 90)", nil),
        ("print(float(10 ** 400))", "OverflowError: int too large to convert to float"),
        ("print(10 ** 400 / 10 ** 399, 1 / 10 ** 400, (10 ** 400 + 1) // 1.0)", "OverflowError: int too large to convert to float"),
        ("print(sum([2 ** 62] * 10), max(2 ** 64, 1.5), sorted([2 ** 70, 1e30, -2 ** 70]))", nil),
        ("print({2 ** 64: 1}[2.0 ** 64], 2 ** 64 in [18446744073709551616.0])", nil),
        ("print(1e308 * 10 // 1, float('inf') // 1, float('nan') % 2)", nil),
        ("print(int(float('inf')))", "OverflowError: cannot convert float infinity to integer"),
    ]

    @Test(arguments: programs.indices)
    func endsInAPythonResultOrError(_ index: Int) {
        let (source, error) = HostileNumberTests.programs[index]
        let outcome = printedText(source)
        if let error {
            #expect(outcome.contains(error), "\(source) → \(outcome)")
        } else {
            #expect(!outcome.contains("Error"), "\(source) → \(outcome)")
        }
    }
}
