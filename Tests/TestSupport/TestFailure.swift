/// A test's own failure with a message, for helpers that cannot `#expect`.
public struct TestFailure: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
