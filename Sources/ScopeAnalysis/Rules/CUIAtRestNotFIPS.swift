import ScopeModel

extension Rule {
    static let cuiAtRestNotFIPS = Rule(
        id: "cui-at-rest-not-fips", severity: .warning,
        summary: "a laptop, mobile device, removable media, backup or storage holding CUI lacks FIPS-validated encryption",
        requirements: [Requirements.mobileEncryption, Requirements.portableStorage, Requirements.dataAtRest],
        basis: "NIST SP 800-171 3.1.19, 3.8.6, 3.13.16",
        remedy: "encrypt it with FIPS-validated cryptography and record `encryption fips`",
        examples: [
            RuleExample("""
            data d { class cui }
            asset lap { type laptop; stores d; encryption non-fips }
            asset usb { type media; stores d }
            asset nas { type backup; stores d; encryption fips }
            asset srv { type server; stores d }
            """, fires: ["lap", "usb"]),
            RuleExample("""
            data d { class cui }
            data po { class fci }
            asset lap { type laptop; stores d; encryption fips }
            asset usb { type media; stores po }
            asset srv { type server; stores d; encryption none }
            """),
        ],
        check: { rule, context in
            context.model.assets.enumerated().compactMap { a, asset in
                let requirement: Requirement
                switch asset.type {
                case .laptop, .mobile: requirement = Requirements.mobileEncryption
                case .media: requirement = Requirements.portableStorage
                case .backup, .storage: requirement = Requirements.dataAtRest
                default: return nil
                }
                guard asset.encryption != .fips, !asset.classified, context.holdsCUI(.asset(a)) else { return nil }
                return rule.finding(.element(.asset(a)), at: asset.span,
                                    "\(asset.type.rawValue) `\(asset.id)` holds CUI without FIPS-validated encryption (encryption: \(asset.encryption.rawValue))",
                                    evidence: context.cuiEvidence(.asset(a)), requirements: [requirement])
            }
        })
}
