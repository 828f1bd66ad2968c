/* store.c — the storage stage shared by both databases: opening a target
 * (a path is SQLite, a postgresql:// URL is PostgreSQL), the versioned
 * schema and its migrations, storing one coded document per transaction
 * with the merge rule (docs/storage.md), and the query builder that turns
 * store_filter into bound SQL. No database library is used here. */
#include <ctype.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "store.h"

dyad_status store_fail(store *s, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(s->err, sizeof s->err, fmt, ap);
    va_end(ap);
    return DYAD_EDB;
}

const char *store_errmsg(const store *s) { return s ? s->err : ""; }
int store_is_pg(const store *s) { return s->pg; }
int store_schema_version(const store *s) { return s->version; }

/* ---- content hash: SHA-256 (FIPS 180-4) ---- */

typedef struct {
    uint32_t h[8];
    uint64_t len;
    unsigned char buf[64];
    size_t nbuf;
} sha256;

static const uint32_t sha_k[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1,
    0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
    0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
    0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
    0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
    0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
    0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
    0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
    0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

#define ROR(x, n) (((x) >> (n)) | ((x) << (32 - (n))))

static void sha_block(sha256 *c, const unsigned char *p)
{
    uint32_t w[64];
    for (int i = 0; i < 16; i++)
        w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 |
               (uint32_t)p[4 * i + 2] << 8 | p[4 * i + 3];
    for (int i = 16; i < 64; i++) {
        uint32_t s0 = ROR(w[i - 15], 7) ^ ROR(w[i - 15], 18) ^ (w[i - 15] >> 3);
        uint32_t s1 = ROR(w[i - 2], 17) ^ ROR(w[i - 2], 19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    uint32_t a = c->h[0], b = c->h[1], cc = c->h[2], d = c->h[3];
    uint32_t e = c->h[4], f = c->h[5], g = c->h[6], h = c->h[7];
    for (int i = 0; i < 64; i++) {
        uint32_t t1 = h + (ROR(e, 6) ^ ROR(e, 11) ^ ROR(e, 25)) +
                      ((e & f) ^ (~e & g)) + sha_k[i] + w[i];
        uint32_t t2 = (ROR(a, 2) ^ ROR(a, 13) ^ ROR(a, 22)) +
                      ((a & b) ^ (a & cc) ^ (b & cc));
        h = g;
        g = f;
        f = e;
        e = d + t1;
        d = cc;
        cc = b;
        b = a;
        a = t1 + t2;
    }
    c->h[0] += a;
    c->h[1] += b;
    c->h[2] += cc;
    c->h[3] += d;
    c->h[4] += e;
    c->h[5] += f;
    c->h[6] += g;
    c->h[7] += h;
}

static void sha_update(sha256 *c, const unsigned char *p, size_t n)
{
    c->len += n;
    if (!c->nbuf)   /* whole blocks straight from the input */
        for (; n >= 64; p += 64, n -= 64) sha_block(c, p);
    while (n) {
        size_t k = 64 - c->nbuf < n ? 64 - c->nbuf : n;
        memcpy(c->buf + c->nbuf, p, k);
        c->nbuf += k;
        p += k;
        n -= k;
        if (c->nbuf == 64) {
            sha_block(c, c->buf);
            c->nbuf = 0;
        }
    }
}

void store_doc_hash(const char *text, size_t len, char out[65])
{
    sha256 c = {{0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f,
                 0x9b05688c, 0x1f83d9ab, 0x5be0cd19}, 0, {0}, 0};
    if (text) sha_update(&c, (const unsigned char *)text, len);
    uint64_t bits = c.len * 8;
    unsigned char pad = 0x80, zero = 0, lenb[8];
    sha_update(&c, &pad, 1);
    while (c.nbuf != 56) sha_update(&c, &zero, 1);
    for (int i = 0; i < 8; i++) lenb[i] = (unsigned char)(bits >> (56 - 8 * i));
    sha_update(&c, lenb, 8);
    static const char hex[] = "0123456789abcdef";
    for (int i = 0; i < 64; i++)
        out[i] = hex[(c.h[i / 8] >> (28 - 4 * (i % 8))) & 15];
    out[64] = 0;
}

/* ---- dates ---- */

size_t store_date_norm(const char *in, char out[11])
{
    out[0] = 0;
    if (!in) return 0;
    size_t n = 0;
    static const char shape[] = "dddd-dd-dd";
    while (n < 10 && in[n]) {
        int ok = shape[n] == 'd' ? isdigit((unsigned char)in[n]) : in[n] == '-';
        if (!ok) break;
        n++;
    }
    /* Keep a whole component only: 4, 7 or 10 characters. */
    size_t keep = n >= 10 ? 10 : n >= 7 ? 7 : n >= 4 ? 4 : 0;
    /* "2024-6" or "2024-06-1" are not ISO: cut back to what is complete,
     * but a longer string must not continue with a digit ("20245"). */
    if (keep && isdigit((unsigned char)in[keep])) keep = 0;
    memcpy(out, in, keep);
    out[keep] = 0;
    return keep;
}

/* Two dates agree at their precision when the shorter is a prefix of the
 * longer ("2024-06" and "2024-06-19"); an empty date agrees only with an
 * empty one, so undated mentions never glue onto dated events. */
static int date_agree(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (!la || !lb) return la == lb;
    return strncmp(a, b, la < lb ? la : lb) == 0;
}

/* ---- schema and migrations ---- */

typedef struct {
    int version;
    const char *name;
    const char *sqlite, *pg;
} migration;

/* Column lists are the same in both dialects; only types differ. */
#define DOCS_COLS(INT, TXT) \
    "id " INT " PRIMARY KEY, hash " TXT " NOT NULL UNIQUE, " \
    "doc_key TEXT NOT NULL, url TEXT, title TEXT, " \
    "date " TXT " NOT NULL, lang TEXT, publisher TEXT, " \
    "source_name TEXT NOT NULL, file TEXT, doc_len " INT " NOT NULL, " \
    "n_mentions " INT " NOT NULL"
#define EVENTS_COLS(INT, TXT, DBL) \
    "id " INT " PRIMARY KEY, source_code " TXT " NOT NULL, " \
    "target_code " TXT " NOT NULL, cameo " TXT " NOT NULL, " \
    "date " TXT " NOT NULL, quad INTEGER NOT NULL, goldstein " DBL " NOT NULL, " \
    "cameo_name TEXT, plover TEXT, source_text TEXT, target_text TEXT, " \
    "loc_name TEXT, loc_country TEXT, lat " DBL ", lon " DBL ", " \
    "q_value " DBL ", q_unit TEXT, q_text TEXT, q_qualifier TEXT, " \
    "claimant_code TEXT, claimant_text TEXT, verification TEXT, " \
    "hedged INTEGER NOT NULL DEFAULT 0, first_mention " INT " NOT NULL, " \
    "n_mentions " INT " NOT NULL DEFAULT 0, " \
    "n_sources " INT " NOT NULL DEFAULT 0, " \
    "n_articles " INT " NOT NULL DEFAULT 0"
#define SENTENCES_COLS(INT) \
    "id " INT " PRIMARY KEY, doc_id " INT " NOT NULL, " \
    "sentence_index " INT " NOT NULL, sent_start " INT " NOT NULL, " \
    "sent_len " INT " NOT NULL, text TEXT NOT NULL"
#define MENTIONS_COLS(INT, TXT, DBL) \
    "id " INT " PRIMARY KEY, event_id " INT " NOT NULL, doc_id " INT " NOT NULL, " \
    "sentence_id " INT " NOT NULL, source_name " TXT " NOT NULL, " \
    "date " TXT " NOT NULL, trigger_text TEXT, " \
    "source_text TEXT, target_text TEXT, claimant_code " TXT ", " \
    "claimant_text TEXT, verification TEXT, hedged INTEGER NOT NULL, " \
    "q_value " DBL ", q_unit TEXT, q_text TEXT, q_qualifier TEXT, " \
    "loc_name TEXT, loc_country TEXT, lat " DBL ", lon " DBL
#define ACTORS_COLS(INT, TXT) \
    "code " TXT " NOT NULL, name TEXT NOT NULL, mentions " INT " NOT NULL, " \
    "PRIMARY KEY (code, name)"
/* Few indexes: every one is rewritten by every document's commit. Target,
 * code and claimant filters scan the (small) events table instead. */
#define INDEXES \
    "CREATE INDEX events_key ON events(source_code, target_code, cameo);" \
    "CREATE INDEX events_date ON events(date);" \
    "CREATE INDEX mentions_event ON mentions(event_id, source_name);" \
    "CREATE INDEX mentions_sentence ON mentions(sentence_id);"

#define SQ_INT "INTEGER"
#define SQ_TXT "TEXT"
#define SQ_DBL "REAL"
#define PG_INT "BIGINT"
#define PG_TXT "TEXT COLLATE \"C\""   /* byte order, as SQLite compares */
#define PG_DBL "DOUBLE PRECISION"

static const migration migrations[] = {
    {1, "initial schema",
     "CREATE TABLE documents (" DOCS_COLS(SQ_INT, SQ_TXT) ");"
     "CREATE TABLE events (" EVENTS_COLS(SQ_INT, SQ_TXT, SQ_DBL) ");"
     "CREATE TABLE sentences (" SENTENCES_COLS(SQ_INT) ");"
     "CREATE TABLE mentions (" MENTIONS_COLS(SQ_INT, SQ_TXT, SQ_DBL) ");"
     "CREATE TABLE actors (" ACTORS_COLS(SQ_INT, SQ_TXT) ");"
     INDEXES
     /* Full text over the reporting sentences; case folded, diacritics
      * kept, as PostgreSQL's 'simple' configuration does. */
     "CREATE VIRTUAL TABLE sentences_fts USING fts5(text,"
     " content='sentences', content_rowid='id',"
     " tokenize='unicode61 remove_diacritics 0');",

     "CREATE TABLE documents (" DOCS_COLS(PG_INT, PG_TXT) ");"
     "CREATE TABLE events (" EVENTS_COLS(PG_INT, PG_TXT, PG_DBL) ");"
     "CREATE TABLE sentences (" SENTENCES_COLS(PG_INT) ","
     " tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', text))"
     " STORED);"
     "CREATE TABLE mentions (" MENTIONS_COLS(PG_INT, PG_TXT, PG_DBL) ");"
     "CREATE TABLE actors (" ACTORS_COLS(PG_INT, PG_TXT) ");"
     INDEXES
     "CREATE INDEX sentences_tsv ON sentences USING gin(tsv);"},
};
#define NMIGRATIONS (sizeof migrations / sizeof migrations[0])

int store_schema_latest(void)
{
    return migrations[NMIGRATIONS - 1].version;
}

static dyad_status q1_int(store *s, const char *sql, const store_val *p,
                          size_t np, long long *out, int *found)
{
    store_cur *c = NULL;
    dyad_status rc = s->be->query(s, sql, p, np, &c);
    if (rc) return rc;
    int r = s->be->next(c);
    if (found) *found = r == 1;
    if (r == 1 && out) *out = s->be->is_null(c, 0) ? 0 : s->be->col_int(c, 0);
    s->be->cur_free(c);
    return r < 0 ? store_fail(s, "reading a row failed") : DYAD_OK;
}

/* Applies the migrations the database has not seen, all in one write
 * transaction (re-reading the version inside it) so that two processes
 * opening a new file do not race. */
static dyad_status store_migrate(store *s)
{
    /* Up to date (the usual case): no write lock, so that readers never
     * wait for a running ingest. A failure here only means "not yet". */
    long long cur = 0;
    if (q1_int(s, "SELECT max(version) FROM dyad_migrations", NULL, 0, &cur,
               NULL) == DYAD_OK && cur == store_schema_latest()) {
        s->version = (int)cur;
        return DYAD_OK;
    }
    s->err[0] = 0;
    dyad_status rc = s->be->begin(s);
    if (rc) return rc;
    rc = s->be->exec_script(s, "CREATE TABLE IF NOT EXISTS dyad_migrations"
                               " (version INTEGER PRIMARY KEY,"
                               " name TEXT NOT NULL)");
    long long have = 0;
    if (!rc)
        rc = q1_int(s, "SELECT max(version) FROM dyad_migrations", NULL, 0,
                    &have, NULL);
    if (!rc && have > store_schema_latest())
        rc = store_fail(s, "database schema version %lld is newer than this"
                           " dyad's (%d): upgrade dyad", have,
                        store_schema_latest());
    for (size_t i = 0; !rc && i < NMIGRATIONS; i++) {
        if (migrations[i].version <= have) continue;
        rc = s->be->exec_script(s, s->pg ? migrations[i].pg
                                         : migrations[i].sqlite);
        if (!rc) {
            store_val p[2] = {{STORE_INT, migrations[i].version, 0, NULL},
                              {STORE_TEXT, 0, 0, migrations[i].name}};
            rc = s->be->query(s, "INSERT INTO dyad_migrations (version, name)"
                                 " VALUES (?, ?)", p, 2, NULL);
        }
        if (!rc) have = migrations[i].version;
    }
    if (rc) {
        s->be->rollback(s);
        return rc;
    }
    s->version = (int)have;
    return s->be->commit(s);
}

dyad_status store_open(const char *target, store **out, char *err,
                       size_t errlen)
{
    *out = NULL;
    if (!target || !*target) {
        if (err && errlen) snprintf(err, errlen, "no database given");
        return DYAD_EUSAGE;
    }
    store *s = calloc(1, sizeof *s);
    if (!s) return DYAD_ENOMEM;
    dyad_status rc;
    if (strncmp(target, "postgresql://", 13) == 0 ||
        strncmp(target, "postgres://", 11) == 0)
        rc = store_pg_open(s, target);
    else
        rc = store_sqlite_open(s, target);
    if (!rc) rc = store_migrate(s);
    if (rc) {
        if (err && errlen)
            snprintf(err, errlen, "%s", s->err[0] ? s->err
                     : rc == DYAD_ENOMEM ? "out of memory" : "database error");
        if (s->be) s->be->close(s);
        free(s);
        return rc;
    }
    *out = s;
    return DYAD_OK;
}

static void cache_clear(store *s);
static void pend_reset(store *s);

void store_close(store *s)
{
    if (!s) return;
    if (s->in_batch) {   /* an unfinished batch is not committed */
        s->be->rollback(s);
        s->in_batch = 0;
    }
    cache_clear(s);
    pend_reset(s);
    free(s->pend);
    s->be->close(s);
    free(s);
}

/* ---- storing documents ---- */

static store_val vtext(const char *t)
{
    store_val v = {STORE_TEXT, 0, 0, t};
    return v;
}

static store_val vint(long long i)
{
    store_val v = {STORE_INT, i, 0, NULL};
    return v;
}

static store_val vreal(double d)
{
    store_val v = {STORE_REAL, 0, d, NULL};
    return v;
}

static store_val vnull(void)
{
    store_val v = {STORE_NULL, 0, 0, NULL};
    return v;
}

static const char *nz(const char *s) { return s ? s : ""; }

/* NULL for an absent or empty string. */
static store_val vopt(const char *t)
{
    return t && *t ? vtext(t) : vnull();
}

dyad_status store_doc_exists(store *s, const dyad_input *doc, char out[65],
                             int *exists)
{
    char mine[65], *hash = out ? out : mine;
    store_doc_hash(doc->text, doc->text ? doc->len : 0, hash);
    store_val p = vtext(hash);
    return q1_int(s, "SELECT 1 FROM documents WHERE hash = ?", &p, 1, NULL,
                  exists);
}

/* Who published it, for counting distinct sources: the publisher, else the
 * URL's host, else the input file, else the document itself. */
static void source_name(const dyad_input *d, char *out, size_t cap)
{
    if (d->publisher && *d->publisher) {
        snprintf(out, cap, "%s", d->publisher);
        return;
    }
    if (d->url && *d->url) {
        const char *h = strstr(d->url, "://");
        h = h ? h + 3 : d->url;
        size_t n = strcspn(h, "/?#:");
        if (n) {
            snprintf(out, cap, "%.*s", (int)(n < cap ? n : cap - 1), h);
            return;
        }
    }
    if (d->file && *d->file) {
        snprintf(out, cap, "%s", d->file);
        return;
    }
    snprintf(out, cap, "%s", d->id ? d->id : "");
}

/* ---- the merge cache ----
 * Merging asks, for every mention, which events share its source, target
 * and code. The answers are kept in memory per key and extended with the
 * events this process creates. They stay true while nobody else writes:
 * each transaction compares the database's highest event id with the
 * cache's and drops the cache when another writer has added events; a
 * rollback drops it too. */

typedef struct {
    long long id;
    char date[11];
    unsigned char srcs_known;   /* srcs is every source it has (ours) */
    const char **srcs;          /* interned source names known to report it */
    size_t nsrc, srccap;
} cache_ev;

typedef struct {
    char *key;             /* "SRC\x1fTGT\x1fCAMEO"; NULL: empty slot */
    cache_ev *ev;
    size_t n, cap;
} cache_slot;

struct store_evcache {
    cache_slot *slots;
    size_t cap, used, nev;
    long long max_event;   /* the highest event id the cache knows of */
    long long max_mention; /* and mention id: new mentions bring sources */
    char **names;          /* interned source names (open addressing) */
    size_t ncap, nused;
};

#define CACHE_MAX_EVENTS 4000000   /* beyond: drop and start again */

static void cache_clear(store *s)
{
    store_evcache *c = s->cache;
    if (!c) return;
    for (size_t i = 0; i < c->cap; i++) {
        free(c->slots[i].key);
        for (size_t j = 0; j < c->slots[i].n; j++) free(c->slots[i].ev[j].srcs);
        free(c->slots[i].ev);
    }
    for (size_t i = 0; i < c->ncap; i++) free(c->names[i]);
    free(c->names);
    free(c->slots);
    free(c);
    s->cache = NULL;
}

static uint64_t fnv1a(const char *k)
{
    uint64_t h = 1469598103934665603ULL;
    for (; *k; k++) h = (h ^ (unsigned char)*k) * 1099511628211ULL;
    return h;
}

/* The three string-keyed tables below (source names, event keys, pending
 * actors) share one open addressing: elements of sz bytes whose first
 * member is their key (char *, NULL: an empty slot). */
static char *str_key(const void *tab, size_t i, size_t sz)
{
    return *(char *const *)((const char *)tab + i * sz);
}

/* The table once it is 70% full rehashed into twice the slots (min when
 * empty), else tab itself; NULL on out-of-memory, tab then untouched. */
static void *str_grow(void *tab, size_t *cap, size_t used, size_t sz,
                      size_t min)
{
    if ((used + 1) * 10 < *cap * 7) return tab;
    size_t nc = *cap ? *cap * 2 : min;
    char *nt = calloc(nc, sz);
    if (!nt) return NULL;
    for (size_t i = 0; i < *cap; i++) {
        const char *k = str_key(tab, i, sz);
        if (!k) continue;
        size_t j = fnv1a(k) & (nc - 1);
        while (str_key(nt, j, sz)) j = (j + 1) & (nc - 1);
        memcpy(nt + j * sz, (const char *)tab + i * sz, sz);
    }
    free(tab);
    *cap = nc;
    return nt;
}

/* Index of key's slot, or of the empty slot where it belongs. */
static size_t str_find(const void *tab, size_t cap, size_t sz,
                       const char *key)
{
    size_t j = fnv1a(key) & (cap - 1);
    const char *k;
    while ((k = str_key(tab, j, sz)) && strcmp(k, key) != 0)
        j = (j + 1) & (cap - 1);
    return j;
}

/* One shared copy of a source name, so that events compare sources by
 * pointer; NULL on out-of-memory. */
static const char *cache_intern(store_evcache *c, const char *name)
{
    char **nn = str_grow(c->names, &c->ncap, c->nused, sizeof *nn, 256);
    if (!nn) return NULL;
    c->names = nn;
    size_t j = str_find(nn, c->ncap, sizeof *nn, name);
    if (!nn[j] && (nn[j] = strdup(name))) c->nused++;
    return nn[j];
}

/* The slot for key, created empty (*fresh = 1) when absent; NULL on
 * out-of-memory. */
static cache_slot *cache_slot_for(store *s, const char *key, int *fresh)
{
    store_evcache *c = s->cache;
    if (!c) {
        c = s->cache = calloc(1, sizeof *c);
        if (!c) return NULL;
    }
    cache_slot *ns = str_grow(c->slots, &c->cap, c->used, sizeof *ns, 1024);
    if (!ns) return NULL;
    c->slots = ns;
    size_t j = str_find(ns, c->cap, sizeof *ns, key);
    if (ns[j].key) {
        *fresh = 0;
        return &ns[j];
    }
    ns[j].key = strdup(key);
    if (!ns[j].key) return NULL;
    c->used++;
    *fresh = 1;
    return &ns[j];
}

/* known: the event is this process's own, so its sources are all known. */
static int cache_add(store *s, cache_slot *sl, long long id, const char *date,
                     int known)
{
    if (sl->n == sl->cap) {
        size_t nc = sl->cap ? sl->cap * 2 : 4;
        cache_ev *ne = realloc(sl->ev, nc * sizeof *ne);
        if (!ne) return -1;
        sl->ev = ne;
        sl->cap = nc;
    }
    cache_ev *e = &sl->ev[sl->n];
    memset(e, 0, sizeof *e);
    e->id = id;
    size_t dl = strnlen(date, sizeof e->date - 1);
    memcpy(e->date, date, dl);
    e->srcs_known = (unsigned char)known;
    sl->n++;
    s->cache->nev++;
    return 0;
}

/* 1 when no earlier mention of the cached event sl->ev[i] comes from
 * source name, 0 when one does, -1 on a database error, -2 out of memory. Notes the source either way:
 * the mention about to be stored has it. */
static int source_is_new(store *s, cache_slot *sl, size_t i, const char *name)
{
    const char *nm = cache_intern(s->cache, name);
    if (!nm) return -2;
    cache_ev *e = &sl->ev[i];
    for (size_t k = 0; k < e->nsrc; k++)
        if (e->srcs[k] == nm) return 0;
    int found = 0;
    if (!e->srcs_known) {   /* loaded from the database: ask it */
        store_val p[2] = {{STORE_INT, e->id, 0, NULL}, {STORE_TEXT, 0, 0, name}};
        if (q1_int(s, "SELECT 1 FROM mentions WHERE event_id = ? AND"
                      " source_name = ?", p, 2, NULL, &found))
            return -1;
    }
    if (e->nsrc == e->srccap) {
        size_t nc = e->srccap ? e->srccap * 2 : 2;
        const char **ns = realloc(e->srcs, nc * sizeof *ns);
        if (!ns) return -2;
        e->srcs = ns;
        e->srccap = nc;
    }
    e->srcs[e->nsrc++] = nm;
    return !found;
}

/* The merged event a mention joins: same source, target and code, a date
 * that agrees; an equal date wins, then the most precise, then the oldest.
 * *id = 0 when there is none, else it is (*slot)->ev[*idx]; *slot is where
 * a new event is to be noted. */
static dyad_status find_event(store *s, const char *src, const char *tgt,
                              const char *cameo, const char *date,
                              long long *id, cache_slot **slot, size_t *idx)
{
    char key[512];
    *id = 0;
    *slot = NULL;
    *idx = 0;
    size_t ls = strlen(src), lt = strlen(tgt), lc = strlen(cameo);
    if (ls + lt + lc + 3 > sizeof key) return store_fail(s, "actor code too long");
    memcpy(key, src, ls);
    key[ls] = 0x1f;
    memcpy(key + ls + 1, tgt, lt);
    key[ls + 1 + lt] = 0x1f;
    memcpy(key + ls + lt + 2, cameo, lc + 1);
    if (s->cache && s->cache->nev > CACHE_MAX_EVENTS) {
        long long keep = s->cache->max_event, keepm = s->cache->max_mention;
        cache_clear(s);
        s->cache = calloc(1, sizeof *s->cache);
        if (!s->cache) return DYAD_ENOMEM;
        s->cache->max_event = keep;
        s->cache->max_mention = keepm;
    }
    int fresh = 0;
    cache_slot *sl = cache_slot_for(s, key, &fresh);
    if (!sl) return DYAD_ENOMEM;
    if (fresh) {
        store_val p[3] = {vtext(src), vtext(tgt), vtext(cameo)};
        store_cur *c = NULL;
        dyad_status rc = s->be->query(s,
            "SELECT id, date FROM events WHERE source_code = ?"
            " AND target_code = ? AND cameo = ? ORDER BY id", p, 3, &c);
        if (rc) return rc;
        int r;
        while ((r = s->be->next(c)) == 1)
            if (cache_add(s, sl, s->be->col_int(c, 0), s->be->col_text(c, 1),
                          0)) {
                r = -2;
                break;
            }
        s->be->cur_free(c);
        if (r == -2) return DYAD_ENOMEM;
        if (r < 0) return store_fail(s, "reading candidates failed");
    }
    int best = -1;   /* 1000 for an equal date, else the date's length */
    size_t dl = strlen(date);
    for (size_t i = 0; i < sl->n; i++) {
        const char *d = sl->ev[i].date;
        if (!date_agree(d, date)) continue;
        size_t l = strlen(d);
        int score = l == dl && memcmp(d, date, l) == 0 ? 1000 : (int)l;
        if (score > best) {   /* ties keep the lower id: ids ascend */
            best = score;
            *id = sl->ev[i].id;
            *idx = i;
        }
    }
    *slot = sl;
    return DYAD_OK;
}

/* ---- what a transaction has yet to write ----
 * Within one write transaction nobody else writes, so the next ids are
 * read once; actor counts are summed in memory and written once per
 * (code, name); the full-text index is filled in one statement from the
 * sentences the transaction added. store_flush writes all of it just
 * before the commit; a rollback forgets it. */

typedef struct {
    char *key;           /* code \x1f name; NULL: empty slot */
    size_t codelen;
    long long n;
} pend_actor;

/* What the transaction adds to one merged event, written once at its end:
 * an INSERT for an event it created, else one UPDATE. Folding mention by
 * mention, in order, gives the same row as updating document by
 * document would. Strings are copies: the documents are gone by then. */
typedef struct {
    long long id;
    int is_new;                 /* created in this transaction */
    long long last_doc;         /* the last document that mentioned it */
    long long k, articles, new_sources;
    int verif;                  /* 0 none, 1 unverified, 2 corroborated */
    int hedged_all;
    int has_loc, has_coords, has_qty, has_claim;
    double lat, lon, q_value;
    char *loc_name, *loc_country, *q_unit, *q_text, *q_qualifier;
    char *claim_code, *claim_text;
    /* a new event's own columns */
    char *src, *tgt, *cameo, *date, *cameo_name, *plover, *src_text, *tgt_text;
    int quad;
    double goldstein;
    long long first_mention;
} pend_event;

struct store_pending {
    int ids_valid;
    long long next_doc, next_event, next_mention, next_sentence;
    long long fts_from;  /* first sentence id not yet in the FTS index */
    pend_actor *act;
    size_t acap, aused;
    pend_event *ev;      /* in the order they were first touched */
    size_t nev, evcap;
    size_t *evh;         /* open addressing: index + 1 into ev, 0 empty */
    size_t evhcap;
};

static void pend_event_free(pend_event *e)
{
    char *f[] = {e->loc_name, e->loc_country, e->q_unit, e->q_text,
                 e->q_qualifier, e->claim_code, e->claim_text, e->src, e->tgt,
                 e->cameo, e->date, e->cameo_name, e->plover, e->src_text,
                 e->tgt_text};
    for (size_t i = 0; i < sizeof f / sizeof f[0]; i++) free(f[i]);
}

static void pend_reset(store *s)
{
    store_pending *p = s->pend;
    if (!p) return;
    for (size_t i = 0; i < p->acap; i++) free(p->act[i].key);
    free(p->act);
    for (size_t i = 0; i < p->nev; i++) pend_event_free(&p->ev[i]);
    free(p->ev);
    free(p->evh);
    memset(p, 0, sizeof *p);
}

static size_t id_hash(long long id)
{
    return (size_t)(((uint64_t)id * 0x9e3779b97f4a7c15ULL) >> 17);
}

/* The pending record of event id, created zeroed (*fresh = 1) when absent;
 * NULL on out-of-memory. Pointers stay valid until the next call. */
static pend_event *pend_event_for(store_pending *p, long long id, int *fresh)
{
    if ((p->nev + 1) * 10 >= p->evhcap * 7) {
        size_t nc = p->evhcap ? p->evhcap * 2 : 256;
        size_t *nh = calloc(nc, sizeof *nh);
        if (!nh) return NULL;
        for (size_t i = 0; i < p->nev; i++) {
            size_t j = id_hash(p->ev[i].id) & (nc - 1);
            while (nh[j]) j = (j + 1) & (nc - 1);
            nh[j] = i + 1;
        }
        free(p->evh);
        p->evh = nh;
        p->evhcap = nc;
    }
    size_t j = id_hash(id) & (p->evhcap - 1);
    while (p->evh[j]) {
        if (p->ev[p->evh[j] - 1].id == id) {
            *fresh = 0;
            return &p->ev[p->evh[j] - 1];
        }
        j = (j + 1) & (p->evhcap - 1);
    }
    if (p->nev == p->evcap) {
        size_t nc = p->evcap ? p->evcap * 2 : 64;
        pend_event *ne = realloc(p->ev, nc * sizeof *ne);
        if (!ne) return NULL;
        p->ev = ne;
        p->evcap = nc;
    }
    pend_event *e = &p->ev[p->nev++];
    memset(e, 0, sizeof *e);
    e->id = id;
    e->hedged_all = 1;
    p->evh[j] = p->nev;
    *fresh = 1;
    return e;
}

/* strdup that keeps NULL; *bad is set when memory runs out. */
static char *dupz(const char *t, int *bad)
{
    if (!t) return NULL;
    char *d = strdup(t);
    if (!d) *bad = 1;
    return d;
}

static int note_actor(store *s, const char *code, const char *name)
{
    if (!code) code = "";
    if (!name) name = "";
    if (!*code && !*name) return 0;
    store_pending *p = s->pend;
    char key[768];
    size_t lc = strlen(code), ln = strlen(name);
    if (lc + ln + 2 > sizeof key) return 0;   /* absurd: not counted */
    memcpy(key, code, lc);
    key[lc] = 0x1f;
    memcpy(key + lc + 1, name, ln + 1);
    pend_actor *na = str_grow(p->act, &p->acap, p->aused, sizeof *na, 256);
    if (!na) return -1;
    p->act = na;
    size_t j = str_find(na, p->acap, sizeof *na, key);
    if (na[j].key) {
        na[j].n++;
        return 0;
    }
    na[j].key = strdup(key);
    if (!na[j].key) return -1;
    na[j].codelen = strlen(code);
    na[j].n = 1;
    p->aused++;
    return 0;
}

static const char *const verif_names[] = {"", "unverified", "corroborated"};

/* Writes one pending event: the whole row of an event this transaction
 * created, else its increments. In the UPDATE every right-hand side sees
 * the old row, so "the first report with a location" is one condition
 * per column. */
static dyad_status flush_event(store *s, const pend_event *e)
{
    store_val loc[4] = {
        e->has_loc ? vtext(e->loc_name) : vnull(), vopt(e->loc_country),
        e->has_coords ? vreal(e->lat) : vnull(),
        e->has_coords ? vreal(e->lon) : vnull()};
    store_val qty[4] = {
        e->has_qty ? vreal(e->q_value) : vnull(), vopt(e->q_unit),
        vopt(e->q_text), vopt(e->q_qualifier)};
    store_val cl[2] = {e->has_claim ? vtext(nz(e->claim_code)) : vnull(),
                       e->has_claim ? vtext(e->claim_text) : vnull()};
    if (e->is_new) {
        store_val v[27] = {
            vint(e->id), vtext(e->src), vtext(e->tgt), vtext(e->cameo),
            vtext(e->date), vint(e->quad), vreal(e->goldstein),
            vopt(e->cameo_name), vopt(e->plover), vopt(e->src_text),
            vopt(e->tgt_text), loc[0], loc[1], loc[2], loc[3], qty[0], qty[1],
            qty[2], qty[3], cl[0], cl[1], vopt(verif_names[e->verif]),
            vint(e->hedged_all), vint(e->first_mention), vint(e->k),
            vint(e->new_sources), vint(e->articles)};
        return s->be->query(s, "INSERT INTO events (id, source_code,"
            " target_code, cameo, date, quad, goldstein, cameo_name, plover,"
            " source_text, target_text, loc_name, loc_country, lat, lon,"
            " q_value, q_unit, q_text, q_qualifier, claimant_code,"
            " claimant_text, verification, hedged, first_mention, n_mentions,"
            " n_sources, n_articles) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,"
            "?,?,?,?,?,?,?,?,?,?,?)", v, 27, NULL);
    }
    store_val u[17] = {
        vint(e->k), vint(e->articles), vint(e->new_sources),
        vtext(verif_names[e->verif]), vtext(verif_names[e->verif]),
        vint(e->hedged_all), loc[0], loc[1], loc[2], loc[3], qty[0], qty[1],
        qty[2], qty[3], cl[0], cl[1], vint(e->id)};
    return s->be->query(s,
        "UPDATE events SET n_mentions = n_mentions + ?,"
        " n_articles = n_articles + ?, n_sources = n_sources + ?,"
        " verification = CASE WHEN verification = 'corroborated'"
        "  OR ? = 'corroborated' THEN 'corroborated'"
        "  WHEN verification = 'unverified' OR ? = 'unverified'"
        "  THEN 'unverified' ELSE NULL END,"
        " hedged = CASE WHEN hedged = 1 AND ? = 1 THEN 1 ELSE 0 END,"
        " loc_name = CASE WHEN loc_name IS NULL THEN ? ELSE loc_name END,"
        " loc_country = CASE WHEN loc_name IS NULL THEN ? ELSE loc_country END,"
        " lat = CASE WHEN loc_name IS NULL THEN ? ELSE lat END,"
        " lon = CASE WHEN loc_name IS NULL THEN ? ELSE lon END,"
        " q_value = CASE WHEN q_value IS NULL THEN ? ELSE q_value END,"
        " q_unit = CASE WHEN q_value IS NULL THEN ? ELSE q_unit END,"
        " q_text = CASE WHEN q_value IS NULL THEN ? ELSE q_text END,"
        " q_qualifier = CASE WHEN q_value IS NULL THEN ? ELSE q_qualifier END,"
        " claimant_code = CASE WHEN claimant_text IS NULL THEN ?"
        "  ELSE claimant_code END,"
        " claimant_text = CASE WHEN claimant_text IS NULL THEN ?"
        "  ELSE claimant_text END"
        " WHERE id = ?", u, 17, NULL);
}

/* Writes what the transaction has pending (see above). The full-text
 * index comes last: once FTS5 holds uncommitted rows, every further
 * statement of the transaction makes it flush them first. */
static dyad_status store_flush(store *s)
{
    store_pending *p = s->pend;
    dyad_status rc = DYAD_OK;
    if (!p || !p->ids_valid) return DYAD_OK;
    for (size_t i = 0; !rc && i < p->nev; i++) rc = flush_event(s, &p->ev[i]);
    if (!rc) {
        for (size_t i = 0; i < p->nev; i++) pend_event_free(&p->ev[i]);
        p->nev = 0;
        if (p->evh) memset(p->evh, 0, p->evhcap * sizeof *p->evh);
    }
    for (size_t i = 0; !rc && i < p->acap; i++) {
        pend_actor *a = &p->act[i];
        if (!a->key) continue;
        a->key[a->codelen] = 0;   /* split code \x1f name in place */
        store_val v[3] = {vtext(a->key), vtext(a->key + a->codelen + 1),
                          vint(a->n)};
        rc = s->be->query(s, "INSERT INTO actors (code, name, mentions)"
                             " VALUES (?, ?, ?) ON CONFLICT (code, name)"
                             " DO UPDATE SET mentions = actors.mentions"
                             " + excluded.mentions", v, 3, NULL);
        free(a->key);
        a->key = NULL;
    }
    if (!rc) p->aused = 0;
    if (!rc && !s->pg && p->next_sentence >= p->fts_from) {
        store_val v = vint(p->fts_from);
        rc = s->be->query(s, "INSERT INTO sentences_fts (rowid, text)"
                             " SELECT id, text FROM sentences WHERE id >= ?"
                             " ORDER BY id", &v, 1, NULL);
        if (!rc) p->fts_from = p->next_sentence + 1;
    }
    return rc;
}

/* The next ids, read once per transaction: max + 1 under the write lock,
 * not sequences, so that a transaction killed half-way leaves no gap and
 * a re-run gives the same rows. Also checks the merge cache. */
static dyad_status load_ids(store *s)
{
    store_pending *p = s->pend;
    if (p->ids_valid) return DYAD_OK;
    store_cur *c = NULL;
    dyad_status rc = s->be->query(s, "SELECT (SELECT max(id) FROM documents),"
                                     " (SELECT max(id) FROM events),"
                                     " (SELECT max(id) FROM mentions),"
                                     " (SELECT max(id) FROM sentences)",
                                  NULL, 0, &c);
    if (rc) return rc;
    if (s->be->next(c) == 1) {
        p->next_doc = s->be->col_int(c, 0);
        p->next_event = s->be->col_int(c, 1);
        p->next_mention = s->be->col_int(c, 2);
        p->next_sentence = s->be->col_int(c, 3);
        p->fts_from = p->next_sentence + 1;
        p->ids_valid = 1;
    } else {
        rc = store_fail(s, "reading ids failed");
    }
    s->be->cur_free(c);
    if (rc) return rc;
    /* Someone else added events since the cache last looked: forget it. */
    if (s->cache && (s->cache->max_event != p->next_event ||
                     s->cache->max_mention != p->next_mention))
        cache_clear(s);
    if (!s->cache) {
        s->cache = calloc(1, sizeof *s->cache);
        if (!s->cache) return DYAD_ENOMEM;
        s->cache->max_event = p->next_event;
        s->cache->max_mention = p->next_mention;
    }
    return DYAD_OK;
}

/* Ends a failed transaction: the database and every memory of it. */
static void store_abort(store *s)
{
    char keep[sizeof s->err];
    memcpy(keep, s->err, sizeof keep);
    s->be->rollback(s);
    s->in_batch = 0;
    cache_clear(s);       /* it may hold events that are gone */
    pend_reset(s);
    memcpy(s->err, keep, sizeof keep);
}

static dyad_status store_begin(store *s)
{
    if (!s->pend) {
        s->pend = calloc(1, sizeof *s->pend);
        if (!s->pend) return DYAD_ENOMEM;
    }
    pend_reset(s);
    return s->be->begin(s);
}

static dyad_status store_commit(store *s)
{
    dyad_status rc = store_flush(s);
    if (!rc) rc = s->be->commit(s);
    if (rc) {
        store_abort(s);
        return rc;
    }
    s->pend->ids_valid = 0;
    return DYAD_OK;
}

/* Copies at most cap-1 bytes of a possibly unterminated field. */
static void field(char *out, size_t cap, const char *in, size_t max)
{
    size_t n = in ? strnlen(in, max) : 0;
    if (n >= cap) n = cap - 1;
    memcpy(out, in ? in : "", n);
    out[n] = 0;
}


typedef struct {
    long long index, id;
} doc_sentence;

/* Everything store_put_doc tracks for one document. */
typedef struct {
    long long doc_id, next_event, next_mention, next_sentence;
    const char *srcname, *docdate, *text;
    size_t text_len;
    doc_sentence *sents;
    size_t nsents;
} doc_state;

/* The sentence row of a mention: one per sentence of a document, however
 * many events it reports. */
static dyad_status put_sentence(store *s, doc_state *st, const dyad_event *e,
                                long long *id)
{
    long long idx = (long long)e->sentence_index;
    for (size_t i = 0; i < st->nsents; i++)
        if (st->sents[i].index == idx) {
            *id = st->sents[i].id;
            return DYAD_OK;
        }
    /* The sentence, bounded by the text it points into. */
    size_t a = e->sent_start, n = e->sent_len, tl = st->text_len;
    if (!st->text || a > tl) a = n = 0;
    if (n > tl - a) n = tl - a;
    char *sentence = malloc(n + 1);
    if (!sentence) return DYAD_ENOMEM;
    if (n) memcpy(sentence, st->text + a, n);
    sentence[n] = 0;
    /* NUL bytes inside would cut the text short in SQL; keep it a string. */
    for (size_t i = 0; i < n; i++)
        if (!sentence[i]) sentence[i] = ' ';
    *id = ++st->next_sentence;
    store_val p[6] = {vint(*id), vint(st->doc_id), vint(idx),
                      vint((long long)a), vint((long long)n), vtext(sentence)};
    dyad_status rc = s->be->query(s, "INSERT INTO sentences (id, doc_id,"
                                     " sentence_index, sent_start, sent_len,"
                                     " text) VALUES (?,?,?,?,?,?)",
                                  p, 6, NULL);
    free(sentence);
    if (!rc) {
        st->sents[st->nsents].index = idx;
        st->sents[st->nsents++].id = *id;
    }
    return rc;
}

/* Folds one mention into its event's pending record (see pend_event). */
static dyad_status fold_mention(store *s, doc_state *st, pend_event *t,
                                cache_slot *slot, size_t idx,
                                const dyad_event *e)
{
    int bad = 0;
    if (t->last_doc != st->doc_id) {   /* its first mention in this document */
        t->last_doc = st->doc_id;
        t->articles++;
        int r = source_is_new(s, slot, idx, st->srcname);
        if (r < 0) return r == -2 ? DYAD_ENOMEM : DYAD_EDB;
        t->new_sources += r;
    }
    t->k++;
    const char *verif = e->verification ? e->verification : "";
    int v = !strcmp(verif, "corroborated") ? 2 : !strcmp(verif, "unverified");
    if (v > t->verif) t->verif = v;
    if (!e->hedged) t->hedged_all = 0;
    const dyad_location *lo = &e->location;
    if (!t->has_loc && lo->present && lo->name && *lo->name) {
        t->has_loc = 1;
        t->loc_name = dupz(lo->name, &bad);
        t->loc_country = dupz(lo->country, &bad);
        t->has_coords = lo->has_coords;
        t->lat = lo->lat;
        t->lon = lo->lon;
    }
    const dyad_quantity *qn = &e->quantity;
    if (!t->has_qty && qn->present) {
        t->has_qty = 1;
        t->q_value = qn->value;
        t->q_unit = dupz(qn->unit, &bad);
        t->q_text = dupz(qn->text, &bad);
        t->q_qualifier = dupz(qn->qualifier, &bad);
    }
    if (!t->has_claim && e->claimant.text) {
        t->has_claim = 1;
        t->claim_code = dupz(e->claimant.code, &bad);
        t->claim_text = dupz(e->claimant.text, &bad);
    }
    return bad ? DYAD_ENOMEM : DYAD_OK;
}

static dyad_status put_mention(store *s, doc_state *st, const dyad_event *e,
                               store_put_result *res)
{
    char cameo[5], mdate[11], edate[11], tmp[12];
    field(cameo, sizeof cameo, e->cameo, sizeof e->cameo);
    field(tmp, sizeof tmp, e->date, sizeof e->date);
    store_date_norm(tmp, mdate);
    /* Undated mentions take the publication date for merging, as GDELT
     * dates events by their articles. */
    memcpy(edate, mdate[0] ? mdate : st->docdate, sizeof edate);
    edate[10] = 0;
    const char *src = nz(e->source.code), *tgt = nz(e->target.code);

    long long ev = 0;
    cache_slot *slot = NULL;
    size_t idx = 0;
    dyad_status rc = find_event(s, src, tgt, cameo, edate, &ev, &slot, &idx);
    if (rc) return rc;
    long long mid = ++st->next_mention;
    int fresh = 0;
    pend_event *t;
    if (!ev) {
        ev = ++st->next_event;
        res->nnew_events++;
        if (cache_add(s, slot, ev, edate, 1)) return DYAD_ENOMEM;
        idx = slot->n - 1;
        t = pend_event_for(s->pend, ev, &fresh);
        if (!t) return DYAD_ENOMEM;
        int bad = 0;
        t->is_new = 1;
        t->src = dupz(src, &bad);
        t->tgt = dupz(tgt, &bad);
        t->cameo = dupz(cameo, &bad);
        t->date = dupz(edate, &bad);
        t->cameo_name = dupz(e->cameo_name, &bad);
        t->plover = dupz(e->plover, &bad);
        t->src_text = dupz(e->source.text, &bad);
        t->tgt_text = dupz(e->target.text, &bad);
        t->quad = e->quad;
        t->goldstein = e->goldstein;
        t->first_mention = mid;
        if (bad) return DYAD_ENOMEM;
    } else {
        t = pend_event_for(s->pend, ev, &fresh);
        if (!t) return DYAD_ENOMEM;
    }
    rc = fold_mention(s, st, t, slot, idx, e);
    if (rc) return rc;

    long long sid = 0;
    rc = put_sentence(s, st, e, &sid);
    if (rc) return rc;
    const dyad_quantity *qn = &e->quantity;
    const dyad_location *lo = &e->location;
    const char *claim_text = e->claimant.text;
    store_val m[21] = {
        vint(mid), vint(ev), vint(st->doc_id), vint(sid), vtext(st->srcname),
        vtext(mdate), vopt(e->trigger), vopt(e->source.text),
        vopt(e->target.text),
        claim_text ? vtext(nz(e->claimant.code)) : vnull(), vopt(claim_text),
        vopt(e->verification), vint(e->hedged ? 1 : 0),
        qn->present ? vreal(qn->value) : vnull(),
        qn->present ? vopt(qn->unit) : vnull(),
        qn->present ? vopt(qn->text) : vnull(),
        qn->present ? vopt(qn->qualifier) : vnull(),
        lo->present ? vopt(lo->name) : vnull(),
        lo->present ? vopt(lo->country) : vnull(),
        lo->present && lo->has_coords ? vreal(lo->lat) : vnull(),
        lo->present && lo->has_coords ? vreal(lo->lon) : vnull(),
    };
    rc = s->be->query(s, "INSERT INTO mentions (id, event_id, doc_id,"
                         " sentence_id, source_name, date, trigger_text,"
                         " source_text, target_text, claimant_code,"
                         " claimant_text, verification, hedged, q_value,"
                         " q_unit, q_text, q_qualifier, loc_name, loc_country,"
                         " lat, lon) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,"
                         "?,?,?,?,?,?)", m, 21, NULL);
    if (rc) return rc;
    if (note_actor(s, e->source.code, e->source.text) ||
        note_actor(s, e->target.code, e->target.text) ||
        (claim_text && note_actor(s, e->claimant.code, claim_text)))
        return DYAD_ENOMEM;
    res->nmentions++;
    return DYAD_OK;
}

dyad_status store_put_doc(store *s, const dyad_input *doc, const char *given,
                          const char *text,
                          size_t text_len, const char *lang,
                          const dyad_event *ev, size_t n,
                          store_put_result *res)
{
    store_put_result dummy;
    if (!res) res = &dummy;
    memset(res, 0, sizeof *res);
    if (!doc || (n && !ev)) return DYAD_EUSAGE;
    char hash[65], docdate[11], srcname[512];
    if (given && strlen(given) == 64) memcpy(hash, given, 65);
    else store_doc_hash(doc->text, doc->text ? doc->len : 0, hash);
    store_date_norm(doc->date, docdate);
    source_name(doc, srcname, sizeof srcname);

    doc_state st;
    memset(&st, 0, sizeof st);
    st.srcname = srcname;
    st.docdate = docdate;
    st.text = text;
    st.text_len = text ? text_len : 0;
    size_t m = n ? n : 1;
    st.sents = malloc(m * sizeof *st.sents);
    dyad_status rc = DYAD_OK;
    if (!st.sents) rc = DYAD_ENOMEM;
    if (!rc && !s->in_batch) rc = store_begin(s);
    if (rc) {
        free(st.sents);
        return rc;
    }
    /* Checked again inside the transaction: another writer may have
     * stored the same text since the caller asked. */
    store_val hp = vtext(hash);
    int found = 0;
    long long old_id = 0;
    rc = q1_int(s, "SELECT id FROM documents WHERE hash = ?", &hp, 1,
                &old_id, &found);
    if (!rc && found) {
        res->skipped = 1;
        res->doc_id = old_id;
        if (!s->in_batch) {
            s->be->rollback(s);
            pend_reset(s);
        }
        free(st.sents);
        return DYAD_OK;
    }
    if (!rc) rc = load_ids(s);
    if (!rc) {
        store_pending *p = s->pend;
        st.doc_id = p->next_doc + 1;
        st.next_event = p->next_event;
        st.next_mention = p->next_mention;
        st.next_sentence = p->next_sentence;
        const char *l = lang && *lang ? lang : doc->lang;
        store_val v[12] = {vint(st.doc_id), vtext(hash), vtext(nz(doc->id)),
                           vopt(doc->url), vopt(doc->title), vtext(docdate),
                           vopt(l), vopt(doc->publisher), vtext(srcname),
                           vopt(doc->file), vint((long long)doc->len),
                           vint((long long)n)};
        rc = s->be->query(s, "INSERT INTO documents (id, hash, doc_key, url,"
                             " title, date, lang, publisher, source_name,"
                             " file, doc_len, n_mentions)"
                             " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", v, 12, NULL);
    }
    for (size_t i = 0; !rc && i < n; i++)
        rc = put_mention(s, &st, &ev[i], res);
    free(st.sents);
    if (!rc) {
        store_pending *p = s->pend;
        p->next_doc = st.doc_id;
        p->next_event = st.next_event;
        p->next_mention = st.next_mention;
        p->next_sentence = st.next_sentence;
        s->cache->max_event = st.next_event;
        s->cache->max_mention = st.next_mention;
        if (!s->in_batch) rc = store_commit(s);   /* aborts on failure */
        if (rc) {
            res->nmentions = res->nnew_events = 0;
            return rc;
        }
    } else {
        store_abort(s);   /* in a batch: the whole batch */
        res->nmentions = res->nnew_events = 0;
        return rc;
    }
    res->doc_id = st.doc_id;
    return DYAD_OK;
}

dyad_status store_batch_begin(store *s)
{
    if (s->in_batch) return DYAD_OK;
    dyad_status rc = store_begin(s);
    if (!rc) s->in_batch = 1;
    return rc;
}

dyad_status store_batch_commit(store *s)
{
    if (!s->in_batch) return DYAD_OK;
    s->in_batch = 0;
    return store_commit(s);
}

int store_in_batch(const store *s) { return s->in_batch; }

/* ---- queries ---- */

#define QMAX 4096
#define PMAX 40

typedef struct {
    char sql[QMAX];
    size_t len;
    int overflow;
    store_val p[PMAX];
    size_t np;
    char strs[12][256];   /* derived parameters (upper bounds, fts terms) */
    size_t nstrs;
} qbuf;

static void qadd(qbuf *q, const char *s)
{
    size_t n = strlen(s);
    if (q->len + n >= QMAX) {
        q->overflow = 1;
        return;
    }
    memcpy(q->sql + q->len, s, n + 1);
    q->len += n;
}

static void qparam(qbuf *q, store_val v)
{
    if (q->np < PMAX) q->p[q->np++] = v;
    else q->overflow = 1;
}

static char *qstr(qbuf *q)
{
    if (q->nstrs >= 12) {
        q->overflow = 1;
        return q->strs[11];
    }
    return q->strs[q->nstrs++];
}

/* col starts with prefix: a range on the index where the prefix allows. */
static void qprefix(qbuf *q, const char *col, const char *prefix)
{
    size_t n = strlen(prefix);
    unsigned char last = n ? (unsigned char)prefix[n - 1] : 0;
    char b[160];
    if (n && n < 255 && last >= 0x20 && last < 0x7e) {
        char *up = qstr(q);
        snprintf(up, 256, "%s", prefix);
        up[n - 1] = (char)(last + 1);
        snprintf(b, sizeof b, "(%s >= ? AND %s < ?)", col, col);
        qadd(q, b);
        qparam(q, vtext(prefix));
        qparam(q, vtext(up));
    } else {
        snprintf(b, sizeof b, "substr(%s, 1, ?) = ?", col);
        qadd(q, b);
        qparam(q, vint((long long)n));
        qparam(q, vtext(prefix));
    }
}

/* Full-text words as an FTS5 MATCH string or a to_tsquery string: letters,
 * digits and non-ASCII bytes make words, anything else separates them, and
 * a '*' right after a word makes it a prefix. 0 when there is no word. */
static int fts_query(const char *in, int pg, char *out, size_t cap)
{
    size_t o = 0;
    int nw = 0;
    const unsigned char *p = (const unsigned char *)in;
    out[0] = 0;
    while (*p) {
        while (*p && !(isalnum(*p) || *p >= 0x80)) p++;
        if (!*p) break;
        const unsigned char *w = p;
        while (*p && (isalnum(*p) || *p >= 0x80)) p++;
        int prefix = *p == '*';
        int k = snprintf(out + o, cap - o, pg ? "%s%.*s%s" : "%s\"%.*s\"%s",
                         nw ? (pg ? " & " : " ") : "", (int)(p - w),
                         (const char *)w, prefix ? (pg ? ":*" : "*") : "");
        if (k < 0 || (size_t)k >= cap - o) return 0;
        o += (size_t)k;
        nw++;
    }
    return nw;
}

static void qwhere(qbuf *q, store *s, const store_filter *f)
{
    qadd(q, " WHERE 1 = 1");
    if (!f) return;
    if (f->source && *f->source) {
        qadd(q, " AND ");
        qprefix(q, "e.source_code", f->source);
    }
    if (f->target && *f->target) {
        qadd(q, " AND ");
        qprefix(q, "e.target_code", f->target);
    }
    if (f->actor && *f->actor) {
        qadd(q, " AND (");
        qprefix(q, "e.source_code", f->actor);
        qadd(q, " OR ");
        qprefix(q, "e.target_code", f->actor);
        qadd(q, ")");
    }
    if (f->code && *f->code) {
        qadd(q, " AND ");
        qprefix(q, "e.cameo", f->code);
    }
    if (f->quad) {
        qadd(q, " AND e.quad = ?");
        qparam(q, vint(f->quad));
    }
    if (f->since && *f->since) {
        qadd(q, " AND e.date >= ?");
        qparam(q, vtext(f->since));
    }
    if (f->until && *f->until) {
        /* inclusive at the bound's precision: until 2024-06 keeps June */
        qadd(q, " AND e.date <> '' AND substr(e.date, 1, ?) <= ?");
        qparam(q, vint((long long)strlen(f->until)));
        qparam(q, vtext(f->until));
    }
    if (f->text && *f->text) {
        char *t = qstr(q);
        if (!fts_query(f->text, s->pg, t, 256)) {
            qadd(q, " AND 1 = 0");
        } else {
            qadd(q, s->pg ? " AND e.id IN (SELECT mt.event_id FROM mentions mt"
                            " WHERE mt.sentence_id IN (SELECT st.id FROM"
                            " sentences st WHERE st.tsv @@"
                            " to_tsquery('simple', ?)))"
                          : " AND e.id IN (SELECT mt.event_id FROM mentions mt"
                            " WHERE mt.sentence_id IN (SELECT rowid FROM"
                            " sentences_fts WHERE sentences_fts MATCH ?))");
            qparam(q, vtext(t));
        }
    }
    if (f->claimant && *f->claimant) {
        qadd(q, " AND e.id IN (SELECT mc.event_id FROM mentions mc WHERE ");
        qprefix(q, "mc.claimant_code", f->claimant);
        qadd(q, s->pg ? " OR strpos(mc.claimant_text, ?) > 0)"
                      : " OR instr(mc.claimant_text, ?) > 0)");
        qparam(q, vtext(f->claimant));
    }
    if (f->unverified)
        qadd(q, " AND e.id IN (SELECT mu.event_id FROM mentions mu"
                " WHERE mu.verification = 'unverified')");
}

/* Runs select, the filter's WHERE, order and LIMIT: the event and the
 * mention listings differ only in their columns and order. */
static dyad_status query_filtered(store *s, const store_filter *f,
                                  const char *select, const char *order,
                                  store_cur **c)
{
    qbuf *q = calloc(1, sizeof *q);
    if (!q) return DYAD_ENOMEM;
    qadd(q, select);
    qwhere(q, s, f);
    qadd(q, order);
    if (f && f->limit > 0) {
        qadd(q, " LIMIT ?");
        qparam(q, vint(f->limit));
    }
    if (q->overflow) {
        free(q);
        return store_fail(s, "query too long");
    }
    dyad_status rc = s->be->query(s, q->sql, q->p, q->np, c);
    free(q);
    return rc;
}

dyad_status store_query_events(store *s, const store_filter *f,
                               int (*cb)(const store_event_row *, void *),
                               void *ud)
{
    store_cur *c = NULL;
    dyad_status rc = query_filtered(s, f,
        "SELECT e.id, e.date, e.source_code, e.source_text, e.target_code,"
        " e.target_text, e.cameo, e.cameo_name, e.plover, e.quad,"
        " e.goldstein, e.loc_name, e.loc_country, e.lat, e.lon,"
        " e.q_value, e.q_unit, e.q_text, e.q_qualifier, e.claimant_code,"
        " e.claimant_text, e.verification, e.hedged, d.doc_key,"
        " fs.text, d.url, d.date, fs.sentence_index, e.n_mentions,"
        " e.n_sources, e.n_articles"
        " FROM events e JOIN mentions m ON m.id = e.first_mention"
        " JOIN sentences fs ON fs.id = m.sentence_id"
        " JOIN documents d ON d.id = m.doc_id",
        " ORDER BY e.date, e.id", &c);
    if (rc) return rc;
    const store_backend *b = s->be;
    int r;
    while ((r = b->next(c)) == 1) {
        store_event_row e;
        memset(&e, 0, sizeof e);
        e.id = b->col_int(c, 0);
        e.date = b->col_text(c, 1);
        e.source_code = b->col_text(c, 2);
        e.source_text = b->col_text(c, 3);
        e.target_code = b->col_text(c, 4);
        e.target_text = b->col_text(c, 5);
        e.cameo = b->col_text(c, 6);
        e.cameo_name = b->col_text(c, 7);
        e.plover = b->col_text(c, 8);
        e.quad = (int)b->col_int(c, 9);
        e.goldstein = b->col_real(c, 10);
        e.has_loc = !b->is_null(c, 11);
        e.loc_name = b->col_text(c, 11);
        e.loc_country = b->col_text(c, 12);
        e.has_coords = !b->is_null(c, 13) && !b->is_null(c, 14);
        e.lat = e.has_coords ? b->col_real(c, 13) : 0;
        e.lon = e.has_coords ? b->col_real(c, 14) : 0;
        e.has_quantity = !b->is_null(c, 15);
        e.q_value = e.has_quantity ? b->col_real(c, 15) : 0;
        e.q_unit = b->col_text(c, 16);
        e.q_text = b->col_text(c, 17);
        e.q_qualifier = b->col_text(c, 18);
        e.claimant_code = b->col_text(c, 19);
        e.claimant_text = b->col_text(c, 20);
        e.verification = b->col_text(c, 21);
        e.hedged = (int)b->col_int(c, 22);
        e.doc = b->col_text(c, 23);
        e.sentence = b->col_text(c, 24);
        e.url = b->col_text(c, 25);
        e.doc_date = b->col_text(c, 26);
        e.sentence_index = b->col_int(c, 27);
        e.n_mentions = b->col_int(c, 28);
        e.n_sources = b->col_int(c, 29);
        e.n_articles = b->col_int(c, 30);
        if (cb(&e, ud)) break;
    }
    b->cur_free(c);
    return r < 0 ? store_fail(s, "reading events failed") : DYAD_OK;
}

dyad_status store_query_mentions(store *s, const store_filter *f,
                                 int (*cb)(const store_mention_row *, void *),
                                 void *ud)
{
    store_cur *c = NULL;
    dyad_status rc = query_filtered(s, f,
        "SELECT mm.id, mm.event_id, d.doc_key, d.url, d.source_name,"
        " d.date, d.lang, d.doc_len, ms.sentence_index, ms.sent_start,"
        " ms.sent_len, ms.text, mm.date, mm.trigger_text,"
        " mm.claimant_code, mm.claimant_text, mm.verification, mm.hedged,"
        " mm.q_value, mm.q_unit, mm.q_text, mm.q_qualifier, fd.date"
        " FROM mentions mm JOIN events e ON e.id = mm.event_id"
        " JOIN documents d ON d.id = mm.doc_id"
        " JOIN sentences ms ON ms.id = mm.sentence_id"
        " JOIN mentions fm ON fm.id = e.first_mention"
        " JOIN documents fd ON fd.id = fm.doc_id",
        " ORDER BY mm.event_id, mm.id", &c);
    if (rc) return rc;
    const store_backend *b = s->be;
    int r;
    while ((r = b->next(c)) == 1) {
        store_mention_row m;
        memset(&m, 0, sizeof m);
        m.id = b->col_int(c, 0);
        m.event_id = b->col_int(c, 1);
        m.doc = b->col_text(c, 2);
        m.url = b->col_text(c, 3);
        m.source_name = b->col_text(c, 4);
        m.doc_date = b->col_text(c, 5);
        m.lang = b->col_text(c, 6);
        m.doc_len = b->col_int(c, 7);
        m.sentence_index = b->col_int(c, 8);
        m.sent_start = b->col_int(c, 9);
        m.sent_len = b->col_int(c, 10);
        m.sentence = b->col_text(c, 11);
        m.date = b->col_text(c, 12);
        m.trigger = b->col_text(c, 13);
        m.claimant_code = b->col_text(c, 14);
        m.claimant_text = b->col_text(c, 15);
        m.verification = b->col_text(c, 16);
        m.hedged = (int)b->col_int(c, 17);
        m.has_quantity = !b->is_null(c, 18);
        m.q_value = m.has_quantity ? b->col_real(c, 18) : 0;
        m.q_unit = b->col_text(c, 19);
        m.q_text = b->col_text(c, 20);
        m.q_qualifier = b->col_text(c, 21);
        m.event_doc_date = b->col_text(c, 22);
        if (cb(&m, ud)) break;
    }
    b->cur_free(c);
    return r < 0 ? store_fail(s, "reading mentions failed") : DYAD_OK;
}

dyad_status store_count(store *s, store_counts *out)
{
    memset(out, 0, sizeof *out);
    store_cur *c = NULL;
    dyad_status rc = s->be->query(s,
        "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM events),"
        " (SELECT count(*) FROM mentions), (SELECT count(*) FROM actors),"
        " (SELECT count(*) FROM sentences)",
        NULL, 0, &c);
    if (rc) return rc;
    if (s->be->next(c) == 1) {
        out->documents = s->be->col_int(c, 0);
        out->events = s->be->col_int(c, 1);
        out->mentions = s->be->col_int(c, 2);
        out->actors = s->be->col_int(c, 3);
        out->sentences = s->be->col_int(c, 4);
    } else {
        rc = store_fail(s, "counting failed");
    }
    s->be->cur_free(c);
    if (!rc && !s->pg) {
        long long n = 0;
        rc = q1_int(s, "SELECT count(*) FROM sentences_fts", NULL, 0, &n, NULL);
        out->sentences_fts = n;
    } else {
        out->sentences_fts = out->sentences;
    }
    return rc;
}
