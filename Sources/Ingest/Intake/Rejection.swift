/// Why a dropped file was refused. The code is stable and machine-readable; the message
/// is for people.
public struct Rejection: Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable, CaseIterable {
        /// A FIFO, socket or device: nothing to read as an article.
        case notRegular = "not-regular"
        /// A symbolic link: never followed, since it may point anywhere.
        case symlink
        /// A folder in a flat drop folder.
        case directory
        case tooLarge = "too-large"
        case empty
        case unreadable
        /// Binary content, or text in an encoding we cannot read.
        case notText = "not-text"
        /// Text whose format (HTML, JSON) could not be read.
        case malformed
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code.rawValue): \(message)" }
}
