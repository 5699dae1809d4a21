/// The parsed form of one model file, before names are resolved: what `fmt` prints and the resolver reads.
public struct SyntaxTree: Sendable {
    public let file: SourceFile
    /// The statements in order, in the pieces they were parsed in: a large file is parsed on every core, and
    /// its pieces are kept as they are rather than copied into one array.
    let pieces: [[Statement]]
    /// Every comment in the file, in order.
    public var comments: [Comment]
    /// What the statements hold, counted as they were parsed.
    let counts: StatementCounts
    /// The top-level relations left out of each piece, in order (see `Parser.parse(_:deferringRelations:)`).
    let deferred: [[DeferredRelation]]

    /// Every statement, in order.
    public var statements: FlattenSequence<[[Statement]]> { pieces.joined() }

    /// Whether relations were left out of the statements, to be read with `Parser.parseRelations`.
    var defersRelations: Bool { deferred.contains { !$0.isEmpty } }
}

/// A top-level relation the parser skipped: where it is written, and its kind.
struct DeferredRelation: Sendable {
    @Offset32 var start: Int
    /// Where the statement ends: its newline or `;`, or the end of the file.
    @Offset32 var end: Int
    var kind: RelationKind
}

/// How many declarations, includes and relations some statements hold. The parser counts them as it makes
/// them, so that the resolver sizes its arrays, and the loader looks for includes, without walking a large
/// tree again; a statement with a syntax error may be counted and then dropped, so these are bounds.
struct StatementCounts {
    /// Every declaration, nested ones included, and of them the assets and the zones.
    var declarations = 0, assets = 0, zones = 0
    /// `include` statements: most models have none, and a search for them walked a million statements.
    var includes = 0
    var relations = RelationCounts()

    static func + (lhs: StatementCounts, rhs: StatementCounts) -> StatementCounts {
        StatementCounts(declarations: lhs.declarations + rhs.declarations, assets: lhs.assets + rhs.assets,
                        zones: lhs.zones + rhs.zones, includes: lhs.includes + rhs.includes, relations: lhs.relations + rhs.relations)
    }
}

/// How many relations of each kind some statements hold.
struct RelationCounts {
    var flows = 0, links = 0, accesses = 0, protections = 0

    mutating func count(_ kind: RelationKind) {
        switch kind {
        case .flow: flows += 1
        case .link: links += 1
        case .access: accesses += 1
        case .protects: protections += 1
        }
    }

    var total: Int { flows + links + accesses + protections }

    static func + (lhs: RelationCounts, rhs: RelationCounts) -> RelationCounts {
        RelationCounts(flows: lhs.flows + rhs.flows, links: lhs.links + rhs.links, accesses: lhs.accesses + rhs.accesses,
                       protections: lhs.protections + rhs.protections)
    }
}

// The syntax types below order their fields so that 32-bit offsets fill the padding after a `Name` or a
// `Value`: a million relations then take 120 bytes each, not 184.

/// An identifier as written, with the offset of its first byte.
public struct Name: Sendable, Hashable {
    public var text: String
    @Offset32 public var offset: Int
}

/// A value in an attribute: `fips`, `"SOP-12"`, `25`.
public struct Value: Sendable, Hashable {
    public enum Kind: Sendable { case identifier, string, number }
    /// Identifier or digits as written; a string's decoded contents.
    public var text: String
    @Offset32 public var offset: Int
    @Offset32 public var length: Int
    public var kind: Kind
}

/// `key value, value, ...` inside a block.
public struct Attribute: Sendable, Hashable {
    public var key: Name
    /// Offset just past the last value.
    @Offset32 public var end: Int
    public var values: AttributeValues
}

/// An attribute's values in order. Almost every attribute has one, kept inline, so that a million
/// attributes cost no million small arrays.
public struct AttributeValues: RandomAccessCollection, Sendable, Hashable {
    private var head: Value?
    private var tail: [Value] = []

    public init() {}

    public var startIndex: Int { 0 }
    // `if case nil`, not `== nil`: on an Equatable payload `==` compares two optionals through the runtime's
    // generic tuple witnesses, a hundred instructions for each of millions of reads.
    public var endIndex: Int { if case nil = head { 0 } else { 1 + tail.count } }
    public subscript(position: Int) -> Value { position == 0 ? head! : tail[position - 1] }

    public mutating func append(_ value: Value) {
        if case nil = head { head = value } else { tail.append(value) }
    }
}

/// The keywords that open a block of attributes.
public enum DeclarationKind: String, Sendable, CaseIterable {
    case organization, data, provider, zone, asset
}

/// `organization`, `data`, `provider`, `zone` or `asset`, with its optional block.
public struct Declaration: Sendable, Hashable {
    /// The identifier; nil for `organization`, which has only a label.
    public var name: Name?
    @Offset32 public var keywordOffset: Int
    public var label: Value?
    public var kind: DeclarationKind
    /// A syntax error was reported inside it: checks for missing attributes would only repeat it.
    public var hasSyntaxErrors = false
    /// Nil when written without braces.
    public var body: Block?
    /// Offset just past the header (before `{`), or past the closing `}`.
    @Offset32 public var end: Int
}

/// The contents of `{ ... }`.
public struct Block: Sendable, Hashable {
    public var items: [BlockItem]
    @Offset32 public var openOffset: Int
    @Offset32 public var closeOffset: Int
}

public enum BlockItem: Sendable, Hashable {
    case attribute(Attribute)
    // Boxed: most items are attributes, and a declaration is several times their size.
    indirect case declaration(Declaration)

    var start: Int {
        switch self {
        case .attribute(let attribute): attribute.key.offset
        case .declaration(let declaration): declaration.keywordOffset
        }
    }
}

/// The relation keywords.
public enum RelationKind: String, Sendable, CaseIterable {
    case flow, link, access, protects
}

public enum Arrow: String, Sendable {
    case forward = "->", both = "<->", undirected = "--"
}

/// `flow a -> b carries x via d "label" { ... }` and its kin.
public struct Relation: Sendable, Hashable {
    public var from: Name
    @Offset32 public var keywordOffset: Int
    public var to: Name
    @Offset32 public var arrowOffset: Int
    /// Nil when the flow has no `carries`; empty for `carries none`.
    public var carries: [Name]?
    public var via: [Name]
    public var label: Value?
    public var kind: RelationKind
    public var arrow: Arrow
    public var body: Block?
    /// Offset of the `carries` keyword; meaningful only when `carries` is not nil.
    @Offset32 public var carriesOffset: Int
    @Offset32 public var end: Int
}

/// `include "path"`.
public struct Include: Sendable, Hashable {
    @Offset32 public var keywordOffset: Int
    public var path: Value
}

/// `suppress RULE on ID "why"`, where ID may also be a relation `a -> b`.
public struct Suppress: Sendable, Hashable {
    @Offset32 public var keywordOffset: Int
    public var rule: Name
    public var subject: Name
    /// Set when the subject is a relation: its arrow and far end.
    public var relation: (arrow: Arrow, to: Name)?
    public var reason: Value
    @Offset32 public var end: Int

    public static func == (lhs: Suppress, rhs: Suppress) -> Bool {
        lhs.keywordOffset == rhs.keywordOffset && lhs.rule == rhs.rule && lhs.subject == rhs.subject
            && lhs.relation?.arrow == rhs.relation?.arrow && lhs.relation?.to == rhs.relation?.to && lhs.reason == rhs.reason
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(keywordOffset)
        hasher.combine(rule)
    }

    /// The subject as findings name it: `plm`, or `a -> b` for a relation.
    public var subjectText: String {
        relation.map { "\(subject.text) \($0.arrow.rawValue) \($0.to.text)" } ?? subject.text
    }
}

public enum Statement: Sendable, Hashable {
    case declaration(Declaration)
    case relation(Relation)
    indirect case include(Include)
    indirect case suppress(Suppress)

    public var start: Int {
        switch self {
        case .declaration(let d): d.keywordOffset
        case .relation(let r): r.keywordOffset
        case .include(let i): i.keywordOffset
        case .suppress(let s): s.keywordOffset
        }
    }
}
