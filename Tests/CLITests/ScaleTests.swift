import Foundation
import Testing

/// CI-safe guards for #13 on the generated 100k-relation model: ratios against a baseline measured in the
/// same run, never absolute times, and a memory bound that only a whole-document report would break.
@Suite(.serialized) struct ScaleTests {
    /// The 100k-relation model `make bench` measures, written by the benchmark's own generator into a
    /// directory that `body` may use and that is removed after it.
    func withModel(_ body: (URL) throws -> Void) throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("100k.scope")
        let generator = CLI.binary.deletingLastPathComponent().appendingPathComponent("ScopeBench")
        #expect(try Child.run(generator, ["model", "100000", path.path]).status == 0)
        try body(path)
    }

    @Test func checkStaysWithinARatioOfSplittingTheFileIntoWords() throws {
        try withModel { model in
            let split = { try Child.run(URL(fileURLWithPath: "/usr/bin/env"),
                                        ["python3", "-c", "import sys\nn = 0\nfor line in open(sys.argv[1]): n += len(line.split())", model.path]) }
            let before = try split()
            let check = try Child.run(CLI.binary, ["check", model.path, "--fail-on", "never"])
            let after = try split()
            #expect(before.status == 0 && check.status == 0)
            // Other suites share the cores, so the baseline is the slower split around the check. A debug
            // build runs about 26 times the split on this machine; a quadratic pass would run thousands.
            let baseline = max(before.seconds, after.seconds)
            #expect(check.seconds < 100 * baseline, "check \(check.seconds) s, word split \(baseline) s")
        }
    }

    /// Each long output with the model's path for `MODEL` and a file in the model's directory for `OUT`.
    static let streamedOutputs = [
        "scope MODEL --format json",
        "check MODEL --format sarif --fail-on never",
        "report MODEL -o OUT.html",
        "report MODEL -o OUT.md",
    ]

    @Test(arguments: streamedOutputs)
    func longOutputsAreStreamedNotBuiltInMemory(_ command: String) throws {
        try withModel { model in
            let out = model.deletingLastPathComponent().appendingPathComponent("out").path
            let arguments = command.split(separator: " ").map { $0 == "MODEL" ? model.path : $0.replacingOccurrences(of: "OUT", with: out) }
            let text = try Child.run(CLI.binary, ["check", model.path, "--fail-on", "never"])
            let streamed = try Child.run(CLI.binary, arguments)
            #expect(text.status == 0 && streamed.status == 0)
            // Streamed, an output costs what the analysis costs (about 95 MB). Built whole, `scope --format
            // json` took 172 MB, and the report 160 MB in HTML and 145 MB in Markdown.
            #expect(streamed.peakKB < text.peakKB * 13 / 10, "\(command): \(streamed.peakKB) KB, check \(text.peakKB) KB")
        }
    }
}

/// A child process whose output is discarded, with its own wall time and peak memory (`wait4`, since
/// `RUSAGE_CHILDREN` is the largest of every child the test process ever had).
enum Child {
    struct Run {
        var status: Int32
        var seconds: Double
        var peakKB: Int
    }

    static func run(_ executable: URL, _ arguments: [String]) throws -> Run {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0)
        let argv = ([executable.path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let start = DispatchTime.now()
        var pid = pid_t()
        let spawned = posix_spawn(&pid, executable.path, &actions, nil, argv, environ)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO) }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) == -1 && errno == EINTR {}
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        // Killed by a signal, it reports 128 plus the signal, as a shell does, so a crash never reads as 0.
        let signal = status & 0x7F
        return Run(status: signal != 0 ? 128 + signal : (status >> 8) & 0xFF, seconds: seconds, peakKB: usage.ru_maxrss)
    }
}
