// Where things sit (docs/scoping.md §3). Every consumer (analysis, rules, reports, diagrams, the ISO 27001
// overlap) asks these questions here, so an asset hosted on another is placed the same way everywhere.

extension Model {
    /// The zone an asset sits in: its own; else, hosted on another asset, its host's.
    /// Nil is the organization's root zone, or no zone at all for an asset living with a provider.
    public func zone(placing asset: Int) -> Int? {
        var current = asset
        for _ in assets.indices {
            if let zone = assets[current].zone { return zone }
            guard case .asset(let host)? = assets[current].hostedOn else { return nil }
            current = host
        }
        return nil
    }

    /// Hosted (directly or through other assets) on a provider with no zone anywhere on the way: a SaaS
    /// tenant or cloud appliance, on none of the organization's networks.
    public func livesWithProvider(_ asset: Int) -> Bool {
        provider(hosting: asset) != nil
    }

    /// The provider an asset lives with (see `livesWithProvider`), if any.
    public func provider(hosting asset: Int) -> Int? {
        var current = asset
        for _ in assets.indices {
            guard assets[current].zone == nil else { return nil }
            switch assets[current].hostedOn {
            case .provider(let provider)?: return provider
            case .asset(let host)?: current = host
            case nil: return nil
            }
        }
        return nil
    }

    /// The provider at the end of an asset's `hosted-on` chain, whatever zones lie on the way: whose
    /// infrastructure it ultimately runs on.
    public func hostingProvider(of asset: Int) -> Int? {
        var current = asset
        for _ in assets.indices {
            switch assets[current].hostedOn {
            case .provider(let provider)?: return provider
            case .asset(let host)?: current = host
            case nil: return nil
            }
        }
        return nil
    }

    /// The assets an asset runs on, innermost first: its host, its host's host, and so on.
    public func hosts(of asset: Int) -> [Int] {
        var chain: [Int] = []
        var current = asset
        while chain.count < assets.count, case .asset(let host)? = assets[current].hostedOn {
            chain.append(host)
            current = host
        }
        return chain
    }

    /// `zone` and the zones around it, innermost first; empty for the root zone (nil).
    public func zoneChain(from zone: Int?) -> ZoneChain { ZoneChain(zones: zones, upcoming: zone) }

    /// The top-level zone that holds `zone` (itself when it is top-level).
    public func topZone(of zone: Int) -> Int {
        var top = zone
        for z in zoneChain(from: zone) { top = z }
        return top
    }

    /// Whether `asset`, by its placement, sits in `zone` or in a zone nested inside it.
    public func asset(_ asset: Int, isInside zone: Int) -> Bool {
        zoneChain(from: self.zone(placing: asset)).contains(zone)
    }
}

/// A zone and its ancestors, innermost first. Zones nest as written, so a parent is always declared
/// before its children and the walk ends.
public struct ZoneChain: Sequence, IteratorProtocol {
    let zones: [Zone]
    var upcoming: Int?

    public mutating func next() -> Int? {
        guard let current = upcoming else { return nil }
        upcoming = zones[current].parent
        return current
    }
}
