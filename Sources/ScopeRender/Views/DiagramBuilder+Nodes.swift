import ScopeAnalysis
import ScopeModel

extension DiagramBuilder {
    /// The node id of an asset, provider or collapsed zone.
    func nodeID(asset: Int) -> String {
        if let category = folded[asset] { return "overview:" + category.rawValue }
        return collapsedInto[asset].map { "zone:" + model.zones[$0].id } ?? "asset:" + model.assets[asset].id
    }
    func nodeID(provider: Int) -> String {
        foldsProviders ? "overview-provider:" + analysis.providerRoles[provider].rawValue : "provider:" + model.providers[provider].id
    }

    /// The providers drawn: each its own node, or in the overview one node per role with how many.
    func providerNodes() -> [Node] {
        let shown = model.providers.indices.filter { showProvider[$0] }.sorted { model.providers[$0].id < model.providers[$1].id }
        guard foldsProviders else { return shown.map(providerNode) }
        let byRole = Dictionary(grouping: shown) { analysis.providerRoles[$0] }
        return byRole.keys.sorted { $0.rawValue < $1.rawValue }.map { role in
            let members = byRole[role]!
            return Node(id: "overview-provider:" + role.rawValue, attributes: DiagramStyle.providerAttributes(role) + [
                Attribute("label", "\(members.count) providers\n\(role.rawValue)"), Attribute("id", "overview-provider-" + role.rawValue),
                Attribute("tooltip", members.map { model.providers[$0].id }.joined(separator: ", ")),
            ])
        }
    }

    /// Two lines of name, then the rule ids of its findings.
    func label(title: String?, id: String, detail: String? = nil, subject: Subject) -> String {
        var lines = [title ?? id]
        lines.append(title == nil ? (detail ?? "") : [id, detail].compactMap { $0 }.joined(separator: " · "))
        if let annotation = annotation(subject) { lines.append(annotation) }
        return lines.filter { !$0.isEmpty }.joined(separator: "\n")
    }

    /// What a subject's findings add to its label: `! rule-a, rule-b +1`, or its badge `[3]`; nil without findings.
    func annotation(_ subject: Subject) -> String? {
        guard let rules = findings[subject], let badge = badges[subject] else { return nil }
        switch options.findings {
        case .none: return nil
        case .marks: return "[\(badge)]"
        case .labels: return "! " + rules.prefix(2).joined(separator: ", ") + (rules.count > 2 ? " +\(rules.count - 2)" : "")
        }
    }

    /// The key to `--findings marks`: each badge with its subject and rule ids, in badge order.
    func findingsKey() -> Node? {
        guard options.findings == .marks, !badges.isEmpty else { return nil }
        let rows = badges.sorted { $0.value < $1.value }.map { subject, badge in
            "<tr><td align=\"right\"><b>[\(badge)]</b></td><td align=\"left\">\(DOTWriter.html(explainer.text(subject)))</td>"
                + "<td align=\"left\">\(DOTWriter.html(findings[subject, default: []].joined(separator: ", ")))</td></tr>"
        }.joined()
        let table = "<table border=\"1\" cellborder=\"0\" cellspacing=\"2\" cellpadding=\"3\" bgcolor=\"#ffffff\" color=\"#c0392b\">"
            + "<tr><td colspan=\"3\"><b>Findings</b></td></tr>" + rows + "</table>"
        return Node(id: "findings-key", attributes: [Attribute("shape", "plaintext"), Attribute("label", html: table), Attribute("id", "findings-key")])
    }

    func assetNode(_ a: Int) -> Node {
        let asset = model.assets[a]
        let category = analysis.assetCategories[a]
        let reasons = analysis.reasons(forAsset: a).map(explainer.text)
        let detail = asset.count > 1 ? "\(asset.type.rawValue) ×\(asset.count)" : asset.type.rawValue
        var attributes = DiagramStyle.nodeAttributes(category) + [
            Attribute("label", label(title: asset.label, id: asset.id, detail: detail, subject: .element(.asset(a)))),
            Attribute("id", "asset-" + asset.id),
            Attribute("tooltip", "\(asset.id): \(category.title)\n" + reasons.joined(separator: "\n")),
        ]
        if findings[.element(.asset(a))] != nil { attributes += DiagramStyle.findingBorder }
        return Node(id: nodeID(asset: a), attributes: marked(attributes, id: asset.id))
    }

    /// A diff diagram's marks: a new asset in green with `+`, a changed one with the category it had.
    func marked(_ attributes: [Attribute], id: String) -> [Attribute] {
        guard let changes = options.changes else { return attributes }
        var result = attributes
        func relabel(_ transform: (String) -> String) {
            if let index = result.firstIndex(where: { $0.name == "label" }), case .text(let text) = result[index].value {
                result[index] = Attribute("label", transform(text))
            }
        }
        if changes.addedAssets.contains(id) {
            relabel { "+ " + $0 }
            result += [Attribute("color", DiagramChanges.addedColor), Attribute("penwidth", "3")]
        } else if let before = changes.changedAssets[id] {
            relabel { $0 + "\nwas \(before.rawValue)" }
            result += [Attribute("color", DiagramChanges.addedColor), Attribute("penwidth", "3"), Attribute("style", "filled,bold,dashed")]
        }
        return result
    }

    /// Ghosts of the assets a change removed.
    func removedCluster() -> Cluster? {
        guard let removed = options.changes?.removedAssets, !removed.isEmpty else { return nil }
        var cluster = Cluster(id: "removed", attributes: [
            Attribute("label", "Removed by this change"), Attribute("id", "removed"), Attribute("style", "rounded,dashed"),
            Attribute("color", DiagramChanges.removedColor), Attribute("fontcolor", DiagramChanges.removedColor),
        ])
        cluster.nodes = removed.map { id, category in
            Node(id: "removed:" + id, attributes: [
                Attribute("shape", DiagramStyle.style(category).shape), Attribute("style", "dashed"),
                Attribute("color", DiagramChanges.removedColor), Attribute("fontcolor", DiagramChanges.removedColor),
                Attribute("label", "− \(id)\nwas \(category.rawValue)"), Attribute("id", "removed-" + id),
            ])
        }
        return cluster
    }

    func providerNode(_ p: Int) -> Node {
        let provider = model.providers[p]
        let role = analysis.providerRoles[p]
        var status: [String] = []
        switch provider.type {
        case .csp: status.append("FedRAMP \(provider.fedramp.rawValue)")
        case .subcontractor: status.append("CMMC \(provider.cmmc?.rawValue ?? "unknown")" + (provider.dfars7012 ? " · 7012" : ""))
        case .msp, .mssp: status.append("CMMC \(provider.cmmc?.rawValue ?? "unknown")")
        case .prime, .government, .vendor: break
        }
        if let country = provider.country, country != "US" { status.append(country) }
        let detail = provider.type.rawValue == role.rawValue ? role.rawValue : "\(provider.type.rawValue), \(role.rawValue)"
        let text = label(title: provider.label, id: provider.id, detail: detail, subject: .element(.provider(p)))
            + (status.isEmpty ? "" : "\n" + status.joined(separator: " · "))
        var attributes = DiagramStyle.providerAttributes(role) + [
            Attribute("label", text), Attribute("id", "provider-" + provider.id),
            Attribute("tooltip", "\(provider.id): \(role.rawValue)\n" + analysis.reasons(forProvider: p).map(explainer.text).joined(separator: "\n")),
        ]
        if findings[.element(.provider(p))] != nil { attributes += DiagramStyle.findingBorder }
        return Node(id: nodeID(provider: p), attributes: marked(attributes, id: provider.id))
    }

    /// One node standing for a collapsed zone: its name and how many assets of each category it holds.
    func collapsedZoneNode(_ zone: Int, members: [Int]) -> Node {
        var counts: [AssetCategory: Int] = [:]
        for a in members { counts[analysis.assetCategories[a], default: 0] += 1 }
        let strongest = [AssetCategory.cui, .fci, .spa, .crma, .specialized, .outsideCMMC, .out].first { counts[$0] != nil } ?? .out
        let summary = AssetCategory.allCases.compactMap { category in counts[category].map { "\($0) \(category.rawValue)" } }
        let id = model.zones[zone].id
        return Node(id: "zone:" + id, attributes: DiagramStyle.nodeAttributes(strongest) + [
            Attribute("shape", "folder"),
            Attribute("label", "\(model.zones[zone].label ?? id)\n\(id) · \(members.count) assets\n" + summary.joined(separator: " · ")),
            Attribute("id", "zone-" + id),
            Attribute("tooltip", "zone \(id), collapsed: " + summary.joined(separator: ", ") + ". Expand it with --expand \(id)."),
        ])
    }

    /// One node standing for every folded asset of a category: how many, in how many zones.
    func overviewNode(_ category: AssetCategory, members: [Int]) -> Node {
        let units = members.reduce(0) { $0 + model.assets[$1].count }
        let zones = Set(members.compactMap { collapsedInto[$0] }).count
        let summary = "\(members.count) assets (\(units) units) in \(zones) zones"
        let plural = category.title.hasSuffix("Asset") ? category.title + "s" : category.title + " assets"
        return Node(id: "overview:" + category.rawValue, attributes: DiagramStyle.nodeAttributes(category) + [
            Attribute("label", plural + "\n" + summary),
            Attribute("id", "overview-" + category.rawValue),
            Attribute("tooltip", "\(plural) folded into the overview: \(summary). Draw one zone with --expand ZONE, or one element with --focus ID."),
        ])
    }

    /// The overview nodes of the folded assets that pass `include`, in category order.
    func overviewNodes(include: (Int) -> Bool) -> [Node] {
        var members: [AssetCategory: [Int]] = [:]
        for a in model.assets.indices where include(a) { if let category = folded[a] { members[category, default: []].append(a) } }
        return AssetCategory.allCases.compactMap { category in members[category].map { overviewNode(category, members: $0) } }
    }

    func zoneTitle(_ zone: Int, suffix: String = "") -> String {
        let item = model.zones[zone]
        let separation = item.separation.separates ? " · \(item.separation.rawValue) separation" : ""
        return (item.label.map { "\($0) (\(item.id))" } ?? item.id) + separation + suffix
    }

    /// The clusters of zones holding the assets that pass `include`, nested as the zones are; collapsed
    /// zones become single nodes. Returns the nodes and clusters for the level above, and records where each
    /// zone's first member was drawn, for edges that end on a zone.
    /// Invisible edges that arrange a cluster's nodes in a near-square grid: left to right, a column per
    /// rank. Without them, unconnected nodes of a cluster share one rank and stack in a single tall column.
    /// Past 100 nodes the constraints cost `dot` more than the picture gains (6 s instead of 0.3 s for 250).
    func gridEdges(_ nodes: [Node]) -> [Edge] {
        guard nodes.count > 4, nodes.count <= 100 else { return [] }
        var rows = 1
        while rows * rows < nodes.count { rows += 1 }
        return (0..<(nodes.count - rows)).map { i in
            Edge(from: nodes[i].id, to: nodes[i + rows].id, attributes: [Attribute("style", "invis")])
        }
    }

    mutating func zoneTree(prefix: String, include: (Int) -> Bool, anchors: inout [Int: (cluster: String, node: String)])
        -> (nodes: [Node], clusters: [Cluster]) {
        var members = [[Int]](repeating: [], count: model.zones.count)
        var rootNodes: [Node] = [], loose: [Int] = []
        var collapsedMembers: [Int: [Int]] = [:]
        for a in model.assets.indices where showAsset[a] && include(a) {
            if folded[a] != nil {
                continue
            } else if let top = collapsedInto[a] {
                collapsedMembers[top, default: []].append(a)
            } else if let zone = placement[a] {
                members[zone].append(a)
            } else {
                loose.append(a)
            }
        }
        rootNodes = loose.sorted { model.assets[$0].id < model.assets[$1].id }.map(assetNode)
        var children = [[Int]](repeating: [], count: model.zones.count)
        var tops: [Int] = []
        // Stable keys, not declaration order: zones by id within their parent, assets by id within their zone,
        // so that an unrelated addition moves little of the layout.
        for z in model.zones.indices.sorted(by: { model.zones[$0].id < model.zones[$1].id }) {
            if let parent = model.zones[z].parent { children[parent].append(z) } else { tops.append(z) }
        }
        func cluster(_ zone: Int) -> Cluster {
            let id = prefix + model.zones[zone].id
            var result = Cluster(id: id, attributes: [
                Attribute("label", zoneTitle(zone)), Attribute("id", "zone-" + prefix + model.zones[zone].id),
                Attribute("style", model.zones[zone].separation.separates ? "rounded,bold" : "rounded"),
                Attribute("color", "#5d6d7e"), Attribute("fontcolor", "#2c3e50"), Attribute("bgcolor", "#fbfcfc"),
            ])
            result.nodes = members[zone].sorted { model.assets[$0].id < model.assets[$1].id }.map(assetNode)
            layoutEdges += gridEdges(result.nodes)
            result.clusters = children[zone].map(cluster).filter { !$0.isEmpty }
            if let first = result.nodes.first, anchors[zone] == nil { anchors[zone] = ("cluster_" + id, first.id) }
            return result
        }
        var clusters: [Cluster] = []
        for top in tops {
            if let collapsed = collapsedMembers[top] {
                rootNodes.append(collapsedZoneNode(top, members: collapsed))
            } else {
                let built = cluster(top)
                if !built.isEmpty { clusters.append(built) }
            }
        }
        rootNodes += overviewNodes { showAsset[$0] && include($0) }
        // Children are built before their parents record an anchor; fill parents from a drawn child.
        for z in model.zones.indices.reversed() where anchors[z] == nil {
            if let child = children[z].first(where: { anchors[$0] != nil }) {
                anchors[z] = ("cluster_" + prefix + model.zones[z].id, anchors[child]!.node)
            }
        }
        return (rootNodes, clusters)
    }
}
