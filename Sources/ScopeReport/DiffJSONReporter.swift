import ScopeAnalysis

/// `cuiscope diff --format json` (docs/output.md), with the relation changes under `relations`.
public struct DiffJSONReporter: Reporter {
    public init() {}

    public func write(_ report: DiffReport, to output: inout some TextOutputStream) {
        JSON.write(Document(report), to: &output)
    }

    struct Document: Encodable {
        let report: DiffReport

        init(_ report: DiffReport) { self.report = report }

        func encode(to encoder: Encoder) throws {
            let diff = report.diff
            let text = DiffText(diff)
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(report.base, forKey: .base)
            try container.encode(report.head, forKey: .head)
            try container.encode(diff.verdict, forKey: .verdict)
            try container.encode(diff.declarations.map { DeclarationChangeJSON(change: $0, text: text) }, forKey: .declarations)
            try container.encode(diff.assets.map { ChangeJSON(id: $0.id, before: $0.before?.rawValue, after: $0.after?.rawValue,
                                                              why: text.why($0)) }, forKey: .assets)
            try container.encode(diff.providers.map { ChangeJSON(id: $0.id, before: $0.before?.rawValue, after: $0.after?.rawValue,
                                                                 why: nil) }, forKey: .providers)
            try container.encode(FindingsJSON(new: diff.newFindings.map { FindingJSON(finding: $0, explainer: text.head) },
                                              resolved: diff.resolvedFindings.map { FindingJSON(finding: $0, explainer: text.base) }),
                                 forKey: .findings)
            try container.encode(diff.relations.map { RelationChangeJSON(change: $0, text: text) }, forKey: .relations)
        }

        enum Key: String, CodingKey { case base, head, verdict, declarations, assets, providers, findings, relations }
    }

    struct FindingsJSON: Encodable {
        let new: [FindingJSON]
        let resolved: [FindingJSON]
    }

    /// An element that changed: `id`, `before`, `after` (null for added or removed), and for assets `why`.
    struct ChangeJSON: Encodable {
        let id: String
        let before: String?
        let after: String?
        let why: [String]?

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(id, forKey: .id)
            try container.encode(before, forKey: .before)
            try container.encode(after, forKey: .after)
            try container.encodeIfPresent(why, forKey: .why)
        }

        enum Key: String, CodingKey { case id, before, after, why }
    }

    /// `{"element": "zone office", "attribute": "separation", "before": "logical", "after": null, "locations": {...}}`.
    struct DeclarationChangeJSON: Encodable {
        let change: ScopeDiff.DeclarationChange
        let text: DiffText

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            let element = change.headElement.map { (text.head.model, $0) } ?? change.baseElement.map { (text.base.model, $0) }
            try container.encode(element.map { "\($0.1.keyword) \($0.0.id(of: $0.1))" } ?? "organization", forKey: .element)
            try container.encode(change.attribute, forKey: .attribute)
            try container.encode(change.before, forKey: .before)
            try container.encode(change.after, forKey: .after)
            let (before, after) = text.locations(change)
            try container.encode(before.map(LocationJSON.init), forKey: .beforeLocation)
            try container.encode(after.map(LocationJSON.init), forKey: .afterLocation)
        }

        enum Key: String, CodingKey {
            case element, attribute, before, after, beforeLocation = "before-location", afterLocation = "after-location"
        }
    }

    struct RelationChangeJSON: Encodable {
        let change: ScopeDiff.RelationChange
        let text: DiffText

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            let (before, after) = text.attributes(change)
            try container.encode(text.relation(change), forKey: .relation)
            try container.encode(change.kind.rawValue, forKey: .change)
            try container.encode(before, forKey: .before)
            try container.encode(after, forKey: .after)
            try container.encode(text.location(change).map(LocationJSON.init), forKey: .location)
        }

        enum Key: String, CodingKey { case relation, change, before, after, location }
    }
}
