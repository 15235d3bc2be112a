import DRCCore
#if canImport(Glibc)
import Glibc
#endif

/// Everything drc prints goes through here. Text for people (confirmations, counts, errors,
/// the report on standard output) is escaped by `TerminalText`, so no name, summary, actor or
/// reference can send the terminal a control sequence. `exact` is for what must stay byte for
/// byte: CSV and JSON, and tables that `TableRenderer` has already made safe cell by cell.
/// A test (ConsoleRoutingTests) fails if a command prints any other way.
enum Console {
    /// A line (or lines) for people, on standard output.
    static func line(_ text: String) {
        write(TerminalText.escaped(text) + "\n", to: 1)
    }

    /// Text for people without an added line break (the report, which ends in its own).
    static func text(_ text: String) {
        write(TerminalText.escaped(text), to: 1)
    }

    /// Output kept exactly as it is: data for programs, or text already escaped.
    static func exact(_ text: String) {
        write(text, to: 1)
    }

    /// A line for people on standard error: errors, warnings and hints.
    static func error(_ text: String) {
        write(TerminalText.escaped(text) + "\n", to: 2)
    }

    /// A progress line on standard error, redrawn in place: the carriage return is drc's own.
    static func progress(_ text: String) {
        write("\r" + TerminalText.escaped(text), to: 2)
    }

    /// Ends a progress line.
    static func endProgress() {
        write("\n", to: 2)
    }

    /// Writes all of `text`, retrying short writes; output that cannot be written (a closed
    /// pipe) is dropped, as `print` would.
    private static func write(_ text: String, to descriptor: Int32) {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 && errno == EINTR { continue }
            if written <= 0 { return }
            offset += written
        }
    }
}
