#ifndef CLAIMWATCH_CLINUXSHIMS_H
#define CLAIMWATCH_CLINUXSHIMS_H

// Linux calls that Swift's Glibc module leaves out because glibc declares them only under
// _GNU_SOURCE. Each is a plain pass-through.

/// syncfs(2): make everything written to one file system durable in a single call.
int claimwatch_syncfs(int fd);

/// A software prefetch of the cache line holding `address`: Swift has no such intrinsic.
/// It never faults, so any address may be passed.
static inline void claimwatch_prefetch(const void *address) {
    __builtin_prefetch(address);
}

#include <stddef.h>

/// madvise(MADV_HUGEPAGE) on the 2 MiB-aligned part of [address, address + length): asks
/// for transparent huge pages. Only advice; where they are off, nothing changes but speed.
void claimwatch_advise_huge_pages(void *address, size_t length);

/// A new pseudo-terminal (posix_openpt, grantpt, unlockpt, ptsname_r): returns the master's
/// descriptor and writes the slave's path into `name`, or returns -1 with errno set. For
/// tests that run a command as a person at a terminal would.
int claimwatch_open_pseudo_terminal(char *name, size_t size);

/// malloc_trim(0) (malloc.h, which Swift's Glibc module leaves out): returns the heap's
/// free pages to the system; 1 when some were.
int claimwatch_release_free_heap(void);

#endif
