/* token.c — splits a sentence into tokens (slices of the text: words,
 * numbers, punctuation) and gives each word the lexicon key ids it can
 * match. Word analysis (fold, stem, prefix, compound head) is cached per
 * thread by surface form, because stemming every token would cost more
 * than all other stages together. */
#include <stdlib.h>
#include <string.h>
#include <threads.h>
#include "internal.h"

/* 4-way set-associative: a direct-mapped table kept evicting words whose
 * slots collided, and every miss costs a stem (~8k instructions). */
#define CACHE_SETS_BITS 14
#define CACHE_WAYS 4
#define CACHE_WORD 34

typedef struct {
    uint64_t hash;
    uint32_t keys[TOK_MAXKEYS];
    uint32_t gen;                 /* lang_lex generation: unique per load */
    uint8_t len, nkeys;
    char word[CACHE_WORD];
} cache_slot;                     /* 64 bytes: one cache line */

static _Thread_local cache_slot *cache;

/* The cache is freed when its thread ends (a thread key's destructor): a
 * program that codes on many short-lived threads leaks nothing. */
static tss_t cache_key;
static once_flag cache_once = ONCE_FLAG_INIT;
static int cache_key_ok;

static void cache_key_init(void)
{
    cache_key_ok = tss_create(&cache_key, free) == thrd_success;
}

/* Word-at-a-time hash of a short word (never reads past w[n-1]). */
static uint64_t word_hash(const char *w, size_t n)
{
    uint64_t h = 0x9E3779B97F4A7C15ull ^ n, v;
    for (; n >= 8; w += 8, n -= 8) {
        memcpy(&v, w, 8);
        h = (h ^ v) * 0xFF51AFD7ED558CCDull;
        h ^= h >> 32;
    }
    v = 0;
    for (size_t i = 0; i < n; i++)
        v |= (uint64_t)(unsigned char)w[i] << (8 * i);
    h = (h ^ v) * 0xC4CEB9FE1A85EC53ull;
    return h ^ (h >> 29);
}

/* a[0..n) == b[0..n), inline: libc's memcmp call costs more for words */
static int same(const char *a, const char *b, size_t n)
{
    uint64_t x, y;
    for (; n >= 8; a += 8, b += 8, n -= 8) {
        memcpy(&x, a, 8);
        memcpy(&y, b, 8);
        if (x != y)
            return 0;
    }
    for (size_t i = 0; i < n; i++)
        if (a[i] != b[i])
            return 0;
    return 1;
}

static void analyse(const lang_lex *lx, const char *w, size_t n, token *t)
{
    cache_slot *set = NULL;
    uint64_t h = 0;
    if (n < CACHE_WORD) {
        if (!cache) {
            cache = calloc((size_t)CACHE_WAYS << CACHE_SETS_BITS, sizeof *cache);
            call_once(&cache_once, cache_key_init);
            if (cache && cache_key_ok)
                tss_set(cache_key, cache);
        }
        if (cache) {
            h = word_hash(w, n);
            set = &cache[(h >> (64 - CACHE_SETS_BITS)) * CACHE_WAYS];
            for (int k = 0; k < CACHE_WAYS; k++) {
                cache_slot *c = &set[k];
                if (c->hash == h && c->gen == lx->generation && c->len == n &&
                    same(c->word, w, n)) {
                    memcpy(t->keys, c->keys, sizeof t->keys);
                    t->nkeys = c->nkeys;
                    return;
                }
            }
        }
    }
    t->nkeys = (uint8_t)lexicon_analyse(lx, w, n, t->keys);
    if (set) {
        /* newest first; the oldest way is dropped */
        memmove(set + 1, set, (CACHE_WAYS - 1) * sizeof *set);
        cache_slot *c = set;
        c->hash = h;
        c->gen = lx->generation;
        c->len = (uint8_t)n;
        memcpy(c->word, w, n);
        memcpy(c->keys, t->keys, sizeof t->keys);
        c->nkeys = t->nkeys;
    }
}

int token_is(const token *t, uint32_t key)
{
    for (int i = 0; i < t->nkeys; i++)
        if (t->keys[i] == key)
            return 1;
    return 0;
}

/* Unicode punctuation that ends a word: U+2000-U+206F, « », ·, NBSP. */
static size_t punct_len(const unsigned char *s, size_t n)
{
    if (n >= 3 && s[0] == 0xE2 && (s[1] == 0x80 || s[1] == 0x81))
        return 3;
    if (n >= 2 && s[0] == 0xC2 && (s[1] == 0xAB || s[1] == 0xBB || s[1] == 0xB7 ||
                                   s[1] == 0xA0 || s[1] == 0xB4))
        return 2;
    if (n >= 3 && s[0] == 0xEF && s[1] == 0xBF && s[2] == 0xBD)
        return 3;  /* U+FFFD from repaired bytes */
    return 0;
}

static int is_apos(const unsigned char *s, size_t n, size_t *len)
{
    if (n >= 1 && s[0] == '\'') { *len = 1; return 1; }
    if (n >= 3 && s[0] == 0xE2 && s[1] == 0x80 && s[2] == 0x99) { *len = 3; return 1; }
    return 0;
}

/* ASCII classes (the C locale's isalnum/isdigit/isupper) by table */
enum { C_ALNUM = 1, C_DIGIT = 2, C_UPPER = 4 };
#define R10(x) x, x, x, x, x, x, x, x, x, x
static const uint8_t ascii_class[128] = {
    ['0'] = R10(C_ALNUM | C_DIGIT),
    ['A'] = R10(C_ALNUM | C_UPPER), R10(C_ALNUM | C_UPPER), C_ALNUM | C_UPPER,
    C_ALNUM | C_UPPER, C_ALNUM | C_UPPER, C_ALNUM | C_UPPER, C_ALNUM | C_UPPER,
    C_ALNUM | C_UPPER,
    ['a'] = R10(C_ALNUM), R10(C_ALNUM), C_ALNUM, C_ALNUM, C_ALNUM, C_ALNUM,
    C_ALNUM, C_ALNUM,
};

static inline int cls(unsigned char c, int f)
{
    return c < 0x80 && (ascii_class[c] & f);
}

static inline int wordch(const unsigned char *s, size_t n)
{
    return s[0] < 0x80 ? ascii_class[s[0]] & C_ALNUM : !punct_len(s, n);
}

size_t token_split(arena *a, const lang_lex *lx, const char *text, span sp,
                   token **out)
{
    const unsigned char *t = (const unsigned char *)text;
    size_t n = sp.end, cap = (sp.end - sp.start) / 2 + 4, cnt = 0;
    token *v = arena_alloc_raw(a, cap * sizeof *v);
    *out = v;
    if (!v)
        return 0;
    int hyph = 0;
    for (size_t i = sp.start; i < n && cnt < cap;) {
        unsigned char c = t[i];
        if (c == ' ' || c == '\t' || c == '\n') {
            i++;
            hyph = 0;
            continue;
        }
        token *k = &v[cnt];
        memset(k, 0, sizeof *k);
        if (wordch(t + i, n - i)) {
            size_t st = i;
            int digits = 1, alldot = 1;
            while (i < n) {
                unsigned char ch = t[i];
                if (ch < 0x80 && (ascii_class[ch] & C_ALNUM)) {
                    if (!(ascii_class[ch] & C_DIGIT))
                        digits = 0;
                    i++;
                } else if (ch >= 0x80 && !punct_len(t + i, n - i)) {
                    digits = 0;
                    i += text_u8len(ch);
                } else if ((ch == '.' || ch == ',') && i + 1 < n && cls(t[i + 1], C_ALNUM) &&
                           i > st && (cls(t[i - 1], C_DIGIT) ? cls(t[i + 1], C_DIGIT) : ch == '.' &&
                                      cls(t[i + 1], C_UPPER) && i - st == 1)) {
                    i++;       /* 5,8 / 11.000 / U.S */
                } else if (ch == '.' && i > st + 1 && t[i - 2] == '.' && cls(t[i - 1], C_UPPER)) {
                    i++;       /* the final dot of U.S. */
                    break;
                } else {
                    break;
                }
            }
            if (i > n)
                i = n;
            (void)alldot;
            k->off = (uint32_t)st;
            k->len = (uint32_t)(i - st);
            k->flags = digits ? TOK_NUM : TOK_WORD;
            if (cls(t[st], C_UPPER) || (t[st] == 0xC3 && st + 1 < n && t[st + 1] < 0x9F))
                k->flags |= TOK_CAP;
            if (hyph)
                k->flags |= TOK_HYPH;
            hyph = 0;
            size_t al;
            /* apostrophes: possessive 's is dropped, n't kept as a token */
            if (i < n && is_apos(t + i, n - i, &al)) {
                if (i + al < n && (t[i + al] == 's' || t[i + al] == 'S') &&
                    (i + al + 1 >= n || !wordch(t + i + al + 1, n - i - al - 1))) {
                    k->flags |= TOK_POSS;
                    i += al + 1;
                } else if ((t[i - 1] == 's' || t[i - 1] == 'S') &&
                           (i + al >= n || !wordch(t + i + al, n - i - al))) {
                    k->flags |= TOK_POSS;        /* "Workers' Party": plural possessive */
                    i += al;
                } else if (i + al < n && t[i + al] == 't' && k->len > 1 && t[i - 1] == 'n' &&
                           (i + al + 1 >= n || !wordch(t + i + al + 1, n - i - al - 1))) {
                    k->len--;                    /* "didn't" -> "did" "n't" */
                    if (!(k->flags & TOK_NUM))
                        analyse(lx, text + k->off, k->len, k);
                    cnt++;
                    if (cnt >= cap)
                        break;
                    k = &v[cnt];
                    memset(k, 0, sizeof *k);
                    k->off = (uint32_t)(i - 1);
                    k->len = (uint32_t)(al + 2);
                    k->flags = TOK_WORD;
                    i += al + 1;
                }
            }
            if (!(k->flags & TOK_NUM))
                analyse(lx, text + k->off, k->len, k);
            if (i < n && t[i] == '-' && i + 1 < n && wordch(t + i + 1, n - i - 1)) {
                hyph = 1;
                i++;
            }
            cnt++;
            continue;
        }
        size_t pl = punct_len(t + i, n - i);
        if (!pl)
            pl = c < 0x80 ? 1 : text_u8len(c);
        if (i + pl > n)
            pl = n - i;
        k->off = (uint32_t)i;
        k->len = (uint32_t)pl;
        k->flags = TOK_PUNCT;
        i += pl;
        hyph = 0;
        /* dashes and quotes carry no keys; ; : , ? ! ( ) are kept for clauses */
        if (pl == 2 && t[k->off] == 0xC2 && t[k->off + 1] == 0xA0)
            continue;  /* NBSP */
        cnt++;
    }
    if (cnt < cap)
        memset(&v[cnt], 0, sizeof *v);   /* a zero token after the last */
    return cnt;
}
