// SQLite, for the Store target only: the query tables are a projection of the log.
#ifndef CLAIMWATCH_CSQLITE_SHIM_H
#define CLAIMWATCH_CSQLITE_SHIM_H
#include <sqlite3.h>

// SQLITE_TRANSIENT is a cast of -1 to a function pointer, which Swift cannot import as a
// macro: this hands it over as a value (SQLite copies the bound bytes at once).
static inline sqlite3_destructor_type claimwatch_sqlite_transient(void) { return SQLITE_TRANSIENT; }
#endif
