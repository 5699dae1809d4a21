import ScopeAnalysis
import ScopeModel

// The JSON shapes of docs/output.md, field for field, shared by the JSON reporters. Keys are sorted on
// output; `null` is written, not omitted.

struct LocationJSON: JSONPrintable, Equatable {
    let file: String
    let line: Int
    let column: Int

    init(_ location: SourceLocation) {
        file = location.file
        line = location.line
        column = location.column
    }

    func writeMembers(to object: inout some JSONMembers) {
        object.member("column", column)
        object.member("file", file)
        object.member("line", line)
    }
}

struct RequirementJSON: JSONPrintable {
    let requirement: Requirement

    func writeMembers(to object: inout some JSONMembers) {
        object.member("nist", requirement.nist)
        object.member("poam", requirement.poam)
        object.member("points", requirement.points)
        object.member("practice", requirement.practice)
    }
}

struct FindingJSON: JSONPrintable {
    let finding: Finding
    let explainer: Explainer

    func writeMembers(to object: inout some JSONMembers) {
        object.member("basis", finding.basis)
        object.member("evidence", finding.evidence.map(explainer.text))
        object.member("location", LocationJSON(finding.location))
        object.member("message", finding.message)
        object.member("remedy", finding.remedy)
        object.member("requirements", finding.requirements.map(RequirementJSON.init))
        object.member("rule", finding.rule)
        object.member("severity", finding.severity.rawValue)
        object.member("subject", explainer.text(finding.subject))
        object.member("suppressed", finding.suppression.map(SuppressionJSON.init))
    }

    struct SuppressionJSON: JSONPrintable {
        let suppression: Suppression

        func writeMembers(to object: inout some JSONMembers) {
            object.member("location", LocationJSON(suppression.span.location))
            object.member("reason", suppression.reason)
        }
    }
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

struct AssetJSON: JSONPrintable {
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

    func writeMembers(to object: inout some JSONMembers) {
        object.member("category", category)
        object.member("claimed", claimed)
        object.member("count", count)
        object.member("description", description)
        object.member("holds", holds)
        object.member("id", id)
        object.member("label", label)
        object.member("location", location)
        object.member("owner", owner)
        object.member("roles", roles)
        object.member("type", type)
        object.member("why", why)
        object.member("zone", zone)
    }
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
