import ScopeModel

/// One link in a witness chain: a relation or declaration of the model that moved data, joined a network,
/// or granted a role. Every step points back at the line where the user wrote it.
public enum Step: Hashable, Sendable {
    /// `stores D` or `processes D` on an asset.
    case holds(asset: Int, data: Int)
    case flow(Int)
    /// The asset's `hosted-on`.
    case hosting(asset: Int)
    case access(Int)
    case protects(Int)
    /// The asset sits in its zone (nested, named, or through its host).
    case membership(asset: Int)
    /// The zone sits in its parent zone without separation.
    case zoneParent(zone: Int)
    case link(Int)
    /// The `via` device of a link, joined to both ends.
    case linkVia(link: Int, device: Int)
}

/// Why something is so: what was decided, and the shortest chain of steps behind it. Recorded by the pass
/// that decides; turned into words only by `Explainer`, at the edge.
public struct Reason: Hashable, Sendable {
    public var kind: Kind
    public var steps: [Step]

    public init(_ kind: Kind, _ steps: [Step] = []) {
        self.kind = kind
        self.steps = steps
    }

    public enum Kind: Hashable, Sendable {
        /// Classified: outside CMMC (32 CFR 170.19).
        case classified
        /// Hosted, through its chain, on a `government` provider: operated on behalf of the Government.
        case governmentHosted(provider: Int)
        /// Holds a data item.
        case holds(data: Int)
        /// Provides a security function to an in-scope asset or zone.
        case protects(ElementRef)
        /// Has admin access to an in-scope asset or zone.
        case administers(ElementRef)
        /// The `via` device of a link with a CUI-holding end.
        case boundaryDevice
        /// The `via` device of a flow with a CUI-holding end.
        case passesCUIFlow
        /// Holds security data that an in-scope asset also holds.
        case holdsSecurityData(data: Int, alsoHeldBy: Int)
        /// Hosts a Security Protection Asset.
        case hostsSPA(asset: Int)
        /// Shares a network or a channel with an asset holding CUI.
        case reachesCUI(holder: Int)
        /// A public asset on the same network as, or with a direct channel to, another holder.
        case sharesNetwork(holder: Int)
        /// CUI-reachable, and the asset's `policy` keeps CUI off it.
        case keptFreeByPolicy(asset: Int)
        /// CUI-reachable, and no policy keeps CUI off it.
        case noPolicy
        /// Out of scope: nothing puts it in (level 1 asks about FCI too).
        case nothingInScope(level: Int)
        /// A provider that holds no CUI and supports nothing in scope.
        case supportsNothing
        /// Evidence that is the steps themselves: the relations as written.
        case written
        /// A flow that carries CUI (labelled, or presumed when unlabeled) out of its segment.
        case transit(carried: [Int], presumed: Bool, remote: Bool)
    }
}
