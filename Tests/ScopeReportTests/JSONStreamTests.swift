import Foundation
import ScopeAnalysis
@testable import ScopeReport
import Testing

/// Streamed JSON is byte for byte what `JSONEncoder` prints for the whole document at once.
@Suite struct JSONStreamTests {
    struct Item: Encodable { let name: String; let tags: [String]; let extra: [String: Int] }

    let items = [
        Item(name: "a\nb \"quoted\" / é", tags: [], extra: [:]),
        Item(name: "", tags: ["x", "y"], extra: ["z": 1, "a": 2]),
    ]

    func whole<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }

    func streamed(_ node: JSONNode) -> String {
        var output = ""
        JSON.write(node, to: &output)
        return output
    }

    struct Document: Encodable { let version: String; let runs: [[String: [Item]]]; let empty: [Item]; let count: Int }

    @Test func nestedObjectsAndArraysMatchTheEncoder() throws {
        let document = Document(version: "2.1.0", runs: [["results": items], ["results": []]], empty: [], count: 3)
        let node = JSONNode.object([
            "version": .value("2.1.0"),
            "runs": .array(AnySequence([
                .object(["results": .elements(items) { $0 }]),
                .object(["results": .elements([Item]()) { $0 }]),
            ])),
            "empty": .elements([Item]()) { $0 },
            "count": .value(3),
        ])
        #expect(streamed(node) == (try whole(document)))
    }

    @Test func emptyObjectsAndTopLevelValuesMatchTheEncoder() throws {
        #expect(streamed(.object([:])) == (try whole([String: Int]())))
        #expect(streamed(.value(items)) == (try whole(items)))
        #expect(streamed(.elements(items) { $0 }) == (try whole(items)))
    }

    /// More elements than two rounds of batches on every core: made on several threads, written in order.
    @Test func elementsAcrossManyBatchesKeepTheirOrder() throws {
        let count = TextBatches.batchSize * ProcessInfo.processInfo.activeProcessorCount * 2 + 7
        let many = (0..<count).map { Item(name: "item \($0)", tags: [String($0 % 3)], extra: [:]) }
        #expect(streamed(.elements(many) { $0 }) == (try whole(many)))
    }

    struct Mixed: Encodable {
        let text = "a\u{1}\u{1f}\u{7f}\u{2028}é\"\\/\n\t\r\u{8}\u{c} 🛡"
        let flag = true, off = false
        let missing: String? = nil
        let present: Int? = 7
        let ratio = 0.1, big = 1e20, negative = -3
        let keys = ["é": 1, "e": 2, "E": 3, "_": 4, "-": 5, "a10": 6, "a9": 7]
        let nested = [[["deep": [Int]()]], []]
    }

    @Test func everyKindOfValueMatchesTheEncoderByteForByte() throws {
        #expect(streamed(.value(Mixed())) == (try whole(Mixed())))
        #expect(streamed(.object(["mixed": .value([Mixed(), Mixed()])])) == (try whole(["mixed": [Mixed(), Mixed()]])))
        #expect(streamed(.value("plain")) == (try whole("plain")))
    }

    @Test func elementsAreMadeOnlyAsTheyAreWritten() {
        nonisolated(unsafe) var made = 0
        let node = JSONNode.elements(0..<3) { index -> Int in made += 1; return index }
        #expect(made == 0)
        #expect(streamed(node) == "[\n  0,\n  1,\n  2\n]\n")
        #expect(made == 3)
    }
}
