/// A shape written once per asset or finding, a million times in a large model. It gives its members once,
/// in `writeMembers(to:)`; they are printed straight to bytes (`JSONObjectPrinter`), without the tree that
/// `Encodable` builds, or encoded through an `Encoder` (`Encodable`, for the documents still built as a
/// tree). `JSONPrintableTests` holds the printed bytes to `JSONEncoder`'s.
protocol JSONPrintable: Encodable {
    /// Gives every member to `object`, in JSONEncoder's key order (by UTF-8 bytes).
    func writeMembers(to object: inout some JSONMembers)
}

/// Where a `JSONPrintable` gives its members. Keys are the shapes' own literals, which need no escape: they
/// are printed as they are, from their static bytes.
protocol JSONMembers {
    mutating func member(_ key: StaticString, _ value: String)
    mutating func member(_ key: StaticString, _ value: String?)
    mutating func member(_ key: StaticString, _ value: Int)
    mutating func member(_ key: StaticString, _ value: Int?)
    mutating func member(_ key: StaticString, _ value: Bool)
    mutating func member(_ key: StaticString, _ values: [String])
    mutating func member(_ key: StaticString, _ value: (some JSONPrintable)?)
    mutating func member(_ key: StaticString, _ values: [some JSONPrintable])
}

extension JSONPrintable {
    func encode(to encoder: Encoder) throws {
        var members = EncodedMembers(container: encoder.container(keyedBy: JSONKey.self))
        writeMembers(to: &members)
        if let failure = members.failure { throw failure }
    }
}

/// Members encoded into an `Encoder`'s keyed container; the first error is kept, for `encode(to:)` to throw.
private struct EncodedMembers: JSONMembers {
    var container: KeyedEncodingContainer<JSONKey>
    var failure: (any Error)?

    init(container: KeyedEncodingContainer<JSONKey>) { self.container = container }

    private mutating func encode(_ value: some Encodable, _ key: StaticString) {
        guard failure == nil else { return }
        do { try container.encode(value, forKey: JSONKey(key.description)) } catch { failure = error }
    }

    mutating func member(_ key: StaticString, _ value: String) { encode(value, key) }
    mutating func member(_ key: StaticString, _ value: String?) { encode(value, key) }
    mutating func member(_ key: StaticString, _ value: Int) { encode(value, key) }
    mutating func member(_ key: StaticString, _ value: Int?) { encode(value, key) }
    mutating func member(_ key: StaticString, _ value: Bool) { encode(value, key) }
    mutating func member(_ key: StaticString, _ values: [String]) { encode(values, key) }
    mutating func member(_ key: StaticString, _ value: (some JSONPrintable)?) { encode(value, key) }
    mutating func member(_ key: StaticString, _ values: [some JSONPrintable]) { encode(values, key) }
}

/// Prints one object's members as they are given, each on its own line, as JSONEncoder pretty-prints them.
struct JSONObjectPrinter: JSONMembers {
    private var bytes: [UInt8]
    private let depth: Int
    private var lastKey: StaticString?

    private init(depth: Int) {
        bytes = []
        self.depth = depth
    }

    /// `value` printed at `depth` after `bytes`.
    static func print(_ value: some JSONPrintable, depth: Int, after bytes: inout [UInt8]) {
        var object = JSONObjectPrinter(depth: depth)
        swap(&object.bytes, &bytes)
        object.bytes.append(UInt8(ascii: "{"))
        value.writeMembers(to: &object)
        // JSONEncoder prints an empty object with a blank line inside.
        if object.lastKey == nil { object.bytes.append(UInt8(ascii: "\n")) }
        JSONTree.newline(depth, &object.bytes)
        object.bytes.append(UInt8(ascii: "}"))
        swap(&object.bytes, &bytes)
    }

    mutating func member(_ key: StaticString, _ value: String) {
        name(key)
        JSONTree.quote(value, to: &bytes)
    }

    mutating func member(_ key: StaticString, _ value: String?) {
        guard let value else { return null(key) }
        member(key, value)
    }

    mutating func member(_ key: StaticString, _ value: Int) {
        name(key)
        JSONTree.decimal(value, to: &bytes)
    }

    mutating func member(_ key: StaticString, _ value: Int?) {
        guard let value else { return null(key) }
        member(key, value)
    }

    mutating func member(_ key: StaticString, _ value: Bool) {
        name(key)
        bytes.append(contentsOf: value ? JSONTree.true : JSONTree.false)
    }

    mutating func member(_ key: StaticString, _ values: [String]) {
        name(key)
        JSONTree.printArray(values.count, depth + 1, &bytes) { JSONTree.quote(values[$0], to: &$1) }
    }

    mutating func member(_ key: StaticString, _ value: (some JSONPrintable)?) {
        guard let value else { return null(key) }
        name(key)
        Self.print(value, depth: depth + 1, after: &bytes)
    }

    mutating func member(_ key: StaticString, _ values: [some JSONPrintable]) {
        name(key)
        JSONTree.printArray(values.count, depth + 1, &bytes) { Self.print(values[$0], depth: depth + 2, after: &$1) }
    }

    private mutating func null(_ key: StaticString) {
        name(key)
        bytes.append(contentsOf: JSONTree.null)
    }

    /// The separator, the new line and the key of the next member.
    private mutating func name(_ key: StaticString) {
        assert(lastKey.map { JSONTree.precedes($0.description, key.description) } ?? true, "member \(key) given after \(lastKey.map(\.description) ?? "")")
        if lastKey != nil { bytes.append(UInt8(ascii: ",")) }
        lastKey = key
        JSONTree.newline(depth + 1, &bytes)
        bytes.append(UInt8(ascii: "\""))
        key.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: JSONTree.keySeparator)
    }
}
