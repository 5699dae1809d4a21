import ScopeModel

/// A requirement that open errors and warnings cite: what the SPRS exposure is made of (docs/scoping.md §8).
public struct RequirementAtRisk: Sendable, Hashable {
    /// At the highest value any of its findings cites.
    public var requirement: Requirement
    /// Indices into `Analysis.findings`, in their order.
    public var findings: [Int]
    /// The assets those findings are about, in declaration order.
    public var assets: [Int]
}

extension Analysis {
    /// Each requirement the open (unsuppressed) errors and warnings cite, once, in catalog order; an 800-172
    /// requirement, outside the catalog, last.
    public var requirementsAtRisk: [RequirementAtRisk] {
        citedRequirements.map { cited in
            let assets = Set(cited.findings.flatMap { findings[$0].assets(in: model) })
            return RequirementAtRisk(requirement: cited.requirement, findings: cited.findings, assets: assets.sorted())
        }
    }

    /// `requirementsAtRisk` without the assets, which the summary's SPRS exposure does not need.
    var citedRequirements: [(requirement: Requirement, findings: [Int])] {
        // Entries are changed in place: copying one out of a dictionary and back would copy its list each time.
        var entries: [(requirement: Requirement, findings: [Int])] = [], index: [String: Int] = [:]
        for f in findings.indices where !findings[f].isSuppressed && findings[f].severity != .info {
            for requirement in findings[f].requirements {
                let i = index[requirement.nist] ?? {
                    entries.append((requirement, []))
                    index[requirement.nist] = entries.count - 1
                    return entries.count - 1
                }()
                if (requirement.points ?? 0) > (entries[i].requirement.points ?? 0) { entries[i].requirement = requirement }
                entries[i].findings.append(f)
            }
        }
        let order = Dictionary(uniqueKeysWithValues: NIST800171.all.enumerated().map { ($1.id, $0) })
        return entries.sorted {
            (order[$0.requirement.nist] ?? .max, $0.requirement.nist) < (order[$1.requirement.nist] ?? .max, $1.requirement.nist)
        }
    }
}

extension Finding {
    /// The assets the finding is about: its subject, or a relation's ends that are assets.
    public func assets(in model: Model) -> [Int] {
        switch subject {
        case .element(.asset(let a)): return [a]
        case .element: return []
        case .relation(let relation):
            let (from, _, to) = model.ends(of: relation)
            return [from, to].compactMap { if case .asset(let a) = $0 { a } else { nil } }
        }
    }
}

extension AssetCategory {
    /// What the Scoping Guide asks of an asset in the category, and how the assessor treats it (32 CFR 170.19,
    /// Tables 3-6).
    public var obligation: String {
        switch self {
        case .cui: "documented in the asset inventory, the SSP and the network diagram; assessed against all 110 NIST SP 800-171 requirements"
        case .spa: "documented in the asset inventory, the SSP and the network diagram; assessed against the 800-171 requirements relevant to the security functions it provides"
        case .crma: "documented in the asset inventory, the SSP (with the risk-based policy that keeps CUI off it) and the network diagram; not assessed against the requirements unless the assessor's spot check finds the policy insufficient"
        case .specialized: "documented in the asset inventory, the SSP (managed under the risk-based security policy) and the network diagram; not assessed against the requirements"
        case .out: "not assessed; be ready to justify the separation (physical, or logical with no route for CUI)"
        case .outsideCMMC: "nothing under CMMC: classified, or operated on behalf of the Government"
        case .fci: "level 1: meets the 15 basic safeguarding requirements of FAR 52.204-21 (17 CMMC practices), self-assessed annually"
        }
    }

    /// Whether the assessor assesses the asset against the 800-171 requirements (all of them, or those relevant
    /// to its function for an SPA).
    public var assessedAgainstRequirements: Bool { self == .cui || self == .spa }
}
