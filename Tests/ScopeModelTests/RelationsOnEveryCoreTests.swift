import Foundation
import Testing
@testable import ScopeModel

/// The resolver resolves relations with one job per piece of a file (`Resolver.relationsOnEveryCore`), and
/// the loader has them parsed there too (`Parser.parse(_:deferringRelations:)`). These tests parse small texts
/// in pieces of one byte, so that every top-level statement starts a piece, and compare the model and messages
/// with those of a file parsed in one piece.
@Suite struct RelationsOnEveryCoreTests {
    /// `text` resolved from one piece, from pieces of one byte, and from such pieces with their relations
    /// deferred (nil: they could not be read that way), every one of them read ahead while the names are
    /// declared. `deferredInPass` reads none ahead.
    private func threeWays(_ text: String, pieceSize: Int = 1)
        -> (whole: (Model, [Diagnostic]), pieces: (Model, [Diagnostic]), deferred: (Model, [Diagnostic])?,
            deferredInPass: (Model, [Diagnostic])?, pieceCount: Int) {
        let file = SourceFile(path: "m.scope", text: text)
        let pieces = Parser.parse(file, pieceSize: pieceSize).tree
        let deferred = Parser.parse(file, pieceSize: pieceSize, deferringRelations: true).tree
        return (Resolver.resolve([Parser.parse(file, pieceSize: .max).tree])!, Resolver.resolve([pieces])!,
                Resolver.resolve([deferred], readingAhead: .everything), Resolver.resolve([deferred], readingAhead: .nothing),
                pieces.pieces.count)
    }

    private func expectSame(_ text: String, _ context: String, pieceSize: Int = 1, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let (whole, pieces, deferred, deferredInPass, _) = threeWays(text, pieceSize: pieceSize)
        for (way, other) in [("pieces", pieces), ("deferred, read ahead", deferred), ("deferred, read in the pass", deferredInPass)] {
            guard let other else { continue }
            #expect(other.0.flows == whole.0.flows, "\(context), \(way): flows differ", sourceLocation: sourceLocation)
            #expect(other.0.links == whole.0.links, "\(context), \(way): links differ", sourceLocation: sourceLocation)
            #expect(other.0.accesses == whole.0.accesses, "\(context), \(way): accesses differ", sourceLocation: sourceLocation)
            #expect(other.0.protections == whole.0.protections, "\(context), \(way): protections differ", sourceLocation: sourceLocation)
            #expect(other.0.suppressions == whole.0.suppressions, "\(context), \(way): suppressions differ", sourceLocation: sourceLocation)
            #expect(other.1.map(summary) == whole.1.map(summary), "\(context), \(way): diagnostics differ", sourceLocation: sourceLocation)
            #expect(other.1.map(\.hint) == whole.1.map(\.hint), "\(context), \(way): hints differ", sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: PieceParsingTests.seeds) func piecesResolveToTheRelationsOfOnePass(seed: UInt64) {
        var generator = ModelGenerator(seed: seed)
        let text = generator.model()
        let (whole, _, deferred, _, pieceCount) = threeWays(text)
        #expect(pieceCount > 1 && whole.1.isEmpty, "seed \(seed): not a valid model in pieces")
        #expect(deferred != nil, "seed \(seed): the deferred relations were not read")
        expectSame(text, "seed \(seed)")
    }

    /// What the skip over a deferred relation must step past as the lexer does: strings with escapes and
    /// with `;`, `#`, `{` inside, comments with quotes and braces, blocks over several lines, and several
    /// statements on one line.
    @Test func deferredRelationsEndWhereTheParserEndsThem() throws {
        let text = """
        data d { class cui }
        asset a { type server }
        asset b { type server }
        flow a -> b carries d "x; y # z { \\" \\\\" { protocol "SFTP;}" } # a "comment" {
        link a -- b { separation logical
          wireless yes // a } brace
        }; access a -> b { admin yes; mfa yes }; protects a -> b
        flow b -> a "two\\nlines" // end
        """
        let (whole, _, deferred, _, _) = threeWays(text)
        #expect(whole.1.isEmpty)
        #expect(whole.0.flows.map(\.label) == ["x; y # z { \" \\", "two\nlines"])
        #expect(try #require(deferred).0.accesses.count == 1)
        expectSame(text, "tricky layout")
    }

    @Test func theExampleModelsResolveTheSameInPieces() throws {
        for path in Examples.paths {
            expectSame(try String(contentsOfFile: path, encoding: .utf8), path)
        }
    }

    /// Relations whose clauses (all after their ends) are written alike are resolved, within a job, from the
    /// first of them, with their own ends read and resolved: a direction, and ends that are wrong, come out
    /// as in one pass. Pieces of a third of the file, so that a job holds many relations.
    @Test func relationsWithKnownClausesKeepTheirOwnEnds() {
        let declarations = """
        data d { class cui }
        asset a { type server }
        asset b { type server }
        asset c { type workstation }
        asset p { type person }

        """
        let valid = (0..<40).map { _ in
            """
            flow a -> b carries d { encryption fips }
            flow b <-> c carries d { encryption fips }
            link a -- b { separation logical }; link b -- c { separation logical }
            access c -> a { admin yes; mfa yes }
            access p -> b { admin yes; mfa yes }
            """
        }
        let text = declarations + valid.joined(separator: "\n") + "\n"
        let (whole, _, deferred, _, pieceCount) = threeWays(text, pieceSize: text.utf8.count / 3)
        #expect(pieceCount >= 3 && whole.1.isEmpty && deferred != nil)
        #expect(whole.0.flows.filter(\.bidirectional).count == 40 && whole.0.accesses.filter(\.admin).count == 80)
        expectSame(text, "known clauses", pieceSize: text.utf8.count / 3)
        let wrongEnds = [
            "link a -- p { separation logical }", "flow a -> a carries d { encryption fips }",
            "link a -> c { separation logical }", "access c -> nosuch { admin yes; mfa yes }",
            "flow a -> d carries d { encryption fips }",
        ]
        for wrong in wrongEnds {
            var lines = valid
            lines[30] += "\n" + wrong
            let text = declarations + lines.joined(separator: "\n") + "\n"
            let (whole, _, _, _, _) = threeWays(text, pieceSize: text.utf8.count / 3)
            #expect(whole.1.count == 1, "\(wrong): not one error")
            expectSame(text, wrong, pieceSize: text.utf8.count / 3)
        }
    }

    /// A small file, in one piece with its relations in its tree, before a large one that deferred them: the
    /// runs of statements are not read ahead, and the runs after them are.
    @Test func aFileInOnePieceBeforeADeferringOneResolvesAsOnePass() throws {
        let small = SourceFile(path: "small.scope", text: "data d { class cui }\nasset a { type server }\nflow a -> b carries d\n")
        let large = SourceFile(path: "large.scope", text: (0..<40).map { n in
            "asset b\(n) { type server }\nflow a -> b\(n) carries d { encryption fips }\nlink a -- b\(n)\n"
        }.joined() + "asset b { type workstation }\n")
        let whole = try #require(Resolver.resolve([Parser.parse(small, pieceSize: .max).tree, Parser.parse(large, pieceSize: .max).tree]))
        let deferred = Parser.parse(large, pieceSize: 1, deferringRelations: true).tree
        #expect(deferred.defersRelations && whole.1.isEmpty)
        for readingAhead in [Resolver.ReadingAhead.everything, .nothing] {
            let mixed = try #require(Resolver.resolve([Parser.parse(small, pieceSize: .max).tree, deferred], readingAhead: readingAhead))
            #expect(mixed.0.flows == whole.0.flows && mixed.0.links == whole.0.links, "\(readingAhead)")
            #expect(mixed.1.isEmpty, "\(readingAhead)")
        }
    }

    /// Clauses that `known` knows are skipped, without a token: the body gets the relation's keyword, ends and
    /// arrow alone, with what is known of them. Clauses it does not know are read; no clauses are never asked of.
    @Test func knownClausesAreSkipped() {
        let text = "flow a -> b carries d { protocol \"x;\" } # note\nflow b -> a \"label\"\naccess a -> b\n"
        let file = SourceFile(path: "m.scope", text: text)
        let deferred = Array(Parser.parse(file, pieceSize: 1, deferringRelations: true).tree.deferred.joined())
        var asked: [String] = [], read: [(relation: Relation, clauses: String, known: Int?)] = []
        let clean = Parser.parseRelations(in: file, deferred[...], knownClauses: { kind, clauses in
            asked.append(file.text(clauses))
            return file.text(clauses).hasPrefix("carries") ? 7 : nil
        }) { relation, clauses, known in
            read.append((relation, file.text(clauses), known))
            return true
        }
        #expect(clean)
        #expect(asked == ["carries d { protocol \"x;\" } # note", "\"label\""])
        #expect(read.map(\.clauses) == ["carries d { protocol \"x;\" } # note", "\"label\"", ""])
        #expect(read.map(\.known) == [7, nil, nil])
        #expect(read[0].relation.carries == nil && read[0].relation.body == nil && read[0].relation.to.text == "b")
        #expect(read[1].relation.label?.text == "label")
    }

    /// A stray `}` (or an unclosed `{`) makes the skip run past the statements after the relation, to the end
    /// of its piece, so declarations go unseen: the relation then fails to parse, and nothing of that read is
    /// kept. The model is loaded again, deferring nothing, with the messages of one parse.
    @Test func aBrokenDeferredRelationHidesNoDeclaration() {
        let text = "asset a { type server }\nasset x { type server }\nflow a -> x }\nasset b { type server }\nasset c { type server }\n"
        let (whole, _, deferred, _, _) = threeWays(text)
        #expect(deferred == nil)
        #expect(whole.0.assets.map(\.id) == ["a", "x", "b", "c"])
        #expect(load(text).diagnostics.map(\.message) == ["expected end of statement, found `}`"])
    }

    /// An error in any piece sends every relation back to one pass in order: the messages come in file
    /// order, and the "did you mean" searches, limited in number, go to the first undefined names.
    @Test(arguments: PieceParsingTests.seeds) func aRelationInErrorIsReportedAsByOnePass(seed: UInt64) {
        var generator = ModelGenerator(seed: seed)
        var lines = generator.model().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var random = SeededRandom(seed: seed)
        let relations = lines.indices.filter { ["flow ", "link ", "access ", "protects "].contains(where: lines[$0].hasPrefix) }
        for line in relations.shuffled(using: &random).prefix(30) {
            // An undefined name, or a misspelt one that a suggestion can find.
            var words = lines[line].split(separator: " ", omittingEmptySubsequences: false).map(String.init)
            words[1] = Bool.random(using: &random) ? "nosuch\(line)" : words[1] + "x"
            lines[line] = words.joined(separator: " ")
        }
        let text = lines.joined(separator: "\n")
        let (whole, _, deferred, _, _) = threeWays(text)
        #expect(!whole.1.isEmpty || relations.isEmpty, "seed \(seed): no error to report")
        // Deferred relations that parse are resolved again in order, without loading the model again.
        #expect(deferred != nil, "seed \(seed): relations with undefined names sent the model back to a plain load")
        expectSame(text, "seed \(seed)")
    }

    /// Suppressions among the relations keep their place: the first 25 misspelt names, in file order, get a
    /// "did you mean", whichever statement they are in.
    @Test func moreMisspeltNamesThanSuggestionsGetTheirHintsInFileOrder() {
        let declarations = "asset server1 { type server }\nasset server2 { type server }\n"
        let statements = (1...40).map { n in
            n % 2 == 0 ? "suppress some-rule on server\(n % 2 + 1)x \"why\"\n" : "link server\(n % 2 + 1)x -- server\(2 - n % 2)\n"
        }.joined()
        let text = declarations + statements
        expectSame(text, "40 misspelt names")
        // In file order, as the loader sorts them.
        let diagnostics = load(text).diagnostics.filter { $0.code == .undefinedIdentifier }
        #expect(diagnostics.count == 40)
        #expect(diagnostics.prefix(25).allSatisfy { $0.hint?.hasPrefix("did you mean") == true })
        #expect(diagnostics.dropFirst(25).allSatisfy { $0.hint?.hasPrefix("did you mean") == false })
    }
}
