import ScopeModel

/// What a rule reads: the model and every pass's result, with the questions rules ask of them.
struct RuleContext {
    let model: Model
    let level: Int
    let graph: ScopeGraph
    let holdings: Holdings
    let categorization: Categorization
    /// Nil at level 1, where reachability plays no part.
    let reachability: Reachability?
    let explainer: Explainer
    /// Whether some asset inside each zone (nested zones included) is in scope.
    let zoneInScope: [Bool]

    init(model: Model, level: Int, graph: ScopeGraph, holdings: Holdings, categorization: Categorization,
         reachability: Reachability?) {
        self.reachability = reachability
        self.model = model
        self.level = level
        self.graph = graph
        self.holdings = holdings
        self.categorization = categorization
        explainer = Explainer(model: model)
        var zones = [Bool](repeating: false, count: graph.zoneCount)
        for a in model.assets.indices where categorization.categories[a].inScope && !graph.inNoZone[a] {
            graph.enterZones(from: graph.effectiveZone[a]) { zone in
                defer { zones[zone] = true }
                return !zones[zone]
            }
        }
        zoneInScope = zones
    }

    func category(_ asset: Int) -> AssetCategory { categorization.categories[asset] }

    func holdsCUI(_ endpoint: Endpoint) -> Bool { holdings.holdsAny(graph.node(endpoint), of: graph.cuiMask) }

    func holdsRestricted(_ endpoint: Endpoint) -> Bool { holdings.holdsAny(graph.node(endpoint), of: graph.restrictedMask) }

    /// An in-scope asset, or a zone with one inside.
    func isInScope(_ endpoint: Endpoint) -> Bool {
        switch endpoint {
        case .asset(let a): category(a).inScope
        case .zone(let z): zoneInScope[z]
        case .provider(let p): categorization.providerRoles[p].inScope
        }
    }

    /// The CUI items `endpoint` holds, each with the chain that brought it, as evidence lines.
    func cuiEvidence(_ endpoint: Endpoint, mask: [UInt64]? = nil) -> [String] {
        let node = graph.node(endpoint)
        let mask = mask ?? graph.cuiMask
        return holdings.items(node).filter { mask[$0 >> 6] & (1 << UInt64($0 & 63)) != 0 }.map { item in
            explainer.text(holdings.reason(node, item, in: model))
        }
    }

    func evidence(_ step: Step) -> String { explainer.text(step) }

    /// The path by which a CUI-reachable asset reaches CUI, as one evidence line.
    func reachEvidence(_ asset: Int) -> [String] {
        reachability?.reason(asset, in: model).map { [explainer.text($0)] } ?? []
    }

    /// Whether `endpoint` is a U.S. person (or U.S.-persons-only provider) in the US: `.no` when known not to
    /// be, `.unknown` when either fact is missing.
    func usPersonStatus(_ endpoint: Endpoint) -> Knowledge {
        let (country, usPersons): (String?, Knowledge) = switch endpoint {
        case .asset(let a): (model.assets[a].country, model.assets[a].usPersons)
        case .provider(let p): (model.providers[p].country, model.providers[p].usPersons)
        case .zone: (nil, .unknown)
        }
        if usPersons == .no || (country != nil && country != "US") { return .no }
        return usPersons == .yes && country == "US" ? .yes : .unknown
    }

    func subject(_ relation: RelationRef) -> String { explainer.subject(relation) }

    /// The CUI a flow carries: labelled, or presumed for an unlabeled flow from (or, both ways, between)
    /// CUI holders. Nil when it carries none.
    func carriedCUI(_ flow: Flow) -> (items: [String], presumed: Bool)? {
        switch flow.carries {
        case .data(let items):
            let cui = items.filter { model.data[$0].dataClass == .cui }.map { model.data[$0].id }
            return cui.isEmpty ? nil : (cui, false)
        case .unlabeled:
            var sources = [graph.node(flow.from)]
            if flow.bidirectional { sources.append(graph.node(flow.to)) }
            let items = Set(sources.flatMap { holdings.items($0) }).sorted().filter { model.data[$0].dataClass == .cui }
            return items.isEmpty ? nil : (items.map { model.data[$0].id }, true)
        }
    }
}
