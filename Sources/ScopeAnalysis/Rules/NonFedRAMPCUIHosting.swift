extension Rule {
    static let nonFedRAMPCUIHosting = Rule(
        id: "non-fedramp-cui-hosting", severity: .error,
        summary: "a cloud service provider holds CUI and is not FedRAMP Moderate, High or equivalent (unknown included)",
        requirements: [Requirements.externalConnections],
        basis: "DFARS 252.204-7012(b)(2)(ii)(D); 32 CFR 170.16(c)(2)",
        remedy: "keep CUI in a FedRAMP Moderate (or High, or equivalent) cloud, or record its authorization with `fedramp`",
        examples: [
            RuleExample("""
            data d { class cui }
            provider mail { type csp; fedramp none }
            asset ws { type workstation; stores d }
            flow ws -> mail carries d
            """, fires: ["mail"]),
            RuleExample("""
            data d { class cui }
            provider mail { type csp }
            asset box { type saas; hosted-on mail; stores d }
            """, fires: ["mail"]),
            RuleExample("""
            data d { class cui }
            provider gov { type csp; fedramp moderate-equivalent }
            asset ws { type workstation; stores d }
            flow ws -> gov carries d
            """),
            RuleExample("""
            data po { class fci }
            provider mail { type csp; fedramp none }
            asset ws { type workstation; stores po }
            flow ws -> mail
            """),
            RuleExample("""
            data d { class cui }
            provider mail { type msp; fedramp none }
            asset ws { type workstation; stores d }
            flow ws -> mail carries d
            """),
        ],
        check: { rule, context in
            context.model.providers.enumerated().compactMap { p, provider in
                guard provider.type == .csp, !provider.fedramp.meetsModerate, context.holdsCUI(.provider(p)) else { return nil }
                return rule.finding(.element(.provider(p)), at: provider.span,
                                    "`\(provider.id)` holds CUI without FedRAMP Moderate (fedramp: \(provider.fedramp.rawValue))",
                                    evidence: context.cuiEvidence(.provider(p)))
            }
        })
}
