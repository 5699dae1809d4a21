import ScopeModel

/// The category of an asset (docs/scoping.md §1), as printed in every output.
public enum AssetCategory: String, Sendable, Codable, CaseIterable {
    /// In scope at level 1: processes, stores or transmits FCI (or CUI).
    case fci
    case cui, spa, crma, specialized, out
    case outsideCMMC = "outside-cmmc"

    /// Anything but `out` and `outside-cmmc`.
    public var inScope: Bool { self != .out && self != .outsideCMMC }

    public var title: String {
        switch self {
        case .cui: "CUI Asset"
        case .spa: "Security Protection Asset"
        case .crma: "Contractor Risk Managed Asset"
        case .specialized: "Specialized Asset"
        case .out: "Out-of-Scope"
        case .outsideCMMC: "Outside CMMC"
        case .fci: "FCI Asset"
        }
    }

    /// "a CUI Asset", "an Out-of-Scope asset": the title in a sentence.
    public var titleWithArticle: String {
        switch self {
        case .out: "an Out-of-Scope asset"
        case .outsideCMMC: "an asset outside CMMC"
        case .fci: "an FCI Asset"
        default: "a " + title
        }
    }
}

/// A provider's role (docs/scoping.md §5).
public enum ProviderRole: String, Sendable, Codable, CaseIterable {
    case cspCUI = "csp-cui", espCUI = "esp-cui", espSPA = "esp-spa", subcontractor, prime, government, notESP = "not-esp"

    /// Inside the assessment: a CSP or ESP holding CUI, or an ESP assessed as a Security Protection Asset.
    public var inScope: Bool { self == .cspCUI || self == .espCUI || self == .espSPA }
}

public enum Severity: String, Sendable, Codable, Comparable, CaseIterable {
    case error, warning, info

    private var rank: Int { self == .error ? 2 : self == .warning ? 1 : 0 }
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// A NIST SP 800-171 requirement with its CMMC practice, SPRS points and POA&M eligibility.
public struct Requirement: Hashable, Sendable, Codable {
    public var nist: String
    public var practice: String
    /// The SPRS deduction when not met; nil where the methodology gives none (3.12.4: NA).
    public var points: Int?
    /// Whether 32 CFR 170.21(a)(2) allows it on a POA&M.
    public var poam: Bool
}

/// What a finding is about: a declared element, or one relation.
public enum Subject: Hashable, Sendable {
    case element(ElementRef)
    case relation(RelationRef)
}

/// One problem the analysis found, with the clause behind it and the evidence that shows it.
public struct Finding: Sendable, Hashable {
    public var rule: String
    public var severity: Severity
    public var subject: Subject
    public var message: String
    public var remedy: String
    /// Where the subject was declared.
    public var span: SourceSpan
    public var requirements: [Requirement]
    public var basis: String
    /// The witness chains that show it, each step with its span.
    public var evidence: [Reason]
    /// The `suppress` that silences it, if any.
    public var suppression: Suppression?

    public var location: SourceLocation { span.location }
    // A case pattern, not `!= nil`, which compares two `Suppression?` through generic witnesses (see `AttributeValues`).
    public var isSuppressed: Bool { if case nil = suppression { false } else { true } }
}

extension Finding {
    /// Whether the finding is about `element`, or about a relation with `element` at one end.
    public func involves(_ element: ElementRef, in model: Model) -> Bool {
        switch subject {
        case .element(let own): return own == element
        case .relation(let relation):
            let (from, _, to) = model.ends(of: relation)
            return from.element == element || to.element == element
        }
    }
}
