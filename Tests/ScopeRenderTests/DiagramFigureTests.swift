import Foundation
import Testing
import ScopeAnalysis
import ScopeModel
@testable import ScopeRender

/// What makes a diagram an SSP figure as it is: findings drawn on their own elements (or not at all), a
/// legend drawn with the real shapes, the page asked for, and a title block.
@Suite(.serialized) struct DiagramFigureTests {
    /// The SVG text, with the `&#45;` Graphviz writes for every hyphen turned back, so rule ids read as written.
    func svg(_ analysis: Analysis, _ options: DiagramOptions) throws -> String {
        String(decoding: try Renderer().render(DiagramBuilder.build(analysis, options: options), as: .svg), as: UTF8.self)
            .replacingOccurrences(of: "&#45;", with: "-")
    }

    /// Each node's and edge's SVG group, by its id: Graphviz writes one group per element after a comment.
    func groups(_ svg: String) -> [String: [String]] {
        var groups: [String: [String]] = [:]
        for chunk in svg.components(separatedBy: "\n<!-- ").dropFirst() {
            guard let start = chunk.range(of: "<g id=\""), let end = chunk[start.upperBound...].firstIndex(of: "\"") else { continue }
            groups[String(chunk[start.upperBound..<end]), default: []].append(chunk)
        }
        return groups
    }

    /// The SVG id of a finding's subject: its node, or the edges of its relation.
    func svgID(_ subject: Subject, in model: Model) -> String? {
        switch subject {
        case .element(.asset(let a)): "asset-" + model.assets[a].id
        case .element(.provider(let p)): "provider-" + model.providers[p].id
        case .relation(.flow(let i)): "flow-\(i)"
        case .relation(.access(let i)): "access-\(i)"
        case .relation(.link(let i)): "link-\(i)"
        case .relation(.protects(let i)): "protects-\(i)"
        default: nil
        }
    }

    @Test(arguments: [FindingMarks.labels, .marks])
    func everyFindingIsDrawnInsideTheGroupOfItsSubject(marks: FindingMarks) throws {
        let analysis = try Fixtures.analysis("acme-precision")
        let groups = groups(try svg(analysis, DiagramOptions(findings: marks)))
        var checked = 0, badge = 0, badges: [Subject: Int] = [:]
        for finding in analysis.findings where !finding.isSuppressed {
            if badges[finding.subject] == nil { badge += 1; badges[finding.subject] = badge }
            guard let id = svgID(finding.subject, in: analysis.model), let drawn = groups[id] else { continue }
            let first = analysis.findings.first { $0.subject == finding.subject && !$0.isSuppressed }!.rule
            let expected = marks == .labels ? first : "[\(badges[finding.subject]!)]"
            #expect(drawn.contains { $0.contains(expected) }, "\(id): \(expected)")
            checked += 1
        }
        #expect(checked >= 15)
    }

    @Test func findingsNoneLeavesNoRuleIDInTheFigure() throws {
        let analysis = try Fixtures.analysis("acme-precision")
        let clean = try svg(analysis, DiagramOptions(findings: .none))
        for rule in Set(analysis.findings.map(\.rule)) { #expect(!clean.contains(rule), "\(rule)") }
        #expect(!clean.contains("legend-findings"))
        #expect(try svg(analysis, DiagramOptions()).contains("unscoped-touchpoint"))
    }

    @Test func theLegendDrawsEachCategoryInItsOwnShapeAndOnlyWhatIsUsed() throws {
        let groups = groups(try svg(try Fixtures.analysis("acme-precision"), DiagramOptions()))
        /// Corners of the node's outline polygon (Graphviz repeats the first point to close it).
        func corners(_ id: String) -> Int? {
            guard let group = groups[id]?.first, let points = group.components(separatedBy: "points=\"").dropFirst().first?
                .split(separator: "\"").first else { return nil }
            return points.split(separator: " ").count - 1
        }
        #expect(corners("legend-spa") == 6)
        #expect(corners("legend-specialized") == 8)
        #expect(corners("legend-cui") == 4)
        let level1 = try Fixtures.analysis("fci-shop")
        let ids = try Fixtures.svgIDs(Renderer().render(DiagramBuilder.build(level1, options: DiagramOptions()), as: .svg))
        #expect(ids.contains("legend-fci") && !ids.contains("legend-cui") && !ids.contains("legend-spa"))
    }

    @Test(arguments: PaperSize.allCases)
    func aPDFPageIsExactlyThePaper(paper: PaperSize) throws {
        let analysis = try Fixtures.analysis("acme-precision")
        for landscape in [false, true] {
            let page = Page(paper: paper, landscape: landscape)
            let pdf = try Renderer().render(DiagramBuilder.build(analysis, options: DiagramOptions(page: page)), as: .pdf)
            let text = String(decoding: pdf, as: UTF8.self)
            let box = try #require(text.components(separatedBy: "/MediaBox [").dropFirst().first?.split(separator: "]").first)
            let numbers = box.split(separator: " ").compactMap { Double($0) }
            #expect(numbers.count == 4)
            #expect(abs(numbers[2] - page.inches.width * 72) <= 1, "\(paper) \(landscape): \(numbers)")
            #expect(abs(numbers[3] - page.inches.height * 72) <= 1, "\(paper) \(landscape): \(numbers)")
        }
    }

    @Test func theTitleBlockNamesModelRevisionAndDate() throws {
        let analysis = try Fixtures.analysis("vdi-enclave")
        let options = DiagramOptions(page: Page(paper: .letter, landscape: true),
                                     title: TitleBlock(model: "Models/vdi-enclave.scope", revision: "v1.2-3-gabc1234", date: "2026-11-30"))
        let diagram = try DiagramBuilder.build(analysis, options: options)
        #expect(DOTWriter.write(diagram).contains("model Models/vdi-enclave.scope · revision v1.2-3-gabc1234 · 2026-11-30"))
        #expect(TitleBlock(model: "m.scope").text == "model m.scope")
    }
}

/// Past the node cap, the drawing folds collapsed zones into one node per category, keeps the boundary,
/// and says what it folded.
@Suite struct OverviewTests {
    @Test func manyZonesFoldIntoOneNodePerCategoryInsideTheBoundary() throws {
        var text = "data d { class cui }\n"
        for z in 0..<200 {
            text += "zone z\(z) {\n  asset s\(z) { type server\(z % 2 == 0 ? "; stores d" : "") }\n  asset w\(z) { type workstation; count 3 }\n}\n"
        }
        text += "zone guest { separation physical\n  asset ap { type wireless }\n}\n"
        let analysis = try Fixtures.analyze(text)
        let diagram = try DiagramBuilder.build(analysis, options: DiagramOptions(collapseAbove: 100))
        let drawn = diagram.root.allNodes.map(\.id).filter { !$0.hasPrefix("legend:") }
        #expect(drawn.count <= 10, "\(drawn)")
        let boundary = try #require(diagram.root.clusters.first { $0.id == "boundary" })
        #expect(boundary.allNodes.map(\.id) == ["overview:cui"])
        #expect(diagram.root.clusters.first { $0.id == "outside" }?.allNodes.map(\.id) == ["overview:out"])
        let dot = DOTWriter.write(diagram)
        #expect(dot.contains("201 zones folded into one node per category: --expand ZONE or --focus ID draws them"))
        #expect(dot.contains(#"label="CUI Assets\n400 assets (800 units) in 200 zones""#))
        // Past 20 providers, the overview draws one node per role.
        let providers = (0..<30).map { "provider p\($0) { type \($0 % 2 == 0 ? "msp" : "vendor") }\n" }.joined()
        let many = try DiagramBuilder.build(Fixtures.analyze(text + providers), options: DiagramOptions(collapseAbove: 100))
        #expect(many.root.clusters.first { $0.id == "providers" }?.nodes.map(\.id) == ["overview-provider:not-esp"])
        // Under the cap nothing folds.
        let small = try DiagramBuilder.build(analysis, options: DiagramOptions(collapseAbove: 100, maximumNodes: 1_000))
        #expect(!small.root.allNodes.contains { $0.id.hasPrefix("overview:") })
    }
}

/// The DOT of a model is ordered by stable keys (zone, then id), not by where things are written: moving
/// declarations around in the file, or adding one, leaves the rest of the drawing in its order.
@Suite struct StableOrderTests {
    func order(_ text: String) throws -> [String] {
        let diagram = try DiagramBuilder.build(Fixtures.analyze(text))
        // What the model draws: not the legend, nor the invisible edges that only arrange a grid.
        let edges = diagram.edges.filter { !$0.attributes.contains(Attribute("style", "invis")) }
        return diagram.root.allNodes.map(\.id).filter { !$0.hasPrefix("legend:") } + edges.map { "\($0.from) -> \($0.to)" }
    }

    let office = "zone office {\n  asset pc { type workstation }\n  asset printer { type printer }\n}\n"
    let lab = "zone lab {\n  asset cmm { type test-equipment; stores d }\n}\n"
    let flows = "flow cmm -> pc carries d\nflow cmm -> printer carries d\n"

    @Test func movingDeclarationsInTheFileChangesNothing() throws {
        let moved = office.replacingOccurrences(of: "  asset pc { type workstation }\n  asset printer { type printer }",
                                                with: "  asset printer { type printer }\n  asset pc { type workstation }")
        let flowsMoved = flows.split(separator: "\n").reversed().joined(separator: "\n")
        #expect(try order("data d { class cui }\n" + office + lab + flows) == order(flowsMoved + "\n" + lab + moved + "data d { class cui }\n"))
    }

    @Test func anAdditionOnlySlotsIn() throws {
        let before = try order("data d { class cui }\n" + office + lab + flows)
        let after = try order("zone annex {\n  asset kiosk { type workstation }\n}\ndata d { class cui }\n"
            + office.replacingOccurrences(of: "zone office {\n", with: "zone office {\n  asset aaa { type server }\n") + lab + flows)
        #expect(after.filter(before.contains) == before)
        #expect(Set(after).subtracting(before).allSatisfy { $0.contains("kiosk") || $0.contains("aaa") })
    }
}
