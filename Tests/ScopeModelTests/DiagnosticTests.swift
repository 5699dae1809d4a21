import Testing
@testable import ScopeModel

/// The error classes docs/language.md lists, each with its exact location, message and hint.
@Suite struct DiagnosticTests {
    @Test func undefinedIdentifierSuggestsTheNearestName() {
        let text = "data drawings { class cui }\nasset plm { type server; stores drawngs }"
        #expect(errors(text) == ["2:33: undefined identifier `drawngs`"])
        #expect(hints(text) == ["did you mean `drawings`?"])
    }

    @Test func undefinedIdentifierSuggestsOnlyNamesOfTheRightKind() {
        let text = "asset drawing { type server }\ndata plans { class cui }\nasset b { type server; stores drawings }"
        #expect(errors(text) == ["3:31: undefined identifier `drawings`"])
        #expect(hints(text) == ["`stores` takes a data item; declare it or fix the spelling"])
    }

    @Test func duplicateIdentifierNamesTheFirstDefinition() throws {
        let text = "zone plm\n\nasset plm { type server }"
        #expect(errors(text) == ["3:7: `plm` is already defined"])
        #expect(hints(text) == ["ids are unique across data, providers, zones and assets: rename one"])
        let note = try #require(load(text).diagnostics.first?.notes.first)
        #expect(note.message == "first defined here, as a zone" && note.span.location.description == "m.scope:1:1")
    }

    // A name is entered in one probe and taken back on a duplicate: the first definition keeps it, and
    // `none` is never entered, so each `data none` is reported as reserved rather than as a duplicate.
    @Test func theFirstDefinitionKeepsItsName() throws {
        let text = "data d { class cui }\nzone d\nasset srv { type server; stores d }"
        #expect(errors(text) == ["2:6: `d` is already defined"])
        #expect(errors("asset none { type server }\ndata none { class cui }") == ["2:6: `none` is already defined"])
        #expect(errors("data none { class cui }\ndata none { class fci }")
            == ["1:6: `none` cannot name a data item", "2:6: `none` cannot name a data item"])
    }

    @Test func duplicateIdentifierAcrossIncludes() throws {
        let text = "include \"b.scope\"\nasset x { type server }"
        // The root file is read first, so the included definition is the duplicate, reported in its own file.
        let result = load(text, files: ["b.scope": "data x { class cui }"])
        #expect(result.diagnostics.map { $0.location.description } == ["b.scope:1:6"])
        // Notes: where it was first defined, then the include that brought the duplicate in.
        let notes = try #require(result.diagnostics.first?.notes)
        #expect(notes.map { "\($0.span.location): \($0.message)" } == ["m.scope:2:1: first defined here, as an asset",
                                                                        "m.scope:1:9: included from here"])
    }

    @Test func unknownKeyword() {
        #expect(errors("asett plm { type server }") == ["1:1: unknown statement `asett`"])
        #expect(hints("asett plm { type server }") == ["did you mean `asset`?"])
        #expect(hints("type server") == ["`type` is an attribute: write it inside the `{ }` block of a declaration"])
    }

    @Test func unknownAttribute() {
        #expect(errors("asset a {\n  type server\n  hosted_on b\n}") == ["3:3: unknown attribute `hosted_on` for `asset`"])
        #expect(hints("asset a {\n  type server\n  hosted_on b\n}") == ["did you mean `hosted-on`?"])
        #expect(errors("flow a -> b { encrypt fips }\nasset a { type server }\nasset b { type server }")
            == ["1:15: unknown attribute `encrypt` for `flow`"])
        #expect(hints("protects a -> b { admin yes }\nasset a { type server }\nasset b { type server }")
            == ["`protects` takes no attributes"])
    }

    @Test func unknownAttributeValue() {
        #expect(errors("asset a { type sever }") == ["1:16: unknown asset type `sever`"])
        #expect(hints("asset a { type sever }") == ["did you mean `server`?"])
        #expect(errors("provider p { type csp; fedramp medium }") == ["1:32: unknown FedRAMP level `medium`"])
        #expect(hints("provider p { type csp; fedramp medium }")
            == ["expected `high`, `moderate`, `moderate-equivalent`, `low`, `li-saas`, `none` or `unknown`"])
        #expect(errors("asset a { type server; public maybe }") == ["1:31: unknown value for `public` `maybe`"])
        #expect(errors("asset a { type server; public unknown }") == ["1:31: `public` is `yes` or `no`"])
        #expect(errors("asset a { type server; count 0 }") == ["1:30: `count` takes a whole number from 1 to 1000000, not `0`"])
        #expect(errors("organization \"x\" { level 4 }") == ["1:26: `level` takes a whole number from 1 to 3, not `4`"])
        #expect(errors("asset a { type server; country USA }")
            == ["1:32: `country` takes an ISO 3166 alpha-2 code such as `US`, not `USA`"])
        #expect(errors("asset a { type server; policy SOP }") == ["1:31: `policy` takes a string in quotes"])
        #expect(errors("asset a { type server, vm }") == ["1:24: `type` takes one value, not 2"])
    }

    @Test func missingRequiredAttribute() {
        #expect(errors("asset plm \"PLM\" {\n  stores d\n}\ndata d { class cui }") == ["1:1: `asset` `plm` has no `type`"])
        #expect(hints("asset plm") == ["add `type server` inside its block"])
        #expect(errors("data d") == ["1:1: `data` `d` has no `class`"])
        #expect(errors("provider p { country US }") == ["1:1: `provider` `p` has no `type`"])
    }

    @Test func unterminatedString() {
        #expect(errors("asset a \"PLM { type server }") == ["1:9: unterminated string"])
        #expect(hints("asset a \"PLM { type server }") == ["close it with `\"` on the same line; write a newline as `\\n`"])
    }

    @Test func unterminatedBlock() {
        #expect(errors("zone z {\n  asset a { type server }\n") == ["1:8: unterminated block: this `{` has no matching `}`"])
        // The rest of the file still parses: the flow's undefined end is reported too.
        #expect(errors("zone z {\n  separation logical\nflow a -> b\nasset a { type server }")
            == ["1:8: unterminated block: this `{` has no matching `}`", "3:11: undefined identifier `b`"])
    }

    @Test func includeCycle() {
        let files = ["a.scope": "include \"b.scope\"", "b.scope": "include \"a.scope\""]
        #expect(errors("include \"a.scope\"", files: files) == ["1:9: include cycle: m.scope -> a.scope -> b.scope -> a.scope"])
        let result = load("include \"a.scope\"", files: files)
        #expect(result.diagnostics.first?.location.file == "b.scope")
        #expect(errors("include \"m.scope\"") == ["1:9: include cycle: m.scope -> m.scope"])
    }

    @Test func missingIncludeFile() {
        let result = load("asset a { type server }\ninclude \"sites/nope.scope\"", path: "models/m.scope")
        #expect(result.diagnostics.map(summary) == ["2:9: cannot include `models/sites/nope.scope`: no such file"])
        #expect(result.diagnostics.first?.location.file == "models/m.scope")
    }

    @Test func errorsInIncludedFilesNameThatFile() {
        let result = load("include \"b.scope\"", files: ["b.scope": "\n\nasset a { type sever }"])
        #expect(result.diagnostics.map { $0.location.description } == ["b.scope:3:16"])
    }

    @Test func relationEndIsADataItem() {
        let text = "data d { class cui }\nasset a { type server }\nflow d -> a"
        #expect(errors(text) == ["3:6: `flow` takes an asset or a provider, but `d` is a data item"])
        #expect(hints(text) == ["a data item is never an end of a relation; write `carries d` on a flow"])
        #expect(errors("data d { class cui }\nzone z\nprotects z -> d".replacingOccurrences(of: "protects z", with: "protects a"))
            == ["3:10: undefined identifier `a`", "3:15: `protects` takes an asset or a zone, but `d` is a data item"])
    }

    @Test func relationEndsOfTheWrongKind() {
        let base = "zone z\nasset a { type server }\nprovider p { type csp }\n"
        #expect(errors(base + "flow a -> z") == ["4:11: `flow` takes an asset or a provider, but `z` is a zone"])
        #expect(hints(base + "flow a -> z") == ["data lands on a particular system, never on a whole zone: name the asset that receives it"])
        #expect(errors(base + "link a -- p") == ["4:11: `link` takes an asset or a zone, but `p` is a provider"])
        #expect(errors(base + "access a -> p") == ["4:13: `access` takes an asset or a zone, but `p` is a provider"])
        #expect(errors(base + "flow a -> p via z") == ["4:17: `via` takes an asset (a device), but `z` is a zone"])
        #expect(errors(base + "flow a -> p carries a") == ["4:21: `carries` takes a data item, but `a` is an asset"])
    }

    @Test func hostedOnCycle() {
        let text = "asset a { type vm; hosted-on b }\nasset b { type vm; hosted-on c }\nasset c { type server; hosted-on a }"
        #expect(errors(text) == ["1:20: `hosted-on` cycle: a -> b -> c -> a"])
        #expect(errors("asset a { type vm; hosted-on a }") == ["1:20: `hosted-on` cycle: a -> a"])
        // A chain that ends is no cycle, and a second chain into the same host is not one either.
        #expect(errors("asset a { type vm; hosted-on b }\nasset b { type server }\nasset c { type vm; hosted-on b }").isEmpty)
    }

    @Test func arrowsMustFitTheRelation() {
        let base = "asset a { type server }\nasset b { type server }\n"
        #expect(errors(base + "link a -> b") == ["3:8: a link is undirected: write `a -- b`"])
        #expect(errors(base + "flow a -- b") == ["3:8: a flow has a direction: write `->`, or `<->` for both ways"])
        #expect(errors(base + "access a <-> b") == ["3:10: `access` goes one way: write `a -> b`"])
        #expect(errors(base + "link a -- b carries a") == ["3:13: only a flow carries data", "3:21: `carries` takes a data item, but `a` is an asset"])
        #expect(errors(base + "access a -> b via a") == ["3:19: `via` is for flows and links, not `access`"])
    }

    @Test func syntaxErrorsAndRecovery() {
        #expect(errors("asset a { type server } extra") == ["1:25: expected end of statement, found `extra`"])
        #expect(errors("flow a b") == ["1:8: expected `->` or `<->` after `a`, found `b`"])
        #expect(errors("}") == ["1:1: unexpected `}`"])
        #expect(errors("asset 9a { type server }") == ["1:7: an identifier cannot start with a digit"])
        #expect(errors("asset a { type server }\n@ $ %\nasset b { type vm }") == ["2:1: unexpected `@`"])
        // One lexer message per line, each line its own.
        #expect(errors("@ $\n  % @; ^") == ["1:1: unexpected `@`", "2:3: unexpected `%`"])
        #expect(errors("asset a \"x\\q\" { type server }") == ["1:11: unknown escape `\\q` in a string"])
        #expect(errors("suppress x on a") == ["1:16: expected the justification in quotes, found end of file"])
        #expect(errors("include sites") == ["1:9: expected a file path in quotes after `include`"])
        #expect(errors("zone z {\n  flow a -> b\n}") == ["2:3: `flow` cannot appear inside a `zone` block"])
        #expect(errors("asset a {\n  type server\n  asset b\n}") == ["3:3: `asset` cannot appear inside a `asset` block"])
        #expect(errors("organization \"a\"\norganization \"b\"") == ["2:1: a model has at most one `organization`"])
        #expect(errors("data none { class cui }") == ["1:6: `none` cannot name a data item"])
        #expect(errors("data d { class fci; category CTI }") == ["1:21: `category` applies only to CUI; `d` is class `fci`"])
        #expect(errors("asset a { type server; type vm }") == ["1:24: `type` is given twice"])
        // One run reports every error in the file.
        #expect(errors("asset a { type sever }\nasset b { type vn }\nflow a -> c").count == 3)
    }

    @Test func nestedAssetNamingAnotherZone() {
        #expect(errors("zone x\nzone y {\n  asset a { type server; zone x }\n}")
            == ["3:31: `a` is nested in zone `y` but names zone `x`"])
        #expect(errors("zone y {\n  asset a { type server; zone y }\n}").isEmpty)
    }

    @Test func suppressOfUnknownElement() {
        #expect(errors("asset a { type server }\nsuppress r on a -> b \"x\"") == ["2:20: undefined identifier `b`"])
    }

    @Test func printerShowsTheLineAndACaretUnderTheToken() throws {
        let diagnostic = try #require(load("asset a {\n\ttype sever\n}").diagnostics.first)
        #expect(DiagnosticPrinter().render(diagnostic) == """
        m.scope:2:7: error: unknown asset type `sever` [E039]
          \ttype sever
          \t     ^~~~~
          hint: did you mean `server`?

        """)
    }

    @Test func printerColorsOnRequest() throws {
        let diagnostic = try #require(load("asset").diagnostics.first)
        let colored = DiagnosticPrinter(colored: true).render(diagnostic)
        #expect(colored.contains("\u{1B}[1;31merror:\u{1B}[0m"))
        #expect(!DiagnosticPrinter().render(diagnostic).contains("\u{1B}"))
    }

    @Test func printerWindowsVeryLongLines() throws {
        let text = "asset a { type server; description \"" + String(repeating: "x", count: 5000) + "\" } oops"
        let diagnostic = try #require(load(text).diagnostics.first)
        #expect(diagnostic.location.column == 5041)
        let lines = DiagnosticPrinter().render(diagnostic).split(separator: "\n")
        #expect(lines[1].count <= 125 && lines[1].hasSuffix("} oops"))
        let caretColumn = try #require(lines[2].firstIndex(of: "^"))
        let tokenColumn = try #require(lines[1].range(of: "oops")?.lowerBound)
        #expect(lines[2].distance(from: lines[2].startIndex, to: caretColumn) == lines[1].distance(from: lines[1].startIndex, to: tokenColumn))
    }

    @Test func columnsCountCharactersNotBytes() {
        #expect(errors("asset é { type server }") == ["1:7: unexpected `é`"])
        // 26 characters in, 28 bytes in.
        #expect(errors("asset a \"Ünïcode\" { type sever }") == ["1:26: unknown asset type `sever`"])
    }
}
