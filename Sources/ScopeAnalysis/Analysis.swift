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

    // What the passes produced, for the questions below and for the advisor.
    let graph: ScopeGraph
    let holdings: Holdings
    let reachability: Reachability
    private let security: SecurityProtection
    let categorization: Categorization

    /// Analyzes `model` at `level` (default: the model's own).
    public init(model: Model, level: Int? = nil) {
        let level = level ?? model.organization.level
        let graph = ScopeGraph(model)
        // The passes, in order; each reads only what the passes before it produced.
        // 1. Which data every asset, provider and zone holds, and how it got there; on another core, what
        // pass 2 needs of the graph alone.
        let (holdings, network) = Parallel.both({ Holdings(graph: graph) }, { Reachability.Network(graph: graph) })
        // Passes 2 to 4 on one core; on another, what the rules ask of the holdings alone, which needs nothing else.
        let ((reachability, security, categorization), answers) = Parallel.both({
            // 2. Which assets share a network or a channel with CUI (needs the CUI holders).
            let reachability = Reachability(graph: graph, holdings: holdings, network: network, level: level)
            // 3. What protects the scope: seeded by CUI holders and reachable assets, to a fixed point.
            let security = SecurityProtection(graph: graph, holdings: holdings, reachability: reachability, level: level)
            // 4. The category ladder, first match wins, over the three results above; provider roles.
            let categorization = Categorization(graph: graph, holdings: holdings, reachability: reachability,
                                                security: security, level: level)
            return (reachability, security, categorization)
        }, {
            RuleContext.HoldingsAnswers(level: level, graph: graph, holdings: holdings)
        })
        // 5. The rule catalogue, over everything above.
        let context = RuleContext(model: model, level: level, graph: graph, holdings: holdings, reachability: reachability,
                                  categorization: categorization, answers: answers)
        let found = RuleFindings(context: context)
        // 6. The model's `suppress` statements, matched against the findings.
        let suppressed = Suppressions(model.suppressions, findings: found.findings, in: model)

        self.model = model
        self.level = level
        self.graph = graph
        self.holdings = holdings
        self.reachability = reachability
        self.security = security
        self.categorization = categorization
        assetCategories = categorization.categories
        assetRoles = categorization.roles
        providerRoles = categorization.providerRoles
        findings = suppressed.findings
        diagnostics = Analysis.assessmentDiagnostics(model.organization, level: level) + suppressed.diagnostics
    }

    /// An `assessment` that does not exist at the level analyzed (docs/scoping.md §1) is a model error, whether
    /// the level comes from the model or from `--level`.
    private static func assessmentDiagnostics(_ organization: Organization, level: Int) -> [Diagnostic] {
        let allowed = Organization.assessments(at: level)
        guard let assessment = organization.assessment, !allowed.contains(assessment), let span = organization.span else { return [] }
        return [Diagnostic(.error, .assessmentNotAtLevel, "`assessment \(assessment.rawValue)` does not exist at level \(level)", at: span,
                           hint: "level \(level) is assessed " + allowed.map { "`\($0.rawValue)`" }.joined(separator: " or "))]
    }

    // MARK: Questions about the result

    /// The data items `asset` holds, in declaration order.
    public func holdings(ofAsset asset: Int) -> [Int] { holdings.items(graph.node(asset: asset)) }

    public func holdings(ofProvider provider: Int) -> [Int] { holdings.items(graph.node(provider: provider)) }

    /// Every reason `asset` is in its category, each with its shortest witness chain: the data it holds, then
    /// the rung of the ladder that categorization recorded.
    public func reasons(forAsset asset: Int) -> [Reason] {
        let rung = categorization.rungs[asset]
        if rung == .outsideCMMC {
            guard !model.assets[asset].classified, let provider = model.hostingProvider(of: asset) else { return [Reason(.classified)] }
            return [Reason(.governmentHosted(provider: provider), ([asset] + model.hosts(of: asset)).map { Step.hosting(asset: $0) })]
        }
        let node = graph.node(asset: asset)
        var reasons = holdings.reasons(node, mask: level == 1 ? graph.cuiOrFCIMask : graph.cuiMask)
        if let security = security.reason(forAsset: asset) { reasons.append(security) }
        if case .reachable(let reach) = rung, let path = reachability.reason(asset) {
            reasons.append(path)
            switch reach {
            case .policy: reasons.append(Reason(.keptFreeByPolicy(asset: asset)))
            case .noPolicy: reasons.append(Reason(.noPolicy))
            case .specialized: break
            }
        }
        if reasons.isEmpty { reasons.append(Reason(.nothingInScope(level: level))) }
        return reasons
    }

    /// Every reason `provider` has its role.
    public func reasons(forProvider provider: Int) -> [Reason] {
        var reasons = holdings.reasons(graph.node(provider: provider), mask: graph.cuiOrFCIMask)
        if let support = categorization.providerReasons[provider], providerRoles[provider] == .espSPA { reasons.append(support) }
        if reasons.isEmpty { reasons.append(Reason(.supportsNothing)) }
        return reasons
    }

    /// What `flow` carries: the items it is labelled with, or, unlabeled, the CUI and FCI its source holds
    /// (both ends' for a two-way flow), presumed (docs/scoping.md §2).
    public func carried(byFlow flow: Int) -> (items: [Int], presumed: Bool) {
        holdings.carried(model.flows[flow], graph: graph)
    }

    /// Counts for the scope summary.
    public var summary: Summary { Summary(self) }
}

/// The scope summary of `check` (docs/output.md).
public struct Summary: Sendable, Hashable {
    /// Assets per category, and units (an asset's `count`) per category.
    public var categories: [AssetCategory: Int] = [:]
    public var units: [AssetCategory: Int] = [:]
    public var errors = 0, warnings = 0, infos = 0
    /// SPRS points at risk: each requirement an unsuppressed finding cites, counted once at its highest value.
    public var sprsExposure = 0
    /// The SPRS score: the perfect 110 less the exposure.
    public var sprsScore: Int { NIST800171.perfectScore - sprsExposure }

    init(_ analysis: Analysis) {
        // Counted by case in arrays: a dictionary keyed by an enum with raw values hashes the raw string.
        let all = AssetCategory.allCases
        var assets = [Int](repeating: 0, count: all.count), units = assets
        for a in analysis.assetCategories.indices {
            let c = all.firstIndex(of: analysis.assetCategories[a])!
            assets[c] += 1
            units[c] += analysis.model.assets[a].count
        }
        for c in all.indices where assets[c] > 0 {
            categories[all[c]] = assets[c]
            self.units[all[c]] = units[c]
        }
        for f in analysis.findings.indices where !analysis.findings[f].isSuppressed {
            switch analysis.findings[f].severity {
            case .error: errors += 1
            case .warning: warnings += 1
            case .info: infos += 1
            }
        }
        // A suppression that matches nothing is a warning like any other.
        warnings += analysis.diagnostics.count { $0.severity == .warning }
        sprsExposure = analysis.citedRequirements.reduce(0) { $0 + ($1.requirement.points ?? 0) }
    }
}
