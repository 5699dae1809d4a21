import ScopeModel

/// The scope of a model: every asset's category and roles, every provider's role, the findings, and the
/// reasons behind each, computed by ordered passes over one graph built once.
public struct Analysis: Sendable {
    public let model: Model
    /// The CMMC level analyzed (the model's, or the `--level` override).
    public let level: Int
    public let assetCategories: [AssetCategory]
    public let assetRoles: [[AssetCategory]]
    public let providerRoles: [ProviderRole]
    /// Every finding, suppressed ones included (marked), in report order: severity, then position.
    public let findings: [Finding]
    /// Problems with the model's suppressions: an unknown rule (error), a suppression that matches nothing (warning).
    public let diagnostics: [Diagnostic]

    private let graph: ScopeGraph
    private let holdings: Holdings
    private let reachability: Reachability?
    private let categorization: Categorization

    /// Analyzes `model` at `level` (default: the model's own).
    public init(model: Model, level: Int? = nil) {
        self.model = model
        let level = level ?? model.organization.level
        self.level = level
        let graph = ScopeGraph(model)
        let holdings = Holdings(graph: graph)
        var reachability: Reachability?
        let categorization = Categorization(graph: graph, holdings: holdings, level: level) { isSource in
            let result = Reachability(graph: graph, isSource: isSource)
            reachability = result
            return result
        }
        self.graph = graph
        self.holdings = holdings
        self.reachability = reachability
        self.categorization = categorization
        assetCategories = categorization.categories
        assetRoles = categorization.roles
        providerRoles = categorization.providerRoles

        let context = RuleContext(model: model, level: level, graph: graph, holdings: holdings,
                                  categorization: categorization, reachability: reachability)
        var findings = Rule.catalogue.filter { $0.levels.contains(level) }.flatMap { $0.check($0, context) }
        var diagnostics = DiagnosticBag()
        Analysis.applySuppressions(model.suppressions, to: &findings, diagnostics: &diagnostics)
        self.findings = Analysis.reportOrder(findings, files: model.files)
        self.diagnostics = diagnostics.all
    }

    /// Errors first, then warnings, then infos; within each, by file, position, catalogue order and subject. Sorts small keys, not the findings.
    private static func reportOrder(_ findings: [Finding], files: [SourceFile]) -> [Finding] {
        let ruleOrder = Dictionary(uniqueKeysWithValues: Rule.catalogue.enumerated().map { ($1.id, $0) })
        let fileOrder = Dictionary(files.enumerated().map { (ObjectIdentifier($1), $0) }, uniquingKeysWith: { a, _ in a })
        let keys = findings.map { finding in
            (severity: Severity.allCases.firstIndex(of: finding.severity)!,
             file: fileOrder[ObjectIdentifier(finding.span.file)] ?? 0, offset: finding.span.offset, rule: ruleOrder[finding.rule]!)
        }
        let order = findings.indices.sorted { i, j in
            let (a, b) = (keys[i], keys[j])
            if a != b { return a < b }
            return findings[i].subject < findings[j].subject
        }
        return order.map { findings[$0] }
    }

    // `suppress RULE on ID "why"` silences matching findings and keeps the justification on them.
    private static func applySuppressions(_ suppressions: [Suppression], to findings: inout [Finding],
                                          diagnostics: inout DiagnosticBag) {
        for suppression in suppressions {
            guard Rule.named(suppression.rule) != nil else {
                diagnostics.error("unknown rule `\(suppression.rule)`", at: suppression.span,
                                  hint: Suggestion.didYouMean(suppression.rule, in: Rule.catalogue.map(\.id))
                                    ?? "`cuiscope rules` lists every rule")
                continue
            }
            var matched = false
            for index in findings.indices where findings[index].rule == suppression.rule
                && findings[index].subject == suppression.subject && findings[index].suppression == nil {
                findings[index].suppression = suppression
                matched = true
            }
            if !matched {
                diagnostics.warning("`suppress \(suppression.rule) on \(suppression.subject)` matches no finding",
                                    at: suppression.span, hint: "remove it, or check the rule id and the subject")
            }
        }
    }

    // MARK: Questions about the result

    /// The data items `asset` holds, in declaration order.
    public func holdings(ofAsset asset: Int) -> [Int] { holdings.items(graph.node(asset: asset)) }

    public func holdings(ofProvider provider: Int) -> [Int] { holdings.items(graph.node(provider: provider)) }

    /// Every reason `asset` is in its category, each with its shortest witness chain.
    public func reasons(forAsset asset: Int) -> [Reason] {
        let item = model.assets[asset]
        let category = assetCategories[asset]
        if item.classified { return [Reason("classified system: outside CMMC (32 CFR 170.19)")] }
        var reasons = heldData(graph.node(asset: asset), classes: level == 1 ? [.cui, .fci] : [.cui])
        if categorization.vdiException[asset] {
            reasons.append(Reason("KVM-only VDI client: its CUI stays in the VDI session, so it is Out-of-Scope"))
        }
        if let security = categorization.securityReasons[asset] { reasons.append(security) }
        let holdsCUI = holdings.holdsAny(graph.node(asset: asset), of: graph.cuiMask)
        if level > 1, !holdsCUI, !categorization.vdiException[asset], categorization.securityReasons[asset] == nil,
           let reach = reachability?.reason(asset, in: model), !reach.steps.isEmpty {
            reasons.append(reach)
            if let policy = item.policy, category == .crma || (level == 3 && category == .cui) {
                reasons.append(Reason("kept free of CUI by policy: \(policy)"))
            } else if categorization.forcedByReach[asset] {
                reasons.append(Reason("no policy keeps CUI off it, so it counts as a CUI Asset"))
            }
        }
        if category == .out, reasons.isEmpty {
            reasons.append(Reason(level == 1 ? "holds no FCI or CUI" : "holds no CUI, protects nothing in scope, and cannot reach CUI"))
        }
        return reasons
    }

    /// Every reason `provider` has its role.
    public func reasons(forProvider provider: Int) -> [Reason] {
        var reasons = heldData(graph.node(provider: provider), classes: [.cui, .fci])
        if let security = categorization.providerReasons[provider], providerRoles[provider] == .espSPA { reasons.append(security) }
        if reasons.isEmpty { reasons.append(Reason("holds no CUI and supports nothing in scope")) }
        return reasons
    }

    private func heldData(_ node: Int, classes: Set<DataClass>) -> [Reason] {
        holdings.items(node).filter { classes.contains(model.data[$0].dataClass) }.map { holdings.reason(node, $0, in: model) }
    }

    /// Counts for the scope summary.
    public var summary: Summary { Summary(self) }
}

/// The scope summary of `check` (CLI.md).
public struct Summary: Sendable, Hashable {
    public var categories: [AssetCategory: Int] = [:]
    public var errors = 0, warnings = 0, infos = 0
    /// SPRS points at risk: each requirement an unsuppressed finding cites, counted once at its highest value.
    public var sprsExposure = 0

    init(_ analysis: Analysis) {
        for category in analysis.assetCategories { categories[category, default: 0] += 1 }
        var points: [String: Int] = [:]
        for finding in analysis.findings where !finding.isSuppressed {
            switch finding.severity {
            case .error: errors += 1
            case .warning: warnings += 1
            case .info: infos += 1
            }
            for requirement in finding.requirements {
                points[requirement.nist] = max(points[requirement.nist] ?? 0, requirement.points ?? 0)
            }
        }
        sprsExposure = points.values.reduce(0, +)
    }
}
