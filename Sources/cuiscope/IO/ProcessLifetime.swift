/// Values kept until the process exits. A large model's analysis is millions of objects: freeing them one
/// by one after the report is written takes longer than the exit that frees them all at once.
enum ProcessLifetime {
    // Written only on the main thread, by a command, before it writes its output.
    nonisolated(unsafe) private static var kept: [any Sendable] = []

    static func keep(_ value: any Sendable) { kept.append(value) }
}
