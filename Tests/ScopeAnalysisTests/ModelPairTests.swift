import Testing
@testable import ScopeAnalysis
import ScopeModel

/// `diff --git` reads the base through a loader whose missing file counts as an empty model.
@Suite struct ModelPairTests {
    /// A loader whose every file fails with `error`.
    private struct FailingLoader: SourceLoader {
        let error: LoadError
        func load(_ path: String) throws -> [UInt8] { throw error }
        func identity(of path: String) -> String { path }
        func escape(of path: String, from root: String) -> String? { nil }
    }

    private func base(failingWith error: LoadError) -> Result<LoadedModel, Error> {
        let head = ModelPair.Side(loader: InMemoryLoader([:]), root: .file(SourceFile(path: "m.scope", text: "")))
        let base = ModelPair.Side(loader: FailingLoader(error: error), root: .path("m.scope"), missingIsEmpty: true)
        return ModelPair.load(base: base, head: head, level: nil).base
    }

    @Test func aMissingBaseIsAnEmptyModel() throws {
        let loaded = try base(failingWith: LoadError("has no m.scope at HEAD", missing: true)).get()
        #expect(loaded.loading.model?.assets.isEmpty == true)
    }

    /// A base too large to read is not a model that did not exist: the diff would call everything new.
    @Test func aBaseThatCannotBeReadIsAnError() {
        #expect(throws: LoadError.self) { try base(failingWith: LoadError("m.scope at HEAD is larger than 256 MiB")).get() }
    }
}
