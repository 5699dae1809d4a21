import Foundation
import Testing

/// `cuiscope export oscal`: an OSCAL 1.1.2 SSP that compliance-trestle validates (installed by the Makefile
/// under .build/venv), and whose references, which trestle does not follow, all resolve.
@Suite struct OSCALTests {
    static let trestle = CLI.packageRoot.appendingPathComponent(".build/venv/bin/trestle")

    func json(_ url: URL) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    /// A trestle workspace with a profile over a catalog of our 110 requirements (their CMMC practice ids):
    /// trestle resolves the SSP's profile, and NIST's own is not reachable offline.
    func workspace() throws -> URL {
        let root = try CLI.temporaryDirectory()
        #expect(try CLI.run([Self.trestle.path, "init"], in: root, executable: "/usr/bin/env").status == 0,
                "compliance-trestle (make test installs it into .build/venv)")
        let requirements = try #require(try JSONSerialization.jsonObject(with: Data(CLI.run(["requirements", "Models/fci-shop.scope", "--format", "json"]).stdout.utf8)) as? [String: Any])
        let catalog = try #require(requirements["catalog"] as? [[String: Any]])
        var families: [String: [[String: String]]] = [:], order: [String] = []
        for entry in catalog {
            let family = try #require(entry["family"] as? String), requirement = try #require(entry["requirement"] as? [String: Any])
            if families[family] == nil { order.append(family) }
            families[family, default: []].append(["id": (requirement["practice"] as! String).lowercased(), "title": entry["title"] as! String])
        }
        func metadata(_ title: String) -> [String: String] {
            ["title": title, "last-modified": "2026-01-01T00:00:00Z", "version": "1", "oscal-version": "1.1.2"]
        }
        let documents: [(String, [String: Any])] = [
            ("catalogs/cmmc/catalog.json", ["catalog": ["uuid": "0f8e8b5e-5c1a-4f7e-9a57-3d8f1b7c2a10", "metadata": metadata("NIST SP 800-171 r2"),
                                                          "groups": order.map { ["id": $0.lowercased(), "title": $0, "controls": families[$0]!] }]]),
            ("profiles/cmmc/profile.json", ["profile": ["uuid": "7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f", "metadata": metadata("CMMC level 2"),
                                                          "imports": [["href": "trestle://catalogs/cmmc/catalog.json", "include-all": [String: String]()]]]]),
        ]
        for (path, document) in documents {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try JSONSerialization.data(withJSONObject: document).write(to: url)
        }
        return root
    }

    @Test(arguments: CLI.exampleModels)
    func theSSPPassesTrestleAndEveryReferenceResolves(model: String) throws {
        let root = try workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let ssp = root.appendingPathComponent("system-security-plans/\(URL(fileURLWithPath: model).lastPathComponent)/system-security-plan.json")
        try FileManager.default.createDirectory(at: ssp.deletingLastPathComponent(), withIntermediateDirectories: true)
        #expect(try CLI.run(["export", "oscal", "\(model).scope", "--profile", "trestle://profiles/cmmc/profile.json",
                             "-o", ssp.path]).status == 0)
        let validated = try CLI.run([Self.trestle.path, "validate", "-f", ssp.path], in: root, executable: "/usr/bin/env")
        #expect(validated.status == 0 && validated.stdout.contains("VALID"), "\(validated.stdout)\(validated.stderr)")

        let plan = try #require(try json(ssp)["system-security-plan"] as? [String: Any])
        let implementation = try #require(plan["system-implementation"] as? [String: Any])
        let components = try #require(implementation["components"] as? [[String: Any]])
        let componentIDs = Set(components.compactMap { $0["uuid"] as? String })
        let items = try #require(implementation["inventory-items"] as? [[String: Any]])
        // Every inventory item's component exists.
        for item in items {
            let implemented = try #require(item["implemented-components"] as? [[String: Any]])
            #expect(implemented.allSatisfy { componentIDs.contains($0["component-uuid"] as? String ?? "") })
        }
        // Every back-matter link resolves.
        let resources = Set(try #require((plan["back-matter"] as? [String: Any])?["resources"] as? [[String: Any]]).compactMap { $0["uuid"] as? String })
        let text = try String(contentsOf: ssp, encoding: .utf8)
        let links = try NSRegularExpression(pattern: ##""href" : "#([0-9a-f-]{36})""##).matches(in: text, range: NSRange(text.startIndex..., in: text))
            .map { String(text[Range($0.range(at: 1), in: text)!]) }
        #expect(links.count >= 3 && links.allSatisfy(resources.contains))
        // Users' roles and responsible parties name what the metadata defines.
        let metadata = try #require(plan["metadata"] as? [String: Any])
        let roles = Set((metadata["roles"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String })
        let parties = Set((metadata["parties"] as? [[String: Any]] ?? []).compactMap { $0["uuid"] as? String })
        let users = try #require(implementation["users"] as? [[String: Any]])
        #expect(users.allSatisfy { ($0["role-ids"] as? [String] ?? []).allSatisfy(roles.contains) })
        for item in items {
            for party in item["responsible-parties"] as? [[String: Any]] ?? [] {
                #expect(roles.contains(party["role-id"] as? String ?? "") && (party["party-uuids"] as? [String] ?? []).allSatisfy(parties.contains))
            }
        }
        for leveraged in implementation["leveraged-authorizations"] as? [[String: Any]] ?? [] {
            #expect(parties.contains(leveraged["party-uuid"] as? String ?? ""))
        }
        // One item per asset, carrying the category `scope` derives; every UUID is a version 5 UUID, and unique.
        let scope = try #require(try JSONSerialization.jsonObject(with: Data(CLI.run(["scope", "\(model).scope", "--format", "json"]).stdout.utf8)) as? [String: Any])
        let assets = try #require(scope["assets"] as? [[String: Any]])
        let categories = items.map { item in
            ((item["props"] as? [[String: Any]]) ?? []).first { $0["name"] as? String == "cmmc-asset-category" }?["value"] as? String
        }
        #expect(categories == assets.map { $0["category"] as? String })
        let uuids = try NSRegularExpression(pattern: #""uuid" : "([^"]+)""#).matches(in: text, range: NSRange(text.startIndex..., in: text))
            .map { String(text[Range($0.range(at: 1), in: text)!]) }
        #expect(Set(uuids).count == uuids.count && uuids.allSatisfy { $0.count == 36 && Array($0)[14] == "5" })
    }

    @Test func aModelWithNothingInItStillGivesAValidSSP() throws {
        // OSCAL lists hold at least one member: no parties, no inventory items and no data must not mean empty lists.
        let root = try workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        try #"organization "Empty" { level 2 }"#.write(to: root.appendingPathComponent("m.scope"), atomically: true, encoding: .utf8)
        let ssp = root.appendingPathComponent("system-security-plans/empty/system-security-plan.json")
        try FileManager.default.createDirectory(at: ssp.deletingLastPathComponent(), withIntermediateDirectories: true)
        #expect(try CLI.run(["export", "oscal", "m.scope", "--profile", "trestle://profiles/cmmc/profile.json", "-o", ssp.path], in: root).status == 0)
        let validated = try CLI.run([Self.trestle.path, "validate", "-f", ssp.path], in: root, executable: "/usr/bin/env")
        #expect(validated.status == 0 && validated.stdout.contains("VALID"), "\(validated.stdout)\(validated.stderr)")
    }

    @Test func theSameModelGivesTheSameBytes() throws {
        let first = try CLI.run(["export", "oscal", "Models/acme-precision.scope", "-o", "-"]).stdout
        let second = try CLI.run(["export", "oscal", "Models/acme-precision.scope", "-o", "-"]).stdout
        #expect(first == second && first.contains(#""oscal-version" : "1.1.2""#))
        // The FedRAMP High tenant is a leveraged authorization; the mailhost (FedRAMP none) is not.
        let plan = try #require(try JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: [String: Any]])
        let implementation = try #require(plan["system-security-plan"]?["system-implementation"] as? [String: Any])
        let leveraged = try #require(implementation["leveraged-authorizations"] as? [[String: Any]])
        #expect(leveraged.compactMap { $0["title"] as? String } == ["FedRAMP high: Microsoft 365 GCC High tenant"])
        // Never the clock: the date of the last commit that changed the model, unless one is given.
        let changed = try CLI.run(["git", "log", "-1", "--format=%cs", "--", "Models/acme-precision.scope"], executable: "/usr/bin/env")
            .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(!changed.isEmpty && first.contains(#""last-modified" : "\#(changed)T00:00:00Z""#))
        let dated = try CLI.run(["export", "oscal", "Models/acme-precision.scope", "-o", "-", "--last-modified", "2026-12-03"]).stdout
        #expect(dated.contains(#""last-modified" : "2026-12-03T00:00:00Z""#))
        let wrong = try CLI.run(["export", "oscal", "Models/acme-precision.scope", "-o", "-", "--last-modified", "yesterday"])
        #expect(wrong.status == 3 && wrong.stderr.contains("not a date"))
    }

    @Test func theVersionFiveUUIDsMatchTheRFCExample() throws {
        // RFC 9562 Appendix A.4: the DNS namespace and "www.example.com" give 2ed6657d-e927-568b-95e1-2665a8aea6a2.
        // Our namespace is our own, so the check is on SHA-1 itself through Python's uuid module.
        let script = "import uuid; print(uuid.uuid5(uuid.uuid5(uuid.NAMESPACE_URL, 'urn:cuiscope:oscal:Acme Precision Parts'), 'system-security-plan'))"
        let expected = try CLI.run(["python3", "-c", script], executable: "/usr/bin/env").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let ssp = try CLI.run(["export", "oscal", "Models/acme-precision.scope", "-o", "-"]).stdout
        let plan = try #require(try JSONSerialization.jsonObject(with: Data(ssp.utf8)) as? [String: [String: Any]])
        #expect(plan["system-security-plan"]?["uuid"] as? String == expected)
    }
}
