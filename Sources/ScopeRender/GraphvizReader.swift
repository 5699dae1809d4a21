@preconcurrency import CGraphviz
import Foundation

/// Reads DOT text into a cgraph graph whose objects are numbered in the order their names first appear.
///
/// cgraph's default ID discipline (2.42) makes a named object's ID the address of its interned name, and
/// keeps subgraphs ordered by ID; dot lays clusters out in that order. Addresses depend on the state of the
/// heap, so the second and third graph a process lays out (the report's figures) came out differently from
/// run to run. Numbering names as they are read makes the order, and so the drawing, the text's own.
enum GraphvizReader {
    static func read(_ text: String) -> UnsafeMutablePointer<Agraph_t>? {
        let reader = TextReader(Array(text.utf8))
        return withExtendedLifetime(reader) {
            agread(Unmanaged.passUnretained(reader).toOpaque(), discipline)
        }
    }

    /// The text, handed to cgraph's lexer a line at a time, as `agmemread` does.
    private final class TextReader {
        let bytes: [UInt8]
        var offset = 0
        init(_ bytes: [UInt8]) { self.bytes = bytes }
    }

    /// The IDs of one root graph: named objects even (2, 4, ...), anonymous ones odd, as cgraph requires.
    private final class SequentialIDs {
        var ids: [String: IDTYPE] = [:]
        var names: [IDTYPE: UnsafeMutablePointer<CChar>] = [:]
        var anonymous: IDTYPE = 0

        deinit { names.values.forEach { free($0) } }
    }

    private static func state(_ pointer: UnsafeMutableRawPointer?) -> SequentialIDs {
        Unmanaged<SequentialIDs>.fromOpaque(pointer!).takeUnretainedValue()
    }

    // Made once and only read after; cgraph calls them under `Graphviz.shared`'s lock.
    nonisolated(unsafe) private static let ids: UnsafeMutablePointer<Agiddisc_t> = {
        let disc = UnsafeMutablePointer<Agiddisc_t>.allocate(capacity: 1)
        disc.initialize(to: Agiddisc_t(
            open: { _, _ in UnsafeMutableRawPointer(Unmanaged.passRetained(SequentialIDs()).toOpaque()) },
            map: { pointer, _, name, id, create in
                let state = GraphvizReader.state(pointer)
                guard let name else {
                    state.anonymous += 1
                    id?.pointee = state.anonymous * 2 + 1
                    return 1
                }
                let key = String(cString: name)
                if let known = state.ids[key] {
                    id?.pointee = known
                    return 1
                }
                guard create != 0 else { return 0 }
                let new = IDTYPE(state.ids.count + 1) * 2
                state.ids[key] = new
                state.names[new] = strdup(name)
                id?.pointee = new
                return 1
            },
            // Objects are never created from an ID alone.
            alloc: { _, _, _ in 0 },
            free: { _, _, _ in },
            print: { pointer, _, id in id % 2 == 0 ? GraphvizReader.state(pointer).names[id] : nil },
            close: { pointer in Unmanaged<SequentialIDs>.fromOpaque(pointer!).release() },
            idregister: { _, _, _ in }
        ))
        return disc
    }()

    nonisolated(unsafe) private static let io: UnsafeMutablePointer<Agiodisc_t> = {
        let disc = UnsafeMutablePointer<Agiodisc_t>.allocate(capacity: 1)
        disc.initialize(to: Agiodisc_t(
            afread: { channel, buffer, size in
                let reader = Unmanaged<TextReader>.fromOpaque(channel!).takeUnretainedValue()
                guard let buffer, size > 0, reader.offset < reader.bytes.count else { return 0 }
                var count = 0
                while count < Int(size), reader.offset < reader.bytes.count {
                    let byte = reader.bytes[reader.offset]
                    buffer[count] = CChar(bitPattern: byte)
                    reader.offset += 1
                    count += 1
                    if byte == UInt8(ascii: "\n") { break }
                }
                return Int32(count)
            },
            // Only `agwrite` writes, and no graph read here is ever written back as DOT.
            putstr: { _, _ in 0 },
            flush: { _ in 0 }
        ))
        return disc
    }()

    nonisolated(unsafe) private static let discipline: UnsafeMutablePointer<Agdisc_t> = {
        let disc = UnsafeMutablePointer<Agdisc_t>.allocate(capacity: 1)
        disc.initialize(to: Agdisc_t(mem: &AgMemDisc, id: ids, io: io))
        return disc
    }()
}
