import ScopeModel

/// What a rule reads: the model and every pass's result, with the questions rules ask of them.
struct RuleContext {
    let model: Model
    let level: Int
    let graph: ScopeGraph
    let holdings: Holdings
    let reachability: Reachability
    let categorization: Categorization
    /// Who can reach export-controlled data, for the four export rules.
    let exportReach: ExportReach
    /// CUI flows that leave their segment, for the two transit rules (levels 2–3).
    let exposedCUIFlows: [(index: Int, evidence: Reason)]

    /// What the rules ask of the holdings alone, which `Analysis` finds while passes 2 to 4 run.
    struct HoldingsAnswers {
        let exportReach: ExportReach
        let exposedCUIFlows: [(index: Int, evidence: Reason)]

        init(level: Int, graph: ScopeGraph, holdings: Holdings) {
            exportReach = ExportReach(graph: graph, holdings: holdings)
            exposedCUIFlows = level > 1 ? RuleContext.exposedCUIFlows(graph.model, graph, holdings) : []
        }
    }

    init(model: Model, level: Int, graph: ScopeGraph, holdings: Holdings, reachability: Reachability, categorization: Categorization,
         answers: HoldingsAnswers) {
        self.model = model
        self.level = level
        self.graph = graph
        self.holdings = holdings
        self.reachability = reachability
        self.categorization = categorization
        exportReach = answers.exportReach
        exposedCUIFlows = answers.exposedCUIFlows
    }

    func category(_ asset: Int) -> AssetCategory { categorization.categories[asset] }

    func holdsCUI(_ endpoint: Endpoint) -> Bool { holdings.holdsAny(graph.node(endpoint), of: graph.cuiMask) }

    func holdsRestricted(_ endpoint: Endpoint) -> Bool { holdings.holdsAny(graph.node(endpoint), of: graph.restrictedMask) }

    /// A CUI Asset or an SPA, or a zone with one inside: what is assessed against every requirement (a CRMA
    /// and a Specialized Asset are not; at level 3 a CRMA is a CUI Asset already).
    func isAssessed(_ endpoint: Endpoint) -> Bool {
        switch endpoint {
        case .asset(let a): category(a) == .cui || category(a) == .spa
        case .zone(let z): categorization.zoneHoldsAssessed[z]
        case .provider: false
        }
    }

    /// The CUI items (or those of `mask`) `endpoint` holds, each with the chain that brought it.
    func cuiEvidence(_ endpoint: Endpoint, mask: [UInt64]? = nil) -> [Reason] {
        holdings.reasons(graph.node(endpoint), mask: mask ?? graph.cuiMask)
    }

    /// The path by which a CUI-reachable asset reaches CUI.
    func reachEvidence(_ asset: Int) -> [Reason] { reachability.reason(asset).map { [$0] } ?? [] }

    /// Relations as written, as evidence.
    func written(_ steps: Step...) -> Reason { Reason(.written, steps) }

    func written(_ steps: [Step]) -> Reason { Reason(.written, steps) }

    /// Whether `endpoint` is a U.S. person (or U.S.-persons-only provider) in the US: `.no` when known not to
    /// be, `.unknown` when either fact is missing.
    func usPersonStatus(_ endpoint: Endpoint) -> Knowledge { model.usPersonStatus(endpoint) }

    /// The CUI a flow carries: labelled, or presumed for an unlabeled flow. Nil when it carries none.
    func carriedCUI(_ flow: Int) -> (items: [Int], presumed: Bool)? { RuleContext.carriedCUI(model.flows[flow], graph, holdings) }

    static func carriedCUI(_ flow: Flow, _ graph: ScopeGraph, _ holdings: Holdings) -> (items: [Int], presumed: Bool)? {
        let carried = holdings.carried(flow, graph: graph)
        let cui = carried.items.filter { graph.model.data[$0].dataClass == .cui }
        return cui.isEmpty ? nil : (cui, carried.presumed)
    }
}

extension RuleContext {
    /// The id an end names, for messages.
    func name(_ endpoint: Endpoint) -> String { model.id(of: endpoint.element) }
}

extension Model {
    /// Whether `endpoint` is a U.S. person (or a U.S.-persons-only provider) in the US: `.no` when known not
    /// to be, `.unknown` when either fact is missing.
    func usPersonStatus(_ endpoint: Endpoint) -> Knowledge {
        let (country, usPersons): (String?, Knowledge) = switch endpoint {
        case .asset(let a): (assets[a].country, assets[a].usPersons)
        case .provider(let p): (providers[p].country, providers[p].usPersons)
        case .zone: (nil, .unknown)
        }
        if usPersons == .no || (country != nil && country != "US") { return .no }
        return usPersons == .yes && country == "US" ? .yes : .unknown
    }
}
