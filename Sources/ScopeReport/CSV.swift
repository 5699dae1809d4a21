import ScopeAnalysis
import ScopeModel

/// CSV as RFC 4180 writes it: fields separated by commas, a field quoted when it holds a comma, a quote, a
/// carriage return or a line feed (its quotes doubled), every record ending in CRLF. A row is written as soon
/// as it is made, so a report streams.
///
/// Spreadsheets run a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return as a formula (CSV
/// injection); model text is never trusted, so such a cell gets a leading `'`, which every spreadsheet shows
/// as text and keeps out of the value.
enum CSV {
    static func write(_ fields: [String], to output: inout some TextOutputStream) {
        output.write(fields.map { field($0) }.joined(separator: ",") + "\r\n")
    }

    static func field(_ text: String) -> String {
        let neutral = text.first.map { "=+-@\t\r".contains($0) } == true ? "'" + text : text
        guard neutral.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) else { return neutral }
        return "\"" + neutral.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// `cuiscope export inventory`: one row per asset, for the asset inventory the Scoping Guide requires.
public struct InventoryCSVReporter: Reporter {
    public init() {}

    static let header = ["id", "name", "type", "count", "zone", "category", "roles", "claimed_category", "holds", "hosted_on",
                         "owner", "description", "why", "location"]

    public func write(_ report: ModelReport, to output: inout some TextOutputStream) {
        let analysis = report.analysis, model = analysis.model
        let explainer = Explainer(model: model)
        CSV.write(Self.header, to: &output)
        for a in model.assets.indices {
            let asset = AssetJSON(a, in: analysis, explainer: explainer)
            let host = model.assets[a].hostedOn.map { model.id(of: $0.element) } ?? ""
            CSV.write([asset.id, asset.label ?? "", asset.type, String(asset.count), asset.zone ?? "", asset.category,
                       asset.roles.joined(separator: " "), asset.claimed ?? "", asset.holds.joined(separator: " "), host,
                       asset.owner ?? "", asset.description ?? "", asset.why.first ?? "",
                       "\(asset.location.file):\(asset.location.line)"], to: &output)
        }
    }
}

/// `cuiscope export providers`: one row per external provider, with what its role requires.
public struct ProvidersCSVReporter: Reporter {
    public init() {}

    static let header = ["id", "name", "type", "role", "in_scope", "fedramp", "crm", "cmmc", "dfars_7012", "country", "us_persons",
                         "holds", "why", "location"]

    public func write(_ report: ModelReport, to output: inout some TextOutputStream) {
        let analysis = report.analysis, model = analysis.model
        let explainer = Explainer(model: model)
        CSV.write(Self.header, to: &output)
        for p in model.providers.indices {
            let provider = ProviderJSON(p, in: analysis, explainer: explainer), item = model.providers[p]
            CSV.write([provider.id, item.label ?? "", provider.type, provider.role, provider.inScope ? "yes" : "no",
                       item.fedramp.rawValue, item.crm ? "yes" : "no", item.cmmc?.rawValue ?? "", item.dfars7012 ? "yes" : "no",
                       item.country ?? "", item.usPersons.rawValue, provider.holds.joined(separator: " "), provider.why.first ?? "",
                       "\(provider.location.file):\(provider.location.line)"], to: &output)
        }
    }
}

/// `cuiscope export poam`: one row per open finding and requirement, for the Plan of Action and Milestones;
/// then the suppressed findings, with the justification that accepted them.
public struct POAMCSVReporter: Reporter {
    public init() {}

    static let header = ["weakness", "rule", "severity", "subject", "requirement", "practice", "points", "poam_eligible",
                         "affected_assets", "point_of_contact", "remediation", "scheduled_completion", "status", "location"]

    public func write(_ report: ModelReport, to output: inout some TextOutputStream) {
        let analysis = report.analysis, model = analysis.model
        let explainer = Explainer(model: model)
        CSV.write(Self.header, to: &output)
        // Open weaknesses (errors and warnings), then every suppressed finding with its justification.
        let open = analysis.findings.filter { !$0.isSuppressed && $0.severity != .info }
        for finding in open + analysis.findings.filter(\.isSuppressed) {
            let assets = finding.assets(in: model)
            let common = (subject: explainer.text(finding.subject), assets: assets.map { model.assets[$0].id }.joined(separator: " "),
                          contacts: Set(assets.compactMap { model.assets[$0].owner }).sorted().joined(separator: "; "),
                          status: finding.suppression.map { "risk accepted: " + $0.reason } ?? "open")
            for requirement in finding.requirements.isEmpty ? [nil] : finding.requirements.map(Optional.some) {
                // 32 CFR 170.21: a requirement that may not be on a POA&M blocks the conditional status until met.
                let eligible = requirement.map { $0.poam ? "yes" : "no: blocks conditional status" } ?? ""
                let points = requirement?.points.map(String.init) ?? ""
                let row: [String] = [finding.message, finding.rule, finding.severity.rawValue, common.subject,
                                     requirement?.nist ?? "", requirement?.practice ?? "", points, eligible, common.assets,
                                     common.contacts, finding.remedy, "", common.status, finding.location.fileAndLine]
                CSV.write(row, to: &output)
            }
        }
    }
}
