/// The version claimwatchd reports in `daemon.started` and `--version`.
public enum DaemonVersion {
    public static let current = "0.1.0"
}
