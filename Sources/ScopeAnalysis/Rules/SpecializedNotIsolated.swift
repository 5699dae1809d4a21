extension Rule {
    static let specializedNotIsolated = Rule(
        id: "specialized-not-isolated", severity: .warning,
        summary: "level 3: a specialized asset holding CUI is not in a separated, purpose-specific zone",
        requirements: [Requirements.specializedIsolation],
        basis: "NIST SP 800-172 3.14.3e; 32 CFR 170.19(d)",
        remedy: "put it in its own zone with `separation physical` or `logical`, or assess it against the requirements",
        levels: [3],
        examples: [
            RuleExample("""
            organization "A" { level 3 }
            data d { class cui }
            asset cnc { type ot; stores d }
            zone ot { separation logical; asset plc { type iiot; stores d } }
            """, fires: ["cnc"]),
            RuleExample("""
            organization "A" { level 2 }
            data d { class cui }
            asset cnc { type ot; stores d }
            """),
        ],
        check: { rule, context in
            context.model.assets.enumerated().compactMap { a, asset in
                guard context.category(a) == .specialized, context.holdsCUI(.asset(a)) else { return nil }
                if let zone = context.graph.zone[a], context.model.zones[zone].separation.separates { return nil }
                return rule.finding(.element(.asset(a)), at: asset.span,
                                    "specialized `\(asset.id)` holds CUI outside a separated zone",
                                    evidence: context.cuiEvidence(.asset(a)))
            }
        })
}
