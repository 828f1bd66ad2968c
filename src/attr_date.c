/* attr_date.c — finds the date expressions of one sentence (German and
 * English: absolute, partial, and relative ones resolved against the
 * publication date) with their byte spans and precision. A hand-written
 * token scanner: one pass, no allocation, total over any bytes. Rules are in
 * docs/attributes.md. */
#include "attr.h"
#include "attr_scan.h"

#include <stdio.h>
#include <string.h>
#include <threads.h>

/* ------------------------------------------------------------- context */
typedef struct {
    const char *s;
    const attr_tok *t;
    size_t nt;
    int de, en;
    attr_ymd pub;
    int pub_y, pub_m, pub_d;   /* which parts of pub are usable */
    int future, pluperf, past;
    int tense_done;            /* tense() ran for this window */
} ctx_t;

#define TS(c, i) ((c)->s + (c)->t[i].s)

static int is_word(ctx_t *c, size_t i)
{
    return i < c->nt && c->t[i].k == ATTR_TK_WORD;
}

static int weq(ctx_t *c, size_t i, const char *lit)
{
    return is_word(c, i) && attr_scan_fold_eq(TS(c, i), c->t[i].l, lit);
}

static int wpre(ctx_t *c, size_t i, const char *lit)
{
    return is_word(c, i) && attr_scan_fold_cmp(TS(c, i), c->t[i].l, lit, 0);
}

static int win(ctx_t *c, size_t i, const char *const *list)
{
    if (!is_word(c, i)) return 0;
    for (; *list; list++)
        if (weq(c, i, *list)) return 1;
    return 0;
}

static int pch(ctx_t *c, size_t i, char ch)
{
    return i < c->nt && c->t[i].k == ATTR_TK_PUNCT && c->t[i].l == 1 &&
           c->s[c->t[i].s] == ch;
}

/* Unsigned value of a NUM token of plain digits (at most 9), else -1. */
static long plain_num(ctx_t *c, size_t i, int *ndig)
{
    long v = 0;
    size_t k;
    if (i >= c->nt || c->t[i].k != ATTR_TK_NUM || (c->t[i].f & ATTR_TF_SEP) ||
        c->t[i].l > 9)
        return -1;
    for (k = 0; k < c->t[i].l; k++) v = v * 10 + (TS(c, i)[k] - '0');
    if (ndig) *ndig = (int)c->t[i].l;
    return v;
}

/* ------------------------------------------------------- calendar maths */
static long days_from_civil(int y, int m, int d)
{
    long yy = y - (m <= 2);
    long era = (yy >= 0 ? yy : yy - 399) / 400;
    long yoe = yy - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static attr_ymd civil_from_days(long z)
{
    attr_ymd r;
    long era, doe, yoe, doy, mp, y;
    z += 719468;
    era = (z >= 0 ? z : z - 146096) / 146097;
    doe = z - era * 146097;
    yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    y = yoe + era * 400;
    doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    mp = (5 * doy + 2) / 153;
    r.d = (int)(doy - (153 * mp + 2) / 5 + 1);
    r.m = (int)(mp < 10 ? mp + 3 : mp - 9);
    r.y = (int)(y + (r.m <= 2));
    return r;
}

static int mdays(int y, int m)
{
    static const int md[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
    return md[m - 1];
}

static int valid_ymd(int y, int m, int d)
{
    return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 &&
           d <= mdays(y, m);
}

static long pub_days(ctx_t *c)
{
    return days_from_civil(c->pub.y, c->pub.m, c->pub.d);
}

static int weekday_of(long z)   /* 0 = Monday */
{
    return (int)(((z % 7) + 7 + 3) % 7);
}

static attr_ymd month_shift(int y, int m, int k)
{
    long tot = (long)y * 12 + (m - 1) + k;
    attr_ymd r = {(int)(tot / 12), (int)(tot % 12) + 1, 0};
    return r;
}

/* ---------------------------------------------------------- public API */
int attr_date_parse_iso(const char *s, attr_ymd *out)
{
    int v[3] = {0, 0, 0}, k = 0, len[3] = {0, 0, 0};
    const char *p = s;
    if (!s || !out) return 0;
    while (k < 3) {
        while (*p >= '0' && *p <= '9' && len[k] < 5) {
            v[k] = v[k] * 10 + (*p - '0');
            len[k]++;
            p++;
        }
        if (len[k] != (k == 0 ? 4 : 2)) return 0;
        k++;
        if (*p != '-' || k == 3) break;
        p++;
    }
    if (*p && !(k == 3 && (*p == 'T' || *p == ' '))) return 0;
    if (v[0] < 1 || (k >= 2 && (v[1] < 1 || v[1] > 12)) ||
        (k == 3 && !valid_ymd(v[0], v[1], v[2])))
        return 0;
    out->y = v[0];
    out->m = k >= 2 ? v[1] : 0;
    out->d = k == 3 ? v[2] : 0;
    return 1;
}

void attr_date_format(attr_ymd d, char *buf)
{
    if (!buf) return;
    buf[0] = 0;
    if (d.y < 1 || d.y > 9999) return;
    if (d.m < 1 || d.m > 12) snprintf(buf, 11, "%04d", d.y);
    else if (d.d < 1 || d.d > 31) snprintf(buf, 11, "%04d-%02d", d.y, d.m);
    else snprintf(buf, 11, "%04d-%02d-%02d", d.y, d.m, d.d);
}

/* ------------------------------------------------------------- lexicon */
enum { L_DE = 1, L_EN = 2 };

static const struct { const char *w; unsigned char m, lang, abbr, weak; }
months[] = {
    {"januar", 1, L_DE, 0, 0}, {"jänner", 1, L_DE, 0, 0},
    {"january", 1, L_EN, 0, 0}, {"jan", 1, 3, 1, 0},
    {"februar", 2, L_DE, 0, 0}, {"feber", 2, L_DE, 0, 0},
    {"february", 2, L_EN, 0, 0}, {"feb", 2, 3, 1, 0},
    {"märz", 3, L_DE, 0, 0}, {"maerz", 3, L_DE, 0, 0},
    {"march", 3, L_EN, 0, 1}, {"mär", 3, L_DE, 1, 0}, {"mrz", 3, L_DE, 1, 0},
    {"mar", 3, L_EN, 1, 0},
    {"april", 4, 3, 0, 1}, {"apr", 4, 3, 1, 0},
    {"mai", 5, L_DE, 0, 0}, {"may", 5, L_EN, 0, 1},
    {"juni", 6, L_DE, 0, 0}, {"june", 6, L_EN, 0, 1}, {"jun", 6, 3, 1, 0},
    {"juli", 7, L_DE, 0, 0}, {"july", 7, L_EN, 0, 0}, {"jul", 7, 3, 1, 0},
    {"august", 8, 3, 0, 1}, {"aug", 8, 3, 1, 0},
    {"september", 9, 3, 0, 0}, {"sept", 9, 3, 1, 0}, {"sep", 9, 3, 1, 0},
    {"oktober", 10, L_DE, 0, 0}, {"october", 10, L_EN, 0, 0},
    {"okt", 10, L_DE, 1, 0}, {"oct", 10, L_EN, 1, 0},
    {"november", 11, 3, 0, 0}, {"nov", 11, 3, 1, 0},
    {"dezember", 12, L_DE, 0, 0}, {"december", 12, L_EN, 0, 0},
    {"dez", 12, L_DE, 1, 0}, {"dec", 12, L_EN, 1, 0},
};

static int lang_ok(ctx_t *c, unsigned lang)
{
    return ((lang & L_DE) && c->de) || ((lang & L_EN) && c->en);
}

/* Month named by word i (case-folded; months must be capitalised).
 * *weak: the name is also a common word or name ("May", "August"). */
static int month_word(ctx_t *c, size_t i, int *abbr, int *weak)
{
    size_t k;
    if (!is_word(c, i) || !(c->t[i].f & ATTR_TF_CAP)) return 0;
    for (k = 0; k < sizeof months / sizeof months[0]; k++)
        if (lang_ok(c, months[k].lang) && weq(c, i, months[k].w)) {
            *abbr = months[k].abbr;
            *weak = months[k].weak;
            return months[k].m;
        }
    return 0;
}

static const char *const month_trig[] = {
    "im", "in", "seit", "bis", "ab", "vom", "von", "zum", "anfang", "mitte",
    "ende", "monat", "monats", "since", "until", "till", "by", "from", "of",
    "during", "early", "mid", "late", "last", "this", "next", "before",
    "after", "through", "between", "zwischen", "und", "and", "or", "oder",
    "to", "des", "den", "vergangenen", "letzten", "diesen", "kommenden",
    "nächsten", "vorigen", "im", "end", "beginning", "start", "zu", "nach",
    "vor", "bereits", "noch", "seit", 0};

static const char *const year_strong[] = {
    "jahr", "jahre", "jahres", "jahren", "year", "years", "seit", "since",
    "until", "till", "during", "anfang", "mitte", "ende", "early", "mid",
    "late", "frühjahr", "frühling", "sommer", "herbst", "winter", "spring",
    "summer", "autumn", "fall", "quartal", "quarter", "halbjahr", "zwischen",
    "between", "im", "of", "um", "before", "after", 0};
static const char *const year_weak[] = {"in", "bis", "ab", "von", "by",
                                        "from", "to", "vor", "nach", 0};
static const char *const year_follow[] = {
    "in", "im", "nach", "und", "oder", "bei", "an", "am", "auf", "mit", "als",
    "wurde", "wurden", "war", "waren", "hat", "hatte", "hatten", "ist",
    "sind", "gab", "kam", "begann", "bis", "zum", "zur", "vom", "and", "or",
    "at", "on", "to", "when", "after", "before", "as", "was", "were", "had",
    "has", "is", "are", "with", "the", "that", "which", "during", "for", 0};
/* Words before a number that make it a count, not a year. */
static const char *const qty_before[] = {
    "rund", "etwa", "ungefähr", "circa", "ca", "zirka", "knapp", "fast",
    "beinahe", "nahezu", "mindestens", "wenigstens", "über", "als", "zu",
    "gut", "insgesamt", "about", "around", "some", "approximately", "nearly",
    "almost", "than", "least", "over", "estimated", "total", "nur", "only",
    "die", "der", "den", "dem", "the", "these", "those", "diese", "weitere",
    "additional", "another", 0};
static const char *const func_en[] = {
    "was", "has", "is", "its", "his", "this", "thus", "as", "us", "yes",
    "always", "perhaps", "whereas", "unless", "across", 0};

static int is_year_num(ctx_t *c, size_t i, int lo, int hi, int *y)
{
    int nd = 0;
    long v = plain_num(c, i, &nd);
    if (v < lo || v > hi || nd != 4 || (c->t[i].f & ATTR_TF_GLUED)) return 0;
    *y = (int)v;
    return 1;
}

/* ------------------------------------------------------ resolution */
/* Year of a month (and day) given without one: past tense -> the latest
 * on or before pub (pluperfect: strictly before pub's month); future ->
 * the first on or after pub; no tense cue -> the nearest to pub. */
static void tense(ctx_t *c);

static int year_for(ctx_t *c, int m, int d)
{
    int y = c->pub.y;
    long diff;
    tense(c);
    diff = (m - c->pub.m) * 31L + (d ? d - c->pub.d : 0);
    if (c->pluperf && m == c->pub.m && !d) return y - 1;
    if (c->future) return diff < 0 ? y + 1 : y;
    if (c->past) return diff > 0 ? y - 1 : y;
    if (diff > 6 * 31) return y - 1;
    if (diff < -6 * 31) return y + 1;
    return y;
}

static int year_for_month(ctx_t *c, int m)
{
    return year_for(c, m, 0);
}

static int year_for_day(ctx_t *c, int m, int d)
{
    return year_for(c, m, d);
}

static int emit(attr_date *o, ctx_t *c, size_t i, size_t j,
                int y, int m, int d)
{
    if (y < 1 || y > 9999) return 0;
    if (m && (m < 1 || m > 12)) return 0;
    if (d && !valid_ymd(y, m, d)) return 0;
    o->start = c->t[i].s;
    o->len = c->t[j].s + c->t[j].l - o->start;
    o->when.y = y; o->when.m = m; o->when.d = d;
    return (int)(j - i + 1);
}

static int emit_days(attr_date *o, ctx_t *c, size_t i, size_t j,
                     long z, int prec)   /* prec: 3 day, 2 month */
{
    attr_ymd r = civil_from_days(z);
    return emit(o, c, i, j, r.y, r.m, prec == 3 ? r.d : 0);
}

/* --------------------------------------------------- modifier words */
enum { MOD_NONE, MOD_LAST, MOD_THIS, MOD_NEXT, MOD_EDGE };

static int mod_kind(ctx_t *c, size_t i)
{
    if (!is_word(c, i)) return MOD_NONE;
    if (c->de) {
        if (wpre(c, i, "vergangen") || wpre(c, i, "letzt") ||
            wpre(c, i, "vorig"))
            return MOD_LAST;
        if (weq(c, i, "diese") || weq(c, i, "diesen") || weq(c, i, "dieser") ||
            weq(c, i, "dieses") || weq(c, i, "laufenden"))
            return MOD_THIS;
        if (wpre(c, i, "nächst") || wpre(c, i, "kommend"))
            return MOD_NEXT;
        if (weq(c, i, "anfang") || weq(c, i, "mitte") || weq(c, i, "ende"))
            return MOD_EDGE;
    }
    if (c->en) {
        if (weq(c, i, "last") || weq(c, i, "past") || weq(c, i, "previous"))
            return MOD_LAST;
        if (weq(c, i, "this") || weq(c, i, "current")) return MOD_THIS;
        if (weq(c, i, "next") || weq(c, i, "coming")) return MOD_NEXT;
        if (weq(c, i, "early") || weq(c, i, "mid") || weq(c, i, "late") ||
            weq(c, i, "earlier") || weq(c, i, "later"))
            return MOD_EDGE;
        if ((weq(c, i, "end") || weq(c, i, "beginning") ||
             weq(c, i, "start")) && weq(c, i + 1, "of"))
            return MOD_EDGE;
    }
    return MOD_NONE;
}

/* ------------------------------------------------------------ weekdays */
static const char *const wd_de[] = {"montag", "dienstag", "mittwoch",
    "donnerstag", "freitag", "samstag", "sonntag", 0};
static const char *const wd_en[] = {"monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday", 0};
static const char *const wd_suffix[] = {"", "abend", "morgen", "nachmittag",
    "vormittag", "mittag", "nacht", "früh", "abends", 0};

static int weekday_word(ctx_t *c, size_t i)   /* 1..7 or 0 */
{
    int k, s;
    if (!is_word(c, i)) return 0;
    if (c->de) {
        if (weq(c, i, "sonnabend")) return 6;
        for (k = 0; wd_de[k]; k++)
            if (wpre(c, i, wd_de[k])) {
                size_t bl = strlen(wd_de[k]);
                for (s = 0; wd_suffix[s]; s++)
                    if (c->t[i].l == bl + strlen(wd_suffix[s]) &&
                        attr_scan_fold_cmp(TS(c, i), c->t[i].l, wd_suffix[s], bl))
                        return k + 1;
            }
    }
    if (c->en)
        for (k = 0; wd_en[k]; k++)
            if (wpre(c, i, wd_en[k])) {
                size_t bl = strlen(wd_en[k]), l = c->t[i].l;
                if (l == bl || (l == bl + 2 && attr_scan_fold_cmp(TS(c, i), l, "'s", bl)) ||
                    (l == bl + 4 && attr_scan_fold_cmp(TS(c, i), l, "\xe2\x80\x99s", bl)))
                    return k + 1;
            }
    return 0;
}

/* Small number words for "vor drei Jahren", "two years ago". */
static int small_num(ctx_t *c, size_t i)
{
    static const char *const de[] = {"ein", "zwei", "drei", "vier", "fünf",
        "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwölf", 0};
    static const char *const en[] = {"one", "two", "three", "four", "five",
        "six", "seven", "eight", "nine", "ten", "eleven", "twelve", 0};
    int k;
    long v = plain_num(c, i, NULL);
    if (v > 0 && v < 1000) return (int)v;
    if (!is_word(c, i)) return 0;
    if (weq(c, i, "einem") || weq(c, i, "einer") || weq(c, i, "a") ||
        weq(c, i, "an"))
        return 1;
    for (k = 0; de[k]; k++)
        if (c->de && weq(c, i, de[k])) return k + 1;
    for (k = 0; en[k]; k++)
        if (c->en && weq(c, i, en[k])) return k + 1;
    return 0;
}

/* Unit of time named by word i: 1 day, 2 week, 3 month, 4 year. */
static int time_unit(ctx_t *c, size_t i)
{
    static const char *const w[][5] = {
        {"tag", "tagen", "day", "days", 0},
        {"woche", "wochen", "week", "weeks", 0},
        {"monat", "monaten", "month", "months", 0},
        {"jahr", "jahren", "year", "years", 0}};
    int k;
    for (k = 0; k < 4; k++)
        if (win(c, i, w[k])) return k + 1;
    return 0;
}

/* "more than six years ago", "vor über drei Jahren": one unit further
 * back, for months and years. */
static int more_than(ctx_t *c, size_t i, int unit)
{
    if (unit < 3) return 0;
    return (weq(c, i - 1, "than") && weq(c, i - 2, "more")) ||
           (weq(c, i - 1, "als") && weq(c, i - 2, "mehr")) ||
           weq(c, i - 1, "über") || weq(c, i - 1, "over");
}

static int ago(attr_date *o, ctx_t *c, size_t i, size_t j, int num,
               int unit)
{
    attr_ymd r;
    switch (unit) {
    case 1:
        if (!c->pub_d) return 0;
        return emit_days(o, c, i, j, pub_days(c) - num, 3);
    case 2:
        if (!c->pub_d) return 0;
        return emit_days(o, c, i, j, pub_days(c) - 7L * num, 2);
    case 3:
        if (!c->pub_m) return 0;
        r = month_shift(c->pub.y, c->pub.m, -num);
        return emit(o, c, i, j, r.y, r.m, 0);
    case 4:
        return c->pub_y ? emit(o, c, i, j, c->pub.y - num, 0, 0) : 0;
    }
    return 0;
}

/* ------------------------------------------------------------ matchers */

/* Optional year after a month at j ("Juni 2024", "June, 2024",
 * "June of 2024"). Returns tokens used (0: none). */
static int year_after(ctx_t *c, size_t j, int *y)
{
    if (is_year_num(c, j, 1000, 2999, y)) return 1;
    if ((pch(c, j, ',') || weq(c, j, "of")) && is_year_num(c, j + 1, 1000, 2999, y))
        return 2;
    return 0;
}

static int is_ord_suffix(ctx_t *c, size_t i)
{
    return weq(c, i, "st") || weq(c, i, "nd") || weq(c, i, "rd") ||
           weq(c, i, "th");
}

/* Day number at i: "19", or English "19th" (NUM glued to a suffix word). */
static int day_num(ctx_t *c, size_t i)
{
    int nd = 0;
    long v = plain_num(c, i, &nd);
    if (v < 1 || v > 31 || nd > 2) return 0;
    if ((c->t[i].f & ATTR_TF_GLUED) && !(c->en && is_ord_suffix(c, i + 1)))
        return 0;
    return (int)v;
}

/* Index after a day number and its ordinal suffix. */
static size_t skip_ordinal(ctx_t *c, size_t i)
{
    return (c->t[i].f & ATTR_TF_GLUED) ? i + 2 : i + 1;
}

/* Month at i with its context; the whole expression may start earlier
 * (first) at a modifier ("Anfang", "vergangenen", "last", "mid-"). */
static int match_month(attr_date *o, ctx_t *c, size_t first, size_t i,
                       int mod, int m, int abbr, int weak)
{
    size_t j = i + 1, last = i;
    int d = 0, y = 0, k;
    if (abbr && pch(c, j, '.') && c->t[j].s == c->t[i].s + c->t[i].l) {
        last = j;
        j++;
    }
    /* English "June 19", "June 19th, 2024" */
    if (c->en && (d = day_num(c, j)) != 0) {
        size_t a = skip_ordinal(c, j);
        if (pch(c, a, ':') || pch(c, a, '%') ||
            (pch(c, a, '.') && plain_num(c, a + 1, NULL) >= 0)) {
            d = 0;
        } else {
            last = a - 1;
            j = a;
            if ((k = year_after(c, j, &y)) != 0) last = j + k - 1;
        }
    }
    if (!d && (k = year_after(c, j, &y)) != 0) last = j + k - 1;
    /* "von Januar bis September 2005", "between March and May 2024":
     * the year written at the end of the range */
    if (!d && !y && (weq(c, j, "bis") || weq(c, j, "und") || weq(c, j, "to") ||
                     weq(c, j, "and") || weq(c, j, "until") || pch(c, j, '-'))) {
        int m2, a2 = 0, w2 = 0, y2 = 0;
        if ((m2 = month_word(c, j + 1, &a2, &w2)) != 0 &&
            year_after(c, j + 2 + (a2 && pch(c, j + 2, '.')), &y2))
            return emit(o, c, first, last, m <= m2 ? y2 : y2 - 1, m, 0);
    }
    if (!d && !y && mod == MOD_NONE && first == i) {
        /* a month without day or year needs a cue before it, unless it is
         * an unambiguous German name */
        int cue = win(c, i - 1, month_trig);
        if (abbr && !(cue && last > i)) return 0;
        if (!cue && (weak || (c->en && !c->de))) return 0;
    }
    if (y) return emit(o, c, first, last, y, m, d);
    if (!c->pub_m) return 0;
    if (mod == MOD_LAST)
        y = m < c->pub.m ? c->pub.y : c->pub.y - 1;
    else if (mod == MOD_NEXT)
        y = m > c->pub.m ? c->pub.y : c->pub.y + 1;
    else if (mod == MOD_THIS)
        y = c->pub.y;
    else if (d)
        y = c->pub_d ? year_for_day(c, m, d) : year_for_month(c, m);
    else
        y = year_for_month(c, m);
    return emit(o, c, first, last, y, m, d);
}

/* A season word: returns its first month, 0 if none. */
static int season_word(ctx_t *c, size_t i)
{
    if (c->de) {
        if (weq(c, i, "frühjahr") || weq(c, i, "frühling")) return 3;
        if (weq(c, i, "sommer")) return 6;
        if (weq(c, i, "herbst")) return 9;
        if (weq(c, i, "winter")) return 12;
    }
    if (c->en) {
        if (weq(c, i, "spring")) return 3;
        if (weq(c, i, "summer")) return 6;
        if (weq(c, i, "autumn") || weq(c, i, "fall")) return 9;
        if (weq(c, i, "winter")) return 12;
    }
    return 0;
}

/* Relative expressions starting at i (possibly a modifier word). */
static int match_relative(attr_date *o, ctx_t *c, size_t i)
{
    int mod = mod_kind(c, i), wd, m, abbr = 0, weak = 0, num, unit;
    size_t h = i + (mod != MOD_NONE);
    long pz = c->pub_d ? pub_days(c) : 0;

    /* "Anfang des (vergangenen) Jahres", "end of last year",
     * "Ende letzten Monats", "early this year" */
    if (mod == MOD_EDGE) {
        size_t j = h;
        int inner = MOD_NONE;
        if (weq(c, j, "des") || weq(c, j, "of")) j++;
        if (weq(c, j, "the")) j++;
        if ((inner = mod_kind(c, j)) == MOD_LAST || inner == MOD_THIS ||
            inner == MOD_NEXT)
            j++;
        else if (weq(c, j, "dieses"))
            j++;
        if ((weq(c, j, "jahres") || weq(c, j, "jahr") || weq(c, j, "year")) &&
            c->pub_y && (j > h || inner != MOD_NONE)) {
            int y = c->pub.y + (inner == MOD_LAST ? -1 : inner == MOD_NEXT);
            return emit(o, c, i, j, y, 0, 0);
        }
        if ((weq(c, j, "monats") || weq(c, j, "monat") || weq(c, j, "month")) &&
            c->pub_m && (j > h || inner != MOD_NONE)) {
            attr_ymd r = month_shift(c->pub.y, c->pub.m,
                                     inner == MOD_LAST ? -1 : inner == MOD_NEXT);
            return emit(o, c, i, j, r.y, r.m, 0);
        }
        if ((m = month_word(c, h, &abbr, &weak)) != 0)
            return match_month(o, c, i, h, MOD_NONE, m, abbr, 0);
        return 0;
    }
    if (mod != MOD_NONE) {
        /* "vergangene Woche", "last week", "this month", "letztes Jahr" */
        int step = mod == MOD_LAST ? -1 : mod == MOD_NEXT ? 1 : 0;
        if (weq(c, h, "woche") || weq(c, h, "week")) {
            if (!c->pub_d) return 0;
            return emit_days(o, c, i, h, pz + 7L * step, 2);
        }
        if (weq(c, h, "wochenende") || weq(c, h, "weekend")) {
            long z;
            if (!c->pub_d) return 0;
            z = pz - ((weekday_of(pz) - 5 + 7) % 7);    /* Saturday <= pub */
            if (step > 0) z += 7;
            return emit_days(o, c, i, h, z, 2);
        }
        if (weq(c, h, "monat") || weq(c, h, "monats") || weq(c, h, "month")) {
            attr_ymd r;
            if (!c->pub_m) return 0;
            r = month_shift(c->pub.y, c->pub.m, step);
            return emit(o, c, i, h, r.y, r.m, 0);
        }
        if (weq(c, h, "jahr") || weq(c, h, "jahres") ||
            (weq(c, h, "year") && !weq(c, i, "past"))) {
            if (!c->pub_y) return 0;
            return emit(o, c, i, h, c->pub.y + step, 0, 0);
        }
        if ((weq(c, h, "nacht") || weq(c, h, "night")) && mod == MOD_LAST) {
            if (!c->pub_d) return 0;
            return emit_days(o, c, i, h, pz - 1, 3);
        }
        if ((m = month_word(c, h, &abbr, &weak)) != 0)
            return match_month(o, c, i, h, mod, m, abbr, weak);
        if ((m = season_word(c, h)) != 0 && c->pub_m) {
            int y = c->pub.y;
            if (mod == MOD_LAST) y = m + 2 < c->pub.m ? y : y - 1;
            else if (mod == MOD_NEXT) y = m > c->pub.m ? y : y + 1;
            return emit(o, c, i, h, y, 0, 0);
        }
        /* weekday with a modifier falls through below */
        if (!weekday_word(c, h)) return 0;
    }

    if ((wd = weekday_word(c, h)) != 0) {
        size_t j = h + 1;
        long z;
        int pw, delta;
        if (!c->pub_d) return 0;
        /* "am Dienstag, den 13. August": the explicit date wins */
        if (pch(c, j, ',')) j++;
        if (weq(c, j, "den") || weq(c, j, "dem") || weq(c, j, "the")) j++;
        if (day_num(c, j) || month_word(c, j, &abbr, &weak)) return 0;
        pw = weekday_of(pz) + 1;
        tense(c);
        if (mod == MOD_LAST) {
            delta = (pw - wd + 7) % 7;
            z = pz - (delta ? delta : 7);
        } else if (mod == MOD_NEXT) {
            delta = (wd - pw + 7) % 7;
            z = pz + (delta ? delta : 7);
        } else if (c->future) {
            z = pz + (wd - pw + 7) % 7;
        } else if (c->past || (pw - wd + 7) % 7 <= 3) {
            z = pz - (pw - wd + 7) % 7;
        } else {
            z = pz + (wd - pw + 7) % 7;      /* no tense cue: nearest */
        }
        return emit_days(o, c, i, h, z, 3);
    }
    if (mod != MOD_NONE) return 0;

    /* single words */
    if (c->de) {
        static const struct { const char *w; int off; } dw[] = {
            {"gestern", -1}, {"vorgestern", -2}, {"heute", 0},
            {"heutigen", 0}, {"übermorgen", 2}, {"vortag", -1},
            {"vortages", -1}, {"vorabend", -1}};
        size_t k;
        for (k = 0; k < sizeof dw / sizeof dw[0]; k++)
            if (weq(c, i, dw[k].w))
                return c->pub_d ? emit_days(o, c, i, i, pz + dw[k].off, 3) : 0;
        /* "morgen" = tomorrow only lower-case and not "am/jeden Morgen" */
        if (weq(c, i, "morgen") && !(c->t[i].f & ATTR_TF_CAP) &&
            !weq(c, i - 1, "am") && !weq(c, i - 1, "heute") &&
            !weq(c, i - 1, "gestern") && !weq(c, i - 1, "jeden") && c->pub_d)
            return emit_days(o, c, i, i, pz + 1, 3);
        if (weq(c, i, "vorwoche") && c->pub_d)
            return emit_days(o, c, i, i, pz - 7, 2);
        if (weq(c, i, "vormonat") || weq(c, i, "vormonats")) {
            attr_ymd r;
            if (!c->pub_m) return 0;
            r = month_shift(c->pub.y, c->pub.m, -1);
            return emit(o, c, i, i, r.y, r.m, 0);
        }
        if ((weq(c, i, "vorjahr") || weq(c, i, "vorjahres")) && c->pub_y)
            return emit(o, c, i, i, c->pub.y - 1, 0, 0);
        if ((weq(c, i, "heuer") || wpre(c, i, "jahresanfang") ||
             wpre(c, i, "jahresbeginn") || wpre(c, i, "jahresmitte") ||
             wpre(c, i, "jahresende")) && c->pub_y) {
            int y;
            size_t j = i + 1;
            if (is_year_num(c, j, 1000, 2999, &y)) return emit(o, c, i, j, y, 0, 0);
            return emit(o, c, i, i, c->pub.y, 0, 0);
        }
        /* "vor drei Jahren", "vor mehr als zwei Wochen" */
        if (weq(c, i, "vor")) {
            size_t j = i + 1;
            if (weq(c, j, "mehr") && weq(c, j + 1, "als")) j += 2;
            else if (weq(c, j, "über") || weq(c, j, "knapp") ||
                     weq(c, j, "rund") || weq(c, j, "etwa") ||
                     weq(c, j, "fast") || weq(c, j, "gut"))
                j++;
            if ((num = small_num(c, j)) != 0 && (unit = time_unit(c, j + 1)) != 0)
                return ago(o, c, i, j + 1, num + more_than(c, j, unit), unit);
        }
    }
    if (c->en) {
        if (weq(c, i, "yesterday")) {
            if (!c->pub_d) return 0;
            return emit_days(o, c, i, i, pz - 1, 3);
        }
        if (weq(c, i, "today") || weq(c, i, "tonight"))
            return c->pub_d ? emit_days(o, c, i, i, pz, 3) : 0;
        if (weq(c, i, "tomorrow"))
            return c->pub_d ? emit_days(o, c, i, i, pz + 1, 3) : 0;
        /* "the day before yesterday" */
        if (weq(c, i, "day") && weq(c, i + 1, "before") &&
            weq(c, i + 2, "yesterday") && c->pub_d)
            return emit_days(o, c, i, i + 2, pz - 2, 3);
        /* "two years ago", "a week ago" */
        if ((num = small_num(c, i)) != 0 && (unit = time_unit(c, i + 1)) != 0 &&
            weq(c, i + 2, "ago"))
            return ago(o, c, i, i + 2, num + more_than(c, i, unit), unit);
    }
    /* "im Sommer", "in the summer (of 2024)" */
    if ((m = season_word(c, i)) != 0) {
        int y;
        size_t j = i + 1;
        int cue = weq(c, i - 1, "im") || weq(c, i - 1, "the") ||
                  weq(c, i - 1, "diesen") || weq(c, i - 1, "this");
        if (!cue) return 0;
        if (weq(c, j, "of")) j++;
        if (is_year_num(c, j, 1000, 2999, &y)) return emit(o, c, i, j, y, 0, 0);
        if (!c->pub_m) return 0;
        y = c->pub.y;
        tense(c);
        if (!c->future && m > c->pub.m) y--;
        return emit(o, c, i, i, y, 0, 0);
    }
    return 0;
}

/* Numbers: ISO, dotted and slashed dates, "19. Juni", "19 June", years. */
static int match_number(attr_date *o, ctx_t *c, size_t i)
{
    const attr_tok *t = &c->t[i];
    const char *p = TS(c, i);
    int nd = 0, m, d, y, abbr = 0, weak = 0, num, unit;
    long v;

    if (t->f & ATTR_TF_SEP) {
        int g[4] = {0, 0, 0, 0}, gl[4] = {0, 0, 0, 0}, ng = 0;
        char sep = 0;
        size_t k;
        for (k = 0; k < t->l && ng < 4; k++) {
            if (p[k] >= '0' && p[k] <= '9') {
                if (gl[ng] < 6) g[ng] = g[ng] * 10 + (p[k] - '0');
                gl[ng]++;
            } else {
                if (sep && p[k] != sep) return 0;   /* mixed: not a date */
                sep = p[k];
                ng++;
            }
        }
        if (ng >= 4) return 0;
        ng++;
        if (sep == ':' || (t->f & ATTR_TF_GLUED)) return 0;
        if (sep == '-' && ng == 2 && gl[0] == 4 && gl[1] == 4 &&
            g[0] >= 1900 && g[0] <= 2100 && g[1] > g[0] && g[1] <= 2100)
            return emit(o, c, i, i, g[0], 0, 0);   /* "2014-2015" */
        if (sep == '-' && gl[0] == 4 && gl[1] == 2) {
            if (ng == 3 && gl[2] == 2) return emit(o, c, i, i, g[0], g[1], g[2]);
            if (ng == 2) return emit(o, c, i, i, g[0], g[1], 0);
            return 0;
        }
        if ((sep == '.' || sep == '/') && ng == 3 && gl[0] <= 2 && gl[1] <= 2 &&
            (gl[2] == 4 || gl[2] == 2)) {
            int a = g[0], b = g[1], yy = g[2];
            if (gl[2] == 2) yy += (c->pub_y && yy > c->pub.y % 100 + 1) ? 1900 : 2000;
            if (sep == '/' && c->en && !c->de && a <= 12 && valid_ymd(yy, a, b))
                return emit(o, c, i, i, yy, a, b);
            return emit(o, c, i, i, yy, b, a);
        }
        /* "am 13.08." */
        if (sep == '.' && ng == 2 && gl[0] <= 2 && gl[1] == 2 &&
            pch(c, i + 1, '.') && c->pub_d &&
            (weq(c, i - 1, "am") || weq(c, i - 1, "vom") || weq(c, i - 1, "bis") ||
             weq(c, i - 1, "zum") || weq(c, i - 1, "seit") || weq(c, i - 1, "ab") ||
             weq(c, i - 1, "dem")) && g[1] >= 1 && g[1] <= 12)
            return emit(o, c, i, i + 1, year_for_day(c, g[1], g[0]), g[1], g[0]);
        return 0;
    }

    /* "19th June", "19th of June" */
    if (t->f & ATTR_TF_GLUED) {
        size_t a;
        if (!(d = day_num(c, i))) return 0;
        a = skip_ordinal(c, i);
        if (weq(c, a, "of")) a++;
        if ((m = month_word(c, a, &abbr, &weak)) != 0) {
            size_t j = a + 1, last = a;
            if (abbr && pch(c, j, '.')) last = j++;
            if ((nd = year_after(c, j, &y)) != 0)
                return emit(o, c, i, j + nd - 1, y, m, d);
            if (!c->pub_d) return 0;
            return emit(o, c, i, last, year_for_day(c, m, d), m, d);
        }
        return 0;
    }

    v = plain_num(c, i, &nd);
    if (v < 0) return 0;

    /* "19. Juni 2024", "19. bis 21. Juni", "19 June 2024" */
    if ((d = day_num(c, i)) != 0) {
        size_t j = i + 1;
        int dotted = pch(c, j, '.') && c->de;
        if (dotted) j++;
        if (dotted && (weq(c, j, "bis") || weq(c, j, "und") || pch(c, j, '-') ||
                       (j < c->nt && c->t[j].l == 3 &&
                        !memcmp(TS(c, j), "\xe2\x80\x93", 3))) &&
            day_num(c, j + 1) && pch(c, j + 2, '.'))
            j += 3;   /* range: keep the first day */
        if ((m = month_word(c, j, &abbr, &weak)) != 0 &&
            (dotted || c->en || !abbr)) {
            size_t last = j;
            int k;
            if (abbr && pch(c, j + 1, '.')) last = j + 1;
            if ((k = year_after(c, last + 1, &y)) != 0 && !pch(c, last + 1, ','))
                return emit(o, c, i, last + k, y, m, d);
            if (!c->pub_d) return 0;
            return emit(o, c, i, last, year_for_day(c, m, d), m, d);
        }
    }

    /* "3 years ago" */
    if (c->en && (num = small_num(c, i)) != 0 && (unit = time_unit(c, i + 1)) &&
        weq(c, i + 2, "ago"))
        return ago(o, c, i, i + 2, num + more_than(c, i, unit), unit);

    /* bare years */
    if (is_year_num(c, i, 1900, 2100, &y)) {
        size_t pv = i - 1;
        int strong = win(c, pv, year_strong), weak_t = win(c, pv, year_weak);
        int prevyear = 0;
        /* "2020 bis 2022", "2014 und 2015", "2014-2015" handled by SEP */
        if ((weq(c, pv, "bis") || weq(c, pv, "und") || weq(c, pv, "and") ||
             weq(c, pv, "to") || weq(c, pv, "or") || weq(c, pv, "oder") ||
             pch(c, pv, ',')) &&
            is_year_num(c, i - 2, 1900, 2100, &prevyear))
            strong = 1;
        if (strong) return emit(o, c, i, i, y, 0, 0);
        if (win(c, pv, qty_before)) return 0;
        if (weak_t) {
            size_t nx = i + 1;
            /* "in 2000 Fällen", "by 2000 soldiers": a count */
            if (is_word(c, nx) && c->de && !c->en && (c->t[nx].f & ATTR_TF_CAP) &&
                !month_word(c, nx, &abbr, &weak))
                return 0;
            if (is_word(c, nx) && c->en && !(c->t[nx].f & ATTR_TF_CAP) &&
                c->t[nx].l > 2 && TS(c, nx)[c->t[nx].l - 1] == 's' &&
                !win(c, nx, func_en))
                return 0;
            return emit(o, c, i, i, y, 0, 0);
        }
        /* standing alone before a function word or punctuation */
        if (i + 1 >= c->nt || win(c, i + 1, year_follow) ||
            pch(c, i + 1, ',') || pch(c, i + 1, ';') || pch(c, i + 1, ')') ||
            pch(c, i + 1, ':') ||
            (i + 1 < c->nt && c->t[i + 1].k == ATTR_TK_PUNCT && c->t[i + 1].l == 3 &&
             TS(c, i + 1)[0] == '\xe2'))
            return emit(o, c, i, i, y, 0, 0);
    }
    return 0;
}

static int match_at(attr_date *o, ctx_t *c, size_t i)
{
    const attr_tok *t = &c->t[i];
    int m, abbr = 0, weak = 0;
    if (t->k == ATTR_TK_NUM) return match_number(o, c, i);
    if (t->k != ATTR_TK_WORD) return 0;
    /* "mid-June", "mid-2023", "Mitte-Juni" */
    if (t->f & ATTR_TF_HYPH) {
        const char *p = TS(c, i);
        static const char *const pre[] = {"mid-", "early-", "late-", "end-",
                                          "mitte-", "anfang-", "ende-", 0};
        size_t k;
        for (k = 0; pre[k]; k++)
            if (attr_scan_fold_cmp(p, t->l, pre[k], 0)) {
                size_t pl = strlen(pre[k]), r = t->l - pl, mm;
                int y = 0, nd = 0;
                const char *q = p + pl;
                for (nd = 0; (size_t)nd < r && q[nd] >= '0' && q[nd] <= '9'; nd++)
                    y = y * 10 + (q[nd] - '0');
                if (nd == 4 && (size_t)nd == r && y >= 1000)
                    return emit(o, c, i, i, y, 0, 0);
                for (mm = 0; mm < sizeof months / sizeof months[0]; mm++)
                    if (!months[mm].abbr && lang_ok(c, months[mm].lang) &&
                        r == strlen(months[mm].w) &&
                        attr_scan_fold_cmp(q, r, months[mm].w, 0)) {
                        size_t j = i + 1;
                        int yy;
                        if ((nd = year_after(c, j, &yy)) != 0)
                            return emit(o, c, i, j + nd - 1, yy, months[mm].m, 0);
                        if (!c->pub_m) return 0;
                        return emit(o, c, i, i, year_for_month(c, months[mm].m),
                                    months[mm].m, 0);
                    }
            }
        return 0;
    }
    if ((m = month_word(c, i, &abbr, &weak)) != 0)
        return match_month(o, c, i, i, MOD_NONE, m, abbr, weak);
    return match_relative(o, c, i);
}

/* Sentence-level tense cues within the token window: future, past, or
 * neither (present tense: months and weekdays go to the nearest one). */
static int de_participle(ctx_t *c, size_t i)
{
    static const char *const no[] = {"gegen", "genug", "gestern", "gern",
        "gerade", "genau", "geht", "gehen", "gelten", "gilt", "gemeinsam",
        "getrennt", "gesamten", "gesamte", "geben", "gibt", 0};
    static const char *const sep[] = {"an", "auf", "aus", "ab", "bei",
        "ein", "mit", "nach", "vor", "zu", "zurück", "weg", "fest", "her",
        "hin", "los", "fort", "durch", "um", 0};
    size_t l, k;
    int ge = 0;
    if (!is_word(c, i) || (c->t[i].f & ATTR_TF_CAP) || win(c, i, no)) return 0;
    if (wpre(c, i, "ge")) ge = 1;
    for (k = 0; !ge && sep[k]; k++)        /* "angegriffen", "festgenommen" */
        if (wpre(c, i, sep[k]) &&
            attr_scan_fold_cmp(TS(c, i), c->t[i].l, "ge", strlen(sep[k])))
            ge = 1;
    if (!ge) return 0;
    l = c->t[i].l;
    return l >= 5 && (attr_scan_fold_cmp(TS(c, i), l, "t", l - 1) ||
                      attr_scan_fold_cmp(TS(c, i), l, "en", l - 2));
}

static void tense(ctx_t *c)
{
    static const char *const past_de[] = {"wurde", "wurden", "war", "waren",
        "hatte", "hatten", "hattest", "hattet", "worden", "kam", "kamen",
        "gab", "fand", "fanden", "ging", "gingen", "griff", "griffen",
        "fiel", "fielen", "starb", "starben", "begann", "begannen", "traf",
        "trafen", "sprach", "sprachen", "nahm", "nahmen", "rief", "riefen",
        "schlug", "schlugen", "zog", "zogen", "stand", "standen", "lag",
        "lagen", "floh", "flohen", "brach", "brachen", "hielt", "hielten",
        "sagte", "sagten", "erklärte", "teilte", "meldete", "berichtete",
        "seit", "damals", "zuvor", 0};
    static const char *const aux_de[] = {"hat", "haben", "habe", "ist",
        "sind", "sei", "seien", "hätte", "hätten", 0};
    static const char *const past_en[] = {"was", "were", "had", "did",
        "said", "took", "began", "fled", "fought", "met", "won", "lost",
        "left", "made", "went", "came", "held", "sent", "told", "saw",
        "struck", "led", "broke", "fell", "ago", "since", "earlier",
        "withdrew", "drew", "grew", "flew", "threw", "knew", "gave", "got",
        "ran", "rose", "became", "sought", "brought", "caught", "thought",
        "built", "spent", "stood", "wrote", "spoke", "chose", "drove",
        "froze", "shot", "overran", "seized", 0};
    static const char *const not_ed[] = {"need", "speed", "indeed", "feed",
        "seed", "bed", "red", "shed", "proceed", "exceed", "succeed",
        "hundred", "united", "limited", "armed", "based", "related",
        "detailed", "advanced", "alleged", "supposed", 0};
    size_t i;
    int aux = 0, part = 0;
    if (c->tense_done) return;
    c->tense_done = 1;
    c->future = c->pluperf = c->past = 0;
    for (i = 0; i < c->nt; i++) {
        if (!is_word(c, i)) continue;
        if (c->de) {
            if (weq(c, i, "hatte") || weq(c, i, "hatten") ||
                weq(c, i, "hattest") || weq(c, i, "hattet"))
                c->pluperf = 1;
            if (weq(c, i, "wird") || weq(c, i, "werden") ||
                weq(c, i, "geplant") || wpre(c, i, "bevorstehend") ||
                weq(c, i, "planen") || weq(c, i, "plant"))
                c->future = 1;
            if (win(c, i, past_de)) c->past = 1;
            if (win(c, i, aux_de)) aux = 1;
            if (de_participle(c, i)) part = 1;
        }
        if (c->en) {
            size_t l = c->t[i].l;
            if (weq(c, i, "had") && i + 1 < c->nt) {
                size_t j = i + 1;
                if (is_word(c, j) && c->t[j].l > 2 && !(c->t[j].f & ATTR_TF_CAP) &&
                    (attr_scan_fold_cmp(TS(c, j), c->t[j].l, "ed", c->t[j].l - 2) ||
                     attr_scan_fold_cmp(TS(c, j), c->t[j].l, "en", c->t[j].l - 2)))
                    c->pluperf = 1;
                if (weq(c, j, "been") || weq(c, j, "already") ||
                    weq(c, j, "previously"))
                    c->pluperf = 1;
            }
            if (weq(c, i, "will") || weq(c, i, "scheduled") ||
                weq(c, i, "planned") || weq(c, i, "upcoming") ||
                weq(c, i, "plans") || weq(c, i, "expected") ||
                ((weq(c, i, "due") || weq(c, i, "set")) && weq(c, i + 1, "to")))
                c->future = 1;
            if (win(c, i, past_en) ||
                (l >= 5 && !(c->t[i].f & ATTR_TF_CAP) &&
                 attr_scan_fold_cmp(TS(c, i), l, "ed", l - 2) && !win(c, i, not_ed)))
                c->past = 1;
        }
    }
    if (aux && part) c->past = 1;
    if (c->pluperf) c->future = 0;
    if (c->future) c->past = 0;
}

static const char *const date_start[] = {
    "a", "an", "anfang", "apr", "april", "aug", "august", "autumn",
    "beginning", "coming", "current", "day", "dec", "december", "dez",
    "dezember", "dienstag", "diese", "diesen", "dieser", "dieses",
    "donnerstag", "earlier", "early", "eight", "eleven", "end", "ende",
    "fall", "feb", "feber", "februar", "february", "five", "four",
    "freitag", "friday", "frühjahr", "frühling", "gestern", "herbst",
    "heuer", "heute", "heutigen", "jan", "januar", "january", "jul", "juli",
    "july", "jun", "june", "juni", "jänner", "kommende", "kommenden",
    "kommender", "kommendes", "last", "late", "later", "laufenden",
    "letzte", "letzten", "letzter", "letztes", "maerz", "mai", "mar",
    "march", "may", "mid", "mitte", "mittwoch", "monday", "montag",
    "morgen", "mrz", "mär", "märz", "next", "nine", "nov", "november",
    "nächste", "nächsten", "nächster", "nächstes", "oct", "october", "okt",
    "oktober", "one", "past", "previous", "samstag", "saturday", "sep",
    "sept", "september", "seven", "six", "sommer", "sonnabend", "sonntag",
    "spring", "start", "summer", "sunday", "ten", "this", "three",
    "thursday", "today", "tomorrow", "tonight", "tuesday", "twelve", "two",
    "vergangene", "vergangenen", "vergangener", "vergangenes", "vor",
    "vorabend", "vorgestern", "vorige", "vorigen", "voriger", "voriges",
    "vorjahr", "vorjahres", "vormonat", "vormonats", "vortag", "vortages",
    "vorwoche", "wednesday", "winter", "yesterday", "übermorgen",
};

static attr_wordset date_start_set;
static once_flag date_start_once = ONCE_FLAG_INIT;

static void date_start_init(void)
{
    attr_scan_wordset_init(&date_start_set, date_start,
                           sizeof date_start / sizeof *date_start);
}

/* Can an expression start at word i? Cheap filter before match_at. */
static int date_gate(ctx_t *c, size_t i)
{
    char b[24];
    size_t l;
    const attr_tok *t = &c->t[i];
    if (t->k == ATTR_TK_NUM) return 1;
    if (t->k != ATTR_TK_WORD) return 0;
    if (t->f & ATTR_TF_HYPH) return 1;
    if ((l = attr_scan_fold_tok(c->s + t->s, t->l, b, sizeof b)) == 0) return 0;
    if (attr_scan_wordset_has(&date_start_set, b, l))
        return 1;
    /* weekday compounds and possessives, "Jahresende" */
    return (l > 6 && weekday_word(c, i)) ||
           (l > 6 && attr_scan_fold_cmp(b, l, "jahres", 0));
}

size_t attr_date_find(const char *s, size_t n, const char *lang,
                      attr_ymd pub, attr_date *out, size_t max)
{
    attr_window w;
    ctx_t c;
    size_t count = 0, done = 0;
    if (!s || !out || max == 0) return 0;
    call_once(&date_start_once, date_start_init);
    attr_scan_window_init(&w, s, n);
    memset(&c, 0, sizeof c);
    c.s = s;
    c.t = w.t;
    attr_scan_langs(lang, &c.de, &c.en);
    c.pub = pub;
    c.pub_y = pub.y >= 1 && pub.y <= 9999;
    c.pub_m = c.pub_y && pub.m >= 1 && pub.m <= 12;
    c.pub_d = c.pub_m && pub.d >= 1 && pub.d <= mdays(pub.y, pub.m);
    while (count < max && attr_scan_window_next(&w)) {
        size_t i;
        c.nt = w.nt;
        c.tense_done = 0;
        for (i = w.lo; i < w.hi && count < max; i++) {
            int k;
            if (w.t[i].s < done || !date_gate(&c, i)) continue;
            k = match_at(&out[count], &c, i);
            if (k > 0) {
                done = out[count].start + out[count].len;
                count++;
                i += (size_t)k - 1;
            }
        }
    }
    return count;
}
