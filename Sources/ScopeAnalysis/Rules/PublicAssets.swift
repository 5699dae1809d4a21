extension Rule {
    static let publicAssetNotSeparated = Rule(
        id: "public-asset-not-separated", severity: .error,
        summary: "an internet-facing (`public yes`) asset can reach CUI",
        requirements: [Requirements.publicSeparation],
        basis: "NIST SP 800-171 3.13.5",
        remedy: "put it in a separated zone (a DMZ with `separation logical`) with no channel to CUI assets",
        examples: [
            RuleExample("""
            data d { class cui }
            asset files { type server; stores d }
            asset web { type server; public yes }
            zone dmz { separation logical; asset web2 { type server; public yes } }
            """, fires: ["web"]),
            RuleExample("""
            data d { class cui }
            zone enclave { separation logical; asset files { type server; stores d } }
            zone dmz { separation logical; asset web { type server; public yes } }
            asset portal { type server }
            """),
        ],
        check: { rule, context in
            context.model.assets.enumerated().compactMap { a, asset in
                guard asset.isPublic, context.reachability.isReachable(a) else { return nil }
                return rule.finding(.element(.asset(a)), at: asset.span, "public `\(asset.id)` can reach CUI", evidence: context.reachEvidence(a))
            }
        })

    static let cuiOnPublicAsset = Rule(
        id: "cui-on-public-asset", severity: .error,
        summary: "an internet-facing (`public yes`) asset holds CUI",
        requirements: [Requirements.publicInformation],
        basis: "NIST SP 800-171 3.1.22",
        remedy: "remove the CUI from the public system and review what is posted there",
        levels: [1, 2, 3],
        examples: [
            RuleExample("""
            data d { class cui }
            data m { class public }
            asset web { type server; public yes; stores d }
            asset site { type server; public yes; stores m }
            """, fires: ["web"]),
            RuleExample("""
            data d { class cui }
            data m { class public }
            asset web { type server; public yes; stores m }
            asset files { type server; stores d }
            flow files -> web carries m
            """),
        ],
        check: { rule, context in
            context.model.assets.enumerated().compactMap { a, asset in
                guard asset.isPublic, context.holdsCUI(.asset(a)) else { return nil }
                return rule.finding(.element(.asset(a)), at: asset.span, "public `\(asset.id)` holds CUI", evidence: context.cuiEvidence(.asset(a)))
            }
        })
}
