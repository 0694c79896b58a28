import HTTPTypes
import Hummingbird
import EventLog
import NIOCore
import WebDrawing

/// The answers the routes give: pages, JSON lines, CSV, plain text, and errors in the
/// shape of the place they come from (a page for a page, JSON for the API).
enum Responses {
    static func bytes(_ status: HTTPResponse.Status = .ok, _ bytes: [UInt8], type: String) -> Response {
        Response(status: status, headers: [.contentType: type, .contentLength: String(bytes.count)],
                 body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    static func page(_ html: [UInt8], status: HTTPResponse.Status = .ok) -> Response {
        bytes(status, html, type: "text/html; charset=utf-8")
    }

    static func text(_ status: HTTPResponse.Status, _ message: String) -> Response {
        bytes(status, Array(message.utf8), type: "text/plain; charset=utf-8")
    }

    /// JSON lines, as the CLI prints them; a partial answer says how many records it left out.
    static func jsonLines(_ answer: LedgerAPI.Answer) -> Response {
        var response = bytes(.ok, answer.body, type: "application/x-ndjson; charset=utf-8")
        if answer.damaged > 0, let field = HTTPField.Name("Claimwatch-Partial") {
            response.headers[field] = "\(answer.damaged) damaged records left out (claimwatch verify lists them)"
        }
        return response
    }

    static func csv(_ answer: LedgerAPI.Answer, filename: String) -> Response {
        var response = bytes(.ok, answer.body, type: "text/csv; charset=utf-8")
        response.headers[.contentDisposition] = "attachment; filename=\"\(filename)\""
        return response
    }

    static func status(of error: WebError) -> HTTPResponse.Status {
        switch error {
        case .notFound: .notFound
        case .badRequest: .badRequest
        case .configuration, .store, .log, .server: .internalServerError
        }
    }

    static func problemPage(_ error: WebError) -> Response {
        let title = switch error {
        case .notFound: "Not found"
        case .badRequest: "Cannot answer that"
        default: "Something went wrong"
        }
        return page(PageFrame.problem(title: title, message: error.description).bytes, status: status(of: error))
    }

    static func problemJSON(_ error: WebError) -> Response {
        var object = JSONObjectBuilder()
        try? object.field("error", error.description)
        return bytes(status(of: error), object.build() + [0x0A], type: "application/json; charset=utf-8")
    }
}
