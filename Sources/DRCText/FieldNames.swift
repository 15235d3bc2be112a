import DRCCore

/// The names errors give fields, for people. The core names a field as commands and CSV
/// headers do (`vendor`, `opened`, `stages 2 vendor`); in Chinese each becomes its label from
/// the kinds (供应商, 报修时间, 付款阶段 第 2 行 供应商). English keeps the name as it is.
enum FieldNames {
    /// Every field's Chinese label by name, from every kind (fields and child rows' fields),
    /// and each kind's noun by its name. An error names a field but not its kind: where kinds
    /// label one name differently (`name`: 名称, 项目名称, 三级指标) the general word in `others`
    /// is used; the kinds agree on most (`vendor` is 供应商 everywhere).
    static let labels: [String: String] = {
        var found: [String: [String]] = [:]
        func add(_ name: String, _ label: String) {
            if !(found[name] ?? []).contains(label) { found[name, default: []].append(label) }
        }
        for kind in RecordKinds.all {
            for field in kind.fields { add(field.name, field.label.zh) }
            for child in kind.childSets {
                for field in child.fields { add(field.name, field.label.zh) }
            }
        }
        var labels: [String: String] = [:]
        for (name, candidates) in found {
            labels[name] = candidates.count == 1 ? candidates[0] : others[name] ?? candidates[0]
        }
        for kind in RecordKinds.all where labels[kind.name] == nil { labels[kind.name] = kind.noun.zh }
        for (name, label) in others where labels[name] == nil { labels[name] = label }
        return labels
    }()

    /// Names the core gives things that are not fields of a kind: files, options' values.
    static let others: [String: String] = [
        "file": "文件", "header": "表头", "encoding": "编码", "output": "输出文件", "sql": "SQL 查询",
        "seed file": "内置数据文件", "database path": "数据库路径", "at": "时间", "from": "起始日期", "to": "截止日期",
        "parent": "上级", "kind": "类型", "name": "名称",
        // The numbers a web address carries (`NumberParameter`).
        "page": "页码", "id": "编号", "added": "新录入的工单编号", "compare": "对比年度",
        // The choices a manager's page reads (`by` is a dimension; `format` a download's kind).
        "by": "统计维度", "by2": "第二维度", "format": "格式",
    ]

    /// The field `name` for people reading `language`.
    static func label(_ name: String, in language: Language) -> String {
        guard language == .zh else { return name }
        if let label = labels[name] { return label }
        // Several fields named together (a unique index over two columns).
        if name.contains(", ") {
            return name.split(separator: ", ").map { label(String($0), in: language) }.joined(separator: "、")
        }
        // A child row's place: `stages 2 vendor` (the set, the line, the field).
        if name.contains(" ") {
            return name.split(separator: " ").map { part in
                Int(part).map { "第 \($0) 行" } ?? label(String(part), in: language)
            }.joined(separator: " ")
        }
        return name
    }
}
