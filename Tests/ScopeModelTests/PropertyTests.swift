import Testing
@testable import ScopeModel

/// Generates valid models with a random layout: spacing, `;` joins, one-line or spread blocks, nested or
/// flat zone membership, comments on their own lines and after statements.
struct ModelGenerator {
    var random: SeededRandom
    private var commentCount = 0

    init(seed: UInt64) { random = SeededRandom(seed: seed) }

    private mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &random) < percent }
    private mutating func pick<T>(_ values: [T]) -> T { values.randomElement(using: &random)! }
    /// Two different ends: a relation never joins an element to itself.
    private mutating func pickEnds(_ from: [String], _ to: [String]) -> (String, String)? {
        guard !from.isEmpty else { return nil }
        let start = pick(from)
        let others = to.filter { $0 != start }
        return others.isEmpty ? nil : (start, pick(others))
    }
    private mutating func pickWord<W: ModelWord>(_ type: W.Type) -> String { pick(W.allCases.map(\.rawValue)) }
    private mutating func space() -> String { String(repeating: " ", count: Int.random(in: 1...3, using: &random)) }

    private mutating func comment() -> String {
        commentCount += 1
        return (chance(50) ? "# " : "// ") + "note \(commentCount)"
    }

    /// A block body in a random layout, from its items.
    private mutating func block(_ items: [String], indent: String) -> String {
        if items.isEmpty { return "" }
        if chance(30) && !items.contains(where: { $0.contains("\n") || $0.contains("#") || $0.contains("//") }) {
            return " {" + space() + items.joined(separator: ";" + space()) + space() + "}"
        }
        var body = " {" + (chance(20) ? " " + comment() : "") + "\n"
        for item in items {
            if chance(15) { body += indent + "  " + comment() + "\n" }
            if chance(10) { body += "\n" }
            body += indent + "  " + item + (chance(15) && !item.contains("\n") ? space() + comment() : "") + "\n"
        }
        return body + indent + "}"
    }

    mutating func model() -> String {
        let data = (0..<Int.random(in: 1...4, using: &random)).map { "d\($0)" }
        let providers = (0..<Int.random(in: 0...3, using: &random)).map { "p\($0)" }
        let zones = (0..<Int.random(in: 0...4, using: &random)).map { "z\($0)" }
        let assets = (0..<Int.random(in: 1...10, using: &random)).map { "a\($0)" }
        let types = assets.map { _ in pickWord(AssetType.self) }
        // People, teams and facilities are no link end and no `via` device.
        let devices = assets.indices.filter { AssetType(rawValue: types[$0])?.isNetworkNode == true }.map { assets[$0] }
        var statements: [String] = []

        if chance(50) {
            statements.append("organization \"Org \(commentCount)\"" + block(["level \(Int.random(in: 1...3, using: &random))",
                                                                              "assessment " + pickWord(AssessmentKind.self)], indent: ""))
        }
        for id in data {
            let dataClass = pickWord(DataClass.self)
            var items = ["class " + dataClass]
            if dataClass == "cui", chance(60) { items.append("category CTI" + (chance(50) ? ", EXPT" : "")) }
            if dataClass == "cui", chance(30) { items.append("dissemination NOFORN") }
            statements.append("data \(id)" + (chance(50) ? " \"Data \(id)\"" : "") + block(items, indent: ""))
        }
        for id in providers {
            var items = ["type " + pickWord(ProviderType.self)]
            if chance(50) { items.append("fedramp " + pickWord(FedRAMPLevel.self)) }
            if chance(50) { items.append("country " + pick(["US", "IN", "unknown"])) }
            if chance(40) { items.append("us-persons " + pickWord(Knowledge.self)) }
            if chance(30) { items.append("crm " + pick(["yes", "no"])) }
            if chance(30) { items.append("cmmc " + pickWord(CMMCStatus.self)) }
            if chance(30) { items.append("dfars-7012 yes") }
            statements.append("provider \(id)" + block(items.shuffled(using: &random), indent: ""))
        }
        // Each asset goes into a zone block, names its zone, or stays at the root.
        var nested: [String: [String]] = [:]
        for (index, id) in assets.enumerated() {
            var items = ["type " + types[index]]
            if chance(30) { items.append("stores " + data.shuffled(using: &random).prefix(2).joined(separator: ", ")) }
            if chance(20) { items.append("processes " + pick(data)) }
            if chance(30) { items.append("encryption " + pickWord(Encryption.self)) }
            if chance(20) { items.append("security firewall, siem") }
            if chance(20) { items.append("policy \"SOP \\\"\(id)\\\"\"") }
            if chance(15) { items.append("category " + pickWord(ClaimedCategory.self)) }
            if chance(10) { items.append("public yes") }
            if chance(10) { items.append("count \(Int.random(in: 1...50, using: &random))") }
            if chance(10), !providers.isEmpty { items.append("hosted-on " + pick(providers)) }
            if chance(10) { items.append("description \"tab\\tand newline\\n\"") }
            let declaration = { (me: inout ModelGenerator, indent: String, extra: [String]) in
                "asset \(id)" + (me.chance(50) ? " \"Asset \(id)\"" : "") + me.block((items + extra).shuffled(using: &me.random), indent: indent)
            }
            if !zones.isEmpty, chance(40) {
                nested[pick(zones), default: []].append(declaration(&self, "  ", []))
            } else if !zones.isEmpty, chance(40) {
                statements.append(declaration(&self, "", ["zone " + pick(zones)]))
            } else {
                statements.append(declaration(&self, "", []))
            }
        }
        for id in zones {
            let items = (chance(50) ? ["separation " + pickWord(Separation.self)] : [])
                + (nested[id] ?? []).map { $0.replacingOccurrences(of: "\n", with: "\n  ") }
            statements.append("zone \(id)" + (chance(50) ? " \"Zone \(id)\"" : "") + block(items, indent: ""))
        }
        let ends = assets + providers
        for _ in 0..<Int.random(in: 0...12, using: &random) {
            switch Int.random(in: 0..<4, using: &random) {
            case 0:
                guard let (from, to) = pickEnds(ends, ends) else { continue }
                var flow = "flow \(from)" + space() + pick(["->", "<->"]) + space() + to
                if chance(50) { flow += " carries " + (chance(20) ? "none" : data.shuffled(using: &random).prefix(2).joined(separator: ", ")) }
                if chance(20), !devices.isEmpty { flow += " via " + pick(devices) }
                if chance(20) { flow += " \"label\"" }
                var attributes: [String] = []
                if chance(40) { attributes.append("encryption " + pickWord(Encryption.self)) }
                if chance(30) { attributes.append("remote " + pick(["yes", "no"])) }
                if chance(20) { attributes.append("protocol \"SFTP\"") }
                statements.append(flow + block(attributes, indent: ""))
            case 1:
                let linkEnds = devices + zones
                var attributes: [String] = []
                if chance(50) { attributes.append("separation " + pickWord(Separation.self)) }
                guard let (a, b) = pickEnds(linkEnds, linkEnds) else { continue }
                statements.append("link \(a) -- \(b)" + (chance(30) && !devices.isEmpty ? " via \(pick(devices))" : "") + block(attributes, indent: ""))
            case 2:
                var attributes: [String] = []
                for key in ["admin", "mfa", "remote", "keys"] where chance(40) { attributes.append("\(key) yes") }
                guard let (from, to) = pickEnds(ends, assets + zones) else { continue }
                statements.append("access \(from) -> \(to)" + block(attributes, indent: ""))
            default:
                guard let (from, to) = pickEnds(ends, assets + zones) else { continue }
                statements.append("protects \(from) -> \(to)")
            }
        }
        if chance(30) { statements.append("suppress unlabeled-flow on \(pick(assets)) \"reason\"") }
        if chance(20) { statements.append("suppress some-rule on \(pick(assets)) -> \(pick(assets)) \"reason\"") }

        var text = chance(30) ? comment() + "\n\n" : ""
        for statement in statements.shuffled(using: &random) {
            if chance(15) { text += comment() + "\n" }
            text += statement
            if chance(20), !statement.contains("\n"), !statement.contains("#"), !statement.contains("//") {
                text += ";" + space()
                continue
            }
            if chance(15) { text += space() + comment() }
            text += chance(20) ? "\n\n" : "\n"
        }
        return text
    }
}

/// `fmt` over generated models: idempotent, meaning-preserving, comment-preserving.
@Suite struct PropertyTests {
    static let seeds = Array(UInt64(1)...300)

    @Test(arguments: seeds) func formatIsIdempotentAndKeepsMeaningAndComments(seed: UInt64) throws {
        var generator = ModelGenerator(seed: seed)
        let text = generator.model()
        let original = load(text)
        #expect(original.diagnostics.isEmpty, "seed \(seed): \(original.diagnostics.map(summary))\n\(text)")
        let (tree, _) = Parser.parse(SourceFile(path: "m.scope", text: text))
        let formatted = CanonicalPrinter.format(tree)
        let (formattedTree, diagnostics) = Parser.parse(SourceFile(path: "m.scope", text: formatted))
        #expect(diagnostics.isEmpty, "seed \(seed): \(diagnostics.map(summary))\n\(formatted)")
        #expect(CanonicalPrinter.format(formattedTree) == formatted, "seed \(seed): not idempotent\n\(formatted)")
        #expect(formattedTree.comments.map(\.text) == tree.comments.map(\.text), "seed \(seed): comments changed")
        let reparsed = load(formatted)
        #expect(semanticDump(try #require(reparsed.model)) == semanticDump(try #require(original.model)), "seed \(seed)")
    }
}
