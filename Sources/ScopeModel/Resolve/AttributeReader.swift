/// Reads one attribute's values as the type its key requires, reporting anything else.
struct AttributeReader {
    let attribute: Attribute
    /// Not counted, like `SourceSpan.file`: a million relations read their attributes on every core.
    unowned(unsafe) let file: SourceFile

    var key: String { attribute.key.text }

    func span(_ value: Value) -> SourceSpan { SourceSpan(file: file, offset: value.offset, length: value.length) }

    /// The single value of a scalar attribute.
    func single(_ diagnostics: inout DiagnosticBag) -> Value? {
        guard attribute.values.count == 1 else {
            diagnostics.error(.wrongValueKind, "`\(key)` takes one value, not \(attribute.values.count)", at: span(attribute.values[1]),
                              hint: "remove the extra values")
            return nil
        }
        return attribute.values[0]
    }

    // `what` is only built for an error: a million relations read a million attributes.
    func word<W: ModelWord>(_ type: W.Type, _ what: @autoclosure () -> String, _ diagnostics: inout DiagnosticBag) -> W? {
        guard let value = single(&diagnostics) else { return nil }
        return parse(value, as: type, what(), &diagnostics)
    }

    func words<W: ModelWord>(_ type: W.Type, _ what: @autoclosure () -> String, _ diagnostics: inout DiagnosticBag) -> [W] {
        attribute.values.compactMap { parse($0, as: type, what(), &diagnostics) }
    }

    private func parse<W: ModelWord>(_ value: Value, as type: W.Type, _ what: @autoclosure () -> String,
                                     _ diagnostics: inout DiagnosticBag) -> W? {
        if value.kind == .identifier, let word = W(rawValue: value.text) { return word }
        let shown = value.kind == .string ? "\"\(value.text)\"" : "`\(value.text)`"
        let suggestion = Suggestion.nearest(to: value.text, in: W.allCases.map(\.rawValue))
        let hint = suggestion.map { "did you mean `\($0)`?" } ?? "expected \(W.spellings)"
        diagnostics.error(.unknownValue, "unknown \(what()) \(shown)", at: span(value), hint: hint)
        return nil
    }

    func bool(_ diagnostics: inout DiagnosticBag) -> Bool? {
        word(Knowledge.self, "value for `\(key)`", &diagnostics).flatMap { knowledge in
            if knowledge == .unknown {
                diagnostics.error(.unknownValue, "`\(key)` is `yes` or `no`", at: span(attribute.values[0]))
                return nil
            }
            return knowledge == .yes
        }
    }

    func number(in range: ClosedRange<Int>, _ diagnostics: inout DiagnosticBag) -> Int? {
        guard let value = single(&diagnostics) else { return nil }
        guard value.kind == .number, let number = Int(value.text), range.contains(number) else {
            let bounds = range.upperBound == Int.max ? "a whole number from \(range.lowerBound)"
                : "a whole number from \(range.lowerBound) to \(range.upperBound)"
            diagnostics.error(.unknownValue, "`\(key)` takes \(bounds), not `\(value.text)`", at: span(value))
            return nil
        }
        return number
    }

    func string(_ diagnostics: inout DiagnosticBag) -> String? {
        guard let value = single(&diagnostics) else { return nil }
        guard value.kind == .string else {
            diagnostics.error(.wrongValueKind, "`\(key)` takes a string in quotes", at: span(value),
                              hint: "write `\(key) \"\(value.text)\"`")
            return nil
        }
        return value.text
    }

    /// Bare words such as CUI Registry abbreviations (`CTI`, `EXPT`, `REL-TO-USA`).
    func identifiers(_ diagnostics: inout DiagnosticBag) -> [String] {
        attribute.values.compactMap { value in
            guard value.kind == .identifier else {
                diagnostics.error(.wrongValueKind, "`\(key)` takes identifiers, not \(value.kind == .string ? "a string" : "a number")",
                                  at: span(value))
                return nil
            }
            return value.text
        }
    }

    /// CUI Registry markings, each checked by `registry` (`CUIRegistry.category` or `.dissemination`).
    func markings(_ what: String, _ registry: (String) -> (marking: String?, hint: String?), _ diagnostics: inout DiagnosticBag) -> [String] {
        identifiers(&diagnostics).enumerated().compactMap { index, word in
            let (marking, hint) = registry(word)
            if marking == nil { diagnostics.error(.unknownMarking, "`\(word)` is not a CUI Registry \(what)", at: span(attribute.values[index]), hint: hint) }
            return marking
        }
    }

    /// An ISO 3166 alpha-2 code, or nil for `unknown`.
    func country(_ diagnostics: inout DiagnosticBag) -> String?? {
        guard let value = single(&diagnostics) else { return nil }
        if value.kind == .identifier, value.text == "unknown" { return .some(nil) }
        let bytes = Array(value.text.utf8)
        guard value.kind == .identifier, bytes.count == 2, bytes.allSatisfy({ $0 >= 65 && $0 <= 90 }) else {
            diagnostics.error(.unknownValue, "`country` takes an ISO 3166 alpha-2 code such as `US`, not `\(value.text)`", at: span(value),
                              hint: "two capital letters, or `unknown`")
            return nil
        }
        return .some(value.text)
    }
}
