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
    uint32_t w[64], a[8];
    for (int i = 0; i < 16; i++)
        w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 |
               (uint32_t)p[4 * i + 2] << 8 | p[4 * i + 3];
    for (int i = 16; i < 64; i++) {
        uint32_t s0 = ROR(w[i - 15], 7) ^ ROR(w[i - 15], 18) ^ (w[i - 15] >> 3);
        uint32_t s1 = ROR(w[i - 2], 17) ^ ROR(w[i - 2], 19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    memcpy(a, c->h, sizeof a);
    for (int i = 0; i < 64; i++) {
        uint32_t S1 = ROR(a[4], 6) ^ ROR(a[4], 11) ^ ROR(a[4], 25);
        uint32_t ch = (a[4] & a[5]) ^ (~a[4] & a[6]);
        uint32_t t1 = a[7] + S1 + ch + sha_k[i] + w[i];
        uint32_t S0 = ROR(a[0], 2) ^ ROR(a[0], 13) ^ ROR(a[0], 22);
        uint32_t mj = (a[0] & a[1]) ^ (a[0] & a[2]) ^ (a[1] & a[2]);
        uint32_t t2 = S0 + mj;
        memmove(a + 1, a, 7 * sizeof a[0]);
        a[4] += t1;
        a[0] = t1 + t2;
    }
    for (int i = 0; i < 8; i++) c->h[i] += a[i];
}

static void sha_update(sha256 *c, const unsigned char *p, size_t n)
{
    c->len += n;
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
    for (int i = 0; i < 8; i++)
        snprintf(out + 8 * i, 9, "%08x", (unsigned)c.h[i]);
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
#define MENTIONS_COLS(INT, TXT, DBL) \
    "id " INT " PRIMARY KEY, event_id " INT " NOT NULL, doc_id " INT " NOT NULL, " \
    "source_name " TXT " NOT NULL, sentence_index " INT " NOT NULL, " \
    "sent_start " INT " NOT NULL, sent_len " INT " NOT NULL, " \
    "sentence TEXT NOT NULL, date " TXT " NOT NULL, trigger_text TEXT, " \
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
    "CREATE INDEX mentions_doc ON mentions(doc_id);"

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
     "CREATE TABLE mentions (" MENTIONS_COLS(SQ_INT, SQ_TXT, SQ_DBL) ");"
     "CREATE TABLE actors (" ACTORS_COLS(SQ_INT, SQ_TXT) ");"
     INDEXES
     /* Full text over the mention sentences; case folded, diacritics
      * kept, as PostgreSQL's 'simple' configuration does. */
     "CREATE VIRTUAL TABLE mentions_fts USING fts5(sentence,"
     " content='mentions', content_rowid='id',"
     " tokenize='unicode61 remove_diacritics 0');",

     "CREATE TABLE documents (" DOCS_COLS(PG_INT, PG_TXT) ");"
     "CREATE TABLE events (" EVENTS_COLS(PG_INT, PG_TXT, PG_DBL) ");"
     "CREATE TABLE mentions (" MENTIONS_COLS(PG_INT, PG_TXT, PG_DBL) ","
     " tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', sentence))"
     " STORED);"
     "CREATE TABLE actors (" ACTORS_COLS(PG_INT, PG_TXT) ");"
     INDEXES
     "CREATE INDEX mentions_tsv ON mentions USING gin(tsv);"},
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

void store_close(store *s)
{
    if (!s) return;
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

/* NULL for an absent or empty string. */
static store_val vopt(const char *t)
{
    return t && *t ? vtext(t) : vnull();
}

dyad_status store_doc_exists(store *s, const dyad_input *doc, int *exists)
{
    char hash[65];
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

/* The merged event a mention joins: same source, target and code, a date
 * that agrees; an equal date wins, then the most precise, then the oldest.
 * *id = 0 when there is none. */
static dyad_status find_event(store *s, const char *src, const char *tgt,
                              const char *cameo, const char *date,
                              long long *id)
{
    store_val p[8] = {vtext(src), vtext(tgt), vtext(cameo), vtext(date),
                      vtext(date), vtext(date), vtext(date), vtext(date)};
    store_cur *c = NULL;
    dyad_status rc = s->be->query(s,
        "SELECT id, date FROM events WHERE source_code = ? AND target_code = ?"
        " AND cameo = ? AND (date = ? OR (date <> '' AND ? <> '' AND"
        " (substr(?, 1, length(date)) = date"
        " OR substr(date, 1, length(?)) = ?))) ORDER BY id", p, 8, &c);
    if (rc) return rc;
    *id = 0;
    int best = -1, r;   /* best: 1000 for equal, else the date's length */
    while ((r = s->be->next(c)) == 1) {
        const char *d = s->be->col_text(c, 1);
        if (!date_agree(d, date)) continue;
        int score = strcmp(d, date) == 0 ? 1000 : (int)strlen(d);
        if (score > best) {
            best = score;
            *id = s->be->col_int(c, 0);
        }
    }
    s->be->cur_free(c);
    return r < 0 ? store_fail(s, "reading candidates failed") : DYAD_OK;
}

/* Actor names seen in one document, counted before they are written: one
 * upsert per distinct (code, name) instead of one per mention. */
typedef struct {
    const char *code, *name;
    long long n;
} actor_seen;

static void note_actor(actor_seen *a, size_t *na, const char *code,
                       const char *name)
{
    if (!code) code = "";
    if (!name) name = "";
    if (!*code && !*name) return;
    for (size_t i = 0; i < *na; i++)
        if (!strcmp(a[i].code, code) && !strcmp(a[i].name, name)) {
            a[i].n++;
            return;
        }
    a[*na].code = code;
    a[*na].name = name;
    a[(*na)++].n = 1;
}

static dyad_status put_actors(store *s, const actor_seen *a, size_t na)
{
    dyad_status rc = DYAD_OK;
    for (size_t i = 0; !rc && i < na; i++) {
        store_val p[3] = {vtext(a[i].code), vtext(a[i].name), vint(a[i].n)};
        rc = s->be->query(s, "INSERT INTO actors (code, name, mentions)"
                             " VALUES (?, ?, ?) ON CONFLICT (code, name)"
                             " DO UPDATE SET mentions = actors.mentions"
                             " + excluded.mentions", p, 3, NULL);
    }
    return rc;
}

/* Copies at most cap-1 bytes of a possibly unterminated field. */
static void field(char *out, size_t cap, const char *in, size_t max)
{
    size_t n = in ? strnlen(in, max) : 0;
    if (n >= cap) n = cap - 1;
    memcpy(out, in ? in : "", n);
    out[n] = 0;
}

static const char *nz(const char *s) { return s ? s : ""; }

static dyad_status put_mention(store *s, long long doc_id, const char *srcname,
                               const char *docdate, const char *text,
                               size_t text_len, const dyad_event *e,
                               long long *next_event, long long *next_mention,
                               long long *seen, size_t *nseen,
                               actor_seen *actors, size_t *nactors,
                               store_put_result *res)
{
    char cameo[5], mdate[11], edate[11];
    field(cameo, sizeof cameo, e->cameo, sizeof e->cameo);
    char tmp[12];
    field(tmp, sizeof tmp, e->date, sizeof e->date);
    store_date_norm(tmp, mdate);
    /* Undated mentions take the publication date for merging, as GDELT
     * dates events by their articles. */
    snprintf(edate, sizeof edate, "%s", mdate[0] ? mdate : docdate);
    const char *src = nz(e->source.code), *tgt = nz(e->target.code);

    long long ev = 0;
    dyad_status rc = find_event(s, src, tgt, cameo, edate, &ev);
    if (rc) return rc;
    long long mid = ++*next_mention;
    if (!ev) {
        ev = ++*next_event;
        res->nnew_events++;
        store_val p[11] = {vint(ev), vtext(src), vtext(tgt), vtext(cameo),
                           vtext(edate), vint(e->quad), vreal(e->goldstein),
                           vopt(e->cameo_name), vopt(e->plover),
                           vopt(e->source.text), vopt(e->target.text)};
        store_val all[12];
        memcpy(all, p, sizeof p);
        all[11] = vint(mid);
        rc = s->be->query(s, "INSERT INTO events (id, source_code,"
                             " target_code, cameo, date, quad, goldstein,"
                             " cameo_name, plover, source_text, target_text,"
                             " first_mention) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                          all, 12, NULL);
        if (rc) return rc;
    }

    /* Counts: every mention counts; the article once per event and
     * document; the source once per event and publisher. */
    int first_in_doc = 1;
    for (size_t i = 0; i < *nseen; i++)
        if (seen[i] == ev) first_in_doc = 0;
    long long new_source = 0;
    if (first_in_doc) {
        seen[(*nseen)++] = ev;
        store_val p[2] = {vint(ev), vtext(srcname)};
        int found = 0;
        rc = q1_int(s, "SELECT 1 FROM mentions WHERE event_id = ? AND"
                       " source_name = ?", p, 2, NULL, &found);
        if (rc) return rc;
        new_source = !found;
    }

    /* The sentence, bounded by the text it points into. */
    size_t st = e->sent_start, sl = e->sent_len;
    if (!text || st > text_len) st = sl = 0;
    if (sl > text_len - st) sl = text_len - st;
    char *sentence = malloc(sl + 1);
    if (!sentence) return DYAD_ENOMEM;
    if (sl) memcpy(sentence, text + st, sl);
    sentence[sl] = 0;
    /* NUL bytes inside would cut the text short in SQL; keep it a string. */
    for (size_t i = 0; i < sl; i++)
        if (!sentence[i]) sentence[i] = ' ';

    const dyad_quantity *qn = &e->quantity;
    const dyad_location *lo = &e->location;
    const char *claim_text = e->claimant.text;
    const char *verif = e->verification ? e->verification : "";
    int hedged = e->hedged ? 1 : 0;
    store_val m[24] = {
        vint(mid), vint(ev), vint(doc_id), vtext(srcname),
        vint((long long)e->sentence_index), vint((long long)st),
        vint((long long)sl), vtext(sentence), vtext(mdate), vopt(e->trigger),
        vopt(e->source.text), vopt(e->target.text),
        claim_text ? vtext(nz(e->claimant.code)) : vnull(), vopt(claim_text),
        vopt(e->verification), vint(hedged),
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
                         " source_name, sentence_index, sent_start, sent_len,"
                         " sentence, date, trigger_text, source_text,"
                         " target_text, claimant_code, claimant_text,"
                         " verification, hedged, q_value, q_unit, q_text,"
                         " q_qualifier, loc_name, loc_country, lat, lon)"
                         " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,"
                         "?,?,?,?)", m, 24, NULL);
    if (!rc && !s->pg) {
        store_val f[2] = {vint(mid), vtext(sentence)};
        rc = s->be->query(s, "INSERT INTO mentions_fts (rowid, sentence)"
                             " VALUES (?, ?)", f, 2, NULL);
    }
    free(sentence);
    if (rc) return rc;

    /* Fold the mention into its event. Every right-hand side sees the old
     * row, so "first mention with a location" is one condition each. */
    int has_loc = lo->present && lo->name && *lo->name;
    store_val u[17] = {
        vint(first_in_doc), vint(new_source), vtext(verif), vtext(verif),
        vint(hedged), vint(hedged),
        has_loc ? vtext(lo->name) : vnull(),
        has_loc ? vopt(lo->country) : vnull(),
        has_loc && lo->has_coords ? vreal(lo->lat) : vnull(),
        has_loc && lo->has_coords ? vreal(lo->lon) : vnull(),
        qn->present ? vreal(qn->value) : vnull(),
        qn->present ? vopt(qn->unit) : vnull(),
        qn->present ? vopt(qn->text) : vnull(),
        qn->present ? vopt(qn->qualifier) : vnull(),
        claim_text ? vtext(nz(e->claimant.code)) : vnull(), vopt(claim_text),
        vint(ev),
    };
    rc = s->be->query(s,
        "UPDATE events SET n_mentions = n_mentions + 1,"
        " n_articles = n_articles + ?, n_sources = n_sources + ?,"
        " verification = CASE WHEN verification = 'corroborated'"
        "  OR ? = 'corroborated' THEN 'corroborated'"
        "  WHEN verification = 'unverified' OR ? = 'unverified'"
        "  THEN 'unverified' ELSE NULL END,"
        " hedged = CASE WHEN n_mentions = 0 THEN ?"
        "  WHEN hedged = 1 AND ? = 1 THEN 1 ELSE 0 END,"
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
    if (rc) return rc;

    note_actor(actors, nactors, e->source.code, e->source.text);
    note_actor(actors, nactors, e->target.code, e->target.text);
    if (claim_text) note_actor(actors, nactors, e->claimant.code, claim_text);
    res->nmentions++;
    return DYAD_OK;
}

dyad_status store_put_doc(store *s, const dyad_input *doc, const char *text,
                          size_t text_len, const char *lang,
                          const dyad_event *ev, size_t n,
                          store_put_result *res)
{
    store_put_result dummy;
    if (!res) res = &dummy;
    memset(res, 0, sizeof *res);
    if (!doc || (n && !ev)) return DYAD_EUSAGE;
    char hash[65], docdate[11], srcname[512];
    store_doc_hash(doc->text, doc->text ? doc->len : 0, hash);
    store_date_norm(doc->date, docdate);
    source_name(doc, srcname, sizeof srcname);

    long long *seen = malloc((n ? n : 1) * sizeof *seen);
    actor_seen *actors = malloc((n ? 3 * n : 1) * sizeof *actors);
    if (!seen || !actors) {
        free(seen);
        free(actors);
        return DYAD_ENOMEM;
    }
    size_t nseen = 0, nactors = 0;

    dyad_status rc = s->in_batch ? DYAD_OK : s->be->begin(s);
    if (rc) {
        free(seen);
        free(actors);
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
        if (!s->in_batch) s->be->rollback(s);
        free(seen);
        free(actors);
        return DYAD_OK;
    }
    /* Ids are max + 1 under the write lock, not sequences: a transaction
     * killed half-way leaves no gap, so a re-run gives the same rows. */
    long long next_doc = 0, next_event = 0, next_mention = 0;
    store_cur *c = NULL;
    if (!rc)
        rc = s->be->query(s, "SELECT (SELECT max(id) FROM documents),"
                             " (SELECT max(id) FROM events),"
                             " (SELECT max(id) FROM mentions)", NULL, 0, &c);
    if (!rc) {
        if (s->be->next(c) == 1) {
            next_doc = s->be->col_int(c, 0);
            next_event = s->be->col_int(c, 1);
            next_mention = s->be->col_int(c, 2);
        } else {
            rc = store_fail(s, "reading ids failed");
        }
        s->be->cur_free(c);
    }
    long long doc_id = next_doc + 1;
    if (!rc) {
        const char *l = lang && *lang ? lang : doc->lang;
        store_val p[12] = {vint(doc_id), vtext(hash), vtext(nz(doc->id)),
                           vopt(doc->url), vopt(doc->title), vtext(docdate),
                           vopt(l), vopt(doc->publisher), vtext(srcname),
                           vopt(doc->file), vint((long long)doc->len),
                           vint((long long)n)};
        rc = s->be->query(s, "INSERT INTO documents (id, hash, doc_key, url,"
                             " title, date, lang, publisher, source_name,"
                             " file, doc_len, n_mentions)"
                             " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", p, 12, NULL);
    }
    for (size_t i = 0; !rc && i < n; i++)
        rc = put_mention(s, doc_id, srcname, docdate, text, text_len, &ev[i],
                         &next_event, &next_mention, seen, &nseen, actors,
                         &nactors, res);
    if (!rc) rc = put_actors(s, actors, nactors);
    free(seen);
    free(actors);
    if (!rc && !s->in_batch) rc = s->be->commit(s);
    if (rc) {
        char keep[sizeof s->err];
        memcpy(keep, s->err, sizeof keep);
        s->be->rollback(s);   /* in a batch: the whole batch */
        s->in_batch = 0;
        memcpy(s->err, keep, sizeof keep);
        res->nmentions = res->nnew_events = 0;
        return rc;
    }
    res->doc_id = doc_id;
    return DYAD_OK;
}

dyad_status store_batch_begin(store *s)
{
    if (s->in_batch) return DYAD_OK;
    dyad_status rc = s->be->begin(s);
    if (!rc) s->in_batch = 1;
    return rc;
}

dyad_status store_batch_commit(store *s)
{
    if (!s->in_batch) return DYAD_OK;
    s->in_batch = 0;
    dyad_status rc = s->be->commit(s);
    if (rc) {
        char keep[sizeof s->err];
        memcpy(keep, s->err, sizeof keep);
        s->be->rollback(s);
        memcpy(s->err, keep, sizeof keep);
    }
    return rc;
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
                            " WHERE mt.tsv @@ to_tsquery('simple', ?))"
                          : " AND e.id IN (SELECT mt.event_id FROM mentions mt"
                            " WHERE mt.id IN (SELECT rowid FROM mentions_fts"
                            " WHERE mentions_fts MATCH ?))");
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

static void qlimit(qbuf *q, const store_filter *f)
{
    if (f && f->limit > 0) {
        qadd(q, " LIMIT ?");
        qparam(q, vint(f->limit));
    }
}

dyad_status store_query_events(store *s, const store_filter *f,
                               int (*cb)(const store_event_row *, void *),
                               void *ud)
{
    qbuf *q = calloc(1, sizeof *q);
    if (!q) return DYAD_ENOMEM;
    qadd(q, "SELECT e.id, e.date, e.source_code, e.source_text, e.target_code,"
            " e.target_text, e.cameo, e.cameo_name, e.plover, e.quad,"
            " e.goldstein, e.loc_name, e.loc_country, e.lat, e.lon,"
            " e.q_value, e.q_unit, e.q_text, e.q_qualifier, e.claimant_code,"
            " e.claimant_text, e.verification, e.hedged, d.doc_key,"
            " m.sentence, d.url, d.date, m.sentence_index, e.n_mentions,"
            " e.n_sources, e.n_articles"
            " FROM events e JOIN mentions m ON m.id = e.first_mention"
            " JOIN documents d ON d.id = m.doc_id");
    qwhere(q, s, f);
    qadd(q, " ORDER BY e.date, e.id");
    qlimit(q, f);
    if (q->overflow) {
        free(q);
        return store_fail(s, "query too long");
    }
    store_cur *c = NULL;
    dyad_status rc = s->be->query(s, q->sql, q->p, q->np, &c);
    free(q);
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
    qbuf *q = calloc(1, sizeof *q);
    if (!q) return DYAD_ENOMEM;
    qadd(q, "SELECT mm.id, mm.event_id, d.doc_key, d.url, d.source_name,"
            " d.date, d.lang, d.doc_len, mm.sentence_index, mm.sent_start,"
            " mm.sent_len, mm.sentence, mm.date, mm.trigger_text,"
            " mm.claimant_code, mm.claimant_text, mm.verification, mm.hedged,"
            " mm.q_value, mm.q_unit, mm.q_text, mm.q_qualifier, fd.date"
            " FROM mentions mm JOIN events e ON e.id = mm.event_id"
            " JOIN documents d ON d.id = mm.doc_id"
            " JOIN mentions fm ON fm.id = e.first_mention"
            " JOIN documents fd ON fd.id = fm.doc_id");
    qwhere(q, s, f);
    qadd(q, " ORDER BY mm.event_id, mm.id");
    qlimit(q, f);
    if (q->overflow) {
        free(q);
        return store_fail(s, "query too long");
    }
    store_cur *c = NULL;
    dyad_status rc = s->be->query(s, q->sql, q->p, q->np, &c);
    free(q);
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
        " (SELECT count(*) FROM mentions), (SELECT count(*) FROM actors)",
        NULL, 0, &c);
    if (rc) return rc;
    if (s->be->next(c) == 1) {
        out->documents = s->be->col_int(c, 0);
        out->events = s->be->col_int(c, 1);
        out->mentions = s->be->col_int(c, 2);
        out->actors = s->be->col_int(c, 3);
    } else {
        rc = store_fail(s, "counting failed");
    }
    s->be->cur_free(c);
    if (!rc && !s->pg) {
        long long n = 0;
        rc = q1_int(s, "SELECT count(*) FROM mentions_fts", NULL, 0, &n, NULL);
        out->sentences_fts = n;
    } else {
        out->sentences_fts = out->mentions;
    }
    return rc;
}
