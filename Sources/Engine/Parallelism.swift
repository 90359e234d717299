import Foundation

/// How many threads one large matrix product may use.
///
/// Products split their rows between threads, and every element is the same sum in the same
/// order however they are split, so results never depend on this number.
public enum Parallelism {
    nonisolated(unsafe) public static var threads = ProcessInfo.processInfo.activeProcessorCount
}
