/// How a reader chose the text it kept: shown by `claimwatch extract --explain`.
public enum ExtractionMethod: Sendable, Equatable, CustomStringConvertible {
    /// Plain text, markdown or a record: every block judged by the boilerplate remover.
    case wholeText
    /// The page's main-content container (described as `tag.class#id`), cleaned inside.
    case mainContent(container: String)
    /// The whole page's blocks, because no container held enough of the page's prose.
    case wholePage(reason: String)
    /// The body the page declares in JSON-LD, longer than what its markup shows.
    case declaredBody(reason: String)
    /// The text a script's data in an attribute holds, where the markup shows far less.
    case scriptData(reason: String)

    public var description: String {
        switch self {
        case .wholeText: "every block of the text, judged one by one"
        case .mainContent(let container): "main content: \(container)"
        case .wholePage(let reason): "whole page: \(reason)"
        case .declaredBody(let reason): "JSON-LD articleBody: \(reason)"
        case .scriptData(let reason): "a script's data in an attribute: \(reason)"
        }
    }
}
