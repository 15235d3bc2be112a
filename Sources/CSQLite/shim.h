#ifndef DRC_CSQLITE_SHIM_H
#define DRC_CSQLITE_SHIM_H
#include <sqlite3.h>

// SQLITE_TRANSIENT is a cast macro Swift cannot import: tell SQLite to copy bound bytes.
static inline void (*drc_sqlite_transient(void))(void *) {
    return (void (*)(void *))-1;
}
// sqlite3_config is variadic, which Swift cannot call. Memory statistics take a global mutex
// on every allocation; drc never reads them.
static inline int drc_sqlite_disable_memory_statistics(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}
#endif
