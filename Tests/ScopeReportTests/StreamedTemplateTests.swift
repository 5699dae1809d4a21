import Mustache
import ScopeAnalysis
@testable import ScopeReport
import Testing

/// A streamed page is byte for byte what Mustache renders for the whole template with every list in its
/// context.
@Suite struct StreamedTemplateTests {
    /// The page with its lists made whole, as one Mustache context.
    func whole(_ page: StreamedTemplate.Page) -> [String: Any] {
        page.rows.reduce(into: page.context) { context, list in context[list.key] = (0..<list.value.count).map(list.value.row) }
    }

    func streamed(_ template: StreamedTemplate, _ page: StreamedTemplate.Page) -> String {
        var output = ""
        template.write(page, to: &output)
        return output
    }

    @Test func sectionsAloneOnTheirLineOrInlineAreCutAsMustacheWould() throws {
        let text = "{{title}}\n  {{#items}}\n- {{name}}\n  {{/items}}\n[{{#tags}}<{{name}}>{{/tags}}]\n{{#items}}{{name}},{{/items}}\nend {{title}}"
        let rows: [String: StreamedTemplate.Rows] = [
            "items": .init(count: 3) { ["name": "item \($0)"] },
            "tags": .init(count: 2) { ["name": "<tag \($0)>"] },
        ]
        for page in [StreamedTemplate.Page(context: ["title": "T"], rows: rows), StreamedTemplate.Page(context: [:], rows: [:])] {
            let expected = try MustacheTemplate(string: text).render(whole(page))
            #expect(streamed(StreamedTemplate(text, streamed: ["items", "tags"]), page) == expected)
        }
        #expect(streamed(StreamedTemplate(text, streamed: ["items", "tags"]), .init(context: ["title": "T"], rows: rows))
            == "T\n- item 0\n- item 1\n- item 2\n[<&lt;tag 0&gt;><&lt;tag 1&gt;>]\nitem 0,item 1,item 2,\nend T")
    }

    /// Every section of the report at once: two categories (an SPA declared between CUI assets), a provider,
    /// open and accepted findings and requirements at risk, in HTML and in Markdown (whose content type the pragma sets in every part).
    @Test func theReportIsWhatMustacheRendersForTheWholeTemplate() throws {
        let analysis = try analyze("""
            organization "Acme <Machining> & Sons" { level 2 }
            data drawings { class cui; category CTI }
            data logs { class spd }
            provider mailhost "MailHost | Pro" { type csp; fedramp none; country US }
            zone floor {
              asset fs "File *server*" { type server; stores drawings; owner "IT" }
              asset kiosk { type workstation }
            }
            asset ws { type workstation; processes drawings }
            asset fw { type firewall }
            asset siem { type siem }
            asset lobby-tv { type workstation }
            flow ws -> mailhost carries drawings
            flow ws -> fs carries drawings via fw
            flow fs -> siem carries logs
            suppress unscoped-touchpoint on kiosk "The kiosk is scheduled for removal."
            """)
        let report = AssessmentReport(ModelReport(analysis, path: "m.scope"), diagrams: [.init(view: "boundary", title: "Boundary", svg: "<svg/>")])
        let page = ReportContent.page(report)
        for name in ["inventory", "providers", "findings", "suppressions", "requirementsAtRisk"] {
            #expect((page.rows[name]?.count ?? 0) > 0, "\(name) is empty, so the test would not cover it")
        }
        let html = try MustacheTemplate(string: HTMLReportTemplate.text).render(whole(page))
        #expect(HTMLReportReporter().render(report) == html)
        _ = ReportTemplates.markdown  // registers the Markdown content type
        let markdown = try MustacheTemplate(string: MarkdownReportTemplate.text).render(whole(page))
        #expect(MarkdownReportReporter().render(report) == markdown)
        #expect(markdown.contains("MailHost \\| Pro"))
    }
}
