public import Logging
import ServiceLifecycle
import UnixSignals

/// Runs the daemon service in a service group that owns the signals: SIGTERM and SIGINT
/// shut it down gracefully; SIGHUP is the service's own (reload).
public enum DaemonRunner {
    public static func run(
        configuration: DaemonConfiguration, environment: [String: String], logger: Logger, logLevels: LogLevelSwitch? = nil,
        sharing: LogSharingFactory? = nil,
        reload: @escaping @Sendable () throws(DaemonError) -> DaemonConfiguration
    ) async throws {
        let service = DaemonService(configuration: configuration, version: DaemonVersion.current,
                                    notifier: SystemdNotifier(environment: environment), logger: logger, logLevels: logLevels,
                                    sharing: sharing, reload: reload)
        let group = ServiceGroup(configuration: .init(
            services: [.init(service: service, successTerminationBehavior: .gracefullyShutdownGroup,
                             failureTerminationBehavior: .gracefullyShutdownGroup)],
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger))
        try await group.run()
    }
}
