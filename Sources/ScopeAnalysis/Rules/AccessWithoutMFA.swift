import ScopeModel

extension RuleContext {
    /// Accesses into the assessment scope that lack MFA and match `condition`.
    func accessesWithoutMFA(where condition: (Access) -> Bool) -> [Int] {
        model.accesses.indices.filter { i in
            let access = model.accesses[i]
            return !access.mfa && condition(access) && isInScope(access.to)
        }
    }
}

extension Rule {
    static let remoteAccessWithoutMFA = Rule(
        id: "remote-access-without-mfa", severity: .error,
        summary: "remote access into an in-scope asset does not require multi-factor authentication",
        requirements: [Requirements.multifactor, Requirements.remoteAccess],
        basis: "NIST SP 800-171 3.5.3, 3.1.12",
        remedy: "require MFA on the remote access path and record `mfa yes`",
        examples: [
            RuleExample("""
            data d { class cui }
            asset srv { type server; stores d }
            zone guest { separation physical; asset other { type server } }
            provider msp { type msp }
            asset bob { type person }
            access msp -> srv { remote yes }
            access bob -> srv { remote yes; mfa yes }
            access bob -> other { remote yes }
            """, fires: ["msp -> srv"]),
            RuleExample("""
            data d { class cui }
            asset srv { type server; stores d }
            zone guest { separation physical; asset kiosk { type workstation } }
            asset bob { type person }
            access bob -> srv { remote yes; mfa yes }
            access bob -> kiosk { remote yes }
            access bob -> srv
            """),
        ],
        check: { rule, context in
            context.accessesWithoutMFA { $0.remote }.map { i in
                rule.finding(.relation(.access(i)), at: context.model.accesses[i].span,
                             "remote access to in-scope `\(context.name(context.model.accesses[i].to))` without MFA",
                             evidence: [context.written(.access(i))])
            }
        })

    static let privilegedAccessWithoutMFA = Rule(
        id: "privileged-access-without-mfa", severity: .error,
        summary: "administrative access to an in-scope asset does not require multi-factor authentication",
        requirements: [Requirements.multifactor],
        basis: "NIST SP 800-171 3.5.3",
        remedy: "require MFA for privileged accounts and record `mfa yes`",
        examples: [
            RuleExample("""
            data d { class cui }
            zone enclave { asset srv { type server; stores d } }
            asset admin { type person }
            asset jump { type vm }
            access admin -> enclave { admin yes }
            access jump -> srv { admin yes; mfa yes }
            """, fires: ["admin -> enclave"]),
            RuleExample("""
            data d { class cui }
            zone enclave { asset srv { type server; stores d } }
            zone lab { separation physical; asset bench { type workstation } }
            asset admin { type person }
            access admin -> enclave { admin yes; mfa yes }
            access admin -> bench { admin yes }
            """),
        ],
        check: { rule, context in
            context.accessesWithoutMFA { $0.admin }.map { i in
                rule.finding(.relation(.access(i)), at: context.model.accesses[i].span,
                             "administrative access to in-scope `\(context.name(context.model.accesses[i].to))` without MFA",
                             evidence: [context.written(.access(i))])
            }
        })
}
