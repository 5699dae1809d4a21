extension Diagram {
    /// The diagram as one figure among several in an HTML page: every `id` gets `prefix`, so the figures'
    /// ids stay unique beside each other and beside the page's own, and each asset and provider node links
    /// to `#asset-ID` or `#provider-ID`, the page's inventory row for it.
    public func embedded(prefix: String) -> Diagram {
        var diagram = self
        diagram.root = diagram.root.embedded(prefix: prefix)
        diagram.edges = edges.map { edge in
            var edge = edge
            edge.attributes = edge.attributes.map { $0.prefixingID(prefix) }
            return edge
        }
        return diagram
    }
}

extension Cluster {
    fileprivate func embedded(prefix: String) -> Cluster {
        var cluster = self
        cluster.attributes = attributes.map { $0.prefixingID(prefix) }
        cluster.clusters = clusters.map { $0.embedded(prefix: prefix) }
        cluster.nodes = nodes.map { node in
            var node = node
            if case .text(let id)? = node.attributes.first(where: { $0.name == "id" })?.value,
               id.hasPrefix("asset-") || id.hasPrefix("provider-") {
                node.attributes.append(Attribute("href", "#" + id))
            }
            node.attributes = node.attributes.map { $0.prefixingID(prefix) }
            return node
        }
        return cluster
    }
}

extension Attribute {
    fileprivate func prefixingID(_ prefix: String) -> Attribute {
        guard name == "id", case .text(let id) = value else { return self }
        return Attribute("id", prefix + id)
    }
}
