/// Left-aligned columns; styling is applied after padding so escape codes do not skew widths.
struct Table {
    var header: [String]
    var rows: [[String]] = []

    func render(style: TextStyle, paint: (Int, String) -> String = { $1 }) -> String {
        let widths = header.indices.map { column in
            ([header] + rows).map { $0[column].count }.max() ?? 0
        }
        func line(_ cells: [String], painter: (Int, String) -> String) -> String {
            cells.enumerated().map { column, cell in
                let padded = column == cells.count - 1 ? cell : cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
                return painter(column, padded)
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
        return ([line(header, painter: { style.bold($1) })] + rows.map { line($0, painter: paint) }).joined(separator: "\n") + "\n"
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var result = self
        while result.hasSuffix(" ") { result.removeLast() }
        return result
    }
}
