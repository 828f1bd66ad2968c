/* match.c — finds lexicon phrases in a sentence's tokens: for each type
 * (actor, event, role) the leftmost-longest non-overlapping matches.
 * A phrase's first key selects its candidates through the index; "..."
 * gaps skip up to GAP_MAX tokens but never cross ; : ? ! or a full stop. */
#include <stdlib.h>
#include <string.h>
#include "internal.h"

#define GAP_MAX 10

static inline int has_key(const token *t, uint32_t key)
{
    for (int i = 0; i < t->nkeys; i++)
        if (t->keys[i] == key)
            return 1;
    return 0;
}

static int hard_stop(const char *text, const token *t)
{
    if (!(t->flags & TOK_PUNCT) || t->len != 1)
        return 0;
    char c = text[t->off];
    return c == ';' || c == ':' || c == '?' || c == '!' || c == '.';
}

/* Matches phrase p at token i, whose first word it is known to be (the
 * index found p by it); returns the end index or 0. */
static size_t try_phrase(const char *text, const phrase *p, const token *t,
                         size_t nt, size_t i, int *gapped)
{
    size_t j = i + 1;
    for (size_t w = 1; w < p->nw; w++) {
        if (p->w[w] == PH_GAP) {
            /* next word must come within GAP_MAX tokens */
            uint32_t want = p->w[w + 1];
            size_t k = j, lim = j + GAP_MAX;
            while (k < nt && k <= lim && !has_key(&t[k], want) && !hard_stop(text, &t[k]))
                k++;
            if (k >= nt || k > lim || !has_key(&t[k], want))
                return 0;
            j = k;
            *gapped = 1;
            continue;
        }
        if (j >= nt || !has_key(&t[j], p->w[w]))
            return 0;
        j++;
    }
    return j;
}

static int actor_in_range(const struct dyad_engine *e, uint32_t ref,
                          int32_t pubdays)
{
    const actor_entry *a = &e->actors[ref];
    if (!a->nranges)
        return 1;
    if (!pubdays)
        return 0;   /* undated document: the undated line applies */
    for (int r = 0; r < a->nranges; r++)
        if ((!a->ranges[r].from || pubdays >= a->ranges[r].from) &&
            (!a->ranges[r].to || pubdays < a->ranges[r].to))
            return 1;
    return 0;
}

/* Bloom bit of a key for the next-word filter (lexicon.c sets the same). */
static inline uint64_t key_bit(uint32_t key)
{
    return (uint64_t)1 << ((key * 0x9E3779B1u) >> 26);
}

size_t match_sentence(arena *a, const struct dyad_engine *e,
                      const lang_lex *lx, const char *text, const token *t,
                      size_t nt, int32_t pubdays, match **out)
{
    size_t cap = nt * 4 + 8, cnt = 0;
    match *v = arena_alloc_raw(a, cap * sizeof *v);
    *out = v;
    if (!v)
        return 0;
    size_t busy[4] = { 0, 0, 0, 0 };   /* per type: end of the last match */
    for (size_t i = 0; i < nt; i++) {
        size_t best_end[4] = { 0 }, dated_end = 0;
        uint32_t best_ref[4], dated_ref = 0;
        int best_gap[4];
        /* the next token's keys as Bloom bits: most multiword candidates
         * fail on their second word, which this tells without a look */
        uint64_t next = 0;
        if (i + 1 < nt)
            for (int k = 0; k < t[i + 1].nkeys; k++)
                next |= key_bit(t[i + 1].keys[k]);
        for (int k = 0; k < t[i].nkeys; k++) {
            uint32_t key = t[i].keys[k];
            if (key >= lx->nruns)
                continue;
            uint32_t first = lx->runs[key].first, count = lx->runs[key].count;
            const phrase *run = lx->sorted + first;
            const uint64_t *need = lx->second + first;
            for (uint32_t c = 0; c < count; c++) {
                if (need[c] & ~next)
                    continue;
                const phrase *p = &run[c];
                if (i < busy[p->type])
                    continue;
                int gapped = 0;
                size_t end = try_phrase(text, p, t, nt, i, &gapped);
                if (end && p->type == PH_ROLE && cnt < cap) {
                    /* a word may do several jobs ("von": source and agent) */
                    v[cnt++] = (match){ (uint32_t)i, (uint32_t)end, p->ref, PH_ROLE, 0 };
                    continue;
                }
                if (!end || end <= best_end[p->type])
                    continue;
                /* a gapped match is only as long as its first word for overlap */
                if (p->type == PH_ACTOR && !actor_in_range(e, p->ref, pubdays)) {
                    /* an undated document: a person with only dated lines
                     * still counts, by their first (main) role, unless an
                     * undated line matches as much */
                    if (!pubdays && end > dated_end) {
                        dated_end = end;
                        dated_ref = p->ref;
                    }
                    continue;
                }
                best_end[p->type] = end;
                best_ref[p->type] = p->ref;
                best_gap[p->type] = gapped;
            }
        }
        if (dated_end > best_end[PH_ACTOR]) {
            best_end[PH_ACTOR] = dated_end;
            best_ref[PH_ACTOR] = dated_ref;
            best_gap[PH_ACTOR] = 0;
        }
        for (int ty = PH_ACTOR; ty <= PH_EVENT; ty++) {
            if (!best_end[ty] || cnt >= cap)
                continue;
            v[cnt].start = (uint32_t)i;
            v[cnt].end = (uint32_t)best_end[ty];
            v[cnt].ref = best_ref[ty];
            v[cnt].type = (uint8_t)ty;
            v[cnt].gap = (uint8_t)best_gap[ty];
            cnt++;
            /* gapped triggers do not block what lies in their gap */
            busy[ty] = best_gap[ty] ? i + 1 : best_end[ty];
        }
    }
    if (cnt < cap)
        memset(&v[cnt], 0, sizeof *v);   /* a zero match after the last */
    return cnt;
}
