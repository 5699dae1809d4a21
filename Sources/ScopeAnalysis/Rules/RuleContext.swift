import ScopeModel

/// What a rule reads: the model and every pass's result, with the questions rules ask of them.
struct RuleContext {
    let model: Model
    let level: Int
    let graph: ScopeGraph
    let holdings: Holdings
    let reachability: Reachability
    let categorization: Categorization

    func category(_ asset: Int) -> AssetCategory { categorization.categories[asset] }

    func holdsCUI(_ endpoint: Endpoint) -> Bool { holdings.holdsAny(graph.node(endpoint), of: graph.cuiMask) }

    func holdsRestricted(_ endpoint: Endpoint) -> Bool { holdings.holdsAny(graph.node(endpoint), of: graph.restrictedMask) }

    /// An in-scope asset or provider, or a zone with an in-scope asset inside.
    func isInScope(_ endpoint: Endpoint) -> Bool {
        switch endpoint {
        case .asset(let a): category(a).inScope
        case .zone(let z): categorization.zoneInScope[z]
        case .provider(let p): categorization.providerRoles[p].inScope
        }
    }

    /// The CUI items (or those of `mask`) `endpoint` holds, each with the chain that brought it.
    func cuiEvidence(_ endpoint: Endpoint, mask: [UInt64]? = nil) -> [Reason] {
        holdings.reasons(graph.node(endpoint), mask: mask ?? graph.cuiMask)
    }

    /// The path by which a CUI-reachable asset reaches CUI.
    func reachEvidence(_ asset: Int) -> [Reason] { reachability.reason(asset).map { [$0] } ?? [] }

    /// A relation as written, as evidence.
    func written(_ step: Step) -> Reason { Reason(.written, [step]) }

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

    /// The CUI a flow carries: labelled, or presumed for an unlabeled flow. Nil when it carries none.
    func carriedCUI(_ flow: Int) -> (items: [Int], presumed: Bool)? {
        let carried = holdings.carried(model.flows[flow], graph: graph)
        let cui = carried.items.filter { model.data[$0].dataClass == .cui }
        return cui.isEmpty ? nil : (cui, carried.presumed)
    }
}

extension RuleContext {
    /// The id an end names, for messages.
    func name(_ endpoint: Endpoint) -> String { model.id(of: endpoint.element) }
}
