import ArgumentParser
import ScopeAnalysis
import ScopeReport

struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List every rule with its severity and references.")

    @OptionGroup var color: ColorOption

    func run() {
        var output = StandardOutput()
        RulesTextReporter(style: color.style).write(Rule.catalogue, to: &output)
    }
}
