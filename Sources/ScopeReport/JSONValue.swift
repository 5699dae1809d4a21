import Foundation

/// A JSON value, for documents whose shape is data rather than a type (SARIF).
indirect enum JSONValue: Encodable, ExpressibleByStringLiteral {
    case string(String)
    case number(Int)
    case array([JSONValue])
    case object([String: JSONValue])

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

enum JSON {
    /// Pretty-printed, keys sorted, one trailing newline: byte-identical for the same input.
    static func write<T: Encodable>(_ value: T, to output: inout some TextOutputStream) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Our own value types hold only strings, numbers, arrays and objects: encoding them cannot fail.
        guard let data = try? encoder.encode(value) else { return }
        output.write(String(decoding: data, as: UTF8.self) + "\n")
    }
}
