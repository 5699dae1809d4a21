// The words the language accepts as attribute values. Each enum's raw values are exactly the spellings
// of docs/language.md, so error hints and the canonical printer derive from them.

/// A word-valued attribute: parsed from its spelling, listed in hints.
public protocol ModelWord: RawRepresentable<String>, CaseIterable, Sendable, Hashable, Codable {}

extension ModelWord {
    /// "a, b or c", for messages.
    static var spellings: String {
        let words = allCases.map { "`\($0.rawValue)`" }
        return words.count < 2 ? words.joined() : words.dropLast().joined(separator: ", ") + " or " + words.last!
    }
}

public enum DataClass: String, ModelWord { case cui, fci, spd, `public` }

public enum AssessmentKind: String, ModelWord { case `self`, c3pao, dibcac }

public enum ProviderType: String, ModelWord { case csp, msp, mssp, subcontractor, prime, government, vendor }

public enum FedRAMPLevel: String, ModelWord {
    case high, moderate, moderateEquivalent = "moderate-equivalent", low, liSaaS = "li-saas", none, unknown

    /// DFARS 252.204-7012(b)(2)(ii)(D): FedRAMP Moderate baseline or its equivalent.
    public var meetsModerate: Bool { self == .high || self == .moderate || self == .moderateEquivalent }

    /// A FedRAMP authorization at some baseline; `moderate-equivalent` is a 3PAO assessment, not one.
    public var isAuthorization: Bool { self == .high || self == .moderate || self == .low || self == .liSaaS }
}

/// `yes`, `no` or `unknown`: used where the model author may not know.
public enum Knowledge: String, ModelWord { case yes, no, unknown }

public enum CMMCStatus: String, ModelWord, Comparable {
    case none, l1Self = "l1-self", l2Self = "l2-self", l2C3PAO = "l2-c3pao", l3DIBCAC = "l3-dibcac"

    private var rank: Int { Self.allCases.firstIndex(of: self)! }
    public static func < (lhs: CMMCStatus, rhs: CMMCStatus) -> Bool { lhs.rank < rhs.rank }
}

public enum Separation: String, ModelWord {
    case physical, logical, none

    /// Physical or logical separation: the only kinds that cut the network fabric.
    public var separates: Bool { self != .none }
}

public enum AssetType: String, ModelWord {
    case server, workstation, laptop, mobile, vm, database, storage, backup, application, saas, network,
         firewall, vpn, router, `switch`, wireless, idp, siem, edr, printer, media, person, team, facility,
         vdiClient = "vdi-client", iot, iiot, ot, gfe, restricted, testEquipment = "test-equipment", other

    /// IoT, IIoT, OT, GFE, restricted information systems and test equipment (32 CFR 170.19(c)(1)).
    public var isSpecialized: Bool {
        switch self {
        case .iot, .iiot, .ot, .gfe, .restricted, .testEquipment: true
        default: false
        }
    }

    /// People, teams and facilities are not network nodes.
    public var isNetworkNode: Bool { self != .person && self != .team && self != .facility }

    /// People and teams: their non-admin access to CUI means they process it.
    public var isPeople: Bool { self == .person || self == .team }
}

public enum Encryption: String, ModelWord { case fips, nonFIPS = "non-fips", none, unknown }

public enum SecurityFunction: String, ModelWord {
    case firewall, vpn, idp, siem, edr, backup, pam, mdm, scanner, logging
}

/// The asset categories a model's `category` attribute may claim (the SSP's current claim).
public enum ClaimedCategory: String, ModelWord { case cui, spa, crma, specialized, out, fci }

public enum VDIMode: String, ModelWord { case kvmOnly = "kvm-only", full }
