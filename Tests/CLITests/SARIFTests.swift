import Foundation
import Testing

/// `--format sarif` validates against the OASIS SARIF 2.1.0 schema and stays stable across runs.
@Suite struct SARIFTests {
    /// The OASIS schema, vendored so that a clone validates on its own.
    static let schema = CLI.packageRoot.appendingPathComponent("Tests/Schemas/sarif-schema-2.1.0.json")
    static let models = ["acme-precision", "cloud-only", "fci-shop", "vdi-enclave"]

    /// Validates with Python's jsonschema (installed by the Makefile); returns its complaint, or nil.
    func validate(_ sarif: String) throws -> String? {
        try #require(FileManager.default.fileExists(atPath: Self.schema.path), "the SARIF schema is expected at \(Self.schema.path)")
        let file = try CLI.temporaryDirectory().appendingPathComponent("out.sarif")
        try sarif.write(to: file, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            jsonschema.validators.validator_for(schema)(schema).validate(json.load(open(sys.argv[2])))
            """, Self.schema.path, file.path]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return process.terminationStatus == 0 ? nil : message
    }

    func document(_ sarif: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])
    }

    func results(_ sarif: String) throws -> [[String: Any]] {
        let runs = try #require(try document(sarif)["runs"] as? [[String: Any]])
        return try #require(runs.first?["results"] as? [[String: Any]])
    }

    @Test(arguments: models)
    func checkSARIFValidates(model: String) throws {
        let output = try CLI.run(["check", "Models/\(model).scope", "--format", "sarif"])
        #expect(try validate(output.stdout) == nil)
        let runs = try #require(try document(output.stdout)["runs"] as? [[String: Any]])
        let rules = try #require(((runs[0]["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        let listed = try CLI.run(["rules"]).stdout.split(separator: "\n").filter { !$0.hasPrefix(" ") }.count
        #expect(rules.count == listed && Set(rules.compactMap { $0["id"] as? String }).count == listed)
    }

    @Test(arguments: models)
    func diffSARIFValidates(model: String) throws {
        // Against the starter model, every finding of the example is new.
        let directory = try CLI.temporaryDirectory()
        _ = try CLI.run(["init", "-o", directory.appendingPathComponent("base.scope").path])
        let output = try CLI.run(["diff", directory.appendingPathComponent("base.scope").path, "Models/\(model).scope",
                                  "--format", "sarif", "--fail-on", "never"])
        #expect(try validate(output.stdout) == nil)
    }

    @Test func resultsCarryRepositoryRelativeLocationsLevelsAndSuppressions() throws {
        let results = try results(try CLI.run(["check", "Models/acme-precision.scope", "--format", "sarif"]).stdout)
        #expect(results.count == 19)
        let first = results[0]
        #expect(first["ruleId"] as? String == "non-fedramp-cui-hosting" && first["level"] as? String == "error")
        let location = (first["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
        #expect((location?["artifactLocation"] as? [String: Any])?["uri"] as? String == "Models/acme-precision.scope")
        #expect((location?["region"] as? [String: Any])?["startLine"] as? Int == 57)
        #expect(results.contains { $0["level"] as? String == "note" })
        #expect(results.filter { $0["suppressions"] != nil }.count == 1)
    }

    /// Each witness step is a related location, so code scanning links the finding to every line behind it.
    @Test(arguments: models)
    func evidenceStepsAreRelatedLocations(model: String) throws {
        let results = try results(try CLI.run(["check", "Models/\(model).scope", "--format", "sarif"]).stdout)
        for result in results {
            let evidence = try #require((result["properties"] as? [String: Any])?["evidence"] as? [String])
            let related = result["relatedLocations"] as? [[String: Any]] ?? []
            // Every step of the evidence text ends in `(FILE:LINE)`.
            let lines = evidence.flatMap { $0.matches(of: /\(Models\/[a-z-]+\.scope:(\d+)\)/).map { Int($0.output.1)! } }
            let relatedLines = related.compactMap { (($0["physicalLocation"] as? [String: Any])?["region"] as? [String: Any])?["startLine"] as? Int }
            #expect(relatedLines == lines, "\(result["ruleId"] ?? "")")
            #expect(related.map { $0["id"] as? Int } == related.indices.map { $0 })
        }
        #expect(results.isEmpty || results.contains { $0["relatedLocations"] != nil })
    }

    @Test func relatedLocationsNameTheirStep() throws {
        let first = try #require(try results(try CLI.run(["check", "Models/acme-precision.scope", "--format", "sarif"]).stdout).first)
        let related = try #require(first["relatedLocations"] as? [[String: Any]])
        #expect(related.compactMap { ($0["message"] as? [String: Any])?["text"] as? String }
            == ["flow eng-ws -> mail", "mail hosted-on mailhost"])
        let location = try #require(related[1]["physicalLocation"] as? [String: Any])
        #expect((location["artifactLocation"] as? [String: Any])?["uri"] as? String == "Models/acme-precision.scope")
        #expect((location["region"] as? [String: Any])?["startLine"] as? Int == 340)
    }

    @Test func fingerprintsAreStableWhenLinesMove() throws {
        func fingerprints(_ text: String) throws -> [String] {
            try results(try CLI.run(["check", "-", "--format", "sarif"], stdin: text).stdout).compactMap {
                ($0["partialFingerprints"] as? [String: String])?["cuiscope/v1"]
            }
        }
        let model = try String(contentsOf: CLI.packageRoot.appendingPathComponent("Models/vdi-enclave.scope"), encoding: .utf8)
        let original = try fingerprints(model)
        #expect(original.count == 2 && Set(original).count == 2)
        #expect(try fingerprints(model) == original)
        #expect(try fingerprints("# a new comment\n\n" + model) == original)
    }
}
