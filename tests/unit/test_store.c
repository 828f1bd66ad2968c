/* test_store.c — the store without the engine: hand-made events go in, the
 * merge rule, idempotency, every query filter and the counts come out; the
 * same transcript from SQLite and (when DYAD_TEST_PG names a server) from
 * PostgreSQL must agree byte for byte.
 *   test_store                     the unit tests
 *   test_store --bulk TARGET N     stores N synthetic documents (crash test)
 *   test_store --counts TARGET     prints "docs events mentions actors" and
 *                                  a digest of every merged event
 *   test_store --docs TARGET       prints the number of documents */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "check.h"
#include "store.h"

/* ---- building events by hand ---- */

static dyad_event ev(const char *text, const char *sent, const char *src,
                     const char *tgt, const char *cameo, int quad,
                     double gold, const char *date)
{
    dyad_event e;
    memset(&e, 0, sizeof e);
    const char *p = strstr(text, sent);
    e.sent_start = p ? (size_t)(p - text) : 0;
    e.sent_len = strlen(sent);
    e.source.code = src;
    e.source.text = src;
    e.target.code = tgt;
    e.target.text = tgt;
    snprintf(e.cameo, sizeof e.cameo, "%s", cameo);
    e.quad = quad;
    e.goldstein = gold;
    e.cameo_name = "test";
    snprintf(e.date, sizeof e.date, "%s", date);
    return e;
}

static dyad_input doc(const char *id, const char *text, const char *date,
                      const char *publisher)
{
    dyad_input d;
    memset(&d, 0, sizeof d);
    d.id = id;
    d.text = text;
    d.len = strlen(text);
    d.date = date;
    d.publisher = publisher;
    d.lang = "de";
    d.url = NULL;
    return d;
}

static store_put_result put(store *s, const dyad_input *d, dyad_event *e,
                            size_t n)
{
    store_put_result r;
    dyad_status rc = store_put_doc(s, d, NULL, d->text, d->len, "de", e, n, &r);
    CHECK(rc == DYAD_OK);
    if (rc) fprintf(stderr, "put %s: %s\n", d->id, store_errmsg(s));
    return r;
}

/* ---- transcripts: query answers as text, to compare backends ---- */

typedef struct {
    char *buf;
    size_t len, cap;
    int n;
} out_t;

static void outf(out_t *o, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
#include <stdarg.h>
static void outf(out_t *o, const char *fmt, ...)
{
    char tmp[2048];
    va_list ap;
    va_start(ap, fmt);
    int k = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (k < 0) return;
    if ((size_t)k >= sizeof tmp) k = sizeof tmp - 1;
    if (o->len + (size_t)k + 1 > o->cap) {
        o->cap = (o->len + (size_t)k + 1) * 2;
        o->buf = realloc(o->buf, o->cap);
    }
    memcpy(o->buf + o->len, tmp, (size_t)k + 1);
    o->len += (size_t)k;
}

static int ev_row(const store_event_row *e, void *ud)
{
    out_t *o = ud;
    o->n++;
    outf(o, "%lld|%s|%s>%s|%s|q%d|%.1f|m%lld s%lld a%lld|%s|%s|%s|%s|%s|"
            "%s|%d|%s|%lld|%s\n",
         e->id, e->date, e->source_code, e->target_code, e->cameo, e->quad,
         e->goldstein, e->n_mentions, e->n_sources, e->n_articles,
         e->has_quantity ? "qty" : "-", e->q_unit, e->claimant_code,
         e->claimant_text, e->verification, e->loc_name, e->hedged, e->doc,
         e->sentence_index, e->sentence);
    return 0;
}

static int men_row(const store_mention_row *m, void *ud)
{
    out_t *o = ud;
    o->n++;
    outf(o, "%lld@%lld|%s|%s|%lld|%s|%s|%g|%s|%s\n", m->id, m->event_id,
         m->doc, m->source_name, m->sentence_index, m->date, m->verification,
         m->q_value, m->q_unit, m->sentence);
    return 0;
}

static int count_events(store *s, const store_filter *f, out_t *o)
{
    out_t mine = {0};
    if (store_query_events(s, f, ev_row, &mine) != DYAD_OK) {
        fprintf(stderr, "query: %s\n", store_errmsg(s));
        free(mine.buf);
        return -1;
    }
    if (o && mine.buf) outf(o, "%s", mine.buf);
    outf(o ? o : &mine, "--\n");
    int n = mine.n;
    free(mine.buf);
    return n;
}

static const char *TA =
    "Nordkorea hat Soldaten nach Russland geschickt. "
    "Es waren rund 11.000 Soldaten, sagte Seoul. "
    "Russland griff Ziele in der Ukraine an.";
static const char *TB =
    "Kim schickte im Juni Truppen zu Putin; von 12.000 Soldaten ist die Rede.";
static const char *TC =
    "Nach Angaben des ukrainischen Geheimdienstes kamen die Soldaten am "
    "19. Juni an. Das lässt sich nicht unabhängig überprüfen.";
static const char *TD =
    "Weitere Truppen aus Pjöngjang trafen im Juli ein. "
    "Im Mai hatte Russland die Ukraine beschossen.";

/* The scenario: four articles, two publishers; see docs/storage.md. */
static void fill(store *s, int again)
{
    dyad_input a = doc("a", TA, "2024-06-20", "P1");
    dyad_event ea[3] = {
        ev(TA, "Nordkorea hat Soldaten nach Russland geschickt.", "PRKGOV",
           "RUSGOV", "072", 2, 8.3, "2024-06-19"),
        ev(TA, "Es waren rund 11.000 Soldaten, sagte Seoul.", "PRKGOV",
           "RUSGOV", "072", 2, 8.3, "2024-06-19"),
        ev(TA, "Russland griff Ziele in der Ukraine an.", "RUS", "UKR", "190",
           4, -10, ""),
    };
    ea[1].sentence_index = 1;
    ea[1].quantity.present = 1;
    ea[1].quantity.value = 11000;
    ea[1].quantity.unit = "soldiers";
    ea[1].quantity.text = "rund 11.000 Soldaten";
    ea[1].quantity.qualifier = "about";
    ea[1].claimant.code = "KOR";
    ea[1].claimant.text = "Seoul";
    ea[2].sentence_index = 2;
    ea[2].location.present = 1;
    ea[2].location.name = "Ukraine";
    ea[2].location.country = "UKR";
    store_put_result r = put(s, &a, ea, 3);
    CHECK(again ? r.skipped : r.nmentions == 3 && r.nnew_events == 2);

    dyad_input b = doc("b", TB, "2024-06-21", "P1");
    dyad_event eb = ev(TB, TB, "PRKGOV", "RUSGOV", "072", 2, 8.3, "2024-06");
    eb.quantity.present = 1;
    eb.quantity.value = 12000;
    eb.quantity.unit = "soldiers";
    eb.quantity.text = "12.000 Soldaten";
    eb.hedged = 1;
    r = put(s, &b, &eb, 1);
    CHECK(again ? r.skipped : r.nmentions == 1 && r.nnew_events == 0);

    dyad_input c = doc("c", TC, "2024-07-01", "P2");
    dyad_event ec = ev(TC, "Nach Angaben des ukrainischen Geheimdienstes kamen"
                           " die Soldaten am 19. Juni an.",
                       "PRKGOV", "RUSGOV", "072", 2, 8.3, "2024-06-19");
    ec.claimant.code = "UKRSPY";
    ec.claimant.text = "ukrainischer Geheimdienst";
    ec.verification = "unverified";
    r = put(s, &c, &ec, 1);
    CHECK(again ? r.skipped : r.nmentions == 1 && r.nnew_events == 0);

    dyad_input d = doc("d", TD, "2024-07-03", "P2");
    d.url = "https://example.org/d";
    dyad_event ed[2] = {
        ev(TD, "Weitere Truppen aus Pjöngjang trafen im Juli ein.", "PRKGOV",
           "RUSGOV", "072", 2, 8.3, "2024-07-02"),
        ev(TD, "Im Mai hatte Russland die Ukraine beschossen.", "RUS", "UKR",
           "190", 4, -10, "2024-05"),
    };
    ed[1].sentence_index = 1;
    r = put(s, &d, ed, 2);
    CHECK(again ? r.skipped : r.nmentions == 2 && r.nnew_events == 2);
}

/* Runs the scenario against target, appends every answer to o. */
static void suite(const char *target, out_t *o)
{
    store *s = NULL;
    char err[256];
    dyad_status rc = store_open(target, &s, err, sizeof err);
    CHECK(rc == DYAD_OK);
    if (rc) {
        fprintf(stderr, "open %s: %s\n", target, err);
        return;
    }
    CHECK(store_schema_version(s) == store_schema_latest());
    fill(s, 0);

    store_counts k;
    CHECK(store_count(s, &k) == DYAD_OK);
    CHECK(k.documents == 4 && k.events == 4 && k.mentions == 7);
    CHECK(k.sentences_fts == 7);
    outf(o, "counts %lld %lld %lld %lld\n", k.documents, k.events,
         k.mentions, k.actors);

    /* Idempotent: the same documents again change nothing. */
    fill(s, 1);
    store_counts k2;
    CHECK(store_count(s, &k2) == DYAD_OK);
    CHECK(memcmp(&k, &k2, sizeof k) == 0);
    int exists = 0;
    dyad_input a = doc("other-id", TA, NULL, NULL);
    CHECK(store_doc_exists(s, &a, NULL, &exists) == DYAD_OK && exists == 1);
    dyad_input z = doc("z", "never stored", NULL, NULL);
    CHECK(store_doc_exists(s, &z, NULL, &exists) == DYAD_OK && exists == 0);

    /* The merged event: 4 mentions, 3 articles, 2 publishers; the first
     * quantity stays on the event, every quantity stays on its mention. */
    store_filter f = {0};
    f.source = "PRK";
    f.until = "2024-06";
    out_t one = {0};
    CHECK(store_query_events(s, &f, ev_row, &one) == DYAD_OK);
    CHECK(one.n == 1);
    CHECK(one.buf && strstr(one.buf, "|m4 s2 a3|qty|soldiers|KOR|Seoul|"
                                     "unverified|"));
    CHECK(one.buf && strstr(one.buf, "|2024-06-19|"));
    outf(o, "%s", one.buf ? one.buf : "");
    free(one.buf);
    out_t men = {0};
    CHECK(store_query_mentions(s, &f, men_row, &men) == DYAD_OK);
    CHECK(men.n == 4);
    CHECK(men.buf && strstr(men.buf, "|11000|soldiers|"));
    CHECK(men.buf && strstr(men.buf, "|12000|soldiers|"));
    CHECK(men.buf && strstr(men.buf, "|b|P1|0|2024-06||"));
    outf(o, "%s", men.buf ? men.buf : "");
    free(men.buf);

    /* Filters, each alone. */
    struct { store_filter f; int want; } cases[] = {
        {{.source = "PRK"}, 2},
        {{.source = "PRKGOV", .target = "RUS"}, 2},
        {{.source = "RUS", .target = "UKR"}, 2},
        {{.target = "PRK"}, 0},
        {{.actor = "UKR"}, 2},
        {{.code = "07"}, 2},
        {{.code = "072"}, 2},
        {{.code = "0721"}, 0},
        {{.code = "19"}, 2},
        {{.quad = 4}, 2},
        {{.since = "2024-07"}, 1},
        {{.since = "2024-06-20"}, 2},
        {{.until = "2024-06"}, 3},
        {{.until = "2024-05-31"}, 1},
        {{.since = "2024-06", .until = "2024-06"}, 2},
        {{.text = "Soldaten"}, 1},
        {{.text = "soldaten"}, 1},
        {{.text = "Ukraine"}, 2},
        {{.text = "Pjöngjang"}, 1},
        {{.text = "Sold*"}, 1},
        {{.text = "Russland Ukraine"}, 2},
        {{.text = "Russland Ziele"}, 1},
        {{.text = "Ukraine", .quad = 4, .since = "2024-06"}, 1},
        {{.text = "nirgendwo"}, 0},
        {{.text = "!!"}, 0},
        {{.claimant = "UKR"}, 1},
        {{.claimant = "Seoul"}, 1},
        {{.claimant = "Geheimdienst"}, 1},
        {{.claimant = "USA"}, 0},
        {{.unverified = 1}, 1},
        {{.limit = 3}, 3},
        {{0}, 4},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int n = count_events(s, &cases[i].f, o);
        if (n != cases[i].want)
            fprintf(stderr, "filter case %zu: %d events, want %d\n", i, n,
                    cases[i].want);
        CHECK(n == cases[i].want);
    }

    /* Bound parameters: quotes and SQL in a filter are only text. */
    store_filter evil = {.source = "PRK' OR '1'='1", .claimant = "x'); --"};
    CHECK(count_events(s, &evil, NULL) == 0);
    store_filter evil2 = {.text = "\"a\" OR 1=1 -- ' ;"};
    CHECK(count_events(s, &evil2, NULL) >= 0);

    store_close(s);

    /* Reopening migrates nothing and keeps everything. */
    CHECK(store_open(target, &s, err, sizeof err) == DYAD_OK);
    if (s) {
        CHECK(store_schema_version(s) == store_schema_latest());
        CHECK(store_count(s, &k2) == DYAD_OK && k2.events == 4);
        store_close(s);
    }
}

/* ---- units ---- */

static void units(void)
{
    char h[65], d[11];
    store_doc_hash("abc", 3, h);
    CHECK_STR(h, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    store_doc_hash("", 0, h);
    CHECK_STR(h, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    /* 56 bytes: the padding spills into a second block */
    const char *two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    store_doc_hash(two, strlen(two), h);
    CHECK_STR(h, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");

    CHECK(store_date_norm("2024-06-19", d) == 10 && strcmp(d, "2024-06-19") == 0);
    CHECK(store_date_norm("2024-06-19T10:00:00Z", d) == 10);
    CHECK(store_date_norm("2024-06", d) == 7);
    CHECK(store_date_norm("2024", d) == 4);
    CHECK(store_date_norm("2024-6", d) == 4 && strcmp(d, "2024") == 0);
    CHECK(store_date_norm("20240619", d) == 0 && d[0] == 0);
    CHECK(store_date_norm("gestern", d) == 0);
    CHECK(store_date_norm(NULL, d) == 0);

    /* Bad targets fail with a message, never crash. */
    store *s = NULL;
    char err[256] = "";
    CHECK(store_open("/nonexistent-dir/x/y.db", &s, err, sizeof err) != DYAD_OK);
    CHECK(s == NULL && err[0]);
    CHECK(store_open("", &s, err, sizeof err) == DYAD_EUSAGE);
    CHECK(store_open("postgresql://nobody@/nodb?host=/nonexistent&connect_timeout=2",
                     &s, err, sizeof err) == DYAD_EDB);
    CHECK(s == NULL && strstr(err, "postgresql"));
}

/* Out-of-range spans and odd fields are clipped, not trusted. */
static void robustness(const char *target)
{
    store *s = NULL;
    char err[256];
    if (store_open(target, &s, err, sizeof err) != DYAD_OK) {
        CHECK(0);
        return;
    }
    const char *t = "short";
    dyad_input d = doc("odd", t, "not a date", NULL);
    dyad_event e = ev(t, "short", "", "", "0123", 1, 0, "2024-13-99");
    memcpy(e.cameo, "12345", 5);   /* no terminator in the array */
    e.sent_start = 3;
    e.sent_len = 1000;
    e.sentence_index = 7;
    dyad_event e2 = e;
    e2.sent_start = 99999;
    dyad_event both[2] = {e, e2};
    store_put_result r;
    CHECK(store_put_doc(s, &d, NULL, t, strlen(t), NULL, both, 2, &r) == DYAD_OK);
    CHECK(r.nmentions == 2);
    CHECK(store_put_doc(s, &d, NULL, t, strlen(t), NULL, NULL, 0, &r) == DYAD_OK);
    CHECK(r.skipped == 1);
    dyad_input empty = doc("empty", "", NULL, NULL);
    CHECK(store_put_doc(s, &empty, NULL, "", 0, NULL, NULL, 0, &r) == DYAD_OK);
    CHECK(!r.skipped);

    /* Batches: committed together; a batch left open is not stored. */
    const char *t1 = "eins", *t2 = "zwei", *t3 = "drei";
    dyad_input b1 = doc("b1", t1, "2024-01-01", NULL);
    dyad_input b2 = doc("b2", t2, "2024-01-01", NULL);
    dyad_input b3 = doc("b3", t3, "2024-01-01", NULL);
    dyad_event e1 = ev(t1, "eins", "AAA", "BBB", "010", 1, 0, "");
    dyad_event e3 = ev(t3, "drei", "AAA", "BBB", "010", 1, 0, "");
    CHECK(store_batch_begin(s) == DYAD_OK && store_in_batch(s));
    CHECK(store_put_doc(s, &b1, NULL, t1, 4, NULL, &e1, 1, &r) == DYAD_OK);
    CHECK(store_put_doc(s, &b1, NULL, t1, 4, NULL, &e1, 1, &r) == DYAD_OK &&
          r.skipped);   /* the same text twice inside one batch */
    CHECK(store_put_doc(s, &b2, NULL, t2, 4, NULL, NULL, 0, &r) == DYAD_OK);
    CHECK(store_batch_commit(s) == DYAD_OK && !store_in_batch(s));
    store_counts k;
    CHECK(store_count(s, &k) == DYAD_OK && k.documents == 4);
    CHECK(store_batch_begin(s) == DYAD_OK);
    CHECK(store_put_doc(s, &b3, NULL, t3, 4, NULL, &e3, 1, &r) == DYAD_OK);
    CHECK(r.nnew_events == 0);   /* merged with b1's event */
    store_close(s);   /* without commit */
    CHECK(store_open(target, &s, err, sizeof err) == DYAD_OK);
    if (!s) return;
    CHECK(store_count(s, &k) == DYAD_OK && k.documents == 4 && k.mentions == 3);
    /* and the merge cache of the lost batch is gone: b3 merges again */
    CHECK(store_put_doc(s, &b3, NULL, t3, 4, NULL, &e3, 1, &r) == DYAD_OK);
    CHECK(!r.skipped && r.nnew_events == 0);
    CHECK(store_count(s, &k) == DYAD_OK && k.events == 2 && k.mentions == 4);
    store_close(s);
}

/* ---- synthetic bulk load for the crash test ---- */

static const char *PUB[] = {"Alpha", "Beta", "Gamma", "Delta", "Epsilon"};
static const char *ACT[] = {"PRKGOV", "RUSGOV", "UKRMIL", "USA", "CHN", "EUR"};
static const char *CODE[] = {"072", "190", "036", "0332", "112", "057"};

static int bulk(const char *target, long n)
{
    store *s = NULL;
    char err[256];
    if (store_open(target, &s, err, sizeof err) != DYAD_OK) {
        fprintf(stderr, "%s\n", err);
        return 1;
    }
    char text[512], id[32], date[32], edate[4][32];
    for (long i = 0; i < n; i++) {
        snprintf(id, sizeof id, "syn-%05ld", i);
        snprintf(date, sizeof date, "2024-%02ld-%02ld", 1 + i % 12, 1 + i % 28);
        int k = snprintf(text, sizeof text,
                         "Bericht %ld. Erster Satz über %s. Zweiter Satz über %s. "
                         "Dritter Satz.", i, ACT[i % 6], ACT[(i / 6) % 6]);
        dyad_input d = doc(id, text, date, PUB[i % 5]);
        dyad_event e[4];
        size_t ne = (size_t)(i % 4);
        for (size_t j = 0; j < ne; j++) {
            /* few distinct keys, so that events merge across documents */
            long v = (i * 7 + (long)j * 3) % 50;
            if (j == 0) snprintf(edate[j], sizeof edate[j], "2024-%02ld", 1 + v % 12);
            else if (j == 1) snprintf(edate[j], sizeof edate[j], "2024-%02ld-%02ld", 1 + v % 12, 1 + v % 3);
            else edate[j][0] = 0;
            e[j] = ev(text, "Erster Satz", ACT[v % 6], ACT[(v + 1 + (long)j) % 6],
                      CODE[(v / 6) % 6], 1 + (int)(v % 4), (double)(v % 21) - 10,
                      edate[j]);
            e[j].sentence_index = j;
            if (v % 5 == 0) {
                e[j].quantity.present = 1;
                e[j].quantity.value = (double)(i % 1000);
                e[j].quantity.unit = "soldiers";
            }
            if (v % 7 == 0) e[j].verification = "unverified";
        }
        store_put_result r;
        if (store_put_doc(s, &d, NULL, text, (size_t)k, "de", e, ne, &r) != DYAD_OK) {
            fprintf(stderr, "%s: %s\n", id, store_errmsg(s));
            store_close(s);
            return 1;
        }
    }
    store_close(s);
    return 0;
}

/* Just the number of documents, cheaply: the crash test polls it. */
static int docs_only(const char *target)
{
    store *s = NULL;
    char err[256];
    if (store_open(target, &s, err, sizeof err) != DYAD_OK) return 1;
    store_counts k;
    int rc = store_count(s, &k) != DYAD_OK;
    if (!rc) printf("%lld\n", k.documents);
    store_close(s);
    return rc;
}

static int counts(const char *target)
{
    store *s = NULL;
    char err[256];
    if (store_open(target, &s, err, sizeof err) != DYAD_OK) {
        fprintf(stderr, "%s\n", err);
        return 1;
    }
    store_counts k;
    if (store_count(s, &k) != DYAD_OK) return 1;
    /* plus a digest of every merged event's counts */
    out_t o = {0};
    store_query_events(s, NULL, ev_row, &o);
    char h[65];
    store_doc_hash(o.buf ? o.buf : "", o.len, h);
    printf("%lld %lld %lld %lld %.16s\n", k.documents, k.events, k.mentions,
           k.actors, h);
    free(o.buf);
    store_close(s);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc == 4 && strcmp(argv[1], "--bulk") == 0)
        return bulk(argv[2], atol(argv[3]));
    if (argc == 3 && strcmp(argv[1], "--counts") == 0)
        return counts(argv[2]);
    if (argc == 3 && strcmp(argv[1], "--docs") == 0)
        return docs_only(argv[2]);

    units();
    char dir[] = "/tmp/dyad-store-XXXXXX", path[64], path2[64];
    if (!mkdtemp(dir)) return 1;
    snprintf(path, sizeof path, "%s/t.db", dir);
    snprintf(path2, sizeof path2, "%s/odd.db", dir);
    out_t lite = {0};
    suite(path, &lite);
    robustness(path2);

    const char *pg = getenv("DYAD_TEST_PG");
    if (pg && *pg) {
        out_t post = {0};
        suite(pg, &post);
        CHECK(lite.buf && post.buf && strcmp(lite.buf, post.buf) == 0);
        if (lite.buf && post.buf && strcmp(lite.buf, post.buf) != 0) {
            FILE *f1 = fopen("/tmp/dyad-store-sqlite.txt", "w");
            FILE *f2 = fopen("/tmp/dyad-store-pg.txt", "w");
            if (f1) { fputs(lite.buf, f1); fclose(f1); }
            if (f2) { fputs(post.buf, f2); fclose(f2); }
            fprintf(stderr, "SQLite and PostgreSQL answers differ: diff "
                            "/tmp/dyad-store-sqlite.txt /tmp/dyad-store-pg.txt\n");
        }
        free(post.buf);
    } else {
        fprintf(stderr, "test_store: PostgreSQL part skipped (DYAD_TEST_PG "
                        "unset; tests/store_pg.sh.t sets it)\n");
    }
    free(lite.buf);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    if (system(cmd) != 0) fprintf(stderr, "could not remove %s\n", dir);
    return check_done();
}
