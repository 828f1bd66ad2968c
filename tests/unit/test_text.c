/* test_text.c — UTF-8 repair, folding, language detection, sentences,
 * tokens: the first stages, on their own. */
#include <stdlib.h>
#include <string.h>
#include "internal.h"
#include "check.h"

static size_t split(const char *s, int de, span **out, arena *a)
{
    return sentence_split(a, s, strlen(s), de, out);
}

static void sentences(void)
{
    arena a = { 0 };
    span *sp;
    const char *t1 = "Er kam am 22. August 2025 an. Dann ging er.";
    CHECK(split(t1, 1, &sp, &a) == 2);
    CHECK(split("Das ist z. B. gut. Nr. 5 ist da.", 1, &sp, &a) == 2);
    CHECK(split("Nordkorea lieferte 5,8 Millionen Granaten und 11.000 Soldaten.", 1, &sp, &a) == 1);
    CHECK(split("Am 22. Aug. im Interview sagte er das.", 1, &sp, &a) == 1);
    CHECK(split("Titel ohne Punkt\nText hier.", 1, &sp, &a) == 2);
    CHECK(split("Mr. Smith went to Washington. He met the U.S. president.", 0, &sp, &a) == 2);
    CHECK(split("Was nun? Nichts.", 1, &sp, &a) == 2);
    const char *t2 = "\"Er strebt nach der Kapitulation\", so Klein. Danach kam nichts.";
    size_t n = split(t2, 1, &sp, &a);
    CHECK(n == 2);
    if (n == 2)
        CHECK(sp[0].end - sp[0].start == strlen("\"Er strebt nach der Kapitulation\", so Klein."));
    /* a line wrapped in the middle of a sentence is one sentence */
    CHECK(split("Die Regierung hat\nheute entschieden.", 1, &sp, &a) == 1);
    CHECK(split("", 1, &sp, &a) == 0);
    CHECK(split("   \n\n  ", 1, &sp, &a) == 0);
    /* a 100 kB run without punctuation is cut into bounded pieces */
    char *big = malloc(100001);
    for (int i = 0; i < 100000; i++)
        big[i] = i % 7 == 6 ? ' ' : 'a';
    big[100000] = 0;
    n = split(big, 1, &sp, &a);
    CHECK(n >= 20);
    free(big);
    arena_free(&a);
}

static void repair(void)
{
    arena a = { 0 };
    size_t len, bad;
    char *s = text_repair(&a, "a\xff" "b", 3, &len, &bad);
    CHECK(bad == 1 && len == 5 && !memcmp(s, "a\xEF\xBF\xBD" "b", 5));
    s = text_repair(&a, "x\0y", 3, &len, &bad);
    CHECK(bad == 0 && len == 3 && !strcmp(s, "x y"));
    s = text_repair(&a, "\xC3\xA4\xC3", 3, &len, &bad);     /* ä, then a cut sequence */
    CHECK(bad == 1 && !strcmp(s, "\xC3\xA4\xEF\xBF\xBD"));
    s = text_repair(&a, "a\r\nb", 4, &len, &bad);
    CHECK(!strcmp(s, "a\nb"));
    arena_free(&a);
}

static void fold_and_lang(void)
{
    char out[64];
    CHECK(text_fold("Nordkoreas", 10, out, sizeof out) == 10 && !strcmp(out, "nordkoreas"));
    CHECK(text_fold("\xC3\x9C" "BER", 5, out, sizeof out) && !strcmp(out, "\xC3\xBC" "ber"));
    CHECK(text_fold("Stra\xC3\x9F" "e", 7, out, sizeof out) && !strcmp(out, "strasse"));
    CHECK(text_fold("abc", 3, out, 3) == 0);     /* does not fit */
    CHECK_STR(text_detect_lang("Die Regierung hat sich mit dem Präsidenten getroffen.", 54, NULL), "de");
    CHECK_STR(text_detect_lang("The government said that it was ready.", 38, NULL), "en");
    /* another language is no guess at English */
    const char *es = "El gobierno de la capital dijo que las tropas del norte "
                     "avanzaron por la noche para una ofensiva con los aliados "
                     "que llegaron desde el sur de la región, según los "
                     "portavoces del ministerio de defensa y de la policía.";
    CHECK(text_detect_lang(es, strlen(es), "en") == NULL);
    const char *short_es = "El presidente llegó.";
    CHECK_STR(text_detect_lang(short_es, strlen(short_es), "en"), "en");
}

int main(void)
{
    sentences();
    repair();
    fold_and_lang();
    return check_done();
}
