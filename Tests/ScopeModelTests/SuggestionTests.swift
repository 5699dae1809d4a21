import Testing
@testable import ScopeModel

/// "Did you mean" knows how identifiers are written, and offers only names of the kind the position takes.
@Suite struct SuggestionTests {
    static let model = """
    asset plm-server { type server }
    asset eng-ws-01 { type workstation }
    asset edge-firewall { type firewall }
    asset hv-mgmt { type server }
    asset kiosk { type workstation }
    data plm-srvr { class cui }

    """

    func hint(_ relation: String) -> String? {
        load(Self.model + relation).diagnostics.first { $0.code == .undefinedIdentifier }?.hint
    }

    @Test func anAbbreviatedSegment() {
        #expect(hint("flow kiosk -> plm-srv") == "did you mean `plm-server`?", "and not the data item `plm-srvr`")
        #expect(hint("link kiosk -- edge-fw") == "did you mean `edge-firewall`?")
    }

    @Test func aDroppedSegment() {
        #expect(hint("flow kiosk -> eng-ws") == "did you mean `eng-ws-01`?")
    }

    @Test func aLongTransposition() {
        #expect(hint("flow kiosk -> mgmt-hv") == "did you mean `hv-mgmt`?")
        #expect(hint("flow kiosk -> fw-edge") == "did you mean `edge-firewall`?")
    }

    @Test func theWrongKindIsFilteredOut() {
        // `plm-srvr` is the nearest name, but a flow end is never a data item.
        #expect(Suggestion.nearest(to: "plm-srv", in: ["plm-srvr", "plm-server"]) == "plm-srvr")
        #expect(hint("flow kiosk -> plm-srv") == "did you mean `plm-server`?")
        #expect(hint("asset ws { type workstation; stores plm-srv }") == "did you mean `plm-srvr`?")
    }

    @Test func upToThreeCandidatesBestFirst() {
        #expect(Suggestion.didYouMean("srv-1", in: ["srv-01", "srv-11", "srv-12", "srv-2", "other"])
            == "did you mean `srv-01`, `srv-11` or `srv-12`?", "one edit each: ties in name order")
        #expect(Suggestion.didYouMean("zzz", in: ["plm-server"]) == nil)
    }
}
