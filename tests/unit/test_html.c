/* test_html.c — main-text extraction on our own small pages: what is kept
 * (headline, standfirst, body, subheads, caption without credit), what is
 * dropped (navigation, skip link, cookie banner, share bar, related list,
 * comments, video placeholder, footer, scripts), metadata (title, date
 * from meta, JSON-LD, <time> and URL, lang, canonical URL, publisher),
 * charset conversion, broken markup and non-HTML input. */
#include "dyad.h"
#include "check.h"

#include <stdlib.h>
#include <string.h>

#define FIX "tests/fixtures/ingest/"

static char *slurp(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    if (!f) { perror(path); exit(1); }
    fseek(f, 0, SEEK_END);
    long l = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *b = malloc((size_t)l + 1);
    *n = fread(b, 1, (size_t)l, f);
    b[*n] = 0;
    fclose(f);
    return b;
}

static int page(const char *name, dyad_page *p, const char *hint)
{
    size_t n;
    char path[256];
    snprintf(path, sizeof path, FIX "%s", name);
    char *b = slurp(path, &n);
    int rc = dyad_html_extract(b, n, hint, p);
    free(b);
    return rc;
}

static int has(const dyad_page *p, const char *s)
{
    return p->text && strstr(p->text, s) != NULL;
}

static void test_article(void)
{
    dyad_page p;
    CHECK(page("article.html", &p, NULL) == DYAD_OK);
    CHECK(has(&p, "Minister besucht Hafen"));                    /* headline */
    CHECK(has(&p, "Der Verkehrsminister hat am Freitag"));       /* standfirst */
    CHECK(has(&p, "sprach der Minister mit Hafenarbeitern"));     /* body */
    CHECK(has(&p, "Neue Kräne bis 2027"));                        /* subhead */
    CHECK(has(&p, "die Beschäftigten bei der Umsetzung"));
    CHECK(has(&p, "im Hintergrund ein Frachter"));                /* caption */
    CHECK(!has(&p, "Erika Muster"));                              /* its credit */
    CHECK(!has(&p, "Foto:"));
    CHECK(!has(&p, "Zum Inhalt springen"));                       /* skip link */
    CHECK(!has(&p, "Cookies"));                                   /* banner */
    CHECK(!has(&p, "Startseite"));                                /* nav */
    CHECK(!has(&p, "Teilen auf"));                                /* share bar */
    CHECK(!has(&p, "Rekordumschlag"));                            /* related */
    CHECK(!has(&p, "Mehr zum Thema"));
    CHECK(!has(&p, "Leser123"));                                  /* comments */
    CHECK(!has(&p, "browser"));                                   /* video */
    CHECK(!has(&p, "Impressum"));                                 /* footer */
    CHECK(!has(&p, "Skript"));                                    /* script */
    CHECK(!has(&p, "color"));                                     /* style */
    CHECK(p.len == strlen(p.text));
    CHECK_STR(p.title, "Minister besucht Hafen");
    CHECK_STR(p.date, "2025-03-14");
    CHECK_STR(p.lang, "de");
    CHECK_STR(p.url, "https://zeitung.example/politik/minister-hafen");
    CHECK_STR(p.publisher, "Beispielzeitung");
    dyad_page_free(&p);
    CHECK(p.text == NULL);
}

static void test_metadata_sources(void)
{
    dyad_page p;
    CHECK(page("jsonld.html", &p, NULL) == DYAD_OK);
    CHECK_STR(p.date, "2024-11-02");
    CHECK_STR(p.title, "Talks resume in Geneva");
    CHECK_STR(p.publisher, "Example Wire");
    CHECK_STR(p.lang, "en");
    CHECK(has(&p, "resumed talks in Geneva"));
    dyad_page_free(&p);

    CHECK(page("urldate.html", &p, NULL) == DYAD_OK);
    CHECK_STR(p.date, "2023-07-09");
    CHECK_STR(p.url, "https://news.example/2023/07/09/storm-hits-coast/");
    CHECK(has(&p, "nobody was injured"));
    dyad_page_free(&p);

    CHECK(page("timetag.html", &p, NULL) == DYAD_OK);
    CHECK_STR(p.date, "2022-05-17");
    CHECK(has(&p, "neues Gesetz"));
    dyad_page_free(&p);
}

static void test_charsets(void)
{
    dyad_page p;
    /* meta charset iso-8859-1 */
    CHECK(page("latin1.html", &p, NULL) == DYAD_OK);
    CHECK(has(&p, "Die Größe des Straßennetzes wurde überprüft"));
    CHECK(has(&p, "Weitere Prüfungen der Brücken"));
    CHECK_STR(p.title, "Größe");
    dyad_page_free(&p);

    /* the HTTP header's charset (WARC) wins over a wrong guess */
    const char *w1252 = "<p>Die Stra\xdf" "e nach K\xf6ln wurde am Montag f\xfcr den Verkehr gesperrt, teilte die Polizei mit.</p>";
    CHECK(dyad_html_extract(w1252, strlen(w1252), "windows-1252", &p) == DYAD_OK);
    CHECK(has(&p, "Die Straße nach Köln"));
    dyad_page_free(&p);
    /* no declaration, not UTF-8: read as windows-1252 */
    CHECK(dyad_html_extract(w1252, strlen(w1252), NULL, &p) == DYAD_OK);
    CHECK(has(&p, "für den Verkehr"));
    dyad_page_free(&p);
    /* UTF-8 byte order mark */
    const char *bom = "\xEF\xBB\xBF<p>\xC3\x9C" "ber die Gespr\xC3\xA4" "che zwischen beiden Staaten wurde am Sonntag in Wien berichtet.</p>";
    CHECK(dyad_html_extract(bom, strlen(bom), NULL, &p) == DYAD_OK);
    CHECK(has(&p, "Über die Gespräche"));
    dyad_page_free(&p);
    /* UTF-16 pages one after another (libmodest crashed on the second) */
    const char *u8 = "<p>Die Gespr\xC3\xA4" "che in Wien wurden am Sonntag ohne Ergebnis beendet, hie\xC3\x9F es.</p>";
    char u16[512];
    size_t n = 0;
    u16[n++] = (char)0xFE;
    u16[n++] = (char)0xFF;
    for (const unsigned char *q = (const unsigned char *)u8; *q && n + 2 < sizeof u16;) {
        unsigned cp = *q++;   /* this text has two-byte UTF-8 sequences at most */
        if (cp >= 0xC0)
            cp = ((cp & 0x1F) << 6) | (*q++ & 0x3F);
        u16[n++] = (char)(cp >> 8);
        u16[n++] = (char)(cp & 0xFF);
    }
    for (int round = 0; round < 3; round++) {
        CHECK(dyad_html_extract(u16, n, NULL, &p) == DYAD_OK);
        CHECK(has(&p, "Die Gespräche in Wien"));
        CHECK(p.text && strncmp(p.text, "\xEF\xBB\xBF", 3));   /* no BOM kept */
        dyad_page_free(&p);
    }
    /* no byte order mark: a transport header's charset says it */
    CHECK(dyad_html_extract(u16 + 2, n - 2, "UTF-16BE", &p) == DYAD_OK);
    CHECK(has(&p, "Die Gespräche in Wien"));
    dyad_page_free(&p);
    /* a UTF-16 declaration on ASCII bytes is UTF-8 */
    const char *decl = "<meta charset=\"utf-16\"><p>Die Gespr\xC3\xA4" "che in Wien wurden am Sonntag ohne Ergebnis beendet.</p>";
    CHECK(dyad_html_extract(decl, strlen(decl), NULL, &p) == DYAD_OK);
    CHECK(has(&p, "Die Gespräche in Wien"));
    dyad_page_free(&p);
}

static void test_bad_markup(void)
{
    dyad_page p;
    CHECK(page("broken.html", &p, NULL) == DYAD_OK);
    CHECK(has(&p, "Second paragraph of the broken page"));
    dyad_page_free(&p);
    /* empty, binary and deeply nested input: no crash, valid empty text */
    CHECK(dyad_html_extract("", 0, NULL, &p) == DYAD_OK);
    CHECK(p.text && p.len == 0);
    dyad_page_free(&p);
    char bin[300];
    for (int i = 0; i < 300; i++) bin[i] = (char)(i * 37);
    CHECK(dyad_html_extract(bin, sizeof bin, NULL, &p) == DYAD_OK);
    dyad_page_free(&p);
    size_t depth = 20000;
    char *deep = malloc(depth * 5 + 200);
    size_t o = 0;
    for (size_t i = 0; i < depth; i++) { memcpy(deep + o, "<div>", 5); o += 5; }
    o += (size_t)sprintf(deep + o, "<p>Tief verschachtelter Text, der trotzdem als Inhalt gelesen werden soll.</p>");
    CHECK(dyad_html_extract(deep, o, NULL, &p) == DYAD_OK);
    dyad_page_free(&p);
    free(deep);
    /* the same extraction twice gives the same text (parser reuse) */
    dyad_page a, b;
    CHECK(page("article.html", &a, NULL) == DYAD_OK);
    CHECK(page("article.html", &b, NULL) == DYAD_OK);
    CHECK(a.len == b.len && memcmp(a.text, b.text, a.len) == 0);
    dyad_page_free(&a);
    dyad_page_free(&b);
}

/* HTML through the reader: detection by extension and by content */
static void test_reader_html(void)
{
    const char *paths[] = { FIX "article.html", FIX "page-without-extension" };
    dyad_reader *r;
    dyad_input in;
    char d[256];
    CHECK(dyad_reader_open(paths, 2, NULL, &r) == DYAD_OK);
    CHECK(dyad_reader_next(r, &in, d, sizeof d) == DYAD_OK);
    CHECK_STR(in.id, "article.html");
    CHECK_STR(in.date, "2025-03-14");
    CHECK_STR(in.lang, "de");
    CHECK_STR(in.publisher, "Beispielzeitung");
    CHECK(strstr(in.text, "Containerkräne") != NULL);
    CHECK(dyad_reader_next(r, &in, d, sizeof d) == DYAD_OK);
    CHECK_STR(in.title, "Ohne Endung");
    CHECK(strstr(in.text, "keine Dateiendung") != NULL);
    CHECK(dyad_reader_next(r, &in, d, sizeof d) == DYAD_EOF);
    dyad_reader_free(r);
}

int main(void)
{
    test_article();
    test_metadata_sources();
    test_charsets();
    test_bad_markup();
    test_reader_html();
    return check_done();
}
