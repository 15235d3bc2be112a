import DRCCore
import DRCText

/// The core's warnings, one line each on standard error; they never change the exit status.
enum WarningOutput {
    static func print(_ warnings: [DRCWarning]) {
        for warning in warnings {
            Console.error(Speech.say("drc: 警告：", "drc: warning: ") + Speech.messages.warning(warning))
        }
    }
}
