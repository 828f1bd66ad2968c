/* test_threads.c — one engine shared by several threads: each thread codes
 * the same documents and must get exactly what a single thread gets, and
 * the per-thread caches are released when the threads end (run under
 * `make asan` for the leak check). */
#include <stdio.h>
#include <string.h>
#include <threads.h>
#include "dyad.h"
#include "check.h"

static dyad_engine *engine;
static const char *const texts[] = {
    "Russland griff die Ukraine an. Nordkorea lieferte Russland Granaten.",
    "Russia attacked Ukraine. North Korea supplied Russia with shells.",
};
static const char *const langs[] = { "de", "en" };

/* A fingerprint of what a document codes into: its events' codes. */
static void code_all(char *out, size_t cap)
{
    out[0] = 0;
    for (size_t i = 0; i < 2; i++) {
        dyad_input in = { .id = "t", .text = texts[i], .len = strlen(texts[i]),
                          .lang = langs[i], .date = "2025-01-01" };
        dyad_doc *d;
        if (dyad_doc_code(engine, &in, &d))
            return;
        for (size_t k = 0; k < dyad_doc_nevents(d); k++) {
            const dyad_event *e = dyad_doc_event(d, k);
            size_t l = strlen(out);
            snprintf(out + l, cap - l, "%s>%s:%s;", e->source.code, e->target.code, e->cameo);
        }
        dyad_doc_free(d);
    }
}

static char expected[512];

static int worker(void *arg)
{
    (void)arg;
    for (int round = 0; round < 20; round++) {
        char got[512];
        code_all(got, sizeof got);
        if (strcmp(got, expected))
            return 1;
    }
    return 0;
}

int main(void)
{
    char err[512];
    if (dyad_engine_new(NULL, &engine, err, sizeof err)) {
        fprintf(stderr, "engine: %s\n", err);
        CHECK(0);
        return check_done();
    }
    code_all(expected, sizeof expected);
    CHECK(strstr(expected, "RUS>UKR:19") != NULL);
    CHECK(strstr(expected, "PRK>RUS:07") != NULL);
    for (int wave = 0; wave < 3; wave++) {
        thrd_t th[4];
        int started = 0;
        for (int i = 0; i < 4; i++)
            started += thrd_create(&th[i], worker, NULL) == thrd_success;
        CHECK(started == 4);
        for (int i = 0; i < started; i++) {
            int rc = 1;
            thrd_join(th[i], &rc);
            CHECK(rc == 0);
        }
    }
    dyad_engine_free(engine);
    return check_done();
}
