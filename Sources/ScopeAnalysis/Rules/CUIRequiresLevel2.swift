extension Rule {
    static let cuiRequiresLevel2 = Rule(
        id: "cui-requires-level-2", severity: .warning,
        summary: "the model holds CUI but is analyzed at level 1",
        requirements: [],
        basis: "DFARS 252.204-7012; 32 CFR 170.5(b)",
        remedy: "analyze at level 2 (`level 2`) unless the solicitation sets level 1: DFARS 7012 applies to the CUI regardless",
        levels: [1],
        examples: [
            RuleExample("""
            organization "Shop" { level 1 }
            data po { class fci }
            data spec { class cui }
            data drawings { class cui }
            asset pc { type workstation; stores po, drawings }
            """, fires: ["drawings"]),
            RuleExample("""
            data d { class cui }
            asset pc { type workstation; stores d }
            """, fires: ["d"], level: 1),
            RuleExample("""
            organization "Shop" { level 1 }
            data po { class fci }
            data spec { class cui }
            asset pc { type workstation; stores po }
            asset vault { type server; stores spec; classified yes }
            """),
        ],
        check: { rule, context in
            // One finding per model: the first CUI item, in declaration order, that an in-scope asset holds.
            let model = context.model
            let inScope = model.assets.indices.filter { context.category($0).inScope }
            let holders = inScope.reduce(into: [Int: Int]()) { first, asset in
                for item in context.holdings.items(asset) where model.data[item].dataClass == .cui && first[item] == nil { first[item] = asset }
            }
            guard let item = holders.keys.min(), let holder = holders[item] else { return [] }
            return [rule.finding(.element(.data(item)), at: model.data[item].span,
                                 "the model holds CUI (`\(model.data[item].id)`) but is analyzed at level 1; a contract involving CUI normally requires level 2",
                                 evidence: [context.holdings.reason(holder, item)])]
        })
}
