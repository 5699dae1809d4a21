import Foundation

/// Where model files come from: the file system, a git revision, or memory (tests).
public protocol SourceLoader: Sendable {
    /// The bytes of the file at `path`, or a throw whose description says why not.
    func load(_ path: String) throws -> [UInt8]
    /// A key that is the same for every path naming the same file (for include-cycle detection).
    func identity(of path: String) -> String
    /// Nil when `path` lies inside the directory `root`, links followed; otherwise where it leads instead.
    /// Asked before an include is read, so a model cannot make us read (and echo) files outside its tree.
    func escape(of path: String, from root: String) -> String?
}

/// Reads model files from disk.
public struct FileSystemLoader: SourceLoader {
    public init() {}

    public func load(_ path: String) throws -> [UInt8] { try FileReader.read(path) }

    public func identity(of path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    public func escape(of path: String, from root: String) -> String? {
        guard let realRoot = FileSystemLoader.realPath(root) else { return root }
        // A file that does not exist yet is judged by its directory: reading it will say it is missing.
        let resolved = FileSystemLoader.realPath(path)
            ?? FileSystemLoader.realPath(IncludePath.directory(of: path)).map { $0 + "/" + IncludePath.name(of: path) }
        guard let resolved else { return path }
        return resolved == realRoot || resolved.hasPrefix(realRoot == "/" ? "/" : realRoot + "/") ? nil : resolved
    }

    /// The canonical absolute path, every link resolved; nil when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
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

    public func escape(of path: String, from root: String) -> String? {
        let relative = IncludePath.normalize(path), base = IncludePath.normalize(root)
        let inside = base == "." ? !relative.hasPrefix("/") && relative != ".." && !relative.hasPrefix("../")
            : relative == base || relative.hasPrefix(base + "/")
        return inside ? nil : relative
    }
}

/// A file that could not be read, with the reason in plain words.
public struct LoadError: Error, CustomStringConvertible {
    public let description: String
    /// The file does not exist where it was looked for, as opposed to existing and failing to be read.
    public let isMissing: Bool

    public init(_ description: String, missing: Bool = false) {
        self.description = description
        isMissing = missing
    }
}

/// How an `include "x"` path becomes the path printed in messages: relative to the including file.
public enum IncludePath {
    /// The directory part of `path`: `.` for a bare file name.
    public static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// The last component of `path`.
    static func name(of path: String) -> String {
        path.lastIndex(of: "/").map { String(path[path.index(after: $0)...]) } ?? path
    }

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
