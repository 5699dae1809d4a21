import ArgumentParser
import Foundation
import ScopeModel
import ScopeRender
import ScopeReport

@main
struct CuiScope: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cuiscope",
        abstract: "Find which systems fall inside a CMMC assessment boundary, and why.",
        discussion: """
        Models are `*.scope` files (see docs/language.md). Exit codes: 0 ran clean, 1 findings at or above \
        --fail-on, 2 the model has errors, 3 usage or I/O error.
        """,
        version: "cuiscope \(CuiscopeVersion.current) (Graphviz \(Graphviz.shared.version))",
        subcommands: [Check.self, Scope.self, Explain.self, DiagramCommand.self, Diff.self, Advise.self, RequirementsCommand.self, Report.self, Export.self, Fmt.self, Init.self, Rules.self,
                      ExplainError.self]
    )

    /// argument-parser exits 64 on a usage error; the contract says 3. Help and `--version` still exit 0.
    static func main() {
        do {
            try checkHelpTopic(Array(CommandLine.arguments.dropFirst()))
            var command = try parseAsRoot()
            try command.run()
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success { self.exit(withError: error) }
            if error is CommandFailure {
                Terminal.writeError("cuiscope: \(error)\n")
            } else {
                Terminal.writeError(fullMessage(for: error) + "\n")
            }
            Foundation.exit(ExitStatus.usageOrIO.rawValue)
        }
    }

    /// argument-parser answers `help bogus` with the general help and exit 0; an unknown topic is a usage error.
    private static func checkHelpTopic(_ arguments: [String]) throws {
        guard arguments.first == "help", let topic = arguments.dropFirst().first else { return }
        let names = configuration.subcommands.map { $0._commandName }
        guard !names.contains(topic) else { return }
        throw CommandFailure("no command `\(topic)`" + (Suggestion.nearest(to: topic, in: names).map { " (did you mean `\($0)`?)" } ?? "")
            + "; the commands are " + names.joined(separator: ", "))
    }
}
