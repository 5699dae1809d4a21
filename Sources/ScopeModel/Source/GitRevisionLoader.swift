import Foundation

/// A git work tree: where it is, and how a path inside it is named relative to its top.
public struct GitRepository: Sendable {
    /// The repository's top-level directory, as git reports it.
    public let root: String

    /// The repository holding `path`; throws when it is in none (or git cannot be run).
    public init(containing path: String) throws {
        let directory = URL(fileURLWithPath: GitRevisionLoader.absolute(path)).deletingLastPathComponent().path
        guard FileManager.default.fileExists(atPath: directory) else { throw LoadError("\(directory) does not exist") }
        let top = try GitRevisionLoader.git(["-C", directory, "rev-parse", "--show-toplevel"],
                                            failure: "is not inside a git repository")
        root = String(decoding: top, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The work tree's revision as `git describe --always --tags --dirty` names it, and its commit date
    /// (`YYYY-MM-DD`); nil before the first commit.
    public func revision() -> (name: String, date: String)? {
        func run(_ arguments: [String]) -> String? {
            (try? GitRevisionLoader.git(["-C", root] + arguments, failure: "has no commit"))
                .map { String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) }
        }
        guard let name = run(["describe", "--always", "--tags", "--dirty"]), let date = run(["log", "-1", "--format=%cs"]) else { return nil }
        return (name, date)
    }

    /// The date (`YYYY-MM-DD`) of the last commit that changed `path`; nil when none did.
    public func lastChange(of path: String) -> String? {
        guard let relative = try? relativePath(of: path),
              let output = try? GitRevisionLoader.git(["-C", root, "log", "-1", "--format=%cs", "--", relative], failure: "has no commit") else { return nil }
        let date = String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return date.isEmpty ? nil : date
    }

    /// `path` relative to the repository's top level, as `git show` and SARIF want it.
    public func relativePath(of path: String) throws -> String {
        let url = URL(fileURLWithPath: GitRevisionLoader.absolute(path))
        // The directory may no longer exist in the work tree; resolve links on the part that does.
        var existing = url.deletingLastPathComponent()
        var rest = [url.lastPathComponent]
        while !FileManager.default.fileExists(atPath: existing.path), existing.path != "/" {
            rest.insert(existing.lastPathComponent, at: 0)
            existing = existing.deletingLastPathComponent()
        }
        let resolved = ([existing.resolvingSymlinksInPath().path] + rest).joined(separator: "/")
        let realRoot = URL(fileURLWithPath: root).resolvingSymlinksInPath().path
        guard resolved.hasPrefix(realRoot + "/") else { throw LoadError("\(path) is outside the repository at \(root)") }
        return String(resolved.dropFirst(realRoot.count + 1))
    }
}

/// Reads model files as they were at a git revision, through `git show REV:PATH`, so that `diff --git`
/// compares a model (and what it includes) with its committed past without a checkout.
public struct GitRevisionLoader: SourceLoader {
    public let revision: String
    public let repository: GitRepository

    /// Finds the repository holding `path` and checks that `revision` names a commit in it.
    public init(revision: String, near path: String) throws {
        repository = try GitRepository(containing: path)
        self.revision = revision
        _ = try GitRevisionLoader.git(["-C", repository.root, "rev-parse", "--verify", "--quiet", revision + "^{commit}"],
                                      failure: "has no revision `\(revision)`")
    }

    public func load(_ path: String) throws -> [UInt8] {
        let relative = try repository.relativePath(of: path)
        let bytes: [UInt8]
        do {
            bytes = try GitRevisionLoader.git(["-C", repository.root, "show", "\(revision):\(relative)"],
                                              failure: "has no \(relative) at \(revision)")
        } catch let error as LoadError {
            throw LoadError(error.description, missing: true)
        }
        // The same limit as a file read from disk: syntax trees keep offsets in 32 bits.
        guard bytes.count <= FileReader.maximumSize else {
            throw LoadError("\(relative) at \(revision) is larger than \(FileReader.maximumSize >> 20) MiB")
        }
        return bytes
    }

    public func identity(of path: String) -> String { (try? repository.relativePath(of: path)) ?? path }

    /// At a revision, a model's tree is its repository: `git show` never follows a link out of it.
    public func escape(of path: String, from root: String) -> String? {
        (try? repository.relativePath(of: path)) == nil ? path : nil
    }

    static func absolute(_ path: String) -> String {
        IncludePath.normalize(path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path)
    }

    /// Runs git; its standard output, or a `LoadError` saying `failure` with git's own message.
    static func git(_ arguments: [String], failure: String) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw LoadError("git could not be run: \(error.localizedDescription)")
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let place = arguments.count > 1 && arguments[0] == "-C" ? arguments[1] : "."
            throw LoadError("\(place) \(failure)" + (message.isEmpty ? "" : " (git: \(message.split(separator: "\n").first ?? ""))"))
        }
        return [UInt8](data)
    }
}
