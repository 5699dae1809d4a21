import ScopeAnalysis
import ScopeModel

/// The diagrams an assessor expects in a System Security Plan.
public enum DiagramView: String, CaseIterable, Sendable {
    /// The assessment boundary as one outlined cluster holding zones; out-of-scope assets and providers outside.
    case boundary
    /// Assets and providers that hold CUI or FCI, with the flows between them labelled with what they carry.
    case dataflow
    /// Zones, links, separation and boundary devices.
    case network
}

public struct DiagramOptions: Sendable {
    public var view: DiagramView
    /// Draw only the neighbourhood of this element, `depth` relations deep.
    public var focus: String?
    public var depth: Int
    /// Zones kept expanded when the rest collapse.
    public var expand: Set<String>
    /// Past this many assets, each top-level zone is drawn as one node with counts per category.
    public var collapseAbove: Int
    /// Collapsed views draw at most this many aggregated edges; the title says how many were left out.
    public var maximumEdges: Int
    /// Past this many nodes, collapsed zones and loose assets fold into one overview node per category; the
    /// title says what was folded and how to see it.
    public var maximumNodes: Int
    /// A design change to mark: added elements and relations in green, removed ones ghosted.
    public var changes: DiagramChanges?
    /// How findings are drawn on the elements they concern.
    public var findings: FindingMarks
    /// The paper the drawing is fitted to; nil draws at natural size.
    public var page: Page?
    /// What the title block says besides the organization and the view.
    public var title: TitleBlock?

    public init(view: DiagramView = .boundary, focus: String? = nil, depth: Int = 1, expand: Set<String> = [],
                collapseAbove: Int = 250, maximumEdges: Int = 200, maximumNodes: Int = 120, changes: DiagramChanges? = nil,
                findings: FindingMarks = .labels, page: Page? = nil, title: TitleBlock? = nil) {
        self.changes = changes
        self.findings = findings
        self.page = page
        self.title = title
        self.view = view
        self.focus = focus
        self.depth = depth
        self.expand = expand
        self.collapseAbove = collapseAbove
        self.maximumEdges = maximumEdges
        self.maximumNodes = maximumNodes
    }
}

/// How a diagram shows findings: not at all (a clean SSP figure), as numbered badges keyed to a table
/// beside the legend, or as rule ids. Either way a finding is drawn on its own element: in the node, or on
/// the edge's own label, never as a free label Graphviz may place anywhere.
public enum FindingMarks: String, CaseIterable, Sendable {
    case none, marks, labels
}

/// A sheet of paper, in inches, portrait.
public enum PaperSize: String, CaseIterable, Sendable {
    case letter, legal, tabloid, a4, a3

    public var inches: (width: Double, height: Double) {
        switch self {
        case .letter: (8.5, 11)
        case .legal: (8.5, 14)
        case .tabloid: (11, 17)
        case .a4: (8.2677, 11.6929)
        case .a3: (11.6929, 16.5354)
        }
    }
}

/// The page a drawing is fitted to: its paper and orientation. The PDF page is exactly this size.
public struct Page: Sendable, Equatable {
    public var paper: PaperSize
    public var landscape: Bool
    /// White space kept on every side, in inches.
    public static let margin = 0.4

    public init(paper: PaperSize, landscape: Bool) {
        self.paper = paper
        self.landscape = landscape
    }

    /// Width and height in inches, as oriented.
    public var inches: (width: Double, height: Double) {
        let (w, h) = paper.inches
        return landscape ? (h, w) : (w, h)
    }
}

/// The second line of the title: which model, which revision of it, and when.
public struct TitleBlock: Sendable, Equatable {
    public var model: String
    public var revision: String?
    public var date: String?

    public init(model: String, revision: String? = nil, date: String? = nil) {
        self.model = model
        self.revision = revision
        self.date = date
    }

    /// `model Models/acme.scope · revision v1.2-3-gabc123 · 2026-11-30`.
    public var text: String {
        (["model \(model)"] + [revision.map { "revision \($0)" }, date].compactMap { $0 }).joined(separator: " · ")
    }
}

public enum DiagramError: Error, CustomStringConvertible {
    case unknownElement(String, suggestion: String?)
    /// `--expand` names something that is not a zone.
    case notAZone(String, suggestion: String?)

    public var description: String {
        switch self {
        case .unknownElement(let id, let suggestion):
            "no element `\(id)` in the model" + (suggestion.map { "; did you mean `\($0)`?" } ?? "")
        case .notAZone(let id, let suggestion):
            "--expand takes a zone, and the model has no zone `\(id)`" + (suggestion.map { "; did you mean `\($0)`?" } ?? "")
        }
    }
}

/// Builds the `Diagram` of one view of an analysis.
public struct DiagramBuilder {
    let analysis: Analysis
    let model: Model
    let options: DiagramOptions
    let explainer: Explainer
    /// Rule ids of the unsuppressed findings on each subject; empty with `--findings none`.
    let findings: [Subject: [String]]
    /// Each subject's badge number, in report order, for `--findings marks`.
    let badges: [Subject: Int]
    var showAsset: [Bool]
    var showProvider: [Bool]
    /// For each asset, the top-level zone it collapses into, when collapsed.
    var collapsedInto: [Int?]
    /// For each collapsed top-level zone, one of its assets (they all share the zone's node).
    var collapsedMember: [Int: Int] = [:]
    /// For each asset folded into the overview, the category whose node stands for it.
    var folded: [AssetCategory?]
    /// How many collapsed zones the overview folded.
    var foldedZones = 0
    /// Whether the overview folds providers into one node per role (past `DiagramBuilder.foldProvidersAbove`).
    var foldsProviders = false
    static let foldProvidersAbove = 20
    /// The zone each asset is drawn in (its own, or its host's).
    let placement: [Int?]
    /// Filled while edges are built: the kinds drawn (for the legend) and how many were left out.
    var edgeKinds: [DiagramStyle.EdgeKind] = []
    var omittedEdges = 0
    /// Invisible edges that only arrange nodes; drawn after the real ones.
    var layoutEdges: [Edge] = []

    public static func build(_ analysis: Analysis, options: DiagramOptions = DiagramOptions()) throws -> Diagram {
        var builder = try DiagramBuilder(analysis, options: options)
        return builder.build()
    }

    init(_ analysis: Analysis, options: DiagramOptions) throws {
        let model = analysis.model
        self.analysis = analysis
        self.model = model
        self.options = options
        explainer = Explainer(model: model)
        var findings: [Subject: [String]] = [:], badges: [Subject: Int] = [:]
        for finding in analysis.findings where options.findings != .none && !finding.isSuppressed
            && !(findings[finding.subject]?.contains(finding.rule) ?? false) {
            findings[finding.subject, default: []].append(finding.rule)
            if badges[finding.subject] == nil { badges[finding.subject] = badges.count + 1 }
        }
        self.findings = findings
        self.badges = badges
        placement = model.assets.indices.map(model.zone(placing:))

        let holdsData = { (items: [Int]) in items.contains { [.cui, .fci].contains(model.data[$0].dataClass) } }
        switch options.view {
        case .boundary:
            showAsset = model.assets.map { _ in true }
            showProvider = model.providers.map { _ in true }
        case .dataflow:
            showAsset = model.assets.indices.map { holdsData(analysis.holdings(ofAsset: $0)) }
            showProvider = model.providers.indices.map { holdsData(analysis.holdings(ofProvider: $0)) }
        case .network:
            // SaaS tenants and cloud appliances hosted on a provider are on none of the organization's networks.
            showAsset = model.assets.indices.map { model.assets[$0].type.isNetworkNode && !model.livesWithProvider($0) }
            showProvider = model.providers.map { _ in false }
        }
        collapsedInto = model.assets.map { _ in nil }
        folded = model.assets.map { _ in nil }
        if let focus = options.focus {
            guard let element = model.names[focus] else {
                throw DiagramError.unknownElement(focus, suggestion: Suggestion.nearest(to: focus, in: model.names.keys.sorted()))
            }
            restrict(toNeighbourhoodOf: element)
        }
        let expanded = Set(try options.expand.map { id -> Int in
            guard case .zone(let z)? = model.names[id] else {
                throw DiagramError.notAZone(id, suggestion: Suggestion.nearest(to: id, in: model.zones.map(\.id)))
            }
            return model.topZone(of: z)
        })
        if showAsset.count(where: { $0 }) > options.collapseAbove {
            for a in model.assets.indices where showAsset[a] {
                guard let zone = placement[a] else { continue }
                let top = model.topZone(of: zone)
                guard !expanded.contains(top) else { continue }
                collapsedInto[a] = top
                if collapsedMember[top] == nil { collapsedMember[top] = a }
            }
        }
        // The overview: past the node cap, collapsed zones and loose assets fold into a node per category.
        let drawn = collapsedMember.count + showAsset.count { $0 } - collapsedInto.count { $0 != nil } + showProvider.count { $0 }
        if drawn > options.maximumNodes, options.focus == nil {
            for a in model.assets.indices where showAsset[a] && (collapsedInto[a] != nil || placement[a] == nil) {
                folded[a] = analysis.assetCategories[a]
            }
            foldedZones = collapsedMember.count
            foldsProviders = showProvider.count { $0 } > DiagramBuilder.foldProvidersAbove
        }
    }

    // MARK: Focus

    /// Keeps the elements within `depth` relations of `element` (relations, `via` devices, hosting and zone
    /// membership all count as one step).
    private mutating func restrict(toNeighbourhoodOf element: ElementRef) {
        let (assets, providers, zones) = (model.assets.count, model.providers.count, model.zones.count)
        func index(_ endpoint: Endpoint) -> Int {
            switch endpoint {
            case .asset(let a): a
            case .provider(let p): assets + p
            case .zone(let z): assets + providers + z
            }
        }
        var neighbours = [[Int]](repeating: [], count: assets + providers + zones)
        func connect(_ a: Int, _ b: Int) {
            neighbours[a].append(b)
            neighbours[b].append(a)
        }
        for flow in model.flows {
            connect(index(flow.from), index(flow.to))
            for device in flow.via { connect(device, index(flow.from)); connect(device, index(flow.to)) }
        }
        for link in model.links {
            connect(index(link.a), index(link.b))
            for device in link.via { connect(device, index(link.a)); connect(device, index(link.b)) }
        }
        for access in model.accesses { connect(index(access.from), index(access.to)) }
        for protection in model.protections { connect(index(protection.from), index(protection.to)) }
        for (a, asset) in model.assets.enumerated() {
            switch asset.hostedOn {
            case .asset(let host)?: connect(a, host)
            case .provider(let host)?: connect(a, assets + host)
            case nil: break
            }
            if let zone = placement[a] { connect(a, assets + providers + zone) }
        }
        let start = switch element {
        case .asset(let a): a
        case .provider(let p): assets + p
        case .zone(let z): assets + providers + z
        case .data: -1
        }
        var distance = [Int](repeating: -1, count: neighbours.count)
        var queue: [Int] = []
        if start >= 0 {
            distance[start] = 0
            queue.append(start)
        } else if case .data(let d) = element {
            // A data item's neighbourhood: whatever holds it.
            for a in 0..<assets where analysis.holdings(ofAsset: a).contains(d) { distance[a] = 0; queue.append(a) }
            for p in 0..<providers where analysis.holdings(ofProvider: p).contains(d) { distance[assets + p] = 0; queue.append(assets + p) }
        }
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            guard distance[node] < options.depth else { continue }
            for next in neighbours[node] where distance[next] < 0 {
                distance[next] = distance[node] + 1
                queue.append(next)
            }
        }
        for a in 0..<assets { showAsset[a] = showAsset[a] && distance[a] >= 0 }
        for p in 0..<providers { showProvider[p] = showProvider[p] && distance[assets + p] >= 0 }
    }
}
