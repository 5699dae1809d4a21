/// The graph-relevant NIST SP 800-171 r2 requirements the rules cite (docs/scoping.md §8), taken from the
/// catalog (`NIST800171`), which decides their points and POA&M eligibility.
public enum Requirements {
    public static let controlFlow = NIST800171.requirement("3.1.3")
    public static let remoteAccess = NIST800171.requirement("3.1.12")
    public static let mobileEncryption = NIST800171.requirement("3.1.19")
    public static let externalConnections = NIST800171.requirement("3.1.20")
    public static let publicInformation = NIST800171.requirement("3.1.22")
    public static let multifactor = NIST800171.requirement("3.5.3")
    public static let portableStorage = NIST800171.requirement("3.8.6")
    public static let securityPlan = NIST800171.requirement("3.12.4")
    public static let boundaryProtection = NIST800171.requirement("3.13.1")
    public static let publicSeparation = NIST800171.requirement("3.13.5")
    public static let dataInTransit = NIST800171.requirement("3.13.8")
    /// Encryption used, but not FIPS-validated: 3 points, and the one 3-point requirement a POA&M may hold.
    public static let cuiEncryptionNotFIPS = NIST800171.requirement("3.13.11", points: 3)
    /// No (known) encryption: 5 points.
    public static let cuiEncryptionNone = NIST800171.requirement("3.13.11")
    public static let dataAtRest = NIST800171.requirement("3.13.16")
    /// NIST SP 800-172 enhanced requirement, level 3 only; not in the SPRS methodology.
    public static let specializedIsolation = Requirement(nist: "3.14.3e", practice: "SI.L3-3.14.3e", points: nil, poam: false)
}
