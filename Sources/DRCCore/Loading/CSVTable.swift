/// A small CSV file read whole, each row as a dictionary from header name to text: for the
/// embedded seed files, where convenience matters more than streaming.
struct CSVTable {
    let name: String
    let header: [String]
    let rows: [(line: Int, values: [String: String])]

    init(name: String, bytes: [UInt8]) throws {
        self.name = name
        let reader = CSVReader(source: MemorySource(bytes))
        do {
            guard let header = try reader.next() else {
                throw DRCError.invalid(field: "seed file", value: name, reason: .emptySeedFile)
            }
            self.header = header.fields
            var rows: [(Int, [String: String])] = []
            while let record = try reader.next() {
                guard record.fields.count == header.fields.count else {
                    throw DRCError.invalid(field: "seed file", value: name,
                        reason: .onLine(record.line, .fieldCount(found: record.fields.count, header: header.fields.count)))
                }
                rows.append((record.line, Dictionary(zip(header.fields, record.fields)) { first, _ in first }))
            }
            self.rows = rows
        } catch let failure as CSVReader.Failure {
            throw DRCError.invalid(field: "seed file", value: name, reason: .onLine(failure.line, failure.reason))
        }
    }
}
