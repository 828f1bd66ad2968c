/* test_clean.c — every scrape-residue rule of dyad_text_clean on our own
 * lines, what each must keep, and the seed text when ../shared is
 * there (skipped with a message otherwise). */
#include "dyad.h"
#include "check.h"

#include <stdlib.h>
#include <string.h>

static char outbuf[8192];

static const char *clean(const char *s)
{
    size_t n = strlen(s);
    size_t m = dyad_text_clean(s, n, outbuf);
    CHECK(m <= n && outbuf[m] == 0);
    return outbuf;
}

static void test_rules(void)
{
    /* skip links, alone and as a numbered nav list before the text */
    CHECK_STR(clean("1. Zum Inhalt springen\n  2. Zur Hauptnavigation springen\n"
                    "  3. Zu weiteren Angeboten springen\n\nDer Text beginnt hier mit einem ganzen Satz über die Lage.\n"),
              "Der Text beginnt hier mit einem ganzen Satz über die Lage.\n");
    CHECK_STR(clean("Skip to content\nThe talks resumed on Monday in Geneva, officials said today."),
              "The talks resumed on Monday in Geneva, officials said today.");
    /* a bare list number before the text is residue (and no read before
     * the line: the fuzzer's "12." case) */
    CHECK_STR(clean("12.\nDer Text beginnt hier mit einem ganzen Satz über die Lage.\n"),
              "Der Text beginnt hier mit einem ganzen Satz über die Lage.\n");
    /* a numbered list inside the article stays */
    CHECK_STR(clean("Die Regierung nannte am Montag drei Gründe für ihre Entscheidung zum Haushalt.\n"
                    "1. Die Kosten\n2. Die Zeit\n"),
              "Die Regierung nannte am Montag drei Gründe für ihre Entscheidung zum Haushalt.\n"
              "1. Die Kosten\n2. Die Zeit\n");
    /* video notices and lone durations */
    CHECK_STR(clean("Titel des Videos\n\n14:22\n\nThis browser does not support the video element.\n\nWeiter im Text."),
              "Titel des Videos\n\nWeiter im Text.");
    CHECK_STR(clean("Ihr Browser unterstützt das Video-Element nicht.\nText"), "Text");
    CHECK_STR(clean("1:02:33\n03:15 min\nText"), "Text");
    /* times inside sentences stay */
    CHECK_STR(clean("Um 14:22 Uhr begann die Sitzung."), "Um 14:22 Uhr begann die Sitzung.");
    /* credits glued to captions: caption kept, credit dropped */
    CHECK_STR(clean("Russlands Präsident zu Gast in Pjöngjang: Abkommen unterzeichnetBild: Vladimir Smirnov/POOL/TASS/dpa/picture alliance\n"),
              "Russlands Präsident zu Gast in Pjöngjang: Abkommen unterzeichnet\n");
    CHECK_STR(clean("Das Foto wurde am 13. August verbreitetBild: KCNA/REUTERS"),
              "Das Foto wurde am 13. August verbreitet");
    CHECK_STR(clean("Der Minister am Kai (Foto: Privat)"), "Der Minister am Kai");
    /* credit lines of their own */
    CHECK_STR(clean("Text davor.\nFoto: Max Mustermann/dpa\nText danach."), "Text davor.\nText danach.");
    CHECK_STR(clean("Photo: John Doe/Getty Images\nThe summit ended."), "The summit ended.");
    /* "Bild:" as a word in a sentence stays */
    CHECK_STR(clean("Die Zeitung Bild: Sie berichtete am Montag ausführlich über den Fall. Danach folgten andere."),
              "Die Zeitung Bild: Sie berichtete am Montag ausführlich über den Fall. Danach folgten andere.");
    /* cookie notices */
    CHECK_STR(clean("Wir verwenden Cookies, um unsere Website zu verbessern. Mehr in der Datenschutzerklärung.\nText"),
              "Text");
    CHECK_STR(clean("This site uses cookies. By continuing you accept our privacy policy.\nText"), "Text");
    /* a sentence about cookies (the food) without consent words stays */
    CHECK_STR(clean("Die Bäckerei verkauft Cookies."), "Die Bäckerei verkauft Cookies.");
    /* blank-line runs collapse, empty input */
    CHECK_STR(clean("a\n\n\n\nb"), "a\n\nb");
    CHECK_STR(clean(""), "");
    /* in place (out == text) works */
    char buf[] = "Skip to content\nKept line.";
    size_t m = dyad_text_clean(buf, strlen(buf), buf);
    CHECK(m == strlen("Kept line.") && strcmp(buf, "Kept line.") == 0);
}

static void test_seed(void)
{
    const char *path = "../shared/corpus/seed/dw-2025-08-22-waffenbrueder.txt";
    FILE *f = fopen(path, "rb");
    if (!f) { printf("skip: %s not present\n", path); return; }
    static char text[1 << 20], out[1 << 20];
    size_t n = fread(text, 1, sizeof text - 1, f);
    fclose(f);
    size_t m = dyad_text_clean(text, n, out);
    out[m] = 0;
    CHECK(strstr(out, "springen") == NULL);
    CHECK(strstr(out, "browser does not support") == NULL);
    CHECK(strstr(out, "\n14:22\n") == NULL);
    CHECK(strstr(out, "Bild:") == NULL);
    CHECK(strstr(out, "picture alliance") == NULL);
    CHECK(strstr(out, "Partnerschaftsabkommen unterzeichnet\n") != NULL);
    CHECK(strstr(out, "Waffenbrüder: Putins Nachschub aus Kims Nordkorea") != NULL);
    CHECK(m > n * 9 / 10);   /* the article itself stays */

    /* the same through the JSON Lines reader */
    const char *jp[] = { "../shared/corpus/seed/dw-2025-08-22-waffenbrueder.jsonl" };
    dyad_reader *r;
    dyad_input in;
    char d[256];
    if (dyad_reader_open(jp, 1, NULL, &r) == DYAD_OK) {
        CHECK(dyad_reader_next(r, &in, d, sizeof d) == DYAD_OK);
        CHECK(strstr(in.text, "Zum Inhalt springen") == NULL);
        CHECK(strstr(in.text, "unterzeichnetBild") == NULL);
        CHECK(strstr(in.text, "unterzeichnet") != NULL);
        CHECK_STR(in.date, "2025-08-22");
        CHECK_STR(in.lang, "de");
        dyad_reader_free(r);
    }
}

int main(void)
{
    test_rules();
    test_seed();
    return check_done();
}
