import Foundation
import ScopeAnalysis
import ScopeModel

/// What `cuiscope export oscal` reads: the report's analysis and diagrams, and the date the SSP says it was
/// last modified (given, never the clock, so the same model gives the same bytes).
public struct OSCALReport: Sendable {
    public let report: AssessmentReport
    /// RFC 3339 date-time.
    public let lastModified: String
    /// The href of the profile the SSP imports; nil for a back-matter resource naming NIST SP 800-171 r2.
    public let profile: String?

    public init(_ report: AssessmentReport, lastModified: String, profile: String? = nil) {
        self.report = report
        self.lastModified = lastModified
        self.profile = profile
    }
}

/// `cuiscope export oscal`: an OSCAL 1.1.2 System Security Plan (docs/output.md). Every UUID is a version 5
/// UUID of what it identifies; our own properties sit in the `urn:cuiscope:cmmc` namespace.
public struct OSCALSSPReporter: Reporter {
    public init() {}

    static let oscalVersion = "1.1.2"
    static let namespace = "urn:cuiscope:cmmc"

    public func write(_ input: OSCALReport, to output: inout some TextOutputStream) {
        JSON.write(.object(["system-security-plan": OSCALDocument(input).plan]), to: &output)
    }
}

/// One SSP being made: the analysis, and the UUIDs of the things it names.
private struct OSCALDocument {
    let input: OSCALReport
    let analysis: Analysis
    let model: Model
    let explainer: Explainer
    let uuid: NameUUID
    let title: String

    init(_ input: OSCALReport) {
        self.input = input
        analysis = input.report.model.analysis
        model = analysis.model
        explainer = Explainer(model: model)
        title = model.organization.name ?? input.report.model.path
        uuid = NameUUID(scope: title)
    }

    /// The plan, streamed: the per-asset lists are made element by element as they are written.
    var plan: JSONNode {
        .object([
            "uuid": .value(uuid("system-security-plan")),
            "metadata": .value(metadata),
            "import-profile": .value(JSONValue.object(["href": .string(input.profile ?? "#" + uuid("resource/profile"))])),
            "system-characteristics": .value(characteristics),
            "system-implementation": implementation,
            "control-implementation": .value(controls),
            "back-matter": .value(JSONValue.object(["resources": .array(resources)])),
        ])
    }

    // MARK: Metadata

    var metadata: JSONValue {
        var members: JSONObject = [
            "title": .string("System Security Plan: \(title) (CMMC level \(analysis.level))"),
            "last-modified": .string(input.lastModified),
            "version": .string(input.lastModified),
            "oscal-version": .string(OSCALSSPReporter.oscalVersion),
            "roles": .array([role("administrator", "Administrator"), role("user", "User"), role("asset-owner", "Asset owner")]),
        ]
        let parties = model.providers.indices.map { p in
            party(uuid("party/" + model.providers[p].id), model.providers[p].label ?? model.providers[p].id)
        } + owners.map { party(uuid("party/owner/" + $0), $0) }
        // OSCAL lists hold at least one member: an empty one is left out.
        if !parties.isEmpty { members["parties"] = .array(parties) }
        return .object(members)
    }

    func role(_ id: String, _ title: String) -> JSONValue { .object(["id": .string(id), "title": .string(title)]) }

    func party(_ uuid: String, _ name: String) -> JSONValue {
        .object(["uuid": .string(uuid), "type": "organization", "name": .string(name)])
    }

    /// Each distinct `owner`, in order of first appearance: a party the inventory items point at.
    var owners: [String] {
        var seen = Set<String>()
        return model.assets.compactMap(\.owner).filter { seen.insert($0).inserted }
    }

    // MARK: System characteristics

    var characteristics: JSONValue {
        let summary = analysis.summary
        let counts = summary.populatedCategories
            .map { "\($0.assets) \($0.category.title) (\(count($0.units, "unit")))" }.joined(separator: ", ")
        let zones = model.zones.map { zone in zone.label.map { "\($0) (\(zone.id))" } ?? zone.id }
        return .object([
            "system-ids": .array([.object(["identifier-type": "https://ietf.org/rfc/rfc4122", "id": .string(uuid("system"))])]),
            "system-name": .string(title),
            "description": .string("The CMMC level \(analysis.level) assessment scope of \(title), computed by cuiscope from \(input.report.model.path)."),
            "security-sensitivity-level": "moderate",
            "system-information": .object(["information-types": .array(informationTypes)]),
            "status": .object(["state": "operational"]),
            "authorization-boundary": section(
                "The assessment boundary holds every asset that processes, stores or transmits CUI, protects those that do, or is not separated from them (32 CFR 170.19): \(counts). SPRS exposure \(summary.sprsExposure) points.",
                view: "boundary"),
            "network-architecture": section(
                "\(model.zones.count) zones (\(zones.isEmpty ? "none" : zones.joined(separator: ", "))) and \(model.links.count) links between them; the diagram shows which separation (physical or logical) keeps each zone out of scope.",
                view: "network"),
            "data-flow": section(
                "\(model.flows.count) data flows; the diagram shows where CUI and FCI go and what carries them.",
                view: "dataflow"),
        ])
    }

    var informationTypes: [JSONValue] {
        let items = model.data.map { item -> JSONValue in
            let categories = item.categories.isEmpty ? "" : "; CUI categories " + item.categories.joined(separator: ", ")
            return .object([
                "uuid": .string(uuid("information-type/" + item.id)),
                "title": .string(item.label ?? item.id),
                "description": .string("\(item.dataClass.rawValue.uppercased()) `\(item.id)`\(categories)"),
            ])
        }
        return items.isEmpty
            ? [.object(["uuid": .string(uuid("information-type")), "title": "No CUI or FCI", "description": "The model declares no data."])]
            : items
    }

    /// A boundary, network or data-flow description, with its diagram when the report has one.
    func section(_ description: String, view: String) -> JSONValue {
        var members: JSONObject = ["description": .string(description)]
        if let figure = input.report.diagrams.first(where: { $0.view == view }) {
            members["diagrams"] = .array([.object([
                "uuid": .string(uuid("diagram/" + view)),
                "description": .string(figure.title),
                "links": .array([.object(["href": .string("#" + uuid("resource/diagram/" + view)), "rel": "diagram"])]),
            ])])
        }
        return .object(members)
    }

    // MARK: System implementation

    var implementation: JSONNode {
        let components = [thisSystem].lazy.map(JSONNode.value)
            + model.assets.indices.lazy.map { JSONNode.value(component($0)) }
            + model.providers.indices.lazy.map { JSONNode.value(providerComponent($0)) }
        var members: [String: JSONNode] = [
            "users": .value(JSONValue.array(users)),
            "components": .array(AnySequence(components)),
        ]
        if !model.assets.isEmpty { members["inventory-items"] = .elements(model.assets.indices) { inventoryItem($0) } }
        let leveraged = model.providers.indices.filter { model.providers[$0].fedramp.isAuthorization }
        if !leveraged.isEmpty {
            members["leveraged-authorizations"] = .value(JSONValue.array(leveraged.map { p in
                let provider = model.providers[p]
                return .object([
                    "uuid": .string(uuid("leveraged-authorization/" + provider.id)),
                    "title": .string("FedRAMP \(provider.fedramp.rawValue): \(provider.label ?? provider.id)"),
                    "party-uuid": .string(uuid("party/" + provider.id)),
                    "date-authorized": .string(String(input.lastModified.prefix(10))),
                    "remarks": "The model does not record the authorization date: this is the SSP's date; take the real one from the FedRAMP Marketplace.",
                ])
            }))
        }
        return .object(members)
    }

    var thisSystem: JSONValue {
        .object(["uuid": .string(uuid("component/this-system")), "type": "this-system", "title": .string(title),
                 "description": "The system within the CMMC assessment boundary.", "status": .object(["state": "operational"])])
    }

    func component(_ a: Int) -> JSONValue {
        let asset = model.assets[a]
        let type: String = switch asset.type {
        case .application, .saas, .idp, .siem, .edr, .database: "software"
        case .person, .team: "process-procedure"
        case .facility: "physical"
        default: "hardware"
        }
        return .object([
            "uuid": .string(uuid("component/asset/" + asset.id)), "type": .string(type), "title": .string(asset.label ?? asset.id),
            "description": .string(asset.description ?? "\(asset.type.rawValue) `\(asset.id)`"),
            "props": .array(assetProps(a)), "status": .object(["state": "operational"]),
        ])
    }

    func providerComponent(_ p: Int) -> JSONValue {
        let provider = model.providers[p], role = analysis.providerRoles[p]
        return .object([
            "uuid": .string(uuid("component/provider/" + provider.id)), "type": "service", "title": .string(provider.label ?? provider.id),
            "description": .string("\(provider.type.rawValue) `\(provider.id)`, \(role.rawValue)\(role.inScope ? ", in scope" : "")"),
            "props": .array([prop("provider-role", role.rawValue), prop("fedramp", provider.fedramp.rawValue),
                             prop("us-persons", provider.usPersons.rawValue)] + (provider.country.map { [prop("country", $0)] } ?? [])),
            "status": .object(["state": "operational"]),
        ])
    }

    func inventoryItem(_ a: Int) -> JSONValue {
        let asset = model.assets[a]
        var members: JSONObject = [
            "uuid": .string(uuid("inventory-item/" + asset.id)),
            "description": .string(analysis.reasons(forAsset: a).first.map(explainer.text) ?? asset.id),
            "props": .array([.object(["name": "asset-id", "value": .string(asset.id)])] + assetProps(a)),
            "implemented-components": .array([.object(["component-uuid": .string(uuid("component/asset/" + asset.id))])]),
        ]
        if let owner = asset.owner {
            members["responsible-parties"] = .array([.object(["role-id": "asset-owner", "party-uuids": .array([.string(uuid("party/owner/" + owner))])])])
        }
        return .object(members)
    }

    /// The CMMC facts of an asset: its category, each role, the data it holds, its count and owner.
    func assetProps(_ a: Int) -> [JSONValue] {
        let asset = model.assets[a]
        return [prop("cmmc-asset-category", analysis.assetCategories[a].rawValue)]
            + analysis.assetRoles[a].map { prop("cmmc-asset-role", $0.rawValue) }
            + analysis.holdings(ofAsset: a).map { prop("data-held", model.data[$0].id) }
            + [prop("asset-type", asset.type.rawValue), prop("count", String(asset.count))]
            + (asset.owner.map { [prop("owner", $0)] } ?? [])
    }

    func prop(_ name: String, _ value: String) -> JSONValue {
        .object(["name": .string(name), "ns": .string(OSCALSSPReporter.namespace), "value": .string(value)])
    }

    /// People and teams, with the access the model gives them.
    var users: [JSONValue] {
        let people = model.assets.indices.filter { model.assets[$0].type.isPeople }
        // Each person's accesses, found in one pass over the accesses.
        var accessesFrom: [Int: [Access]] = [:]
        for access in model.accesses { if case .asset(let a) = access.from { accessesFrom[a, default: []].append(access) } }
        let listed = people.map { a -> JSONValue in
            let accesses = accessesFrom[a] ?? []
            let privileges = accesses.map { access -> JSONValue in
                let target = model.id(of: access.to.element)
                let how = [access.admin ? "administers" : "uses", access.remote ? "remotely" : nil, access.mfa ? "with MFA" : "without MFA"]
                return .object(["title": .string("Access to \(target)"),
                                "functions-performed": .array([.string(how.compactMap { $0 }.joined(separator: " ") + " " + target)])])
            }
            var members: JSONObject = [
                "uuid": .string(uuid("user/" + model.assets[a].id)),
                "title": .string(model.assets[a].label ?? model.assets[a].id),
                "role-ids": .array([accesses.contains(where: \.admin) ? "administrator" : "user"]),
                "props": .array([prop("cmmc-asset-category", analysis.assetCategories[a].rawValue), prop("count", String(model.assets[a].count))]),
            ]
            if !privileges.isEmpty { members["authorized-privileges"] = .array(privileges) }
            return .object(members)
        }
        // OSCAL requires at least one user.
        return listed.isEmpty ? [.object(["uuid": .string(uuid("user")), "title": "No people or teams in the model", "role-ids": .array(["user"])])] : listed
    }

    // MARK: Control implementation

    var controls: JSONValue {
        let atRisk = Dictionary(analysis.requirementsAtRisk.map { ($0.requirement.nist, $0) }) { first, _ in first }
        return .object([
            "description": "The 110 requirements of NIST SP 800-171 r2 (CMMC level 2), with their DoD Assessment Methodology points; a remark names the open findings that put one at risk.",
            "implemented-requirements": .array(NIST800171.all.map { entry in
                var members: JSONObject = [
                    "uuid": .string(uuid("implemented-requirement/" + entry.id)),
                    "control-id": .string(entry.practice.lowercased()),
                    "props": .array([prop("sprs-points", entry.points.map(String.init) ?? "none"), prop("poam-eligible", entry.poam ? "yes" : "no")]),
                ]
                if let risk = atRisk[entry.id] {
                    let findings = risk.findings.map { analysis.findings[$0] }.map { "\($0.rule): \(explainer.text($0.subject)) (\($0.location.fileAndLine))" }
                    members["remarks"] = .string("At risk: " + findings.joined(separator: "; "))
                }
                return .object(members)
            }),
        ])
    }

    // MARK: Back matter

    var resources: [JSONValue] {
        let profile: JSONValue = .object([
            "uuid": .string(uuid("resource/profile")),
            "title": "NIST SP 800-171 Rev. 2 (CMMC level 2)",
            "rlinks": .array([.object(["href": "https://csrc.nist.gov/pubs/sp/800/171/r2/upd1/final"])]),
        ])
        let diagrams = input.report.diagrams.map { figure -> JSONValue in
            .object([
                "uuid": .string(uuid("resource/diagram/" + figure.view)),
                "title": .string(figure.title),
                "base64": .object(["filename": .string("\(figure.view).svg"), "media-type": "image/svg+xml",
                                   "value": .string(Data(figure.svg.utf8).base64EncodedString())]),
            ])
        }
        return [profile] + diagrams
    }
}
