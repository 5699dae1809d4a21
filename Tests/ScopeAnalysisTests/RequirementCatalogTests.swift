import Testing
@testable import ScopeAnalysis

/// The NIST SP 800-171 r2 catalog with the DoD Assessment Methodology values, and what the findings put at risk.
@Suite struct RequirementCatalogTests {
    @Test func theCatalogHasTheHundredAndTenRequirementsWorthThreeHundredThirteenPoints() {
        #expect(NIST800171.all.count == 110)
        #expect(Set(NIST800171.all.map(\.id)).count == 110)
        // The methodology's lowest score is -203: 110 minus 313.
        #expect(NIST800171.all.reduce(0) { $0 + ($1.points ?? 0) } == 313)
        let perFamily = Dictionary(grouping: NIST800171.all, by: \.family).mapValues(\.count)
        #expect(perFamily == ["AC": 22, "AT": 3, "AU": 9, "CM": 9, "IA": 11, "IR": 3, "MA": 6, "MP": 9, "PS": 2, "PE": 6,
                              "RA": 3, "CA": 4, "SC": 16, "SI": 7])
        #expect(NIST800171.entry("3.13.11")?.practice == "SC.L2-3.13.11")
        #expect(NIST800171.entry("3.12.4")?.points == nil)
    }

    @Test func onlyOnePointRequirementsOutsideTheExclusionsMayBeOnAPOAM() {
        let eligible = NIST800171.all.filter(\.poam)
        #expect(eligible.allSatisfy { $0.points == 1 })
        // 32 CFR 170.21(a)(2)(iii).
        for excluded in ["3.1.20", "3.1.22", "3.10.3", "3.10.4", "3.10.5", "3.12.4"] {
            #expect(NIST800171.entry(excluded)?.poam == false, "\(excluded)")
        }
        #expect(eligible.count == NIST800171.all.count { $0.points == 1 } - 5)
        #expect(Requirements.cuiEncryptionNotFIPS.poam && Requirements.cuiEncryptionNotFIPS.points == 3)
        #expect(!Requirements.cuiEncryptionNone.poam && Requirements.cuiEncryptionNone.points == 5)
    }

    @Test func eachRequirementAtRiskIsCountedOnceAtItsHighestValueWithItsAssets() throws {
        // 3.13.11 at 3 (not FIPS) on the laptop and at 5 (unknown encryption) on the flow to the cloud.
        let analysis = try analyze("""
        data d { class cui }
        provider cloud { type csp; fedramp high }
        asset lap { type laptop; stores d; encryption non-fips }
        asset srv { type server; stores d }
        flow srv -> cloud carries d
        """)
        let atRisk = analysis.requirementsAtRisk
        let encryption = try #require(atRisk.first { $0.requirement.nist == "3.13.11" })
        #expect(encryption.requirement.points == 5)
        #expect(encryption.assets.map { analysis.model.assets[$0].id } == ["lap", "srv"])
        #expect(encryption.findings.count == 2)
        #expect(atRisk.count { $0.requirement.nist == "3.13.11" } == 1)
        #expect(analysis.summary.sprsExposure == atRisk.reduce(0) { $0 + ($1.requirement.points ?? 0) })
    }

    @Test func suppressedFindingsAndInfosPutNothingAtRisk() throws {
        let analysis = try analyze("""
        data d { class cui }
        asset lap { type laptop; stores d; encryption non-fips }
        asset ws { type workstation; stores d }
        asset printer { type printer; policy "SOP" }
        flow ws -> printer
        suppress cui-at-rest-not-fips on lap "FIPS module on order, ticket 42"
        """)
        #expect(analysis.findings.contains { $0.rule == "unlabeled-flow" && !$0.isSuppressed && $0.severity == .info })
        #expect(!analysis.requirementsAtRisk.contains { $0.requirement.nist == "3.1.3" })
        #expect(analysis.findings.contains { $0.rule == "cui-at-rest-not-fips" && $0.isSuppressed })
        #expect(analysis.requirementsAtRisk.isEmpty)
    }
}
