import ScopeAnalysis
import ScopeModel

extension DiagramBuilder {
    mutating func build() -> Diagram {
        var diagram = Diagram()
        let title = (model.organization.name.map { $0 + ": " } ?? "") + viewTitle
        diagram.attributes = [
            Attribute("label", title), Attribute("labelloc", "t"), Attribute("fontname", DiagramStyle.font), Attribute("fontsize", "18"),
            Attribute("rankdir", "LR"), Attribute("compound", "true"),
            Attribute("nodesep", "0.25"), Attribute("ranksep", "0.7"), Attribute("pad", "0.3"),
        ]
        diagram.nodeDefaults = [Attribute("fontname", DiagramStyle.font), Attribute("fontsize", "10"), Attribute("margin", "0.12,0.06")]
        diagram.edgeDefaults = [Attribute("fontname", DiagramStyle.font), Attribute("fontsize", "9"), Attribute("arrowsize", "0.7")]

        var anchors: [Int: (cluster: String, node: String)] = [:]
        switch options.view {
        case .boundary:
            let analysis = self.analysis
            let inside = zoneTree(prefix: "in:", include: { analysis.assetCategories[$0].inScope }, anchors: &anchors)
            var boundary = Cluster(id: "boundary", attributes: [
                Attribute("label", "CMMC level \(analysis.level) assessment boundary"), Attribute("id", "boundary"),
                Attribute("style", "rounded,bold"), Attribute("penwidth", "3"), Attribute("color", "#922b21"),
                Attribute("fontcolor", "#922b21"), Attribute("fontsize", "14"), Attribute("bgcolor", "#fef9f9"),
            ])
            boundary.nodes = inside.nodes
            boundary.clusters = inside.clusters
            let outside = zoneTree(prefix: "out:", include: { !analysis.assetCategories[$0].inScope }, anchors: &anchors)
            var rest = Cluster(id: "outside", attributes: [
                Attribute("label", "Out of scope"), Attribute("id", "outside"), Attribute("style", "rounded,dashed"),
                Attribute("color", "#7f8c8d"), Attribute("fontcolor", "#5d6d7e"),
            ])
            rest.nodes = outside.nodes
            rest.clusters = outside.clusters
            var providers = Cluster(id: "providers", attributes: [
                Attribute("label", "External providers"), Attribute("id", "providers"), Attribute("style", "rounded"),
                Attribute("color", "#566573"), Attribute("fontcolor", "#2c3e50"),
            ])
            providers.nodes = providerNodes()
            diagram.root.clusters = [boundary, rest, providers] + (removedCluster().map { [$0] } ?? [])
            layoutEdges += gridEdges(boundary.nodes) + gridEdges(rest.nodes) + gridEdges(providers.nodes)
        case .dataflow:
            diagram.root.nodes = model.assets.indices.filter { showAsset[$0] && collapsedInto[$0] == nil && folded[$0] == nil }.map(assetNode)
            var collapsed: [Int: [Int]] = [:]
            for a in model.assets.indices where showAsset[a] && folded[a] == nil {
                if let zone = collapsedInto[a] { collapsed[zone, default: []].append(a) }
            }
            diagram.root.nodes += collapsed.keys.sorted().map { collapsedZoneNode($0, members: collapsed[$0]!) }
            diagram.root.nodes += overviewNodes { showAsset[$0] }
            diagram.root.nodes += providerNodes()
        case .network:
            let tree = zoneTree(prefix: "", include: { _ in true }, anchors: &anchors)
            diagram.root.nodes = tree.nodes
            diagram.root.clusters = tree.clusters
            layoutEdges += gridEdges(tree.nodes)
        }
        diagram.edges = edges(anchors: anchors) + layoutEdges
        var notes: [String] = []
        if foldedZones > 0 { notes.append("\(foldedZones) zones folded into one node per category: --expand ZONE or --focus ID draws them") }
        if omittedEdges > 0 { notes.append("\(omittedEdges) more connections not drawn") }
        let heading = title + (notes.isEmpty ? "" : " (" + notes.joined(separator: "; ") + ")")
        if let block = options.title {
            diagram.attributes[0] = Attribute("label", html: "<table border=\"0\" cellborder=\"0\" cellpadding=\"1\">"
                + "<tr><td><font point-size=\"18\">\(DOTWriter.html(heading))</font></td></tr>"
                + "<tr><td><font point-size=\"10\" color=\"#5d6d7e\">\(DOTWriter.html(block.text))</font></td></tr></table>")
        } else {
            diagram.attributes[0] = Attribute("label", heading)
        }
        diagram.page = options.page
        if diagram.nodeCount > 150 {
            // Bound dot's crossing minimization and network simplex on big graphs (docs/architecture.md).
            diagram.attributes += [Attribute("mclimit", "0.3"), Attribute("nslimit", "2"), Attribute("nslimit1", "2"),
                                   Attribute("searchsize", "20")]
        }
        var categories = Set<AssetCategory>()
        for a in model.assets.indices where showAsset[a] { categories.insert(analysis.assetCategories[a]) }
        var legend = DiagramStyle.legend(
            categories: AssetCategory.allCases.filter(categories.contains), edges: DiagramStyle.EdgeKind.allCases.filter(edgeKinds.contains),
            providers: model.providers.indices.contains { showProvider[$0] && analysis.providerRoles[$0].inScope },
            findings: findings.isEmpty ? nil : options.findings, changes: options.changes != nil)
        if let key = findingsKey() { legend.nodes.append(key) }
        // The data-flow view has no clusters: with multi-line edge labels, dot loses edges in them.
        if options.view == .dataflow { diagram.root.nodes += legend.nodes } else { diagram.root.clusters.append(legend) }
        // In a grid, not one tall column beside the drawing.
        diagram.edges += gridEdges(legend.nodes)
        return diagram
    }

    var viewTitle: String {
        let base = switch options.view {
        case .boundary: "CMMC assessment boundary"
        case .dataflow: "where CUI and FCI flow"
        case .network: "network zones, links and separation"
        }
        return base + (options.focus.map { " around \($0) (depth \(options.depth))" } ?? "")
    }

    // MARK: Edges

    private struct PendingEdge {
        var from: String
        var to: String
        var kind: DiagramStyle.EdgeKind
        var id: String
        var subject: Subject
        var label: String?
        var lhead: String?
        var ltail: String?
        var bothWays = false
        /// The relation drawn, to match a diff's added relations.
        var relation: RelationRef?
    }

    /// Where an end of a relation is drawn: a node, and the cluster to clip at when the end is a zone.
    private func end(_ endpoint: Endpoint, anchors: [Int: (cluster: String, node: String)]) -> (node: String, cluster: String?)? {
        switch endpoint {
        case .asset(let a): return showAsset[a] ? (nodeID(asset: a), nil) : nil
        case .provider(let p): return showProvider[p] ? (nodeID(provider: p), nil) : nil
        case .zone(let z):
            if let member = collapsedMember[model.topZone(of: z)] { return (nodeID(asset: member), nil) }
            return anchors[z].map { ($0.node, $0.cluster) }
        }
    }

    private mutating func edges(anchors: [Int: (cluster: String, node: String)]) -> [Edge] {
        var pending: [PendingEdge] = []
        func add(_ from: Endpoint, _ to: Endpoint, _ kind: DiagramStyle.EdgeKind, id: String, subject: Subject, label: String? = nil,
                 bothWays: Bool = false, relation: RelationRef? = nil) {
            guard let tail = end(from, anchors: anchors), let head = end(to, anchors: anchors), tail.node != head.node else { return }
            // An asset inside the zone it points at is drawn inside it already.
            if head.cluster != nil, case .zone(let z) = to, case .asset(let a) = from, model.asset(a, isInside: z) { return }
            pending.append(PendingEdge(from: tail.node, to: head.node, kind: kind, id: id, subject: subject, label: label,
                                       lhead: head.cluster, ltail: tail.cluster, bothWays: bothWays,
                                       relation: relation))
        }
        for (f, flow) in model.flows.enumerated() {
            let carried = carriedText(f)
            // At level 1, FCI is what sets the scope, so its flows are the ones to see.
            let kind: DiagramStyle.EdgeKind = carried.cui ? .cuiFlow : carried.fci && analysis.level == 1 ? .fciFlow : .flow
            if options.view == .network { continue }
            let subject = Subject.relation(.flow(f))
            let ends = [flow.from] + flow.via.map(Endpoint.asset) + [flow.to]
            for (a, b) in zip(ends, ends.dropFirst()) {
                add(a, b, kind, id: "flow-\(f)", subject: subject, label: options.view == .dataflow ? carried.text : nil,
                    bothWays: flow.bidirectional, relation: .flow(f))
            }
        }
        // Hosting moves data to the host, so every view draws it where both ends are shown.
        for (a, asset) in model.assets.enumerated() {
            switch asset.hostedOn {
            case .asset(let host)?: add(.asset(a), .asset(host), .hosting, id: "hosting-\(asset.id)", subject: .element(.asset(a)))
            case .provider(let host)?: add(.asset(a), .provider(host), .hosting, id: "hosting-\(asset.id)", subject: .element(.asset(a)))
            case nil: break
            }
        }
        if options.view != .dataflow {
            for (l, link) in model.links.enumerated() {
                let kind: DiagramStyle.EdgeKind = link.separation.separates ? .separated : .link
                let subject = Subject.relation(.link(l))
                let ends = [link.a] + link.via.map(Endpoint.asset) + [link.b]
                for (a, b) in zip(ends, ends.dropFirst()) { add(a, b, kind, id: "link-\(l)", subject: subject, relation: .link(l)) }
            }
        }
        for (i, access) in model.accesses.enumerated() {
            // The data-flow view shows people's access: it is how they come to process CUI.
            let isPeople = if case .asset(let a) = access.from { model.assets[a].type.isPeople } else { false }
            guard options.view == .boundary || (options.view == .dataflow && isPeople && !access.admin) else { continue }
            add(access.from, access.to, access.admin ? .admin : .access, id: "access-\(i)", subject: .relation(.access(i)),
                relation: .access(i))
        }
        if options.view == .boundary {
            for (i, protection) in model.protections.enumerated() {
                add(protection.from, protection.to, .protects, id: "protects-\(i)", subject: .relation(.protects(i)),
                    relation: .protects(i))
            }
        }
        return finish(pending) + removedEdges()
    }

    /// Ghosts of the relations a change removed, between whatever of their ends is still drawn.
    private func removedEdges() -> [Edge] {
        guard let removed = options.changes?.removedRelations else { return [] }
        func node(_ id: String) -> String? {
            switch model.names[id] {
            case .asset(let a)?: showAsset[a] ? nodeID(asset: a) : nil
            case .provider(let p)?: showProvider[p] ? nodeID(provider: p) : nil
            default: options.changes?.removedAssets.contains { $0.id == id } == true ? "removed:" + id : nil
            }
        }
        return removed.enumerated().compactMap { index, entry in
            guard let from = node(entry.from), let to = node(entry.to) else { return nil }
            return Edge(from: from, to: to, attributes: [
                Attribute("style", "dashed"), Attribute("color", DiagramChanges.removedColor), Attribute("id", "removed-relation-\(index)"),
                Attribute("tooltip", "removed: " + entry.relation),
            ])
        }
    }

    /// `drawings, quality`, or `presumed: drawings` for an unlabeled flow; and whether it carries CUI or FCI.
    private func carriedText(_ flow: Int) -> (text: String, cui: Bool, fci: Bool) {
        let (items, presumed) = analysis.carried(byFlow: flow)
        let cui = items.contains { model.data[$0].dataClass == .cui }
        let fci = items.contains { model.data[$0].dataClass == .fci }
        let names = items.map { model.data[$0].id }.joined(separator: ", ")
        return (presumed ? (names.isEmpty ? "unlabeled" : "presumed: " + names) : (names.isEmpty ? "nothing" : names), cui, fci)
    }

    /// De-duplicates parallel edges, caps their number, and styles them. In collapsed views every relation
    /// between two nodes becomes one edge, drawn as its strongest kind (the order of `EdgeKind`), its tooltip
    /// counting the rest: parallel edges of each kind between two zones would bury the picture.
    private mutating func finish(_ pending: [PendingEdge]) -> [Edge] {
        let collapsed = collapsedInto.contains { $0 != nil } || folded.contains { $0 != nil }
        let strength = Dictionary(uniqueKeysWithValues: DiagramStyle.EdgeKind.allCases.enumerated().map { ($1, $0) })
        var seen: [String: Int] = [:]
        var merged: [(edge: PendingEdge, count: Int)] = []
        for edge in pending {
            let key = collapsed ? [edge.from, edge.to].sorted().joined(separator: "\u{1}")
                : "\(edge.from)\u{1}\(edge.to)\u{1}\(edge.kind.rawValue)\u{1}\(edge.label ?? "")"
            if let index = seen[key] {
                merged[index].count += 1
                if strength[edge.kind]! < strength[merged[index].edge.kind]! { merged[index].edge.kind = edge.kind }
            } else {
                seen[key] = merged.count
                merged.append((edge, 1))
            }
        }
        // Edges by their ends, then their relation: stable under unrelated additions. Sorted once merged, so
        // a million relations between a few overview nodes cost no sort of a million.
        merged.sort { ($0.edge.from, $0.edge.to, $0.edge.id) < ($1.edge.from, $1.edge.to, $1.edge.id) }
        if collapsed, merged.count > options.maximumEdges {
            omittedEdges = merged.count - options.maximumEdges
            merged = Array(merged.prefix(options.maximumEdges))
        }
        var kinds = Set<DiagramStyle.EdgeKind>()
        // A relation drawn in segments (through its `via` devices) carries its findings on the first.
        var annotated = Set<Subject>()
        let edges = merged.map { entry -> Edge in
            let edge = entry.edge
            kinds.insert(edge.kind)
            var attributes = DiagramStyle.edgeAttributes(edge.kind)
            attributes.append(Attribute("id", entry.count > 1 ? edge.id + "-x\(entry.count)" : edge.id))
            attributes.append(Attribute("tooltip", entry.count > 1 ? "\(entry.count) relations" : explainer.text(edge.subject)))
            if edge.bothWays { attributes.append(Attribute("dir", "both")) }
            if let relation = edge.relation, options.changes?.addedRelations.contains(relation) == true {
                attributes += [Attribute("color", DiagramChanges.addedColor), Attribute("penwidth", "3")]
            }
            let annotation = collapsed ? nil : annotation(edge.subject).flatMap { annotated.insert(edge.subject).inserted ? $0 : nil }
            if options.view == .dataflow {
                if let label = [edge.label, annotation].compactMap({ $0 }).joined(separator: "\n").nilIfEmpty {
                    attributes.append(Attribute("label", label))
                }
                if annotation != nil { attributes.append(Attribute("fontcolor", "#c0392b")) }
            } else {
                if let label = edge.label { attributes.append(Attribute("label", label)) }
                // With clusters, dot 2.42 crashes on large graphs whose edges carry labels (a label is a
                // node of its own there); a tail label is drawn by the edge, at its start, and is no node.
                if let annotation { attributes += [Attribute("taillabel", annotation), Attribute("labelfontcolor", "#c0392b")] }
            }
            if let lhead = edge.lhead { attributes.append(Attribute("lhead", lhead)) }
            if let ltail = edge.ltail { attributes.append(Attribute("ltail", ltail)) }
            if entry.count > 1 { attributes.append(Attribute("penwidth", String(min(6, 1 + entry.count / 4)))) }
            return Edge(from: edge.from, to: edge.to, attributes: attributes)
        }
        edgeKinds = DiagramStyle.EdgeKind.allCases.filter(kinds.contains)
        return edges
    }
}

private extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
