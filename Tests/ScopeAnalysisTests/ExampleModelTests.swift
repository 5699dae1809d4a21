import Foundation
import Testing
@testable import ScopeAnalysis
import ScopeModel

/// The shipped example models give the outcome their comments describe.
@Suite struct ExampleModelTests {
    static let models = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Models")

    func analyze(_ name: String) throws -> Analysis {
        let result = try ModelLoader().load(path: Self.models.appendingPathComponent(name).path)
        return Analysis(model: try #require(result.model))
    }

    func rulesFired(_ analysis: Analysis) -> [String] {
        Array(Set(analysis.findings.filter { !$0.isSuppressed }.map(\.rule))).sorted()
    }

    @Test func acmePrecisionShowsEveryCategoryAndItsMistakes() throws {
        let a = try analyze("acme-precision.scope")
        #expect(Set(a.assetCategories) == [.cui, .spa, .crma, .specialized, .out, .outsideCMMC])
        #expect(rulesFired(a) == [
            "csp-foreign-support", "cui-at-rest-not-fips", "cui-transit-not-fips", "cui-transit-unencrypted", "esp-without-crm",
            "foreign-person-access", "foreign-person-access-unknown", "non-fedramp-cui-hosting", "privileged-access-without-mfa",
            "remote-access-without-mfa", "scope-claim-mismatch", "subcontractor-cmmc-insufficient", "unlabeled-flow",
            "unscoped-touchpoint",
        ])
        #expect(a.subjects("unscoped-touchpoint") == ["kiosk"])
        #expect(a.category("office-ws") == .crma && a.category("kiosk") == .cui && a.category("cnc") == .specialized)
        #expect(a.category("vault-room") == .spa && a.category("badge") == .spa)
        #expect(a.category("classified-ws") == .outsideCMMC && a.category("guest-ap") == .out)
        #expect(a.role(ofProvider: "mailhost") == .cspCUI && a.role(ofProvider: "bluewave") == .espSPA)
        #expect(a.findings.filter(\.isSuppressed).map { Explainer(model: a.model).text($0.subject) } == ["plm -> backup-nas"])
        #expect(a.diagnostics.isEmpty)
        let summary = a.summary
        #expect((summary.errors, summary.warnings, summary.infos, summary.sprsExposure) == (8, 9, 1, 12))
    }

    @Test func cloudOnlyContractorIsClean() throws {
        let a = try analyze("cloud-only.scope")
        #expect(a.findings.isEmpty)
        #expect(a.categoryMap == ["tenant": .cui, "entra": .spa, "intune": .spa, "defender": .spa, "laptops": .cui,
                                  "printers": .crma, "staff": .cui])
        #expect(a.role(ofProvider: "gcc-high") == .cspCUI && a.role(ofProvider: "soc") == .espSPA)
    }

    @Test func vdiEnclaveKeepsKVMOnlyClientsOut() throws {
        let a = try analyze("vdi-enclave.scope")
        #expect(a.category("thin") == .out && a.category("design-pc") == .cui)
        #expect(rulesFired(a) == ["unscoped-touchpoint", "vdi-not-kvm-only"])
        #expect(a.subjects("unscoped-touchpoint") == ["office-printer"])
    }

    @Test func levelOneShopHasOnlyFCIAssets() throws {
        let a = try analyze("fci-shop.scope")
        #expect(a.level == 1)
        #expect(a.categoryMap == ["mailbox": .fci, "office-pc": .fci, "quickbooks": .fci, "router": .out, "cnc": .out, "website": .out])
        #expect(a.findings.isEmpty)
    }
}
