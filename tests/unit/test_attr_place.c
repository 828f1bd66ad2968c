/* test_attr_place.c — gazetteer load and place finding, German and English:
 * exonyms, multiword names, genitive and hyphenated compounds, prepositions,
 * countries, ambiguous names, and words and names that are no places. */
#include "attr.h"
#include "check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static attr_gazetteer *G;
static attr_place P[16];

static size_t find(const char *s, const char *lang)
{
    return attr_place_find(G, s, strlen(s), lang, P, 16);
}

/* The place named `name` among the finds, or NULL. */
static const attr_place *got(size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(P[i].name, name) == 0) return &P[i];
    return NULL;
}

static void load_failures(void)
{
    char err[256] = "";
    attr_gazetteer *g = attr_gazetteer_load("/nonexistent/dir", err, sizeof err);
    CHECK(g == NULL);
    CHECK(strstr(err, "places.txt") != NULL);
    CHECK(attr_gazetteer_load(NULL, err, sizeof err) == NULL);
    CHECK(err[0] != '\0');

    char dir[] = "/tmp/dyad_place_XXXXXX";
    if (!mkdtemp(dir)) { CHECK(0); return; }
    char path[128];
    snprintf(path, sizeof path, "%s/places.txt", dir);
    FILE *f = fopen(path, "w");
    if (!f) { CHECK(0); return; }
    fputs("# comment\ncity  XYZ  1.0\n", f);           /* too few fields */
    fclose(f);
    err[0] = '\0';
    CHECK(attr_gazetteer_load(dir, err, sizeof err) == NULL);
    CHECK(strstr(err, ":2:") != NULL);
    f = fopen(path, "w");
    if (!f) { CHECK(0); return; }
    fputs("city  ZZZ  - -  Testhausen | Test Town   # no coordinates\n", f);
    fclose(f);
    attr_gazetteer *g2 = attr_gazetteer_load(dir, err, sizeof err);
    CHECK(g2 != NULL);
    if (g2) {
        const char *s = "Es geschah in Testhausen.";
        size_t n = attr_place_find(g2, s, strlen(s), "de", P, 16);
        CHECK(n == 1 && strcmp(P[0].country, "ZZZ") == 0 && !P[0].has_coords);
        attr_gazetteer_free(g2);
    }
    attr_gazetteer_free(NULL);
    unlink(path);
    rmdir(dir);
}

static void german(void)
{
    size_t n;
    const attr_place *p;
    /* exonyms, inflected region phrase */
    n = find("Nordkoreanische Soldaten kämpfen in der russischen Region Kursk.", "de");
    CHECK(n == 1);
    p = got(n, "Kursk");
    CHECK(p && strcmp(p->country, "RUS") == 0 && p->after_prep && p->has_coords);
    CHECK(p && p->lat > 51 && p->lat < 52.5 && p->lon > 35.5 && p->lon < 37);
    n = find("Raketen schlugen in Kiew und Saporischschja ein, Pjöngjang schweigt.", "de");
    p = got(n, "Kiew");
    CHECK(p && strcmp(p->country, "UKR") == 0 && p->after_prep);
    p = got(n, "Saporischschja");
    CHECK(p && strcmp(p->country, "UKR") == 0);
    p = got(n, "Pjöngjang");
    CHECK(p && strcmp(p->country, "PRK") == 0 && !p->after_prep);
    n = find("Die Truppen rückten bei Sudscha vor.", "de");
    p = got(n, "Sudscha");
    CHECK(p && strcmp(p->country, "RUS") == 0 && p->after_prep);
    /* Debian's German names (gettext): Moskau, München */
    n = find("Er reiste von München über Moskau.", "de");
    CHECK(got(n, "München") && got(n, "Moskau"));
    /* genitive and hyphenated compound */
    n = find("Die Verteidigung Kyjiws hält an der Saporischschja-Front.", "de");
    p = got(n, "Kyjiw");
    CHECK(p && strcmp(p->country, "UKR") == 0);
    CHECK(p && strncmp("Kyjiw", "Kyjiws", p->len) == 0 && p->len == 5);
    p = got(n, "Saporischschja");
    CHECK(p && p->len == strlen("Saporischschja"));
    /* a compound's preposition belongs to its head, unless that is a place word */
    n = find("Der Anschlag in der US-Botschaft in Teheran.", "de");
    CHECK(got(n, "US") && !got(n, "US")->after_prep);
    CHECK(got(n, "Teheran") && got(n, "Teheran")->after_prep);
    n = find("Gefechte in der Kursk-Region.", "de");
    CHECK(got(n, "Kursk") && got(n, "Kursk")->after_prep);
    /* multiword and "im" */
    n = find("Im Gazastreifen und im Westjordanland wurde gekämpft.", "de");
    CHECK(got(n, "Gazastreifen") && got(n, "Westjordanland"));
    CHECK(n >= 1 && P[0].after_prep && strcmp(P[0].country, "PSE") == 0);
    n = find("Kämpfe nahe Nahr al-Bared im Norden des Libanon.", "de");
    p = got(n, "Nahr al-Bared");
    CHECK(p && strcmp(p->country, "LBN") == 0 && p->after_prep);
    /* countries are places */
    n = find("In Nepal starben in Malangwa drei Menschen.", "de");
    p = got(n, "Nepal");
    CHECK(p && p->is_country && strcmp(p->country, "NPL") == 0 && p->after_prep);
    p = got(n, "Malangwa");
    CHECK(p && !p->is_country && strcmp(p->country, "NPL") == 0);
    n = find("Proteste in Sachsen und Bayern.", "de");
    p = got(n, "Sachsen");
    CHECK(p && strcmp(p->country, "DEU") == 0 && !p->is_country);
    /* direction + von/der */
    n = find("Gefechte nördlich von Charkiw und südlich der Stadt Bachmut.", "de");
    CHECK(got(n, "Charkiw") && got(n, "Charkiw")->after_prep);
    CHECK(got(n, "Bachmut") && got(n, "Bachmut")->after_prep);
    /* ambiguity: the sentence's country decides */
    n = find("Im libanesischen Tripoli kam es zu Kämpfen.", "de");
    p = got(n, "Tripoli");
    CHECK(p && strcmp(p->country, "LBN") == 0);
    n = find("In Tripoli kam es zu Kämpfen.", "de");
    p = got(n, "Tripoli");
    CHECK(p && strcmp(p->country, "LBY") == 0);        /* the bigger */
    /* adjectives and common words are no places */
    n = find("Die russischen und ukrainischen Truppen verhandeln.", "de");
    CHECK(n == 0);
    n = find("Beim Essen sprach er über die Lage, den Mut und den Hof.", "de");
    CHECK(n == 0);
    n = find("Die Regierung ist nicht in der Lage, das zu ändern.", "de");
    CHECK(n == 0);
    n = find("Der Gipfel fand in Essen statt.", "de");
    p = got(n, "Essen");
    CHECK(n == 1 && p && strcmp(p->country, "DEU") == 0);
    /* text order */
    n = find("Von Teheran über Damaskus nach Beirut.", "de");
    CHECK(n == 3 && strcmp(P[0].name, "Teheran") == 0 &&
          strcmp(P[1].name, "Damaskus") == 0 && strcmp(P[2].name, "Beirut") == 0);
    CHECK(n == 3 && P[0].start < P[1].start && P[1].start < P[2].start);
}

static void english(void)
{
    size_t n;
    const attr_place *p;
    n = find("North Korean troops are fighting in the Russian region of Kursk.", "en");
    p = got(n, "Kursk");
    CHECK(n == 1 && p && p->after_prep && strcmp(p->country, "RUS") == 0);
    n = find("Shelling near Zaporizhzhia and Sudzha; Kyiv said Pyongyang lied.", "en");
    CHECK(got(n, "Zaporizhzhia") && got(n, "Sudzha") && got(n, "Kyiv") && got(n, "Pyongyang"));
    CHECK(got(n, "Zaporizhzhia") && got(n, "Zaporizhzhia")->after_prep);
    CHECK(got(n, "Kyiv") && !got(n, "Kyiv")->after_prep);
    /* possessive and hyphenated compound */
    n = find("Ukraine's army held Kyiv-backed positions.", "en");
    p = got(n, "Ukraine");
    CHECK(p && p->is_country && strcmp(p->country, "UKR") == 0 && p->len == 7);
    CHECK(got(n, "Kyiv") != NULL);
    /* multiword */
    n = find("Strikes hit Khan Younis in the Gaza Strip and the Golan Heights.", "en");
    CHECK(got(n, "Khan Younis") && got(n, "Gaza Strip") && got(n, "Golan Heights"));
    CHECK(got(n, "Gaza Strip") && got(n, "Gaza Strip")->after_prep);
    n = find("Officials in the U.S. and in New York said so.", "en");
    p = got(n, "U.S.");
    CHECK(p && strcmp(p->country, "USA") == 0 && p->is_country && p->after_prep);
    CHECK(got(n, "New York") != NULL);
    n = find("Shells fell on the Israeli-occupied Golan Heights.", "en");
    CHECK(n == 1 && got(n, "Golan Heights") && strcmp(P[0].country, "SYR") == 0);
    /* ambiguity */
    n = find("Fighting broke out in Tripoli, Lebanon, on Monday.", "en");
    p = got(n, "Tripoli");
    CHECK(p && strcmp(p->country, "LBN") == 0);
    n = find("Militias clashed in Tripoli, the Libyan capital.", "en");
    p = got(n, "Tripoli");
    CHECK(p && strcmp(p->country, "LBY") == 0);
    n = find("Talks in Washington on Alaska.", "en");
    p = got(n, "Washington");
    CHECK(p && strcmp(p->country, "USA") == 0);
    CHECK(got(n, "Alaska") && strcmp(got(n, "Alaska")->country, "USA") == 0);
    /* persons, organisations, common words, adjectives */
    n = find("George Washington and Abraham Lincoln met Donald Trump.", "en");
    CHECK(n == 0);
    n = find("The Washington Post cited Russian and Syrian officials.", "en");
    CHECK(n == 0);
    n = find("Mobile phones and Reading lists were Split.", "en");
    CHECK(n == 0);
    n = find("He studied in Reading and lives in Nice.", "en");
    CHECK(got(n, "Reading") && got(n, "Nice"));
    CHECK(got(n, "Nice") && strcmp(got(n, "Nice")->country, "FRA") == 0);
    /* Debian's English names: Vienna (curated), Cologne, Munich; small towns
     * need a preposition */
    n = find("Ministers met in Vienna after talks in Munich.", "en");
    CHECK(got(n, "Vienna") && strcmp(got(n, "Vienna")->country, "AUT") == 0);
    CHECK(got(n, "Munich") && strcmp(got(n, "Munich")->country, "DEU") == 0);
    n = find("Rebels seized Idlib and moved on Mosul.", "en");
    CHECK(got(n, "Idlib") && strcmp(got(n, "Idlib")->country, "SYR") == 0);
    CHECK(got(n, "Mosul") && strcmp(got(n, "Mosul")->country, "IRQ") == 0);
}

static void robustness(void)
{
    CHECK(attr_place_find(G, "", 0, "de", P, 16) == 0);
    CHECK(attr_place_find(NULL, "Kyiv", 4, "en", P, 16) == 0);
    CHECK(attr_place_find(G, "in Kyiv", 7, "en", P, 0) == 0);
    /* max caps the output */
    const char *s = "Berlin, Paris, London, Rom, Wien.";
    CHECK(attr_place_find(G, s, strlen(s), "de", P, 2) == 2);
    /* invalid UTF-8, a long sentence, a truncated multibyte character */
    const char bad[] = "In \xff\xfe Kyiw\xc3 und \xe2\x80 Kiew";
    CHECK(attr_place_find(G, bad, sizeof bad - 1, NULL, P, 16) <= 16);
    size_t big = 200000;
    char *buf = malloc(big);
    if (buf) {
        for (size_t i = 0; i < big; i++) buf[i] = "in Kiew "[i % 8];
        CHECK(attr_place_find(G, buf, big, "de", P, 16) == 16);
        memset(buf, 'A', big);
        CHECK(attr_place_find(G, buf, big, "de", P, 16) == 0);
        free(buf);
    }
}

int main(void)
{
    load_failures();
    char err[256];
    G = attr_gazetteer_load("lexicons", err, sizeof err);
    if (!G) {
        fprintf(stderr, "cannot load gazetteer: %s\n", err);
        CHECK(G != NULL);
        return check_done();
    }
    german();
    english();
    robustness();
    attr_gazetteer_free(G);
    return check_done();
}
