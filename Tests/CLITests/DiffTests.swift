import Foundation
import Testing

/// `cuiscope diff`: semantic changes, gating, `--git`, and the output formats.
@Suite struct DiffTests {
    static let base = """
    data d { class cui }
    zone enclave { separation logical; asset srv "Server" { type server; stores d } }
    zone office { separation physical; asset pc { type workstation } }
    zone guest { separation physical; asset ap { type wireless } }
    asset fw { type firewall }
    provider mail { type csp; fedramp high; crm yes; us-persons yes; country US }
    asset admin { type person; country US; us-persons yes }
    link office -- enclave via fw { separation logical }
    access admin -> srv { admin yes; mfa yes }
    """

    /// Writes base and head models into a fresh directory.
    func models(head: String, base: String = DiffTests.base) throws -> URL {
        let directory = try CLI.temporaryDirectory()
        try base.write(to: directory.appendingPathComponent("base.scope"), atomically: true, encoding: .utf8)
        try head.write(to: directory.appendingPathComponent("head.scope"), atomically: true, encoding: .utf8)
        return directory
    }

    func diff(head: String, base: String = DiffTests.base, _ options: [String] = []) throws -> CLI.Output {
        try CLI.run(["diff", "base.scope", "head.scope"] + options, in: try models(head: head, base: base))
    }

    func json(head: String, base: String = DiffTests.base) throws -> [String: Any] {
        let output = try diff(head: head, base: base, ["--format", "json"])
        return try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
    }

    @Test func identicalModelsGiveAnEmptyDiff() throws {
        let result = try diff(head: Self.base)
        #expect(result.status == 0)
        #expect(result.stdout == "base.scope -> head.scope: no change to scope or findings\n")
        let document = try json(head: Self.base)
        #expect(Set(document.keys) == ["base", "head", "verdict", "declarations", "assets", "providers", "findings", "relations"])
        #expect((document["assets"] as? [Any])?.isEmpty == true && (document["relations"] as? [Any])?.isEmpty == true)
    }

    @Test func renamingALabelIsNotAScopeChange() throws {
        let head = Self.base.replacingOccurrences(of: "srv \"Server\"", with: "srv \"PLM server\"")
        #expect(try diff(head: head).stdout.hasPrefix("""
        base.scope -> head.scope: asset srv: label "Server" -> "PLM server"; boundary unchanged

        Declaration changes (1)
          ~ asset srv: label "Server" -> "PLM server" (base.scope:
        """))
        #expect(try diff(head: Self.base).stdout == "base.scope -> head.scope: no change to scope or findings\n")
    }

    @Test func anAssetEnteringScopeIsReportedWithItsReasonInBothVersions() throws {
        // The office loses its separation: the PC can now reach the CUI server.
        let head = Self.base.replacingOccurrences(of: "zone office { separation physical;", with: "zone office {")
            .replacingOccurrences(of: "link office -- enclave via fw { separation logical }", with: "link office -- enclave via fw")
        let result = try diff(head: head)
        #expect(result.status == 0, "a new warning: the PC is an unscoped touchpoint with no claim")
        // Causes first: the zone that lost its separation, the link that lost it; then the scope and findings.
        #expect(result.stdout.hasPrefix("base.scope -> head.scope: zone office: separation physical removed; 1 relation change; "
            + "boundary grows by 1 asset; 1 new warning\n\nDeclaration changes (1)\n  ~ zone office: separation physical removed (base.scope:"))
        let assets = try #require(try json(head: head)["assets"] as? [[String: Any]])
        let pc = try #require(assets.first { $0["id"] as? String == "pc" })
        #expect(pc["before"] as? String == "out" && pc["after"] as? String == "cui")
        let why = try #require(pc["why"] as? [String])
        #expect(why.first == "before: holds no CUI, protects nothing in scope, and cannot reach CUI")
        #expect(why.dropFirst().first?.hasPrefix("after: can reach CUI on srv: pc in zone office (head.scope:3)") == true)
        #expect(Set(pc.keys) == ["id", "before", "after", "why"])
    }

    @Test func anAttributeChangeIsTheCauseTheResolvedFindingFollows() throws {
        let base = Self.base + "\nasset lap { type laptop; zone enclave; stores d; encryption non-fips }\n"
        let head = base.replacingOccurrences(of: "encryption non-fips", with: "encryption fips")
        let text = try diff(head: head, base: base).stdout
        #expect(text.hasPrefix("base.scope -> head.scope: asset lap: encryption non-fips -> fips; boundary unchanged; 1 finding resolved\n"))
        let document = try json(head: head, base: base)
        let declarations = try #require(document["declarations"] as? [[String: Any]])
        #expect(declarations.count == 1)
        #expect(declarations[0]["element"] as? String == "asset lap" && declarations[0]["attribute"] as? String == "encryption")
        #expect(declarations[0]["before"] as? String == "non-fips" && declarations[0]["after"] as? String == "fips")
        #expect((declarations[0]["before-location"] as? [String: Any])?["line"] as? Int == 10)
        #expect((declarations[0]["after-location"] as? [String: Any])?["file"] as? String == "head.scope")
    }

    @Test func assetsLeavingAddedRemovedAndProviderRoles() throws {
        let head = Self.base.replacingOccurrences(of: "asset admin { type person; country US; us-persons yes }", with: "")
            .replacingOccurrences(of: "access admin -> srv { admin yes; mfa yes }", with: "flow srv -> mail carries d { encryption fips; remote yes }")
            + "\nasset vault { type storage; zone enclave; stores d; encryption fips }\n"
        let document = try json(head: head)
        let assets = try #require(document["assets"] as? [[String: Any]])
        #expect(assets.map { $0["id"] as? String } == ["vault", "admin"])
        #expect(assets[0]["before"] is NSNull && assets[0]["after"] as? String == "cui")
        #expect(assets[1]["before"] as? String == "spa" && assets[1]["after"] is NSNull)
        let providers = try #require(document["providers"] as? [[String: Any]])
        #expect(providers.count == 1 && providers[0]["id"] as? String == "mail")
        #expect(providers[0]["before"] as? String == "not-esp" && providers[0]["after"] as? String == "csp-cui")
        #expect(document["verdict"] as? String == "2 relation changes; 1 asset enter and 1 leave the boundary; 1 provider changes role")
        let relations = try #require(document["relations"] as? [[String: Any]])
        #expect(relations.map { "\($0["change"]!) \($0["relation"]!)" } == ["added flow srv -> mail", "removed access admin -> srv"])
    }

    @Test func newAndResolvedFindingsAndChangedRelations() throws {
        let head = Self.base.replacingOccurrences(of: "access admin -> srv { admin yes; mfa yes }", with: "access admin -> srv { admin yes }")
        let document = try json(head: head)
        let findings = try #require(document["findings"] as? [String: [[String: Any]]])
        #expect(findings["new"]?.map { $0["rule"] as? String } == ["privileged-access-without-mfa"])
        #expect(findings["resolved"]?.isEmpty == true)
        let relations = try #require(document["relations"] as? [[String: Any]])
        #expect(relations.count == 1)
        #expect(relations[0]["change"] as? String == "changed")
        #expect(relations[0]["before"] as? String == "{ admin yes; mfa yes }" && relations[0]["after"] as? String == "{ admin yes }")
        // And back: the finding is resolved.
        let back = try CLI.run(["diff", "head.scope", "base.scope", "--format", "json"], in: try models(head: head))
        let reversed = try #require(try JSONSerialization.jsonObject(with: Data(back.stdout.utf8)) as? [String: Any])
        #expect((reversed["findings"] as? [String: [[String: Any]]])?["resolved"]?.count == 1)
        #expect(back.status == 0)
    }

    @Test func gating() throws {
        let growth = Self.base.replacingOccurrences(of: "zone guest { separation physical;", with: "zone guest {")
            .replacingOccurrences(of: "asset ap { type wireless }", with: "asset ap { type wireless; policy \"SOP\" }")
            .replacingOccurrences(of: "zone enclave { separation logical;", with: "zone enclave {")
            .replacingOccurrences(of: "asset fw { type firewall }", with: "asset fw { type firewall; policy \"SOP\" }")
        let plain = try diff(head: growth)
        #expect(plain.stdout.hasPrefix("base.scope -> head.scope: 4 declaration changes; boundary grows by 1 asset\n"))
        #expect(plain.status == 0, "\(plain.stdout)")
        #expect(try diff(head: growth, ["--fail-on-scope-growth"]).status == 1)
        let error = Self.base.replacingOccurrences(of: "{ admin yes; mfa yes }", with: "{ admin yes }")
        #expect(try diff(head: error).status == 1)
        #expect(try diff(head: error, ["--fail-on", "never"]).status == 0)
        #expect(try diff(head: Self.base, ["--fail-on-scope-growth"]).status == 0)
    }

    @Test func markdownIsAPullRequestComment() throws {
        let head = Self.base.replacingOccurrences(of: "{ admin yes; mfa yes }", with: "{ admin yes }")
        let markdown = try diff(head: head, ["--format", "markdown"]).stdout
        #expect(markdown.hasPrefix("### cuiscope: 1 relation change; boundary unchanged; 1 new error\n\n`base.scope` → `head.scope`\n"))
        #expect(markdown.contains("- 🛑 **error** `privileged-access-without-mfa` on `admin -> srv`"))
        #expect(markdown.contains("<details><summary>Relation changes (1)</summary>"))
    }

    @Test func diagramMarksTheChange() throws {
        let head = Self.base + "\nasset vault { type storage; zone enclave; stores d; encryption fips }\n"
        let directory = try models(head: head)
        let result = try CLI.run(["diff", "base.scope", "head.scope", "--diagram", "change.dot"], in: directory)
        #expect(result.status == 0)
        let dot = try String(contentsOf: directory.appendingPathComponent("change.dot"), encoding: .utf8)
        #expect(dot.contains(#"label="+ vault\nstorage""#) && dot.contains(##"color="#1e8449", penwidth="3""##))
    }

    @Test func gitComparesWithARevision() throws {
        let directory = try CLI.temporaryDirectory()
        func git(_ arguments: String...) throws {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["git", "-C", directory.path, "-c", "user.name=t", "-c", "user.email=t@example.invalid"] + arguments
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "git \(arguments)")
        }
        try git("init", "-q")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("models/sites"), withIntermediateDirectories: true)
        try "include \"sites/office.scope\"\n\(Self.base)".write(to: directory.appendingPathComponent("models/acme.scope"), atomically: true, encoding: .utf8)
        try "asset printer { type printer; zone office }\n".write(to: directory.appendingPathComponent("models/sites/office.scope"), atomically: true, encoding: .utf8)
        try git("add", ".")
        try git("commit", "-q", "-m", "base")
        // Change only the included file: the office printer now stores CUI.
        try "data scans { class cui }\nasset printer { type printer; zone office; stores scans }\n"
            .write(to: directory.appendingPathComponent("models/sites/office.scope"), atomically: true, encoding: .utf8)
        let result = try CLI.run(["diff", "--git", "HEAD", "models/acme.scope", "--format", "json"], in: directory)
        #expect(result.status == 0, "the office PC becomes an unscoped touchpoint, a warning: \(result.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(document["base"] as? String == "HEAD:models/acme.scope")
        let assets = try #require(document["assets"] as? [[String: Any]])
        // The root file's declarations come first, then the included file's.
        #expect(assets.map { $0["id"] as? String } == ["pc", "printer"])
        #expect(assets[1]["after"] as? String == "cui")

        let unknown = try CLI.run(["diff", "--git", "no-such-rev", "models/acme.scope"], in: directory)
        #expect(unknown.status == 3)
        #expect(unknown.stderr.contains("has no revision `no-such-rev`"))
        // A model that did not exist at the revision is compared with an empty one.
        try Self.base.write(to: directory.appendingPathComponent("models/new.scope"), atomically: true, encoding: .utf8)
        let new = try CLI.run(["diff", "--git", "HEAD", "models/new.scope"], in: directory)
        #expect(new.stdout.hasPrefix("HEAD:models/new.scope -> models/new.scope: 4 declaration changes; 2 relation changes; boundary grows by 3 assets"))
    }

    @Test func gitOutsideARepositoryIsAClearError() throws {
        let directory = try models(head: Self.base)
        let result = try CLI.run(["diff", "--git", "HEAD", "head.scope"], in: directory)
        #expect(result.status == 3)
        #expect(result.stderr.hasPrefix("cuiscope: diff --git: \(directory.path) is not inside a git repository")
            || result.stderr.contains("is not inside a git repository"))
    }

    @Test func usage() throws {
        #expect(try CLI.run(["diff", "a.scope"]).status == 3)
        #expect(try CLI.run(["diff", "--git", "HEAD", "a.scope", "b.scope"]).status == 3)
        #expect(try CLI.run(["diff", "missing.scope", "Models/fci-shop.scope"]).status == 3)
    }
}
