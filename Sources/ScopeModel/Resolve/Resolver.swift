/// Turns the syntax trees of a model (the root file and its includes) into a `Model`: every name looked
/// up once, every attribute checked against the language, every reference replaced by an index.
struct Resolver {
    private(set) var model = Model()
    private(set) var diagnostics = DiagnosticBag()

    /// A declaration waiting for its attributes to be read, once every name is known.
    private struct Pending {
        var declaration: Declaration
        var file: SourceFile
        var element: ElementRef?
    }

    private var pending: [Pending] = []
    /// The `hosted-on` and `vdi` attributes of each asset, for messages about them.
    private var hostedOnSpans: [Int: SourceSpan] = [:]
    private var vdiSpans: [Int: SourceSpan] = [:]
    /// `AssetType.isNetworkNode` of each asset, once types are read: asked of link ends and `via` devices,
    /// and these flags stay in the cache where a million reads at random into the assets do not.
    private var isNetworkNode: [Bool] = []
    /// How many "did you mean" searches over all names are still allowed: each is a pass over every name.
    private var suggestionBudget = 25
    /// The rule ids a `suppress` may name; nil leaves them unchecked (the analysis then finds no match).
    private var ruleIDs: [String]?

    /// The model of `trees`, and every message about it. Nil when a tree deferred its relations and one of
    /// them could not be parsed that way (`Parser.parseRelations`): the trees are then parsed again without
    /// deferring, and resolved from the top, so that every message is that of one pass.
    static func resolve(_ trees: [SyntaxTree], ruleIDs: [String]? = nil, readingAhead: ReadingAhead = .untilDeclared) -> (Model, [Diagnostic])? {
        var resolver = Resolver()
        resolver.ruleIDs = ruleIDs
        resolver.model.files = trees.map(\.file)
        // Names and attributes on one core, in order; meanwhile, on another, the relations that need no name to
        // be read (`PreparedRelations`), until the names are declared.
        let declared = Parallel.Flag(), undeclared = resolver
        if readingAhead == .nothing { declared.raise() }
        var prepared: PreparedRelations?
        (resolver, prepared) = Parallel.both({
            var resolver = undeclared
            resolver.declare(trees)
            if readingAhead == .untilDeclared { declared.raise() }
            return resolver
        }, { PreparedRelations(trees, until: declared) })
        let relations = prepared.flatMap { resolver.relationsOnEveryCore($0) }
        // What was read ahead is not kept for a pass in order.
        prepared = nil
        if let relations {
            resolver.model.replaceRelations(with: relations)
            for tree in trees {
                for case .suppress(let suppress) in tree.statements { resolver.resolve(suppress, file: tree.file) }
            }
        } else {
            // In file order, suppressions among relations: the limited "did you mean" searches go to the first names.
            resolver.model.reserveCapacity(for: trees.map(\.counts.relations).reduce(RelationCounts(), +))
            for tree in trees {
                guard resolver.resolveInOrder(tree) else { return nil }
            }
        }
        resolver.checkHostingCycles()
        return (resolver.model, resolver.diagnostics.all)
    }

    /// How many of the deferred relations are read while the names are declared: tests read them all, or none.
    enum ReadingAhead { case untilDeclared, everything, nothing }

    /// Pass 1 and 2: every name of `trees` declared, in order, then every declaration's attributes read.
    private mutating func declare(_ trees: [SyntaxTree]) {
        reserveCapacity(for: trees)
        for tree in trees {
            for statement in tree.statements {
                if case .declaration(let declaration) = statement { declare(declaration, file: tree.file, zone: nil) }
            }
        }
        for index in pending.indices { readAttributes(of: index) }
        checkAssetKinds()
        isNetworkNode = model.assets.map(\.type.isNetworkNode)
    }

    /// The relations and suppressions of `tree`, resolved one by one in file order. False when a deferred
    /// relation cannot be read that way: then the skip that passed over it may have hidden other statements.
    private mutating func resolveInOrder(_ tree: SyntaxTree) -> Bool {
        guard tree.defersRelations else {
            for statement in tree.statements {
                switch statement {
                case .relation(let relation):
                    if let resolved = resolve(relation, file: tree.file) { model.append(resolved) }
                case .suppress(let suppress): resolve(suppress, file: tree.file)
                case .declaration, .include: break
                }
            }
            return true
        }
        // Each deferred relation must parse and end where it was skipped to: then the skips hid nothing, every
        // declaration was seen, and the messages are those of one pass without loading the model again.
        let deferred = Array(tree.deferred.joined())
        var next = 0
        func resolveRelations(before offset: Int) -> Bool {
            let first = next
            while next < deferred.count, deferred[next].start < offset { next += 1 }
            return Parser.parseRelations(in: tree.file, deferred[first..<next]) { relation in
                if let resolved = resolve(relation, file: tree.file) { model.append(resolved) }
                return true
            }
        }
        for case .suppress(let suppress) in tree.statements {
            guard resolveRelations(before: suppress.keywordOffset) else { return false }
            resolve(suppress, file: tree.file)
        }
        return resolveRelations(before: .max)
    }

    /// Sizes the arrays of declared elements once: a million appends would otherwise regrow and copy them
    /// many times.
    private mutating func reserveCapacity(for trees: [SyntaxTree]) {
        let counts = trees.map(\.counts).reduce(StatementCounts(), +)
        model.assets.reserveCapacity(counts.assets)
        model.zones.reserveCapacity(counts.zones)
        model.names.reserveCapacity(counts.declarations)
        pending.reserveCapacity(counts.declarations)
    }

    private func span(_ name: Name, _ file: SourceFile) -> SourceSpan {
        SourceSpan(file: file, offset: name.offset, length: name.text.utf8.count)
    }

    private func keywordSpan(_ declaration: Declaration, _ file: SourceFile) -> SourceSpan {
        SourceSpan(file: file, offset: declaration.keywordOffset, length: declaration.kind.rawValue.utf8.count)
    }

    // MARK: Pass 1: names

    private mutating func declare(_ declaration: Declaration, file: SourceFile, zone: Int?) {
        let at = keywordSpan(declaration, file)
        guard let name = declaration.name else {
            if let first = model.organization.span {
                diagnostics.error(.secondOrganization, "a model has at most one `organization`", at: at,
                                  hint: "the first is at \(first.location)")
            } else {
                model.organization.name = declaration.label?.text
                model.organization.span = at
                pending.append(Pending(declaration: declaration, file: file, element: nil))
            }
            return
        }
        let element: ElementRef
        switch declaration.kind {
        case .organization: return
        case .data: element = .data(model.data.count)
        case .provider: element = .provider(model.providers.count)
        case .zone: element = .zone(model.zones.count)
        case .asset: element = .asset(model.assets.count)
        }
        // Entered in one probe of the names, and taken back on a duplicate: a quarter of a million names are
        // declared one after another on one core. `none` is never entered.
        let isReserved = declaration.kind == .data && name.text == "none"
        if let existing = isReserved ? model.names[name.text] : model.names.updateValue(element, forKey: name.text) {
            if !isReserved { model.names[name.text] = existing }
            diagnostics.error(.duplicateIdentifier, "`\(name.text)` is already defined", at: span(name, file),
                              hint: "ids are unique across data, providers, zones and assets: rename one",
                              notes: [Diagnostic.Note("first defined here, as \(existing.kindName)", at: model.span(of: existing))])
            return
        }
        if isReserved {
            diagnostics.error(.reservedName, "`none` cannot name a data item", at: span(name, file),
                              hint: "`carries none` means a flow carries nothing; choose another id")
            return
        }
        let label = declaration.label?.text
        switch element {
        case .data: model.data.append(DataItem(id: name.text, label: label, dataClass: .public, categories: [], dissemination: [], span: at))
        case .provider: model.providers.append(Provider(id: name.text, label: label, type: .vendor, span: at))
        case .zone: model.zones.append(Zone(id: name.text, label: label, parent: zone, span: at))
        case .asset: model.assets.append(Asset(id: name.text, label: label, span: at, zone: zone, type: .other))
        }
        pending.append(Pending(declaration: declaration, file: file, element: element))
        if case .zone(let index) = element {
            for case .declaration(let nested) in declaration.body?.items ?? [] {
                declare(nested, file: file, zone: index)
            }
        }
    }

    // MARK: Pass 2: attributes

    private mutating func readAttributes(of index: Int) {
        let item = pending[index]
        let kind = item.declaration.kind
        let items = item.declaration.body?.items ?? []
        let accepted = AttributeNames.accepted(by: kind)
        // Bit i: `accepted[i]` was given. A set of strings per block would cost 250k of them at 1M relations.
        var seen: UInt32 = 0
        for case .attribute(let attribute) in items {
            let reader = AttributeReader(attribute: attribute, file: item.file)
            let keySpan = span(attribute.key, item.file)
            guard let slot = accepted.firstIndex(of: reader.key) else {
                reportUnknownAttribute(reader.key, at: keySpan, accepted: accepted, owner: "`\(kind.rawValue)`")
                continue
            }
            guard seen & (1 << slot) == 0 else {
                let first = span(of: reader.key, in: items, item.file)
                diagnostics.error(.attributeTwice, "`\(reader.key)` is given twice", at: keySpan,
                                  hint: "first given at \(first.location); list several values with commas")
                continue
            }
            seen |= 1 << slot
            switch item.element {
            case nil: readOrganization(reader)
            case .data(let i): readData(reader, into: i)
            case .provider(let i): readProvider(reader, into: i)
            case .zone(let i): readZone(reader, into: i)
            case .asset(let i): readAsset(reader, into: i, keySpan: keySpan)
            }
        }
        let required: String? = switch kind {
        case .data: "class"
        case .provider, .asset: "type"
        case .organization, .zone: nil
        }
        if let missing = required, seen & (1 << accepted.firstIndex(of: missing)!) == 0, !item.declaration.hasSyntaxErrors {
            let example = kind == .data ? "class cui" : kind == .provider ? "type csp" : "type server"
            diagnostics.error(.missingAttribute, "`\(kind.rawValue)` `\(item.declaration.name?.text ?? "")` has no `\(missing)`",
                              at: keywordSpan(item.declaration, item.file),
                              hint: "add `\(example)` inside its block")
        }
        if case .data(let i) = item.element, model.data[i].dataClass != .cui {
            for key in ["category", "dissemination"] where seen & (1 << accepted.firstIndex(of: key)!) != 0 {
                diagnostics.error(.attributeOnlyForCUI, "`\(key)` applies only to CUI; `\(model.data[i].id)` is class `\(model.data[i].dataClass.rawValue)`",
                                  at: span(of: key, in: items, item.file), hint: "make it `class cui` or remove `\(key)`")
            }
        }
    }

    /// Where the first attribute named `key` among `items` is written.
    private func span(of key: String, in items: [BlockItem], _ file: SourceFile) -> SourceSpan {
        let first = items.lazy.compactMap { item -> Name? in
            if case .attribute(let attribute) = item, attribute.key.text == key { attribute.key } else { nil }
        }.first!
        return span(first, file)
    }

    private mutating func reportUnknownAttribute(_ key: String, at span: SourceSpan, accepted: [String], owner: String) {
        let hint = Suggestion.didYouMean(key, in: accepted)
            ?? (accepted.isEmpty ? "\(owner) takes no attributes" : "\(owner) accepts " + accepted.map { "`\($0)`" }.joined(separator: ", "))
        diagnostics.error(.unknownAttribute, "unknown attribute `\(key)` for \(owner)", at: span, hint: hint)
    }

    private mutating func readOrganization(_ reader: AttributeReader) {
        switch reader.key {
        case "level": if let level = reader.number(in: 1...3, &diagnostics) { model.organization.level = level }
        case "assessment": model.organization.assessment = reader.word(AssessmentKind.self, "assessment", &diagnostics)
        default: model.organization.iso27001 = references(reader, allowed: [.zone, .asset], as: "a zone or an asset")
        }
    }

    private mutating func readData(_ reader: AttributeReader, into i: Int) {
        switch reader.key {
        case "class": if let value = reader.word(DataClass.self, "data class", &diagnostics) { model.data[i].dataClass = value }
        case "category": model.data[i].categories = reader.markings("category marking", CUIRegistry.category, &diagnostics)
        default: model.data[i].dissemination = reader.markings("limited dissemination control", CUIRegistry.dissemination, &diagnostics)
        }
    }

    private mutating func readProvider(_ reader: AttributeReader, into i: Int) {
        switch reader.key {
        case "type": if let value = reader.word(ProviderType.self, "provider type", &diagnostics) { model.providers[i].type = value }
        case "fedramp": if let value = reader.word(FedRAMPLevel.self, "FedRAMP level", &diagnostics) { model.providers[i].fedramp = value }
        case "country": if let value = reader.country(&diagnostics) { model.providers[i].country = value }
        case "us-persons": if let value = reader.word(Knowledge.self, "value for `us-persons`", &diagnostics) { model.providers[i].usPersons = value }
        case "crm": if let value = reader.bool(&diagnostics) { model.providers[i].crm = value }
        case "cmmc": model.providers[i].cmmc = reader.word(CMMCStatus.self, "CMMC status", &diagnostics)
        default: if let value = reader.bool(&diagnostics) { model.providers[i].dfars7012 = value }
        }
    }

    private mutating func readZone(_ reader: AttributeReader, into i: Int) {
        if let value = reader.word(Separation.self, "separation", &diagnostics) { model.zones[i].separation = value }
    }

    private mutating func readAsset(_ reader: AttributeReader, into i: Int, keySpan: SourceSpan) {
        switch reader.key {
        case "type": if let value = reader.word(AssetType.self, "asset type", &diagnostics) { model.assets[i].type = value }
        case "hosted-on":
            guard let value = reader.single(&diagnostics),
                  let host = reference(value, reader, allowed: [.asset, .provider], as: "an asset or a provider")
            else { return }
            model.assets[i].hostedOn = if case .asset(let a) = host { .asset(a) } else if case .provider(let p) = host { .provider(p) } else { nil }
            hostedOnSpans[i] = keySpan
        case "stores", "processes":
            let items = references(reader, allowed: [.data], as: "a data item").compactMap { ref -> Int? in
                if case .data(let d) = ref { d } else { nil }
            }
            if reader.key == "stores" { model.assets[i].stores = items } else { model.assets[i].processes = items }
        case "encryption": if let value = reader.word(Encryption.self, "encryption", &diagnostics) { model.assets[i].encryption = value }
        case "security": model.assets[i].security = reader.words(SecurityFunction.self, "security function", &diagnostics)
        case "policy": model.assets[i].policy = reader.string(&diagnostics)
        case "category": model.assets[i].claimedCategory = reader.word(ClaimedCategory.self, "category", &diagnostics)
        case "public": if let value = reader.bool(&diagnostics) { model.assets[i].isPublic = value }
        case "country": if let value = reader.country(&diagnostics) { model.assets[i].country = value }
        case "us-persons": if let value = reader.word(Knowledge.self, "value for `us-persons`", &diagnostics) { model.assets[i].usPersons = value }
        case "vdi":
            model.assets[i].vdi = reader.word(VDIMode.self, "VDI mode", &diagnostics)
            vdiSpans[i] = keySpan
        case "count": if let value = reader.number(in: 1...1_000_000, &diagnostics) { model.assets[i].count = value }
        case "classified": if let value = reader.bool(&diagnostics) { model.assets[i].classified = value }
        case "owner": model.assets[i].owner = reader.string(&diagnostics)
        case "description": model.assets[i].description = reader.string(&diagnostics)
        default:
            guard let value = reader.single(&diagnostics),
                  case .zone(let zone)? = reference(value, reader, allowed: [.zone], as: "a zone")
            else { return }
            if let nestedIn = model.assets[i].zone, nestedIn != zone {
                diagnostics.error(.zoneConflict, "`\(model.assets[i].id)` is nested in zone `\(model.zones[nestedIn].id)` but names zone `\(model.zones[zone].id)`",
                                  at: reader.span(value), hint: "remove `zone` or move the asset",
                                  notes: [Diagnostic.Note("nested in zone `\(model.zones[nestedIn].id)` here", at: model.zones[nestedIn].span)])
            }
            model.assets[i].zone = zone
        }
    }

    // MARK: References

    /// Which kinds of element a reference may name; a bitmask, because it is checked on every reference.
    private struct Kinds: OptionSet {
        let rawValue: UInt8
        static let asset = Kinds(rawValue: 1), provider = Kinds(rawValue: 2), zone = Kinds(rawValue: 4), data = Kinds(rawValue: 8)

        init(rawValue: UInt8) { self.rawValue = rawValue }

        init(_ element: ElementRef) {
            switch element {
            case .asset: self = .asset
            case .provider: self = .provider
            case .zone: self = .zone
            case .data: self = .data
            }
        }
    }

    private mutating func references(_ reader: AttributeReader, allowed: Kinds, as what: String) -> [ElementRef] {
        reader.attribute.values.compactMap { reference($0, reader, allowed: allowed, as: what) }
    }

    private mutating func reference(_ value: Value, _ reader: AttributeReader, allowed: Kinds, as what: String) -> ElementRef? {
        guard value.kind == .identifier else {
            diagnostics.error(.wrongValueKind, "`\(reader.key)` takes \(what), not \(value.kind == .string ? "a string" : "a number")", at: reader.span(value))
            return nil
        }
        return lookUp(Name(text: value.text, offset: value.offset), in: reader.file, allowed: allowed, as: what,
                      context: "`\(reader.key)`")
    }

    /// The element `name` refers to, if it exists and is of an allowed kind; otherwise reports why not.
    private mutating func lookUp(_ name: Name, in file: SourceFile, allowed: Kinds, as what: @autoclosure () -> String,
                                 context: @autoclosure () -> String,
                                 hint wrongKindHint: (ElementRef) -> String? = { _ in nil }) -> ElementRef? {
        guard let element = model.names[name.text] else {
            var hint: String?
            if suggestionBudget > 0 {
                suggestionBudget -= 1
                let candidates = model.names.lazy.filter { allowed.contains(Kinds($0.value)) }.map(\.key)
                hint = Suggestion.didYouMean(name.text, in: candidates.sorted())
            }
            diagnostics.error(.undefinedIdentifier, "undefined identifier `\(name.text)`", at: span(name, file),
                              hint: hint ?? "\(context()) takes \(what()); declare it or fix the spelling")
            return nil
        }
        guard allowed.contains(Kinds(element)) else {
            diagnostics.error(.wrongElementKind, "\(context()) takes \(what()), but `\(name.text)` is \(element.kindName)", at: span(name, file),
                              hint: wrongKindHint(element) ?? "declared at \(model.span(of: element).location)")
            return nil
        }
        return element
    }

    // MARK: Pass 3: relations

    /// The model relation `relation` stands for, or nil, reported, when it cannot be resolved. Appending it is
    /// left to the caller: pass 3 may run on every core.
    mutating func resolve(_ relation: Relation, file: SourceFile) -> ResolvedRelation? {
        let kind = relation.kind
        let keyword = SourceSpan(file: file, offset: relation.keywordOffset, length: kind.rawValue.utf8.count)
        let arrowSpan = SourceSpan(file: file, offset: relation.arrowOffset, length: relation.arrow.rawValue.utf8.count)
        var ok = true
        switch (kind, relation.arrow) {
        case (.flow, .forward), (.flow, .both), (.link, .undirected), (.access, .forward), (.protects, .forward): break
        case (.link, _):
            diagnostics.error(.wrongArrow, "a link is undirected: write `\(relation.from.text) -- \(relation.to.text)`", at: arrowSpan)
            ok = false
        case (.flow, _):
            diagnostics.error(.wrongArrow, "a flow has a direction: write `->`, or `<->` for both ways", at: arrowSpan,
                              hint: "network connectivity without direction is a `link`")
            ok = false
        default:
            diagnostics.error(.wrongArrow, "`\(kind.rawValue)` goes one way: write `\(relation.from.text) -> \(relation.to.text)`", at: arrowSpan)
            ok = false
        }
        if kind != .flow, relation.carries != nil {
            diagnostics.error(.clauseNotForRelation, "only a flow carries data", at: SourceSpan(file: file, offset: relation.carriesOffset, length: 7),
                              hint: "make it `flow \(relation.from.text) -> \(relation.to.text) carries ...`")
            ok = false
        }
        if kind == .access || kind == .protects, let first = relation.via.first {
            diagnostics.error(.clauseNotForRelation, "`via` is for flows and links, not `\(kind.rawValue)`", at: span(first, file))
            ok = false
        }
        if kind != .flow, let label = relation.label {
            diagnostics.error(.clauseNotForRelation, "only a flow takes a label", at: SourceSpan(file: file, offset: label.offset, length: label.length),
                              hint: "use a comment instead")
            ok = false
        }

        let (fromKinds, toKinds, fromWhat, toWhat): (Kinds, Kinds, String, String) = switch kind {
        case .flow: ([.asset, .provider], [.asset, .provider], "an asset or a provider", "an asset or a provider")
        case .link: ([.asset, .zone], [.asset, .zone], "an asset or a zone", "an asset or a zone")
        case .access, .protects: ([.asset, .provider], [.asset, .zone], "an asset or a provider", "an asset or a zone")
        }
        let from = endpoint(relation.from, file, kind, allowed: fromKinds, as: fromWhat)
        let to = endpoint(relation.to, file, kind, allowed: toKinds, as: toWhat)
        let via = relation.via.compactMap { name -> Int? in
            guard case .asset(let device)? = lookUp(name, in: file, allowed: [.asset], as: "an asset (a device)",
                                                  context: "`via`") else { return nil }
            guard isNetworkNode[device] else {
                diagnostics.error(.notANetworkNode, "`via` names a device, and `\(name.text)` is a \(model.assets[device].type.rawValue)", at: span(name, file),
                                  hint: "people, teams and facilities are not on the network")
                return nil
            }
            return device
        }
        if kind == .link {
            // Each end in turn, without a list per link.
            func requireNetworkNode(_ name: Name, _ end: Endpoint?) {
                guard case .asset(let a)? = end, !isNetworkNode[a] else { return }
                diagnostics.error(.notANetworkNode, "a link joins network nodes, and `\(name.text)` is a \(model.assets[a].type.rawValue)", at: span(name, file),
                                  hint: "people reach systems with `access`")
                ok = false
            }
            requireNetworkNode(relation.from, from)
            requireNetworkNode(relation.to, to)
        }
        var carried = Carried.unlabeled
        if let names = relation.carries {
            carried = .data(names.compactMap { name -> Int? in
                guard case .data(let item)? = lookUp(name, in: file, allowed: [.data], as: "a data item",
                                                     context: "`carries`") else { return nil }
                return item
            })
        }
        guard ok, let from, let to, via.count == relation.via.count else { return nil }
        if from == to {
            diagnostics.error(.selfRelation, "`\(kind.rawValue) \(relation.from.text) \(relation.arrow.rawValue) \(relation.to.text)` joins `\(relation.to.text)` to itself",
                              at: span(relation.to, file),
                              hint: "a relation joins two different elements; remove it, or name the other end")
            return nil
        }

        let readers = relationAttributes(relation, file: file)
        switch kind {
        case .flow:
            var flow = Flow(from: from, to: to, bidirectional: relation.arrow == .both, carries: carried, via: via,
                            label: relation.label?.text, span: keyword)
            for reader in readers {
                switch reader.key {
                case "encryption": flow.encryption = reader.word(Encryption.self, "encryption", &diagnostics) ?? flow.encryption
                case "remote": flow.remote = reader.bool(&diagnostics) ?? false
                case "mfa": flow.mfa = reader.bool(&diagnostics) ?? false
                case "protocol": flow.protocol = reader.string(&diagnostics)
                default:
                    if relation.label != nil {
                        diagnostics.error(.repeatedClause, "the flow already has a label", at: span(reader.attribute.key, file), hint: "keep one of the two")
                    }
                    flow.label = reader.string(&diagnostics)
                }
            }
            return .flow(flow)
        case .link:
            var link = Link(a: from, b: to, via: via, span: keyword)
            for reader in readers {
                if reader.key == "separation" {
                    link.separation = reader.word(Separation.self, "separation", &diagnostics) ?? .none
                } else {
                    link.wireless = reader.bool(&diagnostics) ?? false
                }
            }
            return .link(link)
        case .access:
            var access = Access(from: from, to: to, span: keyword)
            for reader in readers {
                let value = reader.bool(&diagnostics) ?? false
                switch reader.key {
                case "admin": access.admin = value
                case "mfa": access.mfa = value
                case "remote": access.remote = value
                default: access.keys = value
                }
            }
            return .access(access)
        case .protects:
            return .protection(Protection(from: from, to: to, span: keyword))
        }
    }

    /// The relation's attributes that its kind accepts, each given once; the others are reported.
    private mutating func relationAttributes(_ relation: Relation, file: SourceFile) -> [AttributeReader] {
        guard let items = relation.body?.items, !items.isEmpty else { return [] }
        let accepted = AttributeNames.accepted(by: relation.kind)
        var readers: [AttributeReader] = []
        readers.reserveCapacity(items.count)
        for case .attribute(let attribute) in items {
            let reader = AttributeReader(attribute: attribute, file: file)
            let keySpan = span(attribute.key, file)
            guard accepted.contains(reader.key) else {
                reportUnknownAttribute(reader.key, at: keySpan, accepted: accepted, owner: "`\(relation.kind.rawValue)`")
                continue
            }
            if let first = readers.first(where: { $0.key == reader.key }) {
                diagnostics.error(.attributeTwice, "`\(reader.key)` is given twice", at: keySpan,
                                  hint: "first given at \(span(first.attribute.key, file).location)")
                continue
            }
            readers.append(reader)
        }
        return readers
    }

    private mutating func endpoint(_ name: Name, _ file: SourceFile, _ kind: RelationKind, allowed: Kinds,
                                   as what: String) -> Endpoint? {
        // The hint is written in the call: a closure kept in a constant is allocated on every relation.
        switch lookUp(name, in: file, allowed: allowed, as: what, context: "`\(kind.rawValue)`", hint: { element in
            switch (element, kind) {
            case (.data, _): "a data item is never an end of a relation; write `carries \(name.text)` on a flow"
            case (.zone, .flow): "data lands on a particular system, never on a whole zone: name the asset that receives it"
            case (.provider, .link): "a link joins assets or zones; reach a provider with `flow` or `access`"
            default: nil
            }
        }) {
        case .asset(let i)?: return .asset(i)
        case .provider(let i)?: return .provider(i)
        case .zone(let i)?: return .zone(i)
        case .data?, nil: return nil
        }
    }

    private mutating func resolve(_ suppress: Suppress, file: SourceFile) {
        if let ruleIDs, !ruleIDs.contains(suppress.rule.text) {
            diagnostics.error(.unknownRule, "unknown rule `\(suppress.rule.text)`", at: span(suppress.rule, file),
                              hint: Suggestion.didYouMean(suppress.rule.text, in: ruleIDs) ?? "`cuiscope rules` lists every rule")
        }
        let kinds: Kinds = [.asset, .provider, .zone]
        let what = "an asset, a provider or a zone"
        let subject = lookUp(suppress.subject, in: file, allowed: kinds, as: what, context: "`suppress`")
        let target: Suppression.Target
        if let relation = suppress.relation {
            let to = lookUp(relation.to, in: file, allowed: kinds, as: what, context: "`suppress`")
            guard let subject, let to else { return }
            target = .relation(from: subject, arrow: relation.arrow, to: to)
        } else {
            guard let subject else { return }
            target = .element(subject)
        }
        model.suppressions.append(Suppression(
            rule: suppress.rule.text, target: target, reason: suppress.reason.text,
            span: SourceSpan(file: file, offset: suppress.keywordOffset, length: "suppress".utf8.count)))
    }

    /// Once every type is known: `vdi` belongs to a `vdi-client`, and nothing runs on a person, a team or a
    /// facility, which are not network nodes (docs/scoping.md §3).
    private mutating func checkAssetKinds() {
        // By index: a copy of an asset (or of the array, while one is changed) costs a whole copy of 250k assets.
        for i in model.assets.indices {
            let asset = (id: model.assets[i].id, type: model.assets[i].type, vdi: model.assets[i].vdi, hostedOn: model.assets[i].hostedOn)
            if asset.vdi != nil, asset.type != .vdiClient, let span = vdiSpans[i] {
                diagnostics.error(.vdiOnNonClient, "`vdi` is for a `vdi-client`, and `\(asset.id)` is a \(asset.type.rawValue)", at: span,
                                  hint: "make it `type vdi-client`, or remove `vdi`")
            }
            if case .asset(let host)? = asset.hostedOn, !model.assets[host].type.isNetworkNode, let span = hostedOnSpans[i] {
                diagnostics.error(.notANetworkNode, "`\(asset.id)` cannot run on `\(model.assets[host].id)`, a \(model.assets[host].type.rawValue)", at: span,
                                  hint: "`hosted-on` names a server, a VM host or a provider; people, teams and facilities host nothing")
                model.assets[i].hostedOn = nil
            }
        }
    }

    // MARK: Pass 4: hosting cycles

    private mutating func checkHostingCycles() {
        // 0: not visited, 1: on the current chain, 2: done.
        var state = [UInt8](repeating: 0, count: model.assets.count)
        for start in model.assets.indices where state[start] == 0 {
            var chain: [Int] = []
            var next: Int? = start
            while let current = next, state[current] == 0 {
                state[current] = 1
                chain.append(current)
                next = if case .asset(let host)? = model.assets[current].hostedOn { host } else { nil }
            }
            if let current = next, state[current] == 1, let cycleStart = chain.firstIndex(of: current) {
                let cycle = chain[cycleStart...].map { model.assets[$0].id } + [model.assets[current].id]
                // Each step of the cycle, where it is written.
                let steps = chain[cycleStart...].dropFirst().compactMap { member -> Diagnostic.Note? in
                    guard case .asset(let host)? = model.assets[member].hostedOn else { return nil }
                    return Diagnostic.Note("`\(model.assets[member].id)` is hosted on `\(model.assets[host].id)` here",
                                           at: hostedOnSpans[member] ?? model.assets[member].span)
                }
                diagnostics.error(.hostingCycle, "`hosted-on` cycle: " + cycle.joined(separator: " -> "),
                                  at: hostedOnSpans[current] ?? model.assets[current].span,
                                  hint: "an asset cannot run on itself, directly or through others", notes: steps)
                for member in chain[cycleStart...] { model.assets[member].hostedOn = nil }
            }
            for member in chain { state[member] = 2 }
        }
    }
}
