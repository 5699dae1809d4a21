import ScopeModel

/// One design change the advisor considers (docs/advisor.md): an edit of one statement of the model, made
/// both to the resolved model (to verify it) and to the text (to show and apply it).
public enum Move: Hashable, Sendable, Comparable {
    case separateZone(Int)
    case separateLink(Int)
    case labelFlow(Int)
    case removeFlow(Int)
    case removeAccess(Int)
    case addPolicy(asset: Int)
    case moveData(asset: Int, item: Int)

    /// The kinds of suggestion, as `advise --format json` names them.
    public enum Kind: String, Sendable, CaseIterable, Comparable {
        case separateZone = "separate-zone", separateLink = "separate-link", labelFlow = "label-flow"
        case removeFlow = "remove-flow", removeAccess = "remove-access", addPolicy = "add-policy"
        case moveData = "move-data", combined

        public static func < (lhs: Kind, rhs: Kind) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    public var kind: Kind {
        switch self {
        case .separateZone: .separateZone
        case .separateLink: .separateLink
        case .labelFlow: .labelFlow
        case .removeFlow: .removeFlow
        case .removeAccess: .removeAccess
        case .addPolicy: .addPolicy
        case .moveData: .moveData
        }
    }

    // Ordered by kind, then by the index of what they edit: the tie-break that keeps the output stable.
    public static func < (lhs: Move, rhs: Move) -> Bool { (lhs.kind, lhs.indices) < (rhs.kind, rhs.indices) }

    private var indices: Int {
        switch self {
        case .separateZone(let i), .separateLink(let i), .labelFlow(let i), .removeFlow(let i), .removeAccess(let i),
             .addPolicy(let i): i
        case .moveData(let asset, let item): asset << 20 | item
        }
    }

    /// The policy text an `add-policy` move writes: a placeholder the caveat asks the user to replace.
    static let policyPlaceholder = "Write the procedure that keeps CUI off this asset"

    /// What it edits, as findings name it: `zone corp`, `link corp -- lab`, `flow a -> b`, `asset kiosk`.
    public func target(in model: Model) -> String {
        let explainer = Explainer(model: model)
        switch self {
        case .separateZone(let z): return "zone \(model.zones[z].id)"
        case .separateLink(let l): return explainer.relationText(.link(l))
        case .labelFlow(let f), .removeFlow(let f): return explainer.relationText(.flow(f))
        case .removeAccess(let i): return explainer.relationText(.access(i))
        case .addPolicy(let a): return "asset \(model.assets[a].id)"
        case .moveData(let a, let item): return "asset \(model.assets[a].id) (\(model.data[item].id))"
        }
    }

    /// The elements it edits by id, and for a relation its ends: `corp -- lab`.
    public func targetIDs(in model: Model) -> [String] {
        let explainer = Explainer(model: model)
        switch self {
        case .separateZone(let z): return [model.zones[z].id]
        case .separateLink(let l): return [explainer.subjectText(.link(l))]
        case .labelFlow(let f), .removeFlow(let f): return [explainer.subjectText(.flow(f))]
        case .removeAccess(let i): return [explainer.subjectText(.access(i))]
        case .addPolicy(let a): return [model.assets[a].id]
        case .moveData(let a, let item): return [model.assets[a].id, model.data[item].id]
        }
    }

    /// The statement it edits: where it was written.
    public func span(in model: Model) -> SourceSpan {
        switch self {
        case .separateZone(let z): model.zones[z].span
        case .separateLink(let l): model.links[l].span
        case .labelFlow(let f), .removeFlow(let f): model.flows[f].span
        case .removeAccess(let i): model.accesses[i].span
        case .addPolicy(let a), .moveData(let a, _): model.assets[a].span
        }
    }

    /// The same change, to the model's text.
    public func edits(in model: Model) -> [ModelEdit] {
        let statement = span(in: model).offset
        switch self {
        case .separateZone, .separateLink: return [.setAttribute(statement: statement, key: "separation", value: "logical")]
        case .labelFlow: return [.carryNothing(flow: statement)]
        case .removeFlow, .removeAccess: return [.delete(statement: statement)]
        case .addPolicy: return [.setAttribute(statement: statement, key: "policy", value: "\"\(Move.policyPlaceholder)\"")]
        case .moveData(let a, let item):
            let asset = model.assets[a]
            return [("stores", asset.stores), ("processes", asset.processes)].filter { $0.1.contains(item) }.map {
                .removeValue(statement: statement, key: $0.0, value: model.data[item].id)
            }
        }
    }

    /// What the user must still do or check for the change to hold in the real network.
    public func caveats(in model: Model) -> [String] {
        switch self {
        case .separateZone(let z):
            return ["zone \(model.zones[z].id) needs a boundary device (firewall, VLAN ACL) that enforces the separation; "
                    + "document it in the SSP and name it with `via` on the links that cross it"]
        case .separateLink(let l):
            let link = model.links[l], name = Explainer(model: model).relationText(.link(l))
            return link.via.isEmpty
                ? ["\(name) names no `via` device: a boundary device is needed to enforce the separation; add it with `via`"]
                : ["document how " + link.via.map { model.assets[$0].id }.joined(separator: ", ") + " enforces the separation of \(name)"]
        case .labelFlow:
            return ["only if the flow really carries no CUI; if it needs some, label it with exactly those data items"]
        case .removeFlow:
            return ["the business may need this flow: confirm it can stop, or route it through the enclave"]
        case .removeAccess:
            return ["the access may be needed for administration: give it from inside the boundary instead"]
        case .addPolicy(let a):
            return ["write the policy that keeps CUI off \(model.assets[a].id) and replace the placeholder text; "
                    + "the asset stays in scope as a Contractor Risk Managed Asset"]
        case .moveData(let a, let item):
            return ["move \(model.data[item].id) to an in-scope store if the business needs it; \(model.assets[a].id) must then not hold it"]
        }
    }

    /// Applies `moves` to a resolved model: removals last, from the highest index down, so indices stay valid.
    static func apply(_ moves: [Move], to model: Model) -> Model {
        var model = model
        var removedFlows: [Int] = [], removedAccesses: [Int] = []
        for move in moves {
            switch move {
            case .separateZone(let z): model.zones[z].separation = .logical
            case .separateLink(let l): model.links[l].separation = .logical
            case .labelFlow(let f): model.flows[f].carries = .data([])
            case .removeFlow(let f): removedFlows.append(f)
            case .removeAccess(let i): removedAccesses.append(i)
            case .addPolicy(let a): model.assets[a].policy = Move.policyPlaceholder
            case .moveData(let a, let item):
                model.assets[a].stores.removeAll { $0 == item }
                model.assets[a].processes.removeAll { $0 == item }
            }
        }
        for f in Set(removedFlows).sorted(by: >) { model.flows.remove(at: f) }
        for i in Set(removedAccesses).sorted(by: >) { model.accesses.remove(at: i) }
        return model
    }
}

extension Fabric {
    /// Each join of the fabric from each of its nodes (so every join twice, once from each end), with the
    /// separation that would cut it: a zone's join to its parent, a link and its `via` devices; nil for an
    /// asset's membership of its zone, which no separation cuts.
    func forEachJoin(_ body: (_ node: Int, _ target: Int, _ separation: Move?) -> Void) {
        for node in 0..<(adjacency.offsets.count - 1) {
            for slot in adjacency.edges(of: node) {
                let separation: Move? = switch steps[Int(adjacency.payloads[slot])] {
                case .zoneParent(let z): .separateZone(z)
                case .link(let l), .linkVia(let l, _): .separateLink(l)
                default: nil
                }
                body(node, Int(adjacency.targets[slot]), separation)
            }
        }
    }
}
