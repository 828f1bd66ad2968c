/* test_lexicon.c — the lexicon loader: a folder of our own tiny files,
 * error messages that name file and line, key analysis (stems, genitive -s,
 * prefixes, exact forms, compound heads), and dated entries. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "internal.h"
#include "check.h"

static char dir[256];

static void put(const char *rel, const char *body)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, rel);
    FILE *f = fopen(path, "w");
    if (f) {
        fputs(body, f);
        fclose(f);
    }
}

static void fresh(void)
{
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf %.150s && mkdir -p %.150s/de %.150s/en", dir, dir, dir);
    CHECK(system(cmd) == 0);
    put("cameo.tsv", "# code quad goldstein name\n072\t2\t8.3\tmilitary aid\n19\t4\t-10\tfight\n190\t4\t-10\tfight\n");
    put("plover.tsv", "072\tAID\n19\tFIGHT\n");
    put("de/roles.txt", "by von durch\ndet der die das den dem des\n");
    put("places.txt", "# no places\n");
}

static dyad_engine *load(char *err, size_t n)
{
    dyad_engine *e = NULL;
    err[0] = 0;
    dyad_engine_new(dir, &e, err, n);
    return e;
}

static int keys_match(dyad_engine *e, const char *lang, const char *word,
                      const char *lexword)
{
    const lang_lex *lx = lexicon_lang(e, lang);
    uint32_t a[TOK_MAXKEYS] = { 0 };
    int na = lexicon_analyse(lx, word, strlen(word), a);
    /* the lexicon word's key: analyse it the same way */
    uint32_t b[TOK_MAXKEYS] = { 0 };
    int nb = lexicon_analyse(lx, lexword, strlen(lexword), b);
    for (int i = 0; i < na; i++)
        for (int j = 0; j < nb; j++)
            if (a[i] == b[j])
                return 1;
    return 0;
}

int main(void)
{
    snprintf(dir, sizeof dir, "/tmp/dyad-test-lexicon-%d", (int)getpid());
    char err[512];

    fresh();
    put("de/actors-x.txt", "PRK n Nordkorea\nPRK a nordkorean*\nMIL g Soldat\n"
                           "USA n =US\nRUSGOV n Putin\n"
                           "USAGOV n Trump @2017-01-20..2021-01-20 @2025-01-20..\n"
                           "USAOPP n Trump\n");
    put("de/events-x.txt", "072 liefern\n072 ~lieferung | noun\n190 greifen ... an | S=von T=auf\n");
    dyad_engine *e = load(err, sizeof err);
    CHECK(e != NULL);
    if (e) {
        CHECK(dyad_engine_nactors(e) == 7);
        CHECK(dyad_engine_nevents(e) == 3);
        CHECK(keys_match(e, "de", "Nordkoreas", "Nordkorea"));       /* genitive */
        CHECK(keys_match(e, "de", "lieferte", "liefern"));
        CHECK(keys_match(e, "de", "Waffenlieferungen", "Lieferung")); /* compound head */
        const lang_lex *lx = lexicon_lang(e, "de");
        uint32_t k[TOK_MAXKEYS];
        CHECK(lexicon_analyse(lx, "us", 2, k) == 0);                 /* =US is exact */
        CHECK(lexicon_analyse(lx, "US", 2, k) == 1);
        CHECK(lexicon_analyse(lx, "nordkoreanische", 15, k) >= 1);   /* prefix */
        const cameo_entry *c = lexicon_cameo(e, "072");
        CHECK(c && c->quad == 2 && c->goldstein > 8 && c->plover && !strcmp(c->plover, "AID"));
        CHECK(lexicon_cameo(e, "999") == NULL);

        /* dated terms: Trump is USAGOV in 2025, USAOPP in 2022 */
        const char *txt = "Trump greift Nordkorea an.";
        dyad_input in = { .id = "t", .text = txt, .len = strlen(txt), .lang = "de",
                          .date = "2025-03-01" };
        dyad_doc *d;
        CHECK(dyad_doc_code(e, &in, &d) == DYAD_OK);
        CHECK(dyad_doc_nevents(d) == 1);
        if (dyad_doc_nevents(d) == 1) {
            CHECK_STR(dyad_doc_event(d, 0)->source.code, "USAGOV");
            CHECK_STR(dyad_doc_event(d, 0)->cameo, "190");
            CHECK_STR(dyad_doc_event(d, 0)->plover, "FIGHT");   /* from the root */
        }
        dyad_doc_free(d);
        in.date = "2022-03-01";
        CHECK(dyad_doc_code(e, &in, &d) == DYAD_OK);
        if (dyad_doc_nevents(d) == 1)
            CHECK_STR(dyad_doc_event(d, 0)->source.code, "USAOPP");
        dyad_doc_free(d);
        dyad_engine_free(e);
    }

    /* errors name the file and the line */
    fresh();
    put("de/actors-x.txt", "PRK n Nordkorea\nprk n Nordkorea\n");
    CHECK(load(err, sizeof err) == NULL);
    CHECK(strstr(err, "actors-x.txt:2") != NULL);
    fresh();
    put("de/actors-x.txt", "PRK x Nordkorea\n");
    CHECK(load(err, sizeof err) == NULL && strstr(err, "kind") != NULL);
    fresh();
    put("de/events-x.txt", "# ok\n\n07x liefern\n");
    CHECK(load(err, sizeof err) == NULL && strstr(err, "events-x.txt:3") != NULL);
    fresh();
    put("de/events-x.txt", "072 liefern | frobnicate\n");
    CHECK(load(err, sizeof err) == NULL && strstr(err, "unknown flag") != NULL);
    fresh();
    put("de/actors-x.txt", "USAGOV n Trump @2017-13-01..\n");
    CHECK(load(err, sizeof err) == NULL && strstr(err, "date range") != NULL);
    /* no cameo table */
    fresh();
    char p[512];
    snprintf(p, sizeof p, "%s/cameo.tsv", dir);
    unlink(p);
    CHECK(load(err, sizeof err) == NULL && strstr(err, "cameo.tsv") != NULL);
    /* a folder that does not exist */
    dyad_engine *none = NULL;
    CHECK(dyad_engine_new("/nonexistent/dyad", &none, err, sizeof err) == DYAD_ELEXICON);
    CHECK(none == NULL);

    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    CHECK(system(cmd) == 0);
    return check_done();
}
