import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import ScopeAnalysis
import ScopeModel
@testable import ScopeRender

enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let models = root.appendingPathComponent("Models")
    static let diagrams = root.appendingPathComponent("Diagrams")

    static var modelNames: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: models.path)) ?? []).filter { $0.hasSuffix(".scope") }
            .map { String($0.dropLast(".scope".count)) }.sorted()
    }

    /// The example model `name`, named `Models/NAME.scope` as the CLI run from the package root names it, so
    /// that tooltips match the committed diagrams.
    static func analysis(_ name: String) throws -> Analysis {
        let bytes = try FileSystemLoader().load(models.appendingPathComponent("\(name).scope").path)
        let result = ModelLoader().load(root: SourceFile(path: "Models/\(name).scope", bytes: bytes))
        return Analysis(model: try #require(result.model))
    }

    static func analyze(_ text: String) throws -> Analysis {
        let result = ModelLoader(loader: InMemoryLoader([:])).load(root: SourceFile(path: "m.scope", text: text))
        return Analysis(model: try #require(result.model))
    }

    /// Every `id` attribute of an SVG document.
    static func svgIDs(_ data: Data) throws -> Set<String> {
        final class Collector: NSObject, XMLParserDelegate {
            var ids = Set<String>()
            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                        attributes: [String: String] = [:]) {
                if let id = attributes["id"] { ids.insert(id) }
            }
        }
        let parser = XMLParser(data: data)
        let collector = Collector()
        parser.delegate = collector
        #expect(parser.parse(), "SVG is not well-formed XML: \(String(describing: parser.parserError))")
        return collector.ids
    }
}

/// The diagrams of the example models: DOT snapshots in Diagrams/, and what Graphviz makes of them.
@Suite(.serialized) struct DiagramTests {
    static let cases = Fixtures.modelNames.flatMap { name in DiagramView.allCases.map { (name, $0) } }

    @Test(arguments: cases)
    func dotMatchesTheCommittedSnapshot(model: String, view: DiagramView) throws {
        let dot = DOTWriter.write(try DiagramBuilder.build(Fixtures.analysis(model), options: DiagramOptions(view: view)))
        let path = Fixtures.diagrams.appendingPathComponent("\(model)-\(view.rawValue).dot")
        let committed = try String(contentsOf: path, encoding: .utf8)
        #expect(dot == committed, "Diagrams/\(model)-\(view.rawValue).dot is stale: run `make diagrams`")
    }

    @Test(arguments: cases)
    func committedPicturesAreWellFormedAndCurrent(model: String, view: DiagramView) throws {
        let base = Fixtures.diagrams.appendingPathComponent("\(model)-\(view.rawValue)")
        let svg = try Data(contentsOf: base.appendingPathExtension("svg"))
        let diagram = try DiagramBuilder.build(Fixtures.analysis(model), options: DiagramOptions(view: view))
        let expected = Set(diagram.root.allNodes.compactMap { $0.attributes.first { $0.name == "id" } }.compactMap { attribute -> String? in
            if case .text(let id) = attribute.value { id } else { nil }
        })
        #expect(expected.isSubset(of: try Fixtures.svgIDs(svg)), "the SVG was not rendered from the current DOT: run `make diagrams`")
        let png = try Data(contentsOf: base.appendingPathExtension("png"))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) && png.count > 10_000)
    }

    @Test func rendersEveryFormat() throws {
        let diagram = try DiagramBuilder.build(Fixtures.analysis("acme-precision"))
        let renderer = Renderer()
        let svg = try renderer.render(diagram, as: .svg)
        let ids = try Fixtures.svgIDs(svg)
        #expect(ids.isSuperset(of: ["asset-plm", "asset-kiosk", "provider-mailhost", "boundary", "legend", "flow-0"]))
        let png = try renderer.render(diagram, as: .png)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]) && png.count > 50_000)
        let pdf = try renderer.render(diagram, as: .pdf)
        #expect(pdf.starts(with: Array("%PDF-".utf8)) && pdf.count > 10_000)
        #expect(try renderer.render(diagram, as: .dot) == Data(DOTWriter.write(diagram).utf8))
    }

    @Test func svgNodesCarryTheirCategoryAndWhyAsATooltip() throws {
        let svg = String(decoding: try Renderer().render(try DiagramBuilder.build(Fixtures.analysis("acme-precision")), as: .svg), as: UTF8.self)
        // Graphviz writes `-` as `&#45;`; an XML parser reads `asset-kiosk`.
        #expect(svg.contains("<g id=\"asset&#45;kiosk\" class=\"node\">"))
        #expect(svg.contains("xlink:title=\"kiosk: CUI Asset&#10;can reach CUI on core&#45;sw"))
    }

    @Test func theSameInputGivesByteIdenticalDOT() throws {
        for view in DiagramView.allCases {
            let first = DOTWriter.write(try DiagramBuilder.build(Fixtures.analysis("acme-precision"), options: DiagramOptions(view: view)))
            let second = DOTWriter.write(try DiagramBuilder.build(Fixtures.analysis("acme-precision"), options: DiagramOptions(view: view)))
            #expect(first == second)
        }
    }

    @Test func aFigureDrawnAfterOthersIsTheSameAsTheCommittedOne() throws {
        // cgraph's own IDs are heap addresses: clusters came out in another order once other graphs had been
        // laid out in the process. Drawn after every other view, each view must still match its snapshot.
        let analysis = try Fixtures.analysis("acme-precision")
        let renderer = Renderer()
        for _ in 0..<2 {
            for view in DiagramView.allCases.reversed() {
                let svg = try renderer.render(DiagramBuilder.build(analysis, options: DiagramOptions(view: view)), as: .svg)
                let committed = try Data(contentsOf: Fixtures.diagrams.appendingPathComponent("acme-precision-\(view.rawValue).svg"))
                #expect(svg == committed, "\(view.rawValue)")
            }
        }
    }

    @Test func boundaryViewPutsInScopeAssetsInsideTheBoundary() throws {
        let diagram = try DiagramBuilder.build(Fixtures.analysis("acme-precision"))
        let boundary = try #require(diagram.root.clusters.first { $0.id == "boundary" })
        let outside = try #require(diagram.root.clusters.first { $0.id == "outside" })
        let providers = try #require(diagram.root.clusters.first { $0.id == "providers" })
        #expect(boundary.allNodes.contains { $0.id == "asset:kiosk" })
        #expect(!boundary.allNodes.contains { $0.id == "asset:guest-ap" } && outside.allNodes.contains { $0.id == "asset:guest-ap" })
        #expect(outside.allNodes.contains { $0.id == "asset:classified-ws" })
        // By id, not declaration order: a stable key.
        #expect(providers.nodes.map(\.id) == ["provider:bluewave", "provider:gcc-high", "provider:heatco", "provider:mailhost",
                                              "provider:prime", "provider:sentinel", "provider:webhost"])
    }

    @Test func findingsAreMarkedOnTheirElements() throws {
        let dot = DOTWriter.write(try DiagramBuilder.build(Fixtures.analysis("acme-precision")))
        #expect(dot.contains(##""asset:kiosk" [shape="box", style="filled,bold", fillcolor="#f5b7b1", color="#922b21", fontcolor="#1b2631", label="Shop-floor time kiosk\nkiosk · workstation\n! unscoped-touchpoint""##))
        // On the edge's own label, never a free `xlabel`.
        #expect(dot.contains(##"taillabel="! cui-transit-unencrypted", labelfontcolor="#c0392b""##))
        #expect(!dot.contains("xlabel"))
    }

    @Test func dataflowViewShowsOnlyHoldersWithLabelledFlows() throws {
        let diagram = try DiagramBuilder.build(Fixtures.analysis("acme-precision"), options: DiagramOptions(view: .dataflow))
        let nodes = Set(diagram.root.allNodes.map(\.id))
        #expect(nodes.contains("asset:plm") && !nodes.contains("asset:guest-ap") && !nodes.contains("asset:edge-fw"))
        #expect(diagram.root.clusters.isEmpty, "no clusters: edge labels stay clear of Graphviz's cluster trap")
        let dot = DOTWriter.write(diagram)
        #expect(dot.contains(##""asset:eng-ws" -> "asset:print-eng" [color="#c0392b", penwidth="2.5", id="flow-5", tooltip="eng-ws -> print-eng", label="presumed: drawings\n! unlabeled-flow""##))
    }

    @Test func focusDrawsANeighbourhood() throws {
        let analysis = try Fixtures.analysis("acme-precision")
        let one = try DiagramBuilder.build(analysis, options: DiagramOptions(focus: "mail", depth: 1))
        #expect(Set(one.root.allNodes.map(\.id).filter { !$0.hasPrefix("legend:") }) == ["asset:mail", "asset:eng-ws", "provider:heatco", "provider:mailhost"])
        let two = try DiagramBuilder.build(analysis, options: DiagramOptions(focus: "mail", depth: 2))
        #expect(two.nodeCount > one.nodeCount)
        #expect(throws: DiagramError.self) { try DiagramBuilder.build(analysis, options: DiagramOptions(focus: "maill")) }
        do {
            _ = try DiagramBuilder.build(analysis, options: DiagramOptions(focus: "maill"))
        } catch {
            #expect("\(error)" == "no element `maill` in the model; did you mean `mail`?")
        }
    }

    @Test func largeModelsCollapseZonesUnlessExpanded() throws {
        let analysis = try Fixtures.analysis("acme-precision")
        let collapsed = try DiagramBuilder.build(analysis, options: DiagramOptions(collapseAbove: 10))
        let ids = Set(collapsed.root.allNodes.map(\.id))
        #expect(ids.contains("zone:enclave") && ids.contains("zone:corp") && !ids.contains("asset:plm"))
        let label = collapsed.root.allNodes.first { $0.id == "zone:enclave" }?.attributes.first { $0.name == "label" }?.value
        #expect(label == .text("CUI enclave\nenclave · 9 assets\n8 cui · 1 crma"))
        let expanded = try DiagramBuilder.build(analysis, options: DiagramOptions(expand: ["enclave"], collapseAbove: 10))
        let expandedIDs = Set(expanded.root.allNodes.map(\.id))
        #expect(expandedIDs.contains("asset:plm") && expandedIDs.contains("zone:corp") && !expandedIDs.contains("zone:enclave"))
        let capped = try DiagramBuilder.build(analysis, options: DiagramOptions(collapseAbove: 10, maximumEdges: 3))
        #expect(capped.edges.filter { !$0.attributes.contains(Attribute("style", "invis")) }.count == 3)
        #expect(capped.attributes.first == Attribute("label", "Acme Precision Parts: CMMC assessment boundary (26 more connections not drawn)"))
    }

    @Test func graphvizErrorsSurfaceWithTheirMessage() throws {
        #expect {
            try Renderer().render(dot: "digraph { a -> }", nodeCount: 1, as: .svg)
        } throws: { error in
            "\(error)".hasPrefix("Graphviz could not read the diagram: syntax error in line")
        }
    }

    @Test func aLayoutPastItsTimeoutIsStopped() throws {
        var diagram = Diagram()
        let count = 2500
        diagram.root.nodes = (0..<count).map { Node(id: "n\($0)", attributes: []) }
        diagram.edges = (0..<(count * 3)).map { Edge(from: "n\($0 % count)", to: "n\(($0 * 7919 + 13) % count)", attributes: []) }
        let renderer = Renderer(engine: .dot, timeout: .milliseconds(300))
        #expect {
            try renderer.render(diagram, as: .svg)
        } throws: { error in
            "\(error)".hasPrefix("the dot layout took longer than 0.3 s and was stopped")
        }
    }

    @Test func theTimeoutHintNeverSuggestsTheEngineThatTimedOut() throws {
        var diagram = Diagram()
        diagram.root.nodes = (0..<3000).map { Node(id: "n\($0)", attributes: []) }
        diagram.edges = (0..<9000).map { Edge(from: "n\($0 % 3000)", to: "n\(($0 * 7919 + 13) % 3000)", attributes: []) }
        for (engine, hint) in [(LayoutEngine.sfdp, false), (.dot, true)] {
            #expect {
                try Renderer(engine: engine, timeout: .milliseconds(5)).render(diagram, as: .svg)
            } throws: { error in
                "\(error)".hasPrefix("the \(engine.rawValue) layout took longer than 5 ms and was stopped")
                    && "\(error)".contains("try --layout sfdp") == hint
            }
        }
    }

    @Test func durationsAreWrittenAsPeopleReadThem() {
        #expect(Renderer.seconds(.seconds(60)) == "60 s" && Renderer.seconds(.milliseconds(300)) == "0.3 s")
        #expect(Renderer.seconds(.milliseconds(5)) == "5 ms" && Renderer.seconds(.milliseconds(1250)) == "1.250 s")
    }

    @Test func engineDependsOnSize() {
        #expect(LayoutEngine.forSize(100) == .dot && LayoutEngine.forSize(5_000) == .dot)
        #expect(LayoutEngine.forSize(5_001) == .sfdp)
        #expect(OutputFormat(path: "a/b.SVG") == .svg && OutputFormat(path: "x.jpeg") == nil && OutputFormat(path: "noext") == nil)
    }
}

extension Cluster {
    var allNodes: [Node] { nodes + clusters.flatMap(\.allNodes) }
}
