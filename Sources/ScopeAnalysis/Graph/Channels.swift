import ScopeModel

/// The channels of docs/scoping.md §3: connections between exactly two network assets, not transitive. Read by
/// the reachability pass and by the advisor's minimum cut, in the same order.
extension ScopeGraph {
    /// Each channel between two distinct network assets, as the step that makes it: a flow between its ends
    /// and from each `via` device to each end, a device's access to an asset, an asset hosted on another
    /// (guest first). Flows, then accesses, then hosting, each in model order.
    func forEachChannel(_ body: (_ a: Int, _ b: Int, _ step: Step) -> Void) {
        func connect(_ a: Int, _ b: Int, _ step: Step) {
            guard a != b, isNetworkNode[a], isNetworkNode[b] else { return }
            body(a, b, step)
        }
        func asset(_ endpoint: Endpoint) -> Int? { if case .asset(let a) = endpoint { a } else { nil } }
        // By index, not by element: a copy of each flow or asset would retain and release all it holds.
        let flows = model.flows, accesses = model.accesses, assets = model.assets
        for f in flows.indices {
            let from = asset(flows[f].from), to = asset(flows[f].to)
            if let from, let to { connect(from, to, .flow(f)) }
            for device in flows[f].via {
                if let from { connect(device, from, .flow(f)) }
                if let to { connect(device, to, .flow(f)) }
            }
        }
        for i in accesses.indices {
            if let device = networkDevice(of: accesses[i]), case .asset(let target) = accesses[i].to { connect(device, target, .access(i)) }
        }
        for a in assets.indices {
            if case .asset(let host)? = assets[a].hostedOn { connect(a, host, .hosting(asset: a)) }
        }
    }

    /// At least as many as `forEachChannel` gives, found without reading an asset: each flow, each flow's
    /// `via` device twice, each access and each asset's hosting.
    var channelCountBound: Int {
        let flows = model.flows
        return flows.indices.reduce(flows.count) { count, f in count + 2 * flows[f].via.count } + model.accesses.count + assetCount
    }

    /// Each access from a network device to a zone, in model order: the device reaches every asset inside it.
    var zoneAccesses: [(device: Int, zone: Int, access: Int)] {
        model.accesses.enumerated().compactMap { i, access in
            guard let device = networkDevice(of: access), isNetworkNode[device], case .zone(let zone) = access.to else { return nil }
            return (device, zone, i)
        }
    }

    /// The asset an access comes from, unless it is a KVM-only VDI client: its session is pixels, not a network path.
    func networkDevice(of access: Access) -> Int? {
        guard case .asset(let device) = access.from, model.assets[device].vdi != .kvmOnly else { return nil }
        return device
    }
}
