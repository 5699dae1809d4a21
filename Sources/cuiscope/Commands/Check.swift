import ArgumentParser
import ScopeModel

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate a model and summarize what it describes."
    )

    @Argument(help: "The model file (*.scope), or - for standard input.")
    var model: String

    @Flag(help: "Never color the output (also: NO_COLOR).")
    var noColor = false

    func run() throws {
        let loaded = try ModelInput.load(model, noColor: noColor)
        Terminal.write(ModelSummary(loaded).line(path: model) + "\n")
    }
}

/// What a model holds, in counts.
struct ModelSummary {
    let model: Model

    init(_ model: Model) { self.model = model }

    func line(path: String) -> String {
        func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
        let parts = [
            count(model.assets.count, "asset"), count(model.zones.count, "zone"),
            count(model.providers.count, "provider"), "\(model.data.count) data item\(model.data.count == 1 ? "" : "s")",
            count(model.relationCount, "relation"),
        ]
        let files = model.files.count > 1 ? " in \(model.files.count) files" : ""
        return "\(path): ok: " + parts.joined(separator: ", ") + files
    }
}
