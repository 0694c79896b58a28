package import Claims
package import EventLog

extension FigureBound {
    /// The log's bound for the reader's: one case each, so a bound the reader learns is a
    /// compile error here until the log has a name for it.
    package init(_ bound: Figure.Bound) {
        self = switch bound {
        case .exact: .exact
        case .atLeast: .atLeast
        case .atMost: .atMost
        case .approximately: .approximately
        case .range: .range
        }
    }
}
