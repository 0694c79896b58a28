// Direct field writing for the events written most: one per file, one per claim, one per
// compared figure.
// Each must match what `Codable` writes byte for byte; `DirectEncodingTests` checks it.

extension FileIdentity {
    func write(to writer: inout EventFieldWriter) {
        writer.field("device", device)
        writer.field("inode", inode)
        writer.field("size", size)
        writer.field("mtime", mtime)
    }
}

extension ArticleIngested {
    public func writeFields(to writer: inout EventFieldWriter) throws(EventLogError) {
        writer.field("article", article)
        writer.field("path", path)
        writer.field("content", content)
        writer.field("format", format)
        writer.field("title", title)
        writer.field("outlet", outlet)
        writer.field("url", url)
        writer.field("published", published)
        writer.field("byline", byline)
        writer.field("modified", modified)
        if let authors { writer.field("authors", authors) }
        writer.field("language", language)
        writer.field("bytes", bytes)
        writer.field("words", words)
        if let file { try writer.object("file") { file.write(to: &$0) } }
        writer.field("updates", updates)
        writer.field("archived", archived)
        if let kept { writer.field("kept", kept) }
        writer.field("story", story)
    }
}

extension ArticleDuplicate {
    public func writeFields(to writer: inout EventFieldWriter) throws(EventLogError) {
        writer.field("article", article)
        writer.field("path", path)
        writer.field("of", of)
        writer.field("kind", kind.rawValue)
        try writer.field("similarity", similarity)
        try writer.field("containment", containment)
        writer.field("content", content)
        writer.field("bytes", bytes)
        if let file { try writer.object("file") { file.write(to: &$0) } }
        if let reports { writer.field("reports", reports) }
        writer.field("archived", archived)
        if let kept { writer.field("kept", kept) }
        writer.field("story", story)
        if let reconciled { writer.field("reconciled", reconciled) }
        if let recast {
            try writer.objects("recast", recast) { (recast: ClaimRecast, inner: inout EventFieldWriter) throws(EventLogError) in
                inner.field("claim", recast.claim)
                inner.field("repeats", recast.repeats)
                inner.field("updates", recast.updates)
                if let carried = recast.carried { inner.field("carried", carried) }
            }
        }
    }
}

extension FileRejected {
    public func writeFields(to writer: inout EventFieldWriter) throws(EventLogError) {
        writer.field("path", path)
        writer.field("reason", reason)
        writer.field("message", message)
        writer.field("quarantined", quarantined)
        if let file { try writer.object("file") { file.write(to: &$0) } }
    }
}

extension ClaimExtracted {
    public func writeFields(to writer: inout EventFieldWriter) throws(EventLogError) {
        writer.field("claim", claim)
        writer.field("article", article)
        writer.field("text", text)
        writer.field("content", content)
        if let span {
            try writer.object("span") { (inner: inout EventFieldWriter) in
                inner.field("start", span.start)
                inner.field("end", span.end)
            }
        }
        if let claimant {
            try writer.object("claimant") { (inner: inout EventFieldWriter) in
                inner.field("name", claimant.name)
                inner.field("canonical", claimant.canonical)
                inner.field("kind", claimant.kind)
            }
        }
        writer.field("cue", cue)
        writer.field("stance", stance)
        writer.field("hedges", hedges)
        writer.field("quote", quote)
        try writer.objects("figures", figures) { (figure: Figure, inner: inout EventFieldWriter) throws(EventLogError) in
            inner.field("text", figure.text)
            try inner.field("low", figure.low)
            try inner.field("high", figure.high)
            inner.field("bound", figure.bound.rawValue)
            inner.field("unit", figure.unit)
            inner.field("counted", figure.counted)
            inner.field("per", figure.per)
            inner.field("of", figure.of)
            if let previous = figure.previous {
                try inner.object("previous") { (earlier: inout EventFieldWriter) throws(EventLogError) in
                    earlier.field("text", previous.text)
                    try earlier.field("low", previous.low)
                    try earlier.field("high", previous.high)
                    earlier.field("bound", previous.bound.rawValue)
                }
            }
            inner.field("change", figure.change)
        }
        writer.field("repeats", repeats)
        writer.field("updates", updates)
    }
}

extension FigureCompared {
    public func writeFields(to writer: inout EventFieldWriter) throws(EventLogError) {
        writer.field("claim", claim)
        writer.field("index", index)
        writer.field("article", article)
        writer.field("topic", topic)
        writer.field("label", label)
        writer.field("story", story)
        writer.field("text", text)
        try writer.field("low", low)
        try writer.field("high", high)
        writer.field("bound", bound.rawValue)
        writer.field("unit", unit)
        writer.field("agreeing", agreeing)
        writer.field("conflicting", conflicting)
        try writer.objects("agrees", agrees) { (ref: Ref, inner: inout EventFieldWriter) throws(EventLogError) in
            inner.field("claim", ref.claim)
            inner.field("index", ref.index)
        }
        try writer.objects("conflicts", conflicts) { (ref: Ref, inner: inout EventFieldWriter) throws(EventLogError) in
            inner.field("claim", ref.claim)
            inner.field("index", ref.index)
        }
    }
}
