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

    /// The legend: one row per category and per edge kind in use, as an HTML-like table.
    static func legend(categories: [AssetCategory], edges: [EdgeKind], providers: Bool, findings: Bool, changes: Bool = false) -> Node {
        var rows = ""
        for category in categories {
            let style = style(category)
            let border = style.style.contains("dashed") ? " style=\"dashed\"" : style.style.contains("dotted") ? " style=\"dotted\"" : ""
            rows += "<tr><td bgcolor=\"\(style.fill)\" color=\"\(style.border)\"\(border) border=\"2\" width=\"28\"></td>"
                + "<td align=\"left\">\(DOTWriter.html(category.title)) (\(style.shape))</td></tr>"
        }
        if providers {
            rows += "<tr><td bgcolor=\"#d6eaf8\" border=\"1\" width=\"28\"></td><td align=\"left\">provider in scope (component)</td></tr>"
        }
        if findings {
            rows += "<tr><td border=\"2\" color=\"#c0392b\" width=\"28\">!</td><td align=\"left\">has findings (rule ids listed)</td></tr>"
        }
        if changes {
            rows += "<tr><td border=\"3\" color=\"\(DiagramChanges.addedColor)\" width=\"28\">+</td><td align=\"left\">added or changed by this change</td></tr>"
            rows += "<tr><td border=\"1\" color=\"\(DiagramChanges.removedColor)\" width=\"28\">−</td><td align=\"left\">removed (ghost)</td></tr>"
        }
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
        let table = "<table border=\"1\" cellborder=\"0\" cellspacing=\"2\" cellpadding=\"3\" bgcolor=\"#ffffff\">"
            + "<tr><td colspan=\"2\"><b>Legend</b></td></tr>" + rows + "</table>"
        return Node(id: "legend", attributes: [Attribute("shape", "plaintext"), Attribute("style", ""), Attribute("label", html: table),
                                               Attribute("id", "legend")])
    }
}
