import Foundation

/// Standard output and error, and whether colour is wanted there.
struct Console {
    /// Colour on a terminal only, and never when NO_COLOR is set (https://no-color.org).
    static func wantsColour(fileDescriptor: Int32) -> Bool {
        if let noColour = ProcessInfo.processInfo.environment["NO_COLOR"], !noColour.isEmpty { return false }
        return isatty(fileDescriptor) == 1
    }

    /// A one-line progress message on standard error, on a terminal only; `nil` clears it.
    static func progress(_ text: String?) {
        guard isatty(2) == 1 else { return }
        error("\r\u{1B}[K" + (text.map { "livegate: " + $0 } ?? ""))
    }

    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Writes `text` to `path` through a temporary file and a rename, so a failed run never
    /// leaves a half-written report behind.
    static func write(_ text: String, to path: String) throws(UsageError) {
        let url = URL(fileURLWithPath: path)
        do {
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            throw UsageError(message: "\(path): cannot write the report (\(error.localizedDescription))")
        }
    }
}
