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

    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ arguments: [String], stdin: String? = nil, in directory: URL = packageRoot,
                    environment: [String: String] = [:]) throws -> Output {
        let process = Process()
        process.executableURL = binary
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

    /// A fresh empty directory for files a test writes.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cuiscope-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

@Suite struct CLITests {
    @Test func checkSummarizesAValidModel() throws {
        let result = try CLI.run(["check", "Models/acme-precision.scope"])
        #expect(result.status == 0)
        #expect(result.stdout == "Models/acme-precision.scope: ok: 50 assets, 6 zones, 7 providers, 6 data items, 46 relations\n")
        #expect(result.stderr.isEmpty)
    }

    @Test func modelErrorsExitTwoWithCompilerStyleDiagnostics() throws {
        let directory = try CLI.temporaryDirectory()
        try "asset a {\n  type sever\n}\nflow a -> b\n".write(to: directory.appendingPathComponent("bad.scope"), atomically: true, encoding: .utf8)
        let result = try CLI.run(["check", "bad.scope"], in: directory)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == """
        bad.scope:2:8: error: unknown asset type `sever`
            type sever
                 ^~~~~
          hint: did you mean `server`?
        bad.scope:4:11: error: undefined identifier `b`
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
