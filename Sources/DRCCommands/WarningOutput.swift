import DRCCore

/// The core's warnings, one line each on standard error; they never change the exit status.
enum WarningOutput {
    static func print(_ warnings: [DRCWarning]) {
        var standardError = StandardError()
        for warning in warnings { Swift.print("drc: warning: \(warning)", to: &standardError) }
    }
}
