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
        case .provider(let p): .provider(p)
        case .zone(let z): .zone(z)
        case .asset(let a): provider[a].map(Home.provider) ?? zone[a].map(Home.zone) ?? .root
        }
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
