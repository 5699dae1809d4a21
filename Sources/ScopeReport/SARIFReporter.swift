import ScopeAnalysis
import ScopeModel

/// SARIF 2.1.0 for code scanning: one rule descriptor per catalogue rule, one result per finding, each
/// with a repository-relative location, its witness steps as related locations, and a fingerprint that
/// does not move when lines do; model diagnostics as results too, under their codes, their notes as
/// related locations.
public struct SARIFReporter: Reporter {
    /// Which findings to report and the model they are about, and the model's diagnostics.
    public struct Input: Sendable {
        public let model: Model?
        public let findings: [Finding]
        public let diagnostics: [Diagnostic]

        public init(model: Model?, findings: [Finding], diagnostics: [Diagnostic] = []) {
            self.model = model
            self.findings = findings
            self.diagnostics = diagnostics
        }
    }

    /// Maps a model path as printed to a repository-relative URI.
    public var artifactURI: @Sendable (String) -> String

    public init(artifactURI: @escaping @Sendable (String) -> String = { $0 }) { self.artifactURI = artifactURI }

    public func write(_ input: Input, to output: inout some TextOutputStream) {
        let rules = Rule.catalogue
        let codes = Array(Set(input.diagnostics.map(\.code))).sorted()
        let index = Dictionary(uniqueKeysWithValues: (rules.map(\.id) + codes.map(\.rawValue)).enumerated().map { ($1, $0) })
        let explainer = Explainer(model: input.model ?? Model())
        // Each model file's URI once: mapping a path asks git and Foundation, and a model has a few files.
        let uris = Dictionary((input.model?.files ?? []).map { ($0.path, artifactURI($0.path)) }, uniquingKeysWith: { first, _ in first })
        let uri: @Sendable (String) -> String = { [artifactURI] path in uris[path] ?? artifactURI(path) }
        let driver: JSONObject = [
            "name": "cuiscope", "version": .string(CuiscopeVersion.current),
            "rules": .array(rules.map(descriptor) + codes.map(descriptor)),
        ]
        let diagnostics: [JSONValue] = input.diagnostics.map { diagnostic in
            var result: JSONObject = [
                "ruleId": .string(diagnostic.code.rawValue),
                "ruleIndex": .number(index[diagnostic.code.rawValue] ?? 0),
                "level": .string(diagnostic.severity == .error ? "error" : "warning"),
                "message": .object(["text": .string(diagnostic.message + (diagnostic.hint.map { " (\($0))" } ?? ""))]),
                "locations": .array([.object(["physicalLocation": physicalLocation(diagnostic.location, uri)])]),
            ]
            if !diagnostic.notes.isEmpty {
                result["relatedLocations"] = .array(diagnostic.notes.enumerated().map { id, note in .object([
                    "id": .number(id), "physicalLocation": physicalLocation(note.span.location, uri),
                    "message": .object(["text": .string(note.message)]),
                ]) })
            }
            return .object(result)
        }
        // Findings become results one at a time, as they are written.
        let findingResult = { @Sendable (finding: Finding) -> JSONValue in
            let file = uri(finding.location.file)
            let subject = explainer.text(finding.subject)
            var result: JSONObject = [
                "ruleId": .string(finding.rule),
                "ruleIndex": .number(index[finding.rule] ?? 0),
                "level": .string(level(finding.severity)),
                "message": .object(["text": .string("\(finding.message) (\(subject))")]),
                "locations": .array([.object(["physicalLocation": physicalLocation(finding.location, uri)])]),
                // Rule, subject and file: stable when lines move, different for each finding.
                "partialFingerprints": .object(["cuiscope/v1": .string(fingerprint(finding.rule, subject, file))]),
                "properties": .object([
                    "subject": .string(subject), "basis": .string(finding.basis),
                    "evidence": .array(finding.evidence.map { .string(explainer.text($0)) }),
                    "requirements": .array(finding.requirements.map { .string($0.practice) }),
                ]),
            ]
            let steps = finding.evidence.flatMap(\.steps)
            if !steps.isEmpty {
                result["relatedLocations"] = .array(steps.enumerated().map { id, step in .object([
                    "id": .number(id),
                    "physicalLocation": physicalLocation(explainer.span(of: step).location, uri),
                    "message": .object(["text": .string(explainer.describe(step))]),
                ]) })
            }
            if let suppression = finding.suppression {
                result["suppressions"] = .array([.object(["kind": "inSource", "justification": .string(suppression.reason)])])
            }
            return .object(result)
        }
        let findings = input.findings
        let results = JSONNode.elements(count: diagnostics.count + findings.count) { index in
            index < diagnostics.count ? diagnostics[index] : findingResult(findings[index - diagnostics.count])
        }
        JSON.write(.object([
            "$schema": .value("https://json.schemastore.org/sarif-2.1.0.json"),
            "version": .value("2.1.0"),
            "runs": .array(AnySequence([.object([
                "tool": .value(JSONValue.object(["driver": .object(driver)])),
                "results": results,
            ])])),
        ]), to: &output)
    }

    private func descriptor(_ rule: Rule) -> JSONValue {
        .object([
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
                }.map(JSONValue.string)),
                "levels": .array(rule.levels.sorted().map { .number($0) }),
            ]),
        ])
    }

    /// A diagnostic code as a SARIF rule: `E050`, "undefined identifier", explained by `cuiscope explain-error`.
    private func descriptor(_ code: DiagnosticCode) -> JSONValue {
        .object([
            "id": .string(code.rawValue),
            "name": .string(code.title.split(separator: " ").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()),
            "shortDescription": .object(["text": .string(code.title)]),
            "fullDescription": .object(["text": .string(code.explanation)]),
            "help": .object(["text": .string("cuiscope explain-error \(code.rawValue)")]),
            "defaultConfiguration": .object(["level": .string(code.rawValue.hasPrefix("W") ? "warning" : "error")]),
        ])
    }

    private func physicalLocation(_ location: SourceLocation, _ uri: (String) -> String) -> JSONValue {
        .object([
            "artifactLocation": .object(["uri": .string(uri(location.file)), "uriBaseId": "%SRCROOT%"]),
            "region": .object(["startLine": .number(location.line), "startColumn": .number(location.column)]),
        ])
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
