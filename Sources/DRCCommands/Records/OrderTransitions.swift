import ArgumentParser
import DRCCore
import DRCText

/// One status command (`drc order close ID`): the action; its help is the action's words and
/// its moves, both read from the lifecycle (`LifecycleText`).
protocol TransitionAction {
    static var action: WorkOrderStatus.Action { get }
    /// `--solution` for solve, which records what was done; nothing for the others.
    associatedtype Options: TransitionOptions = NoTransitionOptions
}

/// What a status command records besides the new status and its time.
protocol TransitionOptions: ParsableArguments {
    var solution: String? { get }
}

struct NoTransitionOptions: TransitionOptions {
    var solution: String? { nil }
}

struct SolutionOption: TransitionOptions {
    @Option(help: ArgumentHelp(Speech.say("处理结果。", "What was done."))) var solution: String?
}

enum Assign: TransitionAction { static let action = WorkOrderStatus.Action.assign }
enum Pend: TransitionAction { static let action = WorkOrderStatus.Action.pend }
enum Solve: TransitionAction {
    static let action = WorkOrderStatus.Action.solve
    typealias Options = SolutionOption
}
enum Close: TransitionAction { static let action = WorkOrderStatus.Action.close }
enum Cancel: TransitionAction { static let action = WorkOrderStatus.Action.cancel }
enum Reopen: TransitionAction { static let action = WorkOrderStatus.Action.reopen }

struct Transition<Action: TransitionAction>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: Action.action.rawValue, abstract: LifecycleText.abstract(Action.action, in: Speech.language))
    }

    @ParentCommand var root: Drc
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(Speech.say("工单编号（可多个）。", "Work-order ids."))) var ids: [Int64]
    @Option(help: ArgumentHelp(Speech.say("发生时间（默认为现在），如 2020-03-02 14:05。", "When it happened (default now): 2020-03-02 14:05."))) var at: String?
    @OptionGroup var options: Action.Options
    var solution: String? { options.solution }

    func validate() throws {
        guard !ids.isEmpty else { throw ValidationError(Speech.say("请至少给出一个工单编号", "give at least one work-order id")) }
    }

    func run() throws {
        let store = try root.global.openStore()
        let lifecycle = WorkOrderLifecycle(store: store, actor: root.global.actorName)
        // All the orders or none: one refused leaves the others as they were.
        let results = try store.db.transaction {
            try ids.map { id in (id, try lifecycle.applying(Action.action, to: id, at: at, solution: solution)) }
        }
        for (id, result) in results {
            Console.line(Speech.say("工单 #\(id) 现为\(result.value.label)。", "Work order #\(id) is now \(result.value.rawValue) (\(result.value.label))."))
            WarningOutput.print(result.warnings)
        }
    }
}
