import ScopeAnalysis
import ScopeModel
@testable import ScopeReport
import Testing

/// An asset hosted on another sits in its host's zone (docs/scoping.md §3) in every report, as in the diagrams.
@Suite struct PlacementTests {
    static let model = """
    organization "A" { iso27001 certified }
    data d { class cui }
    zone certified {
      asset hv { type server }
    }
    asset vm { type vm; hosted-on hv; stores d }
    asset loose { type server; stores d }
    """

    @Test func scopeJSONPlacesAHostedAssetInItsHostsZone() throws {
        let analysis = try analyze(Self.model)
        let json = try object(ScopeJSONReporter().render(ModelReport(analysis, path: "m.scope")))
        let assets = try #require(json["assets"] as? [[String: Any]])
        let zones = Dictionary(uniqueKeysWithValues: assets.map { ($0["id"] as? String ?? "", $0["zone"] as? String ?? "-") })
        #expect(zones == ["hv": "certified", "vm": "certified", "loose": "-"])
    }

    @Test func scopeTextPlacesAHostedAssetInItsHostsZone() throws {
        let text = InventoryTextReporter(style: TextStyle(colored: false)).render(ModelReport(try analyze(Self.model), path: "m.scope"))
        #expect(text.split(separator: "\n").contains { $0.hasPrefix("vm ") && $0.contains(" certified ") })
    }

    @Test func explainPlacesAHostedAssetInItsHostsZone() throws {
        let analysis = try analyze(Self.model)
        let vm = try #require(analysis.model.names["vm"])
        let text = ExplainTextReporter(style: TextStyle(colored: false)).render(ElementReport(analysis, element: vm))
        #expect(text.contains("  type vm, zone certified, declared at m.scope:6:1\n"))
        let zone = try #require(analysis.model.names["certified"])
        let zoneText = ExplainTextReporter(style: TextStyle(colored: false)).render(ElementReport(analysis, element: zone))
        #expect(zoneText.contains("  assets: hv (cui), vm (cui)\n"))
    }

    @Test func isoOverlapCoversAHostedAssetThroughItsHostsZone() throws {
        let analysis = try analyze(Self.model)
        let overlap = try #require(ISOOverlap(analysis))
        #expect(overlap.inScopeNotCertified.map { analysis.model.assets[$0].id } == ["loose"])
        #expect(overlap.certifiedOutOfScope.isEmpty)
        let json = try object(ScopeJSONReporter().render(ModelReport(analysis, path: "m.scope")))
        let iso = try #require(json["iso27001"] as? [String: [String]])
        #expect(iso == ["in-scope-not-certified": ["loose"], "certified-out-of-scope": []])
    }
}
