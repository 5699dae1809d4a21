import Foundation
@testable import ScopeModel
import Testing

/// docs/language.md is the contract of the language: everything the parser accepts is written there.
@Suite struct DocumentationTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func document(_ name: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent("docs/\(name)"), encoding: .utf8)
    }

    /// Whether `word` stands in `text` as a word of its own (not inside a longer identifier).
    static func mentions(_ text: String, _ word: String) -> Bool {
        let boundary = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-_."))
        var range = text.startIndex..<text.endIndex
        while let found = text.range(of: word, range: range) {
            let before = found.lowerBound == text.startIndex ? nil : text[text.index(before: found.lowerBound)]
            let after = found.upperBound == text.endIndex ? nil : text[found.upperBound]
            let clean = { (c: Character?) in c.map { !$0.unicodeScalars.allSatisfy(boundary.contains) } ?? true }
            if clean(before), clean(after) || after == "." { return true }
            range = found.upperBound..<text.endIndex
        }
        return false
    }

    @Test func everyKeywordAttributeAndValueIsInTheLanguageReference() throws {
        let text = try Self.document("language.md")
        var words = Keyword.allCases.map(\.rawValue) + AttributeNames.all.sorted()
        func values<W: ModelWord>(_ type: W.Type) -> [String] { W.allCases.map(\.rawValue) }
        words += values(DataClass.self) + values(AssessmentKind.self) + values(ProviderType.self) + values(FedRAMPLevel.self)
        words += values(Knowledge.self) + values(CMMCStatus.self) + values(Separation.self) + values(AssetType.self)
        words += values(Encryption.self) + values(SecurityFunction.self) + values(ClaimedCategory.self) + values(VDIMode.self)
        words += CUIRegistry.categories.sorted() + CUIRegistry.disseminationControls.sorted() + ["yes", "no", "->", "<->", "--"]
        let missing = words.filter { !Self.mentions(text, $0) }
        #expect(missing.isEmpty, "not in docs/language.md: \(missing)")
    }

    @Test func theCheckItselfCanFail() {
        #expect(Self.mentions("type `server`.", "server") && !Self.mentions("type servers", "server") && !Self.mentions("a-server", "server"))
    }
}
