import CLibXML2

/// Read-only helpers over libxml2 nodes; every string is copied into Swift at once.
enum HTMLNode {
    static func name(_ node: xmlNodePtr) -> String {
        guard let name = node.pointee.name else { return "" }
        return String(cString: name).lowercased()
    }

    static func isElement(_ node: xmlNodePtr) -> Bool { node.pointee.type == XML_ELEMENT_NODE }

    static func isText(_ node: xmlNodePtr) -> Bool {
        node.pointee.type == XML_TEXT_NODE || node.pointee.type == XML_CDATA_SECTION_NODE
    }

    /// An attribute's value, read from the attribute's text children (no libxml2 allocation).
    static func attribute(_ node: xmlNodePtr, _ wanted: String) -> String? {
        var attribute = node.pointee.properties
        while let current = attribute {
            if let name = current.pointee.name, String(cString: name).lowercased() == wanted {
                var value = ""
                var child = current.pointee.children
                while let text = child {
                    if let content = text.pointee.content { value += String(cString: content) }
                    child = text.pointee.next
                }
                return value
            }
            attribute = current.pointee.next
        }
        return nil
    }

    /// All text below `node`, iteratively, capped at `limit` bytes.
    static func text(of node: xmlNodePtr, limit: Int = 1 << 20) -> String {
        var bytes = [UInt8]()
        var current = node.pointee.children
        var depth = 0
        while let visiting = current, bytes.count < limit {
            if isText(visiting), let content = visiting.pointee.content {
                var pointer = content
                while pointer.pointee != 0, bytes.count < limit {
                    bytes.append(pointer.pointee)
                    pointer += 1
                }
            }
            if let child = visiting.pointee.children, visiting.pointee.type == XML_ELEMENT_NODE, depth < 64 {
                depth += 1
                current = child
                continue
            }
            var climbing: xmlNodePtr? = visiting
            current = nil
            while let step = climbing {
                if let next = step.pointee.next { current = next; break }
                guard depth > 0, let parent = step.pointee.parent, parent != node else { break }
                depth -= 1
                climbing = parent
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
