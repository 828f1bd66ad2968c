/* cmd_store.c — `dyad ingest|query|stats|export`: code inputs into a store
 * (src/store.h: a SQLite file or a postgresql:// URL), then read merged
 * events back as a table, JSON Lines, CSV, time series, or the GDELT 2.0
 * Events and Mentions column layouts. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <jansson.h>
#include "dyad.h"
#include "cli.h"
#include "store.h"

#define DEFAULT_DB "dyad.db"

/* ---- options shared by query, stats and export ---- */

enum { FMT_TABLE, FMT_JSONL, FMT_CSV, FMT_GDELT_EVENTS, FMT_GDELT_MENTIONS };

typedef struct {
    const char *db;
    store_filter f;
    int format;             /* -1: pick by isatty(stdout) */
    const char *by;         /* stats: day, week, month */
    int top;                /* stats: top dyads */
    int header;             /* export gdelt-*: print the column names */
    char dyad_src[64], dyad_tgt[64];
} opts;

static const char filter_help[] =
"  --db TARGET         SQLite file (default " DEFAULT_DB ", or $DYAD_DB) or\n"
"                      postgresql://user@host/db URL\n"
"  --source CODE       source actor code prefix (PRK matches PRKGOV)\n"
"  --target CODE       target actor code prefix\n"
"  --dyad A-B          source A, target B (prefixes)\n"
"  --actor CODE        either side\n"
"  --code C            CAMEO code prefix: 07 or 072\n"
"  --quad N            QuadClass 1-4\n"
"  --since DATE        event date on or after (YYYY, YYYY-MM, YYYY-MM-DD)\n"
"  --until DATE        event date on or before, at DATE's precision\n"
"  --text WORDS        all words in a reporting sentence (word* = prefix)\n"
"  --claimant X        claimed by code prefix X or by a name containing X\n"
"  --unverified        some report says it cannot be verified\n"
"  --limit N           at most N rows\n";

static int bad_usage(const char *cmd, const char *msg, const char *arg,
                     const char *usage)
{
    fprintf(stderr, "dyad %s: %s%s%s\n%s", cmd, msg, arg ? " " : "",
            arg ? arg : "", usage);
    return 2;
}

static int parse_format(const char *v, int allow_gdelt)
{
    if (!strcmp(v, "table")) return FMT_TABLE;
    if (!strcmp(v, "jsonl") || !strcmp(v, "json")) return FMT_JSONL;
    if (!strcmp(v, "csv")) return FMT_CSV;
    if (allow_gdelt && !strcmp(v, "gdelt-events")) return FMT_GDELT_EVENTS;
    if (allow_gdelt && !strcmp(v, "gdelt-mentions")) return FMT_GDELT_MENTIONS;
    return -2;
}

/* Parses the options of query/stats/export. Returns -1 to go on, else an
 * exit status (0 after --help). */
static int parse_opts(int argc, char **argv, const char *cmd,
                      const char *usage, opts *o, int allow_gdelt)
{
    memset(o, 0, sizeof *o);
    o->format = -1;
    o->db = getenv("DYAD_DB");
    if (!o->db || !*o->db) o->db = DEFAULT_DB;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            fputs(usage, stdout);
            return 0;
        }
        if (!strcmp(a, "--unverified")) { o->f.unverified = 1; continue; }
        if (!strcmp(a, "--header")) { o->header = 1; continue; }
        if (a[0] != '-') return bad_usage(cmd, "unexpected argument", a, usage);
        if (!v) return bad_usage(cmd, "needs a value:", a, usage);
        i++;
        if (!strcmp(a, "--db")) o->db = v;
        else if (!strcmp(a, "--source")) o->f.source = v;
        else if (!strcmp(a, "--target")) o->f.target = v;
        else if (!strcmp(a, "--actor")) o->f.actor = v;
        else if (!strcmp(a, "--code")) o->f.code = v;
        else if (!strcmp(a, "--since")) o->f.since = v;
        else if (!strcmp(a, "--until")) o->f.until = v;
        else if (!strcmp(a, "--text")) o->f.text = v;
        else if (!strcmp(a, "--claimant")) o->f.claimant = v;
        else if (!strcmp(a, "--by")) o->by = v;
        else if (!strcmp(a, "--top")) o->top = atoi(v);
        else if (!strcmp(a, "--limit")) o->f.limit = atoll(v);
        else if (!strcmp(a, "--quad")) {
            o->f.quad = atoi(v);
            if (o->f.quad < 1 || o->f.quad > 4)
                return bad_usage(cmd, "--quad takes 1-4, not", v, usage);
        } else if (!strcmp(a, "--dyad")) {
            const char *dash = strchr(v, '-');
            if (!dash || dash == v || !dash[1] || dash - v >= 63 ||
                strlen(dash + 1) >= 63)
                return bad_usage(cmd, "--dyad takes SOURCE-TARGET, not", v,
                                 usage);
            snprintf(o->dyad_src, sizeof o->dyad_src, "%.*s", (int)(dash - v), v);
            snprintf(o->dyad_tgt, sizeof o->dyad_tgt, "%s", dash + 1);
            o->f.source = o->dyad_src;
            o->f.target = o->dyad_tgt;
        } else if (!strcmp(a, "--format")) {
            o->format = parse_format(v, allow_gdelt);
            if (o->format < 0) return bad_usage(cmd, "unknown format", v, usage);
        } else {
            return bad_usage(cmd, "unknown option", a, usage);
        }
    }
    if (o->format < 0) o->format = isatty(1) ? FMT_TABLE : FMT_JSONL;
    return -1;
}

static store *open_db(const char *cmd, const char *db)
{
    store *s = NULL;
    char err[600];
    /* Only ingest creates a database: a mistyped --db must not read as
     * an empty one. */
    if (strcmp(cmd, "ingest") != 0 && strncmp(db, "postgres", 8) != 0 &&
        access(db, F_OK) != 0) {
        fprintf(stderr, "dyad %s: %s: no such database (create it with "
                        "`dyad ingest --db %s FILE...`)\n", cmd, db, db);
        return NULL;
    }
    if (store_open(db, &s, err, sizeof err) != DYAD_OK) {
        fprintf(stderr, "dyad %s: %s: %s\n", cmd, db, err);
        return NULL;
    }
    return s;
}

/* ---- ingest ---- */

static const char ingest_usage[] =
"usage: dyad ingest [OPTIONS] [FILE...]\n"
"\n"
"Codes documents (as `dyad code` reads them) and stores them with their\n"
"events; a document is stored whole or not at all (transactions commit\n"
"at least every two seconds). A document already stored (same text) is\n"
"skipped without coding, so an interrupted run can simply be restarted.\n"
"\n"
"options:\n"
"  --db TARGET         SQLite file (default " DEFAULT_DB ", or $DYAD_DB) or\n"
"                      postgresql://user@host/db URL\n"
"  --lang de|en        language of plain-text input (default: detected)\n"
"  --date YYYY-MM-DD   publication date of plain-text input\n"
"  --id ID             document id of a single plain-text input\n"
"  --format F          input format: auto (default), text, jsonl, html, warc\n"
"  --lexicons DIR      lexicon folder\n"
"  -j, --jobs N        documents coded at once (default: one per processor)\n"
"  --max-bytes N       per-document size limit (default 100000000)\n"
"  --quiet             no progress line and no summary\n"
"  -h, --help          this help\n"
"\n"
"Exit status: 0 when every document was read and stored, 1 when some could\n"
"not be read, 2 on a usage, lexicon or database error.\n";

static double now_s(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

typedef struct {
    size_t read, stored, skipped, unusable, mentions, new_events;
    double bytes;
} ingest_counts;

static void progress(const ingest_counts *k, double t0, int final)
{
    double dt = now_s() - t0;
    fprintf(stderr, "\r\033[Kdyad ingest: %zu read, %zu stored, %zu already "
                    "stored, %zu mentions, %.0f docs/s, %.2f MB/s%s",
            k->read, k->stored, k->skipped, k->mentions,
            dt > 0 ? (double)k->read / dt : 0.0,
            dt > 0 ? k->bytes / dt / 1e6 : 0.0, final ? "\n" : "");
}

/* Reading, coding and storing overlap: the main thread reads and hashes,
 * --jobs coder threads code (the engine is shareable), one thread stores,
 * in input order (so row ids are the same on every run and with any
 * number of coders). A job owns a copy of its input and the coded
 * document. */
typedef struct {
    dyad_input in;
    char *buf;
    dyad_doc *d;
    char hash[65];
    int coded;           /* a coder is done with it */
    dyad_status rc;      /* of coding */
} ingest_job;

#define QUEUE 64
#define MAX_JOBS 16

typedef struct {
    pthread_mutex_t mu;
    pthread_cond_t not_full;     /* the reader waits for a free slot */
    pthread_cond_t work;         /* coders wait for a job to code */
    pthread_cond_t done;         /* the store thread waits for the head */
    ingest_job q[QUEUE];
    unsigned long long head, tail, next_code;   /* job numbers; slot % QUEUE */
    int closed;          /* no more jobs */
    int failed;          /* the store thread hit a database error */
    int coders_left;     /* coder threads still running */
    store *s;
    const dyad_engine *e;
    const char *db;
    ingest_counts k;
} ingest_pipe;

static pthread_mutex_t park_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t park_cv = PTHREAD_COND_INITIALIZER;

static void *ingest_coder(void *arg)
{
    ingest_pipe *p = arg;
    pthread_mutex_lock(&p->mu);
    for (;;) {
        while (p->next_code == p->tail && !p->closed)
            pthread_cond_wait(&p->work, &p->mu);
        if (p->next_code == p->tail) break;
        ingest_job *j = &p->q[p->next_code++ % QUEUE];
        int failed = p->failed;
        pthread_mutex_unlock(&p->mu);
        /* The slot is this thread's until it is marked coded. */
        j->d = NULL;
        j->rc = failed ? DYAD_EDB : dyad_doc_code(p->e, &j->in, &j->d);
        pthread_mutex_lock(&p->mu);
        j->coded = 1;
        pthread_cond_broadcast(&p->done);   /* the store thread, maybe main */
    }
    p->coders_left--;
    pthread_cond_broadcast(&p->done);
    pthread_mutex_unlock(&p->mu);
    /* The coder's per-thread caches (token and stemmer state) have no
     * destructor and would leak if the thread ended: it stays parked for
     * the rest of the process instead, as a pool thread would. */
    pthread_mutex_lock(&park_mu);
    for (;;) pthread_cond_wait(&park_cv, &park_mu);
    return NULL;
}

/* Copies the input's strings into one buffer so that the job outlives the
 * reader's next call. */
static int job_fill(ingest_job *j, const dyad_input *in)
{
    const char *f[7] = {in->id, in->lang, in->date, in->title, in->url,
                        in->publisher, in->file};
    size_t need = in->len + 1;
    for (int i = 0; i < 7; i++) need += f[i] ? strlen(f[i]) + 1 : 0;
    char *b = malloc(need), *p = b;
    if (!b) return -1;
    const char *out[7];
    for (int i = 0; i < 7; i++) {
        out[i] = NULL;
        if (!f[i]) continue;
        size_t n = strlen(f[i]) + 1;
        memcpy(p, f[i], n);
        out[i] = p;
        p += n;
    }
    if (in->len) memcpy(p, in->text, in->len);
    p[in->len] = 0;
    j->in = *in;
    j->in.text = p;
    j->in.id = out[0];
    j->in.lang = out[1];
    j->in.date = out[2];
    j->in.title = out[3];
    j->in.url = out[4];
    j->in.publisher = out[5];
    j->in.file = out[6];
    j->buf = b;
    return 0;
}

/* Commit at least this often: a kill -9 loses at most this much work, and
 * other writers wait at most this long. */
#define BATCH_SECONDS 2.0
#define BATCH_DOCS 2000

static void *ingest_storer(void *arg)
{
    ingest_pipe *p = arg;
    dyad_event *evs = NULL;
    size_t cap = 0, inbatch = 0;
    double since = 0;
    for (;;) {
        pthread_mutex_lock(&p->mu);
        while ((p->head == p->tail && !p->closed) ||
               (p->head < p->tail && !p->q[p->head % QUEUE].coded))
            pthread_cond_wait(&p->done, &p->mu);
        if (p->head == p->tail) {
            pthread_mutex_unlock(&p->mu);
            break;
        }
        ingest_job j = p->q[p->head % QUEUE];
        p->head++;
        int failed = p->failed;
        pthread_cond_signal(&p->not_full);
        pthread_mutex_unlock(&p->mu);

        dyad_status rc = DYAD_OK;
        int unusable = 0;
        store_put_result res;
        memset(&res, 0, sizeof res);
        if (!failed && j.rc) {
            fprintf(stderr, "dyad ingest: %s: %s\n", j.in.id ? j.in.id : "?",
                    dyad_strerror(j.rc));
            unusable = 1;
            if (j.rc == DYAD_ENOMEM) rc = j.rc;
        } else if (!failed) {
            size_t n = dyad_doc_nevents(j.d);
            if (n > cap) {
                dyad_event *ne = realloc(evs, n * sizeof *ne);
                if (ne) {
                    evs = ne;
                    cap = n;
                } else {
                    rc = DYAD_ENOMEM;
                }
            }
            if (!rc && !store_in_batch(p->s)) {
                rc = store_batch_begin(p->s);
                inbatch = 0;
                since = now_s();
            }
            if (!rc) {
                for (size_t i = 0; i < n; i++) evs[i] = *dyad_doc_event(j.d, i);
                const char *text = dyad_doc_text(j.d);
                rc = store_put_doc(p->s, &j.in, j.hash, text,
                                   text ? strlen(text) : 0,
                                   dyad_doc_lang(j.d), evs, n, &res);
            }
            if (!rc && (++inbatch >= BATCH_DOCS ||
                        now_s() - since >= BATCH_SECONDS))
                rc = store_batch_commit(p->s);
            if (rc)
                fprintf(stderr, "\ndyad ingest: %s: %s: %s\n", p->db,
                        j.in.id ? j.in.id : "?",
                        rc == DYAD_ENOMEM ? "out of memory"
                                          : store_errmsg(p->s));
        }
        dyad_doc_free(j.d);
        free(j.buf);
        pthread_mutex_lock(&p->mu);
        if (rc) p->failed = 1;
        else if (failed) ;
        else if (unusable) p->k.unusable++;
        else if (res.skipped) p->k.skipped++;
        else {
            p->k.stored++;
            p->k.mentions += res.nmentions;
            p->k.new_events += res.nnew_events;
        }
        pthread_mutex_unlock(&p->mu);
    }
    if (!p->failed && store_batch_commit(p->s) != DYAD_OK) {
        fprintf(stderr, "dyad ingest: %s: %s\n", p->db, store_errmsg(p->s));
        pthread_mutex_lock(&p->mu);
        p->failed = 1;
        pthread_mutex_unlock(&p->mu);
    }
    free(evs);
    return NULL;
}

/* Hands a job to the coders; 0 when the pipe has failed. */
static int ingest_push(ingest_pipe *p, const ingest_job *j)
{
    pthread_mutex_lock(&p->mu);
    while (p->tail - p->head == QUEUE && !p->failed)
        pthread_cond_wait(&p->not_full, &p->mu);
    int ok = !p->failed;
    if (ok) {
        ingest_job *slot = &p->q[p->tail++ % QUEUE];
        *slot = *j;
        slot->coded = 0;
        pthread_cond_signal(&p->work);
    }
    pthread_mutex_unlock(&p->mu);
    return ok;
}

/* What cmd_ingest holds once its engine exists, released in one order on
 * every way out (each may be NULL); returns status. */
static int ingest_release(dyad_reader *r, store *look, store *s,
                          dyad_engine *e, const char **files, int status)
{
    dyad_reader_free(r);
    store_close(look);
    store_close(s);
    dyad_engine_free(e);
    free(files);
    return status;
}

int cmd_ingest(int argc, char **argv)
{
    dyad_reader_opts ro;
    memset(&ro, 0, sizeof ro);
    const char *db = getenv("DYAD_DB"), *lexdir = NULL;
    if (!db || !*db) db = DEFAULT_DB;
    int quiet = 0, jobs = 0;
    const char **files = calloc((size_t)argc + 1, sizeof *files);
    size_t nfiles = 0;
    if (!files) return 2;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            fputs(ingest_usage, stdout);
            free(files);
            return 0;
        } else if (!strcmp(a, "--quiet") || !strcmp(a, "-q")) {
            quiet = 1;
        } else if (a[0] == '-' && a[1] == '-' && !v) {
            free(files);
            return bad_usage("ingest", "needs a value:", a, ingest_usage);
        } else if (!strcmp(a, "--db")) { db = v; i++;
        } else if (!strcmp(a, "--lang")) { ro.lang = v; i++;
        } else if (!strcmp(a, "--date")) { ro.date = v; i++;
        } else if (!strcmp(a, "--id")) { ro.id = v; i++;
        } else if (!strcmp(a, "--lexicons")) { lexdir = v; i++;
        } else if (!strcmp(a, "--jobs") || !strcmp(a, "-j")) {
            char *end = NULL;
            long n = strtol(v, &end, 10);
            if (!end || *end || n < 1 || n > MAX_JOBS) {
                free(files);
                return bad_usage("ingest", "--jobs takes 1 to 16:", v,
                                 ingest_usage);
            }
            jobs = (int)n;
            i++;
        } else if (!strcmp(a, "--max-bytes")) {
            ro.max_bytes = strtoull(v, NULL, 10); i++;
        } else if (!strcmp(a, "--format")) {
            static const char *names[] = {"auto", "text", "jsonl", "html", "warc"};
            static const dyad_format fmts[] = {DYAD_FMT_AUTO, DYAD_FMT_TEXT,
                DYAD_FMT_JSONL, DYAD_FMT_HTML, DYAD_FMT_WARC};
            size_t k = 0;
            while (k < 5 && strcmp(v, names[k])) k++;
            if (k == 5) {
                free(files);
                return bad_usage("ingest", "unknown format", v, ingest_usage);
            }
            ro.format = fmts[k];
            i++;
        } else if (a[0] == '-' && a[1]) {
            free(files);
            return bad_usage("ingest", "unknown option", a, ingest_usage);
        } else {
            files[nfiles++] = a;
        }
    }

    char detail[1024];
    dyad_engine *e = NULL;
    dyad_status rc = dyad_engine_new(lexdir, &e, detail, sizeof detail);
    if (rc) {
        fprintf(stderr, "dyad ingest: %s: %s\n", dyad_strerror(rc), detail);
        free(files);
        return 2;
    }
    /* Two connections: the store thread writes, this one asks whether a
     * document is already there before coding it. */
    store *s = open_db("ingest", db), *look = s ? open_db("ingest", db) : NULL;
    dyad_reader *r = NULL;
    if (look) {
        rc = dyad_reader_open(files, nfiles, &ro, &r);
        if (rc) fprintf(stderr, "dyad ingest: %s\n", dyad_strerror(rc));
    }
    if (!look || rc) return ingest_release(r, look, s, e, files, 2);

    if (!jobs) {   /* one coder per processor */
        long n = sysconf(_SC_NPROCESSORS_ONLN);
        jobs = n < 1 ? 1 : n > MAX_JOBS ? MAX_JOBS : (int)n;
    }
    ingest_pipe *p = calloc(1, sizeof *p);
    pthread_t th, coders[MAX_JOBS];
    int ncoders = 0;
    if (!p || pthread_mutex_init(&p->mu, NULL) ||
        pthread_cond_init(&p->not_full, NULL) ||
        pthread_cond_init(&p->work, NULL) ||
        pthread_cond_init(&p->done, NULL)) {
        fprintf(stderr, "dyad ingest: out of memory\n");
        free(p);
        return ingest_release(r, look, s, e, files, 2);
    }
    p->s = s;
    p->e = e;
    p->db = db;
    int have_storer = pthread_create(&th, NULL, ingest_storer, p) == 0;
    while (have_storer && ncoders < jobs &&
           pthread_create(&coders[ncoders], NULL, ingest_coder, p) == 0) {
        pthread_detach(coders[ncoders]);
        pthread_mutex_lock(&p->mu);
        p->coders_left++;
        pthread_mutex_unlock(&p->mu);
        ncoders++;
    }
    if (!have_storer || !ncoders) {
        fprintf(stderr, "dyad ingest: cannot start threads\n");
        p->failed = 1;
    }

    int show = !quiet && isatty(2), status = 0;
    double t0 = now_s(), last = t0;
    size_t read = 0, unusable = 0, early_skips = 0;
    double bytes = 0;
    dyad_input in;
    for (;;) {   /* ingest_push says when the pipe has failed */
        rc = dyad_reader_next(r, &in, detail, sizeof detail);
        if (rc == DYAD_EOF) break;
        if (rc) {
            if (show) fputs("\r\033[K", stderr);
            fprintf(stderr, "dyad ingest: %s\n",
                    detail[0] ? detail : dyad_strerror(rc));
            unusable++;
            status = 1;
            if (rc == DYAD_ENOMEM) break;
            continue;
        }
        read++;
        bytes += (double)in.len;
        /* Skip stored documents before coding: a restart after a crash
         * costs only a hash per document already done. */
        int exists = 0;
        char hash[65];
        if (store_doc_exists(look, &in, hash, &exists) != DYAD_OK) {
            fprintf(stderr, "dyad ingest: %s: %s\n", db, store_errmsg(look));
            status = 2;
            break;
        }
        if (exists) {
            early_skips++;
        } else {
            ingest_job j;
            memset(&j, 0, sizeof j);
            if (job_fill(&j, &in)) {
                fprintf(stderr, "dyad ingest: out of memory\n");
                status = 2;
                break;
            }
            memcpy(j.hash, hash, sizeof j.hash);
            if (!ingest_push(p, &j)) {
                free(j.buf);
                break;
            }
        }
        if (show) {
            double t = now_s();
            if (t - last >= 0.25) {
                pthread_mutex_lock(&p->mu);
                ingest_counts k = p->k;
                pthread_mutex_unlock(&p->mu);
                k.read = read;
                k.bytes = bytes;
                k.skipped += early_skips;
                progress(&k, t0, 0);
                last = t;
            }
        }
    }
    pthread_mutex_lock(&p->mu);
    p->closed = 1;
    pthread_cond_broadcast(&p->work);
    pthread_cond_broadcast(&p->done);
    while (p->coders_left) pthread_cond_wait(&p->done, &p->mu);
    pthread_mutex_unlock(&p->mu);
    if (have_storer) pthread_join(th, NULL);

    ingest_counts k = p->k;
    k.read = read;
    k.bytes = bytes;
    k.skipped += early_skips;
    k.unusable += unusable;
    if (k.unusable) status = status ? status : 1;
    if (p->failed) status = 2;
    if (show) progress(&k, t0, 1);
    if (!quiet) {
        store_counts c;
        if (store_count(look, &c) == DYAD_OK)
            fprintf(stderr, "dyad ingest: %zu documents stored, %zu already "
                            "stored, %zu unusable; %zu mentions, %zu new "
                            "events. %s now holds %lld documents, %lld "
                            "events, %lld mentions.\n",
                    k.stored, k.skipped, k.unusable, k.mentions, k.new_events,
                    db, c.documents, c.events, c.mentions);
    }
    pthread_cond_destroy(&p->not_full);
    pthread_cond_destroy(&p->work);
    pthread_cond_destroy(&p->done);
    pthread_mutex_destroy(&p->mu);
    free(p);
    return ingest_release(r, look, s, e, files, status);
}

/* ---- output helpers ---- */

/* A JSON string even from bytes that are not UTF-8 (they become '?'). */
static json_t *jstr(const char *s)
{
    json_t *j = json_string(s ? s : "");
    if (j) return j;
    size_t n = strlen(s);
    char *c = malloc(n + 1);
    if (!c) return json_string("");
    for (size_t i = 0; i < n; i++)
        c[i] = (unsigned char)s[i] < 0x80 ? s[i] : '?';
    c[n] = 0;
    j = json_string(c);
    free(c);
    return j ? j : json_string("");
}

static json_t *jactor(const char *code, const char *text)
{
    json_t *o = json_object();
    json_object_set_new(o, "code", jstr(code));
    if (text && *text) json_object_set_new(o, "text", jstr(text));
    return o;
}

static void print_json(json_t *o)
{
    char *t = json_dumps(o, JSON_COMPACT | JSON_REAL_PRECISION(15));
    if (t) {
        fputs(t, stdout);
        fputc('\n', stdout);
        free(t);
    }
    json_decref(o);
}

/* Coordinates to 4 decimals (about 10 m), as `dyad code` writes them:
 * the gazetteer's single-precision digits beyond that are noise. */
static double round4(double v)
{
    return (double)(long long)(v * 1e4 + (v < 0 ? -0.5 : 0.5)) / 1e4;
}

/* The event record of spec/events.md plus id, mention counts and url. */
static void event_jsonl(const store_event_row *e)
{
    json_t *o = json_object();
    json_object_set_new(o, "id", json_integer(e->id));
    json_object_set_new(o, "doc", jstr(e->doc));
    json_object_set_new(o, "sentence", jstr(e->sentence));
    json_object_set_new(o, "source", jactor(e->source_code, e->source_text));
    json_object_set_new(o, "target", jactor(e->target_code, e->target_text));
    json_object_set_new(o, "cameo", jstr(e->cameo));
    json_object_set_new(o, "quad", json_integer(e->quad));
    json_object_set_new(o, "goldstein", json_real(e->goldstein));
    if (*e->plover) json_object_set_new(o, "plover", jstr(e->plover));
    if (*e->date) json_object_set_new(o, "date", jstr(e->date));
    if (e->has_loc) {
        json_t *l = json_object();
        json_object_set_new(l, "name", jstr(e->loc_name));
        if (*e->loc_country)
            json_object_set_new(l, "country", jstr(e->loc_country));
        if (e->has_coords) {
            json_object_set_new(l, "lat", json_real(round4(e->lat)));
            json_object_set_new(l, "lon", json_real(round4(e->lon)));
        }
        json_object_set_new(o, "location", l);
    }
    if (e->has_quantity) {
        json_t *q = json_object();
        json_object_set_new(q, "value", json_real(e->q_value));
        if (*e->q_unit) json_object_set_new(q, "unit", jstr(e->q_unit));
        if (*e->q_text) json_object_set_new(q, "text", jstr(e->q_text));
        if (*e->q_qualifier)
            json_object_set_new(q, "qualifier", jstr(e->q_qualifier));
        json_object_set_new(o, "quantity", q);
    }
    if (*e->claimant_text)
        json_object_set_new(o, "claimant",
                            jactor(e->claimant_code, e->claimant_text));
    if (*e->verification)
        json_object_set_new(o, "verification", jstr(e->verification));
    if (e->hedged) json_object_set_new(o, "hedged", json_true());
    json_object_set_new(o, "mentions", json_integer(e->n_mentions));
    json_object_set_new(o, "sources", json_integer(e->n_sources));
    json_object_set_new(o, "articles", json_integer(e->n_articles));
    if (*e->url) json_object_set_new(o, "url", jstr(e->url));
    print_json(o);
}

static void csv_field(const char *s, int last)
{
    if (strpbrk(s, ",\"\r\n")) {
        fputc('"', stdout);
        for (; *s; s++) {
            if (*s == '"') fputc('"', stdout);
            fputc(*s, stdout);
        }
        fputc('"', stdout);
    } else {
        fputs(s, stdout);
    }
    fputc(last ? '\n' : ',', stdout);
}

static void csv_num(double v, int has)
{
    if (has) printf("%.15g", v);
    fputc(',', stdout);
}

static const char csv_header[] =
    "id,date,source,source_text,target,target_text,cameo,quad,goldstein,"
    "mentions,sources,articles,location,location_country,lat,lon,quantity,"
    "quantity_unit,quantity_text,claimant,claimant_text,verification,hedged,"
    "doc,url,sentence\n";

static void event_csv(const store_event_row *e)
{
    printf("%lld,", e->id);
    csv_field(e->date, 0);
    csv_field(e->source_code, 0);
    csv_field(e->source_text, 0);
    csv_field(e->target_code, 0);
    csv_field(e->target_text, 0);
    csv_field(e->cameo, 0);
    printf("%d,%.15g,%lld,%lld,%lld,", e->quad, e->goldstein, e->n_mentions,
           e->n_sources, e->n_articles);
    csv_field(e->loc_name, 0);
    csv_field(e->loc_country, 0);
    csv_num(round4(e->lat), e->has_coords);
    csv_num(round4(e->lon), e->has_coords);
    csv_num(e->q_value, e->has_quantity);
    csv_field(e->q_unit, 0);
    csv_field(e->q_text, 0);
    csv_field(e->claimant_code, 0);
    csv_field(e->claimant_text, 0);
    csv_field(e->verification, 0);
    printf("%d,", e->hedged);
    csv_field(e->doc, 0);
    csv_field(e->url, 0);
    csv_field(e->sentence, 1);
}

/* Prints at most w columns (code points) of s, padded to w. */
static void cell(const char *s, int w)
{
    int n = 0;
    const unsigned char *p = (const unsigned char *)s;
    while (*p && n < w) {
        const unsigned char *q = p + 1;
        while ((*q & 0xC0) == 0x80) q++;
        if (*p == '\n' || *p == '\t' || *p == '\r') fputc(' ', stdout);
        else fwrite(p, 1, (size_t)(q - p), stdout);
        p = q;
        n++;
    }
    for (; n < w; n++) fputc(' ', stdout);
}

static void event_table(const store_event_row *e, int first)
{
    if (first)
        printf("%-10s  %-10s %-10s %-5s %2s %6s %4s %4s %4s  %s\n", "DATE",
               "SOURCE", "TARGET", "CAMEO", "Q", "GOLD", "MENT", "ART", "SRC",
               "SENTENCE (first report)");
    cell(e->date, 10);
    fputs("  ", stdout);
    cell(e->source_code, 10);
    fputc(' ', stdout);
    cell(e->target_code, 10);
    fputc(' ', stdout);
    cell(e->cameo, 5);
    printf(" %2d %6.1f %4lld %4lld %4lld  ", e->quad, e->goldstein,
           e->n_mentions, e->n_articles, e->n_sources);
    cell(e->sentence, 70);
    fputc('\n', stdout);
}

/* ---- query ---- */

static const char query_usage_head[] =
"usage: dyad query [OPTIONS]\n"
"\n"
"Prints stored events, merged across articles, ordered by date.\n"
"\n"
"options:\n";
static const char query_usage_tail[] =
"  --format F          table (default on a terminal), jsonl (default when\n"
"                      piped: the event record plus mentions, sources,\n"
"                      articles), csv\n"
"  -h, --help          this help\n";

typedef struct {
    int format;
    long long n;
} qctx;

static int query_row(const store_event_row *e, void *ud)
{
    qctx *c = ud;
    if (c->format == FMT_JSONL) event_jsonl(e);
    else if (c->format == FMT_CSV) event_csv(e);
    else event_table(e, c->n == 0);
    c->n++;
    return ferror(stdout) ? 1 : 0;
}

/* query, stats and export share the filter options: their usage is head,
 * filter_help and tail. Returns -1 to run the command, else its exit code;
 * *usage (when asked for) is the caller's to free. */
static int parse_filter_opts(int argc, char **argv, const char *cmd,
                             const char *head, const char *tail,
                             int allow_gdelt, opts *o, char **usage)
{
    size_t n = strlen(head) + strlen(filter_help) + strlen(tail) + 1;
    char *u = malloc(n);
    if (!u) return 2;
    snprintf(u, n, "%s%s%s", head, filter_help, tail);
    int rc = parse_opts(argc, argv, cmd, u, o, allow_gdelt);
    if (rc >= 0 || !usage) free(u);
    else *usage = u;
    return rc;
}

int cmd_query(int argc, char **argv)
{
    opts o;
    int rc = parse_filter_opts(argc, argv, "query", query_usage_head,
                               query_usage_tail, 0, &o, NULL);
    if (rc >= 0) return rc;
    store *s = open_db("query", o.db);
    if (!s) return 2;
    qctx c = {o.format, 0};
    if (o.format == FMT_CSV) fputs(csv_header, stdout);
    dyad_status st = store_query_events(s, &o.f, query_row, &c);
    if (st) fprintf(stderr, "dyad query: %s\n", store_errmsg(s));
    if (o.format == FMT_TABLE && c.n == 0) printf("(no events)\n");
    store_close(s);
    if (fflush(stdout) != 0) return 2;
    return st ? 2 : 0;
}

/* ---- stats ---- */

static const char stats_usage_head[] =
"usage: dyad stats [OPTIONS]\n"
"\n"
"Counts of merged events and mentions and the mean Goldstein score per\n"
"day, ISO week or month (--by), for the events the filters select (an\n"
"actor: --actor; a dyad: --dyad); or, with --top N, the N dyads (source\n"
"and target country or organisation) with the most events.\n"
"Events dated less precisely than the period are counted under \"-\".\n"
"\n"
"options:\n"
"  --by day|week|month (default month)\n"
"  --top N             the top N dyads instead of a time series\n"
"  --format F          table (default on a terminal), jsonl, csv\n";
static const char stats_usage_tail[] = "  -h, --help          this help\n";

typedef struct {
    char key[48];
    long long events, mentions;
    double gold;
} bucket;

typedef struct {
    int by;               /* 'd', 'w', 'm', or 't' (dyads) */
    bucket *b;
    size_t n, cap;
    bucket imprecise;
    int oom;
} sctx;

/* Weekday of a date, Monday 1 .. Sunday 7 (Sakamoto's method). */
static int weekday(int y, int m, int d)
{
    static const int t[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
    if (m < 3) y--;
    int w = (y + y / 4 - y / 100 + y / 400 + t[m - 1] + d) % 7;
    return w == 0 ? 7 : w;
}

static int iso_weeks_in(int y)
{
    /* 53 weeks when the year starts on a Thursday, or on a Wednesday in a
     * leap year: then Dec 31 is a Thursday (or Friday) */
    return weekday(y, 12, 31) == 4 || weekday(y - 1, 12, 31) == 3 ? 53 : 52;
}

/* ISO 8601 week ("2024-W25") of a day; 0 if the date is not a day. */
static int iso_week(const char *date, char *out, size_t cap)
{
    int y, m, d;
    if (strlen(date) != 10 || sscanf(date, "%d-%d-%d", &y, &m, &d) != 3)
        return 0;
    static const int cum[] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273,
                              304, 334};
    if (m < 1 || m > 12 || d < 1 || d > 31) return 0;
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    int doy = cum[m - 1] + d + (leap && m > 2);
    int w = (doy - weekday(y, m, d) + 10) / 7, wy = y;
    if (w < 1) {
        wy = y - 1;
        w = iso_weeks_in(wy);
    } else if (w > iso_weeks_in(y)) {
        wy = y + 1;
        w = 1;
    }
    snprintf(out, cap, "%04d-W%02d", wy, w);
    return 1;
}

/* Who a code names for dyad counts: the country or region (first three
 * letters); organisations (IGO, NGO, MNC) keep their whole code. */
static void who(const char *code, char *out, size_t cap)
{
    if (!*code) snprintf(out, cap, "?");
    else if (!strncmp(code, "IGO", 3) || !strncmp(code, "NGO", 3) ||
             !strncmp(code, "MNC", 3))
        snprintf(out, cap, "%s", code);
    else snprintf(out, cap, "%.3s", code);
}

static bucket *bucket_at(sctx *c, const char *key)
{
    if (c->by != 't') {   /* events arrive in date order */
        if (c->n && strcmp(c->b[c->n - 1].key, key) == 0) return &c->b[c->n - 1];
    } else {
        for (size_t i = 0; i < c->n; i++)
            if (strcmp(c->b[i].key, key) == 0) return &c->b[i];
    }
    if (c->n == c->cap) {
        size_t nc = c->cap ? c->cap * 2 : 64;
        bucket *nb = realloc(c->b, nc * sizeof *nb);
        if (!nb) {
            c->oom = 1;
            return NULL;
        }
        c->b = nb;
        c->cap = nc;
    }
    bucket *b = &c->b[c->n++];
    memset(b, 0, sizeof *b);
    snprintf(b->key, sizeof b->key, "%s", key);
    return b;
}

static int stats_row(const store_event_row *e, void *ud)
{
    sctx *c = ud;
    char key[48];
    bucket *b = NULL;
    if (c->by == 't') {
        char a[24], t[24];
        who(e->source_code, a, sizeof a);
        who(e->target_code, t, sizeof t);
        snprintf(key, sizeof key, "%s-%s", a, t);
        b = bucket_at(c, key);
    } else {
        size_t len = strlen(e->date);
        int ok = c->by == 'm' ? len >= 7 : len == 10;
        if (ok && c->by == 'w') ok = iso_week(e->date, key, sizeof key);
        else if (ok) snprintf(key, sizeof key, "%.*s", c->by == 'm' ? 7 : 10,
                              e->date);
        b = ok ? bucket_at(c, key) : &c->imprecise;
    }
    if (!b) return 1;
    b->events++;
    b->mentions += e->n_mentions;
    b->gold += e->goldstein;
    return 0;
}

static int by_events(const void *x, const void *y)
{
    const bucket *a = x, *b = y;
    if (a->events != b->events) return a->events > b->events ? -1 : 1;
    return strcmp(a->key, b->key);
}

static void stats_print(const bucket *b, int format, int first, int top)
{
    double mean = b->events ? b->gold / (double)b->events : 0;
    const char *kname = top ? "dyad" : "period";
    if (format == FMT_JSONL) {
        json_t *o = json_object();
        json_object_set_new(o, kname, jstr(b->key));
        json_object_set_new(o, "events", json_integer(b->events));
        json_object_set_new(o, "mentions", json_integer(b->mentions));
        json_object_set_new(o, "goldstein_mean", json_real(
            (double)(long long)(mean * 1000 + (mean < 0 ? -0.5 : 0.5)) / 1000));
        print_json(o);
    } else if (format == FMT_CSV) {
        if (first) printf("%s,events,mentions,goldstein_mean\n", kname);
        csv_field(b->key, 0);
        printf("%lld,%lld,%.3f\n", b->events, b->mentions, mean);
    } else {
        if (first) printf("%-16s %8s %9s %9s\n", top ? "DYAD" : "PERIOD",
                          "EVENTS", "MENTIONS", "GOLDSTEIN");
        printf("%-16s %8lld %9lld %9.3f\n", b->key, b->events, b->mentions,
               mean);
    }
}

int cmd_stats(int argc, char **argv)
{
    opts o;
    char *usage = NULL;
    int rc = parse_filter_opts(argc, argv, "stats", stats_usage_head,
                               stats_usage_tail, 0, &o, &usage);
    if (rc >= 0) return rc;
    sctx c;
    memset(&c, 0, sizeof c);
    snprintf(c.imprecise.key, sizeof c.imprecise.key, "-");
    if (o.top > 0) c.by = 't';
    else if (!o.by || !strcmp(o.by, "month")) c.by = 'm';
    else if (!strcmp(o.by, "week")) c.by = 'w';
    else if (!strcmp(o.by, "day")) c.by = 'd';
    else {
        rc = bad_usage("stats", "--by takes day, week or month, not", o.by,
                       usage);
        free(usage);
        return rc;
    }
    free(usage);
    store *s = open_db("stats", o.db);
    if (!s) return 2;
    long long limit = o.f.limit;
    o.f.limit = 0;   /* --limit bounds the output rows, not the events */
    dyad_status st = store_query_events(s, &o.f, stats_row, &c);
    if (st) fprintf(stderr, "dyad stats: %s\n", store_errmsg(s));
    if (c.oom) fprintf(stderr, "dyad stats: out of memory\n");
    if (!st && !c.oom) {
        size_t n = c.n;
        if (c.by == 't') {
            qsort(c.b, c.n, sizeof *c.b, by_events);
            if ((size_t)o.top < n) n = (size_t)o.top;
        }
        if (limit > 0 && (size_t)limit < n) n = (size_t)limit;
        for (size_t i = 0; i < n; i++)
            stats_print(&c.b[i], o.format, i == 0, c.by == 't');
        if (c.by != 't' && c.imprecise.events)
            stats_print(&c.imprecise, o.format, n == 0, 0);
        if (o.format == FMT_TABLE && n == 0 && !c.imprecise.events)
            printf("(no events)\n");
    }
    free(c.b);
    store_close(s);
    if (fflush(stdout) != 0) return 2;
    return st || c.oom ? 2 : 0;
}

/* ---- export ---- */

static const char export_usage_head[] =
"usage: dyad export --format F [OPTIONS]\n"
"\n"
"Writes stored events for other tools:\n"
"  gdelt-events    GDELT 2.0 Events layout: 61 tab-separated columns\n"
"  gdelt-mentions  GDELT 2.0 Mentions layout: 16 tab-separated columns\n"
"  csv, jsonl      as `dyad query`\n"
"GDELT files carry no header row; --header prints the column names.\n"
"Columns dyad does not know (tone, FIPS codes, ethnic and religious codes,\n"
"character offsets of actors) are empty. See docs/storage.md.\n"
"\n"
"options:\n"
"  --format F          gdelt-events, gdelt-mentions, csv, jsonl\n"
"  --header            print GDELT column names first\n";
static const char export_usage_tail[] = "  -h, --help          this help\n";

/* GDELT 2.0 Events, in file order (GDELT's event codebook). */
static const char *const gdelt_event_cols[] = {
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode",
    "Actor1EthnicCode", "Actor1Religion1Code", "Actor1Religion2Code",
    "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode",
    "Actor2EthnicCode", "Actor2Religion1Code", "Actor2Religion2Code",
    "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code", "Actor1Geo_Lat",
    "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code", "Actor2Geo_Lat",
    "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code", "ActionGeo_ADM2Code", "ActionGeo_Lat",
    "ActionGeo_Long", "ActionGeo_FeatureID", "DATEADDED", "SOURCEURL",
};
static const char *const gdelt_mention_cols[] = {
    "GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType",
    "MentionSourceName", "MentionIdentifier", "SentenceID",
    "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset", "InRawText",
    "Confidence", "MentionDocLen", "MentionDocTone",
    "MentionDocTranslationInfo", "Extras",
};
#define NEVCOLS (sizeof gdelt_event_cols / sizeof *gdelt_event_cols)
#define NMENCOLS (sizeof gdelt_mention_cols / sizeof *gdelt_mention_cols)

/* A field of a tab-separated row: tabs and line breaks become spaces. */
static void tsv(const char *s, int last)
{
    for (; s && *s; s++)
        fputc(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s, stdout);
    fputc(last ? '\n' : '\t', stdout);
}

static void tsvf(int last, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
#include <stdarg.h>
static void tsvf(int last, const char *fmt, ...)
{
    char b[128];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(b, sizeof b, fmt, ap);
    va_end(ap);
    tsv(b, last);
}

/* YYYYMMDD from a date at any precision (missing parts as 01), "" if none. */
static void sqldate(const char *date, char *out, size_t cap)
{
    size_t n = strlen(date);
    if (n < 4) {
        out[0] = 0;
        return;
    }
    snprintf(out, cap, "%.4s%.2s%.2s", date, n >= 7 ? date + 5 : "01",
             n >= 10 ? date + 8 : "01");
}

/* The CAMEO actor code split into GDELT's columns: country (or region),
 * known group (IGO/NGO/MNC body), three role/type codes. */
static void gdelt_actor(const char *code, const char *name)
{
    char country[4] = "", group[8] = "", type[3][4] = {"", "", ""};
    size_t n = strlen(code), i = 0, nt = 0;
    if (n >= 3) {
        int org = !strncmp(code, "IGO", 3) || !strncmp(code, "NGO", 3) ||
                  !strncmp(code, "MNC", 3);
        if (org) {
            snprintf(type[nt++], 4, "%.3s", code);
            /* the body is the last three letters; between: sectors */
            if (n >= 6) snprintf(group, sizeof group, "%.3s", code + n - 3 - n % 3);
            for (i = 3; i + 3 <= n - (n >= 6 ? 3 : 0) && nt < 3; i += 3)
                snprintf(type[nt++], 4, "%.3s", code + i);
        } else {
            snprintf(country, sizeof country, "%.3s", code);
            for (i = 3; i + 3 <= n && nt < 3; i += 3)
                snprintf(type[nt++], 4, "%.3s", code + i);
        }
    }
    tsv(code, 0);
    tsv(name, 0);
    tsv(country, 0);
    tsv(group, 0);
    tsv("", 0);   /* ethnic */
    tsv("", 0);   /* religion 1 */
    tsv("", 0);   /* religion 2 */
    tsv(type[0], 0);
    tsv(type[1], 0);
    tsv(type[2], 0);
}

static void gdelt_geo_empty(void)
{
    for (int i = 0; i < 8; i++) tsv(i == 0 ? "0" : "", 0);
}

static int export_event(const store_event_row *e, void *ud)
{
    (void)ud;
    char d[16];
    sqldate(e->date, d, sizeof d);
    tsvf(0, "%lld", e->id);
    tsv(d, 0);
    if (*d) {
        char ym[8], y[8];
        snprintf(ym, sizeof ym, "%.6s", d);
        snprintf(y, sizeof y, "%.4s", d);
        tsv(ym, 0);
        tsv(y, 0);
        /* GDELT's approximation: YYYY + (MONTH * 30 + DAY) / 365 */
        int m = (d[4] - '0') * 10 + (d[5] - '0');
        int dd = (d[6] - '0') * 10 + (d[7] - '0');
        tsvf(0, "%.4f", atoi(y) + (m * 30 + dd) / 365.0);
    } else {
        tsv("", 0);
        tsv("", 0);
        tsv("", 0);
    }
    gdelt_actor(e->source_code, e->source_text);
    gdelt_actor(e->target_code, e->target_text);
    /* root event: first reported in the article's opening sentences */
    tsv(e->sentence_index < 3 ? "1" : "0", 0);
    size_t cl = strlen(e->cameo);
    tsv(e->cameo, 0);
    tsvf(0, "%.*s", (int)(cl > 3 ? 3 : cl), e->cameo);
    tsvf(0, "%.*s", (int)(cl > 2 ? 2 : cl), e->cameo);
    tsvf(0, "%d", e->quad);
    tsvf(0, "%.1f", e->goldstein);
    tsvf(0, "%lld", e->n_mentions);
    tsvf(0, "%lld", e->n_sources);
    tsvf(0, "%lld", e->n_articles);
    tsv("", 0);   /* AvgTone: dyad measures no tone */
    gdelt_geo_empty();
    gdelt_geo_empty();
    if (e->has_loc) {
        /* 4 = world city with coordinates, 1 = country-level */
        tsv(e->has_coords ? "4" : "1", 0);
        tsv(e->loc_name, 0);
        tsv("", 0);   /* FIPS 10-4: dyad knows ISO alpha-3 only */
        tsv("", 0);
        tsv("", 0);
        if (e->has_coords) {
            tsvf(0, "%.4f", e->lat);
            tsvf(0, "%.4f", e->lon);
        } else {
            tsv("", 0);
            tsv("", 0);
        }
        tsv("", 0);
    } else {
        gdelt_geo_empty();
    }
    char added[16];
    sqldate(e->doc_date, added, sizeof added);
    tsvf(0, "%s%s", added, *added ? "000000" : "");
    tsv(*e->url ? e->url : e->doc, 1);
    return ferror(stdout) ? 1 : 0;
}

static int export_mention(const store_mention_row *m, void *ud)
{
    (void)ud;
    char ev[16], me[16];
    sqldate(m->event_doc_date, ev, sizeof ev);
    sqldate(m->doc_date, me, sizeof me);
    tsvf(0, "%lld", m->event_id);
    tsvf(0, "%s%s", ev, *ev ? "000000" : "");
    tsvf(0, "%s%s", me, *me ? "000000" : "");
    tsv(*m->url ? "1" : "2", 0);   /* 1 WEB (a URL), 2 CITATIONONLY */
    tsv(m->source_name, 0);
    tsv(*m->url ? m->url : m->doc, 0);
    tsvf(0, "%lld", m->sentence_index + 1);
    tsv("", 0);
    tsv("", 0);
    tsvf(0, "%lld", m->sent_start);   /* byte offset of the sentence */
    tsv("1", 0);
    tsv("", 0);   /* Confidence: not estimated */
    tsvf(0, "%lld", m->doc_len);
    tsv("", 0);
    tsv("", 0);
    tsv("", 1);
    return ferror(stdout) ? 1 : 0;
}

int cmd_export(int argc, char **argv)
{
    opts o;
    int rc = parse_filter_opts(argc, argv, "export", export_usage_head,
                               export_usage_tail, 1, &o, NULL);
    if (rc >= 0) return rc;
    /* Export writes files: without --format it is JSON Lines, never a table. */
    int explicit_fmt = 0;
    for (int i = 1; i < argc; i++)
        if (!strcmp(argv[i], "--format")) explicit_fmt = 1;
    if (!explicit_fmt) o.format = FMT_JSONL;
    store *s = open_db("export", o.db);
    if (!s) return 2;
    dyad_status st;
    if (o.format == FMT_GDELT_EVENTS) {
        if (o.header)
            for (size_t i = 0; i < NEVCOLS; i++)
                tsv(gdelt_event_cols[i], i + 1 == NEVCOLS);
        st = store_query_events(s, &o.f, export_event, NULL);
    } else if (o.format == FMT_GDELT_MENTIONS) {
        if (o.header)
            for (size_t i = 0; i < NMENCOLS; i++)
                tsv(gdelt_mention_cols[i], i + 1 == NMENCOLS);
        st = store_query_mentions(s, &o.f, export_mention, NULL);
    } else {
        qctx c = {o.format == FMT_TABLE ? FMT_JSONL : o.format, 0};
        if (c.format == FMT_CSV) fputs(csv_header, stdout);
        st = store_query_events(s, &o.f, query_row, &c);
    }
    if (st) fprintf(stderr, "dyad export: %s\n", store_errmsg(s));
    store_close(s);
    if (fflush(stdout) != 0) return 2;
    return st ? 2 : 0;
}
