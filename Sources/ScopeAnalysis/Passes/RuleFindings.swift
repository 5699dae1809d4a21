import ScopeModel

/// Pass 5 (docs/scoping.md §7): every rule of the catalogue that applies at the level, over the results of the
/// passes before it; the findings in report order. An asset outside CMMC (classified, or the Government's)
/// gets no finding of any rule (docs/scoping.md §1).
struct RuleFindings {
    private(set) var findings: [Finding]

    init(context: RuleContext) {
        let rules = Rule.catalogue.filter { $0.levels.contains(context.level) }
        // Rules read only the context, so they run on every core; their findings are sorted below anyway.
        let found = Parallel.map(rules.count) { index in
            var findings = rules[index].check(rules[index], context)
            findings.removeAll { finding in
                if case .element(.asset(let a)) = finding.subject { context.graph.outsideCMMC[a] } else { false }
            }
            return findings
        }
        findings = RuleFindings.reportOrder(found, files: context.model.files)
    }

    /// The findings of every rule, errors first, then warnings, then infos; within each, by file, position,
    /// catalogue order and subject. Sorts small keys, then copies each finding once, into its place: joined
    /// first, the findings went through an array grown from empty.
    private static func reportOrder(_ found: [[Finding]], files: [SourceFile]) -> [Finding] {
        let ruleOrder = Dictionary(uniqueKeysWithValues: Rule.catalogue.enumerated().map { ($1.id, $0) })
        let fileOrder = Dictionary(files.enumerated().map { (ObjectIdentifier($1), $0) }, uniquingKeysWith: { a, _ in a })
        let severityOrder = Dictionary(uniqueKeysWithValues: Severity.allCases.enumerated().map { ($1, $0) })
        let places = found.indices.flatMap { list in found[list].indices.map { (list: list, index: $0) } }
        let keys = places.map { place in
            let finding = found[place.list][place.index]
            return (severity: severityOrder[finding.severity] ?? 0, file: fileOrder[ObjectIdentifier(finding.span.file)] ?? 0,
                    offset: finding.span.offset, rule: ruleOrder[finding.rule] ?? 0, subject: finding.subject.order)
        }
        return places.indices.sorted { keys[$0] < keys[$1] }.map { found[places[$0].list][places[$0].index] }
    }
}

extension Subject {
    /// Elements before relations, each by kind and declaration order: a tie-break that needs no text.
    fileprivate var order: Int {
        let (kind, index): (Int, Int) = switch self {
        case .element(.asset(let i)): (0, i)
        case .element(.provider(let i)): (1, i)
        case .element(.zone(let i)): (2, i)
        case .element(.data(let i)): (3, i)
        case .relation(.flow(let i)): (4, i)
        case .relation(.link(let i)): (5, i)
        case .relation(.access(let i)): (6, i)
        case .relation(.protects(let i)): (7, i)
        }
        return index * 8 + kind
    }
}
