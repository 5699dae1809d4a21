import Testing
@testable import ScopeAnalysis

/// Each rule's examples are its tests: the rule fires on exactly the subjects listed, and on nothing else.
@Suite struct RuleExampleTests {
    @Test(arguments: Rule.catalogue.map(\.id))
    func examplesFireOnExactlyTheirSubjects(rule id: String) throws {
        let rule = try #require(Rule.named(id))
        for (index, example) in rule.examples.enumerated() {
            let analysis = try analyze(example.model, level: example.level)
            #expect(analysis.subjects(id).sorted() == example.subjects.sorted(), "\(id) example \(index + 1)")
        }
    }

    @Test(arguments: Rule.catalogue.map(\.id))
    func everyRuleHasExamplesThatFireAndThatDoNot(rule id: String) throws {
        let rule = try #require(Rule.named(id))
        #expect(rule.examples.contains { !$0.subjects.isEmpty }, "\(id) has no example where it fires")
        // A silent example, or a firing one that also holds subjects the rule must leave alone.
        let silent = try rule.examples.contains { example in
            let analysis = try analyze(example.model, level: example.level)
            return example.subjects.isEmpty || analysis.model.assets.count + analysis.model.providers.count
                + analysis.model.relationCount > example.subjects.count
        }
        #expect(silent, "\(id) has no example where it must stay silent")
    }

    @Test func catalogueIsCompleteAndUnique() {
        let ids = Rule.catalogue.map(\.id)
        #expect(ids.count == 22)
        #expect(Set(ids).count == ids.count)
        #expect(ids == [
            "non-fedramp-cui-hosting", "cui-to-unclassified-provider", "unscoped-touchpoint", "scope-claim-mismatch",
            "foreign-person-access", "foreign-person-access-unknown", "offshore-restricted-storage", "csp-foreign-support",
            "subcontractor-cmmc-insufficient", "subcontractor-missing-7012", "esp-without-crm", "cui-transit-unencrypted",
            "cui-transit-not-fips", "cui-at-rest-not-fips", "remote-access-without-mfa", "privileged-access-without-mfa",
            "public-asset-not-separated", "cui-on-public-asset", "no-boundary-device", "unlabeled-flow", "vdi-not-kvm-only",
            "specialized-not-isolated",
        ])
    }
}
