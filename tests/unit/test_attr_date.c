/* test_attr_date.c — date stage: absolute, partial and relative dates in
 * German and English, precision, tense rules, non-dates, and robustness. */
#include "check.h"
#include "attr.h"

#include <stdlib.h>
#include <string.h>

static attr_ymd PUB = {2025, 8, 22};   /* a Friday */

/* First date found in s, formatted; "" when none. */
static const char *first(const char *s, const char *lang, attr_ymd pub)
{
    static char buf[16];
    attr_date d[8];
    buf[0] = 0;
    if (attr_date_find(s, strlen(s), lang, pub, d, 8) > 0)
        attr_date_format(d[0].when, buf);
    return buf;
}

static const char *de(const char *s) { return first(s, "de", PUB); }
static const char *en(const char *s) { return first(s, "en", PUB); }

/* Text of the first span. */
static const char *span(const char *s, const char *lang)
{
    static char buf[64];
    attr_date d[4];
    buf[0] = 0;
    if (attr_date_find(s, strlen(s), lang, PUB, d, 4) > 0 && d[0].len < sizeof buf) {
        memcpy(buf, s + d[0].start, d[0].len);
        buf[d[0].len] = 0;
    }
    return buf;
}

int main(void)
{
    attr_ymd y;
    char buf[16];
    attr_date d[8];
    size_t n;

    /* ISO helpers */
    CHECK(attr_date_parse_iso("2024-06-19", &y) && y.y == 2024 && y.m == 6 && y.d == 19);
    CHECK(attr_date_parse_iso("2024-06", &y) && y.m == 6 && y.d == 0);
    CHECK(attr_date_parse_iso("2024", &y) && y.m == 0);
    CHECK(attr_date_parse_iso("2024-06-19T10:00:00Z", &y) && y.d == 19);
    CHECK(!attr_date_parse_iso("2024-13-01", &y));
    CHECK(!attr_date_parse_iso("2023-02-29", &y));
    CHECK(!attr_date_parse_iso("24-06-19", &y));
    CHECK(!attr_date_parse_iso("", &y));
    CHECK(!attr_date_parse_iso("2024-06-19x", &y));
    attr_date_format((attr_ymd){2024, 6, 19}, buf); CHECK_STR(buf, "2024-06-19");
    attr_date_format((attr_ymd){2024, 6, 0}, buf); CHECK_STR(buf, "2024-06");
    attr_date_format((attr_ymd){2024, 0, 0}, buf); CHECK_STR(buf, "2024");
    attr_date_format((attr_ymd){0, 0, 0}, buf); CHECK_STR(buf, "");

    /* German absolute */
    CHECK_STR(de("Der Besuch fand am 19. Juni 2024 in der Hauptstadt statt."), "2024-06-19");
    CHECK_STR(span("Der Besuch fand am 19. Juni 2024 statt.", "de"), "19. Juni 2024");
    CHECK_STR(de("Das Bild entstand am 13.08.2025 in der Stadt."), "2025-08-13");
    CHECK_STR(de("Gespräche sind für den 1.10.2024 angesetzt."), "2024-10-01");
    CHECK_STR(de("Die Wahl fand am 3. Sept. 2023 statt."), "2023-09-03");
    CHECK_STR(de("Das Treffen vom 19. bis 21. Juni 2024 endete ohne Ergebnis."), "2024-06-19");
    CHECK_STR(de("Die Frist endete am 13.08. um Mitternacht."), "2025-08-13");
    /* English absolute */
    CHECK_STR(en("The summit was held on June 19, 2024 in the capital."), "2024-06-19");
    CHECK_STR(en("The summit was held on 19 June 2024."), "2024-06-19");
    CHECK_STR(en("The deal was signed on 2024-06-19 in Geneva."), "2024-06-19");
    CHECK_STR(en("It happened on the 19th of June 2024."), "2024-06-19");
    CHECK_STR(en("It happened on June 19th, 2024."), "2024-06-19");
    CHECK_STR(en("Talks resumed on Aug. 3 after a pause."), "2025-08-03");
    CHECK_STR(en("Fighting began on 19 June and continued."), "2025-06-19");

    /* partial */
    CHECK_STR(de("Die Armee hatte im Juni 2024 einen Vertrag unterschrieben."), "2024-06");
    CHECK_STR(de("So habe das Land bis April 2025 Millionen Geschosse geliefert."), "2025-04");
    CHECK_STR(de("Sie sitzt seit Anfang August 2011 in Haft."), "2011-08");
    CHECK_STR(de("Er ist seit 2022 im Amt."), "2022");
    CHECK_STR(de("Mitte 2023 begann die Offensive."), "2023");
    CHECK_STR(de("Die Beziehungen wurden im Jahre 1980 abgebrochen."), "1980");
    CHECK_STR(de("Nach der Besetzung der Botschaft 1979 in der Hauptstadt kam es zum Bruch."), "1979");
    CHECK_STR(de("Anfang März wurden die Truppen verlegt."), "2025-03");
    CHECK_STR(de("Die Lieferungen begannen im Aug. des Vorjahres."), "2025-08");
    CHECK_STR(en("The attack took place in 2022 near the border."), "2022");
    CHECK_STR(en("Russia joined the war in 2015."), "2015");
    CHECK_STR(en("The town was held by the group until 2016."), "2016");
    CHECK_STR(en("He was captured in November 2012 with a colleague."), "2012-11");
    CHECK_STR(en("Prices rose sharply in mid-2023."), "2023");
    CHECK_STR(en("The offensive began in mid-June."), "2025-06");
    CHECK_STR(en("Talks collapsed in early March."), "2025-03");
    CHECK_STR(en("In Sept. the army withdrew."), "2024-09");

    /* month without a year: pub's year, or the previous one if later
     * than pub's month or (pluperfect) the same month */
    CHECK_STR(de("Die Truppen griffen im August an."), "2025-08");
    CHECK_STR(de("Die Ukraine hatte die Region im August angegriffen."), "2024-08");
    CHECK_STR(en("Ukraine had attacked the region in August."), "2024-08");
    CHECK_STR(de("Im Oktober wurde der Vertrag gekündigt."), "2024-10");
    CHECK_STR(en("The ceasefire collapsed in October."), "2024-10");
    CHECK_STR(de("Im Juli kam es zu Protesten."), "2025-07");
    CHECK_STR(en("In August the army advanced."), "2025-08");
    CHECK_STR(de("Im Oktober wird gewählt."), "2025-10");     /* future */
    /* no tense cue (German present for the future): the nearest */
    CHECK_STR(first("Am ersten Oktober sind Parlamentswahlen.", "de",
                    (attr_ymd){2012, 9, 21}), "2012-10");
    CHECK_STR(de("Im Juli kam es zu Protesten."), "2025-07");
    CHECK_STR(de("Im Dezember sind Wahlen."), "2025-12");
    CHECK_STR(de("Im Dezember gab es Wahlen."), "2024-12");
    CHECK_STR(de("Die Armee soll im Oktober Dörfer angegriffen haben."), "2024-10");
    CHECK_STR(de("Am Montag sind Wahlen."), "2025-08-25");
    CHECK_STR(de("Am Montag waren Wahlen."), "2025-08-18");
    /* ranges take the year written at their end */
    CHECK_STR(de("Sie war von Januar bis September 2005 im Amt."), "2005-01");
    CHECK_STR(de("Sie war von Dezember bis März 2010 im Amt."), "2009-12");
    CHECK_STR(en("He served between March and May 2024."), "2024-03");

    /* relative */
    CHECK_STR(de("Die Regierung hat gestern die Sanktionen verschärft."), "2025-08-21");
    CHECK_STR(de("Der Minister ist heute nach Kiew gereist."), "2025-08-22");
    CHECK_STR(de("Vorgestern wurde der Botschafter einbestellt."), "2025-08-20");
    CHECK_STR(de("Am Dienstag griffen Drohnen die Stadt an."), "2025-08-19");
    CHECK_STR(de("Am Freitag griffen Drohnen die Stadt an."), "2025-08-22");
    CHECK_STR(de("Am Samstag griffen Drohnen die Stadt an."), "2025-08-16");
    CHECK_STR(de("Am Dienstagabend griffen Drohnen die Stadt an."), "2025-08-19");
    CHECK_STR(de("Am letzten Freitag kam es zu Kämpfen."), "2025-08-15");
    CHECK_STR(de("Am Montag wird ein Treffen stattfinden."), "2025-08-25");
    CHECK_STR(de("Vergangene Woche trafen sich die Minister."), "2025-08");
    CHECK_STR(de("In der letzten Woche trafen sich die Minister."), "2025-08");
    CHECK_STR(de("Vergangenen Monat trafen sich die Minister."), "2025-07");
    CHECK_STR(de("Letztes Jahr trafen sich die Minister."), "2024");
    CHECK_STR(de("Im vergangenen Jahr trafen sich die Minister."), "2024");
    CHECK_STR(de("Dieses Jahr will die Regierung sparen."), "2025");
    CHECK_STR(de("Anfang des Jahres wurde das Gesetz verabschiedet."), "2025");
    CHECK_STR(de("Ende des vergangenen Jahres wurde das Gesetz verabschiedet."), "2024");
    CHECK_STR(de("Bei einem Angriff am Vortag starben Menschen."), "2025-08-21");
    CHECK_STR(de("Vor drei Jahren begann der Krieg."), "2022");
    CHECK_STR(de("Am vergangenen Wochenende kam es zu Demonstrationen."), "2025-08");
    CHECK_STR(de("Die Wahlen im Sommer verliefen friedlich."), "2025");
    CHECK_STR(en("The president said yesterday that talks would continue."), "2025-08-21");
    CHECK_STR(en("Today there is a serious operation in the province."), "2025-08-22");
    CHECK_STR(en("The soldier died on Thursday."), "2025-08-21");
    CHECK_STR(en("Later on Saturday he was named by officials."), "2025-08-16");
    CHECK_STR(en("The ceasefire agreed last year has collapsed."), "2024");
    CHECK_STR(en("Fighting rocked the province last year."), "2024");
    CHECK_STR(en("The minister said last week that talks had failed."), "2025-08");
    CHECK_STR(en("Trade fell last month."), "2025-07");
    CHECK_STR(en("This year the army ended its operation."), "2025");
    CHECK_STR(en("Earlier this year the army ended its operation."), "2025");
    CHECK_STR(en("The decision last December surprised allies."), "2024-12");
    CHECK_STR(en("Strikes have killed leaders since last July."), "2025-07");
    CHECK_STR(en("Strikes have killed leaders since last October."), "2024-10");
    CHECK_STR(en("The reporter was captured more than six years ago."), "2018");
    CHECK_STR(en("The reporter was captured six years ago."), "2019");
    CHECK_STR(en("On Friday the talks will resume."), "2025-08-22");
    CHECK_STR(en("Next Monday the talks will resume."), "2025-08-25");
    CHECK_STR(en("The day before yesterday rebels attacked."), "2025-08-20");
    /* pub on a Sunday: "letzten Sonntag" is the week before */
    CHECK_STR(first("Am letzten Sonntag kam es zu Protesten.", "de",
                    (attr_ymd){2007, 7, 29}), "2007-07-22");
    /* "am Dienstag, den 13. August": the explicit date only */
    n = attr_date_find("Am Dienstag, den 13. August 2024, kam es zu Kämpfen.",
                       strlen("Am Dienstag, den 13. August 2024, kam es zu Kämpfen."),
                       "de", PUB, d, 8);
    CHECK(n == 1 && d[0].when.y == 2024 && d[0].when.d == 13);

    /* several in one sentence, in text order */
    {
        const char *s = "Zwischen dem 3. März 2022 und gestern starben Menschen.";
        n = attr_date_find(s, strlen(s), "de", PUB, d, 8);
        CHECK(n == 2);
        CHECK(n == 2 && d[0].when.y == 2022 && d[1].when.d == 21);
        CHECK(n == 2 && d[0].start < d[1].start);
    }

    /* not dates */
    CHECK_STR(de("Bis zu 11.000 Soldaten haben Russland unterstützt."), "");
    CHECK_STR(de("Das Land lieferte 5,8 Millionen Geschosse."), "");
    CHECK_STR(de("Das Video dauert 14:22 Minuten."), "");
    CHECK_STR(de("Rund 2000 Soldaten sind im Einsatz."), "");
    CHECK_STR(de("Die 22. Brigade kämpft weiter."), "");
    CHECK_STR(en("About 2000 soldiers were deployed."), "");
    CHECK_STR(en("The G20 met with the F-16 pilots."), "");
    CHECK_STR(en("Talks began at 14:30 local time."), "");
    CHECK_STR(en("In 1990s Europe, things were different."), "");
    CHECK_STR(en("May I ask a question?"), "");
    CHECK_STR(de("Der Schriftsteller August Müller schrieb das Buch."), "");
    CHECK_STR(de("Der Politiker Jan Weber sprach."), "");
    CHECK_STR(de("In 2000 Fällen wurde ermittelt."), "");
    CHECK_STR(en("The report covered 1,500 cases."), "");
    /* relative with unknown pub: nothing, absolute still found */
    CHECK_STR(first("Gestern griffen Drohnen an.", "de", (attr_ymd){0, 0, 0}), "");
    CHECK_STR(first("Am 19. Juni 2024 griffen Drohnen an.", "de", (attr_ymd){0, 0, 0}),
              "2024-06-19");
    /* language "xx": both tried */
    CHECK_STR(first("Gestern, i.e. yesterday.", "xx", PUB), "2025-08-21");

    /* robustness */
    CHECK(attr_date_find("", 0, "de", PUB, d, 8) == 0);
    CHECK(attr_date_find("gestern", 7, "de", PUB, d, 0) == 0);
    CHECK(attr_date_find("gestern heute", 13, "de", PUB, d, 1) == 1);
    {
        const char bad[] = "am 19. \xff\xfe Juni \xc3 2024 \xe2\x80 gestern \xf0\x9f";
        n = attr_date_find(bad, sizeof bad - 1, "de", PUB, d, 8);
        CHECK(n <= 8);
        CHECK(n >= 1 && d[n - 1].start + d[n - 1].len <= sizeof bad - 1);
    }
    {
        size_t big = 1 << 20, k;
        char *s = malloc(big);
        if (s) {
            memset(s, '7', big);
            n = attr_date_find(s, big, NULL, PUB, d, 8);
            CHECK(n == 0);
            for (k = 0; k < big; k++) s[k] = (k % 11 == 10) ? ' ' : (char)('0' + k % 10);
            n = attr_date_find(s, big, NULL, PUB, d, 8);
            CHECK(n <= 8);
            /* many short words: window boundaries must not lose dates */
            for (k = 0; k + 10 < big; k += 10) memcpy(s + k, "gestern . ", 10);
            n = attr_date_find(s, big, "de", PUB, d, 8);
            CHECK(n == 8);
            free(s);
        }
    }
    {
        /* a date straddling a window boundary is found exactly once */
        char s[8192];
        size_t k, len = 0;
        attr_date many[64];
        for (k = 0; k < 383; k++) len += (size_t)snprintf(s + len, sizeof s - len, "x ");
        len += (size_t)snprintf(s + len, sizeof s - len, "am 19. Juni 2024 ");
        for (k = 0; k < 400; k++) len += (size_t)snprintf(s + len, sizeof s - len, "y ");
        len += (size_t)snprintf(s + len, sizeof s - len, "im Jahr 2011.");
        n = attr_date_find(s, len, "de", PUB, many, 64);
        CHECK(n == 2);
        CHECK(n == 2 && many[0].when.d == 19 && many[1].when.y == 2011);
    }
    return check_done();
}
