import Foundation
import Ingest
import Store

/// Opens the query store for a command, caught up with the log.
enum QueryStore {
    static func open(_ layout: StateLayout) throws -> ClaimStore {
        do {
            try FileManager.default.createDirectory(atPath: layout.index, withIntermediateDirectories: true)
            return try ClaimStore(path: layout.claimStore, log: layout.log)
        } catch let error as StoreError {
            throw CommandFailure(error.description)
        } catch {
            throw CommandFailure("cannot create \(layout.index): \(error.localizedDescription)")
        }
    }

    /// Runs one query, a store error becoming the command's failure.
    static func answer<Answer>(_ query: () throws -> Answer) throws -> Answer {
        do {
            return try query()
        } catch let error as StoreError {
            throw CommandFailure(error.description)
        }
    }
}
