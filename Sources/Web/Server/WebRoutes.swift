import WebDrawing
import Hummingbird
import NIOCore
import ServiceLifecycle
import Store

/// Every route of the site: pages, the JSON API, the two static files and the live stream.
/// A route only reads what the request names; each one's work runs on a reader thread.
struct WebRoutes: Sendable {
    let pool: ReaderPool
    let feed: LiveFeed

    func add(to router: Router<BasicRequestContext>) {
        router.get("/") { _, _ in await page { reading throws(WebError) in try OverviewPage.render(reading) } }
        router.get("/articles/:id") { _, context in
            let id = parameter(context, "id")
            return await page { reading throws(WebError) in try ArticlePage.render(reading, id: id) }
        }
        router.get("/topics/:id") { _, context in
            let id = parameter(context, "id")
            return await page { reading throws(WebError) in try TopicPage.render(reading, id: id) }
        }
        router.get("/stories") { _, _ in await page { reading throws(WebError) in try StoryPage.index(reading) } }
        router.get("/stories/:id") { _, context in
            let id = parameter(context, "id")
            return await page { reading throws(WebError) in try StoryPage.render(reading, id: id) }
        }
        router.get("/claimants") { _, _ in await page { reading throws(WebError) in try ClaimantPage.index(reading) } }
        router.get("/claimants/:name") { _, context in
            let name = parameter(context, "name")
            return await page { reading throws(WebError) in try ClaimantPage.render(reading, canonical: name) }
        }
        router.get("/search") { request, _ in
            let words = QueryParameters(request).text("q") ?? ""
            return await page { reading throws(WebError) in try SearchPage.render(reading, words: words) }
        }
        router.get("/static/site.css") { _, _ in Self.asset(SiteAssets.styleSheet, type: "text/css; charset=utf-8") }
        router.get("/static/live.js") { _, _ in Self.asset(SiteAssets.liveScript, type: "text/javascript; charset=utf-8") }
        router.get("/events") { _, _ in live() }
        addAPI(to: router)
    }

    private func addAPI(to router: Router<BasicRequestContext>) {
        router.get("/api") { _, _ in await api { _ throws(WebError) in try LedgerAPI.index() } }
        router.get("/api/stats") { _, _ in await api { reading throws(WebError) in try LedgerAPI.stats(reading) } }
        router.get("/api/articles") { request, _ in
            let query = QueryParameters(request)
            let (outlet, limit) = (query.text("outlet"), query.number("n"))
            return await api { reading throws(WebError) in try LedgerAPI.articles(reading, outlet: outlet, limit: limit) }
        }
        router.get("/api/articles/:id") { _, context in
            let id = parameter(context, "id")
            return await api { reading throws(WebError) in try LedgerAPI.article(reading, id: id) }
        }
        router.get("/api/dupes") { request, _ in
            let outlet = QueryParameters(request).text("outlet")
            return await api { reading throws(WebError) in try LedgerAPI.dupes(reading, outlet: outlet) }
        }
        router.get("/api/claims") { request, _ in
            let query = QueryParameters(request)
            let filter = ClaimFilter(claimant: query.text("claimant"), article: query.text("article"), contains: query.text("contains"),
                                     outlet: query.text("outlet"), stance: query.text("stance"), quotesOnly: query.flag("quotes"),
                                     limit: query.number("n"))
            return await api { reading throws(WebError) in try LedgerAPI.claims(reading, filter: filter) }
        }
        router.get("/api/claimants") { request, _ in
            let query = QueryParameters(request)
            let filter = ClaimFilter(outlet: query.text("outlet"), stance: query.text("stance"))
            let limit = query.number("n")
            return await api { reading throws(WebError) in try LedgerAPI.claimants(reading, filter: filter, limit: limit) }
        }
        router.get("/api/figures") { request, _ in
            let query = QueryParameters(request)
            let filter = FigureFilter(about: query.text("about"), claimant: query.text("claimant"), outlet: query.text("outlet"),
                                      limit: query.number("n"))
            return await api { reading throws(WebError) in try LedgerAPI.figures(reading, filter: filter) }
        }
        router.get("/api/stories") { request, _ in
            let query = QueryParameters(request)
            let (outlet, limit) = (query.text("outlet"), query.number("n"))
            return await api { reading throws(WebError) in try LedgerAPI.stories(reading, outlet: outlet, limit: limit) }
        }
        router.get("/api/stories/:id") { _, context in
            let id = parameter(context, "id")
            return await api { reading throws(WebError) in try LedgerAPI.story(reading, id: id) }
        }
        router.get("/api/topics/:id") { _, context in
            let id = parameter(context, "id")
            return await api { reading throws(WebError) in try LedgerAPI.topic(reading, id: id) }
        }
        router.get("/api/topics/:id/figures.csv") { _, context in
            let id = parameter(context, "id")
            return await csv(filename: "topic-\(id.prefix(16).filter { $0.isLetter || $0.isNumber }).csv") { reading throws(WebError) in
                try LedgerAPI.topicCSV(reading, id: id)
            }
        }
    }

    /// A CSV answer built on a reader thread, offered as a download.
    private func csv(filename: String, _ build: @escaping @Sendable (LedgerReading) throws(WebError) -> LedgerAPI.Answer) async -> Response {
        do {
            return Responses.csv(try await pool.read(build), filename: filename)
        } catch {
            return Responses.problemJSON(error)
        }
    }

    /// A page built on a reader thread; a failure becomes a page that says what went wrong.
    private func page(_ build: @escaping @Sendable (LedgerReading) throws(WebError) -> HTML) async -> Response {
        do {
            return Responses.page(try await pool.read { reading throws(WebError) in try build(reading).bytes })
        } catch {
            return Responses.problemPage(error)
        }
    }

    /// An API answer built on a reader thread; a failure becomes `{"error": …}`.
    private func api(_ build: @escaping @Sendable (LedgerReading) throws(WebError) -> LedgerAPI.Answer) async -> Response {
        do {
            return Responses.jsonLines(try await pool.read(build))
        } catch {
            return Responses.problemJSON(error)
        }
    }

    /// Server-Sent Events: a comment at once (so a client knows it is listening), then each
    /// message the log watch publishes, until the client leaves or the server stops.
    private func live() -> Response {
        let stream = feed.subscribe()
        let body = ResponseBody { writer in
            try await writer.write(ByteBuffer(string: ": claimwatch live\nretry: 3000\n\n"))
            // The server drains open requests before its other services hear of a shutdown, so
            // a stream must end on the shutdown itself, or an open page would hold it up.
            for await message in stream.cancelOnGracefulShutdown() {
                try await writer.write(ByteBuffer(bytes: message.framed))
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: [.contentType: "text/event-stream; charset=utf-8"], body: body)
    }

    private static func asset(_ text: StaticString, type: String) -> Response {
        var response = Responses.bytes(.ok, text.withUTF8Buffer { Array($0) }, type: type)
        response.headers[.cacheControl] = "max-age=300"
        return response
    }
}

/// A path parameter, percent-decoded (ids are plain, but a claimant's name has spaces and
/// may have anything else).
private func parameter(_ context: BasicRequestContext, _ name: String) -> String {
    let raw = context.parameters.get(name) ?? ""
    return SiteLink.decode(Substring(raw), plusIsSpace: false) ?? raw
}

/// The query string read as an HTML form sends it ("+" for a space, percent escapes).
struct QueryParameters {
    private let values: [String: String]

    init(_ request: Request) {
        values = SiteLink.query(request.uri.query ?? "")
    }

    /// A non-empty value.
    func text(_ name: String) -> String? {
        values[name].flatMap { $0.isEmpty ? nil : $0 }
    }

    func number(_ name: String) -> Int? {
        text(name).flatMap { Int($0) }.map { max(0, $0) }
    }

    /// Present and not "0" or "false".
    func flag(_ name: String) -> Bool {
        guard let value = values[name] else { return false }
        return value != "0" && value != "false"
    }
}
