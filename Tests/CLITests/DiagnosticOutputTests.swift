import Foundation
import Testing

/// Diagnostics carry their code and their notes in text, JSON and SARIF; every code is explained.
@Suite struct DiagnosticOutputTests {
    static let duplicate = "asset a { type server }\nzone a\nasset x { type vm; hosted-on y }\nasset y { type vm; hosted-on x }\n"

    func json(_ arguments: [String], stdin: String, in directory: URL = CLI.packageRoot) throws -> [String: Any] {
        let result = try CLI.run(arguments + ["--format", "json"], stdin: stdin, in: directory)
        #expect(result.status == 2)
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    /// The first diagnostic of the JSON on stdout, and its notes as `FILE:LINE message`.
    func firstDiagnostic(_ result: CLI.Output) throws -> (diagnostic: [String: Any], notes: [String]) {
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let diagnostic = try #require((document["diagnostics"] as? [[String: Any]])?.first)
        let notes = try #require(diagnostic["notes"] as? [[String: Any]]).map { note in
            let location = note["location"] as? [String: Any]
            return "\(location?["file"] ?? ""):\(location?["line"] ?? 0) \(note["message"] ?? "")"
        }
        return (diagnostic, notes)
    }

    @Test func textShowsCodesAndNotesWithTheirExcerpts() throws {
        let result = try CLI.run(["check", "-"], stdin: Self.duplicate)
        #expect(result.stderr.hasPrefix("""
        <stdin>:2:6: error: `a` is already defined [E031]
          zone a
               ^
          hint: ids are unique across data, providers, zones and assets: rename one
        <stdin>:1:1: note: first defined here, as an asset
          asset a { type server }
          ^~~~~
        <stdin>:3:20: error: `hosted-on` cycle: x -> y -> x [E042]
        """))
        #expect(result.stderr.contains("<stdin>:4:20: note: `y` is hosted on `x` here\n  asset y { type vm; hosted-on x }\n"))
    }

    @Test func jsonCarriesCodesAndNoteLocations() throws {
        for command in ["check", "scope"] {
            let document = try json([command, "-"], stdin: Self.duplicate)
            let diagnostics = try #require(document["diagnostics"] as? [[String: Any]])
            #expect(diagnostics.map { $0["code"] as? String } == ["E031", "E042"])
            let note = try #require((diagnostics[0]["notes"] as? [[String: Any]])?.first)
            #expect(note["message"] as? String == "first defined here, as an asset")
            #expect((note["location"] as? [String: Any])?["line"] as? Int == 1 && (note["location"] as? [String: Any])?["column"] as? Int == 1)
            let cycle = try #require(diagnostics[1]["notes"] as? [[String: Any]])
            #expect(cycle.compactMap { ($0["location"] as? [String: Any])?["line"] as? Int } == [4])
        }
    }

    @Test func anErrorInAnIncludedFileSaysWhereItWasIncludedFrom() throws {
        let directory = try CLI.temporaryDirectory()
        try "include \"sites/a.scope\"\n".write(to: directory.appendingPathComponent("m.scope"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("sites"), withIntermediateDirectories: true)
        try "include \"b.scope\"\n".write(to: directory.appendingPathComponent("sites/a.scope"), atomically: true, encoding: .utf8)
        try "asset b { type sever }\n".write(to: directory.appendingPathComponent("sites/b.scope"), atomically: true, encoding: .utf8)
        let result = try CLI.run(["check", "m.scope", "--format", "json"], in: directory)
        let (diagnostic, notes) = try firstDiagnostic(result)
        #expect((diagnostic["location"] as? [String: Any])?["file"] as? String == "sites/b.scope")
        #expect(notes == ["sites/a.scope:1 included from here", "m.scope:1 included from here"])
        #expect(result.stderr.contains("sites/a.scope:1:9: note: included from here\n  include \"b.scope\"\n"))
    }

    @Test func anIncludeCycleNamesEachStep() throws {
        let directory = try CLI.temporaryDirectory()
        for (name, text) in [("m.scope", "include \"a.scope\"\n"), ("a.scope", "\ninclude \"b.scope\"\n"), ("b.scope", "include \"a.scope\"\n")] {
            try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let result = try CLI.run(["check", "m.scope", "--format", "json"], in: directory)
        let (diagnostic, notes) = try firstDiagnostic(result)
        #expect(diagnostic["code"] as? String == "E020")
        #expect((diagnostic["location"] as? [String: Any])?["file"] as? String == "b.scope")
        #expect(notes == ["a.scope:2 includes `b.scope` here", "m.scope:1 included from here"])
        #expect(result.stderr.contains("a.scope:2:9: note: includes `b.scope` here\n  include \"b.scope\"\n"))
    }

    @Test func sarifCarriesCodesAsRulesAndNotesAsRelatedLocations() throws {
        let result = try CLI.run(["check", "-", "--format", "sarif"], stdin: Self.duplicate)
        #expect(result.status == 2)
        #expect(try SARIFTests().validate(result.stdout) == nil)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let run = try #require((document["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.map { $0["ruleId"] as? String } == ["E031", "E042"])
        let related = try #require(results[0]["relatedLocations"] as? [[String: Any]])
        #expect(((related[0]["physicalLocation"] as? [String: Any])?["region"] as? [String: Any])?["startLine"] as? Int == 1)
        let rules = try #require(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        #expect(rules.contains { $0["id"] as? String == "E031" })
    }

    @Test func explainErrorPrintsTheDocumentedText() throws {
        let all = try CLI.run(["explain-error", "--all"])
        let document = try String(contentsOf: CLI.packageRoot.appendingPathComponent("docs/diagnostics.md"), encoding: .utf8)
        #expect(all.stdout == document, "docs/diagnostics.md is stale: run `make docs`")
        let one = try CLI.run(["explain-error", "e050"])
        #expect(one.status == 0 && one.stdout.hasPrefix("## E050: undefined identifier\n\n"))
        #expect(document.contains(one.stdout))
        let unknown = try CLI.run(["explain-error", "E05"])
        #expect(unknown.status == 3 && unknown.stderr.hasPrefix("cuiscope: no diagnostic code `E05` (did you mean"))
    }
}
