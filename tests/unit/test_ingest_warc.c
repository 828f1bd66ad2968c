/* test_ingest_warc.c — the WARC reader on WARC files this test writes
 * (multi-member .warc.gz, request/metadata records skipped, HTTP charset,
 * WARC-Date fallback, non-HTML payloads, a truncated copy), then on the
 * crawls in ../shared/corpus/warc when present (skipped otherwise). */
#include "dyad.h"
#include "check.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

static char tmpdir[128];

static void record(gzFile g, const char *type, const char *uri, const char *date,
                   const char *block)
{
    /* each record its own gzip member, as crawlers write them */
    char head[1024];
    int n = snprintf(head, sizeof head, "WARC/1.0\r\nWARC-Type: %s\r\n", type);
    if (uri) n += snprintf(head + n, sizeof head - (size_t)n, "WARC-Target-URI: %s\r\n", uri);
    if (date) n += snprintf(head + n, sizeof head - (size_t)n, "WARC-Date: %s\r\n", date);
    n += snprintf(head + n, sizeof head - (size_t)n,
                  "WARC-Record-ID: <urn:uuid:0000>\r\nContent-Length: %zu\r\n\r\n", strlen(block));
    gzwrite(g, head, (unsigned)n);
    gzwrite(g, block, (unsigned)strlen(block));
    gzwrite(g, "\r\n\r\n", 4);
    gzflush(g, Z_FINISH);   /* ends this member; the next write starts another */
}

static const char *page1 =
    "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=ISO-8859-1\r\n\r\n"
    "<html lang=\"de\"><body><article><p>Die Au\xdf" "enminister beider L\xe4" "nder trafen sich am Dienstag in "
    "Wien zu Gespr\xe4" "chen \xfc" "ber den Grenzverlauf.</p></article></body></html>";
static const char *page2 =
    "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
    "<html><head><meta property=\"article:published_time\" content=\"2021-06-01\"></head>"
    "<body><p>The parliament approved the budget on Tuesday after a long debate about defence spending.</p></body></html>";

static void write_warc(const char *path)
{
    gzFile g = gzopen(path, "wb");
    record(g, "warcinfo", NULL, "2024-01-01T00:00:00Z", "software: dyad test\r\n");
    record(g, "request", "https://news.example/a", "2024-01-02T00:00:00Z", "GET /a HTTP/1.1\r\n\r\n");
    record(g, "response", "https://news.example/a", "2024-01-02T10:00:00Z", page1);
    record(g, "metadata", "https://news.example/a", "2024-01-02T10:00:00Z", "fetchTimeMs: 12\r\n");
    record(g, "response", "https://news.example/logo.png", "2024-01-02T10:00:01Z",
           "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG....");
    record(g, "response", "https://news.example/b", "2024-01-03T09:00:00Z", page2);
    gzclose(g);
}

static void test_own(void)
{
    char path[256], cut[256];
    snprintf(path, sizeof path, "%s/crawl.warc.gz", tmpdir);
    snprintf(cut, sizeof cut, "%s/cut.warc.gz", tmpdir);
    write_warc(path);
    const char *p[] = { path };
    dyad_reader *r;
    dyad_input in;
    char d[512];
    CHECK(dyad_reader_open(p, 1, NULL, &r) == DYAD_OK);
    CHECK(dyad_reader_next(r, &in, d, sizeof d) == DYAD_OK);
    CHECK_STR(in.id, "https://news.example/a");
    CHECK_STR(in.url, "https://news.example/a");
    CHECK_STR(in.date, "2024-01-02");          /* WARC-Date as fallback */
    CHECK_STR(in.lang, "de");
    CHECK(strstr(in.text, "Die Außenminister beider Länder") != NULL);  /* HTTP charset */
    CHECK(dyad_reader_next(r, &in, d, sizeof d) == DYAD_OK);
    CHECK_STR(in.id, "https://news.example/b");
    CHECK_STR(in.date, "2021-06-01");          /* the page's own date wins */
    CHECK(strstr(in.text, "approved the budget") != NULL);
    CHECK(dyad_reader_next(r, &in, d, sizeof d) == DYAD_EOF);
    dyad_reader_free(r);

    /* truncated in the middle of the last record: the records before it,
     * then a message naming what was lost */
    FILE *f = fopen(path, "rb");
    static char buf[1 << 16];
    size_t n = fread(buf, 1, sizeof buf, f);
    fclose(f);
    f = fopen(cut, "wb");
    fwrite(buf, 1, n - 60, f);
    fclose(f);
    const char *q[] = { cut };
    CHECK(dyad_reader_open(q, 1, NULL, &r) == DYAD_OK);
    CHECK(dyad_reader_next(r, &in, d, sizeof d) == DYAD_OK);
    CHECK_STR(in.id, "https://news.example/a");
    dyad_status st;
    int msgs = 0, docs = 0;
    while ((st = dyad_reader_next(r, &in, d, sizeof d)) != DYAD_EOF) {
        if (st == DYAD_OK) docs++;
        else { msgs++; CHECK(strstr(d, "lost") != NULL); CHECK(strstr(d, "cut.warc.gz") != NULL); }
    }
    CHECK(msgs == 1);
    CHECK(docs <= 1);
    dyad_reader_free(r);

    /* a record over the size limit is skipped with ETOOBIG, the rest read */
    size_t l1 = strlen(page1), l2 = strlen(page2);
    dyad_reader_opts o = { .max_bytes = l1 < l2 ? l1 : l2 };
    CHECK(l1 != l2);
    CHECK(dyad_reader_open(p, 1, &o, &r) == DYAD_OK);
    int big = 0, ok = 0;
    while ((st = dyad_reader_next(r, &in, d, sizeof d)) != DYAD_EOF) {
        if (st == DYAD_ETOOBIG) big++;
        else if (st == DYAD_OK) ok++;
    }
    CHECK(big >= 1 && ok >= 1);
    dyad_reader_free(r);
}

static void test_shared(void)
{
    const char *dir = "../shared/corpus/warc";
    if (access(dir, R_OK) != 0) { printf("skip: %s not present\n", dir); return; }
    static const struct { const char *name; int min_docs; int truncated; } files[] = {
        { "warcfile.warc.gz", 10, 0 },
        { "clueweb-quirk.warc.gz", 20, 0 },
        { "clipped.warc.gz", 1, 1 },
    };
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        char path[512];
        snprintf(path, sizeof path, "%s/%s", dir, files[i].name);
        const char *p[] = { path };
        dyad_reader *r;
        dyad_input in;
        char d[1024];
        CHECK(dyad_reader_open(p, 1, NULL, &r) == DYAD_OK);
        int docs = 0, loss = 0, other = 0, texts = 0;
        dyad_status st;
        while ((st = dyad_reader_next(r, &in, d, sizeof d)) != DYAD_EOF) {
            if (st == DYAD_OK) {
                docs++;
                if (in.len > 0) texts++;
                CHECK(in.url != NULL && in.id != NULL);
            } else if (strstr(d, "lost")) {
                loss++;
                printf("%s: %s\n", files[i].name, d);
            } else {
                other++;
                printf("%s: %s\n", files[i].name, d);
            }
        }
        printf("%s: %d documents, %d with text\n", files[i].name, docs, texts);
        CHECK(docs >= files[i].min_docs);
        CHECK(texts >= files[i].min_docs);
        CHECK(loss == files[i].truncated);
        CHECK(other == 0);
        dyad_reader_free(r);
    }
}

int main(void)
{
    snprintf(tmpdir, sizeof tmpdir, "/tmp/dyad-test-warc-XXXXXX");
    if (!mkdtemp(tmpdir)) { perror("mkdtemp"); return 1; }
    test_own();
    test_shared();
    char cmd[200];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    if (system(cmd) != 0) fprintf(stderr, "could not remove %s\n", tmpdir);
    return check_done();
}
