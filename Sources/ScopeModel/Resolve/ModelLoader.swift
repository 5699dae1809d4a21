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
        // A large file's relations are read once every name is known, each resolved as it is parsed; when
        // one of them cannot be read that way, the whole model is loaded again the plain way.
        load(root: root, deferringRelations: true) ?? load(root: root, deferringRelations: false)!
    }

    /// Nil only when deferring, and a deferred relation could not be read that way.
    private func load(root: SourceFile, deferringRelations: Bool) -> Result? {
        var trees: [SyntaxTree] = []
        var diagnostics = DiagnosticBag()
        var visited: Set<String> = []
        var chain = Chain()
        let directory = includeRoot ?? IncludePath.directory(of: root.path)
        include(root, identity: loader.identity(of: root.path), directory: directory, deferringRelations: deferringRelations,
                trees: &trees, diagnostics: &diagnostics, visited: &visited, chain: &chain)
        // On nil the trees are freed here, not on another core: the load that follows would allocate beside them.
        guard let (model, resolveDiagnostics) = Resolver.resolve(trees, ruleIDs: ruleIDs) else { return nil }
        diagnostics.append(contentsOf: resolveDiagnostics)
        let files = trees.map(\.file)
        Parallel.release(trees)
        trees = []
        let sorted = ModelLoader.capped(diagnostics.sorted(fileOrder: files.map(\.path)).map { chain.noted($0) })
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
            result.append(stop ?? Diagnostic(.error, .tooManyErrors, "too many errors in \(first.span.file.path); \(count) more not shown",
                                             at: first.span, hint: "fix the errors above and run again"))
        }
        return result
    }

    /// The files being included, root first, and where each file was first included from.
    private struct Chain {
        var paths: [String] = []
        /// The `include` statement that brought each file in, by path.
        var sites: [String: SourceSpan] = [:]

        /// `diagnostic` with a note for each include that led to its file, nearest first.
        func noted(_ diagnostic: Diagnostic) -> Diagnostic {
            var noted = diagnostic
            var path = diagnostic.span.file.path
            var seen: Set<String> = []
            while let site = sites[path], seen.insert(path).inserted {
                // An include cycle names its steps already.
                if !noted.notes.contains(where: { $0.span == site }) { noted.notes.append(Diagnostic.Note("included from here", at: site)) }
                path = site.file.path
            }
            return noted
        }
    }

    // A file reached twice (not through a cycle) is read once, like `#pragma once`.
    private func include(_ file: SourceFile, identity: String, directory: String, deferringRelations: Bool, trees: inout [SyntaxTree],
                         diagnostics: inout DiagnosticBag, visited: inout Set<String>, chain: inout Chain) {
        visited.insert(identity)
        chain.paths.append(file.path)
        defer { chain.paths.removeLast() }
        let (tree, parseDiagnostics) = Parser.parse(file, deferringRelations: deferringRelations)
        diagnostics.append(contentsOf: parseDiagnostics)
        trees.append(tree)
        // Counted as parsed: most models include nothing, and a million statements need not be walked for it.
        guard tree.counts.includes > 0 else { return }
        for case .include(let statement) in tree.statements {
            let at = SourceSpan(file: file, offset: statement.path.offset, length: statement.path.length)
            let path = IncludePath.resolve(statement.path.text, from: file.path)
            let key = loader.identity(of: path)
            if let start = chain.paths.firstIndex(where: { loader.identity(of: $0) == key }) {
                // Each step of the cycle: the include that brought in each file after the first.
                let steps = chain.paths[(start + 1)...].compactMap { step in chain.sites[step].map { Diagnostic.Note("includes `\(step)` here", at: $0) } }
                diagnostics.error(.includeCycle, "include cycle: " + (chain.paths + [path]).joined(separator: " -> "), at: at,
                                  hint: "a file cannot include itself, directly or through others", notes: steps)
                continue
            }
            if visited.contains(key) { continue }
            guard chain.paths.count < ModelLoader.maximumIncludeDepth else {
                diagnostics.error(.includeTooDeep, "includes nested more than \(ModelLoader.maximumIncludeDepth) deep", at: at)
                continue
            }
            // Checked before reading: a model from a stranger must not make us read, and echo, other files.
            if statement.path.text.hasPrefix("/") {
                diagnostics.error(.includeOutsideTree, "an include path cannot be absolute", at: at,
                                  hint: "include paths are relative to the including file, inside the model's directory")
                continue
            }
            if loader.escape(of: path, from: directory) != nil {
                diagnostics.error(.includeOutsideTree, "`\(statement.path.text)` is outside the model's directory (\(directory))", at: at,
                                  hint: "includes stay inside the root model's directory; `--include-root DIR` widens it on purpose")
                continue
            }
            do {
                let bytes = try loader.load(path)
                if chain.sites[path] == nil { chain.sites[path] = at }
                include(SourceFile(path: path, bytes: bytes), identity: key, directory: directory, deferringRelations: deferringRelations,
                        trees: &trees, diagnostics: &diagnostics, visited: &visited, chain: &chain)
            } catch {
                diagnostics.error(.includeUnreadable, "cannot include `\(path)`: \(error)", at: at,
                                  hint: "include paths are relative to the including file")
            }
        }
    }
}
