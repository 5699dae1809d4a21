/// The attributes each block accepts, in the order docs/language.md lists them: the source of "unknown
/// attribute" hints.
public enum AttributeNames {
    public static func accepted(by kind: DeclarationKind) -> [String] {
        switch kind {
        case .organization: ["level", "assessment", "iso27001"]
        case .data: ["class", "category", "dissemination"]
        case .provider: ["type", "fedramp", "country", "us-persons", "crm", "cmmc", "dfars-7012"]
        case .zone: ["separation"]
        case .asset: ["type", "hosted-on", "stores", "processes", "encryption", "security", "policy", "category",
                      "public", "country", "us-persons", "vdi", "count", "classified", "owner", "description", "zone"]
        }
    }

    public static func accepted(by kind: RelationKind) -> [String] {
        switch kind {
        case .flow: ["encryption", "remote", "mfa", "protocol", "label"]
        case .link: ["separation", "wireless"]
        case .access: ["admin", "mfa", "remote", "keys"]
        case .protects: []
        }
    }

    /// Every attribute name of the language.
    public static let all: Set<String> = Set(
        DeclarationKind.allCases.flatMap { accepted(by: $0) } + RelationKind.allCases.flatMap { accepted(by: $0) }
    )
}
