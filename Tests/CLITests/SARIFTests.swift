import Foundation
import Testing

/// `--format sarif` validates against the OASIS SARIF 2.1.0 schema and stays stable across runs.
@Suite struct SARIFTests {
    static let schema = CLI.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/schemas/sarif-schema-2.1.0.json")
    static let models = ["acme-precision", "cloud-only", "fci-shop", "vdi-enclave"]

    /// Validates with Python's jsonschema (installed by the Makefile); returns its complaint, or nil.
    func validate(_ sarif: String) throws -> String? {
        try #require(FileManager.default.fileExists(atPath: Self.schema.path),
                     "the SARIF schema is expected at \(Self.schema.path) (../shared beside the project)")
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
        #expect(rules.count == 22 && Set(rules.compactMap { $0["id"] as? String }).count == 22)
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
        #expect(results.count == 17)
        let first = results[0]
        #expect(first["ruleId"] as? String == "non-fedramp-cui-hosting" && first["level"] as? String == "error")
        let location = (first["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
        #expect((location?["artifactLocation"] as? [String: Any])?["uri"] as? String == "Models/acme-precision.scope")
        #expect((location?["region"] as? [String: Any])?["startLine"] as? Int == 57)
        #expect(results.contains { $0["level"] as? String == "note" })
        #expect(results.filter { $0["suppressions"] != nil }.count == 1)
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
