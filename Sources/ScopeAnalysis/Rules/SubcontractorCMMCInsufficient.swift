import ScopeModel

extension Rule {
    static let subcontractorCMMCInsufficient = Rule(
        id: "subcontractor-cmmc-insufficient", severity: .error,
        summary: "a subcontractor's CMMC status is below what the data it receives requires",
        requirements: [],
        basis: "32 CFR 170.23; DFARS 252.204-7021(f)(2)",
        remedy: "flow down the CMMC requirement and obtain the subcontractor's status (record it with `cmmc`), or stop sending it the data",
        levels: [1, 2, 3],
        examples: [
            RuleExample("""
            organization "A" { level 2; assessment c3pao }
            data d { class cui }
            provider sub { type subcontractor; cmmc l2-self; dfars-7012 yes }
            asset ws { type workstation; stores d }
            flow ws -> sub carries d
            """, fires: ["sub"]),
            RuleExample("""
            organization "A" { level 2; assessment self }
            data d { class cui }
            provider sub { type subcontractor; cmmc l2-self; dfars-7012 yes }
            asset ws { type workstation; stores d }
            flow ws -> sub carries d
            """),
            RuleExample("""
            data po { class fci }
            provider sub { type subcontractor }
            asset ws { type workstation; stores po }
            flow ws -> sub carries po
            """, fires: ["sub"]),
            RuleExample("""
            data po { class fci }
            provider sub { type subcontractor; cmmc l1-self }
            asset ws { type workstation; stores po }
            flow ws -> sub carries po
            """),
            RuleExample("""
            organization "Shop" { level 1 }
            data d { class cui }
            provider sub { type subcontractor; cmmc l2-self; dfars-7012 yes }
            provider sub2 { type subcontractor; cmmc l1-self; dfars-7012 yes }
            asset ws { type workstation; stores d }
            flow ws -> sub carries d
            flow ws -> sub2 carries d
            """, fires: ["sub2"]),
        ],
        check: { rule, context in
            // 32 CFR 170.23: CUI flowed down under a level 1 or a level 2 self-assessment needs level 2 self;
            // under a level 2 C3PAO assessment or level 3, level 2 C3PAO.
            let assessment = context.model.organization.assessment(at: context.level)
            let forCUI: CMMCStatus = context.level == 1 || (context.level == 2 && assessment == .self) ? .l2Self : .l2C3PAO
            return context.model.providers.enumerated().compactMap { p, provider in
                guard provider.type == .subcontractor else { return nil }
                let node = context.graph.node(provider: p)
                let required: CMMCStatus
                if context.holdings.holdsAny(node, of: context.graph.cuiMask) {
                    required = forCUI
                } else if context.holdings.holdsAny(node, of: context.graph.cuiOrFCIMask) {
                    required = .l1Self
                } else {
                    return nil
                }
                let actual = provider.cmmc ?? CMMCStatus.none
                guard actual < required else { return nil }
                return rule.finding(.element(.provider(p)), at: provider.span,
                                    "subcontractor `\(provider.id)` needs CMMC \(required.rawValue) for the data it receives, and has \(provider.cmmc?.rawValue ?? "none stated")",
                                    evidence: context.cuiEvidence(.provider(p), mask: context.graph.cuiOrFCIMask))
            }
        })
}
