/* sentence.c — splits the normalised text into sentences (byte spans).
 * Rule-based because ICU splits German ordinal dates ("am 22. Aug."):
 * lines are boundaries (headlines, captions), and ". ! ?" end a sentence
 * only before an upper-case opener and after no abbreviation or ordinal. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"

#define SENT_MAX 4000   /* longer runs are cut at a space: bounded work */

static const char *const abbrev[] = {
    /* German */
    "z", "b", "bzw", "ca", "dr", "prof", "nr", "st", "usw", "etc", "vgl",
    "u", "a", "d", "h", "mio", "mrd", "jh", "abs", "art", "str", "tel",
    "inkl", "evtl", "ggf", "sog", "gen", "hr", "fr", "bsp", "zb", "ua",
    "dh", "o", "s", "v", "chr", "jr", "sr", "mr", "mrs", "ms", "col", "lt",
    "sgt", "capt", "gov", "sen", "rep", "no", "vs", "inc", "ltd", "co",
    "corp", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "okt", "nov", "dec", "dez", "mt", "ft", "al", "e", "i", "bd",
    "min", "max", "std", "verf", "hrsg", "gegr", NULL
};

static const char *const months[] = {
    "januar", "jänner", "februar", "märz", "april", "mai", "juni", "juli",
    "august", "september", "oktober", "november", "dezember", "january",
    "february", "march", "may", "june", "july", "october", "december",
    "jan", "feb", "mär", "apr", "jun", "jul", "aug", "sep", "sept", "okt",
    "oct", "nov", "dez", "dec", NULL
};

/* German words after which "12." is an ordinal (a date, a rank). */
static const char *const ordinal_before[] = {
    "am", "vom", "zum", "bis", "der", "die", "dem", "den", "des", "ab",
    "seit", "im", "zur", "an", "dem", "zum", "vor", "nach", "ihr", "sein",
    NULL
};

static int word_in(const char *const *list, const char *s, size_t n)
{
    char w[32];
    if (n == 0 || n >= sizeof w)
        return 0;
    size_t k = text_fold(s, n, w, sizeof w);
    if (!k)
        return 0;
    for (; *list; list++)
        if ((*list)[0] == w[0] && strlen(*list) == k && memcmp(*list, w, k) == 0)
            return 1;
    return 0;
}

static int is_wordch(unsigned char c)
{
    return isalnum(c) || c >= 0x80;
}

/* The word ending just before position i (exclusive): [*ws, i). */
static size_t word_before(const char *t, size_t lo, size_t i, size_t *ws)
{
    size_t j = i;
    while (j > lo && is_wordch((unsigned char)t[j - 1]))
        j--;
    *ws = j;
    return i - j;
}

/* Does a sentence start at position i (after the space run)? */
static int opener(const char *t, size_t n, size_t i)
{
    if (i >= n)
        return 0;
    unsigned char c = (unsigned char)t[i];
    if (isupper(c) || isdigit(c) || c == '"' || c == '(' || c == '\'' || c == '[')
        return 1;
    if (c >= 0xC3) {
        /* upper-case Latin-1 letters (Ä Ö Ü ...), quotes „ “ « ‚ */
        if (c == 0xC3 && i + 1 < n && (unsigned char)t[i + 1] < 0x9F)
            return 1;
        if (c == 0xE2 && i + 2 < n && (unsigned char)t[i + 1] == 0x80)
            return 1;   /* U+2000 block: quotes and dashes */
        if (c == 0xC2 && i + 1 < n && (unsigned char)t[i + 1] == 0xAB)
            return 1;
        if (c >= 0xD0 && c <= 0xD4)
            return 1;   /* Cyrillic etc.: case not checked */
    }
    return 0;
}

static int ends_here(const char *t, size_t lo, size_t i, size_t n, int de,
                     size_t *next)
{
    char c = t[i];
    size_t j = i + 1;
    if (c == '.' || c == '!' || c == '?') {
        while (j < n && (t[j] == '.' || t[j] == '!' || t[j] == '?'))
            j++;
    } else {
        return 0;
    }
    /* closing quotes and brackets stay with the sentence */
    for (;;) {
        if (j < n && (t[j] == '"' || t[j] == ')' || t[j] == '\'' || t[j] == ']')) {
            j++;
        } else if (j + 2 < n && (unsigned char)t[j] == 0xE2 &&
                   (unsigned char)t[j + 1] == 0x80 &&
                   ((unsigned char)t[j + 2] == 0x9C || (unsigned char)t[j + 2] == 0x9D ||
                    (unsigned char)t[j + 2] == 0x99 || (unsigned char)t[j + 2] == 0x98)) {
            j += 3;
        } else if (j + 1 < n && (unsigned char)t[j] == 0xC2 && (unsigned char)t[j + 1] == 0xBB) {
            j += 2;
        } else {
            break;
        }
    }
    if (j < n && t[j] != ' ' && t[j] != '\t')
        return 0;
    size_t k = j;
    while (k < n && (t[k] == ' ' || t[k] == '\t'))
        k++;
    if (k < n && !opener(t, n, k))
        return 0;
    if (c == '.' && j == i + 1) {
        size_t ws, wl = word_before(t, lo, i, &ws);
        if (wl == 1 && isalpha((unsigned char)t[ws]))
            return 0;                       /* initial: "J. Smith" */
        if (wl && word_in(abbrev, t + ws, wl) && !(k < n && t[k] == '"'))
            return 0;
        if (wl && wl <= 2 && isdigit((unsigned char)t[ws]) && isdigit((unsigned char)t[i - 1])) {
            /* "am 22. August", "Nr. 5": ordinals, not ends */
            size_t ne = k;
            while (ne < n && is_wordch((unsigned char)t[ne]))
                ne++;
            if (word_in(months, t + k, ne - k))
                return 0;
            size_t ps, pl = word_before(t, lo, ws > lo ? ws - 1 : ws, &ps);
            if (de && pl && word_in(ordinal_before, t + ps, pl))
                return 0;
        }
    }
    *next = k;
    return 1;
}

static const uint8_t may_end[256] = { ['\n'] = 1, ['.'] = 1, ['!'] = 1, ['?'] = 1 };

size_t sentence_split(arena *a, const char *t, size_t n, int de, span **out)
{
    size_t cap = 64, cnt = 0;
    span *v = malloc(cap * sizeof *v);
    if (!v)
        return 0;
    size_t st = 0;
    for (size_t i = 0; i <= n;) {
        size_t next = 0;
        int cut = 0;
        /* only newlines and . ! ? can end a sentence before SENT_MAX */
        while (i < n && i - st < SENT_MAX && !may_end[(unsigned char)t[i]])
            i++;
        if (i == n) {
            cut = 1;
            next = n;
        } else if (t[i] == '\n') {
            /* a wrapped line goes on when the next one starts in lower case */
            size_t k = i + 1;
            while (k < n && (t[k] == ' ' || t[k] == '\t'))
                k++;
            size_t p = i;
            while (p > st && (t[p - 1] == ' ' || t[p - 1] == '\t'))
                p--;
            int cont = k < n && t[k] != '\n' && islower((unsigned char)t[k]) && p > st &&
                       strchr(".!?:\"", t[p - 1]) == NULL;
            if (!cont) {
                cut = 1;
                next = k;
            }
        } else if (ends_here(t, st, i, n, de, &next)) {
            cut = 1;
            i = next;   /* the span ends before the spaces */
        } else if (i - st >= SENT_MAX && (t[i] == ' ')) {
            cut = 1;
            next = i + 1;
        }
        if (!cut) {
            i++;
            continue;
        }
        size_t s = st, e = (i < n && t[i] == '\n') ? i : (next > i ? i : next);
        if (i == n)
            e = n;
        while (s < e && (t[s] == ' ' || t[s] == '\t' || t[s] == '\n'))
            s++;
        while (e > s && (t[e - 1] == ' ' || t[e - 1] == '\t' || t[e - 1] == '\n'))
            e--;
        if (e > s) {
            if (cnt == cap) {
                span *nv = realloc(v, 2 * cap * sizeof *v);
                if (!nv)
                    break;
                v = nv;
                cap *= 2;
            }
            v[cnt].start = (uint32_t)s;
            v[cnt].end = (uint32_t)e;
            cnt++;
        }
        if (i >= n)
            break;
        st = next;
        i = next > i ? next : i + 1;
    }
    *out = arena_alloc(a, (cnt ? cnt : 1) * sizeof **out);
    if (*out && cnt)
        memcpy(*out, v, cnt * sizeof *v);
    free(v);
    return *out ? cnt : 0;
}
