import EventLog

extension DatabaseAddress {
    /// Reads an address; anything it cannot use exactly as written is refused with the
    /// reason, never guessed at.
    public init(parsing text: String) throws(ClusterStoreError) {
        let schemes = ["postgresql://", "postgres://"]
        guard let scheme = schemes.first(where: { text.hasPrefix($0) }) else {
            throw .address("\(Self.shown(text)) does not start with postgresql://")
        }
        var rest = Substring(text.dropFirst(scheme.count))
        var query = Substring("")
        if let mark = rest.firstIndex(of: "?") {
            query = rest[rest.index(after: mark)...]
            rest = rest[..<mark]
        }
        var path = Substring("")
        if let slash = rest.firstIndex(of: "/") {
            path = rest[rest.index(after: slash)...]
            rest = rest[..<slash]
        }
        var user: String?
        if let at = rest.lastIndex(of: "@") {
            let userInfo = rest[..<at]
            rest = rest[rest.index(after: at)...]
            if userInfo.contains(":") {
                throw .address("a password in the address is refused (it would be shown wherever the address is); "
                               + "give it in a password file or the environment")
            }
            user = try Self.decoded(userInfo, what: "user")
        }
        var host: String?
        var port: Int?
        if rest.contains(",") { throw .address("several hosts are not supported; give one") }
        if rest.hasPrefix("[") {
            guard let close = rest.firstIndex(of: "]") else { throw .address("an IPv6 host's '[' is not closed") }
            host = String(rest[rest.index(after: rest.startIndex)..<close])
            let after = rest[rest.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { throw .address("only ':' and a port may follow an IPv6 host") }
                port = try Self.port(after.dropFirst())
            }
        } else if !rest.isEmpty {
            var hostText = rest
            if let colon = rest.lastIndex(of: ":") {
                hostText = rest[..<colon]
                port = try Self.port(rest[rest.index(after: colon)...])
            }
            if !hostText.isEmpty { host = try Self.decoded(hostText, what: "host") }
        }
        var database = path.isEmpty ? nil : try Self.decoded(path, what: "database name")
        var tls = TLSMode.prefer
        var rootCertificates: String?
        var connectTimeout = Duration.seconds(5)
        for parameter in query.split(separator: "&") where !parameter.isEmpty {
            guard let equals = parameter.firstIndex(of: "=") else { throw .address("a parameter is not name=value") }
            let name = try Self.decoded(parameter[..<equals], what: "parameter")
            let value = try Self.decoded(parameter[parameter.index(after: equals)...], what: name)
            switch name {
            case "host": host = value
            case "port": port = try Self.port(Substring(value))
            case "user": user = value
            case "dbname": database = value
            case "sslmode":
                guard let mode = TLSMode(rawValue: value) else {
                    throw .address("sslmode is not one of \(TLSMode.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                tls = mode
            case "sslrootcert": rootCertificates = value
            case "connect_timeout":
                guard let seconds = Int(value), seconds > 0, seconds <= 3600 else {
                    throw .address("connect_timeout is not a number of seconds from 1 to 3600")
                }
                connectTimeout = .seconds(seconds)
            case "password", "passfile":
                throw .address("a password in the address is refused (it would be shown wherever the address is); "
                               + "give it in a password file or the environment")
            default:
                throw .address("unknown parameter \(Self.plainName(name)) (known: host, port, user, dbname, sslmode, sslrootcert, connect_timeout)")
            }
        }
        if let user, user.isEmpty { throw .address("the user is empty") }
        let endpoint: Endpoint
        let resolvedPort = port ?? Self.defaultPort
        if let host, !host.isEmpty, !host.hasPrefix("/") {
            endpoint = .tcp(host: host, port: resolvedPort)
        } else {
            endpoint = .socket(directory: host ?? Self.defaultSocketDirectory, port: resolvedPort)
        }
        self.init(endpoint: endpoint, user: user, database: database, tls: tls, rootCertificates: rootCertificates,
                  connectTimeout: connectTimeout, text: text)
        // sockaddr_un holds 108 bytes, the last a NUL.
        if let socketPath, socketPath.utf8.count > 107 {
            throw .address("the socket path \(socketPath) is longer than the 107 bytes a Unix socket address holds")
        }
    }

    private static func port(_ text: Substring) throws(ClusterStoreError) -> Int {
        guard let port = Int(text), (1...65535).contains(port) else { throw .address("the port is not a number from 1 to 65535") }
        return port
    }

    /// Percent-decoding, as in a URL; a malformed escape or bytes that are not UTF-8 are refused.
    static func decoded(_ text: Substring, what: String) throws(ClusterStoreError) -> String {
        guard let bytes = PercentDecoding.bytes(text) else { throw .address("a broken %-escape in the \(what)") }
        guard let decoded = String(validating: bytes, as: UTF8.self), !decoded.contains("\0") else {
            throw .address("the \(what) is not UTF-8 text")
        }
        return decoded
    }

    /// A parameter's name for a message when it is a plain word; no part of an address
    /// that could be a misplaced password is ever repeated.
    private static func plainName(_ name: String) -> String {
        let plain = !name.isEmpty && name.utf8.count <= 40
            && name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || $0 == "_") }
        return plain ? "'\(name)'" : "(not a plain name)"
    }

    /// What a refused address is called in its message: only its scheme, when it has a
    /// plain one. Anything else of it may hold a password typed in the wrong place (fuzzing
    /// found `…s3cret@host…://` shown whole by a rule that cut at the `@`).
    private static func shown(_ text: String) -> String {
        guard let end = text.firstRange(of: "://")?.lowerBound else { return "the address" }
        let scheme = text[..<end]
        guard !scheme.isEmpty, scheme.utf8.count <= 20,
              scheme.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || "+-.".unicodeScalars.contains($0)) })
        else { return "the address" }
        return "'\(scheme)://…'"
    }
}
