/// A unified diff (`diff -u`, three lines of context) of the replacements an edit makes to one file. It is
/// read off the replacements themselves, so it costs the lines changed, not the size of the file.
public enum UnifiedDiff {
    /// `--- a/PATH`, `+++ b/PATH`, then one `@@` hunk per group of nearby changes; empty when nothing changes.
    public static func text(of replacements: [ModelEditor.Replacement], in file: SourceFile, context: Int = 3) -> String {
        let changes = self.changes(replacements, in: file)
        guard !changes.isEmpty else { return "" }
        var output = "--- a/\(file.path)\n+++ b/\(file.path)\n"
        var delta = 0, index = 0
        while index < changes.count {
            // One hunk: the changes whose contexts touch.
            var last = index
            while last + 1 < changes.count, changes[last + 1].old.lowerBound - changes[last].old.upperBound <= 2 * context { last += 1 }
            let start = max(0, changes[index].old.lowerBound - context)
            let end = min(file.lineStarts.count - (file.bytes.last == UInt8(ascii: "\n") ? 1 : 0), changes[last].old.upperBound + context)
            var body = "", oldCount = 0, newCount = 0, line = start
            for change in changes[index...last] {
                for context in line..<change.old.lowerBound { body += " \(text(ofLine: context, in: file))\n" }
                for removed in change.old { body += "-\(text(ofLine: removed, in: file))\n" }
                for added in change.new { body += "+\(added)\n" }
                oldCount += change.old.lowerBound - line + change.old.count
                newCount += change.old.lowerBound - line + change.new.count
                line = change.old.upperBound
            }
            for context in line..<max(line, end) { body += " \(text(ofLine: context, in: file))\n" }
            oldCount += max(0, end - line)
            newCount += max(0, end - line)
            output += "@@ -\(range(start, oldCount)) +\(range(start + delta, newCount)) @@\n" + body
            delta += changes[index...last].reduce(0) { $0 + $1.new.count - $1.old.count }
            index = last + 1
        }
        return output
    }

    /// `START,COUNT`, 1-based; an empty side names the line before it, as `diff -u` does.
    private static func range(_ start: Int, _ count: Int) -> String { "\(count == 0 ? start : start + 1),\(count)" }

    /// Old lines replaced by new ones, with the unchanged lines at both ends trimmed off.
    private struct Change {
        var old: Range<Int>
        var new: [String]
    }

    private static func changes(_ replacements: [ModelEditor.Replacement], in file: SourceFile) -> [Change] {
        // Replacements that share a line become one window of whole lines.
        var windows: [(lines: ClosedRange<Int>, replacements: [ModelEditor.Replacement])] = []
        for replacement in replacements {
            let first = file.lineIndex(of: replacement.range.lowerBound)
            let last = file.lineIndex(of: max(replacement.range.lowerBound, replacement.range.upperBound - 1))
            if let previous = windows.last, first <= previous.lines.upperBound {
                windows[windows.count - 1] = (previous.lines.lowerBound...max(last, previous.lines.upperBound), previous.replacements + [replacement])
            } else {
                windows.append((first...last, [replacement]))
            }
        }
        return windows.compactMap { window in
            let start = file.lineStarts[window.lines.lowerBound]
            let end = window.lines.upperBound + 1 < file.lineStarts.count ? file.lineStarts[window.lines.upperBound + 1] : file.bytes.count
            var bytes = Array(file.bytes[start..<end])
            for replacement in window.replacements.reversed() {
                bytes.replaceSubrange((replacement.range.lowerBound - start)..<(replacement.range.upperBound - start),
                                      with: Array(replacement.text.utf8))
            }
            let old = window.lines.map { text(ofLine: $0, in: file) }
            var new = lines(of: String(decoding: bytes, as: UTF8.self))
            var lower = 0, upper = old.count
            while lower < upper, lower < new.count, old[lower] == new[lower] { lower += 1 }
            while upper > lower, new.count - (old.count - upper) > lower, old[upper - 1] == new[new.count - (old.count - upper) - 1] { upper -= 1 }
            new = Array(new[lower..<(new.count - (old.count - upper))])
            guard upper > lower || !new.isEmpty else { return nil }
            return Change(old: (window.lines.lowerBound + lower)..<(window.lines.lowerBound + upper), new: new)
        }
    }

    private static func text(ofLine line: Int, in file: SourceFile) -> String {
        file.text(file.lineRange(containing: file.lineStarts[line]))
    }

    /// The lines of `text`, without their line breaks; a final line break ends the last line.
    private static func lines(of text: String) -> [String] {
        guard !text.isEmpty else { return [] }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if text.hasSuffix("\n") { lines.removeLast() }
        return lines.map { $0.hasSuffix("\r") ? String($0.dropLast()) : $0 }
    }
}
