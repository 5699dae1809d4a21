import ScopeModel

/// `cuiscope explain-error CODE`: what a diagnostic code means, a model that produces it, and the same model
/// fixed. With every code and a heading, it is docs/diagnostics.md, word for word.
public struct DiagnosticCodesReporter: Reporter {
    public struct Input: Sendable {
        public let codes: [DiagnosticCode]
        /// The whole document, with its heading and introduction.
        public let document: Bool

        public init(codes: [DiagnosticCode], document: Bool) {
            self.codes = codes
            self.document = document
        }
    }

    public init() {}

    public func write(_ input: Input, to output: inout some TextOutputStream) {
        if input.document {
            output.write("""
            # Diagnostics

            Every problem cuiscope finds in a model has a stable code, printed after its message (`[E050]`), carried
            in JSON (`code`) and SARIF (`ruleId`). `cuiscope explain-error CODE` prints the section below for that
            code. Codes starting with `E` are errors (exit 2); `W`, warnings. Related places (the first definition
            of a duplicate, the steps of a cycle, the includes that led to an error) are printed as notes, each at
            its own location, and carried as `notes` in JSON and `relatedLocations` in SARIF.
            This page is generated: `make docs` writes it from the code.


            """)
        }
        for (index, code) in input.codes.enumerated() {
            if index > 0 { output.write("\n") }
            output.write("## \(code.rawValue): \(code.title)\n\n\(code.explanation)\n")
            if !code.wrong.isEmpty {
                output.write("\nWrong:\n\n```\n\(visible(code.wrong))\n```\n\nFixed:\n\n```\n\(visible(code.fixed))\n```\n")
            }
        }
    }

    /// Examples with a control character show it escaped, as the message does.
    private func visible(_ text: String) -> String {
        text.unicodeScalars.map { $0 == "\n" || $0.value >= 0x20 && $0.value != 0x7F ? String($0) : "\\u{\(String($0.value, radix: 16, uppercase: true))}" }.joined()
    }
}
