import ScopeModel

extension Rule {
    static let vdiNotKVMOnly = Rule(
        id: "vdi-not-kvm-only", severity: .warning,
        summary: "a VDI client receives CUI through a flow: files land on it, which a KVM-only session never lets through",
        requirements: [],
        basis: "32 CFR 170.19(c)(1), Table 3 (VDI)",
        remedy: "deliver CUI only inside the VDI session (keyboard, video and mouse: no clipboard, drives or printing), and record `vdi kvm-only`",
        examples: [
            RuleExample("""
            data d { class cui }
            asset vdi-host { type server; stores d }
            asset thin { type vdi-client; vdi full }
            asset thin2 { type vdi-client; vdi kvm-only }
            flow vdi-host -> thin carries d
            flow vdi-host -> thin2 carries d
            """, fires: ["thin", "thin2"]),
            RuleExample("""
            data d { class cui }
            asset vdi-host { type server; stores d }
            asset thin { type vdi-client; vdi kvm-only }
            asset thin2 { type vdi-client; vdi full }
            access thin -> vdi-host
            access thin2 -> vdi-host
            flow vdi-host -> thin2 carries none
            """),
        ],
        check: { rule, context in
            let model = context.model
            // The first flow that brings CUI to each VDI client. Flows are read by index, without a list of
            // their ends: a model has a million of them, and few reach a VDI client.
            var received: [Int: Int] = [:]
            func client(_ end: Endpoint) -> Int? {
                if case .asset(let a) = end, model.assets[a].type == .vdiClient, received[a] == nil { a } else { nil }
            }
            for f in model.flows.indices {
                let to = client(model.flows[f].to), from = model.flows[f].bidirectional ? client(model.flows[f].from) : nil
                guard to != nil || from != nil, context.carriedCUI(f) != nil else { continue }
                if let to { received[to] = f }
                if let from { received[from] = f }
            }
            return received.keys.sorted().map { a in
                let asset = model.assets[a]
                return rule.finding(.element(.asset(a)), at: asset.span,
                                    "VDI client `\(asset.id)` receives CUI through a flow, so it holds it: it is a CUI Asset",
                                    evidence: [context.written(.flow(received[a]!))])
            }
        })
}
