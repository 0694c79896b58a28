import ClusterStore
import Testing

@Suite struct DatabaseAddressTests {
    @Test("no host is Debian's socket folder; a path for a host is a socket folder, in the host's place or as ?host=")
    func socketForms() throws {
        let plain = try DatabaseAddress(parsing: "postgresql:///claims")
        #expect(plain.socketPath == "/var/run/postgresql/.s.PGSQL.5432")
        #expect(plain.database == "claims")
        #expect(plain.user == nil)

        let escaped = try DatabaseAddress(parsing: "postgresql://cw@%2Frun%2Fpostgresql:5433/claims")
        #expect(escaped.endpoint == .socket(directory: "/run/postgresql", port: 5433))
        #expect(escaped.user == "cw")

        let query = try DatabaseAddress(parsing: "postgres://cw@/claims?host=/tmp/pg&port=6000")
        #expect(query.socketPath == "/tmp/pg/.s.PGSQL.6000")
    }

    @Test("TCP hosts, IPv6 in brackets, TLS modes, a CA file and a connect timeout")
    func tcpForms() throws {
        let address = try DatabaseAddress(
            parsing: "postgresql://claim%20watch@db.example:6432/ledger?sslmode=verify-full&sslrootcert=/etc/claimwatch/ca.pem&connect_timeout=3")
        #expect(address.endpoint == .tcp(host: "db.example", port: 6432))
        #expect(address.user == "claim watch")
        #expect(address.database == "ledger")
        #expect(address.tls == .verifyFull)
        #expect(address.rootCertificates == "/etc/claimwatch/ca.pem")
        #expect(address.connectTimeout == .seconds(3))
        #expect(try DatabaseAddress(parsing: "postgresql://[::1]:5544/x").endpoint == .tcp(host: "::1", port: 5544))
        #expect(try DatabaseAddress(parsing: "postgresql://10.0.0.5/x").tls == .prefer)
    }

    @Test("a password in the address is refused, and the message never shows it", arguments: [
        "postgresql://cw:s3cret-pw@db.example/claims",
        "postgresql://cw@db.example/claims?password=s3cret-pw",
        "mysql://cw:s3cret-pw@db.example/claims",
        // Found by fuzz-database: a password before a scheme-like part was shown whole.
        "postgrs3cret-pw@db.examples://cw:s3cret-pw@db.example/x",
        "cw:s3cret-pw@db.example/claims",
        "postgres://c?w:s3cret-pw@db.example/x",
        "postgresql://db.example:s3cret-pw/x",
        "postgresql://db.example/x?w:s3cret-pw@=1",
        "postgresql://db.example/x?sslmode=s3cret-pw",
    ])
    func refusesPasswords(_ text: String) {
        #expect {
            try DatabaseAddress(parsing: text)
        } throws: { error in
            "\(error)".contains("database address") && !"\(error)".contains("s3cret-pw")
        }
    }

    @Test("what cannot be used as written is refused with the reason", arguments: [
        ("postgresql://db.example:99999/x", "port"),
        ("postgresql://db.example/x?sslmode=maybe", "sslmode"),
        ("postgresql://db.example/x?target_session_attrs=any", "unknown parameter"),
        ("postgresql://a.example,b.example/x", "several hosts"),
        ("postgresql://db.example/x%zz", "%-escape"),
        ("postgresql://db.example/x?connect_timeout=0", "connect_timeout"),
        ("postgresql:///x?host=/" + String(repeating: "d", count: 120), "107 bytes"),
    ])
    func refusals(_ text: String, reason: String) {
        #expect {
            try DatabaseAddress(parsing: text)
        } throws: { error in
            "\(error)".contains(reason)
        }
    }
}
