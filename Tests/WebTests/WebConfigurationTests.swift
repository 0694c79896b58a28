import Hummingbird
import Testing
@testable import Web

@Suite struct WebConfigurationTests {
    static let paths = WebConfiguration.Paths(log: "/s/log", store: "/s/index/claims.sqlite", articles: "/s/articles")

    @Test("listen addresses: host and port, IPv6 in brackets; anything else is refused")
    func listen() throws {
        #expect(try WebConfiguration.parse(listen: "127.0.0.1:8077") == ("127.0.0.1", 8077))
        #expect(try WebConfiguration.parse(listen: "[::1]:0") == ("::1", 0))
        #expect(try WebConfiguration.parse(listen: "localhost:80") == ("localhost", 80))
        for bad in ["", "8077", ":8077", "127.0.0.1", "127.0.0.1:", "127.0.0.1:99999", "::1:8077", "[::1]8077", "host:-1"] {
            #expect(throws: WebError.self, "\(bad)") { try WebConfiguration.parse(listen: bad) }
        }
    }

    @Test("loopback needs no token; any other address does, and a short token is refused")
    func token() throws {
        #expect(try WebConfiguration(paths: Self.paths).isLoopback)
        #expect(try WebConfiguration(paths: Self.paths, listen: "127.3.4.5:1").isLoopback)
        #expect(throws: WebError.self) { try WebConfiguration(paths: Self.paths, listen: "0.0.0.0:8077") }
        #expect(throws: WebError.self) { try WebConfiguration(paths: Self.paths, listen: "192.0.2.1:8077", token: "short") }
        #expect(throws: WebError.self) { try WebConfiguration(paths: Self.paths, listen: "0.0.0.0:1", token: "has a space in it ok") }
        let open = try WebConfiguration(paths: Self.paths, listen: "0.0.0.0:8077", token: "0123456789abcdef0123\n")
        #expect(open.token == "0123456789abcdef0123")
        #expect(!open.isLoopback)
    }

    @Test("a Host header names loopback only as localhost, 127.x.y.z or [::1], with or without a port")
    func hostHeader() {
        for host in ["localhost", "localhost:8077", "127.0.0.1:8077", "[::1]:8077", "LOCALHOST"] {
            #expect(GuardMiddleware<Hummingbird.BasicRequestContext>.namesLoopback(host), "\(host)")
        }
        for host in ["evil.example", "localhost.evil.example:8077", "127.0.0.1.evil.example", "[::2]:80", "10.0.0.1"] {
            #expect(!GuardMiddleware<Hummingbird.BasicRequestContext>.namesLoopback(host), "\(host)")
        }
    }

    @Test("tokens are compared whole: a prefix, a longer string or one byte off is not the token")
    func tokenComparison() {
        let token = "0123456789abcdef"
        #expect(GuardMiddleware<Hummingbird.BasicRequestContext>.same(token, token))
        for offered in ["", "0123456789abcde", "0123456789abcdef0", "0123456789abcdeF"] {
            #expect(!GuardMiddleware<Hummingbird.BasicRequestContext>.same(offered, token), "\(offered)")
        }
    }
}
