import ScopeModel

extension RuleContext {
    /// Accesses without MFA that match `condition`, into a CUI Asset or an SPA (or a zone holding one).
    func accessesWithoutMFA(where condition: (Access) -> Bool) -> [Int] {
        model.accesses.indices.filter { i in
            let access = model.accesses[i]
            return !access.mfa && condition(access) && isAssessed(access.to)
        }
    }
}

extension Rule {
    static let remoteAccessWithoutMFA = Rule(
        id: "remote-access-without-mfa", severity: .error,
        summary: "remote access into a CUI Asset or a Security Protection Asset does not require multi-factor authentication",
        requirements: [Requirements.multifactor],
        basis: "NIST SP 800-171 3.5.3",
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
            asset office { type workstation; policy "SOP-3: no CUI" }
            asset cnc { type ot }
            asset bob { type person }
            access bob -> srv { remote yes; mfa yes }
            access bob -> kiosk { remote yes }
            access bob -> office { remote yes }
            access bob -> cnc { remote yes }
            access bob -> srv
            """),
        ],
        check: { rule, context in
            context.accessesWithoutMFA { $0.remote }.map { i in
                rule.finding(.relation(.access(i)), at: context.model.accesses[i].span,
                             "remote access to `\(context.name(context.model.accesses[i].to))` without MFA",
                             evidence: [context.written(.access(i))])
            }
        })

    static let privilegedAccessWithoutMFA = Rule(
        id: "privileged-access-without-mfa", severity: .error,
        summary: "administrative access to a CUI Asset or a Security Protection Asset does not require multi-factor authentication",
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
            asset office { type workstation; policy "SOP-3: no CUI" }
            asset admin { type person }
            access admin -> enclave { admin yes; mfa yes }
            access admin -> bench { admin yes }
            access admin -> office { admin yes }
            """),
        ],
        check: { rule, context in
            context.accessesWithoutMFA { $0.admin }.map { i in
                rule.finding(.relation(.access(i)), at: context.model.accesses[i].span,
                             "administrative access to `\(context.name(context.model.accesses[i].to))` without MFA",
                             evidence: [context.written(.access(i))])
            }
        })
}
