import ScopeModel

/// A model as loaded for one side of a diff: its loading result, and its analysis when it loaded cleanly.
public struct LoadedModel: Sendable {
    public let loading: ModelLoader.Result
    public let analysis: Analysis?
}

/// Loads the two sides of a diff.
public enum ModelPair {
    /// Where one side comes from: a path read through a loader (files, or a git revision), or a root file
    /// already read (standard input); its includes come through the loader.
    public struct Side: Sendable {
        public let loader: any SourceLoader
        public let root: Root
        /// A model that does not exist counts as an empty one (a model added since a revision). One that
        /// exists but cannot be read is still an error.
        public let missingIsEmpty: Bool
        /// The directory its includes must stay inside (nil: the root model's own).
        public let includeRoot: String?

        public enum Root: Sendable {
            case path(String)
            case file(SourceFile)
        }

        public init(loader: any SourceLoader, root: Root, missingIsEmpty: Bool = false, includeRoot: String? = nil) {
            self.loader = loader
            self.root = root
            self.missingIsEmpty = missingIsEmpty
            self.includeRoot = includeRoot
        }
    }

    /// Loads and analyzes both sides at once, one per core: a diff costs about one `check`, not two. Each side
    /// fails on its own when its root file cannot be read.
    public static func load(base: Side, head: Side, level: Int?) -> (base: Result<LoadedModel, Error>, head: Result<LoadedModel, Error>) {
        let sides = [base, head]
        let results = Parallel.map(2) { index in
            let side = sides[index]
            return Result<LoadedModel, Error> {
                let loaded: ModelLoader.Result
                let loader = ModelLoader(loader: side.loader, includeRoot: side.includeRoot, ruleIDs: Rule.catalogue.map(\.id))
                do {
                    switch side.root {
                    case .path(let path): loaded = try loader.load(path: path)
                    case .file(let file): loaded = loader.load(root: file)
                    }
                } catch let error as LoadError where side.missingIsEmpty && error.isMissing {
                    loaded = ModelLoader.Result(model: Model(), diagnostics: [], files: [])
                }
                return LoadedModel(loading: loaded, analysis: loaded.model.map { Analysis(model: $0, level: level) })
            }
        }
        return (results[0], results[1])
    }
}
