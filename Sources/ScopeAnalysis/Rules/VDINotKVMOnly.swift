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
            var received: [Int: Int] = [:]
            let model = context.model
            func isClient(_ end: Endpoint) -> Int? {
                if case .asset(let a) = end, model.assets[a].type == .vdiClient, received[a] == nil { a } else { nil }
            }
            for (f, flow) in model.flows.enumerated() {
                let ends = [isClient(flow.to), flow.bidirectional ? isClient(flow.from) : nil].compactMap { $0 }
                guard !ends.isEmpty, context.carriedCUI(f) != nil else { continue }
                for a in ends { received[a] = f }
            }
            return context.model.assets.enumerated().compactMap { a, asset in
                guard asset.type == .vdiClient, let f = received[a] else { return nil }
                return rule.finding(.element(.asset(a)), at: asset.span,
                                    "VDI client `\(asset.id)` receives CUI through a flow, so it holds it: it is a CUI Asset",
                                    evidence: [context.written(.flow(f))])
            }
        })
}
