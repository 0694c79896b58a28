#define _GNU_SOURCE
#include <unistd.h>
#include "CLinuxShims.h"

int claimwatch_syncfs(int fd) {
    return syncfs(fd);
}
