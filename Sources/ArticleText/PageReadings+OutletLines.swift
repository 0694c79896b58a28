extension PageReadings {
    /// Words from which a line is too long to be the outlet's word to its readers.
    static let outletLineWords = 40

    /// The names the page's metadata gives its outlet, lowercased: the site's name (when it
    /// is a name, not a slogan) and the host of its URL ("taz.de").
    func outletNames() -> (site: [String], host: [String]) {
        let host = metadata.url.flatMap(ArticleMetadata.host(of:)).map { [$0] } ?? []
        guard let outlet = metadata.outlet?.lowercased(), (3...40).contains(outlet.count), !host.contains(outlet) else {
            return ([], host)
        }
        return ([outlet], host)
    }

    /// Whether a block names the outlet as a call or note to its readers: its host anywhere
    /// (an address to go to), its name in a line with a link, a question or an exclamation.
    /// A sentence of the report naming the outlet ("… told the Herald") is none of these.
    func namesOutlet(_ block: Int, site: [String], host: [String]) -> Bool {
        let line = tree.blocks[block].text.lowercased()
        if Self.names(line, host) { return true }
        let calls = tree.blocks[block].linkDensity > 0 || line.contains("?") || line.contains("!")
            || line.contains("¿") || line.contains("¡") || line.contains("？") || line.contains("！")
        return calls && Self.names(line, site)
    }

    /// The body's last lines that name the outlet itself go: a call to subscribe, to
    /// download its app, to join its channel, to support it, its disclaimers ("Sie lesen gern
    /// Achgut.com?", "For the latest stories download the Nationnews apps", "¿Ya sabías que
    /// en Guatemala.com tenemos canal de Telegram?"). Which outlet it is the page declares,
    /// so this holds in any language. Only the run at the very end goes, lines of at most
    /// `outletLineWords` words, and the article's own text must remain above it.
    func dropOutletLines(_ result: inout BoilerplateResult) {
        let (site, host) = outletNames()
        guard !site.isEmpty || !host.isEmpty else { return }
        var index = result.decisions.count - 1
        var bodyAbove = false
        var run = [Int]()
        while index >= 0 {
            defer { index -= 1 }
            guard result.decisions[index].kept, index != result.titleIndex else { continue }
            if features[index].words <= Self.outletLineWords, namesOutlet(index, site: site, host: host) {
                run.append(index)
                continue
            }
            bodyAbove = true
            break
        }
        guard bodyAbove else { return }
        for line in run { result.decisions[line] = BlockDecision(kept: false, reason: .outletLine) }
    }

    /// Whether a lowercased line names one of the names as a word of its own ("taz.de" in
    /// "auf taz.de steckt", not in "blitz.de" or "taz.der").
    static func names(_ line: String, _ names: [String]) -> Bool {
        let scalars = Array(line.unicodeScalars)
        for name in names {
            let wanted = Array(name.unicodeScalars)
            guard wanted.count <= scalars.count else { continue }
            var start = 0
            while start + wanted.count <= scalars.count {
                defer { start += 1 }
                guard scalars[start] == wanted[0], scalars[start..<(start + wanted.count)].elementsEqual(wanted) else { continue }
                let before = start > 0 ? scalars[start - 1] : " "
                let after = start + wanted.count < scalars.count ? scalars[start + wanted.count] : " "
                if !isNamePart(before) && before != "." && before != "@" && !isNamePart(after) { return true }
            }
        }
        return false
    }

    static func isNamePart(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
}
