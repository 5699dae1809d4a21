import Foundation

/// Where model files come from: the file system, a git revision, or memory (tests).
public protocol SourceLoader: Sendable {
    /// The bytes of the file at `path`, or a throw whose description says why not.
    func load(_ path: String) throws -> [UInt8]
    /// A key that is the same for every path naming the same file (for include-cycle detection).
    func identity(of path: String) -> String
}

/// Reads model files from disk.
public struct FileSystemLoader: SourceLoader {
    public init() {}

    public func load(_ path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                throw LoadError("is a directory")
            }
            throw LoadError(FileManager.default.fileExists(atPath: path) ? "cannot be read" : "no such file")
        }
        return [UInt8](data)
    }

    public func identity(of path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}

/// Serves files from a dictionary; paths are normalized the way includes build them.
public struct InMemoryLoader: SourceLoader {
    public var files: [String: String]

    public init(_ files: [String: String]) { self.files = files }

    public func load(_ path: String) throws -> [UInt8] {
        guard let text = files[IncludePath.normalize(path)] else { throw LoadError("no such file") }
        return Array(text.utf8)
    }

    public func identity(of path: String) -> String { IncludePath.normalize(path) }
}

/// A file that could not be read, with the reason in plain words.
public struct LoadError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// How an `include "x"` path becomes the path printed in messages: relative to the including file.
public enum IncludePath {
    public static func resolve(_ include: String, from includingFile: String) -> String {
        if include.hasPrefix("/") { return normalize(include) }
        let directory = includingFile.split(separator: "/", omittingEmptySubsequences: false).dropLast()
        let joined = directory.isEmpty ? include : directory.joined(separator: "/") + "/" + include
        return normalize(joined)
    }

    /// Removes `.` segments and folds `dir/..`, keeping the path relative when it was.
    public static func normalize(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            if part == "." || part.isEmpty { continue }
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
            } else if part == "..", absolute, parts.isEmpty {
                continue
            } else {
                parts.append(part)
            }
        }
        let body = parts.joined(separator: "/")
        return absolute ? "/" + body : (body.isEmpty ? "." : body)
    }
}
