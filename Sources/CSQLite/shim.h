#ifndef DRC_CSQLITE_SHIM_H
#define DRC_CSQLITE_SHIM_H
#include <sqlite3.h>

// SQLITE_TRANSIENT is a cast macro Swift cannot import: tell SQLite to copy bound bytes.
static inline void (*drc_sqlite_transient(void))(void *) {
    return (void (*)(void *))-1;
}
#endif
