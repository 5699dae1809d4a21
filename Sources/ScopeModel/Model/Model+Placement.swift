extension Model {
    /// The zone an asset sits in: its own; else, hosted on another asset, its host's (SCOPING.md §2.6).
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
        var current = asset
        for _ in assets.indices {
            guard assets[current].zone == nil else { return false }
            switch assets[current].hostedOn {
            case .provider?: return true
            case .asset(let host)?: current = host
            case nil: return false
            }
        }
        return false
    }
}
