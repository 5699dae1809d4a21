/// Reads a model file and everything it includes, parses and resolves it.
public struct ModelLoader: Sendable {
    /// Include chains deeper than this are reported rather than followed.
    public static let maximumIncludeDepth = 100

    public let loader: any SourceLoader
    /// The directory every include must stay inside; nil: the root model's own directory.
    public let includeRoot: String?
    /// The rule ids a `suppress` may name, checked with every other error; nil leaves them unchecked.
    public let ruleIDs: [String]?

    public init(loader: any SourceLoader = FileSystemLoader(), includeRoot: String? = nil, ruleIDs: [String]? = nil) {
        self.loader = loader
        self.includeRoot = includeRoot
        self.ruleIDs = ruleIDs
    }

    /// The outcome of loading: a model when there are no errors, and every diagnostic found.
    public struct Result: Sendable {
        public var model: Model?
        public var diagnostics: [Diagnostic]
        /// Every file read, root first.
        public var files: [SourceFile]

        public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

        public init(model: Model?, diagnostics: [Diagnostic], files: [SourceFile]) {
            self.model = model
            self.diagnostics = diagnostics
            self.files = files
        }
    }

    /// Loads the model rooted at `path`. Throws only when the root file itself cannot be read (an I/O
    /// error); every problem inside the model, includes included, is a diagnostic.
    public func load(path: String) throws -> Result {
        let root = SourceFile(path: path, bytes: try loader.load(path))
        return load(root: root)
    }

    /// Loads a model whose root text is already in memory (standard input, tests).
    public func load(root: SourceFile) -> Result {
        var trees: [SyntaxTree] = []
        var diagnostics = DiagnosticBag()
        var visited: Set<String> = []
        var chain: [String] = []
        let directory = includeRoot ?? IncludePath.directory(of: root.path)
        include(root, identity: loader.identity(of: root.path), directory: directory, trees: &trees, diagnostics: &diagnostics,
                visited: &visited, chain: &chain)
        let (model, resolveDiagnostics) = Resolver.resolve(trees, ruleIDs: ruleIDs)
        diagnostics.append(contentsOf: resolveDiagnostics)
        let files = trees.map(\.file)
        let sorted = ModelLoader.capped(diagnostics.sorted(fileOrder: files.map(\.path)))
        let hasErrors = sorted.contains { $0.severity == .error }
        return Result(model: hasErrors ? nil : model, diagnostics: sorted, files: files)
    }

    /// At most `Parser.maximumErrors` diagnostics per file, then one that says so: where the parser stopped
    /// reading, or how many more the resolver found.
    static func capped(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var shown: [ObjectIdentifier: Int] = [:]
        var dropped: [(first: Diagnostic, count: Int, stop: Diagnostic?)] = []
        var result: [Diagnostic] = []
        for diagnostic in diagnostics {
            let file = ObjectIdentifier(diagnostic.span.file)
            let count = shown[file, default: 0]
            shown[file] = count + 1
            let isStop = diagnostic == Parser.stopped(at: diagnostic.span)
            if count < Parser.maximumErrors && !isStop {
                result.append(diagnostic)
            } else if let last = dropped.last, last.first.span.file === diagnostic.span.file {
                dropped[dropped.count - 1].count += 1
                if isStop { dropped[dropped.count - 1].stop = diagnostic }
            } else {
                dropped.append((diagnostic, 1, isStop ? diagnostic : nil))
            }
        }
        for (first, count, stop) in dropped {
            result.append(stop ?? Diagnostic(.error, "too many errors in \(first.span.file.path); \(count) more not shown",
                                             at: first.span, hint: "fix the errors above and run again"))
        }
        return result
    }

    // A file reached twice (not through a cycle) is read once, like `#pragma once`.
    private func include(_ file: SourceFile, identity: String, directory: String, trees: inout [SyntaxTree],
                         diagnostics: inout DiagnosticBag, visited: inout Set<String>, chain: inout [String]) {
        visited.insert(identity)
        chain.append(file.path)
        defer { chain.removeLast() }
        let (tree, parseDiagnostics) = Parser.parse(file)
        diagnostics.append(contentsOf: parseDiagnostics)
        trees.append(tree)
        for case .include(let statement) in tree.statements {
            let at = SourceSpan(file: file, offset: statement.path.offset, length: statement.path.length)
            let path = IncludePath.resolve(statement.path.text, from: file.path)
            let key = loader.identity(of: path)
            if chain.contains(where: { loader.identity(of: $0) == key }) {
                diagnostics.error("include cycle: " + (chain + [path]).joined(separator: " -> "), at: at,
                                  hint: "a file cannot include itself, directly or through others")
                continue
            }
            if visited.contains(key) { continue }
            guard chain.count < ModelLoader.maximumIncludeDepth else {
                diagnostics.error("includes nested more than \(ModelLoader.maximumIncludeDepth) deep", at: at)
                continue
            }
            // Checked before reading: a model from a stranger must not make us read, and echo, other files.
            if statement.path.text.hasPrefix("/") {
                diagnostics.error("an include path cannot be absolute", at: at,
                                  hint: "include paths are relative to the including file, inside the model's directory")
                continue
            }
            if loader.escape(of: path, from: directory) != nil {
                diagnostics.error("`\(statement.path.text)` is outside the model's directory (\(directory))", at: at,
                                  hint: "includes stay inside the root model's directory; `--include-root DIR` widens it on purpose")
                continue
            }
            do {
                let bytes = try loader.load(path)
                include(SourceFile(path: path, bytes: bytes), identity: key, directory: directory, trees: &trees, diagnostics: &diagnostics,
                        visited: &visited, chain: &chain)
            } catch {
                diagnostics.error("cannot include `\(path)`: \(error)", at: at,
                                  hint: "include paths are relative to the including file")
            }
        }
    }
}
