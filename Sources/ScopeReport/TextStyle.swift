import ScopeAnalysis
import ScopeModel

/// ANSI styling for terminal output, or none.
public struct TextStyle: Sendable {
    public var colored: Bool

    public init(colored: Bool) { self.colored = colored }

    /// Text from the model (labels, reasons, justifications), shown on one line with every control
    /// character escaped: a label cannot move the cursor, clear the screen or fake a line of output.
    func literal(_ text: String) -> String {
        // Most text has nothing to escape; 0xC2 leads every C1 control in UTF-8.
        guard text.containsUTF8(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 }) else { return text }
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
    var citation: String { [self].citations.joined() }
}

extension [Requirement] {
    /// One citation per practice, in order: a practice a rule may cite at two values is one entry,
    /// `SC.L2-3.13.11 (3 or 5 points, POA&M-eligible at 3 points only)`.
    var citations: [String] {
        // A finding cites a handful: a scan beats a dictionary per finding.
        var practices: [String] = []
        for requirement in self where !practices.contains(requirement.practice) { practices.append(requirement.practice) }
        return practices.map { practice in
            let group = filter { $0.practice == practice }
            let values = group.compactMap(\.points).sorted().map(String.init)
            let points = values.isEmpty ? "no SPRS points"
                : values.joined(separator: " or ") + (values == ["1"] ? " point" : " points")
            let eligible = group.filter(\.poam)
            let poam = eligible.isEmpty ? "not POA&M-eligible" : eligible.count == group.count ? "POA&M-eligible"
                : "POA&M-eligible at " + eligible.compactMap(\.points).map { "\($0) point\($0 == 1 ? "" : "s")" }.joined(separator: " or ") + " only"
            return "\(practice) (\(points), \(poam))"
        }
    }
}
