import ScopeAnalysis
import ScopeModel

/// `cuiscope advise --format json` (docs/advisor.md): `{"scope_units": N, "suggestions": [...], "fixes": [...]}`.
public struct AdviceJSONReporter: Reporter {
    public init() {}

    public func write(_ report: AdviceReport, to output: inout some TextOutputStream) {
        let advice = report.advice
        let explainer = Explainer(model: advice.analysis.model)
        var document: [String: JSONNode] = [
            "model": .value(report.path),
            "scope_units": .value(advice.scopeUnits),
            "weights": .value(WeightsJSON(advice.weights)),
            "suggestions": .array(AnySequence(zip(advice.suggestions, report.patches).lazy.map { .value(SuggestionJSON(suggestion: $0.0, patch: $0.1)) })),
            "fixes": JSONNode.elements(advice.fixes) { FixJSON(fix: $0, explainer: explainer) },
        ]
        if let target = advice.target { document["target"] = .value(TargetJSON(target, model: advice.analysis.model)) }
        JSON.write(.object(document), to: &output)
    }

    struct SuggestionJSON: Encodable {
        let suggestion: AdvisedChange
        let patch: String

        func encode(to encoder: Encoder) throws {
            let text = AdviceText(suggestion: suggestion)
            let model = suggestion.diff.base.model
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(suggestion.rank, forKey: .rank)
            try container.encode(suggestion.kind.rawValue, forKey: .kind)
            try container.encode(text.title, forKey: .title)
            try container.encode(suggestion.moves.flatMap { $0.targetIDs(in: model) }, forKey: .targets)
            try container.encode(suggestion.moves.map { MoveJSON(move: $0, model: model) }, forKey: .moves)
            try container.encode(patch, forKey: .edit)
            try container.encode(EffectJSON(suggestion: suggestion, text: text), forKey: .effect)
            try container.encode(suggestion.diff.assets.map { AssetChangeJSON(id: $0.id, before: $0.before?.rawValue, after: $0.after?.rawValue) },
                                 forKey: .assets)
            try container.encode(text.caveats, forKey: .caveats)
            try container.encode(suggestion.score, forKey: .score)
            try container.encode(suggestion.cost, forKey: .cost)
        }

        enum Key: String, CodingKey { case rank, kind, title, targets, moves, edit, effect, assets, caveats, score, cost }
    }

    struct MoveJSON: Encodable {
        let move: Move
        let model: Model

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(move.kind.rawValue, forKey: .kind)
            try container.encode(move.target(in: model), forKey: .target)
            try container.encode(LocationJSON(move.span(in: model).location), forKey: .location)
        }

        enum Key: String, CodingKey { case kind, target, location }
    }

    struct EffectJSON: Encodable {
        let suggestion: AdvisedChange
        let text: AdviceText

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(suggestion.scopeUnitsAfter, forKey: .scopeUnitsAfter)
            try container.encode(CategoryUnitsJSON(suggestion.unitsLeaving), forKey: .unitsLeaving)
            try container.encode(CategoryUnitsJSON(suggestion.unitsAfter), forKey: .unitsAfter)
            try container.encode(suggestion.diff.resolvedFindings.map { FindingKeyJSON($0, in: suggestion.diff.base.model) }, forKey: .findingsResolved)
            try container.encode(suggestion.diff.newFindings.map { FindingKeyJSON($0, in: suggestion.diff.head.model) }, forKey: .findingsIntroduced)
            try container.encode(suggestion.sprsDelta, forKey: .sprsDelta)
        }

        enum Key: String, CodingKey {
            case scopeUnitsAfter = "scope_units_after", unitsLeaving = "units_leaving", unitsAfter = "units_after"
            case findingsResolved = "findings_resolved", findingsIntroduced = "findings_introduced", sprsDelta = "sprs_delta"
        }
    }

    /// Units per category, every category present (0 where none), keyed by its JSON name.
    struct CategoryUnitsJSON: Encodable {
        let units: [String: Int]

        init(_ units: [AssetCategory: Int]) {
            self.units = Dictionary(uniqueKeysWithValues: AdviceText.categories.map { ($0.rawValue, units[$0] ?? 0) })
        }

        func encode(to encoder: Encoder) throws { try units.encode(to: encoder) }
    }

    /// A finding as a diff matches it: rule, severity and subject.
    struct FindingKeyJSON: Encodable {
        let rule: String
        let severity: String
        let subject: String

        init(_ finding: Finding, in model: Model) {
            rule = finding.rule
            severity = finding.severity.rawValue
            subject = Explainer(model: model).text(finding.subject)
        }
    }

    struct AssetChangeJSON: Encodable {
        let id: String
        let before: String?
        let after: String?

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(id, forKey: .id)
            try container.encode(before, forKey: .before)
            try container.encode(after, forKey: .after)
        }

        enum Key: String, CodingKey { case id, before, after }
    }

    /// `{"rule", "severity", "points", "count", "remedy", "subjects"}`: every subject of the rule's open findings.
    struct FixJSON: Encodable {
        let fix: Advice.Fix
        let explainer: Explainer

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(fix.rule, forKey: .rule)
            try container.encode(fix.severity.rawValue, forKey: .severity)
            try container.encode(fix.points, forKey: .points)
            try container.encode(fix.findings.count, forKey: .count)
            try container.encode(fix.remedy, forKey: .remedy)
            try container.encode(fix.findings.map { explainer.text($0.subject) }, forKey: .subjects)
        }

        enum Key: String, CodingKey { case rule, severity, points, count, remedy, subjects }
    }

    struct WeightsJSON: Encodable {
        let categories: CategoryUnitsJSON
        let costs: [String: Int]

        init(_ weights: AdvisorWeights) {
            categories = CategoryUnitsJSON(weights.categories)
            costs = Dictionary(uniqueKeysWithValues: weights.costs.map { ($0.key.rawValue, $0.value) })
        }
    }

    struct TargetJSON: Encodable {
        let requested: Int
        let reached: Bool
        let scopeUnitsAfter: Int
        let holdingCUI: [String]
        let protecting: [String]
        let reaching: [String]

        init(_ target: TargetOutcome, model: Model) {
            requested = target.requested
            reached = target.reached
            scopeUnitsAfter = target.unitsAfter
            holdingCUI = target.holders.map { model.assets[$0].id }
            protecting = target.protectors.map { model.assets[$0].id }
            reaching = target.reaching.map { model.assets[$0].id }
        }

        enum CodingKeys: String, CodingKey {
            case requested, reached, scopeUnitsAfter = "scope_units_after", holdingCUI = "holding_cui", protecting, reaching
        }
    }
}
