import Foundation

/// Holds a result handed from the worker thread back to the waiting caller.
private final class ResultBox<T>: @unchecked Sendable {
    var value: T?
}

/// Runs `body` on a thread with a 256 MiB stack and waits for it.
///
/// The tree-walking interpreter recurses per nested call and expression, and a deep autodiff
/// graph is released recursively; the default 512 KiB of a secondary thread is not enough.
public func withLargeStack<T>(_ body: @escaping @Sendable () -> T) -> T {
    let box = ResultBox<T>()
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
        box.value = body()
        done.signal()
    }
    thread.stackSize = 256 << 20
    thread.start()
    done.wait()
    return box.value!
}
