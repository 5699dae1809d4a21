import ScopeAnalysis
import ScopeModel

// The JSON shapes of docs/output.md, field for field, shared by the JSON reporters. Keys are sorted on
// output; `null` is written, not omitted.

struct LocationJSON: Encodable, Equatable {
    let file: String
    let line: Int
    let column: Int

    init(_ location: SourceLocation) {
        file = location.file
        line = location.line
        column = location.column
    }
}

struct RequirementJSON: Encodable {
    let requirement: Requirement

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(requirement.nist, forKey: .nist)
        try container.encode(requirement.practice, forKey: .practice)
        try container.encode(requirement.points, forKey: .points)
        try container.encode(requirement.poam, forKey: .poam)
    }

    enum Key: String, CodingKey { case nist, practice, points, poam }
}

struct FindingJSON: Encodable {
    let finding: Finding
    let explainer: Explainer

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(finding.rule, forKey: .rule)
        try container.encode(finding.severity.rawValue, forKey: .severity)
        try container.encode(explainer.text(finding.subject), forKey: .subject)
        try container.encode(finding.message, forKey: .message)
        try container.encode(finding.remedy, forKey: .remedy)
        try container.encode(LocationJSON(finding.location), forKey: .location)
        try container.encode(finding.requirements.map(RequirementJSON.init), forKey: .requirements)
        try container.encode(finding.basis, forKey: .basis)
        try container.encode(finding.evidence.map(explainer.text), forKey: .evidence)
        if let suppression = finding.suppression {
            try container.encode(SuppressionJSON(reason: suppression.reason, location: LocationJSON(suppression.span.location)),
                                 forKey: .suppressed)
        } else {
            try container.encodeNil(forKey: .suppressed)
        }
    }

    struct SuppressionJSON: Encodable {
        let reason: String
        let location: LocationJSON
    }

    enum Key: String, CodingKey { case rule, severity, subject, message, remedy, location, requirements, basis, evidence, suppressed }
}

struct SummaryJSON: Encodable {
    let summary: Summary
    let level: Int

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: JSONKey.self)
        for category in AssetCategory.allCases where category != .fci || level == 1 {
            try container.encode(summary.categories[category] ?? 0, forKey: JSONKey(category.rawValue))
        }
        try container.encode(Units(summary: summary, level: level), forKey: JSONKey("units"))
        try container.encode(summary.errors, forKey: JSONKey("errors"))
        try container.encode(summary.warnings, forKey: JSONKey("warnings"))
        try container.encode(summary.infos, forKey: JSONKey("infos"))
        try container.encode(summary.sprsExposure, forKey: JSONKey("sprs-exposure"))
    }
}

/// A key made at run time: a category's name, or a member of a `JSONObject`.
struct JSONKey: CodingKey {
    let stringValue: String
    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    var intValue: Int? { nil }
    init?(intValue: Int) { nil }
}

/// Units (asset `count`s) per category, beside the summary's asset counts.
private struct Units: Encodable {
    let summary: Summary
    let level: Int

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: JSONKey.self)
        for category in AssetCategory.allCases where category != .fci || level == 1 {
            try container.encode(summary.units[category] ?? 0, forKey: JSONKey(category.rawValue))
        }
    }
}

struct AssetJSON: Encodable {
    let id: String
    let label: String?
    let type: String
    let zone: String?
    let count: Int
    let category: String
    let claimed: String?
    let owner: String?
    let description: String?
    let roles: [String]
    let holds: [String]
    let location: LocationJSON
    let why: [String]

    init(_ asset: Int, in analysis: Analysis, explainer: Explainer) {
        let model = analysis.model
        let item = model.assets[asset]
        id = item.id
        label = item.label
        type = item.type.rawValue
        zone = model.zone(placing: asset).map { model.zones[$0].id }
        count = item.count
        category = analysis.assetCategories[asset].rawValue
        claimed = item.claimedCategory?.rawValue
        owner = item.owner
        description = item.description
        roles = analysis.assetRoles[asset].map(\.rawValue)
        holds = analysis.holdings(ofAsset: asset).map { model.data[$0].id }
        location = LocationJSON(item.span.location)
        why = analysis.reasons(forAsset: asset).map(explainer.text)
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(id, forKey: .id)
        try container.encode(label, forKey: .label)
        try container.encode(type, forKey: .type)
        try container.encode(zone, forKey: .zone)
        try container.encode(count, forKey: .count)
        try container.encode(category, forKey: .category)
        try container.encode(claimed, forKey: .claimed)
        try container.encode(owner, forKey: .owner)
        try container.encode(description, forKey: .description)
        try container.encode(roles, forKey: .roles)
        try container.encode(holds, forKey: .holds)
        try container.encode(location, forKey: .location)
        try container.encode(why, forKey: .why)
    }

    enum Key: String, CodingKey { case id, label, type, zone, count, category, claimed, owner, description, roles, holds, location, why }
}

struct ProviderJSON: Encodable {
    let id: String
    let type: String
    let inScope: Bool
    let role: String
    let holds: [String]
    let location: LocationJSON
    let why: [String]

    init(_ provider: Int, in analysis: Analysis, explainer: Explainer) {
        let model = analysis.model
        let item = model.providers[provider]
        id = item.id
        type = item.type.rawValue
        inScope = analysis.providerRoles[provider].inScope
        role = analysis.providerRoles[provider].rawValue
        holds = analysis.holdings(ofProvider: provider).map { model.data[$0].id }
        location = LocationJSON(item.span.location)
        why = analysis.reasons(forProvider: provider).map(explainer.text)
    }

    enum CodingKeys: String, CodingKey {
        case id, type, inScope = "in-scope", role, holds, location, why
    }
}

struct ISOOverlapJSON: Encodable {
    let inScopeNotCertified: [String]
    let certifiedOutOfScope: [String]

    init(_ overlap: ISOOverlap, in model: Model) {
        inScopeNotCertified = overlap.inScopeNotCertified.map { model.assets[$0].id }
        certifiedOutOfScope = overlap.certifiedOutOfScope.map { model.assets[$0].id }
    }

    enum CodingKeys: String, CodingKey {
        case inScopeNotCertified = "in-scope-not-certified", certifiedOutOfScope = "certified-out-of-scope"
    }
}
