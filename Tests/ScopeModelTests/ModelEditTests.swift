import Testing
import ScopeModel

/// `ModelEditor` changes only the lines an edit involves, keeps comments, and leaves a canonical file
/// canonical; `UnifiedDiff` prints what `diff -u` would.
@Suite struct ModelEditTests {
    /// `text` with `edit` applied to the statement starting with `statement`.
    func edited(_ text: String, at statement: String, _ edit: (Int) -> ModelEdit) throws -> String {
        let offset = try #require(text.utf8.firstRange(of: statement.utf8)).lowerBound
        return ModelEditor(file: SourceFile(path: "m.scope", text: text)).apply([edit(text.utf8.distance(from: text.utf8.startIndex, to: offset))])
    }

    func isCanonical(_ text: String) -> Bool {
        let (tree, diagnostics) = Parser.parse(SourceFile(path: "m.scope", text: text))
        return diagnostics.isEmpty && CanonicalPrinter.format(tree) == text
    }

    let zones = """
    # The office.
    zone office "Office" {
      asset pc "PC" {
        type workstation
        stores a, b, c  # three items
      }
    }

    zone lab {
      separation none

      asset scope {
        type test-equipment
      }
    }

    """

    @Test func aZoneWithoutAttributesGetsTheAttributeFirstThenABlankLine() throws {
        let text = try edited(zones, at: "zone office") { .setAttribute(statement: $0, key: "separation", value: "logical") }
        #expect(text.contains("zone office \"Office\" {\n  separation logical\n\n  asset pc \"PC\" {"))
        #expect(text.hasPrefix("# The office.\n"))
        #expect(isCanonical(text))
    }

    @Test func anAttributeAlreadyWrittenIsReplacedInPlace() throws {
        let text = try edited(zones, at: "zone lab") { .setAttribute(statement: $0, key: "separation", value: "logical") }
        #expect(text == zones.replacingOccurrences(of: "separation none", with: "separation logical"))
    }

    @Test func aNewAttributeGoesAfterTheLastOneWithItsIndent() throws {
        let text = try edited(zones, at: "asset pc") { .setAttribute(statement: $0, key: "policy", value: "\"SOP-1\"") }
        #expect(text.contains("    stores a, b, c  # three items\n    policy \"SOP-1\"\n  }"))
        #expect(isCanonical(text))
    }

    @Test func oneLineBlocksAndBarStatementsGetTheAttributeInline() throws {
        let model = "link a -- b { wireless yes }\nlink c -- d\nlink e -- f {}\n"
        #expect(try edited(model, at: "link a") { .setAttribute(statement: $0, key: "separation", value: "logical") }
            == "link a -- b { separation logical; wireless yes }\nlink c -- d\nlink e -- f {}\n")
        #expect(try edited(model, at: "link c") { .setAttribute(statement: $0, key: "separation", value: "logical") }
            == "link a -- b { wireless yes }\nlink c -- d { separation logical }\nlink e -- f {}\n")
        #expect(try edited(model, at: "link e") { .setAttribute(statement: $0, key: "separation", value: "logical") }
            == "link a -- b { wireless yes }\nlink c -- d\nlink e -- f { separation logical }\n")
    }

    @Test func aCRLFFileKeepsItsLineBreaks() throws {
        let windows = zones.replacingOccurrences(of: "\n", with: "\r\n")
        let text = try edited(windows, at: "asset pc") { .setAttribute(statement: $0, key: "policy", value: "\"SOP-1\"") }
        #expect(text.contains("    policy \"SOP-1\"\r\n  }"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(try edited("zone z\r\nflow a -> b\r\nflow b -> c\r\n", at: "flow a") { .delete(statement: $0) } == "zone z\r\nflow b -> c\r\n")
    }

    @Test func carryNothingLabelsOnlyAnUnlabeledFlow() throws {
        let model = "flow a -> b \"Print jobs\" { remote yes }\nflow a -> c carries x\n"
        #expect(try edited(model, at: "flow a -> b") { .carryNothing(flow: $0) }
            == "flow a -> b carries none \"Print jobs\" { remote yes }\nflow a -> c carries x\n")
        #expect(try edited(model, at: "flow a -> c") { .carryNothing(flow: $0) } == model)
    }

    @Test func removingAValueKeepsTheRestOfTheList() throws {
        let middle = try edited(zones, at: "asset pc") { .removeValue(statement: $0, key: "stores", value: "b") }
        #expect(middle.contains("    stores a, c  # three items\n"))
        let first = try edited(zones, at: "asset pc") { .removeValue(statement: $0, key: "stores", value: "a") }
        #expect(first.contains("    stores b, c  # three items\n"))
        let only = "asset pc {\n  type server\n  stores a\n}\n"
        #expect(try edited(only, at: "asset pc") { .removeValue(statement: $0, key: "stores", value: "a") } == "asset pc {\n  type server\n}\n")
        #expect(try edited(only, at: "asset pc") { .removeValue(statement: $0, key: "stores", value: "zz") } == only)
    }

    @Test func deletingAStatementTakesItsLineAndNoBlankLineIsLeftDoubled() throws {
        let model = "zone z\n\n# flows\nflow a -> b\nflow b -> c  # second\n\naccess a -> b { admin yes }\n"
        #expect(try edited(model, at: "flow a -> b") { .delete(statement: $0) } == "zone z\n\n# flows\nflow b -> c  # second\n\naccess a -> b { admin yes }\n")
        #expect(try edited(model, at: "access a") { .delete(statement: $0) } == "zone z\n\n# flows\nflow a -> b\nflow b -> c  # second\n")
        #expect(try edited("asset a { type server }; asset b\n", at: "asset b") { .delete(statement: $0) } == "asset a { type server }\n")
    }

    @Test func aUnifiedDiffHasThreeLinesOfContextAndMergesNearbyChanges() throws {
        let lines = (1...20).map { "data d\($0)" }
        let text = lines.joined(separator: "\n") + "\n"
        let file = SourceFile(path: "m.scope", text: text)
        let editor = ModelEditor(file: file)
        func offset(_ line: Int) -> Int { lines[..<(line - 1)].reduce(0) { $0 + $1.utf8.count + 1 } }
        let one = editor.replacements([.setAttribute(statement: offset(10), key: "class", value: "cui")])
        #expect(UnifiedDiff.text(of: one, in: file) == """
        --- a/m.scope
        +++ b/m.scope
        @@ -7,7 +7,7 @@
         data d7
         data d8
         data d9
        -data d10
        +data d10 { class cui }
         data d11
         data d12
         data d13

        """)
        // Lines 2 and 6 share their context: one hunk. Line 20 is a hunk of its own, cut at the end of the file.
        let three = editor.replacements([2, 6, 20].map { .delete(statement: offset($0)) })
        #expect(UnifiedDiff.text(of: three, in: file) == """
        --- a/m.scope
        +++ b/m.scope
        @@ -1,9 +1,7 @@
         data d1
        -data d2
         data d3
         data d4
         data d5
        -data d6
         data d7
         data d8
         data d9
        @@ -17,4 +15,3 @@
         data d17
         data d18
         data d19
        -data d20

        """)
        #expect(UnifiedDiff.text(of: [], in: file).isEmpty)
    }
}
