#ifndef CLAIMWATCH_CLINUXSHIMS_H
#define CLAIMWATCH_CLINUXSHIMS_H

// Linux calls that Swift's Glibc module leaves out because glibc declares them only under
// _GNU_SOURCE. Each is a plain pass-through.

/// syncfs(2): make everything written to one file system durable in a single call.
int claimwatch_syncfs(int fd);

#endif
