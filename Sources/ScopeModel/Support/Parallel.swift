import Dispatch
import Foundation

/// Work split over every core, and work handed to another, for this package's modules only.
package enum Parallel {
    /// How many cores the work is split over.
    package static var cores: Int { ProcessInfo.processInfo.activeProcessorCount }

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
        let firstResult = UnsafeMutablePointer<A>.allocate(capacity: 1), secondResult = UnsafeMutablePointer<B>.allocate(capacity: 1)
        defer { firstResult.deallocate(); secondResult.deallocate() }
        // Each job writes only its own result.
        nonisolated(unsafe) let results = (firstResult, secondResult)
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            if index == 0 { results.0.initialize(to: first()) } else { results.1.initialize(to: second()) }
        }
        return (firstResult.move(), secondResult.move())
    }

    /// A flag that one core raises and others look at.
    package final class Flag: @unchecked Sendable {
        // @unchecked: `raised` is touched only under `lock`.
        private let lock = NSLock()
        private var raised = false

        package init() {}

        package func raise() { lock.withLock { raised = true } }

        package var isRaised: Bool { lock.withLock { raised } }
    }

    /// Lets go of `value` on another core. A large model's syntax tree holds millions of small objects:
    /// freeing them one by one would hold up the core that goes on.
    package static func release(_ value: some Sendable) {
        DispatchQueue.global().async { _ = value }
    }
}
