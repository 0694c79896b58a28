/// An `Encoder` that writes compact JSON as the value encodes itself.
///
/// Containers are closed lazily: writing to a container first closes every container
/// opened deeper than it, and the caller closes what is left when the root value is
/// done. That is enough for synthesized `Codable` conformances, which fill one
/// container at a time.
final class StreamingJSONEncoder {
    struct Frame {
        var closer: UInt8
        var count: Int
    }

    // Unchecked: one encoder serves one record on one thread, so the runtime's dynamic
    // exclusivity checks (a large share of encoding time) can never fire.
    @exclusivity(unchecked) var output: JSONOutput
    @exclusivity(unchecked) var frames: [Frame] = []
    var failure: EventLogError?

    init(output: JSONOutput) { self.output = output }

    /// Encodes the fields of `value` into an object that is already open, after any
    /// fields it holds; `existingFields` says whether a comma is needed first.
    static func appendFields(of value: some Encodable, to output: inout JSONOutput, existingFields: Int) throws(EventLogError) {
        let encoder = StreamingJSONEncoder(output: output)
        output = JSONOutput(capacity: 0)
        encoder.frames = [Frame(closer: UInt8(ascii: "}"), count: existingFields)]
        let root = RootEncoder(encoder: encoder, codingPath: [], sharedDepth: 1)
        do {
            try value.encode(to: root)
        } catch let error as EventLogError {
            output = encoder.output
            throw error
        } catch {
            output = encoder.output
            throw .encoding(String(describing: error))
        }
        if let failure = encoder.failure { throw failure }
        encoder.close(downTo: 1)
        output = encoder.output
    }

    /// Closes every container deeper than `depth` frames.
    func close(downTo depth: Int) {
        while frames.count > depth {
            output.raw(frames.removeLast().closer)
        }
    }

    /// Starts the next element of the container at `depth`.
    func beginElement(atDepth depth: Int) {
        close(downTo: depth)
        if frames[depth - 1].count > 0 { output.raw(UInt8(ascii: ",")) }
        frames[depth - 1].count += 1
    }

    func open(_ opener: UInt8, closer: UInt8) -> Int {
        output.raw(opener)
        frames.append(Frame(closer: closer, count: 0))
        return frames.count
    }

    func record(_ error: EventLogError) {
        if failure == nil { failure = error }
    }

    /// Writes one value at the current position (its key or comma is already written).
    func encodeValue(_ value: some Encodable, codingPath: [any CodingKey], key: (any CodingKey)?) throws {
        switch value {
        case let string as String: output.string(string)
        case let bool as Bool: output.raw(bool ? "true" : "false")
        case let int as Int: output.integer(int)
        case let int as Int64: output.integer(int)
        case let int as UInt64: output.unsigned(int)
        case let double as Double: try output.double(double)
        default:
            let depth = frames.count
            let before = output.bytes.count
            let path = key.map { codingPath + [$0] } ?? codingPath
            try value.encode(to: RootEncoder(encoder: self, codingPath: path))
            if output.bytes.count == before { output.raw("{}") }
            close(downTo: depth)
        }
    }
}
