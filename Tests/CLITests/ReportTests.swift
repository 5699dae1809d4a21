import Foundation
import Testing

/// `cuiscope report`: the HTML page as headless Chromium loads it (no console message, no network request,
/// every asset anchored, every in-page link resolving), and the Markdown with the same content.
@Suite struct ReportTests {
    /// What Chromium saw loading a page: its DOM after load, its console messages, and the URLs the page
    /// itself asked for (the browser's own background requests are not the page's).
    struct Loaded {
        let dom: String
        let console: [String]
        let requests: [String]

        /// Every `id` in the DOM, and every in-page link target (`href` or `xlink:href` starting with `#`).
        var ids: Set<String> { Set(matches(#"\sid="([^"]+)""#)) }
        var links: [String] { matches(##"href="#([^"]*)""##) }

        private func matches(_ pattern: String) -> [String] {
            let regex = try! NSRegularExpression(pattern: pattern)
            return regex.matches(in: dom, range: NSRange(dom.startIndex..., in: dom)).map {
                String(dom[Range($0.range(at: 1), in: dom)!])
            }
        }
    }

    static func load(_ page: URL) throws -> Loaded {
        let directory = page.deletingLastPathComponent()
        let netLog = directory.appendingPathComponent("net-\(page.lastPathComponent).json")
        let result = try CLI.run([
            "chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
            "--disable-background-networking", "--user-data-dir=" + directory.appendingPathComponent("profile-\(page.lastPathComponent)").path,
            "--enable-logging=stderr", "--v=0", "--log-net-log=" + netLog.path, "--dump-dom", page.absoluteString,
        ], executable: "/usr/bin/env")
        #expect(result.status == 0, "chromium (the Makefile installs Debian's chromium): \(result.stderr)")
        let console = result.stderr.split(separator: "\n").filter { $0.contains(":CONSOLE") }.map(String.init)
        // A request the page made carries its (file://, so opaque) origin as initiator; the browser's own do not.
        let log = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: netLog)) as? [String: Any])
        let types = try #require((log["constants"] as? [String: Any])?["logEventTypes"] as? [String: Int])
        let start = try #require(types["URL_REQUEST_START_JOB"])
        let requests = (log["events"] as? [[String: Any]] ?? []).compactMap { event -> String? in
            guard event["type"] as? Int == start, let params = event["params"] as? [String: Any],
                  let url = params["url"] as? String, let initiator = params["initiator"] as? String,
                  initiator != "not an origin", !url.hasPrefix("file:"), !url.hasPrefix("data:") else { return nil }
            return url
        }
        return Loaded(dom: result.stdout, console: console, requests: requests)
    }

    @Test(arguments: CLI.exampleModels)
    func theReportLoadsCleanlyWithAnAnchorPerAssetAndLinksThatResolve(model: String) throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let page = directory.appendingPathComponent(URL(fileURLWithPath: model).lastPathComponent + ".html")
        #expect(try CLI.run(["report", "\(model).scope", "-o", page.path]).status == 0)
        let loaded = try Self.load(page)
        #expect(loaded.console.isEmpty)
        #expect(loaded.requests.isEmpty)
        let scope = try #require(try JSONSerialization.jsonObject(with: Data(CLI.run(["scope", "\(model).scope", "--format", "json"]).stdout.utf8)) as? [String: Any])
        let assets = try #require(scope["assets"] as? [[String: Any]]).compactMap { $0["id"] as? String }
        let ids = loaded.ids
        #expect(assets.allSatisfy { ids.contains("asset-" + $0) }, "\(assets.filter { !ids.contains("asset-" + $0) })")
        #expect(loaded.links.allSatisfy { ids.contains($0) }, "\(Set(loaded.links.filter { !ids.contains($0) }))")
        // Each drawn asset links to its inventory row.
        #expect(loaded.links.contains { $0.hasPrefix("asset-") })
        #expect(["summary", "inventory", "findings", "requirements", "diagram-boundary", "diagram-dataflow", "diagram-network"]
            .allSatisfy(ids.contains))
    }

    @Test func noModelStringBecomesMarkupInTheHTMLOrTheMarkdown() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let hostile = #"</td></table><script>alert(1)</script><img src=\"http://evil.example/x.png\">"#
        try """
        organization "\(hostile)" { level 2 }
        data d { class cui }
        asset pc "\(hostile)" { type workstation; stores d; owner "\(hostile)"; description "| [x](http://evil.example) ![i](http://evil.example/i.png)" }
        """.write(to: directory.appendingPathComponent("m.scope"), atomically: true, encoding: .utf8)
        let page = directory.appendingPathComponent("r.html")
        #expect(try CLI.run(["report", "m.scope", "-o", page.path], in: directory).status == 0)
        let html = try String(contentsOf: page, encoding: .utf8)
        #expect(!html.contains("<script") && !html.contains("<img"))
        #expect(html.contains("&lt;/td&gt;&lt;/table&gt;&lt;script&gt;alert(1)&lt;/script&gt;"))
        let loaded = try Self.load(page)
        #expect(loaded.console.isEmpty && loaded.requests.isEmpty)
        let markdown = try CLI.run(["report", "m.scope", "-o", "-", "--format", "markdown"], in: directory).stdout
        #expect(!markdown.contains("<script") && !markdown.contains(" [x](http") && !markdown.contains("![i]"))
        #expect(markdown.contains("\\| \\[x\\](http://evil.example)"))
    }

    @Test func idsInFindingsAreSetAsCodeAndPointsAreCounted() throws {
        let html = try CLI.run(["report", "Models/acme-precision.scope", "-o", "-"]).stdout
        #expect(html.contains("<p><code>bluewave</code> is not a U.S. person"))
        #expect(html.contains("record <code>mfa yes</code></p>") && !html.contains("`"))
        #expect(html.contains("(5 points, not POA&amp;M-eligible") && html.contains("(no SPRS points, not POA&amp;M-eligible"))
    }

    @Test func theMarkdownHasTheSameInventoryAndFindingsAsTheHTML() throws {
        let markdown = try CLI.run(["report", "Models/acme-precision.scope", "-o", "-", "--format", "markdown"]).stdout
        let check = try #require(try JSONSerialization.jsonObject(with: Data(CLI.run(["check", "Models/acme-precision.scope", "--format", "json", "--fail-on", "never"]).stdout.utf8)) as? [String: Any])
        let findings = try #require(check["findings"] as? [[String: Any]])
        let open = findings.filter { $0["suppressed"] is NSNull }
        #expect(markdown.components(separatedBy: "\n### error: ").count - 1 == open.count { $0["severity"] as? String == "error" })
        #expect(markdown.contains("## Accepted risks") && markdown.contains("| NIST SP 800-171 r2") == false)
        let summary = try #require(check["summary"] as? [String: Any])
        #expect(markdown.contains("SPRS exposure \(summary["sprs-exposure"]!) points"))
        // Same input, same bytes.
        #expect(try CLI.run(["report", "Models/acme-precision.scope", "-o", "-"]).stdout
            == CLI.run(["report", "Models/acme-precision.scope", "-o", "-"]).stdout)
    }
}
