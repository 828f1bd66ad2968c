/* attr_scan.h — the token scanner shared by the attribute stages
 * (attr_date.c, attr_quantity.c, attr_certainty.c): tokens, case-folded
 * comparisons and a one-pass stem test that lets a stage skip sentences
 * that cannot hold what it looks for. Internal to the attr_* files. */
#ifndef DYAD_ATTR_SCAN_H
#define DYAD_ATTR_SCAN_H

#include <stddef.h>
#include <string.h>

/* Words (letters, digits, inner hyphens and apostrophes), numbers (digits
 * with inner . , : / - between digits) and single punctuation characters. */
enum { ATTR_TK_WORD = 1, ATTR_TK_NUM, ATTR_TK_PUNCT };
enum { ATTR_TF_CAP = 1, ATTR_TF_GLUED = 2, ATTR_TF_DIGIT = 4,
       ATTR_TF_HYPH = 8, ATTR_TF_SEP = 16 };
typedef struct { size_t s, l; unsigned char k, f; } attr_tok;

/* Tokenizes s[pos..n); stops after cap tokens. *end: where it stopped. */
size_t attr_scan_tokenize(const char *s, size_t n, size_t pos, attr_tok *t,
                          size_t cap, size_t *end);

/* A long text is scanned in overlapping windows of up to ATTR_SCAN_TOKCAP
 * tokens, so the token array stays bounded: finds start in [lo, hi), the
 * tokens around them are context, and the next window begins
 * ATTR_SCAN_MARGIN tokens before hi so nothing is cut at a boundary. */
enum { ATTR_SCAN_TOKCAP = 384, ATTR_SCAN_MARGIN = 24 };
typedef struct {
    const char *s;
    size_t n, pos;
    attr_tok t[ATTR_SCAN_TOKCAP];
    size_t nt, lo, hi;
    int started, final;
} attr_window;

void attr_scan_window_init(attr_window *w, const char *s, size_t n);
/* Tokenizes the next window into w->t; 0 when the text is done. */
int attr_scan_window_next(attr_window *w);

/* 1 when the text, case-folded as attr_scan_fold_cmp does, contains one of
 * the lower-case stems (NULL-terminated list). A stem starts with four
 * bytes other than space; a later space stands for one or more bytes that
 * may separate tokens. A stage whose every find
 * needs one of its stems uses this to skip the token scan. */
int attr_scan_has(const char *s, size_t n, const char *const *stems);

/* Folds ASCII A-Z and the Latin-1 capitals after 0xC3 (Ä Ö Ü ...). */
static inline unsigned attr_scan_fold(const unsigned char *u, size_t i)
{
    unsigned b = u[i];
    if (b - 'A' < 26u) return b + 32;
    if (b - 0x80u <= 0x1Eu && i > 0 && u[i - 1] == 0xC3) return b + 0x20;
    return b;
}

/* Token bytes p[off..] start with the lower-case literal, case-folded. */
static inline int attr_scan_fold_cmp(const char *p, size_t len,
                                     const char *lit, size_t off)
{
    const unsigned char *u = (const unsigned char *)p;
    size_t i;
    for (i = 0; lit[i]; i++)
        if (off + i >= len ||
            attr_scan_fold(u, off + i) != (unsigned char)lit[i])
            return 0;
    return 1;
}

/* Token bytes equal to a lower-case literal, case-folded. */
static inline int attr_scan_fold_eq(const char *p, size_t len, const char *lit)
{
    const unsigned char *u = (const unsigned char *)p;
    size_t i;
    for (i = 0; lit[i]; i++)
        if (i >= len || attr_scan_fold(u, i) != (unsigned char)lit[i])
            return 0;
    return i == len;
}

/* Folds a token into buf; returns its length, 0 when longer than cap. */
size_t attr_scan_fold_tok(const char *p, size_t l, char *buf, size_t cap);

/* A hashed set of folded words (at most 512) for per-token gates. Fill it
 * once (call_once: it is shared by all threads), then look up folded
 * tokens. */
typedef struct {
    const char *const *w;
    unsigned short slot[1024];      /* index + 1 into w, 0: empty */
} attr_wordset;

void attr_scan_wordset_init(attr_wordset *ws, const char *const *w, size_t n);
int attr_scan_wordset_has(const attr_wordset *ws, const char *folded,
                          size_t l);

/* The scan context the quantity and certainty stages share: the text, its
 * tokens, and the languages to try ("de", "en", anything else: both). */
typedef struct {
    const char *s;
    const attr_tok *t;
    size_t nt;
    int de, en;
} attr_ctx;

static inline void attr_scan_langs(const char *lang, int *de, int *en)
{
    *de = !lang || strcmp(lang, "en") != 0;
    *en = !lang || strcmp(lang, "de") != 0;
}

/* Is token i of the context a word? */
static inline int attr_ctx_word(const attr_ctx *c, size_t i)
{
    return i < c->nt && c->t[i].k == ATTR_TK_WORD;
}

#endif
