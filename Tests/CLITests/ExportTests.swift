import Foundation
import Testing

/// `cuiscope export`: CSV that Python's `csv` module reads back to exactly what `scope` and `check` say.
@Suite struct ExportTests {
    /// Rows of a CSV file as Python's `csv` module parses it (RFC 4180, CRLF).
    func rows(_ path: URL) throws -> [[String]] {
        let script = "import csv, json, sys; print(json.dumps(list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8')))))"
        let result = try CLI.run(["python3", "-c", script, path.path], executable: "/usr/bin/env")
        #expect(result.status == 0)
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String]])
    }

    func json(_ arguments: [String], in directory: URL = CLI.packageRoot) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(CLI.run(arguments, in: directory).stdout.utf8)) as? [String: Any])
    }

    @Test(arguments: CLI.exampleModels)
    func theInventoryRoundTripsToScope(model: String) throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = "\(model).scope", csv = directory.appendingPathComponent("assets.csv")
        #expect(try CLI.run(["export", "inventory", path, "-o", csv.path]).status == 0)
        let table = try rows(csv)
        let header = try #require(table.first)
        #expect(header == ["id", "name", "type", "count", "zone", "category", "roles", "claimed_category", "holds", "hosted_on",
                           "owner", "description", "why", "location"])
        let assets = try #require(try json(["scope", path, "--format", "json"])["assets"] as? [[String: Any]])
        #expect(table.dropFirst().map { [$0[0], $0[5], $0[3]] } == assets.map { ["\($0["id"]!)", "\($0["category"]!)", "\($0["count"]!)"] })
        let providers = directory.appendingPathComponent("providers.csv")
        #expect(try CLI.run(["export", "providers", path, "-o", providers.path]).status == 0)
        let scoped = try #require(try json(["scope", path, "--format", "json"])["providers"] as? [[String: Any]])
        #expect(try rows(providers).dropFirst().map { [$0[0], $0[3]] } == scoped.map { ["\($0["id"]!)", "\($0["role"]!)"] })
    }

    @Test func aCellASpreadsheetWouldRunComesOutAsText() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try """
        asset pc "=HYPERLINK(\\"http://evil.example\\",\\"click\\")" { type workstation; owner "+1 555, \\"Ops\\""; description "-2+3" }
        asset plain "Plain, \\"quoted\\" label" { type server }
        """.write(to: directory.appendingPathComponent("m.scope"), atomically: true, encoding: .utf8)
        #expect(try CLI.run(["export", "inventory", "m.scope", "-o", "a.csv"], in: directory).status == 0)
        let table = try rows(directory.appendingPathComponent("a.csv"))
        #expect(table[1][1] == "'=HYPERLINK(\"http://evil.example\",\"click\")")
        #expect(table[1][10] == "'+1 555, \"Ops\"")
        #expect(table[1][11] == "'-2+3")
        #expect(table[2][1] == "Plain, \"quoted\" label")
        let raw = try String(contentsOf: directory.appendingPathComponent("a.csv"), encoding: .utf8)
        #expect(raw.hasSuffix("\r\n") && !raw.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        // Never over the model.
        #expect(try CLI.run(["export", "inventory", "m.scope", "-o", "m.scope"], in: directory).status == 3)
    }

    @Test func thePOAMHasARowPerOpenFindingAndRequirementThenTheAcceptedRisks() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let csv = directory.appendingPathComponent("poam.csv")
        #expect(try CLI.run(["export", "poam", "Models/acme-precision.scope", "-o", csv.path]).status == 0)
        let table = try rows(csv)
        #expect(table[0] == ["weakness", "rule", "severity", "subject", "requirement", "practice", "points", "poam_eligible",
                             "affected_assets", "point_of_contact", "remediation", "scheduled_completion", "status", "location"])
        let findings = try #require(try json(["check", "Models/acme-precision.scope", "--format", "json"])["findings"] as? [[String: Any]])
        let reported = findings.filter { $0["severity"] as? String != "info" }
        let open = reported.filter { $0["suppressed"] is NSNull }
        let expected = open.reduce(0) { $0 + max(1, ($1["requirements"] as? [Any])?.count ?? 0) }
        #expect(table.dropFirst().filter { $0[12] == "open" }.count == expected)
        let accepted = table.dropFirst().filter { $0[12].hasPrefix("risk accepted: ") }
        #expect(!accepted.isEmpty && accepted.allSatisfy { $0[1] == "unlabeled-flow" })
        // Open rows come first; an ineligible requirement says it blocks the conditional status.
        #expect(table.dropFirst().prefix(expected).allSatisfy { $0[12] == "open" })
        #expect(table.contains { $0[7] == "no: blocks conditional status" } && table.contains { $0[7] == "yes" })
        #expect(table.dropFirst().allSatisfy { $0[11].isEmpty })
    }

    @Test(arguments: CLI.exampleModels)
    func theRequirementsAtRiskMakeTheSummarysSPRSExposure(model: String) throws {
        let path = "\(model).scope"
        let requirements = try json(["requirements", path, "--format", "json"])
        let summary = try #require(try json(["check", path, "--format", "json", "--fail-on", "never"])["summary"] as? [String: Any])
        let sprs = try #require(requirements["sprs"] as? [String: Int])
        #expect(sprs["exposure"] == summary["sprs-exposure"] as? Int)
        #expect(sprs["score"] == 110 - (sprs["exposure"] ?? 0))
        let catalog = try #require(requirements["catalog"] as? [[String: Any]])
        #expect(catalog.count == 110)
        let assets = try #require(try json(["scope", path, "--format", "json"])["assets"] as? [[String: Any]])
        let categories = try #require(requirements["categories"] as? [[String: Any]])
        #expect(categories.reduce(0) { $0 + ($1["assets"] as! Int) } == assets.count)
    }

    @Test func oneAssetsRequirementsAreItsCategorysObligationAndItsFindings() throws {
        let kiosk = try json(["requirements", "Models/acme-precision.scope", "kiosk", "--format", "json"])
        let asset = try #require(kiosk["asset"] as? [String: Any])
        #expect(asset["id"] as? String == "kiosk" && asset["category"] as? String == "cui" && asset["assessed"] as? Bool == true)
        let atRisk = try #require(kiosk["at-risk"] as? [[String: Any]])
        #expect(!atRisk.isEmpty && atRisk.allSatisfy { ($0["assets"] as? [String])?.contains("kiosk") == true })
        #expect(kiosk["catalog"] == nil)
        let text = try CLI.run(["requirements", "Models/acme-precision.scope", "kiosk"]).stdout
        #expect(text.hasPrefix("kiosk: cui (CUI Asset)\nowes: documented in the asset inventory"))
        let missing = try CLI.run(["requirements", "Models/acme-precision.scope", "kisok"])
        #expect(missing.status != 0 && missing.stderr.contains("did you mean `kiosk`?"))
    }
}
