import Testing
@testable import ScopeAnalysis

/// docs/scoping.md §2–4: propagation, reachability and categories, with their witnesses.
@Suite struct CategorizationTests {
    @Test func storingCUIMakesACUIAssetWithItsDeclarationAsWitness() throws {
        let a = try analyze("data d { class cui }\nasset srv { type server; stores d }")
        #expect(a.category("srv") == .cui)
        #expect(a.roles("srv") == [.cui])
        #expect(a.why("srv") == ["holds d: srv stores d (m.scope:2)"])
    }

    @Test func labelledFlowsMakeBothEndsAndViaDevicesHoldTheData() throws {
        let a = try analyze("""
        data d { class cui }
        provider army { type government }
        asset plm { type server }
        asset fw { type firewall }
        flow army -> plm carries d via fw
        """)
        #expect(a.category("plm") == .cui && a.category("fw") == .cui)
        #expect(a.roles("fw") == [.cui, .spa])
        #expect(a.why("plm") == ["holds d: flow army -> plm (m.scope:5)"])
    }

    @Test func unlabeledFlowsPropagateCUIAndFCIAlongTheShortestChain() throws {
        let a = try analyze("""
        data d { class cui }
        data p { class public }
        zone z1 { separation physical; asset a { type server; stores d, p } }
        zone z2 { separation physical; asset b { type server } }
        zone z3 { separation physical; asset c { type printer } }
        flow a -> b
        flow b -> c
        flow a -> c carries none
        """)
        #expect(a.categoryMap == ["a": .cui, "b": .cui, "c": .cui])
        #expect(a.why("c") == ["holds d: a stores d (m.scope:3), then flow a -> b (m.scope:6), then flow b -> c (m.scope:7)"])
        // Public data does not ride on presumed flows.
        #expect(a.holdings(ofAsset: 2) == [0])
    }

    @Test func twoWayUnlabeledFlowsPropagateBothWays() throws {
        let a = try analyze("data d { class cui }\nzone z { separation physical; asset x { type server } }\nasset y { type server; stores d }\nflow x <-> y")
        #expect(a.category("x") == .cui)
    }

    @Test func hostingChainsCarryEverythingUpToTheProvider() throws {
        let a = try analyze("""
        data d { class cui }
        data logs { class spd }
        provider cloud { type csp; fedramp high }
        asset hv { type server; hosted-on cloud }
        asset vm { type vm; hosted-on hv; stores d, logs }
        """)
        #expect(a.category("hv") == .cui)
        #expect(a.role(ofProvider: "cloud") == .cspCUI)
        #expect(a.whyProvider("cloud") == ["holds d: vm stores d (m.scope:5), then vm hosted-on hv (m.scope:5), then hv hosted-on cloud (m.scope:4)"])
        #expect(a.holdings(ofProvider: 0) == [0, 1])
    }

    @Test func peopleWithNonAdminAccessProcessCUIButAreNotNetworkNodes() throws {
        let a = try analyze("""
        data d { class cui }
        zone enclave { separation logical; asset srv { type server; stores d } }
        asset eng { type team }
        asset admins { type team }
        asset guard { type person }
        access eng -> enclave
        access admins -> srv { admin yes; mfa yes }
        """)
        #expect(a.category("eng") == .cui)
        #expect(a.why("eng") == ["holds d: srv stores d (m.scope:2), then srv in zone enclave (m.scope:2), then access eng -> enclave (m.scope:6)"])
        #expect(a.category("admins") == .spa)
        #expect(a.why("admins") == ["administers srv: access admins -> srv (m.scope:7)"])
        // A person in the root zone with the CUI server is not reachable: people are not network nodes.
        #expect(a.category("guard") == .out)
    }

    @Test func classifiedSystemsAreOutsideCMMC() throws {
        let a = try analyze("data d { class cui }\nasset sipr { type workstation; stores d; classified yes }\nasset pc { type workstation }")
        #expect(a.category("sipr") == .outsideCMMC)
        #expect(a.why("sipr") == ["classified system: outside CMMC (32 CFR 170.19)"])
        #expect(a.category("pc") == .out, "a classified system's CUI does not pull its neighbours in")
    }

    @Test func specializedAssets() throws {
        let a = try analyze("""
        data d { class cui }
        asset cnc { type ot; stores d }
        asset files { type server; stores d }
        asset plc { type iiot }
        zone lab { separation physical; asset meter { type test-equipment } }
        """)
        #expect(a.categoryMap == ["cnc": .specialized, "files": .cui, "plc": .specialized, "meter": .out])
        #expect(a.roles("plc") == [.specialized])
    }

    @Test func vdiKVMOnlyClientsAreOutOfScopeAndFullClientsAreNot() throws {
        let a = try analyze("""
        data d { class cui }
        zone enclave { separation logical; asset vdi { type server; stores d } }
        zone office {
          asset kvm { type vdi-client; vdi kvm-only }
          asset kvm2 { type vdi-client; vdi kvm-only }
        }
        zone lab { separation physical; asset full { type vdi-client; vdi full } }
        flow vdi -> kvm carries d
        flow vdi -> full carries d
        access kvm2 -> vdi
        """)
        // docs/scoping.md §2: files landed on a KVM-only client are CUI on it; only its session holds nothing.
        #expect(a.category("kvm") == .cui)
        #expect(a.why("kvm") == ["holds d: flow vdi -> kvm (m.scope:8)"])
        #expect(a.category("full") == .cui)
        #expect(a.category("kvm2") == .cui, "on the office VLAN with kvm, which now holds CUI")
        #expect(a.subjects("vdi-not-kvm-only") == ["kvm", "full"])
    }

    @Test func aKVMOnlySessionHoldsNothingAndAFullClientHoldsWhatItReaches() throws {
        let a = try analyze("""
        data d { class cui }
        data logs { class spd }
        zone enclave { separation logical; asset vdi { type server; stores d, logs } }
        zone office { separation logical; asset kvm { type vdi-client; vdi kvm-only } }
        zone lab { separation physical; asset full { type vdi-client; vdi full } }
        access kvm -> vdi
        access full -> vdi
        """)
        #expect(a.category("kvm") == .out)
        #expect(a.why("kvm") == ["holds no CUI, protects nothing in scope, and cannot reach CUI"])
        #expect(a.category("full") == .cui)
        #expect(a.why("full") == ["holds d: vdi stores d (m.scope:3), then access full -> vdi (m.scope:7)",
                                  "holds logs, security data of in-scope vdi: vdi stores logs (m.scope:3), then access full -> vdi (m.scope:7)"])
        #expect(a.holdings(ofAsset: 2) == [0, 1], "a full client holds every item, security data included")
    }

    @Test func securityProtectionIsAFixedPoint() throws {
        let a = try analyze("""
        data d { class cui }
        zone enclave { separation logical; asset srv { type server; stores d } }
        zone mgmt {
          separation physical
          asset edr { type edr }
          asset vault { type application }
          asset hv { type server }
          asset idle { type server }
        }
        asset jump { type vm; hosted-on hv; zone mgmt }
        zone guest { separation physical; asset kiosk { type workstation } }
        asset toy { type application; zone guest }
        protects edr -> enclave
        protects vault -> edr
        access jump -> srv { admin yes; mfa yes }
        protects toy -> kiosk
        """)
        #expect(a.category("edr") == .spa && a.category("vault") == .spa && a.category("jump") == .spa)
        #expect(a.why("vault") == ["protects edr: protects vault -> edr (m.scope:14)"])
        #expect(a.category("hv") == .spa)
        #expect(a.why("hv") == ["hosts the Security Protection Asset jump: jump hosted-on hv (m.scope:10)"])
        #expect(a.category("idle") == .out)
        #expect(a.category("toy") == .out, "protecting something out of scope is not protecting the scope")
    }

    @Test func securityDataFromInScopeAssetsMakesItsHoldersSecurityAssets() throws {
        let a = try analyze("""
        data d { class cui }
        data logs { class spd }
        data guest-logs { class spd }
        zone enclave { separation logical; asset ws { type workstation; stores d, logs } }
        zone guest { separation physical; asset ap { type wireless; stores guest-logs } }
        provider soc { type mssp }
        asset siem { type siem; hosted-on soc }
        asset siem2 { type siem; hosted-on soc }
        flow ws -> siem carries logs
        flow ap -> siem2 carries guest-logs
        """)
        #expect(a.category("siem") == .spa)
        #expect(a.why("siem") == ["holds logs, security data of in-scope ws: flow ws -> siem (m.scope:9)"])
        #expect(a.category("siem2") == .out)
        #expect(a.role(ofProvider: "soc") == .espSPA)
    }

    /// docs/scoping.md §9, first worked example.
    @Test func workedExampleCloudSIEM() throws {
        let a = try analyze("""
        data d { class cui }
        data logs { class spd }
        provider mssp { type mssp; country US; us-persons yes }
        asset ws { type workstation; stores d; count 20 }
        asset siem { type siem; hosted-on mssp; security siem }
        flow ws -> siem carries logs { encryption fips; remote yes }
        """)
        #expect(a.category("siem") == .spa)
        #expect(a.role(ofProvider: "mssp") == .espSPA)
        #expect(a.subjects("non-fedramp-cui-hosting").isEmpty)
        #expect(a.subjects("esp-without-crm") == ["mssp"])
    }

    /// docs/scoping.md §9, second worked example: a flat VLAN, then a policy, then a separating firewall.
    @Test func workedExampleOfficeWorkstations() throws {
        let flat = try analyze("""
        data d { class cui }
        zone office { asset files { type server; stores d }; asset pcs { type workstation; count 30 } }
        """)
        #expect(flat.category("pcs") == .cui)
        #expect(flat.subjects("unscoped-touchpoint") == ["pcs"])
        #expect(flat.why("pcs") == ["can reach CUI on files: pcs in zone office (m.scope:2), then files in zone office (m.scope:2)",
                                    "no policy keeps CUI off it, so it counts as a CUI Asset"])

        let policy = try analyze("""
        data d { class cui }
        zone office { asset files { type server; stores d }; asset pcs { type workstation; policy "SOP-3" } }
        """)
        #expect(policy.category("pcs") == .crma)
        #expect(policy.subjects("unscoped-touchpoint").isEmpty)
        #expect(policy.why("pcs").last == "kept free of CUI by policy: SOP-3")

        let separated = try analyze("""
        data d { class cui }
        zone enclave { separation logical; asset files { type server; stores d } }
        zone office { asset pcs { type workstation } }
        asset fw { type firewall }
        link office -- enclave via fw { separation logical }
        """)
        #expect(separated.category("pcs") == .out)
        #expect(separated.category("fw") == .spa)
        #expect(separated.why("fw") == ["boundary device of a CUI network: fw is the device of link office -- enclave (m.scope:5)"])
    }

    @Test func zonesJoinTheirParentUnlessSeparationIsDeclared() throws {
        let a = try analyze("""
        data d { class cui }
        zone site {
          zone joined { asset a { type server } }
          zone apart { separation logical; asset b { type server } }
          asset files { type server; stores d }
        }
        """)
        #expect(a.category("a") == .cui && a.category("b") == .out)
        #expect(a.why("a").first == "can reach CUI on files: a in zone joined (m.scope:3), then zone joined in site (m.scope:3), then files in zone site (m.scope:5)")
    }

    @Test func unseparatedLinksJoinTheirEndsAndTheirDevices() throws {
        let a = try analyze("""
        data d { class cui }
        zone x { separation physical; asset files { type server; stores d } }
        zone y { separation physical; asset pc { type workstation } }
        zone z { separation physical; asset sw { type switch } }
        link x -- y via sw
        """)
        #expect(a.category("pc") == .cui)
        // The via device of a CUI link provides security, and SPA comes before reachability.
        #expect(a.category("sw") == .spa)
        #expect(a.roles("sw") == [.spa])
    }

    @Test func channelsConnectOnlyTheirEnds() throws {
        let a = try analyze("""
        data d { class cui }
        zone enclave { separation logical; asset files { type server; stores d } }
        zone lab { separation physical; asset scope-pc { type workstation; policy "LP-3" }; asset other { type workstation } }
        flow scope-pc -> files carries none
        """)
        #expect(a.category("scope-pc") == .crma)
        #expect(a.why("scope-pc").first == "can reach CUI on files: flow scope-pc -> files (m.scope:4)")
        #expect(a.category("other") == .out, "an endpoint does not forward its neighbours' traffic")
    }

    @Test func assetsHostedOnAProviderJoinNoZone() throws {
        let a = try analyze("""
        data d { class cui }
        provider saas { type csp; fedramp high }
        asset files { type server; stores d }
        asset app { type saas; hosted-on saas }
        asset app2 { type saas; hosted-on saas; zone z }
        zone z
        """)
        #expect(a.category("app") == .out)
        #expect(a.category("app2") == .cui, "placed in a zone, it shares the organization's network")
    }

    @Test func levelOneHasOnlyFCIAndOut() throws {
        let text = """
        organization "Shop" { level 1 }
        data po { class fci }
        asset erp { type server; stores po }
        asset pc { type workstation }
        asset fw { type firewall }
        asset cnc { type ot; stores po }
        asset sipr { type server; stores po; classified yes }
        protects fw -> erp
        """
        let a = try analyze(text)
        #expect(a.categoryMap == ["erp": .fci, "pc": .out, "fw": .out, "cnc": .out, "sipr": .outsideCMMC])
        #expect(a.why("erp") == ["holds po: erp stores po (m.scope:3)"])
        #expect(a.findings.isEmpty)
        #expect(try analyze(text, level: 2).category("fw") == .out, "FCI is not CUI")
    }

    @Test func levelThreeCountsACRMAAsACUIAsset() throws {
        let text = """
        data d { class cui }
        zone z { asset files { type server; stores d }; asset pc { type workstation; policy "SOP" } }
        """
        #expect(try analyze(text, level: 2).category("pc") == .crma)
        let three = try analyze(text, level: 3)
        #expect(three.category("pc") == .cui)
        #expect(three.roles("pc") == [.crma])
    }

    @Test func providerRoles() throws {
        let a = try analyze("""
        data d { class cui }
        data po { class fci }
        provider gov { type government }
        provider gcc { type csp; fedramp high }
        provider msp { type msp }
        provider seller { type vendor }
        provider idle { type csp }
        provider sub { type subcontractor }
        provider soc { type mssp }
        asset srv { type server; stores d, po }
        flow gov -> srv carries d
        flow srv -> gcc carries d
        flow srv -> msp carries d
        flow srv -> seller carries d
        flow srv -> sub carries po
        access soc -> srv { admin yes; mfa yes }
        """)
        let roles = Dictionary(uniqueKeysWithValues: a.model.providers.enumerated().map { ($1.id, a.providerRoles[$0]) })
        #expect(roles == ["gov": .government, "gcc": .cspCUI, "msp": .espCUI, "seller": .espCUI, "idle": .notESP,
                          "sub": .subcontractor, "soc": .espSPA])
        #expect(a.whyProvider("soc") == ["administers srv: access soc -> srv (m.scope:16)"])
        #expect(a.whyProvider("idle") == ["holds no CUI and supports nothing in scope"])
    }

    @Test func theSameInputGivesTheSameResult() throws {
        let text = "data d { class cui }\nzone z { asset a { type server; stores d }; asset b { type server } }\nflow a -> b"
        let first = try analyze(text), second = try analyze(text)
        #expect(first.assetCategories == second.assetCategories)
        let render = { (analysis: Analysis) in
            let explainer = Explainer(model: analysis.model)
            return analysis.findings.map {
                "\($0.location) \($0.rule) \(explainer.text($0.subject)) \($0.message) \($0.evidence.map(explainer.text))"
            }
        }
        #expect(render(first) == render(second))
        #expect(!first.findings.isEmpty)
    }
}
