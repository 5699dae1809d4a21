/// The graph-relevant NIST SP 800-171 r2 requirements (docs/scoping.md §8), with DoD Assessment Methodology
/// points and POA&M eligibility per 32 CFR 170.21(a)(2): only 1-point requirements, plus 3.13.11 at 3
/// points when encryption is used but not FIPS-validated; never 3.1.20, 3.1.22 or 3.12.4.
public enum Requirements {
    public static let controlFlow = Requirement(nist: "3.1.3", practice: "AC.L2-3.1.3", points: 1, poam: true)
    public static let remoteAccess = Requirement(nist: "3.1.12", practice: "AC.L2-3.1.12", points: 5, poam: false)
    public static let mobileEncryption = Requirement(nist: "3.1.19", practice: "AC.L2-3.1.19", points: 3, poam: false)
    public static let externalConnections = Requirement(nist: "3.1.20", practice: "AC.L2-3.1.20", points: 1, poam: false)
    public static let publicInformation = Requirement(nist: "3.1.22", practice: "AC.L2-3.1.22", points: 1, poam: false)
    public static let multifactor = Requirement(nist: "3.5.3", practice: "IA.L2-3.5.3", points: 5, poam: false)
    public static let portableStorage = Requirement(nist: "3.8.6", practice: "MP.L2-3.8.6", points: 1, poam: true)
    public static let securityPlan = Requirement(nist: "3.12.4", practice: "CA.L2-3.12.4", points: nil, poam: false)
    public static let boundaryProtection = Requirement(nist: "3.13.1", practice: "SC.L2-3.13.1", points: 5, poam: false)
    public static let publicSeparation = Requirement(nist: "3.13.5", practice: "SC.L2-3.13.5", points: 5, poam: false)
    public static let dataInTransit = Requirement(nist: "3.13.8", practice: "SC.L2-3.13.8", points: 3, poam: false)
    /// Encryption used, but not FIPS-validated: 3 points, and the one 3-point requirement a POA&M may hold.
    public static let cuiEncryptionNotFIPS = Requirement(nist: "3.13.11", practice: "SC.L2-3.13.11", points: 3, poam: true)
    /// No (known) encryption: 5 points.
    public static let cuiEncryptionNone = Requirement(nist: "3.13.11", practice: "SC.L2-3.13.11", points: 5, poam: false)
    public static let dataAtRest = Requirement(nist: "3.13.16", practice: "SC.L2-3.13.16", points: 1, poam: true)
    /// NIST SP 800-172 enhanced requirement, level 3 only; not in the SPRS methodology.
    public static let specializedIsolation = Requirement(nist: "3.14.3e", practice: "SI.L3-3.14.3e", points: nil, poam: false)
}
