import ScopeModel

extension RuleContext {
    /// The findings of `rule` for the paths to restricted data of principals whose status is `status` (not
    /// cloud providers: `csp-foreign-support` judges those), at `kinds` of reach.
    func foreignAccessFindings(_ rule: Rule, status: Knowledge, kinds: Set<ExportReach.Kind>) -> [Finding] {
        exportReach.paths.compactMap { path in
            if case .provider(let p) = path.principal, model.providers[p].type == .csp { return nil }
            guard kinds.contains(path.kind), usPersonStatus(path.principal) == status else { return nil }
            let who = name(path.principal), holder = name(path.holder)
            let how: String
            if let access = path.access {
                let relation = model.accesses[access]
                let kind = relation.admin ? "admin access" : relation.keys ? "key access" : "access"
                how = "through \(kind) to `\(name(relation.to))`"
            } else {
                how = path.holder == path.principal ? "that was sent to it" : "on `\(holder)`, hosted with it"
            }
            let reach = path.access == nil ? "holds export-controlled data \(how)" : "can reach export-controlled data on `\(holder)` \(how)"
            let message = status == .no
                ? "`\(who)` is not a U.S. person in the US and \(reach)"
                : "`\(who)` \(reach), and its U.S.-person status or country is unknown"
            let subject: Subject = path.access.map { .relation(.access($0)) } ?? .element(path.principal.element)
            let span = path.access.map { model.accesses[$0].span } ?? model.span(of: path.principal.element)
            return rule.finding(subject, at: span, message,
                                evidence: (path.steps.isEmpty ? [] : [written(path.steps)]) + cuiEvidence(path.holder, mask: graph.restrictedMask),
                                severity: path.kind == .direct ? rule.severity : .warning)
        }
    }
}

extension Rule {
    static let foreignPersonAccess = Rule(
        id: "foreign-person-access", severity: .error,
        summary: "a person, team or provider that is not a U.S. person, or is outside the US, can reach export-controlled data (a warning when only indirectly)",
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
            // An offshore MSP with domain-admin rights on the domain controller that protects the ITAR enclave.
            RuleExample("""
            data tech { class cui; category EXPT }
            zone enclave { separation logical; asset files { type server; stores tech } }
            asset dc { type idp; security idp }
            asset fw { type firewall; security firewall }
            asset hv { type server }
            asset vm { type vm; hosted-on hv; stores tech }
            protects dc -> enclave
            protects fw -> enclave
            provider help { type msp; country IN; us-persons no }
            provider noc { type mssp; country IN; us-persons no }
            provider ops { type msp; country PH; us-persons no }
            access help -> dc { admin yes; mfa yes }
            access noc -> fw { admin yes; mfa yes }
            access ops -> hv { admin yes; mfa yes }
            """, fires: ["help -> dc", "noc -> fw", "ops -> hv"]),
            RuleExample("""
            data tech { class cui; category EXPT }
            provider sub { type subcontractor; country DE; us-persons no; cmmc l2-c3pao; dfars-7012 yes }
            asset ws { type workstation; stores tech }
            flow ws -> sub carries tech
            """, fires: ["sub"]),
            RuleExample("""
            data tech { class cui; category EXPT }
            asset files { type server; stores tech }
            asset bob { type person; country US; us-persons yes }
            asset jump { type vm; country IN }
            provider army { type government }
            access bob -> files
            access jump -> files
            access army -> files
            """),
            RuleExample("""
            data plain { class cui; category CTI }
            provider help { type msp; country IN; us-persons no }
            asset files { type server; stores plain }
            access help -> files { admin yes; mfa yes }
            """),
        ],
        check: { rule, context in context.foreignAccessFindings(rule, status: .no, kinds: [.direct, .indirect]) })

    static let foreignPersonAccessUnknown = Rule(
        id: "foreign-person-access-unknown", severity: .warning,
        summary: "a person, team or provider with unknown U.S.-person status or country can reach export-controlled data directly",
        requirements: [],
        basis: "ITAR 22 CFR 120.56; EAR 15 CFR 734.13",
        remedy: "record `country` and `us-persons` for it, and keep export-controlled data from anyone who is not a U.S. person",
        levels: [1, 2, 3],
        examples: [
            RuleExample("""
            data tech { class cui; category EXPT }
            asset files { type server; stores tech }
            asset crew { type team; country US }
            provider sub { type subcontractor; cmmc l2-c3pao; dfars-7012 yes }
            flow files -> sub carries tech
            access crew -> files
            """, fires: ["crew -> files", "sub"]),
            RuleExample("""
            data tech { class cui; category EXPT }
            asset files { type server; stores tech }
            asset crew { type team; country US; us-persons yes }
            provider help { type msp; us-persons no }
            asset fw { type firewall }
            protects fw -> files
            asset admin { type person }
            access crew -> files
            access help -> files { admin yes; mfa yes }
            access admin -> fw { admin yes; mfa yes }
            """),
        ],
        check: { rule, context in context.foreignAccessFindings(rule, status: .unknown, kinds: [.direct]) })
}
