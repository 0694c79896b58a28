#if canImport(Glibc)
import Glibc
#endif

/// What the output is written to.
package enum Terminal {
    /// The width to fit tables to: nil when standard output is not a terminal (never cut
    /// there); on one, `COLUMNS` when it holds a width, else the terminal's own
    /// (`TIOCGWINSZ`), else 80.
    package static func width(environment: [String: String]) -> Int? {
        guard isatty(STDOUT_FILENO) != 0 else { return nil }
        if let columns = environment["COLUMNS"].flatMap({ Int($0) }), columns > 0 { return columns }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }

    package static var outputIsTerminal: Bool { isatty(STDOUT_FILENO) != 0 }
    package static var errorIsTerminal: Bool { isatty(STDERR_FILENO) != 0 }
}
