import ScopeModel

extension RuleContext {
    /// docs/scoping.md §7: an in-scope asset the SSP claims `out`; or, at levels 2–3, a CUI-reachable asset with no
    /// policy (forced to CUI Asset) that the SSP does not already treat as in scope (`cui` or `spa`). The
    /// severity follows the claim: an error when the SSP says `out` (or `crma` with no policy), a warning
    /// with no claim.
    func isUnscopedTouchpoint(_ asset: Int) -> (severity: Severity, forced: Bool)? {
        let claim = model.assets[asset].claimedCategory
        let forced = categorization.rungs[asset] == .reachable(.noPolicy)
        if claim == .out, category(asset).inScope { return (.error, forced) }
        guard forced, claim != .cui, claim != .spa else { return nil }
        return (claim == .crma ? .error : .warning, true)
    }
}

extension Rule {
    static let unscopedTouchpoint = Rule(
        id: "unscoped-touchpoint", severity: .warning,
        summary: "an in-scope asset the SSP claims `out`, or a CUI-reachable asset with no policy keeping CUI off it (so it is a CUI Asset)",
        requirements: [Requirements.securityPlan],
        basis: "32 CFR 170.19(c)(1), Table 3; NIST SP 800-171 3.12.4",
        remedy: "separate it from the CUI (a link or zone with `separation`), or document the policy that keeps CUI off it with `policy`",
        levels: [1, 2, 3],
        examples: [
            // docs/scoping.md §9: office workstations on the CUI file server's flat VLAN, without a policy.
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
              asset lab { type workstation; category cui }
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
            asset kiosk { type workstation; category crma }
            """, fires: ["files", "kiosk"]),
            RuleExample("""
            data d { class cui }
            asset files { type server; stores d }
            asset lab { type workstation; zone lab-net }
            zone lab-net { separation physical }
            flow lab -> files
            """, fires: ["lab"]),
            RuleExample("""
            organization "Shop" { level 1 }
            data po { class fci }
            asset pc { type workstation; stores po; category out }
            asset printer { type printer; category out }
            """, fires: ["pc"]),
        ],
        check: { rule, context in
            // By index: only the assets found are copied.
            context.model.assets.indices.compactMap { a in
                guard let touchpoint = context.isUnscopedTouchpoint(a) else { return nil }
                let asset = context.model.assets[a]
                let category = context.category(a)
                let message = touchpoint.forced
                    ? "`\(asset.id)` can reach CUI and no policy keeps CUI off it: it is a CUI Asset"
                        + (asset.claimedCategory.map { ", not `\($0.rawValue)` as the SSP claims" } ?? "")
                    : "`\(asset.id)` is claimed out of scope but is \(category.titleWithArticle)"
                return rule.finding(.element(.asset(a)), at: asset.span, message,
                                    evidence: context.cuiEvidence(.asset(a), mask: context.level == 1 ? context.graph.cuiOrFCIMask : nil)
                                        + context.reachEvidence(a),
                                    severity: touchpoint.severity)
            }
        })
}
