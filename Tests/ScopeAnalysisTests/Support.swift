import Testing
@testable import ScopeAnalysis
import ScopeModel

/// Loads and analyzes `text`, which must have no model errors.
func analyze(_ text: String, level: Int? = nil, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Analysis {
    let result = ModelLoader(loader: InMemoryLoader([:])).load(root: SourceFile(path: "m.scope", text: text))
    #expect(!result.hasErrors, "\(result.diagnostics.map { "\($0.location): \($0.message)" })", sourceLocation: sourceLocation)
    return Analysis(model: try #require(result.model, sourceLocation: sourceLocation), level: level)
}

extension Analysis {
    /// Category of the asset named `id`.
    func category(_ id: String) -> AssetCategory? {
        model.assets.firstIndex { $0.id == id }.map { assetCategories[$0] }
    }

    func roles(_ id: String) -> [AssetCategory] {
        model.assets.firstIndex { $0.id == id }.map { assetRoles[$0] } ?? []
    }

    func role(ofProvider id: String) -> ProviderRole? {
        model.providers.firstIndex { $0.id == id }.map { providerRoles[$0] }
    }

    /// The reasons for the asset `id`, as text.
    func why(_ id: String) -> [String] {
        let explainer = Explainer(model: model)
        return model.assets.firstIndex { $0.id == id }.map { reasons(forAsset: $0).map(explainer.text) } ?? []
    }

    func whyProvider(_ id: String) -> [String] {
        let explainer = Explainer(model: model)
        return model.providers.firstIndex { $0.id == id }.map { reasons(forProvider: $0).map(explainer.text) } ?? []
    }

    /// Subjects of the unsuppressed findings of `rule`, as findings name them.
    func subjects(_ rule: String) -> [String] {
        let explainer = Explainer(model: model)
        return findings.filter { $0.rule == rule && !$0.isSuppressed }.map { explainer.text($0.subject) }
    }

    /// Every asset's category, by id.
    var categoryMap: [String: AssetCategory] {
        Dictionary(uniqueKeysWithValues: model.assets.enumerated().map { ($1.id, assetCategories[$0]) })
    }
}
