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

    /// Both kinds of example are asserted by the test above: a firing one on its subjects, a silent one on none.
    @Test(arguments: Rule.catalogue.map(\.id))
    func everyRuleHasAnExampleThatFiresAndOneThatStaysSilent(rule id: String) throws {
        let rule = try #require(Rule.named(id))
        #expect(rule.examples.contains { !$0.subjects.isEmpty }, "\(id) has no example where it fires")
        #expect(rule.examples.contains { $0.subjects.isEmpty }, "\(id) has no example where it must stay silent")
    }

    @Test func ruleIDsAreUnique() {
        let ids = Rule.catalogue.map(\.id)
        #expect(Set(ids).count == ids.count)
    }
}
