import Foundation
import Testing

/// `cuiscope advise`: every suggestion it prints, applied with `--apply`, gives exactly the claimed effect as
/// `check`, `scope` and `diff` compute it on the written file.
@Suite struct AdviseTests {
    static let examples = ["acme-precision", "cloud-only", "fci-shop", "vdi-enclave"].map { "Models/\($0).scope" }
        + ["flat-network", "jump-host", "min-cut", "printer-vlan"].map { "Models/advisor/\($0).scope" }

    func json(_ arguments: [String], in directory: URL = CLI.packageRoot) throws -> [String: Any] {
        let result = try CLI.run(arguments, in: directory)
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    /// Applies every suggestion of `model` and checks its claim; the number of suggestions checked.
    @discardableResult
    func checkEveryClaim(of model: String, in directory: URL = CLI.packageRoot) throws -> Int {
        let advice = try json(["advise", model, "--format", "json"], in: directory)
        let suggestions = try #require(advice["suggestions"] as? [[String: Any]])
        let scratch = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        for suggestion in suggestions {
            let rank = try #require(suggestion["rank"] as? Int)
            let applied = scratch.appendingPathComponent("\(rank).scope").path
            let written = try CLI.run(["advise", model, "--apply", "\(rank)", "-o", applied], in: directory)
            #expect(written.status == 0, "\(model) #\(rank): \(written.stderr)")
            let effect = try #require(suggestion["effect"] as? [String: Any])
            // Units per category, and in total, from `check` of the written model.
            let summary = try #require(try json(["check", applied, "--format", "json", "--fail-on", "never"], in: directory)["summary"] as? [String: Any])
            let units = try #require(summary["units"] as? [String: Int])
            let claimed = try #require(effect["units_after"] as? [String: Int])
            for (category, count) in claimed where category != "fci" { #expect(units[category] == count, "\(model) #\(rank) \(category)") }
            let inScope = try #require(try json(["scope", applied, "--format", "json"], in: directory)["assets"] as? [[String: Any]])
                .filter { !["out", "outside-cmmc"].contains($0["category"] as? String) }
                .reduce(0) { $0 + ($1["count"] as? Int ?? 0) }
            #expect(inScope == effect["scope_units_after"] as? Int, "\(model) #\(rank)")
            // Findings resolved and introduced, as `diff` matches them.
            let diff = try json(["diff", model, applied, "--format", "json"], in: directory)
            let findings = try #require(diff["findings"] as? [String: [[String: Any]]])
            func keys(_ list: [[String: Any]]?) -> [String] { (list ?? []).map { "\($0["rule"] ?? "") \($0["subject"] ?? "")" } }
            #expect(keys(findings["resolved"]) == keys(effect["findings_resolved"] as? [[String: Any]]), "\(model) #\(rank)")
            #expect(keys(findings["new"]) == keys(effect["findings_introduced"] as? [[String: Any]]), "\(model) #\(rank)")
            let leaving = try #require(diff["assets"] as? [[String: Any]]).map { $0["id"] as? String ?? "" }
            #expect(leaving == (suggestion["assets"] as? [[String: Any]] ?? []).map { $0["id"] as? String ?? "" }, "\(model) #\(rank)")
        }
        return suggestions.count
    }

    @Test(arguments: examples) func everyExampleSuggestionDoesWhatItClaims(model: String) throws {
        try checkEveryClaim(of: model)
    }

    @Test func everySuggestionOnTheGeneratedBenchmarkModelDoesWhatItClaims() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let generator = CLI.binary.deletingLastPathComponent().appendingPathComponent("ScopeBench")
        #expect(try Child.run(generator, ["model", "4000", directory.appendingPathComponent("bench.scope").path]).status == 0)
        #expect(try checkEveryClaim(of: "bench.scope", in: directory) > 0)
    }

    @Test func theJSONShape() throws {
        let advice = try json(["advise", "Models/advisor/min-cut.scope", "--format", "json"])
        #expect(Set(advice.keys) == ["model", "scope_units", "weights", "suggestions", "fixes"])
        #expect(advice["scope_units"] as? Int == 39)
        let suggestion = try #require((advice["suggestions"] as? [[String: Any]])?.first)
        #expect(Set(suggestion.keys) == ["rank", "kind", "title", "targets", "moves", "edit", "effect", "assets", "caveats", "score", "cost"])
        #expect(suggestion["kind"] as? String == "combined")
        #expect(suggestion["targets"] as? [String] == ["cad -- office-sw-1", "eng-ws -- office-sw-2", "eng-nas -- office-sw-3"])
        let effect = try #require(suggestion["effect"] as? [String: Any])
        #expect(Set(effect.keys) == ["scope_units_after", "units_leaving", "units_after", "findings_resolved", "findings_introduced", "sprs_delta"])
        #expect(effect["units_leaving"] as? [String: Int] == ["cui": 0, "spa": 0, "crma": 33, "specialized": 0, "fci": 0])
        #expect((suggestion["edit"] as? String)?.hasPrefix("--- a/Models/advisor/min-cut.scope\n+++ b/Models/advisor/min-cut.scope\n@@ ") == true)
        #expect((suggestion["caveats"] as? [String])?.count == 3)
        let target = try json(["advise", "Models/advisor/flat-network.scope", "--format", "json", "--target", "2"])["target"] as? [String: Any]
        #expect(target?["reached"] as? Bool == false)
        #expect(target?["holding_cui"] as? [String] == ["cad", "cad-ws"])
    }

    @Test func textAndMarkdownShowTheEditAndHowToApplyIt() throws {
        let text = try CLI.run(["advise", "Models/advisor/jump-host.scope"])
        #expect(text.status == 0)
        #expect(text.stdout.hasPrefix("""
        Models/advisor/jump-host.scope: 15 units in scope today

        1. remove-access access jump -> ops
           effect: 15 -> 2 units in scope; units leaving their category: cui 13
             ops-servers: cui -> out
             ops-db: cui -> out

        """))
        #expect(text.stdout.contains("     -access jump -> ops { admin yes; mfa yes }\n"))
        #expect(text.stdout.contains("   apply: cuiscope advise Models/advisor/jump-host.scope --apply 1 -o NEW.scope\n"))
        let markdown = try CLI.run(["advise", "Models/advisor/jump-host.scope", "--format", "markdown"])
        #expect(markdown.stdout.contains("#### 1. remove-access access jump -&gt; ops\n"))
        #expect(markdown.stdout.contains("```diff\n--- a/Models/advisor/jump-host.scope\n"))
    }

    @Test func applyWritesOnlyTheFileAskedForAndRefusesWhatItCannotDo() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let model = directory.appendingPathComponent("m.scope")
        try FileManager.default.copyItem(atPath: CLI.packageRoot.appendingPathComponent("Models/advisor/printer-vlan.scope").path, toPath: model.path)
        let original = try String(contentsOf: model, encoding: .utf8)
        let overwrite = try CLI.run(["advise", "m.scope", "--apply", "1", "-o", "m.scope"], in: directory)
        #expect(overwrite.status == 3)
        #expect(try String(contentsOf: model, encoding: .utf8) == original)
        let missing = try CLI.run(["advise", "m.scope", "--apply", "9", "-o", "new.scope"], in: directory)
        #expect(missing.status == 3)
        #expect(missing.stderr == "cuiscope: there is no suggestion 9: advise found 3\n")
        #expect(try CLI.run(["advise", "m.scope", "-o", "new.scope"], in: directory).status == 3)
        #expect(try CLI.run(["advise", "m.scope", "--weights", "cui=lots"], in: directory).stderr.contains("--weights: `cui=lots` is not KEY=N"))
        let applied = try CLI.run(["advise", "m.scope", "--apply", "1", "-o", "new.scope"], in: directory)
        #expect(applied.status == 0)
        // Only the flow's line changed; comments and everything else are as written.
        let new = try String(contentsOf: directory.appendingPathComponent("new.scope"), encoding: .utf8)
        #expect(new == original.replacingOccurrences(of: "flow eng-ws -> print-srv \"Print jobs\"", with: "flow eng-ws -> print-srv carries none \"Print jobs\""))
        #expect(try CLI.run(["fmt", "--check", "new.scope"], in: directory).status == 0)
    }

    @Test func modelTextCannotEscapeTheTerminalThroughAnEdit() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let model = try String(contentsOfFile: CLI.packageRoot.appendingPathComponent("Models/advisor/jump-host.scope").path, encoding: .utf8)
            .replacingOccurrences(of: "access jump -> ops { admin yes; mfa yes }", with: "access jump -> ops { admin yes; mfa yes }  # \u{1B}]0;owned\u{07}")
        try model.write(to: directory.appendingPathComponent("m.scope"), atomically: true, encoding: .utf8)
        let text = try CLI.run(["advise", "m.scope"], in: directory)
        #expect(text.status == 0)
        #expect(!text.stdout.contains("\u{1B}"))
        #expect(text.stdout.contains("# \\u{1B}]0;owned\\u{7}"))
    }

    /// The README's console examples of `advise` are what the tool prints (a line ending in `...` is cut there).
    @Test func theREADMEWorkedExampleIsWhatTheToolPrints() throws {
        let readme = try String(contentsOf: CLI.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.components(separatedBy: "### Shrinking the boundary").dropFirst().first?
            .components(separatedBy: "\n### ").first)
        var checked = 0
        for block in section.components(separatedBy: "```console\n").dropFirst() {
            let body = block.components(separatedBy: "```").first ?? ""
            for command in body.components(separatedBy: "$ cuiscope ").dropFirst() {
                var lines = command.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                let arguments = lines.removeFirst().split(separator: " ").map(String.init)
                guard arguments.first == "advise", !arguments.contains("--apply") else { continue }
                let printed = try CLI.run(arguments).stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                for line in lines where !line.isEmpty && line != "..." {
                    let expected = line.hasSuffix("...") ? String(line.dropLast(3)) : line
                    #expect(printed.contains { line.hasSuffix("...") ? $0.hasPrefix(expected) : $0 == expected }, "\(arguments): \(line)")
                    checked += 1
                }
            }
        }
        #expect(checked > 20)
    }

    @Test func theSameModelGivesByteIdenticalAdvice() throws {
        for model in ["Models/acme-precision.scope", "Models/advisor/flat-network.scope"] {
            let first = try CLI.run(["advise", model, "--format", "json"]).stdout
            #expect(try CLI.run(["advise", model, "--format", "json"]).stdout == first)
        }
    }
}
