extension Rule {
    static let unlabeledFlow = Rule(
        id: "unlabeled-flow", severity: .info,
        summary: "an unlabeled flow was presumed to carry the CUI its source holds (FCI at level 1)",
        requirements: [Requirements.controlFlow],
        basis: "NIST SP 800-171 3.1.3",
        remedy: "say what it carries: `carries ITEM`, or `carries none`",
        levels: [1, 2, 3],
        examples: [
            RuleExample("""
            data d { class cui }
            asset ws { type workstation; stores d }
            asset printer { type printer }
            asset scanner { type printer }
            flow ws -> printer
            flow ws -> scanner carries none
            flow printer -> scanner carries d
            """, fires: ["ws -> printer"]),
            RuleExample("""
            organization "Shop" { level 1 }
            data po { class fci }
            asset pc { type workstation; stores po }
            asset printer { type printer }
            flow pc -> printer
            """, fires: ["pc -> printer"]),
            RuleExample("""
            data d { class cui }
            data po { class fci }
            asset ws { type workstation; stores d }
            asset pc { type workstation; stores po }
            asset printer { type printer }
            flow ws -> printer carries none
            flow pc -> printer
            """),
        ],
        check: { rule, context in
            // By index: only the flows found are copied.
            context.model.flows.indices.compactMap { f in
                guard context.model.flows[f].carries == .unlabeled else { return nil }
                let flow = context.model.flows[f]
                let items = context.holdings.carried(flow, graph: context.graph).items.filter {
                    context.model.data[$0].dataClass == .cui || (context.level == 1 && context.model.data[$0].dataClass == .fci)
                }
                guard !items.isEmpty else { return nil }
                return rule.finding(.relation(.flow(f)), at: flow.span,
                                    "presumed to carry " + items.map { "`\(context.model.data[$0].id)`" }.joined(separator: ", "),
                                    evidence: [context.written(.flow(f))])
            }
        })
}
