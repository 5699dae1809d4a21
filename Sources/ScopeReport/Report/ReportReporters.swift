import Mustache

/// `cuiscope report`: one self-contained HTML page (docs/output.md): summary, diagrams, inventory by
/// category, providers, findings, accepted risks, requirements and the ISO 27001 overlap.
public struct HTMLReportReporter: Reporter {
    public init() {}

    public func write(_ report: AssessmentReport, to output: inout some TextOutputStream) {
        ReportTemplates.html.write(ReportContent.page(report), to: &output)
    }
}

/// `cuiscope report --format markdown`: the same content as the HTML page, for pasting into an SSP; every
/// model string escaped as Markdown text.
public struct MarkdownReportReporter: Reporter {
    public init() {}

    public func write(_ report: AssessmentReport, to output: inout some TextOutputStream) {
        ReportTemplates.markdown.write(ReportContent.page(report), to: &output)
    }
}

/// The templates, parsed once, their long lists streamed. They are ours and tested, so a parse error is a
/// bug, not an input error.
enum ReportTemplates {
    private static let streamed = ["inventory", "providers", "findings", "suppressions", "requirementsAtRisk"]
    static let html = StreamedTemplate(HTMLReportTemplate.text, streamed: streamed)
    static let markdown: StreamedTemplate = {
        MustacheContentTypes.register(MarkdownContent(), named: "MARKDOWN")
        return StreamedTemplate(MarkdownReportTemplate.text, streamed: streamed)
    }()

    struct MarkdownContent: MustacheContentType {
        func escapeText(_ text: String) -> String { Markdown.text(text) }
    }
}
