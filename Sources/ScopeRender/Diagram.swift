/// A graph to draw, independent of Graphviz: what the views build, `DOTWriter` prints, and the renderer
/// hands to cgraph. Everything is kept in insertion order, so the same model gives the same text.
public struct Diagram: Sendable, Equatable {
    public var attributes: [Attribute] = []
    public var nodeDefaults: [Attribute] = []
    public var edgeDefaults: [Attribute] = []
    /// The top level: nodes and clusters outside any cluster.
    public var root = Cluster(id: "", attributes: [])
    public var edges: [Edge] = []
    /// The paper the renderer fits the drawing to (not part of the DOT text).
    public var page: Page?

    public var nodeCount: Int { root.nodeCount }
}

/// A DOT attribute: a quoted string, or an HTML-like label.
public struct Attribute: Sendable, Equatable {
    public enum Value: Sendable, Equatable {
        case text(String)
        case html(String)
    }

    public var name: String
    public var value: Value

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = .text(value)
    }

    public init(_ name: String, html: String) {
        self.name = name
        value = .html(html)
    }
}

public struct Cluster: Sendable, Equatable {
    /// Unique; printed with the `cluster_` prefix Graphviz needs to draw a box.
    public var id: String
    public var attributes: [Attribute]
    public var nodes: [Node] = []
    public var clusters: [Cluster] = []

    public var nodeCount: Int { nodes.count + clusters.reduce(0) { $0 + $1.nodeCount } }
    public var isEmpty: Bool { nodeCount == 0 }
}

public struct Node: Sendable, Equatable {
    public var id: String
    public var attributes: [Attribute]
}

public struct Edge: Sendable, Equatable {
    public var from: String
    public var to: String
    public var attributes: [Attribute]
}
