import Foundation
import ScopeModel

/// SARIF wants locations relative to the repository root, so code scanning can place them in the tree.
enum RepositoryURI {
    /// Maps a model path to its repository-relative URI; outside a repository, the path as given.
    static func mapper() -> @Sendable (String) -> String {
        let repository = try? GitRepository(containing: FileManager.default.currentDirectoryPath + "/.")
        return { path in
            let relative = repository.flatMap { try? $0.relativePath(of: path) } ?? path
            return relative.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? relative
        }
    }
}
