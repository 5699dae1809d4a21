/// Reads a model file and everything it includes, parses and resolves it.
public struct ModelLoader: Sendable {
    /// Include chains deeper than this are reported rather than followed.
    public static let maximumIncludeDepth = 100

    public let loader: any SourceLoader

    public init(loader: any SourceLoader = FileSystemLoader()) { self.loader = loader }

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
        include(root, identity: loader.identity(of: root.path), trees: &trees, diagnostics: &diagnostics,
                visited: &visited, chain: &chain)
        let (model, resolveDiagnostics) = Resolver.resolve(trees)
        diagnostics.append(contentsOf: resolveDiagnostics)
        let files = trees.map(\.file)
        let sorted = diagnostics.sorted(fileOrder: files.map(\.path))
        let hasErrors = sorted.contains { $0.severity == .error }
        return Result(model: hasErrors ? nil : model, diagnostics: sorted, files: files)
    }

    // A file reached twice (not through a cycle) is read once, like `#pragma once`.
    private func include(_ file: SourceFile, identity: String, trees: inout [SyntaxTree],
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
            do {
                let bytes = try loader.load(path)
                include(SourceFile(path: path, bytes: bytes), identity: key, trees: &trees, diagnostics: &diagnostics,
                        visited: &visited, chain: &chain)
            } catch {
                diagnostics.error("cannot include `\(path)`: \(error)", at: at,
                                  hint: "include paths are relative to the including file")
            }
        }
    }
}
