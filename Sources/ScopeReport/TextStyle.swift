import ScopeAnalysis

/// ANSI styling for terminal output, or none.
public struct TextStyle: Sendable {
    public var colored: Bool

    public init(colored: Bool) { self.colored = colored }

    /// Text from the model (labels, reasons, justifications), shown on one line with every control
    /// character escaped: a label cannot move the cursor, clear the screen or fake a line of output.
    func literal(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value):
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    func paint(_ text: String, _ code: String) -> String { colored ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
    func bold(_ text: String) -> String { paint(text, "1") }
    func dim(_ text: String) -> String { paint(text, "2") }

    /// `error:`, as a finding's line starts, compiler style.
    func severity(_ severity: Severity) -> String { severityWord(severity, suffix: ":") }

    /// `error`, colored.
    func severityWord(_ severity: Severity, suffix: String = "") -> String {
        switch severity {
        case .error: paint("error" + suffix, "1;31")
        case .warning: paint("warning" + suffix, "1;35")
        case .info: paint("info" + suffix, "1;36")
        }
    }

    func category(_ category: AssetCategory) -> String {
        switch category {
        case .cui, .fci: paint(category.rawValue, "31")
        case .spa: paint(category.rawValue, "34")
        case .crma: paint(category.rawValue, "33")
        case .specialized: paint(category.rawValue, "35")
        case .out, .outsideCMMC: dim(category.rawValue)
        }
    }
}

extension Requirement {
    /// `AC.L2-3.1.20 (1 point, not POA&M-eligible)`.
    var citation: String {
        let points = points.map { "\($0) point\($0 == 1 ? "" : "s")" } ?? "no SPRS points"
        return "\(practice) (\(points), \(poam ? "POA&M-eligible" : "not POA&M-eligible"))"
    }
}
