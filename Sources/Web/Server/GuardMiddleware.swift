import Foundation
import HTTPTypes
import Hummingbird

/// Stands in front of every route. It refuses what a read-only view must not take (any
/// method but GET; on loopback, a Host header naming another machine, which is how a web
/// page elsewhere reaches a local server through DNS rebinding; without the token where
/// one is set), and puts the security headers on every answer: a Content-Security-Policy
/// that allows this site's own script and style sheet and nothing else, no framing, no
/// sniffing, no referrer. It also says how long the server took (`Server-Timing`).
struct GuardMiddleware<Context: RequestContext>: RouterMiddleware {
    let token: String?
    let loopback: Bool

    static var cookie: String { "claimwatch_token" }

    static var policy: String {
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
            + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        var response: Response
        if let refused = refusal(request) {
            response = refused
        } else {
            do {
                response = try await next(request, context)
            } catch let error as any HTTPResponseError {
                // The router's own "no such route" comes here, to be answered like any other.
                let problem: WebError = error.status == .notFound ? .notFound("nothing here: \(request.uri.path)")
                    : .badRequest("\(error.status.code) \(error.status.reasonPhrase)")
                response = request.uri.path.hasPrefix("/api") ? Responses.problemJSON(problem) : Responses.problemPage(problem)
                response.status = error.status
            }
        }
        let headers: [(String, String)] = [
            ("Content-Security-Policy", Self.policy), ("X-Content-Type-Options", "nosniff"), ("X-Frame-Options", "DENY"),
            ("Referrer-Policy", "no-referrer"), ("Cross-Origin-Opener-Policy", "same-origin"),
            ("Cross-Origin-Resource-Policy", "same-origin"),
            ("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()"),
        ]
        for (name, value) in headers {
            if let field = HTTPField.Name(name) { response.headers[field] = value }
        }
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        let elapsed = ContinuousClock.now - started
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        if let field = HTTPField.Name("Server-Timing") {
            response.headers[field] = "app;dur=" + String(format: "%.2f", milliseconds)
        }
        return response
    }

    private func refusal(_ request: Request) -> Response? {
        guard request.method == .get else {
            var response = Responses.text(.methodNotAllowed, "claimwatch serve is read-only: GET only\n")
            response.headers[.allow] = "GET"
            return response
        }
        if loopback, let authority = request.head.authority, !Self.namesLoopback(authority) {
            return Responses.text(.misdirectedRequest, "this server answers to localhost, 127.0.0.1 and [::1] only\n")
        }
        guard let token else { return nil }
        if let offered = request.uri.queryParameters.get("token") {
            guard Self.same(offered, token) else { return Responses.text(.unauthorized, "wrong token\n") }
            // The token moves from the address bar into a cookie only this site gets back.
            var response = Response(status: .seeOther)
            response.headers[.location] = request.uri.path
            response.headers[.setCookie] = "\(Self.cookie)=\(token); Path=/; HttpOnly; SameSite=Strict"
            return response
        }
        if let authorization = request.headers[.authorization], authorization.hasPrefix("Bearer "),
           Self.same(String(authorization.dropFirst(7)), token) {
            return nil
        }
        for cookie in request.headers[values: .cookie].flatMap({ $0.split(separator: ";") }) {
            let pair = cookie.trimmingCharacters(in: .whitespaces)
            if pair.hasPrefix(Self.cookie + "="), Self.same(String(pair.dropFirst(Self.cookie.count + 1)), token) { return nil }
        }
        return Responses.text(.unauthorized, "this server needs its token: open /?token=… once, or send Authorization: Bearer …\n")
    }

    /// Whether a Host header's host is this machine's loopback.
    static func namesLoopback(_ authority: String) -> Bool {
        var host = Substring(authority)
        if host.hasPrefix("["), let close = host.firstIndex(of: "]") {
            host = host[host.index(after: host.startIndex)..<close]
        } else if let colon = host.lastIndex(of: ":") {
            host = host[..<colon]
        }
        return WebConfiguration.isLoopback(host.lowercased())
    }

    /// Compares in time that does not depend on where the first difference is.
    static func same(_ offered: String, _ token: String) -> Bool {
        let left = Array(offered.utf8), right = Array(token.utf8)
        var difference = UInt8(left.count == right.count ? 0 : 1)
        for index in 0..<right.count { difference |= (index < left.count ? left[index] : 0) ^ right[index] }
        return difference == 0
    }
}
