import Foundation

/// A JSON value, for documents whose shape is data rather than a type (SARIF).
indirect enum JSONValue: Encodable, Sendable, ExpressibleByStringLiteral {
    case string(String)
    case number(Int)
    case array([JSONValue])
    case object(JSONObject)

    init(stringLiteral value: String) { self = .string(value) }

    func encode(to encoder: Encoder) throws {
        switch self {
        case .string(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .number(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .array(let values):
            var container = encoder.unkeyedContainer()
            for value in values { try container.encode(value) }
        case .object(let members):
            try members.encode(to: encoder)
        }
    }
}

/// An object's members as given: the writers sort them by key, as JSONEncoder does, so nothing here hashes
/// a key (a SARIF result has thirty of them). A key set again keeps its place and takes the new value.
struct JSONObject: ExpressibleByDictionaryLiteral, Encodable, Sendable {
    struct Member: Sendable {
        let key: String
        var value: JSONValue
    }

    private(set) var members: [Member]

    init(dictionaryLiteral elements: (String, JSONValue)...) {
        members = elements.map { Member(key: $0.0, value: $0.1) }
    }

    subscript(key: String) -> JSONValue? {
        get { members.first { $0.key == key }?.value }
        set {
            let index = members.firstIndex { $0.key == key }
            switch (index, newValue) {
            case (let index?, let value?): members[index].value = value
            case (let index?, nil): members.remove(at: index)
            case (nil, let value?): members.append(Member(key: key, value: value))
            case (nil, nil): break
            }
        }
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: JSONKey.self)
        for member in members { try container.encode(member.value, forKey: JSONKey(member.key)) }
    }
}

/// A JSON document to stream: objects member by member, arrays element by element as a lazy sequence
/// produces them, so that a report of a million findings never sits in memory as one document.
indirect enum JSONNode {
    case value(any Encodable)
    case object([String: JSONNode])
    case array(AnySequence<JSONNode>)
    /// `count` elements, each made and printed only when it is written, a batch at a time on every core.
    case elements(count: Int, element: @Sendable (Int) -> any Encodable)

    /// The elements of a collection, each made only when it is written.
    static func elements<C: RandomAccessCollection & Sendable>(_ collection: C, _ element: @escaping @Sendable (C.Element) -> any Encodable)
        -> JSONNode where C.Index == Int {
        .elements(count: collection.count) { element(collection[collection.startIndex + $0]) }
    }
}

enum JSON {
    /// Pretty-printed, keys sorted, one trailing newline: byte-identical for the same input, and to what
    /// `JSONEncoder` prints (`JSONTree`).
    static func write<T: Encodable>(_ value: T, to output: inout some TextOutputStream) {
        write(.value(value), to: &output)
    }

    /// Streams a document: each element is printed as it is made, never the whole document at once.
    static func write(_ node: JSONNode, to output: inout some TextOutputStream) {
        write(node, depth: 0, to: &output)
        output.write("\n")
    }

    private static func write(_ node: JSONNode, depth: Int, to output: inout some TextOutputStream) {
        let indent = String(repeating: "  ", count: depth), inner = indent + "  "
        switch node {
        case .value(let value):
            JSONTree.write(value, depth: depth, to: &output)
        case .object(let members):
            // JSONEncoder prints an empty container with a blank line inside.
            guard !members.isEmpty else { return output.write("{\n\n\(indent)}") }
            output.write("{\n")
            for (position, member) in members.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }).enumerated() {
                output.write((position == 0 ? "" : ",\n") + inner + JSONTree.quoted(member.key) + " : ")
                write(member.value, depth: depth + 1, to: &output)
            }
            output.write("\n\(indent)}")
        case .array(let elements):
            let iterator = elements.makeIterator()
            guard let first = iterator.next() else { return output.write("[\n\n\(indent)]") }
            output.write("[\n" + inner)
            write(first, depth: depth + 1, to: &output)
            while let element = iterator.next() {
                output.write(",\n" + inner)
                write(element, depth: depth + 1, to: &output)
            }
            output.write("\n\(indent)]")
        case .elements(let count, let element):
            guard count > 0 else { return output.write("[\n\n\(indent)]") }
            output.write("[\n")
            TextBatches.write(count: count, to: &output) { index, text in
                if index > 0 { text.write(",\n") }
                text.write(inner)
                JSONTree.write(element(index), depth: depth + 1, to: &text)
            }
            output.write("\n\(indent)]")
        }
    }
}
