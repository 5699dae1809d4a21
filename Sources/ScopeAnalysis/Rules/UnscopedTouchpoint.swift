extension Rule {
    static let unscopedTouchpoint = Rule(
        id: "unscoped-touchpoint", severity: .error,
        summary: "a CUI-reachable asset has no policy keeping CUI off it (so it is a CUI Asset), or an asset the SSP claims `out` is in scope",
        requirements: [Requirements.securityPlan],
        basis: "32 CFR 170.19(c)(1), Table 3; NIST SP 800-171 3.12.4",
        remedy: "separate it from the CUI (a link or zone with `separation`), or document the policy that keeps CUI off it with `policy`",
        examples: [
            // SCOPING.md §8: office workstations on the CUI file server's flat VLAN, without a policy.
            RuleExample("""
            data d { class cui }
            zone office {
              asset files { type server; stores d }
              asset pcs { type workstation }
            }
            """, fires: ["pcs"]),
            RuleExample("""
            data d { class cui }
            zone office {
              asset files { type server; stores d }
              asset pcs { type workstation; policy "SOP-3: no CUI on office PCs" }
            }
            """),
            RuleExample("""
            data d { class cui }
            zone enclave { separation logical; asset files { type server; stores d } }
            zone office { asset pcs { type workstation } }
            asset fw { type firewall }
            link office -- enclave via fw { separation logical }
            """),
            RuleExample("""
            data d { class cui }
            asset files { type server; stores d; category out }
            """, fires: ["files"]),
            RuleExample("""
            data d { class cui }
            asset files { type server; stores d }
            asset lab { type workstation; zone lab-net }
            zone lab-net { separation physical }
            flow lab -> files
            """, fires: ["lab"]),
        ],
        check: { rule, context in
            context.model.assets.enumerated().compactMap { a, asset in
                let category = context.category(a)
                if context.categorization.rungs[a] == .reachable(.noPolicy) {
                    return rule.finding(.element(.asset(a)), at: asset.span,
                                        "`\(asset.id)` can reach CUI and no policy keeps CUI off it: it is a CUI Asset",
                                        evidence: context.reachEvidence(a))
                }
                guard asset.claimedCategory == .out, category.inScope else { return nil }
                return rule.finding(.element(.asset(a)), at: asset.span,
                                    "`\(asset.id)` is claimed out of scope but is a \(category.title)",
                                    evidence: context.cuiEvidence(.asset(a)) + context.reachEvidence(a))
            }
        })
}
