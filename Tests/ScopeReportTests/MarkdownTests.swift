import ScopeAnalysis
@testable import ScopeReport
import Testing

/// Model text cannot break out of the Markdown a pull-request comment is made of.
@Suite struct MarkdownTests {
    @Test func codeSpansShowTextLiterally() {
        #expect(Markdown.code("admin -> srv") == "`admin -> srv`")
        #expect(Markdown.code("a`b\nc") == "`a'b c`")
    }

    @Test func tableCellsEscapeWhatWouldEndThem() {
        #expect(Markdown.text("a | b <img> `x`\nc") == "a \\| b &lt;img&gt; \\`x\\` c")
        #expect(Markdown.text("![x](http://h/i.png) @ops **b** #1") == "\\!\\[x\\](http://h/i.png) &#64;ops \\*\\*b\\*\\* \\#1")
    }

    /// ASCII is escaped a byte at a time, other text a character at a time: both escape alike.
    @Test func asciiAndOtherTextAreEscapedAlike() {
        #expect(Markdown.text("plain text, no markup") == "plain text, no markup")
        #expect(Markdown.text("é | <b> \\ _x_ ~y~") == "é \\| &lt;b&gt; \\\\ \\_x\\_ \\~y\\~")
        #expect(Markdown.text("e | <b> \\ _x_ ~y~") == "e \\| &lt;b&gt; \\\\ \\_x\\_ \\~y\\~")
        // CR LF is one character, so one space; a lone CR, LF, VT or FF each one space too.
        #expect(Markdown.text("a\r\nb\rc\nd\u{0B}e\u{0C}f") == "a b c d e f")
        #expect(Markdown.text("é\r\nb\u{2028}c") == "é b c")
        #expect(Markdown.text("`id` and `x`", keepingCode: true) == "`id` and `x`")
        #expect(Markdown.text("`id` and é", keepingCode: true) == "`id` and é")
    }

    @Test func aLabelWithALineBreakStaysInsideTheRelationFence() throws {
        let base = try analyze("asset a { type server }\nasset b { type server }\n")
        let head = try analyze("asset a { type server }\nasset b { type server }\nflow a -> b carries none \"x\\n```\\n# pwned\"\n")
        let markdown = DiffMarkdownReporter().render(DiffReport(ScopeDiff(base: base, head: head), base: "b.scope", head: "h.scope"))
        let fence = try #require(markdown.components(separatedBy: "```\n").dropFirst().first)
        #expect(fence == "+ flow a -> b carries none \"x ''' # pwned\" (m.scope:3)\n")
        #expect(!markdown.contains("\n# pwned"))
    }
}
