import Testing

extension PostgresServer {
    /// The shared server for a test, or the test is skipped saying why (a failure instead
    /// when `CLAIMWATCH_REQUIRE_POSTGRES=1`, as in CI).
    public static func forTest() throws -> PostgresServer {
        do {
            return try shared()
        } catch {
            try skipUnlessRequired(error)
        }
    }

    /// A server of the test's own (to stop and start), or the test is skipped as above.
    public static func ownForTest(_ label: String, settings: [String] = []) throws -> PostgresServer {
        do {
            return try start(label: label, settings: settings)
        } catch {
            try skipUnlessRequired(error)
        }
    }

    private static func skipUnlessRequired(_ error: PostgresUnavailable) throws -> Never {
        if PostgresUnavailable.isRequired { throw error }
        try Test.cancel("PostgreSQL cannot start here, so this test is skipped: \(error) (CLAIMWATCH_REQUIRE_POSTGRES=1 makes this a failure)")
    }
}
