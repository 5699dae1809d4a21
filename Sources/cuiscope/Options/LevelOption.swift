import ArgumentParser

/// `--level`: analyze at another CMMC level than the model's.
struct LevelOption: ParsableArguments {
    @Option(help: "Analyze at this CMMC level (1, 2 or 3) instead of the model's.")
    var level: Int?

    func validate() throws {
        if let level, !(1...3).contains(level) { throw ValidationError("--level must be 1, 2 or 3") }
    }
}
