// The shared temporary folder, executables and child processes, for every file here.
@_exported import TestSupport

typealias TemporaryFolder = TemporaryDirectory
