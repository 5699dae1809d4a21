import ScopeAnalysis

/// `cuiscope scope --format json`: every asset and provider with its category or role, and why.
public struct ScopeJSONReporter: Reporter {
    public init() {}

    public func write(_ report: ModelReport, to output: inout some TextOutputStream) {
        let analysis = report.analysis
        let explainer = Explainer(model: analysis.model)
        var document: [String: JSONNode] = [
            "model": .value(report.path),
            "level": .value(analysis.level),
            "assets": .elements(analysis.model.assets.indices) { AssetJSON($0, in: analysis, explainer: explainer) },
            "providers": .elements(analysis.model.providers.indices) { ProviderJSON($0, in: analysis, explainer: explainer) },
        ]
        if let overlap = ISOOverlap(analysis) { document["iso27001"] = .value(ISOOverlapJSON(overlap, in: analysis.model)) }
        JSON.write(.object(document), to: &output)
    }
}
