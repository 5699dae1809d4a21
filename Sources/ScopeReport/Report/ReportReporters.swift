import Mustache

/// `cuiscope report`: one self-contained HTML page (docs/output.md): summary, diagrams, inventory by
/// category, providers, findings, accepted risks, requirements and the ISO 27001 overlap.
public struct HTMLReportReporter: Reporter {
    public init() {}

    public func write(_ report: AssessmentReport, to output: inout some TextOutputStream) {
        output.write(ReportTemplates.html.render(ReportContent.context(report)))
    }
}

/// `cuiscope report --format markdown`: the same content as the HTML page, for pasting into an SSP; every
/// model string escaped as Markdown text.
public struct MarkdownReportReporter: Reporter {
    public init() {}

    public func write(_ report: AssessmentReport, to output: inout some TextOutputStream) {
        output.write(ReportTemplates.markdown.render(ReportContent.context(report)))
    }
}

/// The templates, parsed once. They are ours and tested, so a parse error is a bug, not an input error.
enum ReportTemplates {
    static let html = try! MustacheTemplate(string: HTMLReportTemplate.text)
    static let markdown: MustacheTemplate = {
        MustacheContentTypes.register(MarkdownContent(), named: "MARKDOWN")
        return try! MustacheTemplate(string: MarkdownReportTemplate.text)
    }()

    struct MarkdownContent: MustacheContentType {
        func escapeText(_ text: String) -> String { Markdown.text(text) }
    }
}
