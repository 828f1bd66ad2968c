/* attr_quantity.c — finds the quantities of one sentence: numbers in German
 * and English notation, digits or words ("5,8 Millionen", "1.5 million",
 * "zwei Dutzend", "Hunderte"), their qualifier ("bis zu" -> "up to") and the
 * counted noun or casualty verb normalised to an English unit. One pass over
 * a bounded token window, no allocation, total over any bytes. Rules are in
 * docs/attributes.md. */
#include "attr.h"
#include "attr_scan.h"

#include <stdio.h>
#include <string.h>
#include <threads.h>

/* ------------------------------------------------------------- context */
typedef attr_ctx ctx_t;

#define TS(c, i) ((c)->s + (c)->t[i].s)

static int weq(const ctx_t *c, size_t i, const char *lit)
{
    return attr_ctx_word(c, i) && attr_scan_fold_eq(TS(c, i), c->t[i].l, lit);
}

static int win(const ctx_t *c, size_t i, const char *const *list)
{
    if (!attr_ctx_word(c, i)) return 0;
    for (; *list; list++)
        if (weq(c, i, *list)) return 1;
    return 0;
}

static int pch(const ctx_t *c, size_t i, char ch)
{
    return i < c->nt && c->t[i].k == ATTR_TK_PUNCT && c->t[i].l == 1 &&
           c->s[c->t[i].s] == ch;
}

/* token i is the UTF-8 punctuation lit (e.g. "€") */
static int pstr(const ctx_t *c, size_t i, const char *lit)
{
    return i < c->nt && c->t[i].k == ATTR_TK_PUNCT && c->t[i].l == strlen(lit) &&
           !memcmp(TS(c, i), lit, c->t[i].l);
}

static int adjacent(const ctx_t *c, size_t i, size_t j)
{
    return j < c->nt && c->t[i].s + c->t[i].l == c->t[j].s;
}

/* --------------------------------------------------------------- numbers */
/* Value of a digit token in German or English notation; 0 when it is no
 * plain number (dates, times, versions, over 15 digits). */
static int parse_num(const ctx_t *c, size_t i, double *out)
{
    const char *p = TS(c, i);
    size_t l = c->t[i].l, k;
    size_t gl[8], ng = 0;
    char sp[8];
    int digits = 0;
    double v = 0;
    if (l > 40) return 0;
    gl[0] = 0;
    for (k = 0; k < l; k++) {
        if (p[k] >= '0' && p[k] <= '9') { gl[ng]++; digits++; continue; }
        if (p[k] == ':' || p[k] == '/') return 0;
        if (p[k] == '-') { l = k; break; }         /* range: first value */
        if (ng == 7) return 0;
        sp[ng++] = p[k];
        gl[ng] = 0;
    }
    if (digits > 15) return 0;
    /* which separator (if any) is the decimal one */
    {
        char dec = 0;
        size_t g;
        if (ng >= 1) {
            char lastsep = sp[ng - 1];
            int mixed = 0, same = 0;
            for (g = 0; g < ng; g++) {
                if (sp[g] != lastsep) mixed = 1;
                else same++;
            }
            if (mixed) {
                dec = lastsep;
                if (same > 1) return 0;
            } else if (ng > 1) {
                dec = 0;                    /* "1.500.000", "1,500,000" */
            } else if (gl[1] != 3) {
                dec = lastsep;              /* "5,8", "1.5" */
            } else if (lastsep == '.') {
                dec = (c->en && !c->de) ? '.' : 0;
            } else {
                dec = (c->de && !c->en) ? ',' : 0;
            }
            /* thousands groups: first 1-3 digits, the rest exactly 3 */
            if (gl[0] < 1 || gl[0] > 3) return 0;
            for (g = 1; g <= ng; g++) {
                int is_dec = dec && g == ng;
                if (!is_dec && gl[g] != 3) return 0;
                if (is_dec && gl[g] == 0) return 0;
            }
        }
        {
            double scale = 0;
            for (k = 0; k < l; k++) {
                if (p[k] >= '0' && p[k] <= '9') {
                    if (scale > 0) {
                        v += (p[k] - '0') * scale;
                        scale /= 10;
                    } else {
                        v = v * 10 + (p[k] - '0');
                    }
                } else if (p[k] == dec) {
                    scale = 0.1;
                }
            }
        }
    }
    *out = v;
    return 1;
}

/* German number word, also compounds: "zwölf", "dreißig",
 * "fünfundzwanzig", "zweihundert", "dreitausend"; -1 if none. */
static long de_numword(const char *p, size_t l, int depth)
{
    static const struct { const char *w; int v; } base[] = {
        {"eins", 1}, {"ein", 1}, {"zwei", 2}, {"drei", 3}, {"vier", 4},
        {"fünf", 5}, {"fuenf", 5}, {"sechs", 6}, {"sieben", 7}, {"acht", 8},
        {"neun", 9}, {"zehn", 10}, {"elf", 11}, {"zwölf", 12},
        {"zwoelf", 12}, {"dreizehn", 13}, {"vierzehn", 14},
        {"fünfzehn", 15}, {"sechzehn", 16}, {"siebzehn", 17},
        {"achtzehn", 18}, {"neunzehn", 19}, {"zwanzig", 20},
        {"dreißig", 30}, {"dreissig", 30}, {"vierzig", 40}, {"fünfzig", 50},
        {"sechzig", 60}, {"siebzig", 70}, {"achtzig", 80}, {"neunzig", 90}};
    static const struct { const char *w; long v; } mul[] = {
        {"tausend", 1000}, {"hundert", 100}};
    size_t k, m, wl;
    if (l == 0 || depth > 4) return -1;
    for (m = 0; m < 2; m++) {
        wl = strlen(mul[m].w);
        for (k = 0; k + wl <= l; k++)
            if (attr_scan_fold_cmp(p, l, mul[m].w, k)) {
                long a = k ? de_numword(p, k, depth + 1) : 1;
                long b = k + wl < l ? de_numword(p + k + wl, l - k - wl, depth + 1) : 0;
                if (a < 1 || b < 0 || (m == 1 && a > 9) || b >= mul[m].v) return -1;
                return a * mul[m].v + b;
            }
    }
    for (k = 1; k + 3 < l; k++)
        if (attr_scan_fold_cmp(p, l, "und", k)) {
            long a = de_numword(p, k, depth + 1);
            long b = de_numword(p + k + 3, l - k - 3, depth + 1);
            if (a < 1 || a > 9 || b < 20 || b > 90 || b % 10) return -1;
            return a + b;
        }
    for (k = 0; k < sizeof base / sizeof base[0]; k++)
        if (strlen(base[k].w) == l && attr_scan_fold_cmp(p, l, base[k].w, 0))
            return base[k].v;
    return -1;
}

static long en_numword(const char *p, size_t l)
{
    static const char *const w[] = {"zero", "one", "two", "three", "four",
        "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
        "eighteen", "nineteen", 0};
    static const char *const tens[] = {"twenty", "thirty", "forty", "fifty",
        "sixty", "seventy", "eighty", "ninety", 0};
    size_t k;
    for (k = 0; w[k]; k++)
        if (strlen(w[k]) == l && attr_scan_fold_cmp(p, l, w[k], 0)) return (long)k;
    for (k = 0; tens[k]; k++) {
        size_t tl = strlen(tens[k]);
        if (tl == l && attr_scan_fold_cmp(p, l, tens[k], 0)) return (long)(k + 2) * 10;
        if (l > tl + 1 && p[tl] == '-' && attr_scan_fold_cmp(p, l, tens[k], 0)) {
            long u = en_numword(p + tl + 1, l - tl - 1);
            if (u >= 1 && u <= 9) return (long)(k + 2) * 10 + u;
        }
    }
    return -1;
}

/* Scale word at i: "Millionen", "Mrd", "million", "bn", "Dutzend". */
static double scale_word(const ctx_t *c, size_t i)
{
    if (!attr_ctx_word(c, i)) return 0;
    if (c->de) {
        if (weq(c, i, "million") || weq(c, i, "millionen") || weq(c, i, "mio"))
            return 1e6;
        if (weq(c, i, "milliarde") || weq(c, i, "milliarden") ||
            weq(c, i, "mrd"))
            return 1e9;
        if (weq(c, i, "billionen") ||
            (weq(c, i, "billion") && (c->t[i].f & ATTR_TF_CAP) && !c->en))
            return 1e12;
        if (weq(c, i, "tausend") || weq(c, i, "tsd")) return 1e3;
        if (weq(c, i, "hundert")) return 100;
        if (weq(c, i, "dutzend")) return 12;
    }
    if (c->en) {
        if (weq(c, i, "million") || weq(c, i, "millions") || weq(c, i, "mn") ||
            weq(c, i, "m"))
            return 1e6;
        if (weq(c, i, "billion") || weq(c, i, "billions") || weq(c, i, "bn"))
            return 1e9;
        if (weq(c, i, "trillion") || weq(c, i, "tn")) return 1e12;
        if (weq(c, i, "thousand") || weq(c, i, "k")) return 1e3;
        if (weq(c, i, "hundred")) return 100;
        if (weq(c, i, "dozen")) return 12;
    }
    return 0;
}

/* "Hunderte", "thousands", "Dutzende": the smallest plural, reported with
 * "at least". */
static double vague_plural(const ctx_t *c, size_t i)
{
    static const struct { const char *w; double v; } t[] = {
        {"dutzende", 24}, {"dutzenden", 24}, {"hunderte", 200},
        {"hunderten", 200}, {"tausende", 2000}, {"tausenden", 2000},
        {"zehntausende", 20000}, {"zehntausenden", 20000},
        {"hunderttausende", 200000}, {"hunderttausenden", 200000},
        {"millionen", 2e6}, {"dozens", 24}, {"hundreds", 200},
        {"thousands", 2000}, {"millions", 2e6}, {"scores", 40}};
    size_t k;
    for (k = 0; k < sizeof t / sizeof t[0]; k++)
        if (weq(c, i, t[k].w)) return t[k].v;
    return 0;
}

/* ------------------------------------------------------------ units */
enum { U_THING = 0, U_PERSON = 1, U_CASUALTY = 2, U_GENERIC = 3 };
typedef struct { const char *w; const char *unit; unsigned char cls, suffix; } unit_t;

/* German entries with suffix = 1 also match compound heads
 * ("Talibankämpfer", "Artilleriegeschosse", "Kampfpanzer"). */
static const unit_t units_de[] = {
    {"soldaten", "soldiers", U_PERSON, 1}, {"soldat", "soldiers", U_PERSON, 1},
    {"soldatinnen", "soldiers", U_PERSON, 1}, {"truppen", "soldiers", U_PERSON, 0},
    {"mann", "soldiers", U_PERSON, 0}, {"kämpfer", "fighters", U_PERSON, 1},
    {"rebellen", "fighters", U_PERSON, 1}, {"aufständische", "fighters", U_PERSON, 0},
    {"aufständischen", "fighters", U_PERSON, 0}, {"milizionäre", "fighters", U_PERSON, 0},
    {"geschosse", "artillery shells", U_THING, 1}, {"geschossen", "artillery shells", U_THING, 1},
    {"granaten", "artillery shells", U_THING, 1}, {"granate", "artillery shells", U_THING, 1},
    {"raketen", "missiles", U_THING, 1}, {"rakete", "missiles", U_THING, 1},
    {"marschflugkörper", "missiles", U_THING, 1}, {"flugkörper", "missiles", U_THING, 1},
    {"drohnen", "drones", U_THING, 1}, {"drohne", "drones", U_THING, 1},
    {"panzer", "tanks", U_THING, 1},
    {"flugzeuge", "aircraft", U_THING, 1}, {"kampfjets", "aircraft", U_THING, 1},
    {"tote", "killed", U_CASUALTY, 0}, {"toten", "killed", U_CASUALTY, 0},
    {"todesopfer", "killed", U_CASUALTY, 1}, {"getötete", "killed", U_CASUALTY, 0},
    {"getöteten", "killed", U_CASUALTY, 0},
    {"verletzte", "wounded", U_CASUALTY, 1}, {"verletzten", "wounded", U_CASUALTY, 1},
    {"verwundete", "wounded", U_CASUALTY, 1}, {"verwundeten", "wounded", U_CASUALTY, 1},
    {"festnahmen", "arrested", U_CASUALTY, 0}, {"festgenommene", "arrested", U_CASUALTY, 0},
    {"verhaftungen", "arrested", U_CASUALTY, 0},
    {"flüchtlinge", "displaced", U_CASUALTY, 1}, {"flüchtlingen", "displaced", U_CASUALTY, 1},
    {"vertriebene", "displaced", U_CASUALTY, 1}, {"vertriebenen", "displaced", U_CASUALTY, 1},
    {"menschen", "people", U_GENERIC, 0}, {"personen", "people", U_GENERIC, 0},
    {"leute", "people", U_GENERIC, 0}, {"einwohner", "people", U_GENERIC, 0},
    {"zivilisten", "civilians", U_PERSON, 1}, {"zivilistinnen", "civilians", U_PERSON, 1},
    {"zivilpersonen", "civilians", U_PERSON, 0}, {"kinder", "children", U_PERSON, 0},
    {"gefangene", "prisoners", U_PERSON, 1}, {"häftlinge", "prisoners", U_PERSON, 1},
    {"geiseln", "hostages", U_PERSON, 0},
    {"prozent", "percent", U_THING, 0}, {"prozentpunkte", "percentage points", U_THING, 0},
    {"dollar", "USD", U_THING, 1}, {"usd", "USD", U_THING, 0},
    {"euro", "EUR", U_THING, 0}, {"eur", "EUR", U_THING, 0},
    {"pfund", "GBP", U_THING, 0}, {"rubel", "RUB", U_THING, 0},
    {"jahre", "years", U_THING, 0}, {"jahren", "years", U_THING, 0},
    {"monate", "months", U_THING, 0}, {"monaten", "months", U_THING, 0},
    {"tage", "days", U_THING, 0}, {"tagen", "days", U_THING, 0},
    {"wochen", "weeks", U_THING, 0}, {"stunden", "hours", U_THING, 0},
    {"minuten", "minutes", U_THING, 0},
    {"tonnen", "tonnes", U_THING, 0}, {"kilometer", "km", U_THING, 0},
    {0, 0, 0, 0}};

static const unit_t units_en[] = {
    {"soldiers", "soldiers", U_PERSON, 0}, {"soldier", "soldiers", U_PERSON, 0},
    {"troops", "soldiers", U_PERSON, 0}, {"servicemen", "soldiers", U_PERSON, 0},
    {"forces", "soldiers", U_PERSON, 0}, {"personnel", "soldiers", U_PERSON, 0},
    {"fighters", "fighters", U_PERSON, 0}, {"militants", "fighters", U_PERSON, 0},
    {"insurgents", "fighters", U_PERSON, 0}, {"rebels", "fighters", U_PERSON, 0},
    {"mercenaries", "fighters", U_PERSON, 0},
    {"shells", "artillery shells", U_THING, 0}, {"rounds", "artillery shells", U_THING, 0},
    {"missiles", "missiles", U_THING, 0}, {"missile", "missiles", U_THING, 0},
    {"rockets", "missiles", U_THING, 0}, {"drones", "drones", U_THING, 0},
    {"drone", "drones", U_THING, 0}, {"uavs", "drones", U_THING, 0},
    {"tanks", "tanks", U_THING, 0}, {"aircraft", "aircraft", U_THING, 0},
    {"jets", "aircraft", U_THING, 0}, {"planes", "aircraft", U_THING, 0},
    {"dead", "killed", U_CASUALTY, 0}, {"deaths", "killed", U_CASUALTY, 0},
    {"fatalities", "killed", U_CASUALTY, 0},
    {"wounded", "wounded", U_CASUALTY, 0}, {"injured", "wounded", U_CASUALTY, 0},
    {"injuries", "wounded", U_CASUALTY, 0},
    {"casualties", "killed or wounded", U_CASUALTY, 0},
    {"arrests", "arrested", U_CASUALTY, 0}, {"detainees", "arrested", U_CASUALTY, 0},
    {"refugees", "displaced", U_CASUALTY, 0}, {"displaced", "displaced", U_CASUALTY, 0},
    {"people", "people", U_GENERIC, 0}, {"persons", "people", U_GENERIC, 0},
    {"residents", "people", U_GENERIC, 0},
    {"civilians", "civilians", U_PERSON, 0}, {"children", "children", U_PERSON, 0},
    {"prisoners", "prisoners", U_PERSON, 0}, {"hostages", "hostages", U_PERSON, 0},
    {"percent", "percent", U_THING, 0},
    {"dollars", "USD", U_THING, 0}, {"usd", "USD", U_THING, 0},
    {"euros", "EUR", U_THING, 0}, {"euro", "EUR", U_THING, 0},
    {"eur", "EUR", U_THING, 0}, {"pounds", "GBP", U_THING, 0},
    {"roubles", "RUB", U_THING, 0}, {"rubles", "RUB", U_THING, 0},
    {"years", "years", U_THING, 0}, {"months", "months", U_THING, 0},
    {"days", "days", U_THING, 0}, {"weeks", "weeks", U_THING, 0},
    {"hours", "hours", U_THING, 0}, {"minutes", "minutes", U_THING, 0},
    {"tonnes", "tonnes", U_THING, 0},
    {"tons", "tonnes", U_THING, 0}, {"km", "km", U_THING, 0},
    {"kilometres", "km", U_THING, 0}, {"kilometers", "km", U_THING, 0},
    {"miles", "miles", U_THING, 0},
    {0, 0, 0, 0}};

static const unit_t *unit_lookup(const unit_t *tab, const char *p, size_t l,
                                 int suffixes)
{
    const unit_t *u;
    for (u = tab; u->w; u++) {
        size_t wl = strlen(u->w);
        if (wl == l && attr_scan_fold_cmp(p, l, u->w, 0)) return u;
        if (suffixes && u->suffix && l > wl + 2 && attr_scan_fold_cmp(p, l, u->w, l - wl))
            return u;
    }
    return NULL;
}

/* Unit noun at token i (whole word, compound head, or the part after the
 * last hyphen: "Artillerie-Geschosse", "US-Dollar"). */
static const unit_t *unit_at(const ctx_t *c, size_t i)
{
    const char *p;
    size_t l, h;
    const unit_t *u = NULL;
    if (!attr_ctx_word(c, i)) return NULL;
    p = TS(c, i);
    l = c->t[i].l;
    if (c->de && (u = unit_lookup(units_de, p, l, 1))) return u;
    if (c->en && (u = unit_lookup(units_en, p, l, 0))) return u;
    if (c->t[i].f & ATTR_TF_HYPH) {
        for (h = l; h > 0 && p[h - 1] != '-'; h--) {}
        if (h > 0 && h < l) {
            if (c->de && (u = unit_lookup(units_de, p + h, l - h, 1))) return u;
            if (c->en && (u = unit_lookup(units_en, p + h, l - h, 0))) return u;
        }
    }
    return NULL;
}

/* Casualty verb at i: 1 killed, 2 wounded, 3 arrested, 4 displaced;
 * *weak for verbs that also have other senses ("gefallen", "fell"). */
static int verb_at(const ctx_t *c, size_t i, int *weak)
{
    static const char *const kd[] = {"getötet", "tot", "gestorben", "starben",
        "umgekommen", "ermordet", "hingerichtet", "erschossen", 0};
    static const char *const wd[] = {"verletzt", "verwundet", 0};
    static const char *const ad[] = {"festgenommen", "verhaftet",
        "inhaftiert", "festgesetzt", 0};
    static const char *const dd[] = {"vertrieben", "geflohen", "geflüchtet", 0};
    static const char *const ke[] = {"killed", "killing", "kill", "dead",
        "died", "die", "perished", "executed", "shot", 0};
    static const char *const we[] = {"wounded", "wounding", "injured",
        "injuring", "hurt", 0};
    static const char *const ae[] = {"arrested", "arresting", "detained",
        "detaining", "captured", 0};
    static const char *const de_[] = {"displaced", "fled", "flee", "fleeing",
        "driven", "uprooted", "evacuated", 0};
    *weak = 0;
    if (!attr_ctx_word(c, i)) return 0;
    if (c->de) {
        if (win(c, i, kd)) return 1;
        if (weq(c, i, "ums") && weq(c, i + 1, "leben")) return 1;
        if (weq(c, i, "gefallen")) { *weak = 1; return 1; }
        if (win(c, i, wd)) return 2;
        if (win(c, i, ad)) return 3;
        if (weq(c, i, "gefangen") && weq(c, i + 1, "genommen")) return 3;
        if (win(c, i, dd)) return 4;
        if (weq(c, i, "flucht") && weq(c, i - 1, "der") && weq(c, i - 2, "auf"))
            return 4;
    }
    if (c->en) {
        if (win(c, i, ke)) return 1;
        if (win(c, i, we)) return 2;
        if (win(c, i, ae)) return 3;
        if (win(c, i, de_)) return 4;
    }
    return 0;
}

static const char *const verb_unit[] = {"", "killed", "wounded", "arrested",
                                        "displaced"};

static const char *const stop_de[] = {"der", "die", "das", "des", "dem",
    "den", "und", "oder", "in", "im", "bei", "mit", "von", "vom", "zu", "zum",
    "zur", "auf", "aus", "an", "am", "für", "sind", "ist", "war", "waren",
    "wurden", "wurde", "haben", "hat", "hatte", "hatten", "seien", "sei",
    "als", "nach", "gegen", "seit", "bis", "um", "über", "unter", "vor",
    "durch", "ohne", "sowie", "auch", "pro", "je", "werden", "wird", 0};
static const char *const stop_en[] = {"of", "the", "a", "an", "and", "or",
    "in", "on", "at", "to", "from", "by", "with", "for", "was", "were",
    "had", "has", "have", "is", "are", "been", "be", "that", "which", "who",
    "as", "than", "into", "since", "after", "before", "during", "per",
    "each", "will", "would", "could", "said", "says", 0};
/* Pronoun-like counted words: the unit comes from the verb or from the
 * previous quantity ("davon", "of them", "others"). */
static const char *const pron[] = {"davon", "darunter", "weitere",
    "weiteren", "andere", "anderen", "others", "more", "them", "whom",
    "among", 0};

static const char *const names_before[] = {"artikel", "resolution",
    "nummer", "nr", "no", "punkt", "kapitel", "article", "section",
    "flight", "flug", "paragraph", "absatz", "seite", "page", "platz",
    "rang", "level", "stufe", "phase", "chapter", "route", "highway",
    "linie", "line", "gleis", "zimmer", "room", "version", "covid",
    "uhr", 0};
static const char *const time_after[] = {"uhr", "am", "pm", "gmt", "utc",
    "h", "mez", "mesz", 0};

static int month_name(const ctx_t *c, size_t i)
{
    static const char *const m[] = {"januar", "january", "jan", "februar",
        "february", "feb", "märz", "march", "mar", "april", "apr", "mai",
        "may", "juni", "june", "jun", "juli", "july", "jul", "august", "aug",
        "september", "sept", "sep", "oktober", "october", "okt", "oct",
        "november", "nov", "dezember", "december", "dez", "dec", 0};
    return attr_ctx_word(c, i) && (c->t[i].f & ATTR_TF_CAP) && win(c, i, m);
}

static const char *const year_cue[] = {"im", "in", "seit", "bis", "jahr",
    "jahre", "jahres", "year", "since", "until", "by", "from", "ab", "von",
    "anfang", "mitte", "ende", "early", "mid", "late", "of", "summer",
    "sommer", "winter", "spring", "frühjahr", "herbst", "autumn", 0};

/* ------------------------------------------------------------ matcher */
typedef struct {
    double value;
    size_t first, numend;   /* token span of the number expression */
    int vague, word;        /* vague plural; written in words */
    int scaled;             /* a scale word followed ("a million") */
    const char *cur;        /* currency from a symbol */
} num_t;

/* Number expression at i. Returns 1 and fills *q. */
static int number_at(const ctx_t *c, size_t i, num_t *q)
{
    const attr_tok *t = &c->t[i];
    double v = 0, sc;
    size_t j;
    memset(q, 0, sizeof *q);
    q->first = i;
    /* currency symbol first: "$5bn", "€ 3 Mio." */
    if (t->k == ATTR_TK_PUNCT) {
        if (pch(c, i, '$')) q->cur = "USD";
        else if (pstr(c, i, "\xe2\x82\xac")) q->cur = "EUR";
        else if (pstr(c, i, "\xc2\xa3")) q->cur = "GBP";
        else return 0;
        if (i + 1 >= c->nt || c->t[i + 1].k != ATTR_TK_NUM) return 0;
        i++;
        t = &c->t[i];
    }
    if (t->k == ATTR_TK_NUM) {
        if (!parse_num(c, i, &v)) return 0;
        j = i + 1;
        if (t->f & ATTR_TF_GLUED) {
            /* "5bn", "3m", "10k"; other glued forms ("3D", "80-year-old",
             * "1990er", "22nd") are no counts */
            if (c->s[t->s + t->l] == '-' || !adjacent(c, i, j)) return 0;
            if ((sc = scale_word(c, j)) == 0 || sc < 1000) return 0;
            v *= sc;
            j++;
        }
        q->numend = j - 1;
    } else if (t->k == ATTR_TK_WORD) {
        long w;
        q->word = 1;
        if ((v = vague_plural(c, i)) != 0) {
            q->vague = 1;
            q->numend = i;
            /* "Hunderte von", "tens of thousands", "hundreds of thousands" */
            if ((weq(c, i, "hundreds") || weq(c, i, "tens")) && weq(c, i + 1, "of") &&
                weq(c, i + 2, "thousands"))
                v = weq(c, i, "tens") ? 20000 : 200000, q->numend = i + 2;
            q->value = v;
            return 1;
        }
        if (weq(c, i, "tens") && weq(c, i + 1, "of") && weq(c, i + 2, "thousands")) {
            q->vague = 1;
            q->value = 20000;
            q->numend = i + 2;
            return 1;
        }
        /* "mehrere hundert", "several thousand": at least two of them */
        if ((weq(c, i, "hundert") || weq(c, i, "tausend") ||
             weq(c, i, "hundred") || weq(c, i, "thousand")) &&
            (weq(c, i - 1, "mehrere") || weq(c, i - 1, "einige") ||
             weq(c, i - 1, "several") || weq(c, i - 1, "some") ||
             weq(c, i - 1, "few"))) {
            q->vague = 1;
            q->value = (weq(c, i, "hundert") || weq(c, i, "hundred")) ? 200 : 2000;
            q->numend = i;
            q->first = i - 1;
            return 1;
        }
        w = -1;
        if (c->de && !weq(c, i, "ein")) w = de_numword(TS(c, i), t->l, 0);
        /* "siebenjährige Haftstrafe": seven years */
        if (w < 0 && c->de) {
            static const char *const jt[] = {"jährige", "jährigen",
                "jähriger", "jähriges", "jährig", 0};
            size_t a;
            for (a = 0; jt[a] && w < 0; a++) {
                size_t jl = strlen(jt[a]);
                if (t->l > jl && attr_scan_fold_cmp(TS(c, i), t->l, jt[a], t->l - jl) &&
                    (w = de_numword(TS(c, i), t->l - jl, 0)) > 0)
                    q->cur = "years";
            }
        }
        if (w < 0 && c->en) w = en_numword(TS(c, i), t->l);
        if (w < 0 && (weq(c, i, "ein") || weq(c, i, "eine") || weq(c, i, "einen") ||
                      weq(c, i, "a") || weq(c, i, "an")) && scale_word(c, i + 1) > 0)
            w = 1;
        if (w < 0) return 0;
        v = (double)w;
        j = i + 1;
        /* English chains: "two hundred and fifty thousand" */
        if (c->en) {
            double total = 0, cur = v;
            for (;;) {
                long nw;
                if (weq(c, j, "hundred")) { cur *= 100; j++; continue; }
                if (weq(c, j, "thousand")) { total += cur * 1000; cur = 0; j++; continue; }
                if (weq(c, j, "and") && j + 1 < c->nt &&
                    (nw = en_numword(TS(c, j + 1), c->t[j + 1].l)) > 0 && cur + total > 0) {
                    cur += (double)nw;
                    j += 2;
                    continue;
                }
                if (attr_ctx_word(c, j) && (nw = en_numword(TS(c, j), c->t[j].l)) > 0 &&
                    nw < 100 && ((long)cur % 100) == 0 && cur + total > 0) {
                    cur += (double)nw;
                    j++;
                    continue;
                }
                break;
            }
            v = total + cur;
        }
        q->numend = j - 1;
    } else {
        return 0;
    }
    /* scale words after: "5,8 Millionen", "1.5 million", "zwei Dutzend" */
    j = q->numend + 1;
    if ((sc = scale_word(c, j)) != 0 && !(sc < 1000 && !q->word && sc != 12)) {
        v *= sc;
        q->numend = j;
        q->scaled = 1;
        if (pch(c, j + 1, '.') && adjacent(c, j, j + 1) &&
            (weq(c, j, "mio") || weq(c, j, "mrd") || weq(c, j, "tsd")))
            q->numend = j + 1;
    }
    q->value = v;
    return 1;
}

static void set_str(char *dst, size_t cap, const char *a, const char *b)
{
    snprintf(dst, cap, "%s%s%s", a, (b && *b) ? " " : "", b ? b : "");
}

/* Qualifier written just before token i. */
static const char *qualifier_before(const ctx_t *c, size_t i)
{
    static const char *const about[] = {"rund", "etwa", "ungefähr", "circa",
        "zirka", "schätzungsweise", "geschätzte", "geschätzt", "about",
        "around", "some", "approximately", "roughly", "estimated",
        "approx", 0};
    static const char *const nearly[] = {"fast", "beinahe", "nahezu",
        "knapp", "nearly", "almost", 0};
    static const char *const least[] = {"mindestens", "wenigstens", "über",
        "over", "upwards", 0};
    size_t p = i - 1;
    if (weq(c, p, "of") && weq(c, p - 1, "upwards")) return "at least";
    if (pch(c, p, '.') && weq(c, p - 1, "ca")) return "about";
    if (weq(c, p, "zu") && weq(c, p - 1, "bis")) return "up to";
    if (weq(c, p, "to") && weq(c, p - 1, "up")) return "up to";
    if (weq(c, p, "als") && weq(c, p - 1, "mehr")) return "at least";
    if (weq(c, p, "than") && weq(c, p - 1, "more")) return "at least";
    if (weq(c, p, "least") && weq(c, p - 1, "at")) return "at least";
    if (weq(c, p, "under") && weq(c, p - 1, "just")) return "nearly";
    if (win(c, p, about)) return "about";
    if (win(c, p, nearly)) return "nearly";
    if (win(c, p, least)) return "at least";
    return "";
}

/* The full quantity at i: number, unit noun or casualty verb, qualifier. */
static int quantity_at(const ctx_t *c, size_t i, attr_quantity *out,
                       size_t *endtok, const char *prev_unit, size_t prev_end)
{
    num_t q;
    size_t j, k, noun = (size_t)-1, last;
    const unit_t *u = NULL;
    const char *unit = NULL;
    int pronoun = 0, verb = 0, weak = 0, unknown_noun = 0, nd = 0;
    const char *qual;

    if (!number_at(c, i, &q)) return 0;
    j = q.numend + 1;
    last = q.numend;

    /* exclusions for digits: dates, years, times, ordinals, names */
    if (c->t[i].k == ATTR_TK_NUM || (c->t[i].k == ATTR_TK_PUNCT && q.cur)) {
        size_t ni = c->t[i].k == ATTR_TK_NUM ? i : i + 1;
        const attr_tok *t = &c->t[ni];
        int plain = !(t->f & (ATTR_TF_SEP | ATTR_TF_GLUED));
        size_t after = ni + 1;
        if ((t->f & ATTR_TF_SEP)) {
            /* "2014-2015", "2024-06-19" */
            const char *p = TS(c, ni);
            size_t h;
            for (h = 0; h < t->l && p[h] != '-'; h++) {}
            if (h == 4 && h < t->l) return 0;
        }
        if (plain) nd = (int)t->l;
        if (pch(c, after, '.') && adjacent(c, ni, after) && after + 1 < c->nt &&
            q.numend == ni && c->de && plain && t->l <= 3 &&
            !(c->en && !c->de))
            return 0;                       /* "22. Brigade", "19. Juni" */
        if (pch(c, after, '.') && adjacent(c, ni, after) && c->de && plain &&
            t->l <= 2 && (weq(c, ni - 1, "am") || weq(c, ni - 1, "zum") ||
                          weq(c, ni - 1, "vom") || weq(c, ni - 1, "dem")))
            return 0;                       /* "am 19." split from its month */
        if (month_name(c, after) || month_name(c, ni - 1) ||
            (pch(c, ni - 1, '.') && month_name(c, ni - 2)))
            return 0;                       /* "19 June", "June 19" */
        if (win(c, after, time_after)) return 0;
        /* ages: "Vadim S., 21, ...", "68 Jahre alt", "21 years old" */
        if (plain && pch(c, ni - 1, ',') && pch(c, after, ',') && attr_ctx_word(c, ni - 2) &&
            (c->t[ni - 2].f & ATTR_TF_CAP))
            return 0;
        if (attr_ctx_word(c, after + 1) && (weq(c, after + 1, "old") ||
                                       (c->de && attr_scan_fold_cmp(TS(c, after + 1),
                                                          c->t[after + 1].l, "alt", 0))) &&
            (weq(c, after, "jahre") || weq(c, after, "years") || weq(c, after, "year")))
            return 0;
        if (win(c, ni - 1, names_before) || pch(c, ni - 1, '#') ||
            pstr(c, ni - 1, "\xc2\xa7"))
            return 0;
        if (plain && nd == 4 && q.numend == ni) {
            double y = q.value;
            if (y >= 1900 && y <= 2100) {
                const unit_t *uu = unit_at(c, after);
                if (!uu || win(c, ni - 1, year_cue) ||
                    (uu && !strcmp(uu->unit, "years")))
                    return 0;
            }
        }
        /* "seit drei Jahren" is a quantity, "vor drei Jahren" a date */
    }
    if (weq(c, i - 1, "vor") && c->de) {
        const unit_t *uu = unit_at(c, j);
        if (uu && (!strcmp(uu->unit, "years") || !strcmp(uu->unit, "months") ||
                   !strcmp(uu->unit, "days")))
            return 0;
    }

    if (c->en) {
        const unit_t *uu = unit_at(c, j);
        if (uu && (!strcmp(uu->unit, "years") || !strcmp(uu->unit, "months") ||
                   !strcmp(uu->unit, "days")) && weq(c, j + 1, "ago"))
            return 0;
    }

    /* percent and currency right after the number */
    if (pch(c, j, '%')) {
        unit = "percent";
        last = j;
    } else if (pstr(c, j, "\xe2\x82\xac")) {
        unit = "EUR";
        last = j;
    } else if (pch(c, j, '$')) {
        unit = "USD";
        last = j;
    } else if (weq(c, j, "per") && weq(c, j + 1, "cent")) {
        unit = "percent";
        last = j + 1;
    } else if (weq(c, j, "percentage") && weq(c, j + 1, "points")) {
        unit = "percentage points";
        last = j + 1;
    } else if (weq(c, j, "us") && pch(c, j + 1, '$')) {
        unit = "USD";
        last = j + 1;
    } else {
        /* the counted noun a few tokens on, past adjectives */
        for (k = 0; k < 4 && j + k < c->nt; k++) {
            size_t x = j + k;
            if (c->t[x].k != ATTR_TK_WORD) break;
            if ((u = unit_at(c, x)) != NULL) {
                noun = x;
                break;
            }
            if (weq(c, x, "of") && (weq(c, x + 1, "them") || weq(c, x + 1, "whom"))) {
                pronoun = 1;                /* "30 of them children" */
                k++;
                continue;
            }
            if (win(c, x, pron)) {
                pronoun = 1;
                if (weq(c, x, "davon") || weq(c, x, "darunter") ||
                    weq(c, x, "them") || weq(c, x, "whom"))
                    break;
                continue;
            }
            if (q.vague && (weq(c, x, "of") || weq(c, x, "von"))) continue;
            if (c->de && win(c, x, stop_de)) break;
            if (c->en && win(c, x, stop_en)) break;
            if (verb_at(c, x, &weak)) break;
            if (c->de && !c->en && (c->t[x].f & ATTR_TF_CAP)) {
                noun = x;           /* an unknown German noun */
                unknown_noun = 1;
                break;
            }
        }
        if (u) {
            unit = u->unit;
            last = noun;
        } else if (unknown_noun) {
            last = noun;
        }
        if (q.cur && !unit) unit = q.cur;
    }
    for (k = 1; k <= 3 && k <= i && !pronoun; k++) {
        /* "davon mindestens sieben", "including at least 7" */
        if (weq(c, i - k, "davon") || weq(c, i - k, "darunter") ||
            weq(c, i - k, "including") || weq(c, i - k, "among"))
            pronoun = 1;
        else if (!qualifier_before(c, i - k + 1)[0] && !attr_ctx_word(c, i - k))
            break;
    }

    /* casualty verb: just before the number ("killed at least 13"), or
     * later in the clause ("... gefallen oder verwundet worden") */
    if (!u || u->cls == U_PERSON || u->cls == U_GENERIC) {
        size_t b = q.first - 1;
        while (b < c->nt && (win(c, b, (const char *const[]){"at", "least",
                "about", "some", "around", "nearly", "almost", "more", "than",
                "up", "to", "over", "an", "estimated", "the", "another", 0}))) {
            if (b == 0) { b = (size_t)-1; break; }
            b--;
        }
        static const char *const de_before[] = {"tötete", "töteten",
            "verletzte", "verletzten", "verwundete", "verwundeten", 0};
        if (c->de && win(c, b, de_before))
            verb = attr_scan_fold_cmp(TS(c, b), c->t[b].l, "t", 0) ? 1 : 2;
        else if (c->en && (verb = verb_at(c, b, &weak)) != 0 &&
                 !weq(c, b, "dead") && !weq(c, b, "die"))
            ;
        else {
            verb = 0;
            for (k = last + 1; k < c->nt && k < last + 20; k++) {
                const attr_tok *t = &c->t[k];
                if (t->k == ATTR_TK_NUM) break;
                if (t->k == ATTR_TK_PUNCT) {
                    char ch = c->s[t->s];
                    if (ch == ',' || ch == ';' || ch == ':' || ch == '.' ||
                        ch == '(' || ch == ')' || ch == '!' || ch == '?')
                        break;
                    continue;
                }
                if ((verb = verb_at(c, k, &weak)) != 0) {
                    /* "gefallen oder verwundet", "killed or wounded" */
                    if (verb == 1 && (weq(c, k + 1, "oder") || weq(c, k + 1, "or")) &&
                        verb_at(c, k + 2, &nd) == 2)
                        verb = 5;
                    break;
                }
            }
        }
        if (verb == 1 && weak && !pronoun && !u && !unknown_noun) verb = 0;
        if (weq(c, q.first - 1, "auf") || weq(c, q.first - 1, "um") ||
            weq(c, q.first - 1, "by"))
            verb = 0;                   /* "auf 500 gefallen": a change */
    }
    if (u && u->cls == U_CASUALTY && !strcmp(u->unit, "killed") &&
        (weq(c, noun + 1, "oder") || weq(c, noun + 1, "or")) &&
        unit_at(c, noun + 2) && !strcmp(unit_at(c, noun + 2)->unit, "wounded")) {
        unit = "killed or wounded";
        last = noun + 2;
    }

    /* "killed about 120 fighters and 60 mercenaries", "87 people, 30 of
     * them children": the previous quantity's verb carries over */
    if (!verb && prev_unit && (!u || u->cls == U_PERSON || u->cls == U_GENERIC)) {
        size_t a = q.first - 1;
        int coord = 0;
        while (a < c->nt && qualifier_before(c, a + 1)[0] && attr_ctx_word(c, a) &&
               !weq(c, a, "and") && !weq(c, a, "und") && a > 0)
            a--;
        if ((weq(c, a, "and") || weq(c, a, "und") || weq(c, a, "sowie")) &&
            a > 0 && c->t[a - 1].s + c->t[a - 1].l == prev_end)
            coord = 1;
        if (coord || pronoun) {
            static const char *const vs[] = {"killed or wounded", "killed",
                "wounded", "arrested", "displaced", 0};
            size_t pl = strlen(prev_unit), v;
            for (v = 0; vs[v]; v++) {
                size_t vl = strlen(vs[v]);
                if (pl >= vl && !strcmp(prev_unit + pl - vl, vs[v])) {
                    verb = v == 0 ? 5 : (int)v;
                    break;
                }
            }
        }
    }

    out->unit[0] = 0;
    if (verb) {
        const char *vu = verb == 5 ? "killed or wounded" : verb_unit[verb];
        if (u && u->cls == U_PERSON) set_str(out->unit, sizeof out->unit, u->unit, vu);
        else set_str(out->unit, sizeof out->unit, vu, NULL);
    } else if (unit) {
        set_str(out->unit, sizeof out->unit, unit, NULL);
    } else if (pronoun && prev_unit && *prev_unit) {
        set_str(out->unit, sizeof out->unit, prev_unit, NULL);
    }
    /* words and vague plurals need a known unit to count as quantities;
     * digits after a capitalised name ("Boeing 737") likewise */
    if (!out->unit[0]) {
        /* a number word counts with an unknown noun only when that noun
         * follows as a plural ("fünf Städte", "five towns") */
        if (q.word && !q.scaled) {
            size_t x = q.numend + 1;
            int plural = 0;
            if (q.value >= 2 && !q.vague && attr_ctx_word(c, x)) {
                if (c->de && !c->en) plural = (c->t[x].f & ATTR_TF_CAP) != 0;
                else plural = !(c->t[x].f & ATTR_TF_CAP) && c->t[x].l > 3 &&
                              c->s[c->t[x].s + c->t[x].l - 1] == 's' &&
                              !win(c, x, stop_en);
                if (plural && c->en && weq(c, x + 1, "of")) plural = 0;
                if (plural) last = x;
            }
            if (!plural) return 0;
        }
        if (c->t[i].k == ATTR_TK_NUM && i > 0 && attr_ctx_word(c, i - 1) &&
            (c->t[i - 1].f & ATTR_TF_CAP) && !qualifier_before(c, i)[0] &&
            i - 1 > 0 && !win(c, i - 1, pron))
            return 0;
    }
    qual = qualifier_before(c, q.first);
    if (!*qual && q.vague) qual = "at least";
    set_str(out->qualifier, sizeof out->qualifier, qual, NULL);
    out->value = q.value;
    out->start = c->t[q.first].s;
    out->len = c->t[last].s + c->t[last].l - out->start;
    *endtok = last;
    return 1;
}

static const char *const qty_start[] = {
    "a", "acht", "an", "dozens", "drei", "dutzende", "dutzenden", "eight",
    "eighteen", "eighty", "ein", "eine", "einen", "eins", "eleven", "elf",
    "fifteen", "fifty", "five", "forty", "four", "fourteen", "fuenf",
    "fünf", "hundert", "hunderte", "hunderten", "hunderttausende",
    "hunderttausenden", "hundred", "hundreds", "millionen", "millions",
    "neun", "nine", "nineteen", "ninety", "one", "scores", "sechs", "seven",
    "seventeen", "seventy", "sieben", "six", "sixteen", "sixty", "tausend",
    "tausende", "tausenden", "ten", "tens", "thirteen", "thirty",
    "thousand", "thousands", "three", "twelve", "twenty", "two", "vier",
    "zehn", "zehntausende", "zehntausenden", "zero", "zwei", "zwoelf",
    "zwölf",
};

static attr_wordset qty_start_set;
static once_flag qty_start_once = ONCE_FLAG_INIT;

static void qty_start_init(void)
{
    attr_scan_wordset_init(&qty_start_set, qty_start,
                           sizeof qty_start / sizeof *qty_start);
}

/* Can a quantity start at token i? Cheap filter before quantity_at. */
static int qty_gate(const ctx_t *c, size_t i)
{
    static const char *const suf[] = {"zig", "ßig", "ssig", "zehn",
        "hundert", "tausend", "jährig", "jährige", "jährigen", "jähriger",
        "jähriges", 0};
    char b[41];
    size_t l, k;
    const attr_tok *t = &c->t[i];
    if (t->k == ATTR_TK_NUM) return 1;
    if (t->k == ATTR_TK_PUNCT)                          /* $ € £ */
        return (t->l == 1 && c->s[t->s] == '$') ||
               (t->l == 3 && !memcmp(c->s + t->s, "\xe2\x82\xac", 3)) ||
               (t->l == 2 && !memcmp(c->s + t->s, "\xc2\xa3", 2));
    if (t->k != ATTR_TK_WORD) return 0;
    if ((l = attr_scan_fold_tok(c->s + t->s, t->l, b, sizeof b - 1)) == 0) return 0;
    b[l] = 0;
    if (attr_scan_wordset_has(&qty_start_set, b, l))
        return 1;
    if (t->f & ATTR_TF_HYPH) return c->en;              /* "twenty-five" */
    if (!c->de) return 0;
    for (k = 0; suf[k]; k++) {
        size_t sl = strlen(suf[k]);
        if (l > sl && !memcmp(b + l - sl, suf[k], sl)) return 1;
    }
    return l > 7 && (strstr(b, "und") || strstr(b, "hundert") ||
                     strstr(b, "tausend"));
}

size_t attr_quantity_find(const char *s, size_t n, const char *lang,
                          attr_quantity *out, size_t max)
{
    attr_window w;
    ctx_t c;
    size_t count = 0, done = 0;
    if (!s || !out || max == 0) return 0;
    call_once(&qty_start_once, qty_start_init);
    attr_scan_window_init(&w, s, n);
    memset(&c, 0, sizeof c);
    c.s = s;
    c.t = w.t;
    attr_scan_langs(lang, &c.de, &c.en);
    while (count < max && attr_scan_window_next(&w)) {
        size_t i;
        c.nt = w.nt;
        for (i = w.lo; i < w.hi && count < max; i++) {
            size_t e = 0;
            if (w.t[i].s < done || !qty_gate(&c, i)) continue;
            if (quantity_at(&c, i, &out[count], &e,
                            count ? out[count - 1].unit : NULL,
                            count ? out[count - 1].start + out[count - 1].len : 0)) {
                done = out[count].start + out[count].len;
                count++;
                i = e;
            }
        }
    }
    return count;
}
