import ScopeAnalysis
import ScopeModel

/// `cuiscope diff`: the verdict, then what changed in scope, roles, findings and relations.
public struct DiffTextReporter: Sendable {
    public var style: TextStyle

    public init(style: TextStyle) { self.style = style }

    public func render(_ diff: ScopeDiff, base: String, head: String) -> String {
        var out = style.bold("\(base) -> \(head): \(diff.verdict)") + "\n"
        if !diff.assets.isEmpty {
            out += "\n" + style.bold("Scope changes") + "\n"
            for change in diff.assets {
                let marker = change.before == nil ? "+" : change.after == nil ? "-" : "~"
                out += "  \(marker) \(change.id): \(change.before?.rawValue ?? "(new)") -> \(change.after?.rawValue ?? "(removed)")\n"
                for line in change.why { out += "      " + style.dim(line) + "\n" }
            }
        }
        if !diff.providers.isEmpty {
            out += "\n" + style.bold("Provider roles") + "\n"
            for change in diff.providers {
                out += "  \(change.id): \(change.before?.rawValue ?? "(new)") -> \(change.after?.rawValue ?? "(removed)")\n"
            }
        }
        let checkText = CheckTextReporter(style: style)
        if !diff.newFindings.isEmpty {
            out += "\n" + style.bold("New findings (\(diff.newFindings.count))") + "\n"
            for finding in diff.newFindings { out += checkText.render(finding) }
        }
        if !diff.resolvedFindings.isEmpty {
            out += "\n" + style.bold("Resolved findings (\(diff.resolvedFindings.count))") + "\n"
            for finding in diff.resolvedFindings { out += "  [\(finding.rule)] \(finding.subject): \(finding.message)\n" }
        }
        if !diff.relations.isEmpty {
            out += "\n" + style.bold("Relation changes (\(diff.relations.count))") + "\n"
            for change in diff.relations { out += "  " + RelationChangeText.line(change) + "\n" }
        }
        return out
    }
}

enum RelationChangeText {
    static func line(_ change: ScopeDiff.RelationChange) -> String {
        let place = "(\(change.location.fileAndLine))"
        switch change.kind {
        case .added: return "+ \(change.relation) \(change.after ?? "")".trimmingTrailingSpaces() + " " + place
        case .removed: return "- \(change.relation) \(change.before ?? "")".trimmingTrailingSpaces() + " " + place
        case .changed: return "~ \(change.relation): \(change.before.flatMap { $0.isEmpty ? nil : $0 } ?? "(no attributes)") -> "
            + "\(change.after.flatMap { $0.isEmpty ? nil : $0 } ?? "(no attributes)") \(place)"
        }
    }
}

/// `cuiscope diff --format json` (CLI.md), with the relation changes under `relations`.
public struct DiffJSONReporter: Sendable {
    public init() {}

    public func render(_ diff: ScopeDiff, base: String, head: String) -> String {
        JSON.encode(DiffJSON(diff, base: base, head: head))
    }
}

struct DiffJSON: Encodable {
    let diff: ScopeDiff
    let base: String
    let head: String

    init(_ diff: ScopeDiff, base: String, head: String) {
        self.diff = diff
        self.base = base
        self.head = head
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(base, forKey: .base)
        try container.encode(head, forKey: .head)
        try container.encode(diff.verdict, forKey: .verdict)
        try container.encode(diff.assets.map(ChangeJSON.init), forKey: .assets)
        try container.encode(diff.providers.map(ChangeJSON.init), forKey: .providers)
        try container.encode(FindingsJSON(new: diff.newFindings.map(FindingJSON.init), resolved: diff.resolvedFindings.map(FindingJSON.init)),
                             forKey: .findings)
        try container.encode(diff.relations.map(RelationChangeJSON.init), forKey: .relations)
    }

    enum Key: String, CodingKey { case base, head, verdict, assets, providers, findings, relations }

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

        init(_ change: ScopeDiff.AssetChange) {
            (id, before, after, why) = (change.id, change.before?.rawValue, change.after?.rawValue, change.why)
        }

        init(_ change: ScopeDiff.ProviderChange) {
            (id, before, after, why) = (change.id, change.before?.rawValue, change.after?.rawValue, nil)
        }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(id, forKey: .id)
            try container.encode(before, forKey: .before)
            try container.encode(after, forKey: .after)
            try container.encodeIfPresent(why, forKey: .why)
        }

        enum Key: String, CodingKey { case id, before, after, why }
    }

    struct RelationChangeJSON: Encodable {
        let change: ScopeDiff.RelationChange

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(change.relation, forKey: .relation)
            try container.encode(change.kind.rawValue, forKey: .change)
            try container.encode(change.before, forKey: .before)
            try container.encode(change.after, forKey: .after)
            try container.encode(LocationJSON(change.location), forKey: .location)
        }

        enum Key: String, CodingKey { case relation, change, before, after, location }
    }
}

/// `cuiscope diff --format markdown`: a pull-request comment.
public struct DiffMarkdownReporter: Sendable {
    public init() {}

    public func render(_ diff: ScopeDiff, base: String, head: String) -> String {
        var out = "### cuiscope: \(escape(diff.verdict))\n\n`\(base)` → `\(head)`\n"
        if !diff.assets.isEmpty {
            out += "\n| asset | before | after | why |\n|---|---|---|---|\n"
            for change in diff.assets {
                let after = change.after.map { $0.inScope ? "**\($0.rawValue)**" : $0.rawValue } ?? "removed"
                out += "| `\(change.id)` | \(change.before?.rawValue ?? "new") | \(after) | "
                    + change.why.map(escape).joined(separator: "<br>") + " |\n"
            }
        }
        if !diff.providers.isEmpty {
            out += "\n| provider | before | after |\n|---|---|---|\n"
            for change in diff.providers {
                out += "| `\(change.id)` | \(change.before?.rawValue ?? "new") | \(change.after?.rawValue ?? "removed") |\n"
            }
        }
        if !diff.newFindings.isEmpty {
            out += "\n**New findings (\(diff.newFindings.count))**\n\n"
            for finding in diff.newFindings {
                let icon = finding.severity == .error ? "🛑" : finding.severity == .warning ? "⚠️" : "ℹ️"
                out += "- \(icon) **\(finding.severity.rawValue)** `\(finding.rule)` on `\(escape(finding.subject))`: \(escape(finding.message))"
                    + " (`\(finding.location.fileAndLine)`; \(finding.requirements.map(\.practice).joined(separator: ", ")))\n"
                    + "  - fix: \(escape(finding.remedy))\n"
            }
        }
        if !diff.resolvedFindings.isEmpty {
            out += "\n**Resolved findings (\(diff.resolvedFindings.count))**\n\n"
            for finding in diff.resolvedFindings { out += "- ✅ `\(finding.rule)` on `\(escape(finding.subject))`\n" }
        }
        if !diff.relations.isEmpty {
            out += "\n<details><summary>Relation changes (\(diff.relations.count))</summary>\n\n```\n"
            for change in diff.relations { out += RelationChangeText.line(change) + "\n" }
            out += "```\n\n</details>\n"
        }
        return out
    }

    private func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}
