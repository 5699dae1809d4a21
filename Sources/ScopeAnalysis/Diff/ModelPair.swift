import Dispatch
import ScopeModel

/// A model as loaded for one side of a diff: its loading result, and its analysis when it loaded cleanly.
public struct LoadedModel: Sendable {
    public let loading: ModelLoader.Result
    public let analysis: Analysis?
}

/// Loads the two sides of a diff.
public enum ModelPair {
    /// Where one side comes from: a path read through a loader (files, or a git revision).
    public struct Side: Sendable {
        public let loader: any SourceLoader
        public let path: String
        /// A model that cannot be read counts as an empty one (a model that did not exist at a revision).
        public let missingIsEmpty: Bool

        public init(loader: any SourceLoader, path: String, missingIsEmpty: Bool = false) {
            self.loader = loader
            self.path = path
            self.missingIsEmpty = missingIsEmpty
        }
    }

    /// Loads and analyzes both sides at once, one per core: a diff costs about one `check`, not two. Each side
    /// fails on its own when its root file cannot be read.
    public static func load(base: Side, head: Side, level: Int?) -> (base: Result<LoadedModel, Error>, head: Result<LoadedModel, Error>) {
        let sides = [base, head]
        let slots = UnsafeMutableBufferPointer<Result<LoadedModel, Error>>.allocate(capacity: 2)
        defer { slots.deallocate() }
        // Each job writes only its own slot.
        nonisolated(unsafe) let shared = slots
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            let side = sides[index]
            shared.initializeElement(at: index, to: Result {
                let loaded: ModelLoader.Result
                do {
                    loaded = try ModelLoader(loader: side.loader).load(path: side.path)
                } catch where side.missingIsEmpty {
                    loaded = ModelLoader.Result(model: Model(), diagnostics: [], files: [])
                }
                return LoadedModel(loading: loaded, analysis: loaded.model.map { Analysis(model: $0, level: level) })
            })
        }
        defer { _ = slots.deinitialize() }
        return (slots[0], slots[1])
    }
}
