import ScopeModel

extension RuleContext {
    /// Accesses from a person, team or provider to export-controlled data, with the accessor's status
    /// (SCOPING.md §5: ITAR and EAR count admin access and decryption keys as access too).
    func restrictedAccesses() -> [(access: Int, status: Knowledge)] {
        model.accesses.enumerated().compactMap { i, access in
            switch access.from {
            case .asset(let a) where !model.assets[a].type.isPeople: return nil
            case .zone: return nil
            default: break
            }
            guard holdsRestricted(access.to) else { return nil }
            return (i, usPersonStatus(access.from))
        }
    }

    /// A foreign-person access finding of `rule` for access `index`.
    func foreignAccessFinding(_ rule: Rule, _ index: Int, known: Bool) -> Finding {
        let access = model.accesses[index]
        let who = name(access.from)
        let kind = access.admin ? "admin access" : access.keys ? "key access" : "access"
        let message = known
            ? "`\(who)` is not a U.S. person in the US and has \(kind) to export-controlled data on `\(name(access.to))`"
            : "`\(who)` has \(kind) to export-controlled data on `\(name(access.to))`, and its U.S.-person status or country is unknown"
        return rule.finding(.relation(.access(index)), at: access.span, message,
                            evidence: [written(.access(index))] + cuiEvidence(access.to, mask: graph.restrictedMask))
    }
}

extension Rule {
    static let foreignPersonAccess = Rule(
        id: "foreign-person-access", severity: .error,
        summary: "a person, team or provider that is not a U.S. person, or is outside the US, can access export-controlled data",
        requirements: [],
        basis: "ITAR 22 CFR 120.56; EAR 15 CFR 734.13",
        remedy: "remove the access, or give it only to U.S. persons in the US (or obtain an export license)",
        levels: [1, 2, 3],
        examples: [
            RuleExample("""
            data tech { class cui; category EXPT }
            provider help { type msp; country IN; us-persons no }
            asset files { type server; stores tech }
            access help -> files { admin yes; mfa yes }
            """, fires: ["help -> files"]),
            RuleExample("""
            data tech { class cui; dissemination NOFORN }
            asset files { type server; stores tech; zone z }
            zone z
            asset ana { type person; country US; us-persons no }
            access ana -> z
            """, fires: ["ana -> z"]),
            RuleExample("""
            data tech { class cui; category EXPT }
            asset files { type server; stores tech }
            asset bob { type person; country US; us-persons yes }
            asset jump { type vm; country IN }
            access bob -> files
            access jump -> files
            """),
            RuleExample("""
            data plain { class cui; category CTI }
            provider help { type msp; country IN; us-persons no }
            asset files { type server; stores plain }
            access help -> files { admin yes; mfa yes }
            """),
        ],
        check: { rule, context in
            context.restrictedAccesses().filter { $0.status == .no }.map { context.foreignAccessFinding(rule, $0.access, known: true) }
        })

    static let foreignPersonAccessUnknown = Rule(
        id: "foreign-person-access-unknown", severity: .warning,
        summary: "a person, team or provider with unknown U.S.-person status or country can access export-controlled data",
        requirements: [],
        basis: "ITAR 22 CFR 120.56; EAR 15 CFR 734.13",
        remedy: "record `country` and `us-persons` for it, and keep export-controlled data from anyone who is not a U.S. person",
        levels: [1, 2, 3],
        examples: [
            RuleExample("""
            data tech { class cui; category EXPT }
            asset files { type server; stores tech }
            asset crew { type team; country US }
            access crew -> files
            """, fires: ["crew -> files"]),
            RuleExample("""
            data tech { class cui; category EXPT }
            asset files { type server; stores tech }
            asset crew { type team; country US; us-persons yes }
            provider help { type msp; us-persons no }
            access crew -> files
            access help -> files { admin yes; mfa yes }
            """),
        ],
        check: { rule, context in
            context.restrictedAccesses().filter { $0.status == .unknown }.map { context.foreignAccessFinding(rule, $0.access, known: false) }
        })
}
