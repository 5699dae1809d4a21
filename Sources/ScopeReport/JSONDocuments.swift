import Foundation
import ScopeAnalysis
import ScopeModel

// The JSON shapes of CLI.md, field for field. Keys are sorted on output; `null` is written, not omitted.

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

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(finding.rule, forKey: .rule)
        try container.encode(finding.severity.rawValue, forKey: .severity)
        try container.encode(finding.subject, forKey: .subject)
        try container.encode(finding.message, forKey: .message)
        try container.encode(finding.remedy, forKey: .remedy)
        try container.encode(LocationJSON(finding.location), forKey: .location)
        try container.encode(finding.requirements.map(RequirementJSON.init), forKey: .requirements)
        try container.encode(finding.basis, forKey: .basis)
        try container.encode(finding.evidence, forKey: .evidence)
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
        var container = encoder.container(keyedBy: Key.self)
        for category in AssetCategory.allCases where category != .fci || level == 1 {
            try container.encode(summary.categories[category] ?? 0, forKey: Key(category.rawValue))
        }
        try container.encode(summary.errors, forKey: Key("errors"))
        try container.encode(summary.warnings, forKey: Key("warnings"))
        try container.encode(summary.infos, forKey: Key("infos"))
        try container.encode(summary.sprsExposure, forKey: Key("sprs-exposure"))
    }

    struct Key: CodingKey {
        let stringValue: String
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        var intValue: Int? { nil }
        init?(intValue: Int) { nil }
    }
}

/// `check --format json`.
struct CheckJSON: Encodable {
    let model: String
    let level: Int
    let summary: SummaryJSON
    let findings: [FindingJSON]

    init(_ analysis: Analysis, path: String) {
        model = path
        level = analysis.level
        summary = SummaryJSON(summary: analysis.summary, level: analysis.level)
        findings = analysis.findings.map(FindingJSON.init)
    }
}

/// `scope --format json`.
struct ScopeJSON: Encodable {
    let model: String
    let level: Int
    let assets: [AssetJSON]
    let providers: [ProviderJSON]
    let iso27001: ISOOverlapJSON?

    init(_ analysis: Analysis, path: String) {
        let explainer = Explainer(model: analysis.model)
        let model = analysis.model
        self.model = path
        level = analysis.level
        assets = model.assets.indices.map { a in
            let asset = model.assets[a]
            return AssetJSON(
                id: asset.id, label: asset.label, type: asset.type.rawValue, zone: asset.zone.map { model.zones[$0].id },
                category: analysis.assetCategories[a].rawValue, roles: analysis.assetRoles[a].map(\.rawValue),
                holds: analysis.holdings(ofAsset: a).map { model.data[$0].id }, location: LocationJSON(asset.span.location),
                why: analysis.reasons(forAsset: a).map(explainer.text))
        }
        providers = model.providers.indices.map { p in
            let provider = model.providers[p]
            return ProviderJSON(
                id: provider.id, type: provider.type.rawValue, inScope: analysis.providerRoles[p].inScope,
                role: analysis.providerRoles[p].rawValue, holds: analysis.holdings(ofProvider: p).map { model.data[$0].id },
                location: LocationJSON(provider.span.location), why: analysis.reasons(forProvider: p).map(explainer.text))
        }
        iso27001 = ISOOverlap(analysis).map(ISOOverlapJSON.init)
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(model, forKey: .model)
        try container.encode(level, forKey: .level)
        try container.encode(assets, forKey: .assets)
        try container.encode(providers, forKey: .providers)
        try container.encodeIfPresent(iso27001, forKey: .iso27001)
    }

    enum Key: String, CodingKey { case model, level, assets, providers, iso27001 }
}

struct AssetJSON: Encodable {
    let id: String
    let label: String?
    let type: String
    let zone: String?
    let category: String
    let roles: [String]
    let holds: [String]
    let location: LocationJSON
    let why: [String]

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(id, forKey: .id)
        try container.encode(label, forKey: .label)
        try container.encode(type, forKey: .type)
        try container.encode(zone, forKey: .zone)
        try container.encode(category, forKey: .category)
        try container.encode(roles, forKey: .roles)
        try container.encode(holds, forKey: .holds)
        try container.encode(location, forKey: .location)
        try container.encode(why, forKey: .why)
    }

    enum Key: String, CodingKey { case id, label, type, zone, category, roles, holds, location, why }
}

struct ProviderJSON: Encodable {
    let id: String
    let type: String
    let inScope: Bool
    let role: String
    let holds: [String]
    let location: LocationJSON
    let why: [String]

    enum CodingKeys: String, CodingKey {
        case id, type, inScope = "in-scope", role, holds, location, why
    }
}

struct ISOOverlapJSON: Encodable {
    let overlap: ISOOverlap

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(overlap.inScopeNotCertified, forKey: .inScopeNotCertified)
        try container.encode(overlap.certifiedOutOfScope, forKey: .certifiedOutOfScope)
    }

    enum Key: String, CodingKey {
        case inScopeNotCertified = "in-scope-not-certified", certifiedOutOfScope = "certified-out-of-scope"
    }
}

enum JSON {
    /// Pretty-printed, keys sorted, one trailing newline: byte-identical for the same input.
    static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding our own value types cannot fail.
        return String(decoding: try! encoder.encode(value), as: UTF8.self) + "\n"
    }
}
