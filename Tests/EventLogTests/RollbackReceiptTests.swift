import Foundation
import Testing
@testable import EventLog

/// After a rolled-back write the refused seqs are handed out again, so only a receipt
/// can tell a refused record from the new one that took its seq.
@Suite struct RollbackReceiptTests {
    @Test("a record refused by a full disk stays refused after its seq is reused by a durable one")
    func refusedStaysRefused() throws {
        let directory = TemporaryDirectory()
        let flag = directory.path + "/disk-full.flag"
        var configuration = EventLogConfiguration(directory: directory.path + "/log")
        configuration.diskFullWhileExists = flag
        let writer = try EventLogWriter(configuration: configuration)
        let first = try #require(try writer.enqueueWithReceipt([Note(text: "kept", number: 1)]))
        try writer.flush()
        #expect(FileManager.default.createFile(atPath: flag, contents: nil))

        let refused = try #require(try writer.enqueueWithReceipt([Note(text: "refused", number: 2)]))
        // `flush` throws only when the rollback happens while it waits; if the flusher was
        // quicker, the refused seq already lies beyond the log's end and `flush` has
        // nothing to wait for. Either way the receipt knows.
        _ = try? writer.flush()
        guard case .refused = writer.fate(of: refused) else {
            Issue.record("a write on a full disk must be refused")
            return
        }
        try FileManager.default.removeItem(atPath: flag)
        let later = try #require(try writer.enqueueWithReceipt([Note(text: "later", number: 3)]))
        #expect(later.seqs == refused.seqs, "the refused seq is handed out again")
        try writer.flush()
        guard case .durable = writer.fate(of: later), case .refused = writer.fate(of: refused),
              case .durable = writer.fate(of: first) else {
            Issue.record("the reused seq is durable for the new record only")
            return
        }
        try writer.close()
        let notes = try allRecords(in: directory.path + "/log").map { try $0.decode(Note.self).text }
        #expect(notes == ["kept", "later"])
        #expect(try LogVerifier(directory: directory.path + "/log").verify().isClean)
    }
}
