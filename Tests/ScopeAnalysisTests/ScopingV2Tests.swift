import Testing
@testable import ScopeAnalysis
import ScopeModel

/// The changes of docs/scoping.md §10, each asserted where it shows: a category, a role, a finding or a message.
@Suite struct ScopingV2Tests {
    func errors(_ text: String) -> [String] {
        ModelLoader(loader: InMemoryLoader([:]), ruleIDs: Rule.catalogue.map(\.id)).load(root: SourceFile(path: "m.scope", text: text))
            .diagnostics.filter { $0.severity == .error }.map { "\($0.location.line):\($0.location.column): \($0.message)" }
    }

    @Test func markingsAreCheckedAgainstTheCUIRegistry() {
        #expect(errors("data d { class cui; category CTI, SP-EXPT, PROPIN; dissemination NOFORN, REL-TO-USA }").isEmpty)
        #expect(errors("data d { class cui; category ITAR, EXPORT, EXPT-ITAR, cti }") == [
            "1:30: `ITAR` is not a CUI Registry category marking", "1:36: `EXPORT` is not a CUI Registry category marking",
            "1:44: `EXPT-ITAR` is not a CUI Registry category marking", "1:55: `cti` is not a CUI Registry category marking",
        ])
        #expect(errors("data d { class cui; dissemination NOFRN }") == ["1:35: `NOFRN` is not a CUI Registry limited dissemination control"])
    }

    @Test func `sp-prefixedExportMarkingsStillRestrictTheData`() throws {
        let a = try analyze("""
        data d { class cui; category SP-EXPT }
        asset files { type server; stores d }
        asset ana { type person; country CN; us-persons no }
        access ana -> files
        """)
        #expect(a.subjects("foreign-person-access") == ["ana -> files"])
    }

    @Test func networkNodesOnlyWhereTheNetworkIsMeant() {
        #expect(errors("asset t { type team }\nasset vm { type vm; hosted-on t }") == ["2:21: `vm` cannot run on `t`, a team"])
        #expect(errors("asset p { type person }\nasset s { type server }\nlink p -- s") == ["3:6: a link joins network nodes, and `p` is a person"])
        #expect(errors("asset p { type person }\nasset t { type team }\nlink p -- t")
            == ["3:6: a link joins network nodes, and `p` is a person", "3:11: a link joins network nodes, and `t` is a team"])
        #expect(errors("asset f { type facility }\nasset a { type server }\nasset b { type server }\nlink a -- b via f")
            == ["4:17: `via` names a device, and `f` is a facility"])
        #expect(errors("asset pc { type workstation; vdi full }") == ["1:30: `vdi` is for a `vdi-client`, and `pc` is a workstation"])
    }

    @Test func governmentHostedAssetsAreOutsideCMMCAndCountForNothing() throws {
        let a = try analyze("""
        data d { class cui }
        provider navy { type government }
        asset portal { type saas; hosted-on navy; stores d; category out }
        zone z { asset app { type vm; hosted-on portal; stores d; public yes } ; asset pc { type workstation } }
        """)
        #expect(a.category("portal") == .outsideCMMC && a.category("app") == .outsideCMMC)
        #expect(a.why("app") == ["operated on behalf of the Government on navy: outside CMMC: app hosted-on portal (m.scope:4), "
            + "then portal hosted-on navy (m.scope:3)"])
        #expect(a.category("pc") == .out, "Government CUI makes no neighbour reachable")
        #expect(a.findings.isEmpty, "no asset finding, and a claimed `out` is accepted")
    }

    @Test func onlyAnSPAsHostIsAnSPA() throws {
        let a = try analyze("""
        data d { class cui }
        zone enclave { separation logical; asset files { type server; stores d } }
        zone mgmt { separation logical; asset hv1 { type server }; asset hv2 { type server }; asset hv3 { type server } }
        asset siem { type vm; hosted-on hv1; zone mgmt }
        asset office { type vm; hosted-on hv2; zone enclave; policy "SOP-1" }
        asset sensor { type iot; hosted-on hv3; zone enclave }
        protects siem -> enclave
        """)
        #expect(a.category("siem") == .spa && a.category("hv1") == .spa)
        #expect(a.category("office") == .crma && a.category("hv2") == .out, "hosting a CRMA gives no role")
        #expect(a.category("sensor") == .specialized && a.category("hv3") == .out, "nor does hosting a Specialized Asset")
    }

    @Test func hypervisorIsolationKeepsCoResidentGuestsApart() throws {
        let a = try analyze("""
        data d { class cui }
        zone cui-net { separation logical }
        zone web-net { separation logical }
        zone hosts { separation logical; asset hv { type server } }
        asset vm-cui { type vm; hosted-on hv; zone cui-net; stores d }
        asset vm-web { type vm; hosted-on hv; zone web-net }
        """)
        #expect(a.category("hv") == .cui, "the host holds its guest's CUI")
        #expect(a.category("vm-web") == .out, "but its guest-derived CUI reaches no other guest")
    }

    @Test func suppressOnAnIDMatchesRelationsEndingThere() throws {
        let a = try analyze("""
        data d { class cui }
        asset ws { type workstation; stores d }
        asset printer { type printer; policy "SOP" }
        asset scanner { type printer; policy "SOP" }
        flow ws -> printer
        flow ws -> scanner
        suppress unlabeled-flow on printer "print jobs are reviewed"
        suppress unlabeled-flow on ws -> scanner "scanning only"
        """)
        let unlabeled = a.findings.filter { $0.rule == "unlabeled-flow" }
        #expect(unlabeled.count == 2 && unlabeled.allSatisfy { $0.isSuppressed })
        #expect(a.diagnostics.isEmpty)
    }

    @Test func anUnmatchedSuppressionCountsAsAWarning() throws {
        let a = try analyze("asset a { type server }\nsuppress unlabeled-flow on a \"old\"")
        #expect(a.diagnostics.count == 1 && a.summary.warnings == 1)
    }

    @Test func providersAccessMakesAPrincipalNotAHolder() throws {
        let a = try analyze("""
        data tech { class cui; category EXPT }
        asset files { type server; stores tech }
        provider help { type msp; country IN; us-persons no }
        provider prime { type prime; country GB; us-persons no }
        provider army { type government }
        access help -> files
        flow files -> prime carries tech
        flow files -> army carries tech
        """)
        #expect(a.role(ofProvider: "help") == .notESP, "a provider's staff in our systems hold nothing on its side")
        #expect(a.role(ofProvider: "prime") == .prime && a.role(ofProvider: "army") == .government)
        #expect(a.subjects("foreign-person-access").sorted() == ["help -> files", "prime"], "a prime is judged; the U.S. Government is not")
    }

    @Test func claimsAtLevelOne() throws {
        let a = try analyze("""
        organization "Shop" { level 1 }
        data po { class fci }
        asset pc { type workstation; stores po; category fci }
        asset spare { type workstation; category fci }
        asset books { type server; stores po; category out }
        """)
        #expect(a.subjects("scope-claim-mismatch") == ["spare"])
        #expect(a.subjects("unscoped-touchpoint") == ["books"])
        #expect(a.findings.first { $0.rule == "unscoped-touchpoint" }?.severity == .error)
    }

    @Test func assessmentsFollowTheLevel() throws {
        let level3 = try analyze("asset a { type server }", level: 3)
        #expect(level3.diagnostics.isEmpty)
        let explicit = try analyze("organization \"A\" { level 2; assessment c3pao }\nasset a { type server }", level: 3)
        #expect(explicit.diagnostics.map(\.message) == ["`assessment c3pao` does not exist at level 3"])
        #expect(explicit.model.organization.assessment(at: 3) == .c3pao)
        let implicit = try analyze("asset a { type server }").model.organization
        #expect(implicit.assessment(at: 3) == .dibcac && implicit.assessment(at: 1) == .self && implicit.assessment(at: 2) == .c3pao)
    }

    @Test func sentencesReadRight() {
        #expect(AssetCategory.out.titleWithArticle == "an Out-of-Scope asset" && AssetCategory.cui.titleWithArticle == "a CUI Asset")
    }
}
