#include <stddef.h>
#include <stdint.h>

// libFuzzer's own driver. SwiftPM renames each executable's entry point and points
// `main` at it, so libFuzzer's `main` is never linked in: the targets call this instead.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
