/// Prints a `Diagram` as DOT text: the `dot` output format, the snapshot the tests compare, and the input
/// the renderer gives cgraph.
public enum DOTWriter {
    public static func write(_ diagram: Diagram, name: String = "cuiscope") -> String {
        var out = "digraph \(quote(name)) {\n"
        if !diagram.attributes.isEmpty { out += "  graph [\(list(diagram.attributes))]\n" }
        if !diagram.nodeDefaults.isEmpty { out += "  node [\(list(diagram.nodeDefaults))]\n" }
        if !diagram.edgeDefaults.isEmpty { out += "  edge [\(list(diagram.edgeDefaults))]\n" }
        write(diagram.root, indent: "  ", into: &out)
        for edge in diagram.edges {
            out += "  \(quote(edge.from)) -> \(quote(edge.to))"
            out += edge.attributes.isEmpty ? "\n" : " [\(list(edge.attributes))]\n"
        }
        return out + "}\n"
    }

    private static func write(_ cluster: Cluster, indent: String, into out: inout String) {
        for node in cluster.nodes {
            out += indent + quote(node.id) + (node.attributes.isEmpty ? "\n" : " [\(list(node.attributes))]\n")
        }
        for child in cluster.clusters where !child.isEmpty {
            out += indent + "subgraph \(quote("cluster_" + child.id)) {\n"
            for attribute in child.attributes { out += indent + "  \(attribute.name)=\(value(attribute.value))\n" }
            write(child, indent: indent + "  ", into: &out)
            out += indent + "}\n"
        }
    }

    private static func list(_ attributes: [Attribute]) -> String {
        attributes.map { "\($0.name)=\(value($0.value))" }.joined(separator: ", ")
    }

    private static func value(_ value: Attribute.Value) -> String {
        switch value {
        case .text(let text): quote(text)
        case .html(let html): "<\(html)>"
        }
    }

    /// A DOT string: quotes and backslashes escaped, newlines as `\n` (a centered line break).
    static func quote(_ text: String) -> String {
        var out = "\""
        for character in text {
            switch character {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where character.isNewline: out += "\\n"
            // No other control character is valid in a label, or in the XML Graphviz makes of it.
            case _ where character.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }: out += " "
            default: out.append(character)
            }
        }
        return out + "\""
    }

    /// Text for an HTML-like label: `&`, `<`, `>` and quotes escaped.
    static func html(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }
}
