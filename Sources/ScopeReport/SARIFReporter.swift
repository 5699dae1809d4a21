import ScopeAnalysis
import ScopeModel

/// SARIF 2.1.0 for code scanning: one rule descriptor per catalogue rule, one result per finding, each
/// with a repository-relative location and a fingerprint that does not move when lines do.
public struct SARIFReporter: Sendable {
    /// Maps a model path as printed to a repository-relative URI.
    public var artifactURI: @Sendable (String) -> String

    public init(artifactURI: @escaping @Sendable (String) -> String = { $0 }) { self.artifactURI = artifactURI }

    public func render(_ findings: [Finding]) -> String {
        let rules = Rule.catalogue
        let index = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.id, $0) })
        let driver: [String: SARIFValue] = [
            "name": "cuiscope", "version": .string(CuiscopeVersion.current),
            "rules": .array(rules.map { rule in .object([
                "id": .string(rule.id),
                "name": .string(rule.id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()),
                "shortDescription": .object(["text": .string("Fires when " + rule.summary)]),
                "fullDescription": .object(["text": .string("Fires when \(rule.summary). Basis: \(rule.basis).")]),
                "help": .object(["text": .string(rule.remedy)]),
                "defaultConfiguration": .object(["level": .string(level(rule.severity))]),
                "properties": .object([
                    // SARIF tags are unique: a practice cited at two point values is one tag.
                    "tags": .array((["CMMC"] + rule.requirements.map(\.practice)).reduce(into: [String]()) { tags, tag in
                        if !tags.contains(tag) { tags.append(tag) }
                    }.map(SARIFValue.string)),
                    "levels": .array(rule.levels.sorted().map { .number($0) }),
                ]),
            ]) }),
        ]
        let results: [SARIFValue] = findings.map { finding in
            let uri = artifactURI(finding.location.file)
            var result: [String: SARIFValue] = [
                "ruleId": .string(finding.rule),
                "ruleIndex": .number(index[finding.rule] ?? 0),
                "level": .string(level(finding.severity)),
                "message": .object(["text": .string("\(finding.message) (\(finding.subject))")]),
                "locations": .array([.object(["physicalLocation": .object([
                    "artifactLocation": .object(["uri": .string(uri), "uriBaseId": "%SRCROOT%"]),
                    "region": .object(["startLine": .number(finding.location.line), "startColumn": .number(finding.location.column)]),
                ])])]),
                // Rule, subject and file: stable when lines move, different for each finding.
                "partialFingerprints": .object(["cuiscope/v1": .string(fingerprint(finding.rule, finding.subject, uri))]),
                "properties": .object([
                    "subject": .string(finding.subject), "basis": .string(finding.basis),
                    "evidence": .array(finding.evidence.map(SARIFValue.string)),
                    "requirements": .array(finding.requirements.map { .string($0.practice) }),
                ]),
            ]
            if let suppression = finding.suppression {
                result["suppressions"] = .array([.object(["kind": "inSource", "justification": .string(suppression.reason)])])
            }
            return .object(result)
        }
        let document: SARIFValue = .object([
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": .array([.object(["tool": .object(["driver": .object(driver)]), "results": .array(results)])]),
        ])
        return JSON.encode(document)
    }

    private func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    /// 64-bit FNV-1a, in hex: the same on every run and machine.
    private func fingerprint(_ parts: String...) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in parts.joined(separator: "\u{1}").utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

/// The cuiscope version reported in SARIF and `--version`.
public enum CuiscopeVersion {
    public static let current = "0.1.0"
}

/// A JSON value, for documents whose shape is data rather than a type.
indirect enum SARIFValue: Encodable, ExpressibleByStringLiteral {
    case string(String)
    case number(Int)
    case array([SARIFValue])
    case object([String: SARIFValue])

    init(stringLiteral value: String) { self = .string(value) }

    func encode(to encoder: Encoder) throws {
        switch self {
        case .string(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .number(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .array(let values):
            var container = encoder.unkeyedContainer()
            for value in values { try container.encode(value) }
        case .object(let members):
            try members.encode(to: encoder)
        }
    }
}
