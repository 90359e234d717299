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

/// Starts `body` on a new detached thread with `stackSize` bytes of stack; false when the
/// system refuses the thread (out of address space under the worker's limit, or of threads),
/// which Foundation's `Thread.start()` would not report.
func startThread(stackSize: Int, _ body: @escaping () -> Void) -> Bool {
    final class Start {
        let body: () -> Void
        init(_ body: @escaping () -> Void) { self.body = body }
    }
    var attributes = pthread_attr_t()
    pthread_attr_init(&attributes)
    defer { pthread_attr_destroy(&attributes) }
    pthread_attr_setstacksize(&attributes, stackSize)
    pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
    let context = Unmanaged.passRetained(Start(body)).toOpaque()
    var thread = pthread_t()
    let started = pthread_create(
        &thread, &attributes,
        { raw in
            let start = Unmanaged<AnyObject>.fromOpaque(raw!).takeRetainedValue() as! Start
            start.body()
            return nil
        }, context)
    guard started == 0 else {
        Unmanaged<AnyObject>.fromOpaque(context).release()
        return false
    }
    return true
}
