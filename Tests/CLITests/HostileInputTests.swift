import Foundation
import Testing

/// Issue 9: a model from a stranger, or a careless command line, cannot read outside the model's tree,
/// break out of an output format, make the tool write anywhere but where it was asked, or crash it.
/// One test (or more) per defect of the issue, numbered as there.
@Suite struct HostileInputTests {
    static let isRoot = getuid() == 0
    static let model = "data d { class cui }\nasset srv { type server; stores d }\n"

    func directory(_ files: [String: String] = [:]) throws -> URL {
        let directory = try CLI.temporaryDirectory()
        for (name, text) in files {
            let url = directory.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return directory
    }

    /// Runs a shell command line in `directory`, for redirections the test helper cannot express.
    func shell(_ command: String, in directory: URL) throws -> CLI.Output {
        try CLI.run(["-c", command.replacingOccurrences(of: "cuiscope", with: CLI.binary.path)], in: directory, executable: "/bin/sh")
    }

    // MARK: 1. Includes stay inside the model's tree

    @Test func includesOutsideTheTreeAreRefusedWithoutReadingThem() throws {
        let secret = try directory(["secret.scope": "root:x:0:0:SECRET-LINE\n"])
        let models = try directory([
            "absolute.scope": "include \"\(secret.path)/secret.scope\"\n",
            "dots.scope": "include \"../\(secret.lastPathComponent)/secret.scope\"\n",
            "proc.scope": "include \"/proc/self/environ\"\n",
        ])
        try FileManager.default.createSymbolicLink(atPath: models.appendingPathComponent("link.scope").path,
                                                   withDestinationPath: secret.appendingPathComponent("secret.scope").path)
        try "include \"link.scope\"\n".write(to: models.appendingPathComponent("via-link.scope"), atomically: true, encoding: .utf8)
        for (file, message) in [("absolute.scope", "an include path cannot be absolute"), ("proc.scope", "an include path cannot be absolute"),
                                ("dots.scope", "is outside the model's directory"), ("via-link.scope", "is outside the model's directory")] {
            let result = try CLI.run(["check", file], in: models)
            #expect(result.status == 2, "\(file)")
            #expect(result.stderr.contains(message), "\(file): \(result.stderr)")
            #expect(!result.stderr.contains("SECRET-LINE") && !result.stderr.contains("PATH="), "\(file) echoed what it must not read")
        }
    }

    @Test func includeRootWidensTheTreeOnPurpose() throws {
        let tree = try directory(["shared/data.scope": "data d { class cui }\n",
                                  "site/model.scope": "include \"../shared/data.scope\"\nasset srv { type server; stores d }\n"])
        #expect(try CLI.run(["check", "site/model.scope"], in: tree).status == 2)
        let widened = try CLI.run(["check", "site/model.scope", "--include-root", "."], in: tree)
        #expect(widened.status == 0, "\(widened.stderr)")
    }

    @Test func aFileThatIsNotAModelStopsAfterItsFirstErrors() throws {
        let garbage = (0..<5_000).map { "root:x:\($0):0:user \($0):/home:/bin/sh" }.joined(separator: "\n")
        let result = try CLI.run(["check", "-"], stdin: garbage)
        #expect(result.status == 2)
        #expect(result.stderr.contains("too many errors in <stdin>; stopped reading it here"))
        #expect(result.stderr.split(separator: "\n").count < 300)
    }

    // MARK: 2. Writing replaces only what it was asked to, and never a device or a link

    @Test func aModelIsNeverOverwritten() throws {
        let tree = try directory(["m.scope": Self.model])
        let result = try CLI.run(["diagram", "m.scope", "-o", "m.scope", "--format", "svg"], in: tree)
        #expect(result.status == 3)
        #expect(result.stderr == "cuiscope: refusing to write m.scope: it is the model m.scope\n")
        #expect(try String(contentsOf: tree.appendingPathComponent("m.scope"), encoding: .utf8) == Self.model)
    }

    @Test func dashAndDevStdoutWriteToStandardOutput() throws {
        let tree = try directory(["m.scope": Self.model])
        let dash = try CLI.run(["diagram", "m.scope", "-o", "-", "--format", "dot"], in: tree)
        #expect(dash.status == 0 && dash.stdout.hasPrefix("digraph"))
        let stdout = try CLI.run(["diagram", "m.scope", "-o", "/dev/stdout", "--format", "dot"], in: tree)
        #expect(stdout.status == 0 && stdout.stdout.hasPrefix("digraph"), "\(stdout.stderr)")
    }

    @Test(.enabled(if: isRoot, "creating device nodes needs root"))
    func aDeviceStaysADevice() throws {
        let tree = try directory(["m.scope": Self.model])
        let null = tree.appendingPathComponent("null").path, full = tree.appendingPathComponent("full").path
        #expect(mknod(null, S_IFCHR | 0o666, dev_t((1 << 8) | 3)) == 0 && mknod(full, S_IFCHR | 0o666, dev_t((1 << 8) | 7)) == 0)
        #expect(try CLI.run(["diagram", "m.scope", "-o", null, "--format", "svg"], in: tree).status == 0)
        var status = stat()
        #expect(stat(null, &status) == 0 && status.st_mode & S_IFMT == S_IFCHR)
        let noSpace = try CLI.run(["diagram", "m.scope", "-o", full, "--format", "svg"], in: tree)
        #expect(noSpace.status == 3)
        #expect(noSpace.stderr == "cuiscope: cannot write \(full): no space left on the device\n")
    }

    @Test func aFullStandardOutputIsAnErrorNotACrash() throws {
        let tree = try directory(["m.scope": Self.model])
        for command in ["check m.scope", "scope m.scope --format json", "rules", "report m.scope -o -", "export inventory m.scope -o -"] {
            let result = try CLI.run(["-c", "\"$0\" \(command) > /dev/full", CLI.binary.path], in: tree, executable: "/bin/sh")
            #expect(result.status == 3, "\(command): \(result.stderr)")
            #expect(result.stderr == "cuiscope: cannot write standard output: no space left on the device\n", "\(command)")
        }
    }

    @Test func aFIFOIsWrittenNotReplaced() throws {
        let tree = try directory(["m.scope": Self.model])
        #expect(mkfifo(tree.appendingPathComponent("pipe").path, 0o600) == 0)
        let result = try shell("cat pipe > out.txt & cuiscope diagram m.scope -o pipe --format dot; wait", in: tree)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try String(contentsOf: tree.appendingPathComponent("out.txt"), encoding: .utf8).hasPrefix("digraph"))
    }

    @Test func fmtThroughASymlinkFormatsTheTargetAndKeepsTheLink() throws {
        let tree = try directory(["real/m.scope": "asset a {type server}\n"])
        try FileManager.default.createSymbolicLink(atPath: tree.appendingPathComponent("link.scope").path, withDestinationPath: "real/m.scope")
        #expect(try CLI.run(["fmt", "link.scope"], in: tree).status == 0)
        let attributes = try FileManager.default.attributesOfItem(atPath: tree.appendingPathComponent("link.scope").path)
        #expect(attributes[.type] as? FileAttributeType == .typeSymbolicLink)
        #expect(try String(contentsOf: tree.appendingPathComponent("real/m.scope"), encoding: .utf8) == "asset a {\n  type server\n}\n")
    }

    // MARK: 3. The temporary file cannot be predicted or redirected

    @Test func plantedLinksAtPredictableTemporaryNamesAreNotFollowed() throws {
        let tree = try directory(["m.scope": Self.model, "victim.txt": "untouched\n"])
        // The names the old writer used, `.NAME.PID.tmp`, for the next few hundred process ids.
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/bin/true")
        try probe.run()
        probe.waitUntilExit()
        for pid in probe.processIdentifier..<(probe.processIdentifier + 400) {
            try? FileManager.default.createSymbolicLink(atPath: tree.appendingPathComponent(".out.svg.\(pid).tmp").path,
                                                        withDestinationPath: "victim.txt")
        }
        #expect(try CLI.run(["diagram", "m.scope", "-o", "out.svg"], in: tree).status == 0)
        #expect(try String(contentsOf: tree.appendingPathComponent("victim.txt"), encoding: .utf8) == "untouched\n")
        #expect(try String(contentsOf: tree.appendingPathComponent("out.svg"), encoding: .utf8).contains("<svg"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: tree.path).filter { $0.hasPrefix(".out.svg.") && !$0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    // MARK: 4. fmt keeps the file's metadata

    @Test func fmtKeepsModesAndRefusesReadOnlyFiles() throws {
        let tree = try directory()
        for mode: mode_t in [0o600, 0o640, 0o755] {
            let path = tree.appendingPathComponent("m\(mode).scope").path
            try "asset a {type server}\n".write(toFile: path, atomically: false, encoding: .utf8)
            chmod(path, mode)
            #expect(try CLI.run(["fmt", path]).status == 0)
            var status = stat()
            #expect(stat(path, &status) == 0 && status.st_mode & 0o777 == mode)
        }
        let readOnly = tree.appendingPathComponent("ro.scope").path
        try "asset a {type server}\n".write(toFile: readOnly, atomically: false, encoding: .utf8)
        chmod(readOnly, 0o444)
        let result = try CLI.run(["fmt", readOnly])
        #expect(result.status == 3)
        #expect(result.stderr == "cuiscope: \(readOnly) is read-only; fmt does not rewrite it\n")
        #expect(try String(contentsOfFile: readOnly, encoding: .utf8) == "asset a {type server}\n")
    }

    @Test(.enabled(if: isRoot, "changing a file's owner needs root"))
    func fmtKeepsTheOwner() throws {
        let path = try directory().appendingPathComponent("m.scope").path
        try "asset a {type server}\n".write(toFile: path, atomically: false, encoding: .utf8)
        #expect(chown(path, 4321, 4322) == 0)
        #expect(try CLI.run(["fmt", path]).status == 0)
        var status = stat()
        #expect(stat(path, &status) == 0 && status.st_uid == 4321 && status.st_gid == 4322)
    }

    @Test func fmtKeepsHardLinks() throws {
        let tree = try directory(["a.scope": "asset a {type server}\n"])
        try FileManager.default.linkItem(at: tree.appendingPathComponent("a.scope"), to: tree.appendingPathComponent("b.scope"))
        #expect(try CLI.run(["fmt", "a.scope"], in: tree).status == 0)
        #expect(try String(contentsOf: tree.appendingPathComponent("b.scope"), encoding: .utf8) == "asset a {\n  type server\n}\n")
    }

    /// A report longer than one 64 KiB write, streamed to a file with a second name: both names read the
    /// whole page, the same bytes as on standard output.
    @Test func aStreamedReportKeepsHardLinks() throws {
        let model = (0..<400).map { "asset server-\($0) \"Server \($0) in the machining cell\" { type server }\n" }.joined()
        let tree = try directory(["m.scope": model, "report.md": "old\n"])
        try FileManager.default.linkItem(at: tree.appendingPathComponent("report.md"), to: tree.appendingPathComponent("copy.md"))
        #expect(try CLI.run(["report", "m.scope", "-o", "report.md"], in: tree).status == 0)
        let page = try CLI.run(["report", "m.scope", "-o", "-", "--format", "markdown"], in: tree).stdout
        #expect(page.utf8.count > 1 << 16)
        #expect(try String(contentsOf: tree.appendingPathComponent("copy.md"), encoding: .utf8) == page)
        #expect(try String(contentsOf: tree.appendingPathComponent("report.md"), encoding: .utf8) == page)
    }

    // MARK: 5. Control characters

    @Test func controlCharactersInStringsAreErrors() throws {
        for (byte, name) in [(0x1B, "U+001B"), (0x00, "U+0000"), (0x7F, "U+007F"), (0x07, "U+0007")] {
            let text = "asset a \"x\(String(UnicodeScalar(UInt8(byte))))]0;pwned\" { type server }\n"
            let result = try CLI.run(["check", "-"], stdin: text)
            #expect(result.status == 2)
            #expect(result.stderr.hasPrefix("<stdin>:1:11: error: control character \(name) in a string"), "\(result.stderr)")
            #expect(!result.stderr.contains("\u{1B}]"))
        }
    }

    @Test func escapedLineBreaksAreShownEscapedOnTheTerminal() throws {
        let text = "asset a \"first\\nerror: fake\" { type server }\nsuppress unscoped-touchpoint on a \"a\\tb\\nc\"\n"
        let explain = try CLI.run(["explain", "-", "a"], stdin: text)
        #expect(explain.stdout.hasPrefix("a \"first\\nerror: fake\": out (Out-of-Scope)\n"), "\(explain.stdout)")
    }

    @Test func labelsCannotBreakTheSVG() throws {
        let tree = try directory(["m.scope": "asset a \"<script>&\\\"]]>\\n\" { type server }\n"])
        #expect(try CLI.run(["diagram", "m.scope", "-o", "a.svg"], in: tree).status == 0)
        let parse = try CLI.run(["-c", "import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])", tree.appendingPathComponent("a.svg").path],
                                executable: "/usr/bin/python3")
        #expect(parse.status == 0, "\(parse.stderr)")
    }

    // MARK: 6. Markdown

    @Test func aLabelCannotBreakOutOfTheMarkdownComment() throws {
        let base = "data d { class cui }\nasset a { type server; stores d }\nasset b { type server }\n"
        let head = base + "flow a -> b carries none \"x\\n```\\n# Heading @team ![i](http://x/y.png)\"\n"
            + "asset c { type server; policy \"p | q\\n## h\" }\n"
        let tree = try directory(["base.scope": base, "head.scope": head])
        let markdown = try CLI.run(["diff", "base.scope", "head.scope", "--format", "markdown"], in: tree).stdout
        #expect(!markdown.contains("\n# Heading") && !markdown.contains("\n## h"))
        let parts = markdown.components(separatedBy: "```")
        #expect(parts.count == 3, "one fence, opened and closed")
        // Inside the fence text is literal; outside it no mention, image or table cell survives.
        let outside = parts[0] + parts[2]
        #expect(outside.contains("kept free of CUI by policy: p \\| q \\#\\# h"), "\(outside)")
        #expect(!outside.contains("@team") && !outside.contains("![i]"))
    }

    // MARK: 7. No crash on any option or input

    @Test func aHugeLayoutTimeoutDoesNotOverflow() throws {
        let tree = try directory(["m.scope": Self.model])
        #expect(try CLI.run(["diagram", "m.scope", "-o", "a.svg", "--layout-timeout", "9300000000"], in: tree).status == 0)
    }

    @Test func closedOrDirectoryStandardInputIsAnIOError() throws {
        let tree = try directory()
        let closed = try shell("cuiscope check - <&-", in: tree)
        #expect(closed.status == 3 && closed.stderr == "cuiscope: cannot read standard input: standard input is closed\n", "\(closed.stderr)")
        let folder = try shell("cuiscope fmt - < .", in: tree)
        #expect(folder.status == 3 && folder.stderr == "cuiscope: cannot read standard input: is a directory\n", "\(folder.stderr)")
    }

    // MARK: 8. Linear on hostile input

    @Test func manyErrorsOnOneLineAreCapped() throws {
        let line = String(repeating: "a;", count: 20_000)
        let result = try CLI.run(["check", "-"], stdin: line)
        #expect(result.status == 2)
        #expect(result.stderr.components(separatedBy: ": error: ").count - 1 == 51)
        // The line is shown once, windowed, however many errors it holds.
        #expect(result.stderr.utf8.count < 20_000)
    }

    @Test func hugeIdentifiersAreOneShortError() throws {
        let result = try CLI.run(["check", "-"], stdin: "flow " + String(repeating: "x", count: 100_000) + " -> y\n")
        #expect(result.status == 2)
        #expect(result.stderr.contains("an identifier of 100000 characters is too long"))
        #expect(result.stderr.utf8.count < 2_000)
    }

    // MARK: 9. Loose ends

    @Test func fmtProcessesEveryFileAndReportsEveryFailure() throws {
        let tree = try directory(["a.scope": "asset a {type server}\n", "b.scope": "asset b {type server}\n"])
        let result = try CLI.run(["fmt", "a.scope", "missing.scope", "b.scope"], in: tree)
        #expect(result.status == 3)
        #expect(result.stderr == "cuiscope: cannot read missing.scope: no such file\n")
        #expect(try String(contentsOf: tree.appendingPathComponent("b.scope"), encoding: .utf8) == "asset b {\n  type server\n}\n")
        try "asset a {type server}\n".write(to: tree.appendingPathComponent("a.scope"), atomically: true, encoding: .utf8)
        let check = try CLI.run(["fmt", "--check", "a.scope", "missing.scope", "b.scope"], in: tree)
        #expect(check.status == 3 && check.stdout == "a.scope: not canonical\n")
    }

    @Test func standardInputHasASizeLimit() throws {
        let result = try shell("head -c 300000000 /dev/zero | cuiscope check -", in: try directory())
        #expect(result.status == 3)
        #expect(result.stderr == "cuiscope: cannot read standard input: is larger than 256 MiB\n")
    }

    @Test func diffReadsStandardInputPipesAndDevStdin() throws {
        let tree = try directory(["head.scope": Self.model])
        let dash = try CLI.run(["diff", "-", "head.scope"], stdin: "asset srv { type server }\n", in: tree)
        #expect(dash.status == 0 && dash.stdout.hasPrefix("- -> head.scope: 2 declaration changes; boundary grows by 1 asset"), "\(dash.stdout)\(dash.stderr)")
        let devStdin = try CLI.run(["check", "/dev/stdin"], stdin: Self.model, in: tree)
        #expect(devStdin.status == 0, "\(devStdin.stderr)")
        #expect(mkfifo(tree.appendingPathComponent("fifo").path, 0o600) == 0)
        let fifo = try shell("cat head.scope > fifo & cuiscope diff fifo head.scope; wait", in: tree)
        #expect(fifo.status == 0 && fifo.stdout.hasPrefix("fifo -> head.scope: no change"), "\(fifo.stderr)")
    }

    @Test func pdfIsByteIdenticalRunToRun() throws {
        let tree = try directory(["m.scope": Self.model])
        #expect(try CLI.run(["diagram", "m.scope", "-o", "a.pdf"], in: tree).status == 0)
        sleep(1)
        #expect(try CLI.run(["diagram", "m.scope", "-o", "b.pdf"], in: tree).status == 0)
        #expect(try Data(contentsOf: tree.appendingPathComponent("a.pdf")) == Data(contentsOf: tree.appendingPathComponent("b.pdf")))
    }

    @Test func selfRelationsAreModelErrors() throws {
        let result = try CLI.run(["check", "-"], stdin: "asset a { type server }\nzone z\nflow a -> a\nlink z -- z\naccess a -> a\n")
        #expect(result.status == 2)
        #expect(result.stderr.contains("<stdin>:3:11: error: `flow a -> a` joins `a` to itself"))
        #expect(result.stderr.contains("<stdin>:4:11: error: `link z -- z` joins `z` to itself"))
        #expect(result.stderr.contains("<stdin>:5:13: error: `access a -> a` joins `a` to itself"))
    }

    @Test func expandChecksItsZoneLikeFocus() throws {
        let tree = try directory(["m.scope": "zone office { asset a { type server } }\n"])
        let result = try CLI.run(["diagram", "m.scope", "-o", "a.svg", "--expand", "ofice"], in: tree)
        #expect(result.status == 3)
        #expect(result.stderr == "cuiscope: --expand takes a zone, and the model has no zone `ofice`; did you mean `office`?\n")
    }

    @Test func aSymlinkLoopIncludeSaysSo() throws {
        let tree = try directory(["m.scope": "include \"loop.scope\"\n"])
        try FileManager.default.createSymbolicLink(atPath: tree.appendingPathComponent("loop.scope").path, withDestinationPath: "loop.scope")
        let result = try CLI.run(["check", "m.scope"], in: tree)
        #expect(result.status == 2)
        #expect(result.stderr.contains("link loop"), "\(result.stderr)")
    }

    @Test func helpForAnUnknownCommandIsAUsageError() throws {
        let result = try CLI.run(["help", "chek"])
        #expect(result.status == 3)
        #expect(result.stderr.hasPrefix("cuiscope: no command `chek` (did you mean `check`?)"))
    }

    @Test func caretsAreAsWideAsTheCharacters() throws {
        // `é` is two bytes, one character: one caret, not `^~`.
        let result = try CLI.run(["check", "-"], stdin: "asset a { type server } é\n")
        #expect(result.stderr == "<stdin>:1:25: error: unexpected `é` [E001]\n  asset a { type server } é\n                          ^\n1 error\n",
                "\(result.stderr)")
    }

    @Test func aBadDiagramPathFailsBeforeTheReport() throws {
        let tree = try directory(["base.scope": Self.model, "head.scope": Self.model])
        let result = try CLI.run(["diff", "base.scope", "head.scope", "--diagram", "nodir/x.svg"], in: tree)
        #expect(result.status == 3)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "cuiscope: cannot write nodir/x.svg: no such directory\n")
    }

    // MARK: 10. Self-contained

    @Test func nothingInTheRepositoryReadsOrLinksTheSharedFolder() throws {
        let tracked = try CLI.run(["-C", CLI.packageRoot.path, "grep", "-l", "\\.\\./shared", "--", ".", ":!Tests/CLITests/HostileInputTests.swift"],
                                  executable: "/usr/bin/git")
        #expect(tracked.stdout.isEmpty, "\(tracked.stdout)")
    }
}
