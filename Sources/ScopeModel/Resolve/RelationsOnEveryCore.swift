import Foundation

// Pass 3 of the resolver, the relations, on every core: a million relations are most of a large model.

/// A relation resolved, before it joins the model.
enum ResolvedRelation {
    case flow(Flow), link(Link), access(Access), protection(Protection)
}

/// The model's relations, built apart from it.
struct Relations {
    var flows: [Flow] = [], links: [Link] = [], accesses: [Access] = [], protections: [Protection] = []
}

extension Model {
    mutating func append(_ relation: ResolvedRelation) {
        switch relation {
        case .flow(let flow): flows.append(flow)
        case .link(let link): links.append(link)
        case .access(let access): accesses.append(access)
        case .protection(let protection): protections.append(protection)
        }
    }

    /// Sizes the relation arrays once: a million appends would otherwise regrow and copy them many times.
    mutating func reserveCapacity(for counts: RelationCounts) {
        flows.reserveCapacity(counts.flows)
        links.reserveCapacity(counts.links)
        accesses.reserveCapacity(counts.accesses)
        protections.reserveCapacity(counts.protections)
    }

    mutating func replaceRelations(with relations: Relations) {
        flows = relations.flows
        links = relations.links
        accesses = relations.accesses
        protections = relations.protections
    }
}

/// The storage of the four relation arrays while the jobs write into it.
private struct RelationSlots: @unchecked Sendable {
    // @unchecked: each job writes only its own slots, which follow from the counts of the pieces before it.
    let flows: UnsafeMutablePointer<Flow>?, links: UnsafeMutablePointer<Link>?
    let accesses: UnsafeMutablePointer<Access>?, protections: UnsafeMutablePointer<Protection>?

    /// Writes `relation` into the next slot of its kind, and moves `next` on.
    func initialize(_ next: inout RelationCounts, to relation: consuming ResolvedRelation) {
        // Consumed, so that the relation moves into its slot: a copy, and the destruction of the original
        // through the enum's generic witness, cost 300 instructions a relation.
        switch consume relation {
        case .flow(let flow): (flows! + next.flows).initialize(to: flow); next.flows += 1
        case .link(let link): (links! + next.links).initialize(to: link); next.links += 1
        case .access(let access): (accesses! + next.accesses).initialize(to: access); next.accesses += 1
        case .protection(let protection): (protections! + next.protections).initialize(to: protection); next.protections += 1
        }
    }

    /// Undoes the writes of a job that started at `first` and stopped before `next`.
    func deinitialize(from first: RelationCounts, to next: RelationCounts) {
        flows?.advanced(by: first.flows).deinitialize(count: next.flows - first.flows)
        links?.advanced(by: first.links).deinitialize(count: next.links - first.links)
        accesses?.advanced(by: first.accesses).deinitialize(count: next.accesses - first.accesses)
        protections?.advanced(by: first.protections).deinitialize(count: next.protections - first.protections)
    }
}

extension Resolver {
    /// Every relation of `prepared` resolved in runs of about as many relations each (`Job.runs`), on every
    /// core, each run writing straight into its own slots of the arrays: without errors each relation gives
    /// exactly one model relation, so a run's first slots follow from the counts of the runs before it. A tree
    /// that deferred its relations (`SyntaxTree.deferred`) has them parsed here, each resolved as soon as it is
    /// read, but for those read ahead (`PreparedRelations`). Nil when any relation is in error: the caller then
    /// resolves them all in order, so that messages, and the budget of "did you mean" searches, are those of
    /// one pass.
    func relationsOnEveryCore(_ prepared: PreparedRelations) -> Relations? {
        let (jobs, counts, readAheads) = (prepared.jobs, prepared.counts, prepared.readAheads)
        // Each job's first slots: the counts of the jobs before it.
        let sums = counts.reduce(into: [RelationCounts()]) { sums, count in sums.append(sums.last! + count) }
        let firsts = Array(sums.dropLast()), total = sums.last!
        let resolver = self
        var relations = Relations(), clean = false
        // The four arrays are written at once, each built in place inside the one before it; each keeps its
        // elements only when every job was clean. Built apart, then copied, they would double the peak.
        relations.flows = [Flow](unsafeUninitializedCapacity: total.flows) { flows, flowCount in
            relations.links = [Link](unsafeUninitializedCapacity: total.links) { links, linkCount in
                relations.accesses = [Access](unsafeUninitializedCapacity: total.accesses) { accesses, accessCount in
                    relations.protections = [Protection](unsafeUninitializedCapacity: total.protections) { protections, protectionCount in
                        let slots = RelationSlots(flows: flows.baseAddress, links: links.baseAddress,
                                                  accesses: accesses.baseAddress, protections: protections.baseAddress)
                        let ends = Parallel.map(jobs.count) { index in
                            resolver.resolveRelations(of: jobs[index], readAhead: readAheads[index], into: slots, from: firsts[index])
                        }
                        clean = ends.allSatisfy { $0 != nil }
                        if !clean {
                            for (first, end) in zip(firsts, ends) { slots.deinitialize(from: first, to: end ?? first) }
                        }
                        protectionCount = clean ? total.protections : 0
                    }
                    accessCount = clean ? total.accesses : 0
                }
                linkCount = clean ? total.links : 0
            }
            flowCount = clean ? total.flows : 0
        }
        return clean ? relations : nil
    }

    /// One job: its relations written into `slots` from `first` on, those read ahead first. Where it stopped,
    /// or nil when a relation was in error, or a deferred one could not be read (its slots are then
    /// deinitialized).
    private func resolveRelations(of job: Job, readAhead: ReadAhead?, into slots: RelationSlots, from first: RelationCounts) -> RelationCounts? {
        // A copy of its own: the names and assets are read, and its messages and suggestion budget are its own.
        var worker = self
        var next = first
        func resolve(_ relation: Relation) -> ResolvedRelation? {
            let resolved = worker.resolve(relation, file: job.file)
            return worker.diagnostics.all.count == diagnostics.all.count ? resolved : nil
        }
        var clean = true
        switch job.relations {
        case .statements(let statements):
            // By index: a `for case` over the statements would copy every relation out of the tree.
            for index in statements.indices {
                guard case .relation(let relation) = statements[index] else { continue }
                guard let resolved = resolve(relation) else { clean = false; break }
                slots.initialize(&next, to: resolved)
            }
        case .deferred(let deferred):
            // The first relation of each group of clauses, resolved: the others of the group take their clauses'
            // part from it, and resolve their ends alone, which must be valid too.
            var knownClauses = readAhead?.knownClauses ?? KnownClauses(file: job.file), groupFirsts: [ResolvedRelation] = []
            for (ends, clauses) in readAhead?.relations ?? [] {
                let relation = if case .first(let group) = clauses, let readAhead { readAhead.firsts[group] } else { ends.relation }
                guard let resolved = resolve(relation) else { clean = false; break }
                switch clauses {
                case .none: slots.initialize(&next, to: resolved)
                case .first:
                    groupFirsts.append(resolved)
                    slots.initialize(&next, to: resolved)
                case .known(let group): slots.initialize(&next, to: groupFirsts[group].withEnds(of: resolved))
                }
            }
            guard clean else { break }
            let rest = deferred.dropFirst(readAhead?.relations.count ?? 0)
            clean = Parser.parseRelations(in: job.file, rest, knownClauses: { knownClauses.group($0, clauses: $1) }) { relation, clauses, group in
                guard let resolved = resolve(relation) else { return false }
                if let group {
                    slots.initialize(&next, to: groupFirsts[group].withEnds(of: resolved))
                } else {
                    if knownClauses.add(relation.kind, clauses: clauses) != nil { groupFirsts.append(resolved) }
                    slots.initialize(&next, to: resolved)
                }
                return true
            }
        }
        guard clean else {
            slots.deinitialize(from: first, to: next)
            return nil
        }
        return next
    }
}

/// The clauses of a job's relations in groups, by their bytes: a large model repeats a few, such as
/// `{ admin yes; mfa yes }`, on most of its relations. What the clauses (`carries`, `via`, the label and the
/// block) resolve to follows from their bytes and the relation's kind alone; so a relation of a group whose
/// first relation resolved needs its ends alone read and resolved.
private struct KnownClauses {
    let file: SourceFile
    /// Groups are numbered from 0 in the order they are added.
    private var groups: [Key: Int] = [:]
    private var lookups = 0, finds = 0

    /// Enough for the blocks a model repeats; a model whose clauses all differ keeps no more.
    private static let limit = 1024

    /// Clauses by their bytes, hashed once, and compared as bytes.
    private struct Key: Hashable {
        let kind: RelationKind
        let clauses: ArraySlice<UInt8>
        let hash: UInt64

        init(kind: RelationKind, clauses: ArraySlice<UInt8>) {
            self.kind = kind
            self.clauses = clauses
            // FNV-1a, once per lookup: the dictionary's own hashing would read the bytes again on every probe.
            hash = clauses.withUnsafeBytes { bytes in
                bytes.reduce(0xCBF2_9CE4_8422_2325 as UInt64) { ($0 ^ UInt64($1)) &* 0x100_0000_01B3 }
            }
        }

        static func == (lhs: Key, rhs: Key) -> Bool {
            lhs.hash == rhs.hash && lhs.kind == rhs.kind && lhs.clauses.count == rhs.clauses.count
                && lhs.clauses.withUnsafeBytes { left in
                    rhs.clauses.withUnsafeBytes { memcmp(left.baseAddress!, $0.baseAddress!, left.count) == 0 }
                }
        }

        func hash(into hasher: inout Hasher) { hasher.combine(hash) }
    }

    init(file: SourceFile) { self.file = file }

    /// Where fewer than one lookup in four finds, the clauses hardly repeat: hashing them costs more than it saves.
    private var isLookingUp: Bool { lookups < 256 || finds * 4 >= lookups }

    /// The group of the clauses `clauses` (a range of the file's bytes) after a relation of kind `kind`, if any.
    mutating func group(_ kind: RelationKind, clauses: Range<Int>) -> Int? {
        guard isLookingUp else { return nil }
        lookups += 1
        let group = groups[Key(kind: kind, clauses: file.bytes[clauses])]
        if group != nil { finds += 1 }
        return group
    }

    /// A new group for the clauses `clauses`, not in one yet; nil when there are none, or no more groups are kept.
    mutating func add(_ kind: RelationKind, clauses: Range<Int>) -> Int? {
        guard !clauses.isEmpty, isLookingUp, groups.count < KnownClauses.limit else { return nil }
        groups[Key(kind: kind, clauses: file.bytes[clauses])] = groups.count
        return groups.count - 1
    }
}

extension ResolvedRelation {
    /// This relation with the ends, direction and place of `other`, a relation of the same kind.
    func withEnds(of other: ResolvedRelation) -> ResolvedRelation {
        switch (self, other) {
        case (.flow(var flow), .flow(let ends)):
            (flow.from, flow.to, flow.bidirectional, flow.span) = (ends.from, ends.to, ends.bidirectional, ends.span)
            return .flow(flow)
        case (.link(var link), .link(let ends)):
            (link.a, link.b, link.span) = (ends.a, ends.b, ends.span)
            return .link(link)
        case (.access(var access), .access(let ends)):
            (access.from, access.to, access.span) = (ends.from, ends.to, ends.span)
            return .access(access)
        default:
            // A protection is its ends and place alone.
            return other
        }
    }
}

/// The relations pass's runs (`Job.runs`), and the first relations of some, read ahead: the loader's
/// deferred relations need no name to be parsed, so another core reads them while the names are declared.
struct PreparedRelations: Sendable {
    fileprivate let jobs: [Job]
    fileprivate let counts: [RelationCounts]
    fileprivate var readAheads: [ReadAhead?]

    /// The relations of `trees` cut into runs, and those of run after run read ahead, until `stop` is raised.
    /// Nil when the files are in one piece (see `Parser.parse`): their relations are resolved in order.
    init?(_ trees: [SyntaxTree], until stop: Parallel.Flag) {
        guard trees.map(\.pieces.count).reduce(0, +) > 1 else { return nil }
        (jobs, counts) = Job.runs(of: trees, count: Parallel.cores * 4)
        readAheads = []
        for job in jobs {
            guard !stop.isRaised else { break }
            // A run of statements, from a file parsed in one piece, was read with its file.
            guard case .deferred(let deferred) = job.relations else { readAheads.append(nil); continue }
            readAheads.append(ReadAhead(deferred, of: job.file, until: stop))
        }
        readAheads += [ReadAhead?](repeating: nil, count: jobs.count - readAheads.count)
    }
}

/// The first relations of a run, read before any name is declared: for each, its ends and the group of its
/// clauses; the first relation of each group whole.
private struct ReadAhead: Sendable {
    enum Clauses: Sendable {
        /// The relation has no clauses.
        case none
        /// The relation is the first of the group: it is in `firsts`, at the group's number.
        case first(Int)
        /// A relation before it had the same clauses.
        case known(Int)
    }

    private(set) var relations: [(ends: RelationEnds, clauses: Clauses)] = []
    private(set) var firsts: [Relation] = []
    private(set) var knownClauses: KnownClauses

    /// Reads `deferred` in order, until one cannot be read, or its clauses start a group that cannot be kept,
    /// or `stop` is raised: the pass reads the rest.
    init(_ deferred: ArraySlice<DeferredRelation>, of file: SourceFile, until stop: Parallel.Flag) {
        knownClauses = KnownClauses(file: file)
        var read = self
        _ = Parser.parseRelations(in: file, deferred, knownClauses: { read.knownClauses.group($0, clauses: $1) }) { relation, clauses, group in
            // Asked now and then: the pass waits for this read once the names are declared.
            guard read.relations.count % 1024 != 0 || !stop.isRaised else { return false }
            if let group {
                read.relations.append((RelationEnds(relation), .known(group)))
            } else if clauses.isEmpty {
                read.relations.append((RelationEnds(relation), .none))
            } else {
                guard let group = read.knownClauses.add(relation.kind, clauses: clauses) else { return false }
                read.firsts.append(relation)
                read.relations.append((RelationEnds(relation), .first(group)))
            }
            return true
        }
        self = read
    }
}

/// A relation's keyword, ends and arrow, without the fields of its clauses: what is kept of most relations
/// read ahead, so it is kept small.
private struct RelationEnds: Sendable {
    let from: Name, to: Name
    @Offset32 var keywordOffset: Int
    @Offset32 var arrowOffset: Int
    let kind: RelationKind, arrow: Arrow

    init(_ relation: Relation) {
        (from, to, kind, arrow) = (relation.from, relation.to, relation.kind, relation.arrow)
        (keywordOffset, arrowOffset) = (relation.keywordOffset, relation.arrowOffset)
    }

    /// The relation without clauses.
    var relation: Relation {
        Relation(from: from, keywordOffset: keywordOffset, to: to, arrowOffset: arrowOffset, carries: nil, via: [], label: nil,
                 kind: kind, arrow: arrow, body: nil, carriesOffset: 0, end: to.offset + to.text.utf8.count)
    }
}

/// A run of one file's relations that one core resolves.
fileprivate struct Job: Sendable {
    enum Relations {
        /// Statements of a tree, relations among them.
        case statements(ArraySlice<Statement>)
        /// Relations a tree deferred, to be parsed.
        case deferred(ArraySlice<DeferredRelation>)
    }

    let relations: Relations
    let file: SourceFile

    /// The relations of `trees` cut into about `count` runs of as many relations, none across two pieces,
    /// with the relations each run holds. The pieces of a file are cut by bytes and the declarations come
    /// first, so one job per piece left a core idle for a third of the pass.
    static func runs(of trees: [SyntaxTree], count: Int) -> ([Job], [RelationCounts]) {
        let total = trees.map(\.counts.relations.total).reduce(0, +)
        let size = max(1, (total + count - 1) / count)
        var jobs: [Job] = [], counts: [RelationCounts] = []
        func cut<Piece: Collection>(_ piece: Piece, of file: SourceFile, kind: (Piece.Element) -> RelationKind?,
                                    job: (Piece.SubSequence) -> Relations) where Piece.Index == Int {
            var start = piece.startIndex, run = RelationCounts()
            for index in piece.indices {
                guard let kind = kind(piece[index]) else { continue }
                run.count(kind)
                guard run.total == size else { continue }
                jobs.append(Job(relations: job(piece[start...index]), file: file))
                counts.append(run)
                start = index + 1
                run = RelationCounts()
            }
            guard start < piece.endIndex else { return }
            jobs.append(Job(relations: job(piece[start...]), file: file))
            counts.append(run)
        }
        for tree in trees {
            if tree.defersRelations {
                for piece in tree.deferred { cut(piece, of: tree.file, kind: \.kind, job: Relations.deferred) }
            } else {
                for piece in tree.pieces { cut(piece, of: tree.file, kind: \.relationKind, job: Relations.statements) }
            }
        }
        return (jobs, counts)
    }
}

extension Statement {
    /// The kind of a relation; nil for any other statement.
    var relationKind: RelationKind? {
        guard case .relation(let relation) = self else { return nil }
        return relation.kind
    }
}
