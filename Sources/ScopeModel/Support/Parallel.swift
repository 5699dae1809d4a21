import Dispatch

/// Work split over every core, and work handed to another, for this package's modules only.
package enum Parallel {
    /// `body` for each index in `0..<count`, run on every core; the results in index order.
    package static func map<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
        let slots = UnsafeMutableBufferPointer<T>.allocate(capacity: count)
        defer { slots.deallocate() }
        // Each job writes only its own slot.
        nonisolated(unsafe) let shared = slots
        DispatchQueue.concurrentPerform(iterations: count) { index in
            shared.initializeElement(at: index, to: body(index))
        }
        defer { _ = slots.deinitialize() }
        return Array(slots)
    }

    /// Lets go of `value` on another core. A large model's syntax tree holds millions of small objects:
    /// freeing them one by one would hold up the core that goes on.
    package static func release(_ value: some Sendable) {
        DispatchQueue.global().async { _ = value }
    }
}
