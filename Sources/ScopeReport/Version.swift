/// The cuiscope version reported in SARIF and `--version`.
public enum CuiscopeVersion {
    public static let current = "0.1.0"
}
