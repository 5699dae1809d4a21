import Testing
@testable import ScopeModel

/// No input crashes the loader, and every broken input gets diagnostics that point inside the file.
@Suite struct RobustnessTests {
    /// Loads `bytes`, renders every diagnostic, and checks each points at a real line and column.
    @discardableResult
    func survive(_ bytes: [UInt8], sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [Diagnostic] {
        let file = SourceFile(path: "fuzz.scope", bytes: bytes)
        let result = ModelLoader(loader: InMemoryLoader([:])).load(root: file)
        let lineCount = bytes.count { $0 == UInt8(ascii: "\n") } + 1
        for diagnostic in result.diagnostics where diagnostic.span.file === file {
            let location = diagnostic.location
            #expect(location.line >= 1 && location.line <= lineCount && location.column >= 1, sourceLocation: sourceLocation)
            #expect(!DiagnosticPrinter().render(diagnostic).isEmpty, sourceLocation: sourceLocation)
        }
        #expect(result.hasErrors == (result.model == nil), sourceLocation: sourceLocation)
        return result.diagnostics
    }

    @Test func randomBytes() {
        var random = SeededRandom(seed: 42)
        for _ in 0..<300 {
            let count = Int.random(in: 0...2000, using: &random)
            survive((0..<count).map { _ in UInt8.random(in: 0...255, using: &random) })
        }
    }

    @Test func tokenSoup() {
        let vocabulary = ["asset", "zone", "flow", "link", "data", "provider", "organization", "access", "protects",
                          "include", "suppress", "on", "carries", "via", "none", "type", "server", "a", "b", "z",
                          "{", "}", "{", "->", "<->", "--", ",", ";", "\n", "\n", "\"s\"", "\"", "1", "#c\n", "-", "<"]
        var random = SeededRandom(seed: 7)
        for _ in 0..<500 {
            let count = Int.random(in: 0...80, using: &random)
            let text = (0..<count).map { _ in vocabulary.randomElement(using: &random)! }.joined(separator: " ")
            survive(Array(text.utf8))
        }
    }

    @Test func everyTruncationOfTheDemoModel() throws {
        let path = try #require(Examples.paths.first { $0.hasSuffix("acme-precision.scope") })
        let bytes = try FileSystemLoader().load(path)
        for end in stride(from: 0, to: bytes.count, by: 13) { survive(Array(bytes[0..<end])) }
    }

    @Test func cuttingABlockShortIsReported() throws {
        let text = "zone z {\n  asset a {\n    type server\n"
        #expect(errors(text) == ["2:11: unterminated block: this `{` has no matching `}`",
                                 "1:8: unterminated block: this `{` has no matching `}`"].sorted { $0 > $1 }.reversed())
    }

    @Test func deepNesting() {
        let depth = 10_000
        let text = (0..<depth).map { "zone z\($0) {\n" }.joined() + String(repeating: "}\n", count: depth)
        let diagnostics = survive(Array(text.utf8))
        #expect(diagnostics.map(summary) == ["65:10: blocks nested more than 64 deep"])
        let braces = String(repeating: "{", count: 100_000)
        #expect(!survive(Array("flow a -> b \(braces)".utf8)).isEmpty)
        #expect(survive(Array(String(repeating: "}", count: 100_000).utf8)).map(summary) == ["1:1: unexpected `}`"])
    }

    @Test func tenMegabyteLines() {
        let big = 10_000_000
        #expect(survive(Array(("# " + String(repeating: "x", count: big)).utf8)).isEmpty)
        #expect(survive(Array(("asset a \"" + String(repeating: "x", count: big) + "\" { type server }").utf8)).isEmpty)
        // A megabyte identifier is one error, and no message echoes it.
        #expect(survive(Array(("asset " + String(repeating: "x", count: big)).utf8)).map(summary)
            == ["1:7: an identifier of 10000000 characters is too long"])
        #expect(survive(Array(String(repeating: "@ ", count: big / 2).utf8)).map(summary) == ["1:1: unexpected `@`"])
        #expect(survive(Array(("asset a \"" + String(repeating: "x", count: big)).utf8)).map(summary) == ["1:9: unterminated string"])
    }

    @Test func invalidUTF8() {
        #expect(survive([0xFF, 0xFE, 0x00]).map(summary) == ["1:1: the file is not valid UTF-8"])
        let inString = Array("asset a \"".utf8) + [0xC3, 0x28] + Array("\" { type server }".utf8)
        #expect(survive(inString).map(summary) == ["1:10: the file is not valid UTF-8"])
        let inComment = Array("asset a { type server }\n# ".utf8) + [0xED, 0xA0, 0x80]
        #expect(survive(inComment).map(summary) == ["2:3: the file is not valid UTF-8"])
        let truncated = Array("asset a { type server } # ".utf8) + [0xE2, 0x82]
        #expect(survive(truncated).map(summary) == ["1:27: the file is not valid UTF-8"])
    }

    @Test func aByteOrderMarkIsIgnored() {
        #expect(survive([0xEF, 0xBB, 0xBF] + Array("asset a { type server }".utf8)).isEmpty)
    }

    @Test func manyUndefinedNamesStayFast() {
        // Each "did you mean" scans every name; only the first few errors get one.
        let declarations = (0..<20_000).map { "asset n\($0) { type server }" }.joined(separator: "\n")
        let flows = (0..<2_000).map { "flow missing\($0) -> n\($0)" }.joined(separator: "\n")
        let diagnostics = survive(Array((declarations + "\n" + flows).utf8))
        // 2,000 errors, of which the first 50 are shown, then how many more there were.
        #expect(diagnostics.count == 51)
        #expect(diagnostics.last.map(summary) == "20051:6: too many errors in fuzz.scope; 1950 more not shown")
    }
}
