/* arena.c — bump allocator for document- and engine-lifetime memory: many
 * small allocations, freed together in one call. */
#include <stdlib.h>
#include <string.h>
#include "internal.h"

struct arena_chunk {
    arena_chunk *next;
    size_t used, cap;
    max_align_t data[];
};

#define ARENA_CHUNK (64 * 1024)

/* Not zeroed: for buffers written before they are read (text, tokens,
 * matches), where clearing cost more than the stage that fills them. */
void *arena_alloc_raw(arena *a, size_t n)
{
    n = (n + 15) & ~(size_t)15;
    if (n == 0)
        n = 16;
    arena_chunk *c = a->head;
    if (!c || c->cap - c->used < n) {
        size_t cap = n > ARENA_CHUNK ? n : ARENA_CHUNK;
        c = malloc(sizeof *c + cap);
        if (!c)
            return NULL;
        c->cap = cap;
        c->used = 0;
        /* a huge block goes behind the current chunk so its space stays usable */
        if (a->head && n > ARENA_CHUNK) {
            c->next = a->head->next;
            a->head->next = c;
        } else {
            c->next = a->head;
            a->head = c;
        }
        a->total += cap;
    }
    void *p = (char *)c->data + c->used;
    c->used += n;
    return p;
}

void *arena_alloc(arena *a, size_t n)
{
    void *p = arena_alloc_raw(a, n);
    if (p)
        memset(p, 0, n ? (n + 15) & ~(size_t)15 : 16);
    return p;
}

char *arena_strndup(arena *a, const char *s, size_t n)
{
    char *p = arena_alloc_raw(a, n + 1);
    if (p) {
        memcpy(p, s, n);
        p[n] = 0;
    }
    return p;
}

void arena_free(arena *a)
{
    arena_chunk *c = a->head;
    while (c) {
        arena_chunk *next = c->next;
        free(c);
        c = next;
    }
    a->head = NULL;
    a->total = 0;
}
