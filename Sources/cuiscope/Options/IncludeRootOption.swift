import ArgumentParser

/// `--include-root`: the tree a model's includes may read from, wider than its own directory on purpose.
struct IncludeRootOption: ParsableArguments {
    @Option(help: ArgumentHelp("Let includes read files inside this directory (default: the model's own directory).",
                               valueName: "dir"))
    var includeRoot: String?
}
