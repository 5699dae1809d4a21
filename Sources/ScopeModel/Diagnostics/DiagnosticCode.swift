/// A stable code for every kind of model diagnostic: shown in text, JSON and SARIF, explained by
/// `cuiscope explain-error CODE` and docs/diagnostics.md (generated from `explanation`, `wrong` and `fixed`).
public enum DiagnosticCode: String, CaseIterable, Sendable, Comparable {
    // Characters and tokens
    case unexpectedCharacter = "E001", identifierStartsWithDigit = "E002", identifierTooLong = "E003"
    case unterminatedString = "E004", controlCharacter = "E005", invalidUTF8 = "E006", unknownEscape = "E007"
    // Statements and blocks
    case unknownStatement = "E010", expectedStatementEnd = "E011", expectedToken = "E012", unexpectedBrace = "E013"
    case unterminatedBlock = "E014", nestedTooDeep = "E015", misplacedKeyword = "E016", repeatedClause = "E017"
    case tooManyErrors = "E018"
    // Includes
    case includeCycle = "E020", includeTooDeep = "E021", includeOutsideTree = "E022", includeUnreadable = "E023"
    // Declarations and attributes
    case secondOrganization = "E030", duplicateIdentifier = "E031", reservedName = "E032", attributeTwice = "E033"
    case missingAttribute = "E034", attributeOnlyForCUI = "E035", unknownAttribute = "E036", zoneConflict = "E037"
    case wrongValueKind = "E038", unknownValue = "E039", unknownMarking = "E040", vdiOnNonClient = "E041"
    case hostingCycle = "E042"
    // References and relations
    case undefinedIdentifier = "E050", wrongElementKind = "E051", wrongArrow = "E052", clauseNotForRelation = "E053"
    case notANetworkNode = "E054", selfRelation = "E055", unknownRule = "E056"
    // The model as a whole
    case assessmentNotAtLevel = "E060"
    // Warnings
    case unmatchedSuppression = "W001"

    public static func < (lhs: DiagnosticCode, rhs: DiagnosticCode) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The code named `text` (`E012` or `e012`), if any.
    public init?(text: String) { self.init(rawValue: text.uppercased()) }

    /// What the code is, in a few words.
    public var title: String { Self.entries[self]?.title ?? rawValue }

    /// The explanation, a model that produces the code, and the same model fixed.
    public var explanation: String { Self.entries[self]?.explanation ?? "" }
    public var wrong: String { Self.entries[self]?.wrong ?? "" }
    public var fixed: String { Self.entries[self]?.fixed ?? "" }

    private struct Entry {
        let title: String
        let explanation: String
        let wrong: String
        let fixed: String
    }

    private static let entries: [DiagnosticCode: Entry] = [
        .unexpectedCharacter: Entry(
            title: "unexpected character",
            explanation: "A character that starts no token of the language: not a letter, digit, quote, brace, `,`, `;`, `#` or an arrow.",
            wrong: "asset a { type server } @", fixed: "asset a { type server }"),
        .identifierStartsWithDigit: Entry(
            title: "identifier starts with a digit",
            explanation: "Identifiers start with a letter or `_`; a number followed by letters (`3rd`) is neither a number nor an identifier.",
            wrong: "asset 3rd-floor { type printer }", fixed: "asset floor-3 { type printer }"),
        .identifierTooLong: Entry(
            title: "identifier too long",
            explanation: "Identifiers have at most 128 characters, so that no message repeats a huge name.",
            wrong: "asset " + String(repeating: "x", count: 129) + " { type server }", fixed: "asset x { type server }"),
        .unterminatedString: Entry(
            title: "unterminated string",
            explanation: "A string ends with `\"` on the same line; a line break inside a string is written `\\n`.",
            wrong: "asset a \"Server { type server }", fixed: "asset a \"Server\" { type server }"),
        .controlCharacter: Entry(
            title: "control character in a string",
            explanation: "Strings cannot hold raw control characters (they would reach terminals, SVG and DOT); write a line break as `\\n` and a tab as `\\t`.",
            wrong: "asset a \"Server\u{1B}\" { type server }", fixed: "asset a \"Server\" { type server }"),
        .invalidUTF8: Entry(
            title: "not valid UTF-8",
            explanation: "Model files are UTF-8 text. Save the file as UTF-8.",
            wrong: "", fixed: ""),
        .unknownEscape: Entry(
            title: "unknown escape in a string",
            explanation: "A string may contain the escapes `\\\"`, `\\\\`, `\\n` and `\\t`, and no other.",
            wrong: "asset a \"C:\\data\" { type server }", fixed: "asset a \"C:\\\\data\" { type server }"),
        .unknownStatement: Entry(
            title: "unknown statement",
            explanation: "A statement starts with `organization`, `data`, `provider`, `zone`, `asset`, `flow`, `link`, `access`, `protects`, `include` or `suppress`.",
            wrong: "server a { type server }", fixed: "asset a { type server }"),
        .expectedStatementEnd: Entry(
            title: "expected the end of the statement",
            explanation: "One statement per line, or statements separated by `;`.",
            wrong: "asset a { type server } asset b { type server }", fixed: "asset a { type server }; asset b { type server }"),
        .expectedToken: Entry(
            title: "expected something else here",
            explanation: "The statement needs a name, a value or a quoted string where something else was written.",
            wrong: "asset { type server }", fixed: "asset a { type server }"),
        .unexpectedBrace: Entry(
            title: "unexpected `}`",
            explanation: "A `}` that closes no block: a brace too many, or one for a block that was never opened.",
            wrong: "asset a { type server }\n}", fixed: "asset a { type server }"),
        .unterminatedBlock: Entry(
            title: "unterminated block",
            explanation: "A `{` with no matching `}`. When a top-level statement follows at column 1, the block is taken to end before it.",
            wrong: "zone office {\n  asset a { type server }\nasset b { type server }", fixed: "zone office {\n  asset a { type server }\n}\nasset b { type server }"),
        .nestedTooDeep: Entry(
            title: "blocks nested too deep",
            explanation: "Zones nest at most 64 deep. A top-level asset may name its zone with `zone ID` instead.",
            wrong: (0..<65).map { "zone z\($0) {" }.joined(separator: " ") + String(repeating: " }", count: 65),
            fixed: "zone z0 { zone z1 { asset a { type server } } }"),
        .misplacedKeyword: Entry(
            title: "statement in the wrong place",
            explanation: "Relations, includes, suppressions and most declarations are written at the top level; only zones and assets nest, inside zones.",
            wrong: "asset a { type server; flow a -> b }", fixed: "asset a { type server }\nasset b { type server }\nflow a -> b"),
        .repeatedClause: Entry(
            title: "clause given twice",
            explanation: "A relation has at most one `carries`, one `via` list and one label.",
            wrong: "asset a { type server }\nasset b { type server }\nflow a -> b \"one\" \"two\"", fixed: "asset a { type server }\nasset b { type server }\nflow a -> b \"one\""),
        .tooManyErrors: Entry(
            title: "too many errors",
            explanation: "After 50 errors in one file, cuiscope stops reading it (or stops listing them): the file is probably not a model. Fix the first errors and run again.",
            wrong: (0..<60).map { "x\($0) a" }.joined(separator: "\n"), fixed: "asset a { type server }"),
        .includeCycle: Entry(
            title: "include cycle",
            explanation: "A file includes itself, directly or through other files. Each step of the cycle is shown as a note.",
            wrong: "include \"m.scope\"", fixed: "asset a { type server }"),
        .includeTooDeep: Entry(
            title: "includes nested too deep",
            explanation: "Includes nest at most 100 deep.",
            wrong: "", fixed: ""),
        .includeOutsideTree: Entry(
            title: "include outside the model's tree",
            explanation: "An include is relative to the including file and stays inside the root model's directory: an absolute path, a `..` that leaves it or a link out of it is refused without reading the file. `--include-root DIR` widens the tree on purpose.",
            wrong: "include \"/etc/passwd\"", fixed: "include \"sites/plant-2.scope\""),
        .includeUnreadable: Entry(
            title: "cannot include a file",
            explanation: "The included file is missing, a directory, unreadable, or a link loop.",
            wrong: "include \"missing.scope\"", fixed: "asset a { type server }"),
        .secondOrganization: Entry(
            title: "second organization",
            explanation: "A model has at most one `organization`, includes included.",
            wrong: "organization \"A\"\norganization \"B\"", fixed: "organization \"A\""),
        .duplicateIdentifier: Entry(
            title: "identifier defined twice",
            explanation: "Data, providers, zones and assets share one namespace: an id names exactly one thing in the whole model. A note shows the first definition.",
            wrong: "asset a { type server }\nzone a", fixed: "asset a { type server }\nzone office"),
        .reservedName: Entry(
            title: "reserved name",
            explanation: "`none` means \"nothing\" in `carries none` and cannot name a data item.",
            wrong: "data none { class cui }", fixed: "data nothing-yet { class cui }"),
        .attributeTwice: Entry(
            title: "attribute given twice",
            explanation: "Each attribute appears once in a block; list several values in one attribute (`stores a, b`).",
            wrong: "asset a { type server; type vm }", fixed: "asset a { type vm }"),
        .missingAttribute: Entry(
            title: "required attribute missing",
            explanation: "`type` is required on assets and providers, `class` on data.",
            wrong: "asset a", fixed: "asset a { type server }"),
        .attributeOnlyForCUI: Entry(
            title: "marking on data that is not CUI",
            explanation: "`category` and `dissemination` are CUI markings: only `class cui` data carries them.",
            wrong: "data po { class fci; category CTI }", fixed: "data po { class fci }"),
        .unknownAttribute: Entry(
            title: "unknown attribute",
            explanation: "The block does not take this attribute; the hint names the nearest one it does take.",
            wrong: "asset a { type server; hosted hv }\nasset hv { type server }", fixed: "asset a { type server; hosted-on hv }\nasset hv { type server }"),
        .zoneConflict: Entry(
            title: "asset in two zones",
            explanation: "An asset nested in a zone cannot name another zone with `zone ID`. A note shows where it is nested.",
            wrong: "zone a { asset x { type server; zone b } }\nzone b", fixed: "zone a { asset x { type server } }\nzone b"),
        .wrongValueKind: Entry(
            title: "wrong kind of value",
            explanation: "The attribute takes one value, a quoted string, identifiers or a number, and something else was written.",
            wrong: "asset a { type server; policy SOP-1 }", fixed: "asset a { type server; policy \"SOP-1\" }"),
        .unknownValue: Entry(
            title: "unknown value",
            explanation: "The value is not one the attribute accepts (a word, `yes`/`no`, a number in range, a country code); the hint names the nearest.",
            wrong: "asset a { type sever }", fixed: "asset a { type server }"),
        .unknownMarking: Entry(
            title: "not a CUI Registry marking",
            explanation: "`category` takes the CUI Registry's category markings and `dissemination` its limited dissemination controls, in upper case. A silently unknown marking would switch the export rules off: export-controlled data is `EXPT`.",
            wrong: "data d { class cui; category ITAR }", fixed: "data d { class cui; category EXPT }"),
        .vdiOnNonClient: Entry(
            title: "`vdi` on an asset that is no VDI client",
            explanation: "`vdi kvm-only` or `vdi full` describes a `vdi-client` asset; on anything else it would hide the asset's holdings.",
            wrong: "asset pc { type workstation; vdi kvm-only }", fixed: "asset pc { type vdi-client; vdi kvm-only }"),
        .hostingCycle: Entry(
            title: "`hosted-on` cycle",
            explanation: "An asset runs on itself, directly or through others. Each step of the cycle is shown as a note.",
            wrong: "asset a { type vm; hosted-on b }\nasset b { type vm; hosted-on a }", fixed: "asset a { type vm; hosted-on b }\nasset b { type server }"),
        .undefinedIdentifier: Entry(
            title: "undefined identifier",
            explanation: "The name is declared nowhere in the model or its includes; the hint offers up to three near names of the kind the position takes.",
            wrong: "asset plm-server { type server }\nasset ws { type workstation }\nflow ws -> plm-srv", fixed: "asset plm-server { type server }\nasset ws { type workstation }\nflow ws -> plm-server"),
        .wrongElementKind: Entry(
            title: "wrong kind of element",
            explanation: "The position takes another kind of element: a flow joins assets and providers, a link assets and zones, `carries` names data items.",
            wrong: "data d { class cui }\nasset a { type server }\nflow a -> d", fixed: "data d { class cui }\nasset a { type server }\nasset b { type server }\nflow a -> b carries d"),
        .wrongArrow: Entry(
            title: "wrong arrow",
            explanation: "`flow` takes `->` or `<->`, `link` takes `--`, `access` and `protects` take `->`.",
            wrong: "asset a { type server }\nasset b { type server }\nlink a -> b", fixed: "asset a { type server }\nasset b { type server }\nlink a -- b"),
        .clauseNotForRelation: Entry(
            title: "clause the relation does not take",
            explanation: "Only a flow carries data or takes a label; only flows and links pass `via` devices.",
            wrong: "asset a { type server }\nasset b { type server }\naccess a -> b via a", fixed: "asset a { type server }\nasset b { type server }\naccess a -> b"),
        .notANetworkNode: Entry(
            title: "not a network node",
            explanation: "People, teams and facilities are not on the network: they are never a link end, a `via` device or a host.",
            wrong: "asset bob { type person }\nasset srv { type server }\nlink bob -- srv", fixed: "asset bob { type person }\nasset srv { type server }\naccess bob -> srv"),
        .selfRelation: Entry(
            title: "relation to itself",
            explanation: "A relation joins two different elements.",
            wrong: "asset a { type server }\nflow a -> a", fixed: "asset a { type server }\nasset b { type server }\nflow a -> b"),
        .unknownRule: Entry(
            title: "unknown rule",
            explanation: "`suppress` names a rule of the catalogue (`cuiscope rules`); the hint names the nearest.",
            wrong: "asset a { type server }\nsuppress unlabeled-flows on a \"why\"", fixed: "asset a { type server }"),
        .assessmentNotAtLevel: Entry(
            title: "assessment that does not exist at the level",
            explanation: "Level 1 is self-assessed, level 2 self-assessed or assessed by a C3PAO, level 3 by DIBCAC (32 CFR 170.15–170.18), whether the level comes from the model or from `--level`.",
            wrong: "organization \"A\" { level 3; assessment c3pao }", fixed: "organization \"A\" { level 3; assessment dibcac }"),
        .unmatchedSuppression: Entry(
            title: "suppression that matches nothing",
            explanation: "No finding of that rule is about that subject (any more): remove the suppression, or check its rule and subject. It counts as a warning in the summary.",
            wrong: "asset a { type server }\nsuppress unlabeled-flow on a \"why\"", fixed: "asset a { type server }"),
    ]
}
