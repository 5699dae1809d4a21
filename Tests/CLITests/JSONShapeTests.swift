import Foundation
import Testing

/// `--format json` matches the shapes of docs/output.md field for field.
@Suite struct JSONShapeTests {
    func json(_ arguments: [String]) throws -> [String: Any] {
        let result = try CLI.run(arguments)
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    @Test func checkJSON() throws {
        let document = try json(["check", "Models/acme-precision.scope", "--format", "json"])
        #expect(Set(document.keys) == ["model", "level", "summary", "findings", "diagnostics"])
        #expect((document["diagnostics"] as? [Any])?.isEmpty == true)
        #expect(document["model"] as? String == "Models/acme-precision.scope")
        #expect(document["level"] as? Int == 2)
        var summary = try #require(document["summary"] as? [String: Any])
        // Units (asset counts) per category, beside the assets per category.
        #expect(summary.removeValue(forKey: "units") as? [String: Int]
            == ["cui": 43, "spa": 15, "crma": 40, "specialized": 23, "out": 15, "outside-cmmc": 1])
        #expect(summary as? [String: Int] == ["cui": 18, "spa": 15, "crma": 9, "specialized": 5, "out": 3, "outside-cmmc": 1,
                                              "errors": 8, "warnings": 9, "infos": 1, "sprs-exposure": 12])
        let findings = try #require(document["findings"] as? [[String: Any]])
        #expect(findings.count == 19)
        for finding in findings {
            #expect(Set(finding.keys) == ["rule", "severity", "subject", "message", "remedy", "location", "requirements",
                                          "basis", "evidence", "suppressed"])
            let location = try #require(finding["location"] as? [String: Any])
            #expect(Set(location.keys) == ["file", "line", "column"])
            for requirement in try #require(finding["requirements"] as? [[String: Any]]) {
                #expect(Set(requirement.keys) == ["nist", "practice", "points", "poam"])
            }
        }
        let first = findings[0]
        #expect(first["rule"] as? String == "non-fedramp-cui-hosting")
        #expect(first["subject"] as? String == "mailhost")
        #expect(first["suppressed"] is NSNull)
        #expect((first["requirements"] as? [[String: Any]])?.first?["practice"] as? String == "AC.L2-3.1.20")
        let suppressed = try #require(findings.first { !($0["suppressed"] is NSNull) })
        #expect((suppressed["suppressed"] as? [String: Any])?["reason"] as? String
            == "Backups carry everything on the PLM server by design; the NAS is in the enclave")
    }

    @Test func checkJSONAtLevelOneCountsFCI() throws {
        let summary = try #require(try json(["check", "Models/fci-shop.scope", "--format", "json"])["summary"] as? [String: Any])
        #expect(summary["fci"] as? Int == 3 && summary["out"] as? Int == 3)
        #expect((summary["units"] as? [String: Int])?["out"] == 5, "3 CNC mills, the router and the website")
    }

    @Test func scopeJSON() throws {
        let document = try json(["scope", "Models/acme-precision.scope", "--format", "json"])
        #expect(Set(document.keys) == ["model", "level", "assets", "providers", "iso27001"])
        let assets = try #require(document["assets"] as? [[String: Any]])
        #expect(assets.count == 51)
        for asset in assets {
            #expect(Set(asset.keys) == ["id", "label", "type", "zone", "count", "category", "claimed", "owner", "description", "roles",
                                        "holds", "location", "why"])
        }
        let printer = try #require(assets.first { $0["id"] as? String == "print-eng" })
        #expect(printer["claimed"] as? String == "crma" && printer["count"] as? Int == 1)
        let plm = try #require(assets.first { $0["id"] as? String == "plm" })
        #expect(plm["claimed"] is NSNull && plm["owner"] is NSNull)
        #expect(plm["category"] as? String == "cui")
        #expect(plm["zone"] as? String == "enclave")
        #expect(plm["holds"] as? [String] == ["drawings", "quality"])
        #expect(plm["why"] as? [String] == ["holds drawings: plm stores drawings (Models/acme-precision.scope:168)",
                                             "holds quality: plm stores quality (Models/acme-precision.scope:168)"])
        let engWS = try #require(assets.first { $0["id"] as? String == "eng-ws" })
        #expect((engWS["why"] as? [String])?.first == "holds drawings: flow plm <-> eng-ws (Models/acme-precision.scope:396)")
        let providers = try #require(document["providers"] as? [[String: Any]])
        for provider in providers {
            #expect(Set(provider.keys) == ["id", "type", "in-scope", "role", "holds", "location", "why"])
        }
        let gcc = try #require(providers.first { $0["id"] as? String == "gcc-high" })
        #expect(gcc["role"] as? String == "csp-cui" && gcc["in-scope"] as? Bool == true)
        // Without an ISO 27001 scope in the model there is no overlap section.
        #expect(try json(["scope", "Models/fci-shop.scope", "--format", "json"])["iso27001"] == nil)
    }
}
