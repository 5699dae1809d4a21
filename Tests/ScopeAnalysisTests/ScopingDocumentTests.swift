import Foundation
@testable import ScopeAnalysis
import Testing

/// docs/scoping.md is the contract of the analysis: every rule of the catalogue is in its rule table,
/// with the rule's levels.
@Suite struct ScopingDocumentTests {
    static let document = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/scoping.md")

    @Test(arguments: Rule.catalogue.map(\.id))
    func everyRuleIsInTheRuleTableWithItsLevels(rule id: String) throws {
        let text = try String(contentsOf: Self.document, encoding: .utf8)
        let rule = try #require(Rule.named(id))
        let row = try #require(text.split(separator: "\n").first { $0.hasPrefix("| `\(id)` |") }, "\(id) is not in docs/scoping.md")
        let cells = row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(cells[2] == rule.levels.sorted().map(String.init).joined(separator: ", "), "\(id)")
    }
}
