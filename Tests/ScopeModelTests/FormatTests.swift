import Testing
@testable import ScopeModel

func format(_ text: String) throws -> String {
    let (tree, diagnostics) = Parser.parse(SourceFile(path: "f.scope", text: text))
    #expect(diagnostics.isEmpty, "\(diagnostics.map(summary))")
    return CanonicalPrinter.format(tree)
}

/// `fmt`: the canonical form of docs/language.md.
@Suite struct FormatTests {
    @Test func canonicalLayout() throws {
        let messy = """


        # Assets
        asset   plm "PLM"{type server;stores  d,e
            encryption   fips}
        data d{class cui}
        data e { class cui }



        flow plm->plm2  carries d,e via fw   "Sync"{encryption fips;remote yes}
        flow plm<->plm2 carries   none
        link a--b{separation logical}
        suppress unlabeled-flow on a->b "why \\"quoted\\""
        include   "x.scope"
        zone z{separation logical;zone inner{asset a{type server}}}
        zone empty { }
        """
        #expect(try format(messy) == """
        # Assets
        asset plm "PLM" {
          type server
          stores d, e
          encryption fips
        }

        data d {
          class cui
        }

        data e {
          class cui
        }

        flow plm -> plm2 carries d, e via fw "Sync" { encryption fips; remote yes }
        flow plm <-> plm2 carries none
        link a -- b { separation logical }
        suppress unlabeled-flow on a -> b "why \\"quoted\\""
        include "x.scope"

        zone z {
          separation logical
          zone inner {
            asset a {
              type server
            }
          }
        }

        zone empty

        """)
    }

    @Test func commentsAreKeptInPlace() throws {
        let text = """
        # header

        # about plm
        asset plm { # trailing on the brace
          # before type
          type server   # trailing on type
          stores d  # aligned with the line above
          # last in block
        }  # after the block
        flow a -> b { # inside
          encryption fips
        }
        // slash comment
        """
        #expect(try format(text) == """
        # header

        # about plm
        asset plm {  # trailing on the brace
          # before type
          type server  # trailing on type
          stores d     # aligned with the line above
          # last in block
        }  # after the block

        flow a -> b {  # inside
          encryption fips
        }
        // slash comment

        """)
    }

    @Test func blankLinesBetweenSmallStatementsAreKeptButCollapsed() throws {
        #expect(try format("flow a -> b\n\n\n\nflow b -> c\nflow c -> d\n") == "flow a -> b\n\nflow b -> c\nflow c -> d\n")
    }

    @Test func semicolonJoinedStatementsSplitAndKeepTheirComment() throws {
        #expect(try format("flow a -> b; flow b -> c  # both\n") == "flow a -> b\nflow b -> c  # both\n")
    }

    @Test func idempotentOnTheExamplesAndTheStarter() throws {
        for path in Examples.paths {
            let text = String(decoding: try FileSystemLoader().load(path), as: UTF8.self)
            #expect(try format(text) == text, "\(path) is not canonical")
        }
        #expect(try format(StarterModel.text) == StarterModel.text)
        #expect(!Examples.paths.isEmpty)
    }

    @Test func formattingKeepsTheMeaning() throws {
        for path in Examples.paths {
            let text = String(decoding: try FileSystemLoader().load(path), as: UTF8.self)
            let squashed = text.split(separator: "\n").map { $0.trimmingPrefix(while: \.isWhitespace) }.joined(separator: "\n")
            #expect(semanticDump(try model(try format(squashed))) == semanticDump(try model(text)))
        }
    }
}
