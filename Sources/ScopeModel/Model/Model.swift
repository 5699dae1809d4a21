/// A resolved model: every identifier replaced by a dense integer index into the arrays below, every
/// element with the span where it was written. Built once by `ModelLoader`; read by every analysis.
public struct Model: Sendable {
    public var organization = Organization()
    public var data: [DataItem] = []
    public var providers: [Provider] = []
    public var zones: [Zone] = []
    public var assets: [Asset] = []
    public var flows: [Flow] = []
    public var links: [Link] = []
    public var accesses: [Access] = []
    public var protections: [Protection] = []
    public var suppressions: [Suppression] = []
    /// Every file read, the root first, in the order it was included.
    public var files: [SourceFile] = []
    /// Every identifier and what it names.
    public var names: [String: ElementRef] = [:]

    public init() {}

    public var relationCount: Int { flows.count + links.count + accesses.count + protections.count }

    /// The identifier of `element`, as written in the model.
    public func id(of element: ElementRef) -> String {
        switch element {
        case .asset(let index): assets[index].id
        case .provider(let index): providers[index].id
        case .zone(let index): zones[index].id
        case .data(let index): data[index].id
        }
    }

    /// Where `element` was declared.
    public func span(of element: ElementRef) -> SourceSpan {
        switch element {
        case .asset(let index): assets[index].span
        case .provider(let index): providers[index].span
        case .zone(let index): zones[index].span
        case .data(let index): data[index].span
        }
    }
}

/// A reference to a declared element: which array, which index.
public enum ElementRef: Hashable, Sendable {
    case asset(Int), provider(Int), zone(Int), data(Int)

    /// The keyword that declares it: `asset`, `provider`, `zone`, `data`.
    public var keyword: String {
        switch self {
        case .asset: "asset"
        case .provider: "provider"
        case .zone: "zone"
        case .data: "data"
        }
    }

    /// How the kind is named in messages.
    public var kindName: String {
        switch self {
        case .asset: "an asset"
        case .provider: "a provider"
        case .zone: "a zone"
        case .data: "a data item"
        }
    }
}

public struct Organization: Sendable, Hashable {
    public var name: String?
    public var level = 2
    /// Nil when not written: the default depends on the level.
    public var assessment: AssessmentKind?
    /// Zones and assets inside an existing ISO/IEC 27001 certificate scope.
    public var iso27001: [ElementRef] = []
    public var span: SourceSpan?

    /// The assessment at `level` (the model's, or an override): as written, or the level's default.
    public func assessment(at level: Int) -> AssessmentKind {
        assessment ?? (level == 1 ? .self : level == 3 ? .dibcac : .c3pao)
    }

    /// The assessments that exist at `level` (32 CFR 170.15–170.18): level 1 is self-assessed, level 2 by
    /// the contractor or a C3PAO, level 3 by DIBCAC.
    public static func assessments(at level: Int) -> [AssessmentKind] {
        switch level {
        case 1: [.self]
        case 3: [.dibcac]
        default: [.self, .c3pao]
        }
    }
}

public struct DataItem: Sendable, Hashable {
    public var id: String
    public var label: String?
    public var dataClass: DataClass
    /// CUI Registry category abbreviations, such as `CTI` or `EXPT`.
    public var categories: [String]
    /// Limited dissemination controls, such as `NOFORN`.
    public var dissemination: [String]
    public var span: SourceSpan

    /// EXPT, NOFORN or REL-TO-USA: foreign persons must not reach it (ITAR/EAR).
    public var isForeignPersonRestricted: Bool {
        categories.contains("EXPT") || dissemination.contains("NOFORN") || dissemination.contains("REL-TO-USA")
    }
}

public struct Provider: Sendable, Hashable {
    public var id: String
    public var label: String?
    public var type: ProviderType
    public var fedramp: FedRAMPLevel = .unknown
    /// ISO 3166 alpha-2; nil when unknown.
    public var country: String?
    public var usPersons: Knowledge = .unknown
    public var crm = false
    /// Nil when not stated.
    public var cmmc: CMMCStatus?
    public var dfars7012 = false
    public var span: SourceSpan
}

public struct Zone: Sendable, Hashable {
    public var id: String
    public var label: String?
    public var separation: Separation = .none
    /// The enclosing zone; nil for a top-level zone (a child of the organization).
    public var parent: Int?
    public var span: SourceSpan
}

/// What an asset is hosted on.
public enum Host: Hashable, Sendable {
    case asset(Int), provider(Int)
}

// Fields in order of size, so that none pads another: a large model holds hundreds of thousands of assets.
public struct Asset: Sendable, Hashable {
    public var id: String
    public var label: String?
    public var policy: String?
    public var country: String?
    public var owner: String?
    public var description: String?
    public var span: SourceSpan
    public var stores: [Int] = []
    public var processes: [Int] = []
    public var security: [SecurityFunction] = []
    public var count = 1
    /// The zone it sits in, nested or named with `zone`; nil for the organization's root zone.
    public var zone: Int?
    public var hostedOn: Host?
    public var type: AssetType
    public var encryption: Encryption = .unknown
    public var claimedCategory: ClaimedCategory?
    public var isPublic = false
    public var usPersons: Knowledge = .unknown
    public var vdi: VDIMode?
    public var classified = false
}

/// What a flow carries.
public enum Carried: Hashable, Sendable {
    /// No `carries`: presumed to carry every CUI and FCI item its source holds.
    case unlabeled
    /// `carries none`, or a list of data items.
    case data([Int])
}

/// An end of a relation: an asset, a provider or a zone (which stands for every asset inside it).
public enum Endpoint: Hashable, Sendable {
    case asset(Int), provider(Int), zone(Int)
}

public struct Flow: Sendable, Hashable {
    public var from: Endpoint
    public var to: Endpoint
    /// Written `<->`: data moves both ways.
    public var bidirectional: Bool
    public var carries: Carried
    /// Devices the flow passes through.
    public var via: [Int]
    public var encryption: Encryption = .unknown
    public var remote = false
    public var mfa = false
    public var `protocol`: String?
    public var label: String?
    public var span: SourceSpan
}

public struct Link: Sendable, Hashable {
    public var a: Endpoint
    public var b: Endpoint
    public var via: [Int]
    public var separation: Separation = .none
    public var wireless = false
    public var span: SourceSpan
}

public struct Access: Sendable, Hashable {
    public var from: Endpoint
    public var to: Endpoint
    public var admin = false
    public var mfa = false
    public var remote = false
    /// Holds decryption keys.
    public var keys = false
    public var span: SourceSpan
}

public struct Protection: Sendable, Hashable {
    public var from: Endpoint
    public var to: Endpoint
    public var span: SourceSpan
}

public struct Suppression: Sendable, Hashable {
    public var rule: String
    /// What it silences: `on plm`, or `on a -> b` for a relation.
    public var target: Target
    public var reason: String
    public var span: SourceSpan

    public enum Target: Hashable, Sendable {
        case element(ElementRef)
        /// A relation named by its ends and arrow, as written.
        case relation(from: ElementRef, arrow: Arrow, to: ElementRef)
    }
}
