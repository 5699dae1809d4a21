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

    /// `first` and `second` run side by side, on two cores.
    package static func both<A: Sendable, B: Sendable>(_ first: @Sendable () -> A, _ second: @Sendable () -> B) -> (A, B) {
        let slots = UnsafeMutablePointer<(A?, B?)>.allocate(capacity: 1)
        slots.initialize(to: (nil, nil))
        defer { slots.deinitialize(count: 1); slots.deallocate() }
        // Each job writes only its own half.
        nonisolated(unsafe) let shared = slots
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            if index == 0 { shared.pointee.0 = first() } else { shared.pointee.1 = second() }
        }
        return (slots.pointee.0!, slots.pointee.1!)
    }

    /// Lets go of `value` on another core. A large model's syntax tree holds millions of small objects:
    /// freeing them one by one would hold up the core that goes on.
    package static func release(_ value: some Sendable) {
        DispatchQueue.global().async { _ = value }
    }
}
