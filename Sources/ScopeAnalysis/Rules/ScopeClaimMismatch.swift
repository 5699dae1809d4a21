extension Rule {
    static let scopeClaimMismatch = Rule(
        id: "scope-claim-mismatch", severity: .warning,
        summary: "the `category` the SSP claims differs from the derived one (other than an in-scope asset claimed `out`)",
        requirements: [Requirements.securityPlan],
        basis: "NIST SP 800-171 3.12.4",
        remedy: "correct the System Security Plan's category, or change the design so the asset is what the plan says",
        levels: [1, 2, 3],
        examples: [
            RuleExample("""
            data d { class cui }
            asset files { type server; stores d; category crma }
            """, fires: ["files"]),
            RuleExample("""
            data d { class cui }
            asset files { type server; stores d; category cui }
            asset spare { type server; category out }
            """),
            RuleExample("""
            data d { class cui }
            asset files { type server; stores d; category out }
            """),
        ],
        check: { rule, context in
            context.model.assets.enumerated().compactMap { a, asset in
                guard let claim = asset.claimedCategory else { return nil }
                let derived = context.category(a)
                let claimed = AssetCategory(rawValue: claim.rawValue)!
                if claimed == derived || (claim == .out && (derived == .outsideCMMC || derived.inScope)) { return nil }
                return rule.finding(.element(.asset(a)), at: asset.span,
                                    "`\(asset.id)` is claimed \(claimed.title) but is a \(derived.title)",
                                    evidence: context.cuiEvidence(.asset(a)) + context.reachEvidence(a))
            }
        })
}
