import ScopeModel

/// The channels of docs/scoping.md §3: connections between exactly two network assets, not transitive. Read by
/// the reachability pass and by the advisor's minimum cut, in the same order.
extension Model {
    /// Each channel between two distinct network assets, as the step that makes it: a flow between its ends
    /// and from each `via` device to each end, a device's access to an asset, an asset hosted on another
    /// (guest first). Flows, then accesses, then hosting, each in model order.
    func forEachChannel(_ body: (_ a: Int, _ b: Int, _ step: Step) -> Void) {
        func connect(_ a: Int, _ b: Int, _ step: Step) {
            guard a != b, assets[a].type.isNetworkNode, assets[b].type.isNetworkNode else { return }
            body(a, b, step)
        }
        for (f, flow) in flows.enumerated() {
            var ends: [Int] = []
            if case .asset(let a) = flow.from { ends.append(a) }
            if case .asset(let b) = flow.to { ends.append(b) }
            if ends.count == 2 { connect(ends[0], ends[1], .flow(f)) }
            for device in flow.via { for end in ends { connect(device, end, .flow(f)) } }
        }
        for (i, access) in accesses.enumerated() {
            if let device = networkDevice(of: access), case .asset(let target) = access.to { connect(device, target, .access(i)) }
        }
        for (a, asset) in assets.enumerated() {
            if case .asset(let host)? = asset.hostedOn { connect(a, host, .hosting(asset: a)) }
        }
    }

    /// Each access from a network device to a zone, in model order: the device reaches every asset inside it.
    var zoneAccesses: [(device: Int, zone: Int, access: Int)] {
        accesses.enumerated().compactMap { i, access in
            guard let device = networkDevice(of: access), assets[device].type.isNetworkNode, case .zone(let zone) = access.to else { return nil }
            return (device, zone, i)
        }
    }

    /// The asset an access comes from, unless it is a KVM-only VDI client: its session is pixels, not a network path.
    private func networkDevice(of access: Access) -> Int? {
        guard case .asset(let device) = access.from, assets[device].vdi != .kvmOnly else { return nil }
        return device
    }
}
