import ScopeModel

/// The model's elements numbered in one dense space — assets, then providers, then zones — with the
/// structure every pass needs, built once.
struct ScopeGraph {
    let model: Model
    let assetCount: Int
    let providerCount: Int
    let zoneCount: Int
    /// `Model.zone(placing:)` of each asset, computed once: nil is the root zone, or no zone for an asset
    /// that lives with a provider (`provider`).
    let zone: [Int?]
    /// `Model.provider(hosting:)` of each asset: the provider whose infrastructure it lives in, if any.
    let provider: [Int?]
    /// Outside CMMC (docs/scoping.md §1): classified, or run on behalf of the Government (hosted, through any
    /// chain, on a `government` provider). Such an asset holds what it holds but counts for nothing.
    let outsideCMMC: [Bool]
    /// `AssetType.isNetworkNode` of each asset, asked of both ends of every relation: these flags stay in the
    /// cache, where a million reads at random into the assets do not.
    let isNetworkNode: [Bool]
    /// Bitmasks over data items by class.
    let cuiMask: [UInt64]
    let cuiOrFCIMask: [UInt64]
    let spdMask: [UInt64]
    let restrictedMask: [UInt64]
    let allMask: [UInt64]

    init(_ model: Model) {
        self.model = model
        assetCount = model.assets.count
        providerCount = model.providers.count
        zoneCount = model.zones.count
        zone = model.assets.indices.map(model.zone(placing:))
        provider = model.assets.indices.map(model.provider(hosting:))
        outsideCMMC = model.assets.indices.map { a in
            model.assets[a].classified || model.hostingProvider(of: a).map { model.providers[$0].type == .government } == true
        }
        isNetworkNode = model.assets.map(\.type.isNetworkNode)
        let width = max(1, (model.data.count + 63) / 64)
        func mask(_ include: (DataItem) -> Bool) -> [UInt64] {
            var words = [UInt64](repeating: 0, count: width)
            for (index, item) in model.data.enumerated() where include(item) { words[index >> 6] |= 1 << UInt64(index & 63) }
            return words
        }
        cuiMask = mask { $0.dataClass == .cui }
        cuiOrFCIMask = mask { $0.dataClass == .cui || $0.dataClass == .fci }
        spdMask = mask { $0.dataClass == .spd }
        restrictedMask = mask { $0.dataClass == .cui && $0.isForeignPersonRestricted }
        allMask = mask { _ in true }
    }

    var nodeCount: Int { assetCount + providerCount + zoneCount }
    func node(asset: Int) -> Int { asset }
    func node(provider: Int) -> Int { assetCount + provider }
    func node(zone: Int) -> Int { assetCount + providerCount + zone }

    func node(_ endpoint: Endpoint) -> Int {
        switch endpoint {
        case .asset(let i): node(asset: i)
        case .provider(let i): node(provider: i)
        case .zone(let i): node(zone: i)
        }
    }

    /// A network segment (docs/scoping.md §7, segments): an asset's nearest zone that declares separation, or the
    /// organization's root network; a provider's infrastructure, which every asset hosted on it belongs to.
    enum Segment: Hashable { case zone(Int), root, provider(Int) }

    func segment(of endpoint: Endpoint) -> Segment {
        switch endpoint {
        case .provider(let p): return .provider(p)
        case .zone(let z): return separatedZone(from: z)
        case .asset(let a):
            if let p = model.hostingProvider(of: a) { return .provider(p) }
            return separatedZone(from: zone[a])
        }
    }

    private func separatedZone(from zone: Int?) -> Segment {
        model.zoneChain(from: zone).first { model.zones[$0].separation.separates }.map(Segment.zone) ?? .root
    }

    /// Whether the asset sits on one of the organization's networks (not with a provider).
    func isOnNetwork(_ asset: Int) -> Bool { provider[asset] == nil }

    /// Marks `zone` and its ancestors, innermost first, stopping at the first one `mark` reports as already
    /// marked (returns false). Across many calls each zone is marked once, so marking every asset's zones
    /// costs linear time.
    func markZones(from zone: Int?, _ mark: (Int) -> Bool) {
        for z in model.zoneChain(from: zone) where !mark(z) { return }
    }
}
