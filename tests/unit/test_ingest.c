/* test_ingest.c — the readers on our own fixtures: plain text, JSON Lines
 * (metadata, bad lines, a 10 MB line, the size limit), whole .json files
 * (one document, a list, broken JSON), binary files, gzip, folders in name
 * order, format detection, stdin. */
#include "dyad.h"
#include "check.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#define FIX "tests/fixtures/ingest/"

static char tmpdir[256];

static void write_file(const char *path, const char *data, size_t n)
{
    FILE *f = fopen(path, "wb");
    if (!f) { perror(path); exit(1); }
    fwrite(data, 1, n, f);
    fclose(f);
}

static void write_gz(const char *path, const char *data, size_t n)
{
    gzFile g = gzopen(path, "wb");
    if (!g) { perror(path); exit(1); }
    gzwrite(g, data, (unsigned)n);
    gzclose(g);
}

static char *tpath(const char *name)
{
    static char buf[4][512];
    static int k;
    k = (k + 1) % 4;
    snprintf(buf[k], sizeof buf[k], "%s/%s", tmpdir, name);
    return buf[k];
}

static void test_text(void)
{
    const char *p[] = { FIX "plain.txt" };
    dyad_reader_opts o = { .lang = "de", .date = "2025-08-22" };
    dyad_reader *r;
    CHECK(dyad_reader_open(p, 1, &o, &r) == DYAD_OK);
    dyad_input in;
    char d[256];
    CHECK(dyad_reader_next(r, &in, d, sizeof d) == DYAD_OK);
    CHECK_STR(in.id, "plain.txt");
    CHECK_STR(in.lang, "de");
    CHECK_STR(in.date, "2025-08-22");
    CHECK_STR(in.file, FIX "plain.txt");
    CHECK(in.len > 40 && strstr(in.text, "Botschafter") != NULL);
    CHECK(dyad_reader_next(r, &in, d, sizeof d) == DYAD_EOF);
    dyad_reader_free(r);

    /* opts.id names a single plain input */
    o.id = "mine";
    CHECK(dyad_reader_open(p, 1, &o, &r) == DYAD_OK);
    CHECK(dyad_reader_next(r, &in, d, sizeof d) == DYAD_OK);
    CHECK_STR(in.id, "mine");
    dyad_reader_free(r);
}

static void test_jsonl(void)
{
    const char *p[] = { FIX "docs.jsonl" };
    dyad_reader *r;
    CHECK(dyad_reader_open(p, 1, NULL, &r) == DYAD_OK);
    dyad_input in;
    char d[256];
    CHECK(dyad_reader_next(r, &in, d, sizeof d) == DYAD_OK);
    CHECK_STR(in.id, "a1");
    CHECK_STR(in.text, "Erster Text.");
    CHECK_STR(in.date, "2025-08-22");
    CHECK_STR(in.lang, "de");
    CHECK_STR(in.title, "Eins");
    CHECK_STR(in.url, "https://example.org/1");
    CHECK_STR(in.publisher, "Beispiel");
    CHECK(dyad_reader_next(r, &in, d, sizeof d) == DYAD_OK);
    CHECK_STR(in.id, "7");
    CHECK(in.lang == NULL && in.date == NULL);
    CHECK(dyad_reader_next(r, &in, d, sizeof d) == DYAD_EINPUT);
    CHECK(strncmp(d, FIX "docs.jsonl:3: not JSON: ", strlen(FIX "docs.jsonl:3: not JSON: ")) == 0);
    CHECK(dyad_reader_next(r, &in, d, sizeof d) == DYAD_OK);
    CHECK_STR(in.id, "docs.jsonl:4");
    CHECK(dyad_reader_next(r, &in, d, sizeof d) == DYAD_EINPUT);   /* no text */
    CHECK(strstr(d, ":6:") != NULL);
    CHECK(dyad_reader_next(r, &in, d, sizeof d) == DYAD_EOF);
    dyad_reader_free(r);
}

/* A pretty-printed .json file is documents, not lines: one object is one
 * document, a list gives one per element, broken JSON one message. */
static void test_json_whole(void)
{
    const char *p[] = { FIX "doc.json", FIX "docs-array.json" };
    dyad_reader *r;
    CHECK(dyad_reader_open(p, 2, NULL, &r) == DYAD_OK);
    dyad_input in;
    char d[256];
    CHECK(dyad_reader_next(r, &in, d, sizeof d) == DYAD_OK);
    CHECK_STR(in.id, "single-1");
    CHECK_STR(in.title, "Gipfel in Genf");
    CHECK_STR(in.date, "2025-06-03");
    CHECK(strstr(in.text, "Genf") != NULL);
    CHECK(dyad_reader_next(r, &in, d, sizeof d) == DYAD_OK);
    CHECK_STR(in.id, "arr-1");
    CHECK_STR(in.lang, "en");
    CHECK(dyad_reader_next(r, &in, d, sizeof d) == DYAD_OK);
    CHECK_STR(in.id, "docs-array.json#2");
    CHECK(dyad_reader_next(r, &in, d, sizeof d) == DYAD_EINPUT);   /* 42 */
    CHECK(strstr(d, "docs-array.json#3: not a JSON object") != NULL);
    CHECK(dyad_reader_next(r, &in, d, sizeof d) == DYAD_EINPUT);   /* no text */
    CHECK(strstr(d, "docs-array.json#4") != NULL);
    CHECK(dyad_reader_next(r, &in, d, sizeof d) == DYAD_OK);
    CHECK_STR(in.id, "arr-5");
    CHECK(dyad_reader_next(r, &in, d, sizeof d) == DYAD_EOF);
    dyad_reader_free(r);

    /* broken: one message for the file, then the next file */
    static const char bad[] = "{\n  \"text\": \"halb\",\n  \"id\": \n";
    write_file(tpath("bad.json"), bad, sizeof bad - 1);
    static const char list[] = "[{\"text\": \"gepackt\"}]\n";
    write_gz(tpath("list.json.gz"), list, sizeof list - 1);
    const char *q[] = { tpath("bad.json"), tpath("list.json.gz") };
    CHECK(dyad_reader_open(q, 2, NULL, &r) == DYAD_OK);
    CHECK(dyad_reader_next(r, &in, d, sizeof d) == DYAD_EINPUT);
    CHECK(strstr(d, "bad.json: not valid JSON (line") != NULL);
    CHECK(dyad_reader_next(r, &in, d, sizeof d) == DYAD_OK);
    CHECK_STR(in.text, "gepackt");
    CHECK(dyad_reader_next(r, &in, d, sizeof d) == DYAD_EOF);
    dyad_reader_free(r);

    /* JSON Lines in a .json file stay lines */
    static const char lines[] = "{\"id\": \"l1\", \"text\": \"Eins.\"}\n"
                                "{\"id\": \"l2\", \"text\": \"Zwei.\"}\n";
    write_file(tpath("lines.json"), lines, sizeof lines - 1);
    const char *l[] = { tpath("lines.json") };
    CHECK(dyad_reader_open(l, 1, NULL, &r) == DYAD_OK);
    CHECK(dyad_reader_next(r, &in, d, sizeof d) == DYAD_OK);
    CHECK_STR(in.id, "l1");
    CHECK(dyad_reader_next(r, &in, d, sizeof d) == DYAD_OK);
    CHECK_STR(in.id, "l2");
    CHECK(dyad_reader_next(r, &in, d, sizeof d) == DYAD_EOF);
    dyad_reader_free(r);
}

static void test_big_line_and_limit(void)
{
    size_t n = 10u * 1024 * 1024;
    char *big = malloc(n + 64);
    strcpy(big, "{\"id\":\"big\",\"text\":\"");
    size_t k = strlen(big);
    for (size_t i = 0; i < n; i++) big[k++] = (i % 50 == 49) ? ' ' : 'a';
    strcpy(big + k, "\"}\n{\"id\":\"small\",\"text\":\"ok\"}");
    k += strlen(big + k);
    write_file(tpath("big.jsonl"), big, k);
    const char *p[] = { tpath("big.jsonl") };
    dyad_reader *r;
    dyad_input in;
    char d[256];
    CHECK(dyad_reader_open(p, 1, NULL, &r) == DYAD_OK);
    CHECK(dyad_reader_next(r, &in, d, sizeof d) == DYAD_OK);
    CHECK_STR(in.id, "big");
    CHECK(in.len == n);
    CHECK(dyad_reader_next(r, &in, d, sizeof d) == DYAD_OK);
    CHECK_STR(in.id, "small");
    dyad_reader_free(r);

    /* a limit below the line: ETOOBIG, then the next line */
    dyad_reader_opts o = { .max_bytes = 1024 * 1024 };
    CHECK(dyad_reader_open(p, 1, &o, &r) == DYAD_OK);
    CHECK(dyad_reader_next(r, &in, d, sizeof d) == DYAD_ETOOBIG);
    CHECK(strstr(d, "big.jsonl:1") != NULL);
    CHECK(dyad_reader_next(r, &in, d, sizeof d) == DYAD_OK);
    CHECK_STR(in.id, "small");
    CHECK(dyad_reader_next(r, &in, d, sizeof d) == DYAD_EOF);
    dyad_reader_free(r);

    /* a whole text file over the limit */
    write_file(tpath("big.txt"), big + 30, 3 * 1024 * 1024);
    const char *q[] = { tpath("big.txt"), FIX "plain.txt" };
    CHECK(dyad_reader_open(q, 2, &o, &r) == DYAD_OK);
    CHECK(dyad_reader_next(r, &in, d, sizeof d) == DYAD_ETOOBIG);
    CHECK(strstr(d, "limit") != NULL);
    CHECK(dyad_reader_next(r, &in, d, sizeof d) == DYAD_OK);
    CHECK_STR(in.id, "plain.txt");
    dyad_reader_free(r);
    free(big);
}

static void test_binary_gzip_missing(void)
{
    static const char bin[] = "\x7f" "ELF\x02\x01\x01\0\0\0\0\0abc";
    write_file(tpath("prog.bin"), bin, sizeof bin);
    const char *txt = "Ein Satz aus einer gepackten Datei.\n";
    write_gz(tpath("packed.txt.gz"), txt, strlen(txt));
    write_gz(tpath("packed-noname.gz"), "{\"id\":\"z\",\"text\":\"gz json\"}\n", 28);
    const char *p[] = { tpath("prog.bin"), tpath("nonexistent.txt"),
                        tpath("packed.txt.gz"), tpath("packed-noname.gz") };
    dyad_reader *r;
    dyad_input in;
    char d[256];
    CHECK(dyad_reader_open(p, 4, NULL, &r) == DYAD_OK);
    CHECK(dyad_reader_next(r, &in, d, sizeof d) == DYAD_EINPUT);
    CHECK(strstr(d, "binary") != NULL);
    CHECK(dyad_reader_next(r, &in, d, sizeof d) == DYAD_EIO);
    CHECK(strstr(d, "nonexistent.txt") != NULL);
    CHECK(dyad_reader_next(r, &in, d, sizeof d) == DYAD_OK);
    CHECK_STR(in.text, txt);
    CHECK(dyad_reader_next(r, &in, d, sizeof d) == DYAD_OK);  /* JSONL by content */
    CHECK_STR(in.id, "z");
    CHECK_STR(in.text, "gz json");
    CHECK(dyad_reader_next(r, &in, d, sizeof d) == DYAD_EOF);
    dyad_reader_free(r);

    /* a gzip text file cut in the middle: the part read, then a message */
    char *long_txt = malloc(200000);
    for (size_t i = 0; i < 200000; i++) long_txt[i] = "Wort und Satz. "[i % 15];
    write_gz(tpath("cut.txt.gz"), long_txt, 200000);
    FILE *f = fopen(tpath("cut.txt.gz"), "rb");
    char gzb[8192];
    size_t gn = fread(gzb, 1, sizeof gzb, f);
    fclose(f);
    write_file(tpath("cut.txt.gz"), gzb, gn / 2);
    const char *c[] = { tpath("cut.txt.gz") };
    CHECK(dyad_reader_open(c, 1, NULL, &r) == DYAD_OK);
    CHECK(dyad_reader_next(r, &in, d, sizeof d) == DYAD_OK);
    CHECK(in.len > 0 && in.len < 200000);
    CHECK(dyad_reader_next(r, &in, d, sizeof d) == DYAD_EINPUT);
    CHECK(strstr(d, "lost") != NULL);
    CHECK(dyad_reader_next(r, &in, d, sizeof d) == DYAD_EOF);
    dyad_reader_free(r);
    free(long_txt);
}

static void test_folder(void)
{
    char sub[300];
    snprintf(sub, sizeof sub, "%s/dir", tmpdir);
    mkdir(sub, 0700);
    snprintf(sub, sizeof sub, "%s/dir/b", tmpdir);
    mkdir(sub, 0700);
    write_file(tpath("dir/b/x.txt"), "drei", 4);
    write_file(tpath("dir/a.txt"), "eins", 4);
    write_file(tpath("dir/c.txt"), "vier", 4);
    write_file(tpath("dir/.hidden"), "nie", 3);
    write_file(tpath("dir/a2.txt"), "zwei", 4);
    const char *p[] = { tpath("dir") };
    dyad_reader *r;
    dyad_input in;
    char d[256];
    CHECK(dyad_reader_open(p, 1, NULL, &r) == DYAD_OK);
    const char *want[] = { "eins", "zwei", "drei", "vier" };
    for (int i = 0; i < 4; i++) {
        CHECK(dyad_reader_next(r, &in, d, sizeof d) == DYAD_OK);
        CHECK_STR(in.text, want[i]);
    }
    CHECK(dyad_reader_next(r, &in, d, sizeof d) == DYAD_EOF);
    dyad_reader_free(r);
}

static void test_stdin(void)
{
    FILE *f = fopen(tpath("stdin.jsonl"), "w");
    fputs("{\"id\":\"s1\",\"text\":\"von stdin\"}\n", f);
    fclose(f);
    if (!freopen(tpath("stdin.jsonl"), "r", stdin)) { CHECK(0); return; }
    dyad_reader *r;
    dyad_input in;
    char d[256];
    CHECK(dyad_reader_open(NULL, 0, NULL, &r) == DYAD_OK);
    CHECK(dyad_reader_next(r, &in, d, sizeof d) == DYAD_OK);
    CHECK_STR(in.id, "s1");
    CHECK(in.file == NULL);
    CHECK(dyad_reader_next(r, &in, d, sizeof d) == DYAD_EOF);
    dyad_reader_free(r);
}

int main(void)
{
    snprintf(tmpdir, sizeof tmpdir, "/tmp/dyad-test-ingest-XXXXXX");
    if (!mkdtemp(tmpdir)) { perror("mkdtemp"); return 1; }
    test_text();
    test_jsonl();
    test_json_whole();
    test_big_line_and_limit();
    test_binary_gzip_missing();
    test_folder();
    test_stdin();
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    if (system(cmd) != 0) fprintf(stderr, "could not remove %s\n", tmpdir);
    return check_done();
}
