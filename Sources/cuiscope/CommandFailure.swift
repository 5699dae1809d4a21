/// A usage or I/O failure with a message for the user; exits 3.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
