import ScopeModel

extension Rule {
    static let cuiAtRestNotFIPS = Rule(
        id: "cui-at-rest-not-fips", severity: .warning,
        summary: "a laptop, mobile device, removable media, backup or storage holding CUI lacks FIPS-validated encryption",
        requirements: [Requirements.cuiEncryptionNotFIPS, Requirements.mobileEncryption, Requirements.portableStorage,
                       Requirements.dataAtRest],
        basis: "NIST SP 800-171 3.13.11, 3.1.19, 3.8.6, 3.13.16",
        remedy: "encrypt it with FIPS-validated cryptography and record `encryption fips`",
        examples: [
            RuleExample("""
            data d { class cui }
            asset lap { type laptop; stores d; encryption non-fips }
            asset usb { type media; stores d }
            asset nas { type backup; stores d; encryption fips }
            asset phone { type mobile; stores d; encryption none }
            asset srv { type server; stores d }
            """, fires: ["lap", "usb", "phone"]),
            RuleExample("""
            data d { class cui }
            data po { class fci }
            asset lap { type laptop; stores d; encryption fips }
            asset usb { type media; stores po }
            asset srv { type server; stores d; encryption none }
            """),
        ],
        check: { rule, context in
            context.model.assets.indices.compactMap { a in
                switch context.model.assets[a].type {
                case .laptop, .mobile, .media, .backup, .storage: break
                default: return nil
                }
                let asset = context.model.assets[a]
                guard asset.encryption != .fips, context.holdsCUI(.asset(a)) else { return nil }
                // Encryption that is not FIPS-validated is a 3-point, POA&M-eligible 3.13.11 finding; none (or
                // none known) is the device's own requirement.
                let requirement = switch (asset.encryption, asset.type) {
                case (.nonFIPS, _): Requirements.cuiEncryptionNotFIPS
                case (_, .laptop), (_, .mobile): Requirements.mobileEncryption
                case (_, .media): Requirements.portableStorage
                default: Requirements.dataAtRest
                }
                return rule.finding(.element(.asset(a)), at: asset.span,
                                    "\(asset.type.rawValue) `\(asset.id)` holds CUI without FIPS-validated encryption (encryption: \(asset.encryption.rawValue))",
                                    evidence: context.cuiEvidence(.asset(a)), requirements: [requirement])
            }
        })
}
