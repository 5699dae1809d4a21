import ScopeAnalysis
import ScopeModel

/// The visual language of every view. Categories differ in shape and border as well as color, so a
/// grayscale print of the SSP still tells them apart.
enum DiagramStyle {
    static let font = "Helvetica"

    struct CategoryStyle {
        let shape: String
        let style: String
        let fill: String
        let border: String
        var fontColor = "#1b2631"
    }

    static func style(_ category: AssetCategory) -> CategoryStyle {
        switch category {
        case .cui: CategoryStyle(shape: "box", style: "filled,bold", fill: "#f5b7b1", border: "#922b21")
        case .fci: CategoryStyle(shape: "box", style: "filled,bold", fill: "#fad7a0", border: "#9c640c")
        case .spa: CategoryStyle(shape: "hexagon", style: "filled", fill: "#aed6f1", border: "#1b4f72")
        case .crma: CategoryStyle(shape: "box", style: "filled,rounded,dashed", fill: "#fcf3cf", border: "#7d6608")
        case .specialized: CategoryStyle(shape: "octagon", style: "filled", fill: "#d7bde2", border: "#4a235a")
        case .out: CategoryStyle(shape: "box", style: "filled,dotted", fill: "#ffffff", border: "#7f8c8d", fontColor: "#5d6d7e")
        case .outsideCMMC: CategoryStyle(shape: "box3d", style: "filled", fill: "#d5d8dc", border: "#424949")
        }
    }

    static func nodeAttributes(_ category: AssetCategory) -> [Attribute] {
        let style = style(category)
        return [Attribute("shape", style.shape), Attribute("style", style.style), Attribute("fillcolor", style.fill),
                Attribute("color", style.border), Attribute("fontcolor", style.fontColor)]
    }

    static func providerAttributes(_ role: ProviderRole) -> [Attribute] {
        [Attribute("shape", "component"), Attribute("style", "filled"),
         Attribute("fillcolor", role.inScope ? "#d6eaf8" : role == .subcontractor ? "#fdebd0" : "#f8f9f9"),
         Attribute("color", role.inScope ? "#1b4f72" : "#566573")]
    }

    /// Marks an element that findings concern: a red double border.
    static let findingBorder = [Attribute("color", "#c0392b"), Attribute("penwidth", "2.5"), Attribute("peripheries", "2")]

    enum EdgeKind: String, CaseIterable {
        case cuiFlow = "CUI flow", fciFlow = "FCI flow", flow = "other flow", link = "network link", separated = "separated link",
             access = "access", admin = "admin access", protects = "protects", hosting = "hosted on"
    }

    static func edgeAttributes(_ kind: EdgeKind) -> [Attribute] {
        switch kind {
        case .cuiFlow: [Attribute("color", "#c0392b"), Attribute("penwidth", "2.5")]
        case .fciFlow: [Attribute("color", "#b9770e"), Attribute("penwidth", "2")]
        case .flow: [Attribute("color", "#7f8c8d")]
        case .link: [Attribute("dir", "none"), Attribute("color", "#2c3e50"), Attribute("penwidth", "1.5")]
        case .separated: [Attribute("dir", "none"), Attribute("color", "#2c3e50"), Attribute("style", "dashed"),
                          Attribute("arrowhead", "tee"), Attribute("arrowtail", "tee")]
        case .access: [Attribute("color", "#117864"), Attribute("style", "dotted")]
        case .admin: [Attribute("color", "#117864"), Attribute("style", "bold,dotted"), Attribute("arrowhead", "diamond")]
        case .protects: [Attribute("color", "#1f618d"), Attribute("style", "dashed"), Attribute("arrowhead", "empty")]
        case .hosting: [Attribute("color", "#a6acaf"), Attribute("style", "dotted"), Attribute("arrowhead", "odot")]
        }
    }

    /// The legend, as Graphviz draws the figure itself: one node per category in use, with the category's
    /// own shape, border and fill (so the legend reads in grayscale too), then the provider and finding marks,
    /// then a table of the edge kinds in use. Every node of it has an id starting `legend-`.
    static func legend(categories: [AssetCategory], edges: [EdgeKind], providers: Bool, findings: FindingMarks?, changes: Bool = false) -> Cluster {
        var cluster = Cluster(id: "legend", attributes: [
            Attribute("label", "Legend"), Attribute("id", "legend"), Attribute("style", "rounded"), Attribute("color", "#7f8c8d"),
            Attribute("fontcolor", "#2c3e50"), Attribute("fontsize", "12"),
        ])
        func sample(_ id: String, _ label: String, _ attributes: [Attribute]) {
            cluster.nodes.append(Node(id: "legend:" + id, attributes: attributes + [
                Attribute("label", label), Attribute("id", "legend-" + id), Attribute("tooltip", label),
            ]))
        }
        for category in categories {
            sample(category.rawValue, category.title, nodeAttributes(category))
        }
        if providers { sample("provider", "provider in scope", providerAttributes(.espSPA)) }
        switch findings {
        case .labels?: sample("findings", "has findings\n! rule ids", [Attribute("shape", "box"), Attribute("fontcolor", "#c0392b")] + findingBorder)
        case .marks?: sample("findings", "has findings\n[n]: see Findings", [Attribute("shape", "box"), Attribute("fontcolor", "#c0392b")] + findingBorder)
        case .none?, nil: break
        }
        if changes {
            sample("added", "+ added or changed", [Attribute("shape", "box"), Attribute("color", DiagramChanges.addedColor), Attribute("penwidth", "3")])
            sample("removed", "− removed (ghost)", [Attribute("shape", "box"), Attribute("style", "dashed"),
                                                    Attribute("color", DiagramChanges.removedColor), Attribute("fontcolor", DiagramChanges.removedColor)])
        }
        guard !edges.isEmpty else { return cluster }
        var rows = ""
        for kind in edges {
            let sample = switch kind {
            case .cuiFlow: "━━▶ red"
            case .fciFlow: "━━▶ orange"
            case .flow: "──▶ gray"
            case .link: "━━━ solid"
            case .separated: "┤- - -├ dashed"
            case .access: "··▶ green"
            case .admin: "··◆ green, bold"
            case .protects: "- -▷ blue"
            case .hosting: "··○ gray"
            }
            rows += "<tr><td>\(DOTWriter.html(sample))</td><td align=\"left\">\(DOTWriter.html(kind.rawValue))</td></tr>"
        }
        let table = "<table border=\"0\" cellborder=\"0\" cellspacing=\"2\" cellpadding=\"2\">" + rows + "</table>"
        cluster.nodes.append(Node(id: "legend:edges", attributes: [Attribute("shape", "plaintext"), Attribute("label", html: table),
                                                                   Attribute("id", "legend-edges")]))
        return cluster
    }
}
