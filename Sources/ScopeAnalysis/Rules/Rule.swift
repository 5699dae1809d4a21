import ScopeModel

/// One rule of the catalogue (docs/scoping.md §7): what it checks, the clause behind it, how to fix it, and
/// examples that are also its tests.
public struct Rule: Sendable {
    public let id: String
    /// The severity of its findings; some rules raise or lower it finding by finding (docs/scoping.md §7).
    public let severity: Severity
    /// When it fires, in one line.
    public let summary: String
    /// The requirements a finding may cite (a finding cites the ones that apply to it).
    public let requirements: [Requirement]
    /// The regulation cited.
    public let basis: String
    public let remedy: String
    /// The CMMC levels at which it applies.
    public let levels: Set<Int>
    /// Models on which the rule must fire on exactly the subjects given (none: must stay silent).
    public let examples: [RuleExample]
    let check: @Sendable (Rule, RuleContext) -> [Finding]

    init(id: String, severity: Severity, summary: String, requirements: [Requirement], basis: String, remedy: String,
         levels: Set<Int> = [2, 3], examples: [RuleExample], check: @escaping @Sendable (Rule, RuleContext) -> [Finding]) {
        self.id = id
        self.severity = severity
        self.summary = summary
        self.requirements = requirements
        self.basis = basis
        self.remedy = remedy
        self.levels = levels
        self.examples = examples
        self.check = check
    }

    /// A finding of this rule, with its severity, basis and remedy filled in.
    func finding(_ subject: Subject, at span: SourceSpan, _ message: String, evidence: [Reason],
                 requirements: [Requirement]? = nil, severity: Severity? = nil) -> Finding {
        Finding(rule: id, severity: severity ?? self.severity, subject: subject, message: message, remedy: remedy, span: span,
                requirements: requirements ?? self.requirements, basis: basis, evidence: evidence, suppression: nil)
    }
}

/// A model on which a rule fires on exactly `subjects` (none: it must stay silent), at `level` (the
/// model's own when nil). Subjects are written as findings name them: `plm`, `a -> b`.
public struct RuleExample: Sendable {
    public let model: String
    public let subjects: [String]
    public let level: Int?

    public init(_ model: String, fires subjects: [String] = [], level: Int? = nil) {
        self.model = model
        self.subjects = subjects
        self.level = level
    }
}

extension Rule {
    /// Every rule, in the order findings are listed (docs/scoping.md §7).
    public static let catalogue: [Rule] = [
        .cuiRequiresLevel2, .nonFedRAMPCUIHosting, .cuiToUnclassifiedProvider, .unscopedTouchpoint, .scopeClaimMismatch,
        .foreignPersonAccess, .foreignPersonAccessUnknown, .offshoreRestrictedStorage, .cspForeignSupport,
        .subcontractorCMMCInsufficient, .subcontractorMissing7012, .espWithoutCRM, .cuiTransitUnencrypted,
        .cuiTransitNotFIPS, .cuiAtRestNotFIPS, .remoteAccessWithoutMFA, .privilegedAccessWithoutMFA,
        .publicAssetNotSeparated, .cuiOnPublicAsset, .noBoundaryDevice, .unlabeledFlow, .vdiNotKVMOnly,
        .specializedNotIsolated,
    ]

    public static func named(_ id: String) -> Rule? { catalogue.first { $0.id == id } }
}
