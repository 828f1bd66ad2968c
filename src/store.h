/* store.h — internal interface of the storage stage: coded documents into a
 * SQLite file or a PostgreSQL server, merged events out again.
 *
 * store.c holds everything both databases share (schema and migrations,
 * the merge rule, the query builder); store_sqlite.c and store_pg.c are the
 * only files that see a database library, behind the small backend table
 * below. Every SQL statement is written once with `?` placeholders and
 * bound parameters only; store_pg.c renumbers them to $1, $2, ... */
#ifndef DYAD_STORE_H
#define DYAD_STORE_H

#include <stddef.h>
#include "dyad.h"

typedef struct store store;
typedef struct store_evcache store_evcache;
typedef struct store_pending store_pending;

/* ---- public to the CLI ---- */

/* target: a file path (SQLite, created if absent) or a postgresql:// or
 * postgres:// URL. Applies pending migrations. On error, err says why. */
dyad_status store_open(const char *target, store **out, char *err,
                       size_t errlen);
void store_close(store *s);
const char *store_errmsg(const store *s);   /* last database error */
int store_is_pg(const store *s);
int store_schema_version(const store *s);   /* after open */
int store_schema_latest(void);              /* what this dyad writes */

/* Content hash of a document (hex SHA-256 of its text), 65 bytes. */
void store_doc_hash(const char *text, size_t len, char out[65]);
/* *exists = 1 when a document with this text is already stored. hash (if
 * non-NULL) receives the content hash, to hand on to store_put_doc. */
dyad_status store_doc_exists(store *s, const dyad_input *doc, char hash[65],
                             int *exists);

typedef struct {
    int skipped;          /* the document was already stored: nothing done */
    long long doc_id;     /* its row id */
    size_t nmentions;     /* mentions stored */
    size_t nnew_events;   /* of which started a new merged event */
} store_put_result;

/* Stores one document and its events in one transaction; a document already
 * stored (same content hash) is skipped. hash is its store_doc_hash, or
 * NULL to compute it here. text/text_len is the text the events' sentence
 * spans point into (dyad_doc_text; the input text when the caller has
 * nothing else), lang the detected language or NULL. */
dyad_status store_put_doc(store *s, const dyad_input *doc, const char *hash,
                          const char *text,
                          size_t text_len, const char *lang,
                          const dyad_event *ev, size_t n,
                          store_put_result *res);

/* Groups the following store_put_doc calls into one transaction until
 * store_batch_commit, so that a bulk load pays for one commit per batch
 * rather than per document. A document is still never split: it is in
 * the batch whole or not at all, and any error rolls the batch back. */
dyad_status store_batch_begin(store *s);
dyad_status store_batch_commit(store *s);
int store_in_batch(const store *s);

/* Filters of `dyad query`, `stats` and `export`; NULL / 0 means no filter.
 * Actor and code filters are prefixes ("PRK" matches PRKGOV). */
typedef struct {
    const char *source, *target;
    const char *actor;      /* either side */
    const char *code;       /* CAMEO prefix: "07", "072" */
    int quad;               /* 1-4 */
    const char *since, *until;  /* ISO dates at any precision, inclusive */
    const char *text;       /* full-text words over the mention sentences;
                               a trailing '*' makes a word a prefix */
    const char *claimant;   /* claimant code prefix or a substring of its
                               text (case-sensitive) */
    int unverified;         /* some mention says it cannot be verified */
    long long limit;        /* 0: all */
} store_filter;

/* One merged event as queries return it: the attributes of its first
 * mention (location, quantity, claimant: the first mention that has one)
 * plus its counts. Strings are never NULL ("" when absent). */
typedef struct {
    long long id;
    const char *date;                      /* merge date (see docs) */
    const char *source_code, *source_text, *target_code, *target_text;
    const char *cameo, *cameo_name, *plover;
    int quad;
    double goldstein;
    const char *loc_name, *loc_country;
    int has_loc, has_coords;
    double lat, lon;
    int has_quantity;
    double q_value;
    const char *q_unit, *q_text, *q_qualifier;
    const char *claimant_code, *claimant_text;
    const char *verification;              /* "", "unverified", "corroborated" */
    int hedged;                            /* every mention hedged */
    const char *doc, *sentence, *url;      /* first mention */
    const char *doc_date;                  /* its publication date */
    long long sentence_index;
    long long n_mentions, n_sources, n_articles;
} store_event_row;

/* One mention (one sentence of one document reporting an event). */
typedef struct {
    long long id, event_id;
    const char *doc, *url, *source_name, *doc_date, *lang;
    long long doc_len, sentence_index, sent_start, sent_len;
    const char *sentence, *date, *trigger;
    const char *claimant_code, *claimant_text, *verification;
    int hedged, has_quantity;
    double q_value;
    const char *q_unit, *q_text, *q_qualifier;
    const char *event_doc_date;           /* first report of its event */
} store_mention_row;

/* Calls cb for each matching event, ordered by date then id; cb returns
 * nonzero to stop. Row strings live until cb returns. */
dyad_status store_query_events(store *s, const store_filter *f,
                               int (*cb)(const store_event_row *, void *),
                               void *ud);
/* Mentions of the events that match f, ordered by event then mention. */
dyad_status store_query_mentions(store *s, const store_filter *f,
                                 int (*cb)(const store_mention_row *, void *),
                                 void *ud);

typedef struct {
    long long documents, events, mentions, actors, sentences, sentences_fts;
} store_counts;
dyad_status store_count(store *s, store_counts *c);

/* Parses an ISO date at any precision (YYYY, YYYY-MM, YYYY-MM-DD, or a
 * longer timestamp starting with one) into out (11 bytes); "" if invalid.
 * Returns the length written. */
size_t store_date_norm(const char *in, char out[11]);

/* ---- backend table: implemented by store_sqlite.c and store_pg.c ---- */

typedef struct store_cur store_cur;

enum { STORE_NULL, STORE_INT, STORE_REAL, STORE_TEXT };
typedef struct {
    int type;
    long long i;
    double d;
    const char *s;
} store_val;

typedef struct {
    void (*close)(store *s);
    /* Runs sql (possibly several statements, no parameters). */
    dyad_status (*exec_script)(store *s, const char *sql);
    /* Runs one statement with parameters; *cur (if cur non-NULL) iterates
     * its rows and must be freed. */
    dyad_status (*query)(store *s, const char *sql, const store_val *p,
                         size_t np, store_cur **cur);
    int (*next)(store_cur *c);          /* 1 row, 0 done, -1 error */
    int (*is_null)(store_cur *c, int col);
    long long (*col_int)(store_cur *c, int col);
    double (*col_real)(store_cur *c, int col);
    const char *(*col_text)(store_cur *c, int col);   /* never NULL */
    void (*cur_free)(store_cur *c);
    /* Write transaction that excludes other writers. */
    dyad_status (*begin)(store *s);
    dyad_status (*commit)(store *s);
    void (*rollback)(store *s);
} store_backend;

struct store {
    const store_backend *be;
    void *db;                 /* sqlite3 * or PGconn * */
    void *priv;               /* backend's statement cache */
    int pg;                   /* dialect: 1 PostgreSQL, 0 SQLite */
    int version;              /* schema version after open */
    int in_batch;             /* inside store_batch_begin */
    store_evcache *cache;     /* merge candidates (store.c) */
    store_pending *pend;      /* the open transaction's ids and counts */
    char err[512];
};

dyad_status store_sqlite_open(store *s, const char *path);
dyad_status store_pg_open(store *s, const char *url);

/* Sets s->err from a printf format; returns DYAD_EDB. */
dyad_status store_fail(store *s, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

#endif
