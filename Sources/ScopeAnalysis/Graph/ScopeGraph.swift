import ScopeModel

/// The model's elements numbered in one dense space — assets, then providers, then zones — with the
/// structure every pass needs, built once.
struct ScopeGraph {
    let model: Model
    let assetCount: Int
    let providerCount: Int
    let zoneCount: Int
    /// The zone each asset sits in for the network: its own, or its host's when it has none. Nil is the
    /// organization's root zone; assets hosted on a provider with no zone are in none (`inNoZone`).
    let effectiveZone: [Int?]
    /// Assets hosted on a provider with no zone of their own: they join no zone of the organization.
    let inNoZone: [Bool]
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
        var zones = [Int?](repeating: nil, count: model.assets.count)
        var noZone = [Bool](repeating: false, count: model.assets.count)
        for asset in model.assets.indices {
            zones[asset] = model.zone(placing: asset)
            noZone[asset] = model.livesWithProvider(asset)
        }
        effectiveZone = zones
        inNoZone = noZone
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

    /// Where an end of a flow lives, for "crosses a zone boundary": a zone (or the root, -1), or a provider's
    /// infrastructure (the provider itself, or an asset hosted on it).
    enum Home: Hashable { case zone(Int), root, provider(Int) }

    func home(of endpoint: Endpoint) -> Home {
        switch endpoint {
        case .provider(let p): return .provider(p)
        case .zone(let z): return .zone(z)
        case .asset(let a):
            if inNoZone[a] {
                var current = a
                while case .asset(let host)? = model.assets[current].hostedOn { current = host }
                if case .provider(let p)? = model.assets[current].hostedOn { return .provider(p) }
            }
            return effectiveZone[a].map(Home.zone) ?? .root
        }
    }

    /// Enters `zone` and its ancestors, innermost first, stopping at the first one `enter` reports as
    /// already entered (returns false). Across many calls each zone is entered once, so marking every
    /// asset's zones costs linear time.
    func enterZones(from zone: Int?, _ enter: (Int) -> Bool) {
        var current = zone
        while let z = current, enter(z) { current = model.zones[z].parent }
    }
}
