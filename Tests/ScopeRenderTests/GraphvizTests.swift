import Testing
@testable import ScopeRender

@Suite struct GraphvizTests {
    @Test func theLibraryIsLinkedAndReportsItsVersion() {
        let version = Graphviz.shared.version
        #expect(version.hasPrefix("2.") || version.hasPrefix("1") || version.hasPrefix("9"))
        #expect(version != "unknown")
    }
}
