/// A relation of the model, by kind and index.
public enum RelationRef: Hashable, Sendable {
    case flow(Int), link(Int), access(Int), protects(Int)

    /// The keyword it is written with.
    public var keyword: String {
        switch self {
        case .flow: "flow"
        case .link: "link"
        case .access: "access"
        case .protects: "protects"
        }
    }
}

extension Model {
    /// Both ends of `relation` and the arrow between them, as written.
    public func ends(of relation: RelationRef) -> (from: Endpoint, arrow: Arrow, to: Endpoint) {
        switch relation {
        case .flow(let i): (flows[i].from, flows[i].bidirectional ? .both : .forward, flows[i].to)
        case .link(let i): (links[i].a, .undirected, links[i].b)
        case .access(let i): (accesses[i].from, .forward, accesses[i].to)
        case .protects(let i): (protections[i].from, .forward, protections[i].to)
        }
    }

    /// Where `relation` was written.
    public func span(of relation: RelationRef) -> SourceSpan {
        switch relation {
        case .flow(let i): flows[i].span
        case .link(let i): links[i].span
        case .access(let i): accesses[i].span
        case .protects(let i): protections[i].span
        }
    }

    /// Every relation, in the order of the model's arrays: flows, links, accesses, protections.
    public var relations: [RelationRef] {
        flows.indices.map(RelationRef.flow) + links.indices.map(RelationRef.link)
            + accesses.indices.map(RelationRef.access) + protections.indices.map(RelationRef.protects)
    }
}

extension Host {
    /// The declared element this host is.
    public var element: ElementRef {
        switch self {
        case .asset(let i): .asset(i)
        case .provider(let i): .provider(i)
        }
    }
}

extension Endpoint {
    /// The declared element this end names.
    public var element: ElementRef {
        switch self {
        case .asset(let i): .asset(i)
        case .provider(let i): .provider(i)
        case .zone(let i): .zone(i)
        }
    }
}
