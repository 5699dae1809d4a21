import Foundation
import ScopeAnalysis
import ScopeModel
@testable import ScopeReport
import Testing

/// Assets and findings printed straight to bytes are byte for byte what `JSONEncoder` prints for them.
@Suite struct JSONPrintableTests {
    static let models = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Models")

    func encoded(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    func printed(_ value: some JSONPrintable, depth: Int = 0) -> String {
        var bytes: [UInt8] = []
        JSONObjectPrinter.print(value, depth: depth, after: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Every asset and every finding of `analysis`, printed and encoded; returns how many were compared.
    @discardableResult
    func expectPrintedAsEncoded(_ analysis: Analysis, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Int {
        let explainer = Explainer(model: analysis.model)
        let assets = analysis.model.assets.indices.map { AssetJSON($0, in: analysis, explainer: explainer) }
        let findings = analysis.findings.map { FindingJSON(finding: $0, explainer: explainer) }
        for asset in assets { #expect(printed(asset) == (try encoded(asset)), sourceLocation: sourceLocation) }
        for finding in findings { #expect(printed(finding) == (try encoded(finding)), sourceLocation: sourceLocation) }
        return assets.count + findings.count
    }

    @Test(arguments: ["acme-precision.scope", "cloud-only.scope", "fci-shop.scope", "vdi-enclave.scope"])
    func exampleModelsPrintAsEncoded(name: String) throws {
        let result = try ModelLoader().load(path: Self.models.appendingPathComponent(name).path)
        let analysis = Analysis(model: try #require(result.model))
        #expect(try expectPrintedAsEncoded(analysis) > 0)
    }

    /// Escapes in every string member, empty and missing members, a suppressed finding, a nil `points`.
    @Test func escapesAndEmptyMembersPrintAsEncoded() throws {
        let analysis = try analyze(#"""
            organization "Acme \"Precision\" / é" { level 2 }
            data drawings { class cui; category CTI }
            provider mailhost "Mail \"Host\" / é\t🛡" { type csp; fedramp none; country US }
            zone floor {
              asset ws "Work\\station" { type workstation; processes drawings; owner "I/T \"ops\""; description "line / next" }
              asset bare { type workstation }
              asset kiosk { type workstation }
            }
            flow ws -> mailhost carries drawings
            suppress unscoped-touchpoint on kiosk "Removed \"next\" week / é"
            """#)
        let explainer = Explainer(model: analysis.model)
        let bare = try #require(analysis.model.assets.firstIndex { $0.id == "bare" })
        let asset = AssetJSON(bare, in: analysis, explainer: explainer)
        #expect(asset.holds.isEmpty && asset.label == nil && asset.owner == nil)
        #expect(analysis.findings.contains { $0.isSuppressed })
        #expect(analysis.findings.contains { $0.requirements.contains { $0.points == nil } })
        #expect(try expectPrintedAsEncoded(analysis) > 3)
    }

    /// Deeper in a document, every line after the first is shifted to sit at that depth.
    @Test func printedAtDepthIsShifted() throws {
        let analysis = try analyze("""
            data drawings { class cui; category CTI }
            asset ws { type workstation; processes drawings }
            """)
        let asset = AssetJSON(0, in: analysis, explainer: Explainer(model: analysis.model))
        let shifted = try encoded(asset).replacingOccurrences(of: "\n", with: "\n    ")
        #expect(printed(asset, depth: 2) == shifted)
    }

    struct Numbers: JSONPrintable {
        let value: Int

        func writeMembers(to object: inout some JSONMembers) {
            object.member("negated", -value)
            object.member("value", value)
        }
    }

    /// Integers are printed digit by digit (`JSONTree.decimal`), not through a String.
    @Test(arguments: [0, 7, 10, 1_000_000, Int.max, Int.min + 1])
    func integersPrintAsEncoded(value: Int) throws {
        #expect(printed(Numbers(value: value)) == (try encoded(Numbers(value: value))))
    }

    @Test func theSmallestIntegerPrintsAsEncoded() throws {
        var bytes: [UInt8] = []
        JSONTree.decimal(Int.min, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == String(decoding: try JSONEncoder().encode(Int.min), as: UTF8.self))
    }

    struct Empty: JSONPrintable {
        func writeMembers(to object: inout some JSONMembers) {}
    }

    @Test func anEmptyObjectPrintsAsEncoded() throws {
        #expect(printed(Empty()) == (try encoded(Empty())))
    }
}
