import ScopeModel

/// The words for reasons, steps, subjects and relations: where typed results become text, for reporters
/// and diagrams alike. Nothing upstream of it builds text about the model.
public struct Explainer: Sendable {
    public let model: Model

    public init(model: Model) { self.model = model }

    // MARK: Reasons

    /// `holds drawings: flow army -> plm (acme.scope:41), then flow plm -> eng-ws (acme.scope:44)`.
    public func text(_ reason: Reason) -> String {
        var text = ""
        write(reason, to: &text)
        return text
    }

    /// `text(reason)`, appended to `text`: one string grows, where joining the steps' texts made one per step.
    func write(_ reason: Reason, to text: inout String) {
        switch reason.kind {
        case .written: write(reason.steps, to: &text)
        case .transit(let carried, let presumed, let remote):
            write(reason.steps, to: &text)
            text += presumed ? ": presumed to carry " : ": carries "
            for (position, item) in carried.enumerated() {
                if position > 0 { text += ", " }
                text += model.data[item].id
            }
            text += remote ? "; crosses the internet" : "; crosses a segment boundary"
        default:
            text += headline(reason.kind)
            if !reason.steps.isEmpty {
                text += ": "
                write(reason.steps, to: &text)
            }
        }
    }

    private func write(_ steps: [Step], to text: inout String) {
        for (position, step) in steps.enumerated() {
            if position > 0 { text += ", then " }
            write(step, to: &text)
        }
    }

    /// What a reason says, without its steps.
    public func headline(_ kind: Reason.Kind) -> String {
        switch kind {
        case .classified: "classified system: outside CMMC (32 CFR 170.19)"
        case .governmentHosted(let provider): "operated on behalf of the Government on \(model.providers[provider].id): outside CMMC"
        case .holds(let data): "holds \(model.data[data].id)"
        case .protects(let target): "protects \(model.id(of: target))"
        case .administers(let target): "administers \(model.id(of: target))"
        case .boundaryDevice: "boundary device of a CUI network"
        case .passesCUIFlow: "passes a CUI flow"
        case .holdsSecurityData(let data, let holder):
            "holds \(model.data[data].id), security data of in-scope \(model.assets[holder].id)"
        case .hostsSPA(let asset): "hosts the Security Protection Asset \(model.assets[asset].id)"
        case .reachesCUI(let holder): "can reach CUI on \(model.assets[holder].id)"
        case .sharesNetwork(let holder): "not separated from \(model.assets[holder].id)"
        case .keptFreeByPolicy(let asset): "kept free of CUI by policy: \(model.assets[asset].policy ?? "")"
        case .noPolicy: "no policy keeps CUI off it, so it counts as a CUI Asset"
        case .nothingInScope(let level):
            level == 1 ? "holds no FCI or CUI" : "holds no CUI, protects nothing in scope, and cannot reach CUI"
        case .supportsNothing: "holds no CUI and supports nothing in scope"
        case .written: "as written"
        case .transit: "carries CUI across a boundary"
        }
    }

    // MARK: Steps

    public func text(_ step: Step) -> String {
        var text = ""
        write(step, to: &text)
        return text
    }

    /// `text(step)`, appended to `text`; the line alone is looked up, not the column.
    private func write(_ step: Step, to text: inout String) {
        let span = span(of: step)
        text += describe(step)
        text += " ("
        text += span.file.path
        text += ":"
        text += String(span.file.line(of: span.offset))
        text += ")"
    }

    /// The step without its location.
    public func describe(_ step: Step) -> String {
        switch step {
        case .holds(let asset, let data):
            let verb = model.assets[asset].stores.contains(data) ? "stores" : "processes"
            return "\(model.assets[asset].id) \(verb) \(model.data[data].id)"
        case .flow(let index): return relationText(.flow(index))
        case .hosting(let asset):
            let host = model.assets[asset].hostedOn.map { model.id(of: $0.element) } ?? "nothing"
            return "\(model.assets[asset].id) hosted-on \(host)"
        case .access(let index): return relationText(.access(index))
        case .protects(let index): return relationText(.protects(index))
        case .membership(let asset):
            let zone = model.zone(placing: asset).map { model.zones[$0].id } ?? "the organization's network"
            return "\(model.assets[asset].id) in zone \(zone)"
        case .zoneParent(let zone):
            let parent = model.zones[zone].parent.map { model.zones[$0].id } ?? "the organization's network"
            return "zone \(model.zones[zone].id) in \(parent)"
        case .link(let index): return relationText(.link(index))
        case .linkVia(let index, let device): return "\(model.assets[device].id) is the device of " + relationText(.link(index))
        }
    }

    /// Where the step was written.
    public func span(of step: Step) -> SourceSpan {
        switch step {
        case .holds(let asset, _), .hosting(let asset), .membership(let asset): model.assets[asset].span
        case .flow(let index): model.flows[index].span
        case .access(let index): model.accesses[index].span
        case .protects(let index): model.protections[index].span
        case .zoneParent(let zone): model.zones[zone].span
        case .link(let index), .linkVia(let index, _): model.links[index].span
        }
    }

    // MARK: Subjects and relations

    /// A finding's subject as findings name it: an id, or a relation's ends: `a -> b`, `a <-> b`, `a -- b`.
    public func text(_ subject: Subject) -> String {
        switch subject {
        case .element(let element): model.id(of: element)
        case .relation(let relation): subjectText(relation)
        }
    }

    /// A relation as written: `flow a -> b`, `link a -- b`, `access a -> b`, `protects a -> b`.
    public func relationText(_ relation: RelationRef) -> String {
        relation.keyword + " " + subjectText(relation)
    }

    /// A relation's ends and arrow: `a -> b`.
    public func subjectText(_ relation: RelationRef) -> String {
        let (from, arrow, to) = model.ends(of: relation)
        return "\(name(from)) \(arrow.rawValue) \(name(to))"
    }

    public func name(_ endpoint: Endpoint) -> String { model.id(of: endpoint.element) }

    /// What follows a relation's ends as written, in canonical order: `carries drawings via fw { encryption fips }`.
    public func attributes(of relation: RelationRef) -> String {
        func names(_ items: [Int]) -> String { items.map { model.data[$0].id }.joined(separator: ", ") }
        func devices(_ items: [Int]) -> String? { items.isEmpty ? nil : "via " + items.map { model.assets[$0].id }.joined(separator: ", ") }
        func block(_ pairs: [(String, String?)]) -> String? {
            let set = pairs.compactMap { key, value in value.map { "\(key) \($0)" } }
            return set.isEmpty ? nil : "{ " + set.joined(separator: "; ") + " }"
        }
        func flag(_ value: Bool) -> String? { value ? "yes" : nil }
        let parts: [String?]
        switch relation {
        case .flow(let i):
            let flow = model.flows[i]
            let carries = switch flow.carries {
            case .unlabeled: "unlabeled"
            case .data(let items): items.isEmpty ? "carries none" : "carries " + names(items)
            }
            parts = [carries, devices(flow.via), flow.label.map { "\"\($0)\"" },
                     block([("encryption", flow.encryption == .unknown ? nil : flow.encryption.rawValue), ("remote", flag(flow.remote)),
                            ("mfa", flag(flow.mfa)), ("protocol", flow.protocol.map { "\"\($0)\"" })])]
        case .link(let i):
            let link = model.links[i]
            parts = [devices(link.via),
                     block([("separation", link.separation == .none ? nil : link.separation.rawValue), ("wireless", flag(link.wireless))])]
        case .access(let i):
            let access = model.accesses[i]
            parts = [block([("admin", flag(access.admin)), ("mfa", flag(access.mfa)), ("remote", flag(access.remote)),
                            ("keys", flag(access.keys))])]
        case .protects: parts = []
        }
        return parts.compactMap { $0 }.joined(separator: " ")
    }

    /// The attributes a declaration sets, in the language's words and order: `[("separation", "logical")]`.
    /// Defaults that were not written are left out. The organization is `nil`.
    public func declaredAttributes(of element: ElementRef?) -> [(name: String, value: String)] {
        func ids(_ items: [Int]) -> String { items.map { model.data[$0].id }.joined(separator: ", ") }
        func quoted(_ text: String?) -> String? { text.map { "\"\($0)\"" } }
        func flag(_ value: Bool) -> String? { value ? "yes" : nil }
        func known(_ value: Knowledge) -> String? { value == .unknown ? nil : value.rawValue }
        let pairs: [(String, String?)]
        switch element {
        case nil:
            let organization = model.organization
            pairs = [("name", quoted(organization.name)), ("level", String(organization.level)),
                     ("assessment", organization.assessment?.rawValue),
                     ("iso27001", organization.iso27001.isEmpty ? nil : organization.iso27001.map(model.id(of:)).joined(separator: ", "))]
        case .data(let d):
            let item = model.data[d]
            pairs = [("label", quoted(item.label)), ("class", item.dataClass.rawValue),
                     ("category", item.categories.isEmpty ? nil : item.categories.joined(separator: ", ")),
                     ("dissemination", item.dissemination.isEmpty ? nil : item.dissemination.joined(separator: ", "))]
        case .provider(let p):
            let provider = model.providers[p]
            pairs = [("label", quoted(provider.label)), ("type", provider.type.rawValue),
                     ("fedramp", provider.fedramp == .unknown ? nil : provider.fedramp.rawValue), ("country", provider.country),
                     ("us-persons", known(provider.usPersons)), ("crm", flag(provider.crm)), ("cmmc", provider.cmmc?.rawValue),
                     ("dfars-7012", flag(provider.dfars7012))]
        case .zone(let z):
            let zone = model.zones[z]
            pairs = [("label", quoted(zone.label)), ("in", zone.parent.map { model.zones[$0].id }),
                     ("separation", zone.separation == .none ? nil : zone.separation.rawValue)]
        case .asset(let a):
            let asset = model.assets[a]
            let host = asset.hostedOn.map { model.id(of: $0.element) }
            pairs = [("label", quoted(asset.label)), ("type", asset.type.rawValue), ("zone", asset.zone.map { model.zones[$0].id }),
                     ("hosted-on", host), ("stores", asset.stores.isEmpty ? nil : ids(asset.stores)),
                     ("processes", asset.processes.isEmpty ? nil : ids(asset.processes)),
                     ("encryption", asset.encryption == .unknown ? nil : asset.encryption.rawValue),
                     ("security", asset.security.isEmpty ? nil : asset.security.map(\.rawValue).joined(separator: ", ")),
                     ("policy", quoted(asset.policy)), ("category", asset.claimedCategory?.rawValue), ("public", flag(asset.isPublic)),
                     ("country", asset.country), ("us-persons", known(asset.usPersons)), ("vdi", asset.vdi?.rawValue),
                     ("count", asset.count == 1 ? nil : String(asset.count)), ("classified", flag(asset.classified)),
                     ("owner", quoted(asset.owner)), ("description", quoted(asset.description))]
        }
        return pairs.compactMap { name, value in value.map { (name, $0) } }
    }
}
