import Foundation
import Testing

/// The loose ends of issue 10 that show on the command line.
@Suite struct ScopingV2CLITests {
    @Test func levelThreeIsADIBCACAssessment() throws {
        let result = try CLI.run(["check", "-", "--level", "3"], stdin: "asset a { type server }\n")
        #expect(result.stdout.contains("(CMMC level 3, dibcac assessment)"))
        #expect(result.stdout.hasSuffix("0 errors, 0 warnings, 0 infos; SPRS exposure 0 points\n"))
    }

    @Test func oneSPRSPointIsOnePoint() throws {
        let result = try CLI.run(["check", "-", "--fail-on", "never"], stdin: "data d { class cui }\nasset u { type media; stores d }\n")
        #expect(result.stdout.hasSuffix("0 errors, 1 warning, 0 infos; SPRS exposure 1 point\n"), "\(result.stdout)")
    }

    @Test func rulesCiteAPracticeOnce() throws {
        let rules = try CLI.run(["rules"]).stdout
        let transit = try #require(rules.components(separatedBy: "cui-transit-not-fips").dropFirst().first)
        #expect(transit.contains("cites: SC.L2-3.13.11 (3 or 5 points, POA&M-eligible at 3 points only);"))
        #expect(transit.prefix(400).components(separatedBy: "SC.L2-3.13.11").count == 2)
    }

    @Test func explainSaysWhoAdministersAndProtects() throws {
        let result = try CLI.run(["explain", "Models/acme-precision.scope", "dc"])
        #expect(result.stdout.contains("  administered by: access bluewave -> mgmt (Models/acme-precision.scope:432)\n"), "\(result.stdout)")
        let hosts = try CLI.run(["explain", "-", "hv"], stdin: "asset hv { type server }\nasset vm { type vm; hosted-on hv }\n")
        #expect(hosts.stdout.contains("  hosts: vm hosted-on hv (<stdin>:2)\n"))
    }

    @Test func diagramSaysWhatItWrote() throws {
        let directory = try CLI.temporaryDirectory()
        let result = try CLI.run(["diagram", "-", "-o", "a.dot"], stdin: "asset a { type server }\n", in: directory)
        #expect(result.stdout == "wrote a.dot (boundary view, dot, 2 nodes)\n")
        let piped = try CLI.run(["diagram", "-", "-o", "-", "--format", "dot"], stdin: "asset a { type server }\n", in: directory)
        #expect(piped.stdout.hasPrefix("digraph") && piped.stderr == "wrote - (boundary view, dot, 2 nodes)\n")
    }

    @Test func anUnknownRuleIsReportedWithTheOtherModelErrors() throws {
        let result = try CLI.run(["check", "-"], stdin: "include \"missing.scope\"\nsuppress no-such-rule on a \"x\"\nasset a { type server }\n")
        #expect(result.status == 2)
        #expect(result.stderr.contains("<stdin>:1:9: error: cannot include `missing.scope`"))
        #expect(result.stderr.contains("<stdin>:2:10: error: unknown rule `no-such-rule`"))
        #expect(result.stderr.hasSuffix("2 errors\n"))
    }

    @Test func anUnmatchedSuppressionIsCountedInTheSummary() throws {
        let result = try CLI.run(["check", "-"], stdin: "asset a { type server }\nsuppress unlabeled-flow on a \"old\"\n")
        #expect(result.stdout.hasSuffix("0 errors, 1 warning, 0 infos; SPRS exposure 0 points\n"))
    }

    @Test func scopeCarriesUnitsOwnersDescriptionsAndClaims() throws {
        let text = "asset pcs { type workstation; count 45; owner \"IT\"; description \"Office PCs\"; category out }\n"
        let scope = try CLI.run(["scope", "-"], stdin: text).stdout
        #expect(scope.contains("pcs    45     out       out      "))
        #expect(scope.contains("IT     Office PCs"))
        let check = try CLI.run(["check", "-"], stdin: text).stdout
        #expect(check.contains("Out-of-Scope  1       45     pcs"))
    }
}
