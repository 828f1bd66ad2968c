/* token.c — splits a sentence into tokens (slices of the text: words,
 * numbers, punctuation) and gives each word the lexicon key ids it can
 * match. Word analysis (fold, stem, prefix, compound head) is cached per
 * thread by surface form, because stemming every token would cost more
 * than all other stages together. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"

#define CACHE_BITS 16
#define CACHE_WORD 28

typedef struct {
    uint64_t hash;
    const lang_lex *lx;
    uint32_t gen;
    uint8_t len, nkeys;
    char word[CACHE_WORD];
    uint32_t keys[TOK_MAXKEYS];
} cache_slot;

static _Thread_local cache_slot *cache;

static void analyse(const lang_lex *lx, const char *w, size_t n, token *t)
{
    uint64_t h = 0;
    cache_slot *c = NULL;
    if (n < CACHE_WORD) {
        if (!cache)
            cache = calloc((size_t)1 << CACHE_BITS, sizeof *cache);
        if (cache) {
            h = intern_hash(w, n);
            c = &cache[h & (((size_t)1 << CACHE_BITS) - 1)];
            if (c->hash == h && c->lx == lx && c->gen == lx->generation &&
                c->len == n && memcmp(c->word, w, n) == 0) {
                memcpy(t->keys, c->keys, sizeof t->keys);
                t->nkeys = c->nkeys;
                return;
            }
        }
    }
    t->nkeys = (uint8_t)lexicon_analyse(lx, w, n, t->keys);
    if (c) {
        c->hash = h;
        c->lx = lx;
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

static int wordch(const unsigned char *s, size_t n)
{
    return isalnum(s[0]) || (s[0] >= 0x80 && !punct_len(s, n));
}

size_t token_split(arena *a, const lang_lex *lx, const char *text, span sp,
                   token **out)
{
    const unsigned char *t = (const unsigned char *)text;
    size_t n = sp.end, cap = (sp.end - sp.start) / 2 + 4, cnt = 0;
    token *v = arena_alloc(a, cap * sizeof *v);
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
                if (wordch(t + i, n - i)) {
                    if (!isdigit(t[i]))
                        digits = 0;
                    i += t[i] < 0x80 ? 1 : text_u8len(t[i]);
                } else if ((t[i] == '.' || t[i] == ',') && i + 1 < n && isalnum(t[i + 1]) &&
                           i > st && (isdigit(t[i - 1]) ? isdigit(t[i + 1]) : t[i] == '.' &&
                                      isupper(t[i + 1]) && i - st == 1)) {
                    i++;       /* 5,8 / 11.000 / U.S */
                } else if (t[i] == '.' && i > st + 1 && t[i - 2] == '.' && isupper(t[i - 1])) {
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
            if (isupper(t[st]) || (t[st] == 0xC3 && st + 1 < n && t[st + 1] < 0x9F))
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
    return cnt;
}
