import ScopeModel

extension RuleContext {
    /// Flows that carry CUI (labelled or presumed) and leave their segment: remote, or with ends in different
    /// segments (separated zones, the root network, a provider's infrastructure); each with its evidence.
    /// Both transit rules read it: `RuleContext` computes it once.
    static func exposedCUIFlows(_ model: Model, _ graph: ScopeGraph, _ holdings: Holdings) -> [(index: Int, evidence: Reason)] {
        model.flows.enumerated().compactMap { f, flow in
            guard let carried = carriedCUI(flow, graph, holdings),
                  flow.remote || graph.segment(of: flow.from) != graph.segment(of: flow.to) else { return nil }
            return (f, Reason(.transit(carried: carried.items, presumed: carried.presumed, remote: flow.remote), [.flow(f)]))
        }
    }
}

extension Rule {
    static let cuiTransitUnencrypted = Rule(
        id: "cui-transit-unencrypted", severity: .error,
        summary: "a CUI flow that is remote or crosses a segment boundary (a separated zone, a provider) has `encryption none`",
        requirements: [Requirements.dataInTransit],
        basis: "NIST SP 800-171 3.13.8",
        remedy: "encrypt the channel with FIPS-validated cryptography (TLS or a VPN) and record `encryption fips`",
        examples: [
            RuleExample("""
            data d { class cui }
            zone a
            zone b { separation logical }
            asset x { type server; zone a; stores d }
            asset y { type server; zone b }
            asset z { type server }
            flow x -> y carries d { encryption none }
            flow x -> z carries d { encryption none }
            """, fires: ["x -> y"]),
            // An unseparated sub-zone of the same enclave is the same segment: nothing is in transit.
            RuleExample("""
            data d { class cui }
            zone enclave { separation logical; asset x { type server; stores d }; zone lab { asset y { type server } } }
            flow x -> y carries d { encryption none }
            """),
            RuleExample("""
            data d { class cui }
            asset x { type server; stores d }
            asset y { type server }
            flow x -> y { encryption none }
            flow y -> x carries d { encryption fips; remote yes }
            """),
        ],
        check: { rule, context in
            context.exposedCUIFlows.compactMap { entry in
                let flow = context.model.flows[entry.index]
                guard flow.encryption == .none else { return nil }
                return rule.finding(.relation(.flow(entry.index)), at: flow.span, "CUI travels unencrypted",
                                    evidence: [entry.evidence])
            }
        })

    static let cuiTransitNotFIPS = Rule(
        id: "cui-transit-not-fips", severity: .warning,
        summary: "a CUI flow that is remote or crosses a segment boundary is not known to use FIPS-validated encryption",
        requirements: [Requirements.cuiEncryptionNotFIPS, Requirements.cuiEncryptionNone],
        basis: "NIST SP 800-171 3.13.11",
        remedy: "use FIPS-validated cryptographic modules for the channel and record `encryption fips`",
        examples: [
            RuleExample("""
            data d { class cui }
            provider cloud { type csp; fedramp high }
            asset x { type server; stores d }
            flow x -> cloud carries d { encryption non-fips }
            flow cloud -> x carries d
            """, fires: ["x -> cloud", "cloud -> x"]),
            RuleExample("""
            data d { class cui }
            asset x { type server; stores d }
            asset y { type server }
            flow x -> y carries d
            """),
        ],
        check: { rule, context in
            context.exposedCUIFlows.compactMap { entry in
                let flow = context.model.flows[entry.index]
                let requirement: Requirement
                switch flow.encryption {
                case .nonFIPS: requirement = Requirements.cuiEncryptionNotFIPS
                case .unknown: requirement = Requirements.cuiEncryptionNone
                case .fips, .none: return nil
                }
                let message = flow.encryption == .nonFIPS ? "CUI travels with encryption that is not FIPS-validated"
                    : "CUI travels with unknown encryption"
                return rule.finding(.relation(.flow(entry.index)), at: flow.span, message,
                                    evidence: [entry.evidence],
                                    requirements: [requirement])
            }
        })
}
