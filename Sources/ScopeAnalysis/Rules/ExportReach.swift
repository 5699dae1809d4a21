import ScopeModel

/// Who can reach foreign-person restricted data (docs/scoping.md §6), computed once for the export rules.
/// A release is giving access that enables access to unencrypted data (ITAR 120.56(a)(3), EAR 734.19).
struct ExportReach {
    /// How a principal reaches restricted data: directly (access to a holder, admin access to a host in its
    /// chain or to a security tool that guards it, being a provider that holds it), or indirectly (admin
    /// access to another asset that protects or administers a holder).
    enum Kind: Comparable { case indirect, direct }

    /// One way in: the principal, the access relation (nil for a provider holding the data itself), how far it
    /// reaches, the holder, and the steps from the principal to the holder.
    struct Path {
        let principal: Endpoint
        let access: Int?
        let kind: Kind
        let holder: Endpoint
        let steps: [Step]
    }

    /// Every path, accesses in model order, then providers holding restricted data.
    let paths: [Path]
    /// Copies of restricted data on assets hosted on a provider that the encryption carve-out covers
    /// (ITAR 120.54(a)(5), EAR 734.18(a)(5)): they give no reach and are no export.
    let carvedOut: [Bool]
    /// The restricted items a provider received itself, through flows: never carved out.
    let sentToProvider: [[Int]]

    /// ITAR §126.1 countries and Russia, as of 2025: no carve-out applies to data stored there.
    static let proscribed: Set<String> = ["AF", "BY", "CD", "CF", "CN", "CU", "ER", "HK", "HT", "IQ", "IR", "KP", "LB", "LY", "MM",
                                          "NI", "RU", "SD", "SO", "SS", "SY", "VE", "ZW"]

    /// Security functions whose administrators control what they protect: identity, privileged access,
    /// backup, endpoint and device management.
    static let controlling: Set<SecurityFunction> = [.idp, .pam, .backup, .edr, .mdm]

    init(graph: ScopeGraph, holdings: Holdings) {
        let model = graph.model
        let restricted = graph.restrictedMask

        var keyHolders = [[Endpoint]](repeating: [], count: model.assets.count)
        for access in model.accesses where access.keys {
            if case .asset(let a) = access.to { keyHolders[a].append(access.from) }
        }
        carvedOut = model.assets.indices.map { a in
            let asset = model.assets[a]
            guard let provider = model.hostingProvider(of: a), asset.encryption == .fips || asset.encryption == .nonFIPS,
                  !ExportReach.proscribed.contains(model.providers[provider].country ?? "") else { return false }
            return !keyHolders[a].isEmpty && keyHolders[a].allSatisfy { holder in
                guard case .asset(let person) = holder, model.assets[person].type.isPeople else { return false }
                return model.usPersonStatus(holder) == .yes
            }
        }
        let carved = carvedOut
        let isHolder = model.assets.indices.map { a in
            holdings.holdsAny(a, of: restricted) && !graph.outsideCMMC[a] && !carved[a]
        }
        // A holder inside each zone, nested zones included.
        var holderIn = [Int?](repeating: nil, count: model.zones.count)
        for a in model.assets.indices where isHolder[a] {
            graph.markZones(from: graph.zone[a]) { zone in
                guard holderIn[zone] == nil else { return false }
                holderIn[zone] = a
                return true
            }
        }
        func holder(of endpoint: Endpoint) -> Int? {
            switch endpoint {
            case .asset(let a): isHolder[a] ? a : nil
            case .zone(let z): holderIn[z]
            case .provider: nil
            }
        }
        // What admin access to an asset gives: the holder it leads to, how far, and the step from it onwards.
        var admin = [(kind: Kind, holder: Int, step: Step?)?](repeating: nil, count: model.assets.count)
        func offer(_ asset: Int, _ entry: (kind: Kind, holder: Int, step: Step?)) {
            if admin[asset].map({ $0.kind < entry.kind }) ?? true { admin[asset] = entry }
        }
        for a in model.assets.indices where isHolder[a] {
            offer(a, (.direct, a, nil))
            for host in model.hosts(of: a) { offer(host, (.direct, a, .hosting(asset: a))) }
        }
        func guardOffer(_ guardian: Endpoint, _ target: Endpoint, _ step: Step) {
            guard case .asset(let g) = guardian, let h = holder(of: target) else { return }
            let controls = !ExportReach.controlling.isDisjoint(with: model.assets[g].security)
            offer(g, (controls ? .direct : .indirect, h, step))
        }
        for (i, protection) in model.protections.enumerated() { guardOffer(protection.from, protection.to, .protects(i)) }
        for (i, access) in model.accesses.enumerated() where access.admin { guardOffer(access.from, access.to, .access(i)) }
        // The best an admin access to each zone gives: the best of the assets inside it.
        var zoneAdmin = [(kind: Kind, asset: Int)?](repeating: nil, count: model.zones.count)
        for a in model.assets.indices {
            guard let entry = admin[a] else { continue }
            graph.markZones(from: graph.zone[a]) { zone in
                guard zoneAdmin[zone].map({ $0.kind < entry.kind }) ?? true else { return false }
                zoneAdmin[zone] = (entry.kind, a)
                return true
            }
        }

        // People, teams and providers; export liability follows the recipient, so only the U.S. Government
        // (a `government` provider in the US, or with no country) is exempt.
        func isPrincipal(_ endpoint: Endpoint) -> Bool {
            switch endpoint {
            case .asset(let a): return model.assets[a].type.isPeople
            case .provider(let p): return model.providers[p].type != .government || (model.providers[p].country ?? "US") != "US"
            case .zone: return false
            }
        }
        var paths: [Path] = []
        for (i, access) in model.accesses.enumerated() where isPrincipal(access.from) {
            if let h = holder(of: access.to) {
                paths.append(Path(principal: access.from, access: i, kind: .direct, holder: .asset(h), steps: [.access(i)]))
                continue
            }
            guard access.admin else { continue }
            let through: Int? = switch access.to {
            case .asset(let a): admin[a] == nil ? nil : a
            case .zone(let z): zoneAdmin[z]?.asset
            case .provider: nil
            }
            guard let through, let entry = admin[through] else { continue }
            paths.append(Path(principal: access.from, access: i, kind: entry.kind, holder: .asset(entry.holder),
                              steps: [.access(i)] + (entry.step.map { [$0] } ?? [])))
        }
        // A provider holds what was sent to it, and the copies on assets hosted on it that no carve-out covers.
        var sent = [[Int]](repeating: [], count: model.providers.count)
        for flow in model.flows {
            let items = holdings.carried(flow, graph: graph).items.filter { restricted[$0 >> 6] & (1 << UInt64($0 & 63)) != 0 }
            guard !items.isEmpty else { continue }
            if case .provider(let p) = flow.to { sent[p] += items }
            if flow.bidirectional, case .provider(let p) = flow.from { sent[p] += items }
        }
        sentToProvider = sent
        var hostedCopy = [Int?](repeating: nil, count: model.providers.count)
        for a in model.assets.indices where isHolder[a] {
            if let p = model.hostingProvider(of: a), hostedCopy[p] == nil { hostedCopy[p] = a }
        }
        for p in model.providers.indices where isPrincipal(.provider(p)) && (!sent[p].isEmpty || hostedCopy[p] != nil) {
            let copy: Endpoint = hostedCopy[p].map(Endpoint.asset) ?? .provider(p)
            paths.append(Path(principal: .provider(p), access: nil, kind: .direct, holder: sent[p].isEmpty ? copy : .provider(p), steps: []))
        }
        self.paths = paths
    }
}
