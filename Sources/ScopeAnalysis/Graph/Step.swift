import ScopeModel

/// One link in a witness chain: a relation or declaration of the model that moved data, joined a network,
/// or granted a role. Every step points back at the line where the user wrote it.
public enum Step: Hashable, Sendable {
    /// `stores D` or `processes D` on an asset.
    case holds(asset: Int, data: Int)
    case flow(Int)
    /// The asset's `hosted-on`.
    case hosting(asset: Int)
    case access(Int)
    case protects(Int)
    /// The asset sits in its zone (nested, named, or through its host).
    case membership(asset: Int)
    /// The zone sits in its parent zone without separation.
    case zoneParent(zone: Int)
    case link(Int)
    /// The `via` device of a link, joined to both ends.
    case linkVia(link: Int, device: Int)
}

/// Why an element is where it is: a headline ("holds drawings") and the shortest chain behind it.
public struct Reason: Hashable, Sendable {
    public var headline: String
    public var steps: [Step]

    public init(_ headline: String, _ steps: [Step] = []) {
        self.headline = headline
        self.steps = steps
    }
}

/// Renders steps and reasons as text, each step with its `file:line`.
public struct Explainer: Sendable {
    public let model: Model

    public init(model: Model) { self.model = model }

    /// `holds drawings: flow army -> plm (acme.scope:41), then flow plm -> eng-ws (acme.scope:44)`.
    public func text(_ reason: Reason) -> String {
        reason.steps.isEmpty ? reason.headline
            : reason.headline + ": " + reason.steps.map(text).joined(separator: ", then ")
    }

    public func text(_ step: Step) -> String {
        "\(describe(step)) (\(location(of: step).fileAndLine))"
    }

    /// The step without its location.
    public func describe(_ step: Step) -> String {
        switch step {
        case .holds(let asset, let data):
            let verb = model.assets[asset].stores.contains(data) ? "stores" : "processes"
            return "\(model.assets[asset].id) \(verb) \(model.data[data].id)"
        case .flow(let index): return relationText(.flow(index))
        case .hosting(let asset):
            let host = switch model.assets[asset].hostedOn! {
            case .asset(let a): model.assets[a].id
            case .provider(let p): model.providers[p].id
            }
            return "\(model.assets[asset].id) hosted-on \(host)"
        case .access(let index): return relationText(.access(index))
        case .protects(let index): return relationText(.protects(index))
        case .membership(let asset):
            let zone = model.zone(placing: asset).map { model.zones[$0].id } ?? "the organization's network"
            return "\(model.assets[asset].id) in zone \(zone)"
        case .zoneParent(let zone):
            let parent = model.zones[zone].parent.map { model.zones[$0].id } ?? "the organization's network"
            return "zone \(model.zones[zone].id) in \(parent)"
        case .link(let index): return relationText(.link(index))
        case .linkVia(let index, let device): return "\(model.assets[device].id) is the device of " + relationText(.link(index))
        }
    }

    public func location(of step: Step) -> SourceLocation { span(of: step).location }

    public func span(of step: Step) -> SourceSpan {
        switch step {
        case .holds(let asset, _), .hosting(let asset), .membership(let asset): model.assets[asset].span
        case .flow(let index): model.flows[index].span
        case .access(let index): model.accesses[index].span
        case .protects(let index): model.protections[index].span
        case .zoneParent(let zone): model.zones[zone].span
        case .link(let index), .linkVia(let index, _): model.links[index].span
        }
    }

    /// A relation as written: `flow a -> b`, `link a -- b`, `access a -> b`, `protects a -> b`.
    public func relationText(_ relation: RelationRef) -> String {
        switch relation {
        case .flow(let i):
            let flow = model.flows[i]
            return "flow \(name(flow.from)) \(flow.bidirectional ? "<->" : "->") \(name(flow.to))"
        case .link(let i): return "link \(name(model.links[i].a)) -- \(name(model.links[i].b))"
        case .access(let i): return "access \(name(model.accesses[i].from)) -> \(name(model.accesses[i].to))"
        case .protects(let i): return "protects \(name(model.protections[i].from)) -> \(name(model.protections[i].to))"
        }
    }

    /// A relation's subject as findings name it: `a -> b`, `a <-> b` or `a -- b`.
    public func subject(_ relation: RelationRef) -> String {
        let text = relationText(relation)
        return String(text[text.index(after: text.firstIndex(of: " ")!)...])
    }

    public func name(_ endpoint: Endpoint) -> String {
        switch endpoint {
        case .asset(let i): model.assets[i].id
        case .provider(let i): model.providers[i].id
        case .zone(let i): model.zones[i].id
        }
    }
}

/// A relation of the model, by kind and index.
public enum RelationRef: Hashable, Sendable {
    case flow(Int), link(Int), access(Int), protects(Int)
}
