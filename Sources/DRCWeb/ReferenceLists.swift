import DRCCore
import DRCDocuments
import Hummingbird

/// The lists clerks look things up in: vendors, units, projects and categories, each as the
/// command line's `list` shows it.
enum ReferenceLists {
    static let kinds: [RecordKind.ID] = [.vendor, .unit, .project, .category]

    static func path(_ kind: RecordKind.ID) -> String {
        kind == .category ? "categories" : kind.rawValue + "s"
    }
}

extension WebApp {
    func referenceList(_ id: RecordKind.ID, _ request: Request, _ context: RoomContext<Records>) async throws -> Response {
        let viewer = context.viewer
        let table = try await service.read { store in try RecordRepository(store: store, kind: RecordKinds.kind(id), actor: "").list() }
        let title = viewer.word(RecordKinds.noun(of: id), count: 2)
        let body: HTML = "<h1>\(title)</h1><p>\(viewer.say("共 \(table.rows.count) 条", "\(table.rows.count) in all"))</p>\(Layout.table(table, viewer))"
        return Responses.page(Layout.page(viewer, title: title, body: body))
    }
}
