import ArgumentParser
import ScopeReport

/// `--no-color`, for every command that prints.
struct ColorOption: ParsableArguments {
    @Flag(help: "Never color the output (also: NO_COLOR).")
    var noColor = false

    /// Styling for standard output.
    var style: TextStyle { TextStyle(colored: Terminal.colorEnabled(noColorFlag: noColor)) }
}
