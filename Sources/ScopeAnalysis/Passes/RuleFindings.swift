import ScopeModel

/// Pass 5 (docs/scoping.md §7): every rule of the catalogue that applies at the level, over the results of the
/// passes before it; the findings in report order. An asset outside CMMC (classified, or the Government's)
/// gets no finding of any rule (docs/scoping.md §1).
struct RuleFindings {
    private(set) var findings: [Finding]

    init(context: RuleContext) {
        // The rules that apply, by their place in the catalogue.
        let rules = Rule.catalogue.indices.filter { Rule.catalogue[$0].levels.contains(context.level) }
        // Rules read only the context, so they run on every core; their findings are sorted below anyway.
        let found = Parallel.map(rules.count) { index in
            let rule = Rule.catalogue[rules[index]]
            var findings = rule.check(rule, context)
            findings.removeAll { finding in
                if case .element(.asset(let a)) = finding.subject { context.graph.outsideCMMC[a] } else { false }
            }
            return findings
        }
        findings = RuleFindings.reportOrder(found, rules: rules, files: context.model.files)
    }

    /// The findings of every rule (`found[i]` those of the catalogue's rule `rules[i]`), errors first, then
    /// warnings, then infos; within each, by file, position, catalogue order and subject. Sorts small keys,
    /// read field by field, then copies each finding once, into its place: joined first, the findings went
    /// through an array grown from empty, and each copy of a finding retains its strings.
    private static func reportOrder(_ found: [[Finding]], rules: [Int], files: [SourceFile]) -> [Finding] {
        let fileOrder = Dictionary(files.enumerated().map { (ObjectIdentifier($1), $0) }, uniquingKeysWith: { a, _ in a })
        let places = found.indices.flatMap { list in found[list].indices.map { (list: list, index: $0) } }
        let keys = places.map { place in
            let severity = found[place.list][place.index].severity, span = found[place.list][place.index].span
            return (severity: Severity.allCases.firstIndex(of: severity) ?? 0, file: fileOrder[ObjectIdentifier(span.file)] ?? 0,
                    offset: span.offset, rule: rules[place.list], subject: found[place.list][place.index].subject.order)
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
