/// The markings of the NARA CUI Registry (as of 2025) that `data` may carry (docs/scoping.md §6). A marking
/// outside these lists is a model error: a silently unknown marking would switch the export rules off.
public enum CUIRegistry {
    /// Category markings, without the `SP-` prefix of specified authorities (which means the same here).
    public static let categories: Set<String> = [
        // Critical infrastructure
        "CRITAN", "CVI", "CEII", "DCRIT", "EMGT", "GEO", "ISVI", "PCII", "PHYS", "RAIL", "SSI", "TSCA", "WATER",
        // Defense
        "CTI", "DCNI", "NNPI", "PSI",
        // Export control
        "EXPT", "EXPTR",
        // Financial
        "BUDG", "CCI", "COMPT", "FNC", "FSEC", "IFNC", "MERG", "NETW", "RETIR", "XFER",
        // Immigration
        "ASYL", "BATT", "IMMIG", "STATUS", "TPS", "VISA",
        // Intelligence
        "FISA", "FSI", "INTEL",
        // International agreements
        "INTL",
        // Law enforcement
        "AIV", "CHRI", "CMPRS", "DOMV", "FUND", "INF", "INV", "JUV", "LCOMM", "LDNA", "LEI", "NSLI", "OPSEC", "PRTT", "REWD",
        "SUB", "TERR", "WHSTL", "WIT",
        // Legal
        "ADPO", "BARG", "CHLD", "CVIC", "LEGAL", "PRIVILEGE", "PRSNT", "PROTECT", "VICT",
        // Natural and cultural resources
        "ARCHR", "HISTP", "NPSR",
        // NATO
        "NATOR", "NATOU",
        // Nuclear
        "NUC", "RECCOM", "SGI", "UCNI",
        // Patent
        "APP", "INVENT", "SECRECY",
        // Privacy
        "CONTRACT", "DREC", "GENETIC", "HLTH", "MIL", "PERS", "PRVCY", "STUD",
        // Procurement and acquisition
        "PROCURE", "SBIZ", "SSEL",
        // Proprietary business information
        "ENTREG", "PROPIN",
        // Statistical
        "CENS", "INVSTAT", "STAT",
        // Tax
        "FTI", "TAX", "TAXCONV",
        // Transportation and others
        "AG", "FEDERAL",
    ]

    /// Limited dissemination controls.
    public static let disseminationControls: Set<String> = [
        "NOFORN", "FED-ONLY", "FEDCON", "NOCON", "DL-ONLY", "REL-TO-USA", "DISPLAY-ONLY", "ATTORNEY-CLIENT", "ATTORNEY-WP",
    ]

    /// What people write for export-controlled data instead of its marking.
    static let exportWords: Set<String> = ["ITAR", "EAR", "EXPORT", "EXPORT-CONTROLLED", "EXPORTCONTROLLED", "EXPT-ITAR", "EXPT-EAR",
                                           "USML", "ECCN", "EAR99", "ITAR-CONTROLLED"]

    /// The marking `word` names (`SP-CTI` is `CTI`), or nil with a hint when it is not one.
    static func category(_ word: String) -> (marking: String?, hint: String?) {
        let bare = word.hasPrefix("SP-") ? String(word.dropFirst(3)) : word
        if categories.contains(bare) { return (bare, nil) }
        if exportWords.contains(bare.uppercased()) || bare.uppercased().hasPrefix("EXPT") || bare.uppercased().hasPrefix("ITAR") {
            return (nil, "export-controlled data is marked `EXPT` (or `EXPTR` for export-controlled research)")
        }
        if categories.contains(bare.uppercased()) { return (nil, "markings are upper case: did you mean `\(bare.uppercased())`?") }
        return (nil, Suggestion.didYouMean(bare.uppercased(), in: categories.sorted()) ?? "see the CUI Registry's category markings")
    }

    /// The dissemination control `word` names (`REL TO USA` is written `REL-TO-USA`), or nil with a hint.
    static func dissemination(_ word: String) -> (marking: String?, hint: String?) {
        if disseminationControls.contains(word) { return (word, nil) }
        if disseminationControls.contains(word.uppercased()) { return (nil, "markings are upper case: did you mean `\(word.uppercased())`?") }
        return (nil, Suggestion.didYouMean(word.uppercased(), in: disseminationControls.sorted())
            ?? "the limited dissemination controls are " + disseminationControls.sorted().joined(separator: ", "))
    }
}
