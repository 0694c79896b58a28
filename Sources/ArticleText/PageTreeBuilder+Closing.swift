/// Which open elements a tag closes, by the HTML standard's rules for the cases that shape
/// text blocks. Each search walks down the stack from the innermost element and stops at
/// the boundary the standard gives, so a tag never closes what lies outside its scope.
extension PageTreeBuilder {
    static let ddKey = HTMLTag.key("dd")
    static let paragraphKey = HTMLTag.key("p")
    static let brKey = HTMLTag.key("br")
    static let bodyKey = HTMLTag.key("body")

    /// The stack index of the innermost entry `matches` accepts, searching down from the top
    /// until `stops` says the scope ends; nil when none is found.
    func innermost(_ matches: (OpenElement) -> Bool, stoppingAt stops: (OpenElement) -> Bool) -> Int? {
        var index = stack.count - 1
        while index >= 0 {
            let entry = stack[index]
            if matches(entry) { return index }
            if stops(entry) { return nil }
            index -= 1
        }
        return nil
    }

    /// A block start tag closes an open `<p>`, `<li>`, `<dt>`/`<dd>`, table cell or row, or
    /// heading, as the standard's tree construction does.
    mutating func closeImplied(by tag: HTMLTag, key: UInt64) {
        if Self.closesParagraph(tag) { closeParagraph() }
        switch tag {
        case .listItem where key != Self.ddKey:
            closeListItem { $0.tag == .listItem && $0.key != Self.ddKey }
        case .listItem, .definitionTerm:
            closeListItem { $0.key == Self.ddKey || $0.tag == .definitionTerm }
        case .tableCell:
            close { $0.tag == .tableCell } stoppingAt: { [.tableRow, .table, .tableSection].contains($0.tag) }
        case .tableRow:
            close { $0.tag == .tableRow } stoppingAt: { $0.tag == .table || $0.tag == .tableSection }
        case .tableSection:
            close { $0.tag == .tableSection } stoppingAt: { $0.tag == .table }
        case .heading1, .heading:
            if let top = stack.last, top.tag == .heading1 || top.tag == .heading { pop(to: stack.count - 1) }
        default:
            break
        }
    }

    static func closesParagraph(_ tag: HTMLTag) -> Bool {
        switch tag {
        case .paragraph, .division, .heading1, .heading, .listItem, .list, .blockquote, .pre, .article, .section,
             .main, .header, .footer, .nav, .aside, .table, .definitionTerm, .definitionList, .rule, .form, .figure,
             .figcaption, .otherBlock:
            true
        default:
            false
        }
    }

    /// Closes an open `<p>` unless a table, a cell, a button or foreign content lies between.
    mutating func closeParagraph() {
        guard openParagraphs > 0 else { return }
        close { $0.tag == .paragraph && $0.element >= 0 } stoppingAt: {
            [.table, .tableCell, .button, .foreign, .skipped].contains($0.tag)
        }
    }

    /// An `<li>` closes the open one, a `<dt>` or `<dd>` the open one of those, unless a
    /// block other than a `<div>`, `<p>` or `<address>` lies between (a nested list).
    private mutating func closeListItem(_ matches: (OpenElement) -> Bool) {
        close(matches) { entry in
            entry.tag.isBlock && entry.tag != .division && entry.tag != .paragraph && entry.tag != .otherBlock
        }
    }

    /// A new `<a>`, `<option>`, `<rt>` or `<button>` closes an open one of its kind that
    /// no block separates from it.
    mutating func closeSameKind(_ tag: HTMLTag, _ key: UInt64) {
        switch tag {
        case .option, .rubyText, .button:
            close { $0.tag == tag } stoppingAt: { $0.tag.isBlock || $0.tag == .skipped }
        default:
            break
        }
    }

    mutating func closeAnchor() {
        guard anchors > 0 else { return }
        close { $0.tag == .anchor } stoppingAt: { $0.tag.isBlock }
    }

    private mutating func close(_ matches: (OpenElement) -> Bool, stoppingAt stops: (OpenElement) -> Bool) {
        if let index = innermost(matches, stoppingAt: stops) { pop(to: index) }
    }

    /// An end tag closes the innermost open element of its name and all left open inside
    /// it; outside a table it does not reach into one. `</br>` is a line break, `</p>`
    /// without an open `<p>` ends a paragraph, `</ruby>` closes an open `<rt>`, and
    /// `</body>` or `</html>` end nothing (what follows them is still the body's).
    mutating func endTag(_ key: UInt64) {
        let tag = HTMLTag.of(key: key)
        if foreign > 0 {
            // There the end of the svg or math element matters, and the end of an HTML
            // element left open around it (an icon's <svg> never closed before `</div>`).
            guard tag == .foreign || tag.isBlock || tag.skipsContent else { return }
        }
        switch tag {
        case .inline, .void, .ignored, .body, .meta, .link, .title, .script, .time:
            if key == Self.brKey { flush() }
            return
        case .ruby:
            close { $0.tag == .rubyText } stoppingAt: { $0.tag != .rubyText && $0.tag != .anchor }
            return
        case .lineBreak:
            flush()
            return
        default:
            break
        }
        let tablePart = [.tableCell, .tableRow, .tableSection, .table, .figcaption].contains(tag)
        if let index = innermost({ $0.key == key }, stoppingAt: { $0.tag == .table || (!tablePart && $0.tag == .tableCell) }) {
            pop(to: index)
        } else if key == Self.paragraphKey {
            flush()
        }
    }
}
