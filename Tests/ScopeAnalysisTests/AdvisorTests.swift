import Foundation
import Testing
@testable import ScopeAnalysis
import ScopeModel

/// The advisor (docs/advisor.md) finds the change each example is built around, never suggests one that
/// grows scope or adds an error, and claims exactly what analyzing the edited text shows.
@Suite struct AdvisorTests {
    static let models = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Models")

    static var allExamples: [String] {
        ["acme-precision", "cloud-only", "fci-shop", "vdi-enclave"].map { "\($0).scope" }
            + ["flat-network", "jump-host", "min-cut", "printer-vlan"].map { "advisor/\($0).scope" }
    }

    func example(_ name: String) throws -> Analysis {
        let text = try String(contentsOf: Self.models.appendingPathComponent(name), encoding: .utf8)
        let loaded = ModelLoader(loader: InMemoryLoader([:])).load(root: SourceFile(path: name, text: text))
        return Analysis(model: try #require(loaded.model))
    }

    func titles(_ advice: Advice) -> [String] {
        advice.suggestions.map { suggestion in suggestion.moves.map { "\($0.kind.rawValue) \($0.target(in: advice.analysis.model))" }.joined(separator: " + ") }
    }

    @Test func aFlatNetworkIsFixedBySeparatingOneZone() throws {
        let advice = Advice(try example("advisor/flat-network.scope"))
        #expect(advice.scopeUnits == 51)
        #expect(titles(advice).prefix(2) == ["separate-zone zone engineering", "separate-zone zone office"])
        let best = try #require(advice.suggestions.first)
        #expect(best.scopeUnitsAfter == 5)
        #expect(best.unitsLeaving == [.cui: 26, .specialized: 20])
        #expect(best.diff.leaving.map(\.id) == ["office-ws", "office-printer", "phones"])
    }

    @Test func anUnlabeledFlowToThePrintServerIsLabelled() throws {
        let advice = Advice(try example("advisor/printer-vlan.scope"))
        let best = try #require(advice.suggestions.first)
        #expect(best.moves.map { $0.target(in: advice.analysis.model) } == ["flow eng-ws -> print-srv"])
        #expect(best.kind == .labelFlow)
        #expect(best.diff.leaving.map(\.id) == ["office-printers", "scan"])
        #expect(best.diff.resolvedFindings.map(\.rule).contains("unlabeled-flow"))
    }

    @Test func aJumpHostsZoneAccessIsRemoved() throws {
        let advice = Advice(try example("advisor/jump-host.scope"))
        let best = try #require(advice.suggestions.first)
        #expect(titles(advice).first == "remove-access access jump -> ops")
        #expect(best.scopeUnitsAfter == 2)
        #expect(best.diff.leaving.map(\.id) == ["ops-servers", "ops-db"])
    }

    @Test func threeLinksTogetherAreTheMinimumCutWhenNoneHelpsAlone() throws {
        let analysis = try example("advisor/min-cut.scope")
        #expect(Candidates(analysis, weights: AdvisorWeights()).estimates.isEmpty)
        let advice = Advice(analysis)
        #expect(titles(advice) == ["separate-link link cad -- office-sw-1 + separate-link link eng-ws -- office-sw-2 + separate-link link eng-nas -- office-sw-3"])
        #expect(advice.suggestions.first?.kind == .combined)
        #expect(advice.suggestions.first?.scopeUnitsAfter == 6)
        // Each link alone leaves the office reachable through the other two.
        for move in try #require(advice.suggestions.first).moves {
            #expect(Advice.verify([[move]], against: analysis, weights: AdvisorWeights()).compactMap { $0 }.isEmpty)
        }
    }

    @Test func aLinkThatIsTheOnlyWayIsFoundAsAnArticulationPoint() throws {
        let analysis = try analyze("""
        data d { class cui }
        zone enclave { separation logical
          asset cad { type server; stores d }
        }
        zone office { separation logical
          asset pc { type workstation; count 9 }
        }
        link cad -- pc
        """)
        let link = try #require(analysis.model.links.indices.first)
        #expect(Candidates(analysis, weights: AdvisorWeights()).estimates[.separateLink(link)] == 27)
        #expect(Advice(analysis).suggestions.first?.moves == [.separateLink(link)])
    }

    @Test func nothingIsSuggestedWhereNothingCanLeave() throws {
        let everythingHoldsCUI = try analyze("""
        data d { class cui }
        asset a { type server; stores d }
        asset b { type workstation; processes d }
        link a -- b
        """)
        #expect(Advice(everythingHoldsCUI).suggestions.isEmpty)
        // Level 1 has no reach to cut.
        let fci = try example("fci-shop.scope")
        #expect(fci.level == 1 && Advice(fci).suggestions.isEmpty)
    }

    @Test func noSuggestionGrowsScopeOrAddsAnError() throws {
        for name in Self.allExamples {
            let advice = Advice(try example(name))
            for suggestion in advice.suggestions {
                #expect(suggestion.score > 0, "\(name) #\(suggestion.rank)")
                #expect(suggestion.scopeUnitsAfter <= advice.scopeUnits, "\(name) #\(suggestion.rank)")
                #expect(!suggestion.diff.newFindings.contains { $0.severity == .error }, "\(name) #\(suggestion.rank)")
            }
            #expect(advice.suggestions.map(\.rank) == Array(advice.suggestions.indices.map { $0 + 1 }))
        }
    }

    /// The claim is the analysis of the edited text: categories of every asset, and findings.
    @Test func everyClaimMatchesTheAnalysisOfTheEditedText() throws {
        for name in Self.allExamples {
            let advice = Advice(try example(name))
            let root = try #require(advice.analysis.model.files.first)
            for suggestion in advice.suggestions {
                let text = ModelEditor(file: root).apply(suggestion.edits)
                let loaded = ModelLoader(loader: InMemoryLoader([:])).load(root: SourceFile(path: name, text: text))
                let head = Analysis(model: try #require(loaded.model, "\(name) #\(suggestion.rank)"))
                #expect(head.categoryMap == suggestion.diff.head.categoryMap, "\(name) #\(suggestion.rank)")
                let reloaded = ScopeDiff(base: advice.analysis, head: head)
                #expect(reloaded.newFindings.map(\.rule) == suggestion.diff.newFindings.map(\.rule), "\(name) #\(suggestion.rank)")
                #expect(reloaded.resolvedFindings.map(\.rule) == suggestion.diff.resolvedFindings.map(\.rule), "\(name) #\(suggestion.rank)")
            }
        }
    }

    @Test func weightsRankAndAnEqualWeightMakesAPolicyWorthNothing() throws {
        let analysis = try example("advisor/flat-network.scope")
        #expect(Advice(analysis).suggestions.contains { $0.kind == .addPolicy })
        let equal = try AdvisorWeights(parsing: "cui=1, crma=1")
        #expect(equal.weight(.cui) == 1 && equal.weight(.spa) == 3)
        #expect(!Advice(analysis, weights: equal).suggestions.contains { $0.kind == .addPolicy })
        #expect(try AdvisorWeights(parsing: "separate-link=5").costs[.separateLink] == 5)
        #expect(throws: WeightsError.self) { try AdvisorWeights(parsing: "cui=x") }
        #expect(throws: WeightsError.self) { try AdvisorWeights(parsing: "out=2") }
        #expect(throws: WeightsError.self) { try AdvisorWeights(parsing: "combined=1") }
    }

    @Test func aTargetIsReachedOrExplained() throws {
        let cut = Advice(try example("advisor/min-cut.scope"), target: 10)
        #expect(cut.target?.reached == true)
        #expect(cut.suggestions.map(\.scopeUnitsAfter) == [6])
        let flat = Advice(try example("advisor/flat-network.scope"), target: 2)
        let outcome = try #require(flat.target)
        #expect(!outcome.reached && outcome.unitsAfter == 5)
        #expect(outcome.holders.map { flat.analysis.model.assets[$0].id } == ["cad", "cad-ws"])
        #expect(Advice(try example("advisor/flat-network.scope"), target: 60).suggestions.isEmpty)
    }

    @Test func onlyTheRootFileIsEdited() throws {
        let office = "zone office {\n  asset pc {\n    type workstation\n    count 9\n  }\n}\n"
        let root = """
        include "office.scope"
        data d { class cui }
        zone engineering {
          asset cad { type server; stores d }
        }
        """
        let loaded = ModelLoader(loader: InMemoryLoader(["office.scope": office])).load(root: SourceFile(path: "m.scope", text: root))
        let advice = Advice(Analysis(model: try #require(loaded.model)))
        #expect(titles(advice).first == "separate-zone zone engineering")
        #expect(!titles(advice).contains { $0.contains("office") || $0.contains("pc") })
    }
}
