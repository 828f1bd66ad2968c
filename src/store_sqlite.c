/* store_sqlite.c — the SQLite backend of the store: one file, WAL journal,
 * a cache of prepared statements keyed by their SQL text, and cursors over
 * sqlite3_step. SQL arrives from store.c with `?` placeholders. */
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include "store.h"

#define STMT_CACHE 96

typedef struct {
    char *sql[STMT_CACHE];
    sqlite3_stmt *st[STMT_CACHE];
    size_t n;
} sqlite_cache;

struct store_cur {
    sqlite3_stmt *st;
    int cached;          /* reset, not finalize, when done */
};

static sqlite3 *db_of(store *s) { return (sqlite3 *)s->db; }

static dyad_status sq_fail(store *s, const char *what)
{
    return store_fail(s, "sqlite: %s: %s", what, sqlite3_errmsg(db_of(s)));
}

static void sq_close(store *s)
{
    sqlite_cache *c = s->priv;
    if (c) {
        for (size_t i = 0; i < c->n; i++) {
            sqlite3_finalize(c->st[i]);
            free(c->sql[i]);
        }
        free(c);
    }
    if (s->db) sqlite3_close(db_of(s));
    s->db = NULL;
    s->priv = NULL;
}

static dyad_status sq_exec_script(store *s, const char *sql)
{
    char *msg = NULL;
    if (sqlite3_exec(db_of(s), sql, NULL, NULL, &msg) != SQLITE_OK) {
        store_fail(s, "sqlite: %s", msg ? msg : "error");
        sqlite3_free(msg);
        return DYAD_EDB;
    }
    return DYAD_OK;
}

/* Finds or prepares the statement for sql; *cached says whether the cache
 * owns it (a full cache hands out a one-off statement instead). */
static sqlite3_stmt *sq_prepare(store *s, const char *sql, int *cached)
{
    sqlite_cache *c = s->priv;
    for (size_t i = 0; i < c->n; i++)
        if (strcmp(c->sql[i], sql) == 0) {
            *cached = 1;
            return c->st[i];
        }
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db_of(s), sql, -1, &st, NULL) != SQLITE_OK)
        return NULL;
    *cached = 0;
    if (c->n < STMT_CACHE) {
        char *copy = strdup(sql);
        if (copy) {
            c->sql[c->n] = copy;
            c->st[c->n++] = st;
            *cached = 1;
        }
    }
    return st;
}

static void sq_release(sqlite3_stmt *st, int cached)
{
    if (cached) {
        sqlite3_reset(st);
        sqlite3_clear_bindings(st);
    } else {
        sqlite3_finalize(st);
    }
}

static dyad_status sq_query(store *s, const char *sql, const store_val *p,
                            size_t np, store_cur **cur)
{
    int cached = 0;
    sqlite3_stmt *st = sq_prepare(s, sql, &cached);
    if (!st) return sq_fail(s, "prepare");
    /* A statement run here and now reads its text parameters in place; a
     * cursor outlives the caller's buffers, so it gets copies. */
    sqlite3_destructor_type keep = cur ? SQLITE_TRANSIENT : SQLITE_STATIC;
    for (size_t i = 0; i < np; i++) {
        int rc, k = (int)i + 1;
        switch (p[i].type) {
        case STORE_INT: rc = sqlite3_bind_int64(st, k, p[i].i); break;
        case STORE_REAL: rc = sqlite3_bind_double(st, k, p[i].d); break;
        case STORE_TEXT:
            rc = p[i].s ? sqlite3_bind_text(st, k, p[i].s, -1, keep)
                        : sqlite3_bind_null(st, k);
            break;
        default: rc = sqlite3_bind_null(st, k); break;
        }
        if (rc != SQLITE_OK) {
            dyad_status r = sq_fail(s, "bind");
            sq_release(st, cached);
            return r;
        }
    }
    if (cur) {
        store_cur *c = malloc(sizeof *c);
        if (!c) {
            sq_release(st, cached);
            return DYAD_ENOMEM;
        }
        c->st = st;
        c->cached = cached;
        *cur = c;
        return DYAD_OK;
    }
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        ;
    dyad_status r = DYAD_OK;
    if (rc != SQLITE_DONE) r = sq_fail(s, "step");
    sq_release(st, cached);
    return r;
}

static int sq_next(store_cur *c)
{
    int rc = sqlite3_step(c->st);
    if (rc == SQLITE_ROW) return 1;
    return rc == SQLITE_DONE ? 0 : -1;
}

static int sq_is_null(store_cur *c, int col)
{
    return sqlite3_column_type(c->st, col) == SQLITE_NULL;
}

static long long sq_col_int(store_cur *c, int col)
{
    return sqlite3_column_int64(c->st, col);
}

static double sq_col_real(store_cur *c, int col)
{
    return sqlite3_column_double(c->st, col);
}

static const char *sq_col_text(store_cur *c, int col)
{
    const unsigned char *t = sqlite3_column_text(c->st, col);
    return t ? (const char *)t : "";
}

static void sq_cur_free(store_cur *c)
{
    if (!c) return;
    sq_release(c->st, c->cached);
    free(c);
}

static dyad_status sq_begin(store *s)
{
    return sq_exec_script(s, "BEGIN IMMEDIATE");
}

static dyad_status sq_commit(store *s)
{
    return sq_exec_script(s, "COMMIT");
}

static void sq_rollback(store *s)
{
    if (!sqlite3_get_autocommit(db_of(s)))
        sqlite3_exec(db_of(s), "ROLLBACK", NULL, NULL, NULL);
}

static const store_backend sqlite_backend = {
    sq_close, sq_exec_script, sq_query, sq_next, sq_is_null, sq_col_int,
    sq_col_real, sq_col_text, sq_cur_free, sq_begin, sq_commit, sq_rollback,
};

dyad_status store_sqlite_open(store *s, const char *path)
{
    sqlite3 *db = NULL;
    s->be = &sqlite_backend;
    s->pg = 0;
    /* NOMUTEX: a connection is only ever used by one thread at a time
     * (ingest gives its writer and its look-up connection one each). */
    int rc = sqlite3_open_v2(path, &db,
                             SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
                             SQLITE_OPEN_NOMUTEX, NULL);
    s->db = db;
    if (rc != SQLITE_OK) {
        store_fail(s, "sqlite: cannot open %s: %s", path,
                   db ? sqlite3_errmsg(db) : "out of memory");
        sq_close(s);
        return DYAD_EDB;
    }
    s->priv = calloc(1, sizeof(sqlite_cache));
    if (!s->priv) {
        sq_close(s);
        return DYAD_ENOMEM;
    }
    /* Another process may hold the write lock for one document's
     * transaction: wait for it rather than fail. */
    sqlite3_busy_timeout(db, 30000);
    /* WAL + NORMAL: a commit survives kill -9 (it is in the WAL), only a
     * power cut can lose the last commits, never corrupt the file. A
     * longer WAL between checkpoints (16 MB rather than 4) copies the
     * pages every commit rewrites (index roots, the events table) into
     * the database file less often. */
    if (sq_exec_script(s, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
                          " PRAGMA temp_store=MEMORY; PRAGMA cache_size=-65536;"
                          " PRAGMA wal_autocheckpoint=4000;") != DYAD_OK) {
        sq_close(s);
        return DYAD_EDB;
    }
    return DYAD_OK;
}
