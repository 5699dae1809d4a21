import Foundation
import Testing

@Suite struct DiagramCommandTests {
    @Test func writesEachFormatByExtensionAtomically() throws {
        let directory = try CLI.temporaryDirectory()
        let model = CLI.packageRoot.appendingPathComponent("Models/fci-shop.scope").path
        for (file, magic) in [("a.svg", "<?xml"), ("a.png", "\u{89}PNG"), ("a.pdf", "%PDF-"), ("a.dot", "digraph")] {
            let result = try CLI.run(["diagram", model, "-o", file], in: directory)
            #expect(result.status == 0, "\(result.stderr)")
            let data = try Data(contentsOf: directory.appendingPathComponent(file))
            #expect(data.starts(with: magic.unicodeScalars.map { UInt8($0.value) }), "\(file)")
        }
        let explicit = try CLI.run(["diagram", model, "-o", "picture.out", "--format", "svg"], in: directory)
        #expect(explicit.status == 0)
        #expect(try String(contentsOf: directory.appendingPathComponent("picture.out"), encoding: .utf8).hasPrefix("<?xml"))
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(files == ["a.dot", "a.pdf", "a.png", "a.svg", "picture.out"], "no temporary files are left behind")
    }

    @Test func viewsAndFocus() throws {
        let directory = try CLI.temporaryDirectory()
        for view in ["boundary", "dataflow", "network"] {
            #expect(try CLI.run(["diagram", "Models/acme-precision.scope", "--view", view, "-o", directory.appendingPathComponent("\(view).dot").path]).status == 0)
        }
        let focused = try CLI.run(["diagram", "Models/acme-precision.scope", "--focus", "mail", "-o", directory.appendingPathComponent("f.dot").path])
        #expect(focused.status == 0)
        let dot = try String(contentsOf: directory.appendingPathComponent("f.dot"), encoding: .utf8)
        #expect(dot.contains("\"asset:mail\"") && !dot.contains("\"asset:plm\""))
    }

    @Test func usageAndIOErrorsExitThree() throws {
        let directory = try CLI.temporaryDirectory()
        let model = "Models/acme-precision.scope"
        let noFormat = try CLI.run(["diagram", model, "-o", directory.appendingPathComponent("x.gif").path])
        #expect(noFormat.status == 3)
        #expect(noFormat.stderr.contains("cannot tell the format from"))
        let badView = try CLI.run(["diagram", model, "--view", "sky", "-o", "x.svg"])
        #expect(badView.status == 3)
        let unknownFocus = try CLI.run(["diagram", model, "--focus", "maill", "-o", directory.appendingPathComponent("x.svg").path])
        #expect(unknownFocus.status == 3)
        #expect(unknownFocus.stderr == "cuiscope: no element `maill` in the model; did you mean `mail`?\n")
        let unwritable = try CLI.run(["diagram", model, "-o", "/nonexistent-dir/x.svg"])
        #expect(unwritable.status == 3)
        #expect(unwritable.stderr.hasPrefix("cuiscope: cannot write /nonexistent-dir/x.svg"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }

    @Test func modelErrorsExitTwoAndWriteNothing() throws {
        let directory = try CLI.temporaryDirectory()
        let result = try CLI.run(["diagram", "-", "-o", "x.svg"], stdin: "asset a { type sever }\n", in: directory)
        #expect(result.status == 2)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }
}

extension DiagramCommandTests {
    /// Debian's Graphviz fails every layout when its plugin configuration is missing; say so, with the fix.
    @Test func missingPluginConfigurationIsExplained() throws {
        let empty = try CLI.temporaryDirectory()
        let result = try CLI.run(["diagram", "Models/fci-shop.scope", "-o", empty.appendingPathComponent("x.svg").path],
                                 environment: ["GVBINDIR": empty.path])
        #expect(result.status == 3)
        #expect(result.stderr == "cuiscope: Graphviz has no layout plugins: its plugin configuration (config6a) is missing;"
            + " run `libgvc6-config-update -c` as root, or reinstall libgvc6\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: empty.path).isEmpty)
    }

    /// A `--page` figure: the paper exactly, its title block from git unless given, the same bytes every run.
    @Test func aPageFigureHasATitleBlockFromGitAndTheSameBytesEachRun() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        func git(_ arguments: String...) throws {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["git", "-C", directory.path, "-c", "user.name=t", "-c", "user.email=t@example.invalid"] + arguments
            process.environment = ["GIT_COMMITTER_DATE": "2026-11-30T12:00:00Z", "GIT_AUTHOR_DATE": "2026-11-30T12:00:00Z",
                                   "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "git \(arguments)")
        }
        try FileManager.default.copyItem(atPath: CLI.packageRoot.appendingPathComponent("Models/vdi-enclave.scope").path,
                                         toPath: directory.appendingPathComponent("m.scope").path)
        try git("init", "-q")
        try git("add", "m.scope")
        try git("commit", "-q", "-m", "model")
        try git("tag", "v1")
        let dot = try CLI.run(["diagram", "m.scope", "-o", "-", "--format", "dot", "--page", "letter", "--landscape"], in: directory)
        #expect(dot.status == 0, "\(dot.stderr)")
        #expect(dot.stdout.contains("model m.scope · revision v1 · 2026-11-30"))
        let given = try CLI.run(["diagram", "m.scope", "-o", "-", "--format", "dot", "--page", "a4", "--revision", "SSP rev C"], in: directory)
        #expect(given.stdout.contains("model m.scope · revision SSP rev C<"))
        for run in 1...2 {
            #expect(try CLI.run(["diagram", "m.scope", "-o", "\(run).pdf", "--page", "letter", "--landscape"], in: directory).status == 0)
        }
        #expect(try Data(contentsOf: directory.appendingPathComponent("1.pdf")) == Data(contentsOf: directory.appendingPathComponent("2.pdf")))
        // Without a page there is no title block to put them in.
        #expect(try CLI.run(["diagram", "m.scope", "-o", "x.svg", "--landscape"], in: directory).status == 3)
        #expect(try CLI.run(["diagram", "m.scope", "-o", "x.svg", "--revision", "r"], in: directory).status == 3)
        let plain = try CLI.run(["diagram", "m.scope", "-o", "-", "--format", "dot", "--findings", "none"], in: directory)
        #expect(!plain.stdout.contains("revision") && !plain.stdout.contains("! "))
    }
}
