/* store_pg.c — the PostgreSQL backend of the store over libpq: statements
 * from store.c get their `?` placeholders renumbered to $n and are prepared
 * once per connection; parameters travel as text, results come back as
 * text and are parsed here. Writers serialise on one advisory lock. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libpq-fe.h>
#include "store.h"

#define STMT_CACHE 96
/* Arbitrary constant naming dyad's write lock ("dyad" in ASCII). */
#define PG_WRITE_LOCK 0x64796164

typedef struct {
    char *sql[STMT_CACHE];     /* translated SQL */
    size_t n;
} pg_cache;

struct store_cur {
    PGresult *res;
    int row, nrows;
};

static PGconn *conn_of(store *s) { return (PGconn *)s->db; }

static dyad_status pg_fail(store *s, const char *what)
{
    const char *m = PQerrorMessage(conn_of(s));
    char buf[400];
    snprintf(buf, sizeof buf, "%s", m ? m : "");
    size_t n = strlen(buf);
    while (n && (buf[n - 1] == '\n' || buf[n - 1] == ' ')) buf[--n] = 0;
    return store_fail(s, "postgresql: %s: %s", what, buf);
}

static void pg_close(store *s)
{
    pg_cache *c = s->priv;
    if (c) {
        for (size_t i = 0; i < c->n; i++) free(c->sql[i]);
        free(c);
    }
    if (s->db) PQfinish(conn_of(s));
    s->db = NULL;
    s->priv = NULL;
}

static void pg_quiet(void *arg, const char *msg)
{
    (void)arg;
    (void)msg;   /* NOTICEs of "IF NOT EXISTS" are expected, not news */
}

static dyad_status pg_exec_script(store *s, const char *sql)
{
    PGresult *r = PQexec(conn_of(s), sql);
    ExecStatusType st = PQresultStatus(r);
    PQclear(r);
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK)
        return pg_fail(s, "exec");
    return DYAD_OK;
}

/* `?` -> `$1`, `$2`, ... outside quoted literals. NULL on overflow. */
static char *pg_translate(const char *sql)
{
    size_t n = strlen(sql), cap = n * 3 + 1;   /* "?" -> "$NNN" at worst */
    char *out = malloc(cap);
    if (!out) return NULL;
    size_t o = 0;
    int k = 0, quoted = 0;
    for (const char *p = sql; *p; p++) {
        if (*p == '\'') quoted = !quoted;
        if (*p == '?' && !quoted) {
            int w = snprintf(out + o, cap - o, "$%d", ++k);
            if (w < 0 || (size_t)w >= cap - o) {
                free(out);
                return NULL;
            }
            o += (size_t)w;
        } else {
            if (o + 1 >= cap) {
                free(out);
                return NULL;
            }
            out[o++] = *p;
        }
    }
    out[o] = 0;
    return out;
}

static dyad_status pg_query(store *s, const char *sql, const store_val *p,
                            size_t np, store_cur **cur)
{
    char *tsql = pg_translate(sql);
    if (!tsql) return DYAD_ENOMEM;
    pg_cache *c = s->priv;
    size_t idx = c->n;
    for (size_t i = 0; i < c->n; i++)
        if (strcmp(c->sql[i], tsql) == 0) {
            idx = i;
            break;
        }
    char name[32];
    PGresult *r;
    if (idx == c->n && c->n < STMT_CACHE) {
        snprintf(name, sizeof name, "dyad%zu", idx);
        r = PQprepare(conn_of(s), name, tsql, 0, NULL);
        int ok = PQresultStatus(r) == PGRES_COMMAND_OK;
        PQclear(r);
        if (!ok) {
            free(tsql);
            return pg_fail(s, "prepare");
        }
        c->sql[c->n++] = tsql;
        tsql = NULL;
    }
    /* Parameters as text: integers exactly, doubles with 17 digits. */
    enum { MAXP = 64 };
    char nums[MAXP][32];
    const char *vals[MAXP];
    if (np > MAXP) {
        free(tsql);
        return store_fail(s, "postgresql: too many parameters");
    }
    for (size_t i = 0; i < np; i++) {
        switch (p[i].type) {
        case STORE_INT:
            snprintf(nums[i], sizeof nums[i], "%lld", p[i].i);
            vals[i] = nums[i];
            break;
        case STORE_REAL:
            snprintf(nums[i], sizeof nums[i], "%.17g", p[i].d);
            vals[i] = nums[i];
            break;
        case STORE_TEXT: vals[i] = p[i].s; break;
        default: vals[i] = NULL; break;
        }
    }
    if (idx < c->n) {
        snprintf(name, sizeof name, "dyad%zu", idx);
        r = PQexecPrepared(conn_of(s), name, (int)np, vals, NULL, NULL, 0);
    } else {   /* cache full: one-off */
        r = PQexecParams(conn_of(s), tsql, (int)np, NULL, vals, NULL, NULL, 0);
    }
    free(tsql);
    ExecStatusType st = PQresultStatus(r);
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
        PQclear(r);
        return pg_fail(s, "query");
    }
    if (!cur) {
        PQclear(r);
        return DYAD_OK;
    }
    store_cur *k = malloc(sizeof *k);
    if (!k) {
        PQclear(r);
        return DYAD_ENOMEM;
    }
    k->res = r;
    k->row = -1;
    k->nrows = PQntuples(r);
    *cur = k;
    return DYAD_OK;
}

static int pg_next(store_cur *c)
{
    if (c->row + 1 >= c->nrows) return 0;
    c->row++;
    return 1;
}

static int pg_is_null(store_cur *c, int col)
{
    return PQgetisnull(c->res, c->row, col);
}

static long long pg_col_int(store_cur *c, int col)
{
    const char *v = PQgetvalue(c->res, c->row, col);
    /* booleans come back as t/f */
    if (v[0] == 't' && !v[1]) return 1;
    return strtoll(v, NULL, 10);
}

static double pg_col_real(store_cur *c, int col)
{
    return strtod(PQgetvalue(c->res, c->row, col), NULL);
}

static const char *pg_col_text(store_cur *c, int col)
{
    const char *v = PQgetvalue(c->res, c->row, col);
    return v ? v : "";
}

static void pg_cur_free(store_cur *c)
{
    if (!c) return;
    PQclear(c->res);
    free(c);
}

static dyad_status pg_begin(store *s)
{
    char sql[96];
    snprintf(sql, sizeof sql, "BEGIN; SELECT pg_advisory_xact_lock(%d)",
             PG_WRITE_LOCK);
    return pg_exec_script(s, sql);
}

static dyad_status pg_commit(store *s)
{
    return pg_exec_script(s, "COMMIT");
}

static void pg_rollback(store *s)
{
    PGresult *r = PQexec(conn_of(s), "ROLLBACK");
    PQclear(r);
}

static const store_backend pg_backend = {
    pg_close, pg_exec_script, pg_query, pg_next, pg_is_null, pg_col_int,
    pg_col_real, pg_col_text, pg_cur_free, pg_begin, pg_commit, pg_rollback,
};

dyad_status store_pg_open(store *s, const char *url)
{
    s->be = &pg_backend;
    s->pg = 1;
    PGconn *conn = PQconnectdb(url);
    s->db = conn;
    if (!conn) return store_fail(s, "postgresql: out of memory");
    if (PQstatus(conn) != CONNECTION_OK) {
        pg_fail(s, "cannot connect");
        pg_close(s);
        return DYAD_EDB;
    }
    PQsetNoticeProcessor(conn, pg_quiet, NULL);
    s->priv = calloc(1, sizeof(pg_cache));
    if (!s->priv) {
        pg_close(s);
        return DYAD_ENOMEM;
    }
    /* Same text results as SQLite: UTF-8, shortest exact floats. */
    if (pg_exec_script(s, "SET client_encoding = 'UTF8';"
                          " SET extra_float_digits = 1;"
                          " SET client_min_messages = warning") != DYAD_OK) {
        pg_close(s);
        return DYAD_EDB;
    }
    return DYAD_OK;
}
