import Testing
@testable import ScopeModel

/// Every statement and attribute of docs/language.md, read into the typed model.
@Suite struct LanguageTests {
    static let everything = """
    organization "Acme" {
      level 3
      assessment dibcac
      iso27001 corp, plm
    }
    data drawings "Drawings" { class cui; category CTI, EXPT; dissemination NOFORN }
    data po "Purchase orders" { class fci }
    data logs { class spd }
    data site { class public }
    provider gov "AWS GovCloud" {
      type csp
      fedramp moderate-equivalent
      country US
      us-persons yes
      crm yes
      cmmc l2-c3pao
      dfars-7012 yes
    }
    provider sub { type subcontractor; country unknown; us-persons no; cmmc l1-self }
    zone corp "Corporate"
    zone enclave "Enclave" {
      separation physical
      zone lab "Lab" {
        separation logical
        asset scope-pc { type test-equipment }
      }
      asset plm "PLM server" {
        type vdi-client
        hosted-on hv
        stores drawings
        processes po, logs
        encryption non-fips
        security firewall, vpn, idp, siem, edr, backup, pam, mdm, scanner, logging
        policy "SOP-12"
        category crma
        public no
        country US
        us-persons unknown
        vdi full
        count 25
        classified yes
        owner "IT"
        description "Product lifecycle"
        zone enclave
      }
    }
    asset hv { type server; zone corp }
    asset bob { type person; country CA; us-persons no }
    asset thin { type vdi-client; vdi kvm-only }
    flow gov -> plm carries drawings, po via hv "Nightly sync" { encryption fips; remote yes; mfa yes; protocol "HTTPS" }
    flow plm <-> hv carries none
    flow hv -> gov { label "Backup" }
    link corp -- enclave via hv { separation logical; wireless yes }
    link plm -- hv
    access bob -> plm { admin yes; mfa yes; remote yes; keys yes }
    access sub -> enclave
    protects hv -> enclave
    protects gov -> plm
    suppress unlabeled-flow on plm "SOP-9"
    suppress cui-transit-not-fips on plm <-> hv "why"
    """

    @Test func organization() throws {
        let m = try model(Self.everything)
        #expect(m.organization.name == "Acme")
        #expect(m.organization.level == 3)
        #expect(m.organization.assessment == .dibcac)
        #expect(m.organization.iso27001 == [.zone(0), .asset(1)])
        #expect(m.organization.span?.location == SourceLocation(file: "m.scope", line: 1, column: 1))
    }

    @Test func data() throws {
        let m = try model(Self.everything)
        #expect(m.data.map(\.id) == ["drawings", "po", "logs", "site"])
        #expect(m.data.map(\.dataClass) == [.cui, .fci, .spd, .public])
        #expect(m.data[0].label == "Drawings")
        #expect(m.data[0].categories == ["CTI", "EXPT"])
        #expect(m.data[0].dissemination == ["NOFORN"])
        #expect(m.data[0].isForeignPersonRestricted)
        #expect(!m.data[1].isForeignPersonRestricted)
    }

    @Test func providers() throws {
        let m = try model(Self.everything)
        let gov = m.providers[0]
        #expect(gov.type == .csp)
        #expect(gov.fedramp == .moderateEquivalent && gov.fedramp.meetsModerate)
        #expect(gov.country == "US")
        #expect(gov.usPersons == .yes)
        #expect(gov.crm && gov.dfars7012)
        #expect(gov.cmmc == .l2C3PAO)
        let sub = m.providers[1]
        #expect(sub.type == .subcontractor && sub.country == nil && sub.usPersons == .no && sub.cmmc == .l1Self)
        #expect(sub.fedramp == .unknown && !sub.crm && !sub.dfars7012)
    }

    @Test func zonesNestAndAssetsJoinTheirZone() throws {
        let m = try model(Self.everything)
        #expect(m.zones.map(\.id) == ["corp", "enclave", "lab"])
        #expect(m.zones.map(\.separation) == [.none, .physical, .logical])
        #expect(m.zones.map(\.parent) == [nil, nil, 1])
        let zoneOf = Dictionary(uniqueKeysWithValues: m.assets.map { ($0.id, $0.zone.map { m.zones[$0].id }) })
        #expect(zoneOf == ["scope-pc": "lab", "plm": "enclave", "hv": "corp", "bob": nil, "thin": nil])
    }

    @Test func everyAssetAttribute() throws {
        let m = try model(Self.everything)
        let plm = m.assets[1]
        #expect(plm.id == "plm" && plm.label == "PLM server" && plm.type == .vdiClient)
        #expect(plm.hostedOn == .asset(2))
        #expect(plm.stores == [0] && plm.processes == [1, 2])
        #expect(plm.encryption == .nonFIPS)
        #expect(plm.security == SecurityFunction.allCases)
        #expect(plm.policy == "SOP-12" && plm.claimedCategory == .crma)
        #expect(!plm.isPublic && plm.country == "US" && plm.usPersons == .unknown)
        #expect(plm.vdi == .full && plm.count == 25 && plm.classified)
        #expect(plm.owner == "IT" && plm.description == "Product lifecycle")
        #expect(m.assets[4].vdi == .kvmOnly && m.assets[4].type == .vdiClient)
        #expect(m.assets[0].type.isSpecialized)
    }

    @Test func flows() throws {
        let m = try model(Self.everything)
        #expect(m.flows.count == 3)
        let sync = m.flows[0]
        #expect(sync.from == .provider(0) && sync.to == .asset(1) && !sync.bidirectional)
        #expect(sync.carries == .data([0, 1]) && sync.via == [2])
        #expect(sync.label == "Nightly sync" && sync.protocol == "HTTPS")
        #expect(sync.encryption == .fips && sync.remote && sync.mfa)
        #expect(m.flows[1].bidirectional && m.flows[1].carries == .data([]))
        #expect(m.flows[2].carries == .unlabeled && m.flows[2].label == "Backup")
        #expect(m.flows[2].encryption == .unknown && !m.flows[2].remote)
        #expect(sync.span.location == SourceLocation(file: "m.scope", line: 50, column: 1))
    }

    @Test func linksAccessProtects() throws {
        let m = try model(Self.everything)
        #expect(m.links.map(\.a) == [.zone(0), .asset(1)])
        #expect(m.links.map(\.b) == [.zone(1), .asset(2)])
        #expect(m.links[0].via == [2] && m.links[0].separation == .logical && m.links[0].wireless)
        #expect(m.links[1].separation == Separation.none && !m.links[1].wireless)
        let bob = m.accesses[0]
        #expect(bob.from == .asset(3) && bob.to == .asset(1) && bob.admin && bob.mfa && bob.remote && bob.keys)
        let sub = m.accesses[1]
        #expect(sub.from == .provider(1) && sub.to == .zone(1) && !sub.admin && !sub.mfa && !sub.remote && !sub.keys)
        #expect(m.protections.map(\.from) == [.asset(2), .provider(0)])
        #expect(m.protections.map(\.to) == [.zone(1), .asset(1)])
        #expect(m.relationCount == 9)
    }

    @Test func suppressions() throws {
        let m = try model(Self.everything)
        #expect(m.suppressions.map(\.rule) == ["unlabeled-flow", "cui-transit-not-fips"])
        let plm = try #require(m.names["plm"]), hv = try #require(m.names["hv"])
        #expect(m.suppressions.map(\.target) == [.element(plm), .relation(from: plm, arrow: .both, to: hv)])
        #expect(m.suppressions.map(\.reason) == ["SOP-9", "why"])
    }

    @Test func commentsSemicolonsAndOrderIndependence() throws {
        let m = try model("""
        // a comment
        flow a -> b carries d   # used before it is defined
        asset a { type server }; asset b { type server } // two statements on one line
        data d { class cui }
        """)
        #expect(m.flows.count == 1 && m.assets.count == 2)
    }

    @Test func identifiersWithDashesAndDots() throws {
        let m = try model("""
        asset plm-01 { type server }
        asset eng.ws { type workstation }
        asset a_b { type server }
        flow plm-01->eng.ws
        link plm-01--a_b
        """)
        #expect(m.flows[0].from == .asset(0) && m.flows[0].to == .asset(1))
        #expect(m.links[0].a == .asset(0) && m.links[0].b == .asset(2))
    }

    @Test func defaults() throws {
        let m = try model("asset a { type server }\nprovider p { type csp }\ndata d { class fci }")
        #expect(m.organization.level == 2 && m.organization.assessment(at: m.organization.level) == .c3pao)
        #expect(m.assets[0].encryption == .unknown && m.assets[0].count == 1 && m.assets[0].zone == nil)
        #expect(m.providers[0].fedramp == .unknown && m.providers[0].usPersons == .unknown && m.providers[0].cmmc == nil)
        #expect(try model("organization \"x\" { level 1 }").organization.assessment(at: 1) == .self)
    }

    @Test func stringEscapes() throws {
        let m = try model(#"asset a "say \"hi\"\\\n\tok" { type server }"#)
        #expect(m.assets[0].label == "say \"hi\"\\\n\tok")
    }

    @Test func includesAreRelativeToTheIncludingFileAndReadOnce() throws {
        let result = load("""
        include "sites/plant.scope"
        include "common.scope"
        flow a -> b
        """, files: [
            "sites/plant.scope": "include \"../common.scope\"\nasset b { type server; zone z }",
            "common.scope": "asset a { type server }\nzone z",
        ])
        #expect(result.diagnostics.isEmpty)
        let m = try #require(result.model)
        #expect(m.files.map(\.path) == ["m.scope", "sites/plant.scope", "common.scope"])
        #expect(m.assets.map(\.id) == ["b", "a"])
        #expect(m.assets[1].span.location.description == "common.scope:1:1")
    }

    /// The loader looks for includes only where the parser counted some: in a file parsed in pieces (over
    /// 1 MiB), an include in the last piece must still be followed.
    @Test func anIncludeInTheLastPieceOfALargeFileIsFollowed() throws {
        let filler = (0..<45_000).map { "data d\($0) { class public }\n" }.joined()
        #expect(Parser.pieceStarts(in: SourceFile(path: "m.scope", text: filler), pieceSize: 1 << 20).count > 1)
        let result = load(filler + "include \"b.scope\"\n", files: ["b.scope": "asset b { type server }\n"])
        #expect(result.diagnostics.isEmpty)
        #expect(try #require(result.model).names["b"] != nil)
    }

    /// A file parsed in pieces has its relations read once every declaration is known, wherever they are
    /// written; one in error gets the message of one pass.
    @Test func aLargeFileReadsItsRelationsAfterItsDeclarations() throws {
        let filler = (0..<45_000).map { "data d\($0) { class public }\n" }.joined()
        let text = "flow a -> b carries d1\n" + filler + "asset a { type server }\nasset b { type server }\n"
        #expect(Parser.pieceStarts(in: SourceFile(path: "m.scope", text: text), pieceSize: 1 << 20).count > 1)
        let result = load(text)
        #expect(result.diagnostics.isEmpty)
        #expect(try #require(result.model).flows.map(\.carries) == [.data([1])])
        let broken = load(text + "flow a -> c\n")
        #expect(broken.diagnostics.map { "\($0.span.location): \($0.message)" } == ["m.scope:45004:11: undefined identifier `c`"])
        #expect(broken.model == nil)
    }
}
