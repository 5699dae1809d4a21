import Foundation

/// An `Encoder` that writes what `JSONEncoder` with `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`
/// writes, byte for byte, several times faster: values go into a small tree of final classes, without the
/// boxing and dynamic casts of Foundation's encoder, and the tree is printed straight into the output. A
/// `JSONPrintable` value skips the tree. `JSONStreamTests` holds it to JSONEncoder's bytes.
enum JSONTree {
    /// `value` printed at `depth` (its first line unindented, the following ones shifted to sit there).
    static func write(_ value: any Encodable, depth: Int, to output: inout some TextOutputStream) {
        var batch = TextBatch()
        write(value, depth: depth, to: &batch)
        output.write(String(decoding: batch.bytes, as: UTF8.self))
    }

    /// `value` printed at `depth` straight into a batch's bytes.
    static func write(_ value: any Encodable, depth: Int, to batch: inout TextBatch) {
        if let printable = value as? any JSONPrintable {
            JSONObjectPrinter.print(printable, depth: depth, after: &batch.bytes)
        } else {
            // Our own value types hold only strings, numbers, booleans, arrays and objects: encoding cannot fail.
            print((try? jsonTreeNode(value, codingPath: [])) ?? .object(Members()), depth: depth, to: &batch.bytes)
        }
    }

    indirect enum Node {
        case string(String)
        /// Its text as JSON writes it.
        case number(String)
        case bool(Bool)
        case null
        case array(Elements)
        case object(Members)
        /// A value whose shape is data already, printed as it is.
        case json(JSONValue)
    }

    final class Elements { var nodes: [Node] = [] }
    final class Members { var pairs: [(key: String, node: Node)] = [] }
    /// Where one value goes: an array element, an object member, or the document.
    final class Slot { var node: Node? }

    /// Between a key and its value, as JSONEncoder pretty-prints it. It and the literals below are byte
    /// arrays: appending a String's `utf8` walks it generically, several times slower than a copy.
    static let keySeparator = Array(" : ".utf8)
    static let `true` = Array("true".utf8)
    static let `false` = Array("false".utf8)
    static let null = Array("null".utf8)

    // Printed as bytes: appending to a byte array is several times cheaper than building Strings.
    private static func print(_ node: Node, depth: Int, to bytes: inout [UInt8]) {
        switch node {
        case .string(let string): quote(string, to: &bytes)
        case .number(let number): bytes += number.utf8
        case .bool(let bool): bytes.append(contentsOf: bool ? self.true : self.false)
        case .null: bytes.append(contentsOf: null)
        case .array(let elements):
            printArray(elements.nodes.count, depth, &bytes) { print(elements.nodes[$0], depth: depth + 1, to: &$1) }
        case .object(let members):
            printObject(members.pairs.map(\.key), depth, &bytes) { print(members.pairs[$0].node, depth: depth + 1, to: &$1) }
        case .json(let json): print(json, depth: depth, to: &bytes)
        }
    }

    /// A `JSONValue` (SARIF, OSCAL) printed as it is, without a tree of its own.
    private static func print(_ json: JSONValue, depth: Int, to bytes: inout [UInt8]) {
        switch json {
        case .string(let string): quote(string, to: &bytes)
        case .number(let number): decimal(number, to: &bytes)
        case .array(let values): printArray(values.count, depth, &bytes) { print(values[$0], depth: depth + 1, to: &$1) }
        case .object(let object):
            printObject(object.members.map(\.key), depth, &bytes) { print(object.members[$0].value, depth: depth + 1, to: &$1) }
        }
    }

    /// `count` elements, each on its own line, printed by `element`.
    static func printArray(_ count: Int, _ depth: Int, _ bytes: inout [UInt8], _ element: (Int, inout [UInt8]) -> Void) {
        guard count > 0 else { return close("[\n\n", "]", depth, &bytes) }
        bytes.append(UInt8(ascii: "["))
        for index in 0..<count {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            newline(depth + 1, &bytes)
            element(index, &bytes)
        }
        newline(depth, &bytes)
        bytes.append(UInt8(ascii: "]"))
    }

    /// The members named `keys`, in key order, each value printed by `value` with its index in `keys`.
    private static func printObject(_ keys: [String], _ depth: Int, _ bytes: inout [UInt8], _ value: (Int, inout [UInt8]) -> Void) {
        guard !keys.isEmpty else { return close("{\n\n", "}", depth, &bytes) }
        bytes.append(UInt8(ascii: "{"))
        let order = keys.indices.sorted { precedes(keys[$0], keys[$1]) }
        for (position, index) in order.enumerated() {
            if position > 0 { bytes.append(UInt8(ascii: ",")) }
            newline(depth + 1, &bytes)
            quote(keys[index], to: &bytes)
            bytes.append(contentsOf: keySeparator)
            value(index, &bytes)
        }
        newline(depth, &bytes)
        bytes.append(UInt8(ascii: "}"))
    }

    /// Whether key `a` sorts before key `b`: JSONEncoder orders keys by their UTF-8 bytes. Most keys differ in
    /// their first byte, which is cheap to read; the generic comparison of two UTF-8 views is not.
    static func precedes(_ a: String, _ b: String) -> Bool {
        if let first = a.utf8.first, let other = b.utf8.first, first != other { return first < other }
        return a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    static func newline(_ depth: Int, _ bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\n"))
        // A loop, not `repeatElement`: appending a generic collection cost as much as the rest of the line.
        for _ in 0..<2 * depth { bytes.append(UInt8(ascii: " ")) }
    }

    /// An empty container: JSONEncoder prints a blank line inside.
    private static func close(_ open: String, _ close: String, _ depth: Int, _ bytes: inout [UInt8]) {
        bytes += open.utf8
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
        bytes += close.utf8
    }

    /// A JSON string as JSONEncoder escapes it: quotes, backslashes and control characters; `/` kept.
    static func quote(_ string: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        var string = string
        // The bytes are read in place, and each run that needs no escape is appended at once.
        string.withUTF8 { utf8 in
            var run = 0
            for index in utf8.indices {
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<index]))
                escape(byte, to: &bytes)
                run = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// `value` in decimal, as JSONEncoder prints it, without a String made of it first.
    static func decimal(_ value: Int, to bytes: inout [UInt8]) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        // Digits from the last, into a buffer on the stack, then appended at once.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var first = digits.count, rest = value.magnitude
            repeat {
                first -= 1
                digits[first] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            } while rest > 0
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[first...]))
        }
    }

    private static func escape(_ byte: UInt8, to bytes: inout [UInt8]) {
        switch byte {
        case UInt8(ascii: "\""): bytes += "\\\"".utf8
        case UInt8(ascii: "\\"): bytes += "\\\\".utf8
        case 0x0A: bytes += "\\n".utf8
        case 0x0D: bytes += "\\r".utf8
        case 0x09: bytes += "\\t".utf8
        case 0x08: bytes += "\\b".utf8
        case 0x0C: bytes += "\\f".utf8
        default:
            let hex = Array("0123456789abcdef".utf8)
            bytes += "\\u00".utf8
            bytes.append(hex[Int(byte >> 4)])
            bytes.append(hex[Int(byte & 0xF)])
        }
    }

    /// `quote` for a String.
    static func quoted(_ string: String) -> String {
        var bytes: [UInt8] = []
        quote(string, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A number as JSONEncoder prints it; doubles (rare here) are left to JSONEncoder itself.
    static func number(_ value: Double) -> String {
        (try? JSONEncoder().encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
    }
}

private struct TreeEncoder: Encoder {
    let slot: JSONTree.Slot
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let members: JSONTree.Members
        if case .object(let existing)? = slot.node { members = existing } else {
            members = JSONTree.Members()
            slot.node = .object(members)
        }
        return KeyedEncodingContainer(KeyedContainer<Key>(members: members, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let elements: JSONTree.Elements
        if case .array(let existing)? = slot.node { elements = existing } else {
            elements = JSONTree.Elements()
            slot.node = .array(elements)
        }
        return UnkeyedContainer(elements: elements, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleValueContainer(slot: slot, codingPath: codingPath) }
}

/// The node of a value: leaves directly, anything else through its own `encode(to:)`.
/// The coding path is made only for a value that encodes itself: an array per member would cost an
/// allocation for every string and number.
func jsonTreeNode<T: Encodable>(_ value: T, codingPath: @autoclosure () -> [any CodingKey]) throws -> JSONTree.Node {
    // Types compared before values are cast: a cast that fails costs the runtime a search, and most values
    // here are strings, optional strings and lists of strings.
    if T.self == String.self { return .string(value as! String) }
    if T.self == String?.self { return (value as! String?).map { .string($0) } ?? .null }
    if T.self == [String].self {
        let elements = JSONTree.Elements()
        elements.nodes = (value as! [String]).map { .string($0) }
        return .array(elements)
    }
    switch value {
    case let json as JSONValue: return .json(json)
    case let int as Int: return .number(String(int))
    case let bool as Bool: return .bool(bool)
    default:
        let slot = JSONTree.Slot()
        try value.encode(to: TreeEncoder(slot: slot, codingPath: codingPath()))
        return slot.node ?? .object(JSONTree.Members())
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let members: JSONTree.Members
    let codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws { members.pairs.append((key.stringValue, .null)) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { members.pairs.append((key.stringValue, .bool(value))) }
    mutating func encode(_ value: String, forKey key: Key) throws { members.pairs.append((key.stringValue, .string(value))) }
    mutating func encode(_ value: Int, forKey key: Key) throws { members.pairs.append((key.stringValue, .number(String(value)))) }
    mutating func encode(_ value: Double, forKey key: Key) throws { members.pairs.append((key.stringValue, .number(JSONTree.number(value)))) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        members.pairs.append((key.stringValue, try jsonTreeNode(value, codingPath: codingPath + [key])))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let nested = JSONTree.Members()
        members.pairs.append((key.stringValue, .object(nested)))
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(members: nested, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let nested = JSONTree.Elements()
        members.pairs.append((key.stringValue, .array(nested)))
        return UnkeyedContainer(elements: nested, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder { superEncoder(forKey: Key(stringValue: "super")!) }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        let nested = JSONTree.Members(), slot = JSONTree.Slot()
        slot.node = .object(nested)
        members.pairs.append((key.stringValue, .object(nested)))
        return TreeEncoder(slot: slot, codingPath: codingPath + [key])
    }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let elements: JSONTree.Elements
    let codingPath: [any CodingKey]
    var count: Int { elements.nodes.count }

    mutating func encodeNil() throws { elements.nodes.append(.null) }
    mutating func encode(_ value: Bool) throws { elements.nodes.append(.bool(value)) }
    mutating func encode(_ value: String) throws { elements.nodes.append(.string(value)) }
    mutating func encode(_ value: Int) throws { elements.nodes.append(.number(String(value))) }
    mutating func encode(_ value: Double) throws { elements.nodes.append(.number(JSONTree.number(value))) }
    mutating func encode<T: Encodable>(_ value: T) throws { elements.nodes.append(try jsonTreeNode(value, codingPath: codingPath)) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let nested = JSONTree.Members()
        elements.nodes.append(.object(nested))
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(members: nested, codingPath: codingPath))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nested = JSONTree.Elements()
        elements.nodes.append(.array(nested))
        return UnkeyedContainer(elements: nested, codingPath: codingPath)
    }

    mutating func superEncoder() -> any Encoder {
        let members = JSONTree.Members()
        elements.nodes.append(.object(members))
        let slot = JSONTree.Slot()
        slot.node = .object(members)
        return TreeEncoder(slot: slot, codingPath: codingPath)
    }
}

private struct SingleValueContainer: SingleValueEncodingContainer {
    let slot: JSONTree.Slot
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { slot.node = .null }
    mutating func encode(_ value: Bool) throws { slot.node = .bool(value) }
    mutating func encode(_ value: String) throws { slot.node = .string(value) }
    mutating func encode(_ value: Int) throws { slot.node = .number(String(value)) }
    mutating func encode(_ value: Double) throws { slot.node = .number(JSONTree.number(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws { slot.node = try jsonTreeNode(value, codingPath: codingPath) }
}
