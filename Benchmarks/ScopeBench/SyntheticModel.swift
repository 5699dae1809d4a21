/// Writes a large, valid, realistic-looking model: zones of assets, data, providers, and a mix of
/// relations with attributes. Deterministic for a given size.
struct SyntheticModel {
    let relations: Int

    var assetCount: Int { max(10, relations / 4) }
    var zoneCount: Int { max(2, assetCount / 50) }

    func text() -> String {
        var out = ""
        out.reserveCapacity(relations * 64)
        out += "organization \"Synthetic \(relations)\" {\n  level 2\n}\n\n"
        let dataCount = 24
        for d in 0..<dataCount {
            let dataClass = ["cui", "fci", "spd", "public"][d % 4]
            out += "data d\(d) \"Data \(d)\" {\n  class \(dataClass)\n"
            if dataClass == "cui" { out += "  category CTI\(d % 3 == 0 ? ", EXPT" : "")\n" }
            out += "}\n\n"
        }
        let providerTypes = ["csp", "msp", "mssp", "subcontractor", "government", "vendor"]
        for p in 0..<12 {
            out += "provider p\(p) {\n  type \(providerTypes[p % 6])\n  fedramp \(p % 2 == 0 ? "high" : "none")\n  country US\n}\n\n"
        }
        // Zones hold their assets as nested blocks; every tenth zone is nested in the previous one.
        let perZone = assetCount / zoneCount
        let types = ["server", "workstation", "laptop", "vm", "printer", "switch", "firewall", "ot", "person", "storage"]
        for z in 0..<zoneCount {
            out += "zone z\(z) \"Zone \(z)\" {\n  separation \(z % 3 == 0 ? "logical" : "none")\n"
            for a in (z * perZone)..<(z == zoneCount - 1 ? assetCount : (z + 1) * perZone) {
                out += "  asset a\(a) \"Asset \(a)\" {\n    type \(types[a % types.count])\n"
                if a % 7 == 0 { out += "    stores d\(scatter(a, dataCount))\n" }
                if a % 11 == 0 { out += "    encryption fips\n" }
                if a % 13 == 0 { out += "    policy \"SOP-\(a)\"\n" }
                out += "  }\n"
            }
            out += "}\n\n"
        }
        // People (every tenth asset, from the eighth) are no link end; no relation joins an asset to itself.
        func networkNode(_ index: Int) -> Int { index % types.count == 8 ? (index + 1) % assetCount : index }
        for r in 0..<relations {
            var a = scatter(2 * r, assetCount)
            var b = scatter(2 * r + 1, assetCount)
            if r % 20 >= 8 && r % 20 < 12 { (a, b) = (networkNode(a), networkNode(b)) }
            if a == b { b = networkNode((b + 2) % assetCount) }
            switch r % 20 {
            case 0..<8:
                out += "flow a\(a) -> a\(b) carries d\(r % dataCount)"
                if r % 3 == 0 { out += " { encryption fips; remote yes }" }
                out += "\n"
            case 8..<12:
                out += "link a\(a) -- a\(b)\(r % 5 == 0 ? " { separation logical }" : "")\n"
            case 12..<17:
                out += "access a\(a) -> a\(b) { admin \(r % 2 == 0 ? "yes" : "no"); mfa yes }\n"
            default:
                out += "protects a\(a) -> z\(b % zoneCount)\n"
            }
        }
        return out
    }
}

/// Spreads `index` over `0..<count` (Knuth's multiplicative hash): deterministic, and random enough
/// for a benchmark's wiring.
func scatter(_ index: Int, _ count: Int) -> Int {
    Int(((UInt64(truncatingIfNeeded: index) &* 0x9E37_79B9_7F4A_7C15) >> 17) % UInt64(count))
}
