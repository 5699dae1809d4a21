import ScopeModel

/// The scope-reduction advisor (docs/advisor.md): design changes ranked by how much they shrink the
/// assessment scope, each verified by analyzing the changed model, so that every effect it reports is computed.
public struct Advice: Sendable {
    public let analysis: Analysis
    public let weights: AdvisorWeights
    /// In-scope units today: `count` summed over assets in scope.
    public let scopeUnits: Int
    /// Verified changes, best first.
    public let suggestions: [AdvisedChange]
    /// With `--target`: whether the suggestion reaches it, and what keeps the rest in scope.
    public let target: TargetOutcome?
    /// Open errors and warnings by rule, most SPRS points first: the fixes (FedRAMP, MFA, encryption...) that
    /// change findings, whatever the scope.
    public var fixes: [Fix] {
        let open = analysis.findings.filter { !$0.isSuppressed && $0.severity != .info }
        return Dictionary(grouping: open, by: \.rule).values.map { Fix(findings: $0) }
            .sorted { ($0.points, $1.rule) > ($1.points, $0.rule) }
    }

    /// The open findings of one rule.
    public struct Fix: Sendable {
        /// In report order.
        public let findings: [Finding]
        public var rule: String { findings[0].rule }
        public var severity: Severity { findings[0].severity }
        public var remedy: String { findings[0].remedy }
        /// The SPRS points one finding of the rule is worth.
        public var points: Int { findings.map(\.points).max() ?? 0 }
    }

    /// Candidates are verified up to this many per run (the cut comes on top), fewer on large models, where
    /// each verification is a full analysis: 16 up to 31,250 relations, down to 2 (one per core) at a million.
    static func verificationBudget(_ model: Model) -> Int { min(16, max(2, 500_000 / max(1, model.relationCount))) }

    /// Finds, verifies and ranks the changes for `analysis`; with `target`, the cheapest combination that brings
    /// the scope to at most that many units, or the best reachable.
    public init(_ analysis: Analysis, weights: AdvisorWeights = AdvisorWeights(), target: Int? = nil) {
        self.analysis = analysis
        self.weights = weights
        scopeUnits = Advice.units(analysis)
        let candidates = Candidates(analysis, weights: weights).best(Advice.verificationBudget(analysis.model)).map { [$0] }
        let cut = MinimumCut.moves(analysis, weights: weights)
        let tried = candidates + (cut.count > 1 && !candidates.contains(cut) ? [cut] : [])
        let verified = Advice.verify(tried, against: analysis, weights: weights).compactMap { $0 }
        if let target {
            let plan = Advice.plan(reaching: target, from: verified, against: analysis, weights: weights)
            suggestions = plan.map { [$0.ranked(1)] } ?? []
            self.target = TargetOutcome(requested: target, analysis: plan?.diff.head ?? analysis)
        } else {
            suggestions = verified.sorted(by: AdvisedChange.ranksBefore).enumerated().map { $0.element.ranked($0.offset + 1) }
            self.target = nil
        }
    }

    static func units(_ analysis: Analysis) -> Int {
        analysis.assetCategories.indices.reduce(0) { $0 + (analysis.assetCategories[$1].inScope ? analysis.model.assets[$1].count : 0) }
    }

    static func score(_ analysis: Analysis, _ weights: AdvisorWeights) -> Int {
        analysis.assetCategories.indices.reduce(0) { $0 + weights.weight(ofAsset: $1, in: analysis) }
    }

    /// Analyzes the model with each set of moves applied, two at a time; nil where the change does not
    /// shrink the weighted scope, grows the units in scope, or brings a new error.
    static func verify(_ tries: [[Move]], against analysis: Analysis, weights: AdvisorWeights) -> [AdvisedChange?] {
        let before = (units: units(analysis), score: score(analysis, weights))
        return Parallel.map(tries.count) { index in
            let moves = tries[index]
            let head = Analysis(model: Move.apply(moves, to: analysis.model), level: analysis.level)
            let gain = before.score - score(head, weights)
            guard gain > 0, units(head) <= before.units, !head.diagnostics.contains(where: { $0.severity == .error }) else { return nil }
            let diff = ScopeDiff(base: analysis, head: head, causes: false)
            guard !diff.newFindings.contains(where: { $0.severity == .error }) else { return nil }
            return AdvisedChange(rank: 0, moves: moves, diff: diff, score: gain, cost: weights.cost(moves))
        }
    }

    /// Greedy over the verified changes that take units out of scope, most units per cost first, each addition
    /// verified, until the scope is at most `target` units; nil when today's scope meets it or nothing helps.
    static func plan(reaching target: Int, from verified: [AdvisedChange], against analysis: Analysis, weights: AdvisorWeights) -> AdvisedChange? {
        let today = units(analysis)
        guard today > target else { return nil }
        func freed(_ change: AdvisedChange) -> Int { today - change.scopeUnitsAfter }
        let pool = verified.filter { freed($0) > 0 }.sorted {
            freed($0) * $1.cost != freed($1) * $0.cost ? freed($0) * $1.cost > freed($1) * $0.cost : $0.moves.lexicographicallyPrecedes($1.moves)
        }
        var best: AdvisedChange?
        for candidate in pool {
            if let best, best.scopeUnitsAfter <= target { break }
            let moves = Array(Set((best?.moves ?? []) + candidate.moves)).sorted()
            guard moves != best?.moves, let tried = verify([moves], against: analysis, weights: weights)[0] else { continue }
            if best.map({ tried.scopeUnitsAfter < $0.scopeUnitsAfter }) ?? true { best = tried }
        }
        return best
    }
}

/// One verified change: its moves, and what analyzing the changed model showed.
public struct AdvisedChange: Sendable {
    /// 1-based: the number `--apply` takes.
    public let rank: Int
    public let moves: [Move]
    /// The analyses before and after, compared for consequences only (assets, providers, findings): the
    /// moves are the causes.
    public let diff: ScopeDiff
    /// The weighted units leaving scope.
    public let score: Int
    public let cost: Int

    public var kind: Move.Kind { moves.count == 1 ? moves[0].kind : .combined }
    public var scopeUnitsBefore: Int { Advice.units(diff.base) }
    public var scopeUnitsAfter: Int { Advice.units(diff.head) }

    /// Units per category before the change that are no longer in it after.
    public var unitsLeaving: [AssetCategory: Int] {
        var units: [AssetCategory: Int] = [:]
        for change in diff.assets {
            guard let before = change.before, before.inScope, let a = change.baseAsset else { continue }
            units[before, default: 0] += diff.base.model.assets[a].count
        }
        return units
    }

    /// Units per category after the change.
    public var unitsAfter: [AssetCategory: Int] { diff.head.summary.units }

    /// The change in the SPRS score: the points at risk before, less those after (positive is better).
    public var sprsDelta: Int { diff.base.summary.sprsExposure - diff.head.summary.sprsExposure }

    /// The moves as edits of the root model file.
    public var edits: [ModelEdit] { moves.flatMap { $0.edits(in: diff.base.model) } }

    func ranked(_ rank: Int) -> AdvisedChange { AdvisedChange(rank: rank, moves: moves, diff: diff, score: score, cost: cost) }

    /// Most weight out of scope first; then the cheaper, the better for SPRS, and by the moves themselves.
    static func ranksBefore(_ lhs: AdvisedChange, _ rhs: AdvisedChange) -> Bool {
        (lhs.score, -lhs.cost, lhs.sprsDelta) != (rhs.score, -rhs.cost, rhs.sprsDelta)
            ? (lhs.score, -lhs.cost, lhs.sprsDelta) > (rhs.score, -rhs.cost, rhs.sprsDelta)
            : lhs.moves.lexicographicallyPrecedes(rhs.moves)
    }
}

/// What `--target N` achieved, and what stops the rest.
public struct TargetOutcome: Sendable {
    public let requested: Int
    public let reached: Bool
    /// Units in scope with the best suggestion applied (today's, when there is none).
    public let unitsAfter: Int
    /// What stays in scope with the best suggestion applied: assets that hold CUI themselves, assets that
    /// protect the scope, and assets that still reach CUI because no verified change separates them.
    public let holders: [Int]
    public let protectors: [Int]
    public let reaching: [Int]

    init(requested: Int, analysis: Analysis) {
        self.requested = requested
        unitsAfter = Advice.units(analysis)
        reached = unitsAfter <= requested
        let rungs = analysis.categorization.rungs
        holders = rungs.indices.filter { rungs[$0] == .holdsData }
        protectors = rungs.indices.filter { rungs[$0] == .securityProtection }
        reaching = rungs.indices.filter { if case .reachable = rungs[$0] { true } else { false } }
    }

    /// Units held in scope by CUI the assets hold themselves, and by security protection.
    public func units(of assets: [Int], in model: Model) -> Int { assets.reduce(0) { $0 + model.assets[$1].count } }
}

extension Finding {
    /// The SPRS points its requirements are worth, each counted once at most.
    public var points: Int { requirements.reduce(0) { $0 + ($1.points ?? 0) } }
}
