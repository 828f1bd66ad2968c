/* intern.c — interned byte strings: each distinct string gets a dense id
 * (1-based) so that tokens and lexicon words compare as integers. */
#include <stdlib.h>
#include <string.h>
#include "internal.h"

uint64_t intern_hash(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ull;          /* FNV-1a */
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ull;
    }
    return h;
}

static int grow(intern *t)
{
    size_t cap = t->cap ? t->cap * 2 : 1024;
    uint32_t *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return -1;
    for (size_t i = 0; i < t->cap; i++) {
        uint32_t id = t->slots[i];
        if (!id)
            continue;
        size_t j = intern_hash(t->strs[id], t->lens[id]) & (cap - 1);
        while (slots[j])
            j = (j + 1) & (cap - 1);
        slots[j] = id;
    }
    free(t->slots);
    t->slots = slots;
    t->cap = cap;
    return 0;
}

uint32_t intern_get(const intern *t, const char *s, size_t n)
{
    if (!t->cap)
        return 0;
    size_t j = intern_hash(s, n) & (t->cap - 1);
    for (uint32_t id; (id = t->slots[j]); j = (j + 1) & (t->cap - 1))
        if (t->lens[id] == n && memcmp(t->strs[id], s, n) == 0)
            return id;
    return 0;
}

uint32_t intern_put(intern *t, const char *s, size_t n)
{
    uint32_t id = intern_get(t, s, n);
    if (id)
        return id;
    if ((t->n + 1) * 2 >= t->cap && grow(t))
        return 0;
    if (t->n + 2 > t->strcap) {
        size_t cap = t->strcap ? t->strcap * 2 : 1024;
        char **strs = realloc(t->strs, cap * sizeof *strs);
        if (!strs)
            return 0;
        t->strs = strs;
        uint32_t *lens = realloc(t->lens, cap * sizeof *lens);
        if (!lens)
            return 0;
        t->lens = lens;
        t->strcap = cap;
    }
    char *copy = malloc(n + 1);
    if (!copy)
        return 0;
    memcpy(copy, s, n);
    copy[n] = 0;
    id = (uint32_t)++t->n;
    t->strs[id] = copy;
    t->lens[id] = (uint32_t)n;
    size_t j = intern_hash(s, n) & (t->cap - 1);
    while (t->slots[j])
        j = (j + 1) & (t->cap - 1);
    t->slots[j] = id;
    return id;
}

const char *intern_str(const intern *t, uint32_t id)
{
    return id && id <= t->n ? t->strs[id] : "";
}

void intern_free(intern *t)
{
    for (size_t i = 1; i <= t->n; i++)
        free(t->strs[i]);
    free(t->strs);
    free(t->lens);
    free(t->slots);
    memset(t, 0, sizeof *t);
}
