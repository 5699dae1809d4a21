extension Rule {
    static let unlabeledFlow = Rule(
        id: "unlabeled-flow", severity: .info,
        summary: "an unlabeled flow was presumed to carry the CUI its source holds",
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
            context.model.flows.enumerated().compactMap { f, flow in
                guard flow.carries == .unlabeled, let carried = context.carriedCUI(f) else { return nil }
                return rule.finding(.relation(.flow(f)), at: flow.span,
                                    "presumed to carry " + carried.items.map { "`\(context.model.data[$0].id)`" }.joined(separator: ", "),
                                    evidence: [context.written(.flow(f))])
            }
        })
}
