import Foundation

/// One line saying what the figures were measured on.
enum BenchMachine {
    static func describe(path: String) -> String {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let memory = Double(ProcessInfo.processInfo.physicalMemory) / 1_073_741_824
        let model = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?
            .split(separator: "\n").first { $0.hasPrefix("model name") }?
            .split(separator: ":", maxSplits: 1).last?.trimmingCharacters(in: .whitespaces) ?? "unknown CPU"
        return String(format: "machine: %@, %d cores, %.0f GiB; files under %@", model, cores, memory, path)
    }
}
