/// The words the parser dispatches on, recognized from a token's bytes without building a `String`.
enum Keyword: String, CaseIterable {
    case organization, data, provider, zone, asset
    case flow, link, access, protects
    case include, suppress
    case carries, via, none, on

    // By case, not by `rawValue`: a keyword is asked on every statement.
    var declarationKind: DeclarationKind? {
        switch self {
        case .organization: .organization
        case .data: .data
        case .provider: .provider
        case .zone: .zone
        case .asset: .asset
        default: nil
        }
    }

    var relationKind: RelationKind? {
        switch self {
        case .flow: .flow
        case .link: .link
        case .access: .access
        case .protects: .protects
        default: nil
        }
    }

    /// Keywords grouped by length, with their bytes.
    private static let byLength: [[(Keyword, [UInt8])]] = {
        var table = [[(Keyword, [UInt8])]](repeating: [], count: 13)
        for keyword in allCases { table[keyword.rawValue.utf8.count].append((keyword, Array(keyword.rawValue.utf8))) }
        return table
    }()

    /// The keyword spelled by `bytes[range]`, if any.
    static func match(_ bytes: [UInt8], _ range: Range<Int>) -> Keyword? {
        guard range.count < byLength.count else { return nil }
        candidates: for (keyword, spelling) in byLength[range.count] {
            for (offset, byte) in spelling.enumerated() where bytes[range.lowerBound + offset] != byte { continue candidates }
            return keyword
        }
        return nil
    }
}
