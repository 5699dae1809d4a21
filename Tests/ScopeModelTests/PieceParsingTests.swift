import Foundation
import Testing
@testable import ScopeModel

/// A large file is parsed in pieces, one per core (`Parser.parse(_:pieceSize:)`). These tests parse small
/// texts in pieces of a few bytes, so that a cut falls before every statement that may start one.
@Suite struct PieceParsingTests {
    static let seeds = Array(UInt64(1)...40)

    /// `text` parsed in one piece, and in pieces of about `pieceSize` bytes.
    private func bothWays(_ text: String, pieceSize: Int = 1) -> (whole: (SyntaxTree, [Diagnostic]), pieces: (SyntaxTree, [Diagnostic])) {
        let file = SourceFile(path: "m.scope", text: text)
        return (Parser.parse(file, pieceSize: .max), Parser.parse(file, pieceSize: pieceSize))
    }

    private func expectSame(_ text: String, _ context: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let (whole, pieces) = bothWays(text)
        #expect(Array(pieces.0.statements) == Array(whole.0.statements), "\(context): statements differ", sourceLocation: sourceLocation)
        #expect(pieces.0.comments == whole.0.comments, "\(context): comments differ", sourceLocation: sourceLocation)
        #expect(pieces.1.map(summary) == whole.1.map(summary), "\(context): diagnostics differ", sourceLocation: sourceLocation)
    }

    @Test func everyPieceCountsItsIncludes() {
        let (whole, pieces) = bothWays("include \"a.scope\"\nasset x { type server }\ninclude \"b.scope\"\nflow x -> y\ninclude \"c.scope\"\n")
        #expect(whole.0.counts.includes == 3)
        #expect(pieces.0.counts.includes == 3)
    }

    @Test(arguments: seeds) func piecesGiveTheTreeOfOneParse(seed: UInt64) {
        var generator = ModelGenerator(seed: seed)
        let text = generator.model()
        let file = SourceFile(path: "m.scope", text: text)
        #expect(Parser.pieceStarts(in: file, pieceSize: 1).count > 1, "seed \(seed): no cut to test")
        expectSame(text, "seed \(seed)")
    }

    /// Deferring relations leaves every other statement as one parse makes it, and keeps each relation's
    /// keyword and kind, in order.
    @Test(arguments: seeds) func deferringKeepsWhereEachRelationIs(seed: UInt64) {
        var generator = ModelGenerator(seed: seed)
        let file = SourceFile(path: "m.scope", text: generator.model())
        let whole = Parser.parse(file, pieceSize: .max).tree
        let (deferring, diagnostics) = Parser.parse(file, pieceSize: 1, deferringRelations: true)
        #expect(diagnostics.isEmpty)
        #expect(Array(deferring.statements) == whole.statements.filter { $0.relationKind == nil }, "seed \(seed)")
        let relations = whole.statements.compactMap { statement in statement.relationKind.map { "\($0) \(statement.start)" } }
        #expect(deferring.deferred.joined().map { "\($0.kind) \($0.start)" } == relations, "seed \(seed)")
        #expect(deferring.counts.relations.total == relations.count)
    }

    @Test func theExampleModelsParseTheSameInPieces() throws {
        for path in Examples.paths {
            expectSame(try String(contentsOfFile: path, encoding: .utf8), path)
        }
    }

    /// A piece with an error sends the whole file back to one parse: the messages, and the recovery after
    /// them, are those of a parse from the top.
    @Test(arguments: seeds) func aBrokenModelIsReportedAsByOneParse(seed: UInt64) {
        var generator = ModelGenerator(seed: seed)
        var bytes = Array(generator.model().utf8)
        var random = SeededRandom(seed: seed)
        for _ in 0..<3 {
            let at = Int.random(in: 0..<bytes.count, using: &random)
            if Bool.random(using: &random) { bytes.remove(at: at) } else { bytes.insert(Array("{}\"#-\n".utf8).randomElement(using: &random)!, at: at) }
        }
        expectSame(String(decoding: bytes, as: UTF8.self), "seed \(seed)")
    }

    /// Cuts fall only before keywords that no block may hold: `asset` and `zone` lines may be nested.
    @Test func aPieceStartsOnlyAtATopLevelStatement() {
        let text = """
        zone z {
        asset a { type server }
        zone inner
        }
        flow a -> a
        data d { class cui }
          link a -- a
        suppress r on a "why"

        """
        let file = SourceFile(path: "m.scope", text: text)
        let starts = Parser.pieceStarts(in: file, pieceSize: 1)
        #expect(starts.map { String(text.utf8.dropFirst($0).prefix(5))! } == ["zone ", "flow ", "data ", "suppr"])
    }

    /// An unterminated block across a cut: the piece before it reports the block, so the file is read again
    /// whole, and the statements after the cut end the block as they do in one parse.
    @Test func anUnterminatedBlockAcrossACutIsReportedOnce() {
        let text = "asset a {\n  type server\nflow a -> b\nasset b { type server }\n"
        expectSame(text, "unterminated")
        #expect(bothWays(text).pieces.1.map(\.message) == ["unterminated block: this `{` has no matching `}`"])
    }
}
