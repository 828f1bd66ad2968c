/* attr_scan.c — the token scanner shared by the attribute stages: splits a
 * sentence into words, numbers and punctuation (ASCII on a fast path,
 * UTF-8 classified by hand), folds case for comparisons, and tests in one
 * pass whether a sentence holds any of a stage's stems. No allocation. */
#include "attr_scan.h"

#include <stdint.h>
#include <string.h>

enum { C_SPACE, C_PUNCT, C_LETTER, C_DIGIT, C_APOS };

/* Classes of the ASCII bytes, built by hand: 0 space, 1 punct, 2 letter,
 * 3 digit, 4 apostrophe (C_* order). Bytes >= 0x80 are letters unless they
 * are Unicode spaces, punctuation or invalid UTF-8 (then one-byte
 * punctuation). */
static const unsigned char ascii_class[128] = {
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0, 0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,1,1,1,1,1,1,4,1,1,1,1,1,1,1,1, 3,3,3,3,3,3,3,3,3,3,1,1,1,1,1,1,
    1,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2, 2,2,2,2,2,2,2,2,2,2,2,1,1,1,1,1,
    1,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2, 2,2,2,2,2,2,2,2,2,2,2,1,1,1,1,0};

static int uclass_mb(const unsigned char *p, size_t left, size_t *len)
{
    unsigned c = p[0];
    size_t need, i;
    need = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 && c < 0xF0 ? 3
         : c >= 0xC2 && c < 0xE0 ? 2 : 0;
    if (!need || need > left) return C_PUNCT;
    for (i = 1; i < need; i++)
        if ((p[i] & 0xC0) != 0x80) return C_PUNCT;
    *len = need;
    if (c == 0xC2) {
        if (p[1] <= 0xA0) return C_SPACE;            /* C1 controls, NBSP */
        if (p[1] == 0xAA || p[1] == 0xB5 || p[1] == 0xBA) return C_LETTER;
        return C_PUNCT;                              /* « » § ° ... */
    }
    if (c == 0xC3 && (p[1] == 0x97 || p[1] == 0xB7)) return C_PUNCT;
    if (c == 0xE2 && p[1] == 0x80) {
        if (p[2] <= 0x8F || p[2] == 0xAF) return C_SPACE;
        if (p[2] == 0x99) return C_APOS;             /* ’ */
        return C_PUNCT;
    }
    if (c == 0xE2 && p[1] >= 0x81 && p[1] <= 0xAF) return C_PUNCT;
    if (c == 0xE3 && p[1] == 0x80) return C_PUNCT;
    if (c == 0xEF && p[1] == 0xBB && p[2] == 0xBF) return C_SPACE;
    return C_LETTER;
}

static inline int uclass(const unsigned char *p, size_t left, size_t *len)
{
    *len = 1;
    if (p[0] < 0x80) return ascii_class[p[0]];
    return uclass_mb(p, left, len);
}

void attr_scan_window_init(attr_window *w, const char *s, size_t n)
{
    w->s = s;
    w->n = n;
    w->pos = 0;
    w->nt = w->lo = w->hi = 0;
    w->started = w->final = 0;
}

int attr_scan_window_next(attr_window *w)
{
    size_t end;
    if (w->final) return 0;
    if (w->started) w->pos = w->t[w->hi - ATTR_SCAN_MARGIN].s;
    if (w->pos >= w->n) return 0;
    w->nt = attr_scan_tokenize(w->s, w->n, w->pos, w->t, ATTR_SCAN_TOKCAP,
                               &end);
    if (w->nt == 0) return 0;
    w->final = end >= w->n;
    w->lo = w->started ? ATTR_SCAN_MARGIN : 0;
    w->hi = w->final ? w->nt : w->nt - ATTR_SCAN_MARGIN;
    w->started = 1;
    return 1;
}

static int is_upper(const unsigned char *p, size_t left)
{
    if (p[0] >= 'A' && p[0] <= 'Z') return 1;
    return left >= 2 && p[0] == 0xC3 && p[1] >= 0x80 && p[1] <= 0x9E &&
           p[1] != 0x97;
}

size_t attr_scan_tokenize(const char *s, size_t n, size_t pos, attr_tok *t,
                          size_t cap, size_t *end)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t nt = 0, cl, cl2;
    while (pos < n) {
        int c = uclass(u + pos, n - pos, &cl);
        if (c == C_SPACE) { pos += cl; continue; }
        if (nt == cap) break;
        attr_tok *k = &t[nt++];
        k->s = pos; k->f = 0;
        if (c == C_LETTER) {
            k->k = ATTR_TK_WORD;
            if (is_upper(u + pos, n - pos)) k->f |= ATTR_TF_CAP;
            pos += cl;
            while (pos < n) {
                int d;
                /* fast path: plain ASCII letters */
                if (u[pos] < 0x80 && ascii_class[u[pos]] == C_LETTER) {
                    pos++;
                    continue;
                }
                d = uclass(u + pos, n - pos, &cl);
                if (d == C_LETTER) { pos += cl; continue; }
                if (d == C_DIGIT) { k->f |= ATTR_TF_DIGIT; pos += cl; continue; }
                if ((d == C_APOS || u[pos] == '-') && pos + cl < n) {
                    int e = uclass(u + pos + cl, n - pos - cl, &cl2);
                    if (e == C_LETTER || (u[pos] == '-' && e == C_DIGIT)) {
                        if (u[pos] == '-') k->f |= ATTR_TF_HYPH;
                        pos += cl;
                        continue;
                    }
                }
                break;
            }
        } else if (c == C_DIGIT) {
            k->k = ATTR_TK_NUM;
            pos += cl;
            while (pos < n) {
                unsigned ch = u[pos];
                if (ch >= '0' && ch <= '9') { pos++; continue; }
                if ((ch == '.' || ch == ',' || ch == ':' || ch == '/' ||
                     ch == '-') && pos + 1 < n && u[pos + 1] >= '0' &&
                    u[pos + 1] <= '9') {
                    k->f |= ATTR_TF_SEP;
                    pos++;
                    continue;
                }
                break;
            }
            if (pos < n) {
                int d = uclass(u + pos, n - pos, &cl);
                if (d == C_LETTER) k->f |= ATTR_TF_GLUED;
                else if (u[pos] == '-' && pos + 1 < n &&
                         uclass(u + pos + 1, n - pos - 1, &cl2) == C_LETTER)
                    k->f |= ATTR_TF_GLUED;
            }
        } else {
            k->k = ATTR_TK_PUNCT;
            pos += cl;
        }
        k->l = pos - k->s;
    }
    *end = pos;
    return nt;
}

/* A byte that may lie between two tokens (ASCII space and controls, any
 * byte of a multi-byte character): what a space in a stem matches. */
static int gap_byte(unsigned b)
{
    return b <= 0x20 || b >= 0x7F;
}

/* Stem st matches the folded text at i; returns 1 or 0. */
static int stem_at(const unsigned char *u, size_t n, size_t i,
                   const unsigned char *st)
{
    for (; *st; st++) {
        if (*st == ' ') {
            if (i >= n || !gap_byte(u[i])) return 0;
            while (i < n && gap_byte(u[i])) i++;
            continue;
        }
        if (i >= n || attr_scan_fold(u, i) != *st) return 0;
        i++;
    }
    return 1;
}

/* Loose fold for the trigram filter: A-Z and every byte 0x80-0x9E (not
 * only after 0xC3); stems hold no such byte, so no true match is lost. */
static inline unsigned loose(unsigned b)
{
    return b + ((b - 'A' < 26u) | (b - 0x80u < 0x1Fu)) * 32u;
}

static inline unsigned quad(unsigned a, unsigned b, unsigned c, unsigned d)
{
    return (a * 29791u + b * 961u + c * 31u + d) & 4095u;
}

int attr_scan_has(const char *s, size_t n, const char *const *stems)
{
    const unsigned char *u = (const unsigned char *)s;
    uint64_t seen[64];
    unsigned a, b, c;
    size_t i, k;
    if (!s || n < 4) return 0;
    /* every stem starts with four bytes other than space: a filter on the
     * hash of each four bytes of the text before comparing */
    memset(seen, 0, sizeof seen);
    for (k = 0; stems[k]; k++) {
        const unsigned char *w = (const unsigned char *)stems[k];
        unsigned h = quad(w[0], w[1], w[2], w[3]);
        seen[h >> 6] |= (uint64_t)1 << (h & 63);
    }
    a = loose(u[0]);
    b = loose(u[1]);
    c = loose(u[2]);
    for (i = 3; i < n; i++) {
        unsigned d = loose(u[i]), h = quad(a, b, c, d);
        if (seen[h >> 6] >> (h & 63) & 1)
            for (k = 0; stems[k]; k++)
                if (stem_at(u, n, i - 3, (const unsigned char *)stems[k]))
                    return 1;
        a = b;
        b = c;
        c = d;
    }
    return 0;
}

size_t attr_scan_fold_tok(const char *p, size_t l, char *buf, size_t cap)
{
    const unsigned char *u = (const unsigned char *)p;
    size_t k;
    if (l > cap) return 0;
    for (k = 0; k < l; k++) buf[k] = (char)attr_scan_fold(u, k);
    return l;
}

static unsigned word_hash(const char *w, size_t l)
{
    uint32_t h = 2166136261u;
    size_t k;
    for (k = 0; k < l; k++) h = (h ^ (unsigned char)w[k]) * 16777619u;
    return (h ^ (h >> 15)) & 1023u;
}

void attr_scan_wordset_init(attr_wordset *ws, const char *const *w, size_t n)
{
    size_t k;
    memset(ws, 0, sizeof *ws);
    ws->w = w;
    for (k = 0; k < n && k < 512; k++) {
        unsigned h = word_hash(w[k], strlen(w[k]));
        while (ws->slot[h]) h = (h + 1) & 1023u;
        ws->slot[h] = (unsigned short)(k + 1);
    }
}

int attr_scan_wordset_has(const attr_wordset *ws, const char *folded,
                          size_t l)
{
    unsigned h = word_hash(folded, l);
    while (ws->slot[h]) {
        const char *e = ws->w[ws->slot[h] - 1];
        if (!strncmp(e, folded, l) && e[l] == 0) return 1;
        h = (h + 1) & 1023u;
    }
    return 0;
}
