import ScopeAnalysis

/// `cuiscope scope --format json`: every asset and provider with its category or role, and why.
public struct ScopeJSONReporter: Reporter {
    public init() {}

    public func write(_ report: ModelReport, to output: inout some TextOutputStream) {
        JSON.write(Document(report), to: &output)
    }

    struct Document: Encodable {
        let model: String
        let level: Int
        let assets: [AssetJSON]
        let providers: [ProviderJSON]
        let iso27001: ISOOverlapJSON?

        init(_ report: ModelReport) {
            let analysis = report.analysis
            let explainer = Explainer(model: analysis.model)
            model = report.path
            level = analysis.level
            assets = analysis.model.assets.indices.map { AssetJSON($0, in: analysis, explainer: explainer) }
            providers = analysis.model.providers.indices.map { ProviderJSON($0, in: analysis, explainer: explainer) }
            iso27001 = ISOOverlap(analysis).map { ISOOverlapJSON($0, in: analysis.model) }
        }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(model, forKey: .model)
            try container.encode(level, forKey: .level)
            try container.encode(assets, forKey: .assets)
            try container.encode(providers, forKey: .providers)
            try container.encodeIfPresent(iso27001, forKey: .iso27001)
        }

        enum Key: String, CodingKey { case model, level, assets, providers, iso27001 }
    }
}
