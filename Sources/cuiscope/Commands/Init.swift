import ArgumentParser
import Foundation
import ScopeModel

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Write a commented starter model.")

    @Option(name: .shortAndLong, help: "Where to write it.")
    var output = "model.scope"

    @Flag(help: "Replace the file if it exists.")
    var force = false

    func run() throws {
        if !force, FileManager.default.fileExists(atPath: output) {
            throw CommandFailure("\(output) exists; pass --force to replace it")
        }
        try OutputFile.write(Data(StarterModel.text.utf8), to: output)
        Terminal.write("wrote \(output); next: cuiscope check \(output)\n")
    }
}
