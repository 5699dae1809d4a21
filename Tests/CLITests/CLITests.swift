import Foundation
import Testing

/// Runs the built `cuiscope` as a user would and checks stdout, stderr and the exit code.
struct CLI {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The binary beside the test bundle (`swift build` puts both in the same folder).
    static let binary: URL = {
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for directory in [besideTests, besideTests.deletingLastPathComponent(), packageRoot.appendingPathComponent(".build/debug")] {
            let candidate = directory.appendingPathComponent("cuiscope")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return packageRoot.appendingPathComponent(".build/debug/cuiscope")
    }()

    /// Every example model under Models/ (the advisor's too), as `Models/NAME` without the extension.
    static let exampleModels: [String] = {
        let models = packageRoot.appendingPathComponent("Models")
        let files = FileManager.default.enumerator(atPath: models.path)?.compactMap { $0 as? String } ?? []
        return files.filter { $0.hasSuffix(".scope") }.map { "Models/" + $0.dropLast(".scope".count) }.sorted()
    }()

    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ arguments: [String], stdin: String? = nil, in directory: URL = packageRoot,
                    environment: [String: String] = [:], executable: String? = nil) throws -> Output {
        let process = Process()
        process.executableURL = executable.map(URL.init(fileURLWithPath:)) ?? binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
        let stderrData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self),
                      stderr: String(decoding: stderrData, as: UTF8.self))
    }

    /// Where this test run writes its files; removed when the run exits.
    static let scratch: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cuiscope-tests-\(getpid())")
        atexit { try? FileManager.default.removeItem(at: CLI.scratch) }
        return url
    }()

    /// A fresh empty directory for files a test writes.
    static func temporaryDirectory() throws -> URL {
        let url = scratch.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

@Suite struct CLITests {
    @Test func checkPrintsFindingsThenTheSummaryAndExitsOneOnErrors() throws {
        let result = try CLI.run(["check", "Models/acme-precision.scope"])
        #expect(result.status == 1)
        #expect(result.stderr.isEmpty)
        #expect(result.stdout.hasPrefix("""
        Models/acme-precision.scope:57:1: error: `mailhost` holds CUI without FedRAMP Moderate (fedramp: none) [non-fedramp-cui-hosting]
          evidence: holds drawings: flow eng-ws -> mail (Models/acme-precision.scope:
        """))
        #expect(result.stdout.hasSuffix("8 errors, 9 warnings, 1 info; SPRS exposure 12 points\n"))
        #expect(result.stdout.contains("suppressed (1)\n  Models/acme-precision.scope:"))
    }

    // The cites lines are built once per distinct list of requirements: findings of one rule that cite
    // different requirements must each keep their own.
    @Test func eachFindingCitesItsOwnRequirements() throws {
        let model = """
        data d { class cui }
        asset lap { type laptop; stores d; encryption non-fips }
        asset usb { type media; stores d }
        asset lap2 { type laptop; stores d; encryption non-fips }
        asset phone { type mobile; stores d }
        """
        let lines = try CLI.run(["check", "-", "--fail-on", "never"], stdin: model).stdout.split(separator: "\n")
        let cites = lines.filter { $0.hasPrefix("  cites: ") }.map { $0.split(separator: " ")[1] }
        #expect(cites == ["SC.L2-3.13.11", "MP.L2-3.8.6", "SC.L2-3.13.11", "AC.L2-3.1.19"])
    }

    @Test func failOnControlsTheExitCode() throws {
        #expect(try CLI.run(["check", "Models/acme-precision.scope", "--fail-on", "never"]).status == 0)
        #expect(try CLI.run(["check", "Models/cloud-only.scope"]).status == 0)
        #expect(try CLI.run(["check", "Models/vdi-enclave.scope", "--fail-on", "warning"]).status == 1)
        let warningsOnly = "data d { class cui }\nasset lap { type laptop; stores d }\n"
        #expect(try CLI.run(["check", "-"], stdin: warningsOnly).status == 0)
        #expect(try CLI.run(["check", "-", "--fail-on", "warning"], stdin: warningsOnly).status == 1)
        #expect(try CLI.run(["check", "-", "--fail-on", "sometimes"], stdin: warningsOnly).status == 3)
    }

    @Test func levelOverridesTheModel() throws {
        let json = try CLI.run(["check", "Models/vdi-enclave.scope", "--level", "3", "--format", "json", "--fail-on", "never"])
        #expect(json.status == 2, "`assessment c3pao` does not exist at level 3")
        #expect(json.stderr.contains("error: `assessment c3pao` does not exist at level 3"))
        let shop = try CLI.run(["check", "Models/fci-shop.scope", "--level", "2", "--format", "json", "--fail-on", "never"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(shop.stdout.utf8)) as? [String: Any])
        #expect(object["level"] as? Int == 2)
        #expect(try CLI.run(["check", "Models/acme-precision.scope", "--level", "4"]).status == 3)
    }

    @Test func outputIsByteIdenticalAcrossRuns() throws {
        for arguments in [["check", "--format", "json"], ["check"], ["scope", "--format", "json"], ["scope"]] {
            let first = try CLI.run(arguments + ["Models/acme-precision.scope"])
            let second = try CLI.run(arguments + ["Models/acme-precision.scope"])
            #expect(!first.stdout.isEmpty)
            #expect(first.stdout == second.stdout, "\(arguments)")
        }
    }

    @Test func suppressionsOfUnknownRulesAreErrorsAndUnmatchedOnesWarnings() throws {
        let unknown = try CLI.run(["check", "-"], stdin: "asset a { type server }\nsuppress unlabeled-flows on a \"x\"\n")
        #expect(unknown.status == 2)
        #expect(unknown.stderr.hasPrefix("<stdin>:2:10: error: unknown rule `unlabeled-flows`"))
        #expect(unknown.stderr.contains("hint: did you mean `unlabeled-flow`?"))
        let unmatched = try CLI.run(["check", "-"], stdin: "asset a { type server }\nsuppress unlabeled-flow on a \"x\"\n")
        #expect(unmatched.status == 0)
        #expect(unmatched.stderr.hasPrefix("<stdin>:2:1: warning: `suppress unlabeled-flow on a` matches no finding"))
    }

    @Test func scopeListsEveryAssetAndProvider() throws {
        let result = try CLI.run(["scope", "Models/fci-shop.scope"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines[0] == "Assets of Models/fci-shop.scope (CMMC level 1)")
        #expect(lines[1] == "asset       count  category  claimed  roles  zone  holds    owner  description  why")
        #expect(lines.contains("quickbooks  1      fci       -        fci    -     orders   -      -            holds orders: quickbooks stores orders (Models/fci-shop.scope:44)"))
        #expect(lines.contains("cnc         3      out       -               -              -      -            holds no FCI or CUI"))
        #expect(lines.contains("finishing  subcontractor  subcontractor  no        orders  holds orders: flow office-pc -> finishing (Models/fci-shop.scope:73)"))
    }

    @Test func scopeReportsISO27001Overlap() throws {
        let result = try CLI.run(["scope", "Models/acme-precision.scope"])
        #expect(result.stdout.contains("ISO/IEC 27001 overlap\nin CMMC scope, outside the certificate (evidence to build): enclave-fw, plm,"))
        #expect(result.stdout.contains("in the certificate, outside CMMC scope: none\n"))
    }

    @Test func explainGivesTheFullWitness() throws {
        let result = try CLI.run(["explain", "Models/acme-precision.scope", "kiosk"])
        #expect(result.status == 0)
        #expect(result.stdout == """
        kiosk "Shop-floor time kiosk": cui (CUI Asset)
          type workstation, zone corp, declared at Models/acme-precision.scope:122:3
          roles: cui
          protected by: protects edge-fw -> corp (Models/acme-precision.scope:439); protects dc -> corp (Models/acme-precision.scope:450)
          why:
            - can reach CUI on core-sw
                kiosk in zone corp (Models/acme-precision.scope:122)
                core-sw in zone corp (Models/acme-precision.scope:94)
            - no policy keeps CUI off it, so it counts as a CUI Asset
          findings:
            - warning: `kiosk` can reach CUI and no policy keeps CUI off it: it is a CUI Asset [unscoped-touchpoint]

        """)
        let missing = try CLI.run(["explain", "Models/acme-precision.scope", "kiosks"])
        #expect(missing.status == 3)
        #expect(missing.stderr == "cuiscope: no element `kiosks` in Models/acme-precision.scope; did you mean `kiosk`?\n")
    }

    @Test func rulesListsTheCatalogue() throws {
        let result = try CLI.run(["rules"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("cui-requires-level-2 warning (level 1)\n  fires when the model holds CUI but is analyzed at level 1"))
        let rules = result.stdout.split(separator: "\n").filter { !$0.hasPrefix(" ") }
        #expect(rules.count > 1 && result.stdout.components(separatedBy: "\n  remedy: ").count == rules.count + 1)
    }

    @Test func modelErrorsExitTwoWithCompilerStyleDiagnostics() throws {
        let directory = try CLI.temporaryDirectory()
        try "asset a {\n  type sever\n}\nflow a -> b\n".write(to: directory.appendingPathComponent("bad.scope"), atomically: true, encoding: .utf8)
        let result = try CLI.run(["check", "bad.scope"], in: directory)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == """
        bad.scope:2:8: error: unknown asset type `sever` [E039]
            type sever
                 ^~~~~
          hint: did you mean `server`?
        bad.scope:4:11: error: undefined identifier `b` [E050]
          flow a -> b
                    ^
          hint: `flow` takes an asset or a provider; declare it or fix the spelling
        2 errors

        """)
    }

    @Test func noColorWhenNotATerminal() throws {
        let result = try CLI.run(["check", "-"], stdin: "asset a { type sever }\n")
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("<stdin>:1:16: error: unknown asset type `sever`"))
        #expect(!result.stderr.contains("\u{1B}"))
    }

    @Test func unreadableModelIsAnIOErrorExitThree() throws {
        let result = try CLI.run(["check", "does/not/exist.scope"])
        #expect(result.status == 3)
        #expect(result.stderr == "cuiscope: cannot read does/not/exist.scope: no such file\n")
    }

    @Test func usageErrorsExitThree() throws {
        let result = try CLI.run(["check", "--bogus", "x.scope"])
        #expect(result.status == 3)
        #expect(result.stderr.contains("Unknown option '--bogus'"))
        #expect(try CLI.run(["frobnicate"]).status == 3)
    }

    @Test func helpAndVersionExitZero() throws {
        let help = try CLI.run(["--help"])
        #expect(help.status == 0)
        for command in ["check", "fmt", "init"] { #expect(help.stdout.contains(command)) }
        let version = try CLI.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.hasPrefix("cuiscope 0.1.0 (Graphviz 2."))
    }

    @Test func fmtRewritesInPlaceAndCheckReportsWithoutWriting() throws {
        let directory = try CLI.temporaryDirectory()
        let messy = directory.appendingPathComponent("messy.scope")
        let clean = directory.appendingPathComponent("clean.scope")
        try "asset a{type server}\n".write(to: messy, atomically: true, encoding: .utf8)
        try "asset a {\n  type server\n}\n".write(to: clean, atomically: true, encoding: .utf8)

        let check = try CLI.run(["fmt", "--check", "messy.scope", "clean.scope"], in: directory)
        #expect(check.status == 1)
        #expect(check.stdout == "messy.scope: not canonical\n")
        #expect(try String(contentsOf: messy, encoding: .utf8) == "asset a{type server}\n")

        let rewrite = try CLI.run(["fmt", "messy.scope", "clean.scope"], in: directory)
        #expect(rewrite.status == 0)
        #expect(try String(contentsOf: messy, encoding: .utf8) == "asset a {\n  type server\n}\n")
        #expect(try CLI.run(["fmt", "--check", "messy.scope"], in: directory).status == 0)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(leftovers == ["clean.scope", "messy.scope"])
    }

    /// `fmt` compares the canonical text with the file as it prints it: the file may differ at its very end,
    /// be longer (a canonical prefix) or be shorter.
    @Test(arguments: [
        ("flow a -> b\n\n\n", "flow a -> b\n"),
        ("flow a -> b", "flow a -> b\n"),
        ("flow a -> b\nflow b->c\n", "flow a -> b\nflow b -> c\n"),
    ])
    func fmtFindsADifferenceAnywhere(written: String, canonical: String) throws {
        let directory = try CLI.temporaryDirectory()
        let file = directory.appendingPathComponent("model.scope")
        try written.write(to: file, atomically: true, encoding: .utf8)
        #expect(try CLI.run(["fmt", "--check", "model.scope"], in: directory).status == 1)
        #expect(try CLI.run(["fmt", "model.scope"], in: directory).status == 0)
        #expect(try String(contentsOf: file, encoding: .utf8) == canonical)
        #expect(try CLI.run(["fmt", "--check", "model.scope"], in: directory).status == 0)
    }

    @Test func fmtStandardInputToStandardOutput() throws {
        let result = try CLI.run(["fmt", "-"], stdin: "flow a->b;flow b->c\n")
        #expect(result.status == 0)
        #expect(result.stdout == "flow a -> b\nflow b -> c\n")
    }

    @Test func fmtRefusesFilesWithSyntaxErrorsAndLeavesThemAlone() throws {
        let directory = try CLI.temporaryDirectory()
        let broken = directory.appendingPathComponent("broken.scope")
        try "asset a {\n  type server\n".write(to: broken, atomically: true, encoding: .utf8)
        let result = try CLI.run(["fmt", "broken.scope"], in: directory)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("broken.scope:1:9: error: unterminated block"))
        #expect(try String(contentsOf: broken, encoding: .utf8) == "asset a {\n  type server\n")
    }

    @Test func initWritesAStarterThatPassesCheckAndRefusesToOverwrite() throws {
        let directory = try CLI.temporaryDirectory()
        let first = try CLI.run(["init"], in: directory)
        #expect(first.status == 0)
        #expect(first.stdout == "wrote model.scope; next: cuiscope check model.scope\n")
        #expect(try CLI.run(["check", "model.scope"], in: directory).status == 0)
        #expect(try CLI.run(["fmt", "--check", "model.scope"], in: directory).status == 0)
        let again = try CLI.run(["init"], in: directory)
        #expect(again.status == 3)
        #expect(again.stderr == "cuiscope: model.scope exists; pass --force to replace it\n")
        #expect(try CLI.run(["init", "-o", "other.scope"], in: directory).status == 0)
    }

    @Test func unwritableOutputIsAnIOError() throws {
        let result = try CLI.run(["init", "-o", "/nonexistent-dir/model.scope"])
        #expect(result.status == 3)
        #expect(result.stderr.hasPrefix("cuiscope: cannot write /nonexistent-dir/model.scope"))
    }

    @Test func includesAreResolvedRelativeToTheModel() throws {
        let directory = try CLI.temporaryDirectory()
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("m/sites"), withIntermediateDirectories: true)
        try "include \"sites/b.scope\"\nasset a { type server }\n".write(to: directory.appendingPathComponent("m/root.scope"), atomically: true, encoding: .utf8)
        try "asset b { type sever }\n".write(to: directory.appendingPathComponent("m/sites/b.scope"), atomically: true, encoding: .utf8)
        let result = try CLI.run(["check", "m/root.scope"], in: directory)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("m/sites/b.scope:1:16: error: unknown asset type `sever`"))
    }
}

@Suite struct ReadmeTests {
    /// The language example in the README is a complete model that passes `check` and is canonical.
    @Test func languageExampleIsValidAndCanonical() throws {
        let readme = try String(contentsOf: CLI.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.components(separatedBy: "## The model language").dropFirst().first)
        let example = try #require(section.components(separatedBy: "```\n").dropFirst().first)
        let check = try CLI.run(["check", "-"], stdin: example)
        #expect(check.status == 0, "\(check.stderr)")
        let fmt = try CLI.run(["fmt", "-"], stdin: example)
        #expect(fmt.stdout == example)
    }
}

extension ReadmeTests {
    /// The README's rule table names every rule `cuiscope rules` lists (the catalogue), in the same order and
    /// with the same severity: the list of rules lives in the catalogue, and this pins the README to it.
    @Test func ruleTableListsTheWholeCatalogue() throws {
        let readme = try String(contentsOf: CLI.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let documented = readme.split(separator: "\n").filter { row in
            row.hasPrefix("| `") && ["error", "warning", "info"].contains { row.contains("` | \($0) |") }
        }.map { row in
            let cells = row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            return "\(cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`"))) \(cells[1])"
        }
        let listed = try CLI.run(["rules", "--no-color"]).stdout.split(separator: "\n").filter { !$0.hasPrefix(" ") && !$0.isEmpty }
            .map { line in line.split(separator: " ").prefix(2).joined(separator: " ") }
        #expect(!listed.isEmpty)
        #expect(documented == listed)
    }
}
