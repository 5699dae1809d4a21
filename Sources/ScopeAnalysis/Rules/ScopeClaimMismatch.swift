extension Rule {
    static let scopeClaimMismatch = Rule(
        id: "scope-claim-mismatch", severity: .warning,
        summary: "the `category` the SSP claims differs from the derived one (other than an unscoped touchpoint)",
        requirements: [Requirements.securityPlan],
        basis: "NIST SP 800-171 3.12.4",
        remedy: "correct the System Security Plan's category, or change the design so the asset is what the plan says",
        levels: [1, 2, 3],
        examples: [
            RuleExample("""
            data d { class cui }
            asset files { type server; stores d; category crma }
            zone lab { separation physical; asset spare { type server; category cui } }
            """, fires: ["files", "spare"]),
            RuleExample("""
            data d { class cui }
            asset files { type server; stores d; category cui }
            asset spare { type server; category out }
            asset vault { type server; classified yes; category out }
            """),
            RuleExample("""
            data d { class cui }
            asset files { type server; stores d; category out }
            asset pcs { type workstation }
            """),
            RuleExample("""
            organization "Shop" { level 1 }
            data po { class fci }
            asset pc { type workstation; stores po; category fci }
            asset cnc { type ot; stores po; category fci }
            """, fires: ["cnc"]),
        ],
        check: { rule, context in
            // By index: only the assets found are copied.
            context.model.assets.indices.compactMap { a in
                guard let claim = context.model.assets[a].claimedCategory, let claimed = AssetCategory(rawValue: claim.rawValue) else { return nil }
                let asset = context.model.assets[a]
                let derived = context.category(a)
                // `out` on an asset outside CMMC is right; a claim unscoped-touchpoint reports is not reported twice.
                if claimed == derived || (claim == .out && derived == .outsideCMMC) || context.isUnscopedTouchpoint(a) != nil { return nil }
                return rule.finding(.element(.asset(a)), at: asset.span,
                                    "`\(asset.id)` is claimed \(claimed.titleWithArticle) but is \(derived.titleWithArticle)",
                                    evidence: context.cuiEvidence(.asset(a)) + context.reachEvidence(a))
            }
        })
}
