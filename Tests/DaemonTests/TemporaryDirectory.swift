// The shared temporary folder, child-process runner and test failure, for every file here.
@_exported import TestSupport
