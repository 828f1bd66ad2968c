/* test_attr_quantity.c — quantity stage: German and English notation,
 * number words, vague plurals, qualifiers, units from nouns and verbs,
 * non-quantities (years, dates, times, ordinals, names), robustness. */
#include "check.h"
#include "attr.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static attr_quantity Q[8];
static size_t NQ;

/* Finds the quantities of s; returns the first (or a zeroed one). */
static attr_quantity *q1(const char *s, const char *lang)
{
    static attr_quantity none;
    memset(Q, 0, sizeof Q);
    NQ = attr_quantity_find(s, strlen(s), lang, Q, 8);
    memset(&none, 0, sizeof none);
    return NQ ? &Q[0] : &none;
}

static int near(double a, double b) { return fabs(a - b) <= 1e-6 * fabs(b) + 1e-9; }

static char TXT[128];
static const char *text_of(const char *s, const attr_quantity *q)
{
    size_t l = q->len < sizeof TXT - 1 ? q->len : sizeof TXT - 1;
    memcpy(TXT, s + q->start, l);
    TXT[l] = 0;
    return TXT;
}

#define QV(s, lang, v, u, ql) do { attr_quantity *q_ = q1(s, lang); \
    CHECK(NQ >= 1); CHECK(near(q_->value, v)); CHECK_STR(q_->unit, u); \
    CHECK_STR(q_->qualifier, ql); } while (0)
#define NONE(s, lang) do { q1(s, lang); CHECK(NQ == 0); } while (0)

int main(void)
{
    const char *s;

    /* German notation and units */
    s = "So habe das Land bis April 2025 5,8 Millionen Artillerie-Geschosse geliefert.";
    QV(s, "de", 5800000, "artillery shells", "");
    CHECK_STR(text_of(s, &Q[0]), "5,8 Millionen Artillerie-Geschosse");
    QV("Bis zu 11.000 nordkoreanische Soldaten kämpfen an der Front.", "de",
       11000, "soldiers", "up to");
    QV("Die Regierung stellt 1,5 Mrd. Euro bereit.", "de", 1.5e9, "EUR", "");
    QV("Das sind 40 Prozent des Bestandes.", "de", 40, "percent", "");
    QV("Zwei Dutzend Raketen schlugen ein.", "de", 24, "missiles", "");
    QV("Die Armee feuerte zwei Dutzend Marschflugkörper ab.", "de", 24, "missiles", "");
    QV("Hunderte Menschen demonstrierten.", "de", 200, "people", "at least");
    QV("Tausende Flüchtlinge erreichten die Grenze.", "de", 2000, "displaced", "at least");
    QV("Dutzende Drohnen wurden abgeschossen.", "de", 24, "drones", "at least");
    QV("Zwölf Panzer wurden zerstört.", "de", 12, "tanks", "");
    QV("Elf Angestellte sind festgenommen worden.", "de", 11, "arrested", "");
    QV("Es gab fünfundzwanzig Tote.", "de", 25, "killed", "");
    QV("Dreihundert Kämpfer ergaben sich.", "de", 300, "fighters", "");
    QV("Zweitausend Soldaten wurden verlegt.", "de", 2000, "soldiers", "");
    QV("Bei dem Anschlag wurden 18 Menschen getötet.", "de", 18, "killed", "");
    QV("Mindestens 18 Tote bei Anschlag.", "de", 18, "killed", "at least");
    QV("Mehr als 22.000 Menschen sind geflüchtet.", "de", 22000, "displaced", "at least");
    QV("Rund 900.000 Zivilisten sind auf der Flucht.", "de", 900000,
       "civilians displaced", "about");
    QV("40 Personen wurden bei dem Attentat verletzt.", "de", 40, "wounded", "");
    QV("Es kam zu über 200 Verletzten.", "de", 200, "wounded", "at least");
    QV("Dabei kamen etwa 30 Menschen ums Leben.", "de", 30, "killed", "about");
    QV("35 Talibankämpfer wurden getötet.", "de", 35, "fighters killed", "");
    QV("Die Polizei meldete ungefähr 50 Festnahmen.", "de", 50, "arrested", "about");
    QV("Circa 70 Soldaten wurden verwundet.", "de", 70, "soldiers wounded", "about");
    QV("Ca. 70 Soldaten wurden verlegt.", "de", 70, "soldiers", "about");
    QV("Knapp 500 Soldaten wurden verlegt.", "de", 500, "soldiers", "nearly");
    QV("Beinahe 500 Soldaten wurden verlegt.", "de", 500, "soldiers", "nearly");
    QV("Wenigstens 500 Soldaten wurden verlegt.", "de", 500, "soldiers", "at least");
    QV("Der Schaden beträgt 137 Millionen Euro.", "de", 137e6, "EUR", "");
    QV("Das Paket umfasst 5 Milliarden US-Dollar.", "de", 5e9, "USD", "");
    QV("Eine Million Menschen sind bedroht.", "de", 1e6, "people", "");
    QV("Sie wurde zu sieben Jahren Haft verurteilt.", "de", 7, "years", "");
    /* "davon": the verb later in the clause names the unit */
    s = "Laut Armee seien fast 5000 davon bei den Rückzugsgefechten gefallen oder verwundet worden.";
    QV(s, "de", 5000, "killed or wounded", "nearly");
    QV("Die Armee meldet 300 Tote oder Verletzte.", "de", 300, "killed or wounded", "");
    QV("Im Lager wurden 200 Zivilisten getötet und 400 verletzt.", "de", 200,
       "civilians killed", "");
    CHECK(NQ == 2 && near(Q[1].value, 400) && !strcmp(Q[1].unit, "wounded"));
    q1("Rund 2.000 Soldaten, davon 780 der Bundeswehr, sind im Einsatz.", "de");
    CHECK(NQ == 2 && near(Q[0].value, 2000) && near(Q[1].value, 780));
    CHECK(NQ == 2 && !strcmp(Q[1].unit, "soldiers"));
    /* unknown noun: the number with unit "" */
    QV("Die Partei gewann 12 Sitze.", "de", 12, "", "");

    /* English notation and units */
    QV("The country sent 1.5 million shells last year.", "en", 1.5e6,
       "artillery shells", "");
    QV("Up to 11,000 North Korean troops were deployed.", "en", 11000, "soldiers", "up to");
    QV("Some 40 percent of the ammunition came from abroad.", "en", 40, "percent", "about");
    QV("Inflation reached 40% in May.", "en", 40, "percent", "");
    QV("Inflation reached 12.5 per cent.", "en", 12.5, "percent", "");
    QV("Dozens of people were detained.", "en", 24, "arrested", "at least");
    QV("Hundreds of civilians fled the town.", "en", 200, "civilians displaced", "at least");
    QV("Thousands of refugees reached the border.", "en", 2000, "displaced", "at least");
    QV("Tens of thousands of people protested.", "en", 20000, "people", "at least");
    QV("Two dozen drones hit the city.", "en", 24, "drones", "");
    QV("A dozen tanks crossed the river.", "en", 12, "tanks", "");
    QV("Airstrikes killed about 120 Islamic State fighters.", "en", 120,
       "fighters killed", "about");
    QV("The attack killed at least 13 civilians.", "en", 13, "civilians killed", "at least");
    QV("The bombers killed 23 people in the city.", "en", 23, "killed", "");
    QV("Five others were wounded in the attack.", "en", 5, "wounded", "");
    QV("Fighting has driven 160,000 people from their homes.", "en", 160000,
       "displaced", "");
    QV("More than 100 civilians have been killed in airstrikes.", "en", 100,
       "civilians killed", "at least");
    QV("Nearly 5,000 of them were killed or wounded.", "en", 5000, "killed or wounded", "nearly");
    QV("Almost 300 soldiers died.", "en", 300, "soldiers killed", "nearly");
    QV("Around 60 casualties were reported.", "en", 60, "killed or wounded", "about");
    QV("Approximately 80 people were injured.", "en", 80, "wounded", "about");
    QV("An estimated 2,000 special forces are stationed there.", "en", 2000,
       "soldiers", "about");
    QV("The fund holds $5bn in reserves.", "en", 5e9, "USD", "");
    QV("The fund holds $5 billion in reserves.", "en", 5e9, "USD", "");
    QV("Aid worth 300 million euros was pledged.", "en", 3e8, "EUR", "");
    QV("Aid worth €300m was pledged.", "en", 3e8, "EUR", "");
    QV("Police killed one protester and arrested 12.", "en", 1, "killed", "");
    CHECK(NQ == 2 && near(Q[1].value, 12) && !strcmp(Q[1].unit, "arrested"));
    QV("Twenty-five missiles were launched.", "en", 25, "missiles", "");
    QV("Two hundred and fifty soldiers surrendered.", "en", 250, "soldiers", "");
    QV("Police detained more than 40 protesters.", "en", 40, "arrested", "at least");
    /* number words with an unknown noun: only before a plural noun */
    QV("At least five towns agreed to surrender.", "en", 5, "", "at least");
    QV("Fünf Städte ergaben sich.", "de", 5, "", "");
    NONE("Five of them spoke.", "en");
    QV("A country hosting more than a million Syrians asked for help.", "en", 1e6, "",
       "at least");
    QV("Die Anklage fordert eine siebenjährige Haftstrafe.", "de", 7, "years", "");
    q1("Es gab 18 Tote, davon mindestens sieben Angehörige der Armee.", "de");
    CHECK(NQ == 2 && near(Q[1].value, 7) && !strcmp(Q[1].unit, "killed") &&
          !strcmp(Q[1].qualifier, "at least"));
    NONE("The journalist was captured six years ago.", "en");
    QV("Kämpfer töteten mehrere hundert Zivilisten.", "de", 200, "civilians killed", "at least");
    NONE("Sie flohen in ein Krankenhaus und eine Kirche.", "de");
    q1("Jets in the past 24 hours killed about 120 fighters and 60 mercenaries.", "en");
    CHECK(NQ == 3 && !strcmp(Q[0].unit, "hours") && !strcmp(Q[1].unit, "fighters killed"));
    CHECK(NQ == 3 && near(Q[2].value, 60) && !strcmp(Q[2].unit, "fighters killed"));
    q1("The attack killed at least 87 people, 30 of them children.", "en");
    CHECK(NQ == 2 && !strcmp(Q[0].unit, "killed") && !strcmp(Q[1].unit, "children killed"));
    NONE("Two waves of airstrikes hit the town.", "en");
    NONE("The accused, Ivan Petrov, 21, pleaded guilty.", "en");
    NONE("Der 68 Jahre alte Minister trat zurück.", "de");
    NONE("The minister is 68 years old.", "en");
    NONE("Der Staatsbesuch am 19.", "de");
    QV("At least 5 towns agreed to surrender.", "en", 5, "", "at least");

    /* not quantities */
    NONE("Der Gipfel fand im Jahr 2024 statt.", "de");
    NONE("Der Besuch am 19. Juni 2024 war kurz.", "de");
    NONE("Das Bild entstand am 13.08.2025.", "de");
    NONE("Das Video beginnt um 14:22 Uhr.", "de");
    NONE("Die 22. Brigade kämpft weiter.", "de");
    NONE("Die G20 trafen sich mit F-16-Piloten und MI-17-Besatzungen.", "de");
    NONE("The G20 discussed F-16 deliveries.", "en");
    NONE("The summit took place on June 19, 2024.", "en");
    NONE("Talks started at 9 am.", "en");
    NONE("Under Article 5 allies must respond.", "en");
    NONE("He said it was his 80-year-old father.", "en");
    NONE("Since 2015 the war has changed.", "en");
    NONE("Er ist der Zweite, der zurücktritt.", "de");
    NONE("One of the leaders spoke.", "en");
    NONE("Vor drei Jahren begann der Krieg.", "de");
    NONE("The decision was made in the 1990s.", "en");
    /* but a year-like count before its noun is a count */
    QV("Die Armee schickte 2000 Soldaten.", "de", 2000, "soldiers", "");

    /* language handling: "1.500" is 1500 in German, 1.5 in English */
    QV("Es waren 1.500 Soldaten.", "de", 1500, "soldiers", "");
    QV("It was 1.500 tonnes.", "en", 1.5, "tonnes", "");
    QV("It was 1,500 tonnes.", "en", 1500, "tonnes", "");
    QV("Es waren 1,5 Tonnen.", "de", 1.5, "tonnes", "");
    QV("It was 1,234.5 tonnes.", "en", 1234.5, "tonnes", "");
    QV("Es waren 1.234,5 Tonnen.", "de", 1234.5, "tonnes", "");
    QV("Es waren 1.500.000 Menschen.", NULL, 1.5e6, "people", "");

    /* robustness */
    CHECK(attr_quantity_find("", 0, "de", Q, 8) == 0);
    CHECK(attr_quantity_find("500 Soldaten", 12, "de", Q, 0) == 0);
    CHECK(attr_quantity_find("500 Soldaten und 30 Panzer", 26, "de", Q, 1) == 1);
    {
        const char bad[] = "\xff 500 \xc3 Soldaten \xe2\x82 40 % \xf0\x9f\x98";
        size_t n = attr_quantity_find(bad, sizeof bad - 1, "de", Q, 8);
        CHECK(n >= 1 && n <= 8);
        CHECK(n >= 1 && Q[n - 1].start + Q[n - 1].len <= sizeof bad - 1);
    }
    {
        size_t big = 1 << 20, k, n;
        char *b = malloc(big);
        attr_quantity many[16];
        if (b) {
            memset(b, '9', big);
            n = attr_quantity_find(b, big, NULL, many, 16);
            CHECK(n == 0);
            for (k = 0; k < big; k++) b[k] = (k % 7 == 6) ? ' ' : (char)('1' + k % 7);
            n = attr_quantity_find(b, big, NULL, many, 16);
            CHECK(n <= 16);
            for (k = 0; k < big; k++) b[k] = (k % 2) ? '.' : '5';
            n = attr_quantity_find(b, big, NULL, many, 16);
            CHECK(n <= 16);
            for (k = 0; k + 12 <= big; k += 12) memcpy(b + k, "5 Soldaten, ", 12);
            n = attr_quantity_find(b, big, "de", many, 16);
            CHECK(n == 16);
            free(b);
        }
    }
    return check_done();
}
