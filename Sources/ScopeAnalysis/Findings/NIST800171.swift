/// The 110 security requirements of NIST SP 800-171 r2 with their DoD Assessment Methodology (v1.2.1) values:
/// the catalog an SPRS score is computed from (110 minus the value of each requirement not met), and the one
/// place a requirement's points and POA&M eligibility are decided.
public enum NIST800171 {
    /// One requirement as the catalog lists it.
    public struct Entry: Sendable, Hashable {
        /// `3.1.1`
        public let id: String
        /// The CMMC family abbreviation: `AC`.
        public let family: String
        /// A short title: `Authorized Access Control`.
        public let title: String
        /// The SPRS deduction when not met; nil for 3.12.4, which the methodology scores as "no SSP, no assessment".
        public let points: Int?

        /// `AC.L2-3.1.1`, the CMMC level 2 practice.
        public var practice: String { "\(family).L2-\(id)" }

        /// Whether 32 CFR 170.21(a)(2) allows it on a POA&M: 1-point requirements only, never those of
        /// 170.21(a)(2)(iii). (3.13.11 at its partial value of 3 is the exception, in `requirement(_:points:)`.)
        public var poam: Bool { points == 1 && !NIST800171.neverOnPOAM.contains(id) }

        /// As a finding cites it.
        public var requirement: Requirement { Requirement(nist: id, practice: practice, points: points, poam: poam) }
    }

    /// 32 CFR 170.21(a)(2)(iii): 1-point requirements that still may not be on a POA&M.
    static let neverOnPOAM: Set<String> = ["3.1.20", "3.1.22", "3.12.4", "3.10.3", "3.10.4", "3.10.5"]

    /// The families in the order of the publication, with their CMMC abbreviations.
    public static let families: [(number: String, abbreviation: String, name: String)] = [
        ("3.1", "AC", "Access Control"), ("3.2", "AT", "Awareness and Training"), ("3.3", "AU", "Audit and Accountability"),
        ("3.4", "CM", "Configuration Management"), ("3.5", "IA", "Identification and Authentication"),
        ("3.6", "IR", "Incident Response"), ("3.7", "MA", "Maintenance"), ("3.8", "MP", "Media Protection"),
        ("3.9", "PS", "Personnel Security"), ("3.10", "PE", "Physical Protection"), ("3.11", "RA", "Risk Assessment"),
        ("3.12", "CA", "Security Assessment"), ("3.13", "SC", "System and Communications Protection"),
        ("3.14", "SI", "System and Information Integrity"),
    ]

    /// Every requirement, in the order of the publication.
    public static let all: [Entry] = [
        ("3.1.1", "Authorized Access Control", 5), ("3.1.2", "Transaction & Function Control", 5),
        ("3.1.3", "Control CUI Flow", 1), ("3.1.4", "Separation of Duties", 1), ("3.1.5", "Least Privilege", 3),
        ("3.1.6", "Non-Privileged Account Use", 1), ("3.1.7", "Privileged Functions", 1),
        ("3.1.8", "Unsuccessful Logon Attempts", 1), ("3.1.9", "Privacy & Security Notices", 1),
        ("3.1.10", "Session Lock", 1), ("3.1.11", "Session Termination", 1), ("3.1.12", "Control Remote Access", 5),
        ("3.1.13", "Remote Access Confidentiality", 5), ("3.1.14", "Remote Access Routing", 1),
        ("3.1.15", "Privileged Remote Access", 1), ("3.1.16", "Wireless Access Authorization", 5),
        ("3.1.17", "Wireless Access Protection", 5), ("3.1.18", "Mobile Device Connection", 5),
        ("3.1.19", "Encrypt CUI on Mobile", 3), ("3.1.20", "External Connections", 1),
        ("3.1.21", "Portable Storage Use", 1), ("3.1.22", "Control Public Information", 1),
        ("3.2.1", "Role-Based Risk Awareness", 5), ("3.2.2", "Role-Based Training", 5), ("3.2.3", "Insider Threat Awareness", 1),
        ("3.3.1", "System Auditing", 5), ("3.3.2", "User Accountability", 3), ("3.3.3", "Event Review", 1),
        ("3.3.4", "Audit Failure Alerting", 1), ("3.3.5", "Audit Correlation", 5), ("3.3.6", "Reduction & Reporting", 1),
        ("3.3.7", "Authoritative Time Source", 1), ("3.3.8", "Audit Protection", 1), ("3.3.9", "Audit Management", 1),
        ("3.4.1", "System Baselining", 5), ("3.4.2", "Security Configuration Enforcement", 5),
        ("3.4.3", "System Change Management", 1), ("3.4.4", "Security Impact Analysis", 1),
        ("3.4.5", "Access Restrictions for Change", 5), ("3.4.6", "Least Functionality", 5),
        ("3.4.7", "Nonessential Functionality", 5), ("3.4.8", "Application Execution Policy", 5),
        ("3.4.9", "User-Installed Software", 1),
        ("3.5.1", "Identification", 5), ("3.5.2", "Authentication", 5), ("3.5.3", "Multifactor Authentication", 5),
        ("3.5.4", "Replay-Resistant Authentication", 1), ("3.5.5", "Identifier Reuse", 1),
        ("3.5.6", "Identifier Handling", 1), ("3.5.7", "Password Complexity", 1), ("3.5.8", "Password Reuse", 1),
        ("3.5.9", "Temporary Passwords", 1), ("3.5.10", "Cryptographically-Protected Passwords", 5),
        ("3.5.11", "Obscure Feedback", 1),
        ("3.6.1", "Incident Handling", 5), ("3.6.2", "Incident Reporting", 5), ("3.6.3", "Incident Response Testing", 1),
        ("3.7.1", "Perform Maintenance", 3), ("3.7.2", "System Maintenance Control", 5),
        ("3.7.3", "Equipment Sanitization", 1), ("3.7.4", "Media Inspection", 3),
        ("3.7.5", "Nonlocal Maintenance", 5), ("3.7.6", "Maintenance Personnel", 1),
        ("3.8.1", "Media Protection", 3), ("3.8.2", "Media Access", 3), ("3.8.3", "Media Disposal", 5),
        ("3.8.4", "Media Markings", 1), ("3.8.5", "Media Accountability", 1), ("3.8.6", "Portable Storage Encryption", 1),
        ("3.8.7", "Removable Media", 5), ("3.8.8", "Shared Media", 3), ("3.8.9", "Protect Backups", 1),
        ("3.9.1", "Screen Individuals", 3), ("3.9.2", "Personnel Actions", 5),
        ("3.10.1", "Limit Physical Access", 5), ("3.10.2", "Monitor Facility", 5), ("3.10.3", "Escort Visitors", 1),
        ("3.10.4", "Physical Access Logs", 1), ("3.10.5", "Manage Physical Access", 1), ("3.10.6", "Alternative Work Sites", 1),
        ("3.11.1", "Risk Assessments", 3), ("3.11.2", "Vulnerability Scan", 5), ("3.11.3", "Vulnerability Remediation", 1),
        ("3.12.1", "Security Control Assessment", 5), ("3.12.2", "Plan of Action", 3),
        ("3.12.3", "Security Control Monitoring", 5), ("3.12.4", "System Security Plan", nil),
        ("3.13.1", "Boundary Protection", 5), ("3.13.2", "Security Engineering", 5), ("3.13.3", "Role Separation", 1),
        ("3.13.4", "Shared Resource Control", 1), ("3.13.5", "Public-Access System Separation", 5),
        ("3.13.6", "Network Communication by Exception", 5), ("3.13.7", "Split Tunneling", 1),
        ("3.13.8", "Data in Transit", 3), ("3.13.9", "Connections Termination", 1),
        ("3.13.10", "Key Management", 1), ("3.13.11", "CUI Encryption", 5), ("3.13.12", "Collaborative Device Control", 1),
        ("3.13.13", "Mobile Code", 1), ("3.13.14", "Voice over Internet Protocol", 1),
        ("3.13.15", "Communications Authenticity", 5), ("3.13.16", "Data at Rest", 1),
        ("3.14.1", "Flaw Remediation", 5), ("3.14.2", "Malicious Code Protection", 5), ("3.14.3", "Security Alerts & Advisories", 5),
        ("3.14.4", "Update Malicious Code Protection", 5), ("3.14.5", "System & File Scanning", 3),
        ("3.14.6", "Monitor Communications for Attacks", 5), ("3.14.7", "Identify Unauthorized Use", 3),
    ].map { id, title, points in
        let familyNumber = String(id[..<id.lastIndex(of: ".")!])
        let family = families.first { $0.number == familyNumber }!.abbreviation
        return Entry(id: id, family: family, title: title, points: points)
    }

    /// The highest score; each requirement not met deducts its points from it.
    public static let perfectScore = 110

    /// Conditional status at level 2 needs at least this score (32 CFR 170.21(a)(2)(i): 80% of 110).
    public static let conditionalMinimum = 88

    private static let byID = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })

    /// The catalog's entry for `id` (`3.13.11`), or nil.
    public static func entry(_ id: String) -> Entry? { byID[id] }

    /// The requirement `id` as a finding cites it, at the catalog's value or at a partial value the methodology
    /// allows (3.5.3 and 3.13.11 at 3). Only 3.13.11 at 3 points joins the POA&M-eligible ones (170.21(a)(2)(ii)).
    static func requirement(_ id: String, points partial: Int? = nil) -> Requirement {
        var requirement = byID[id]!.requirement
        if let partial {
            requirement.points = partial
            requirement.poam = id == "3.13.11" && partial == 3
        }
        return requirement
    }
}
