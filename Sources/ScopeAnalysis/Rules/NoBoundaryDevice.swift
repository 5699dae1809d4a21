import ScopeModel

extension Rule {
    static let noBoundaryDevice = Rule(
        id: "no-boundary-device", severity: .warning,
        summary: "a link between a CUI-holding zone and another zone, unseparated or logically separated, names no `via` device",
        requirements: [Requirements.boundaryProtection],
        basis: "NIST SP 800-171 3.13.1",
        remedy: "name the firewall or router that guards the link: `link a -- b via fw`",
        examples: [
            RuleExample("""
            data d { class cui }
            zone enclave { separation logical; asset srv { type server; stores d } }
            zone office
            zone lab
            asset fw { type firewall }
            link office -- enclave
            link lab -- enclave via fw { separation logical }
            link office -- lab
            """, fires: ["office -- enclave"]),
            RuleExample("""
            data d { class cui }
            zone enclave { separation logical; asset srv { type server; stores d } }
            zone office
            zone lab
            asset fw { type firewall }
            link office -- enclave via fw
            link office -- lab
            link lab -- enclave { separation physical }
            """),
        ],
        check: { rule, context in
            context.model.links.enumerated().compactMap { l, link in
                // A physically separated link has no connection to guard.
                guard case .zone(let a) = link.a, case .zone(let b) = link.b, link.via.isEmpty, link.separation != .physical,
                      context.holdsCUI(.zone(a)) || context.holdsCUI(.zone(b)) else { return nil }
                return rule.finding(.relation(.link(l)), at: link.span, "the link to a CUI zone names no boundary device",
                                    evidence: [context.written(.link(l))])
            }
        })
}
