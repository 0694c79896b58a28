#ifndef CLAIMWATCH_CINOTIFYTOOLS_SHIM_H
#define CLAIMWATCH_CINOTIFYTOOLS_SHIM_H

// inotifytools.h only forward-declares `struct inotify_event`; including the
// kernel definition first gives Swift the complete type.
#include <inotifytools/inotify.h>
#include <inotifytools/inotifytools.h>

// statfs(2), which the Watcher needs to spot network and FUSE file systems where
// inotify sees nothing; Swift's Glibc module leaves <sys/vfs.h> out.
#include <sys/vfs.h>

#endif
