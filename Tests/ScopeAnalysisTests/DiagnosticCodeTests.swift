import Testing
@testable import ScopeAnalysis
import ScopeModel

/// Every diagnostic code is documented, and each documented wrong example really produces its code while
/// its fixed example produces no error at all.
@Suite struct DiagnosticCodeTests {
    /// All diagnostics of `text`: loading first, then the analysis (assessments, suppressions) when it loads.
    func diagnostics(_ text: String) -> [Diagnostic] {
        let loader = InMemoryLoader(["sites/plant-2.scope": "asset plant-2 { type server }"])
        let result = ModelLoader(loader: loader, ruleIDs: Rule.catalogue.map(\.id)).load(root: SourceFile(path: "m.scope", text: text))
        return result.diagnostics + (result.model.map { Analysis(model: $0).diagnostics } ?? [])
    }

    @Test(arguments: DiagnosticCode.allCases)
    func everyCodeIsDocumented(code: DiagnosticCode) {
        #expect(!code.title.isEmpty && code.title != code.rawValue && !code.explanation.isEmpty, "\(code.rawValue)")
    }

    @Test(arguments: DiagnosticCode.allCases.filter { !$0.wrong.isEmpty })
    func theWrongExampleProducesItsCodeAndTheFixedOneNoError(code: DiagnosticCode) {
        #expect(diagnostics(code.wrong).contains { $0.code == code }, "\(code.rawValue): \(diagnostics(code.wrong).map(\.code.rawValue))")
        let fixed = diagnostics(code.fixed)
        #expect(!fixed.contains { $0.code == code || $0.severity == .error }, "\(code.rawValue) fixed: \(fixed.map(\.message))")
    }

    @Test func onlyCodesThatCannotBeWrittenAsTextHaveNoExample() {
        #expect(DiagnosticCode.allCases.filter(\.wrong.isEmpty) == [.invalidUTF8, .includeTooDeep])
    }
}
