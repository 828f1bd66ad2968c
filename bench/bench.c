/* bench.c — whole-pipeline throughput: loads the engine (timed), reads
 * every document of the given inputs into memory, then codes them all on
 * one core and reports sentences/s, MB/s, events and peak memory. Reading
 * is outside the timed loop so the figure is the coder's own. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include "dyad.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

typedef struct { char *id, *text, *lang, *date; size_t len; } doc;

static char *dup(const char *s) { return s ? strdup(s) : NULL; }

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench FILE... (JSON Lines or any dyad input)\n");
        return 2;
    }
    double t0 = now();
    dyad_engine *e;
    char err[512];
    if (dyad_engine_new(NULL, &e, err, sizeof err)) {
        fprintf(stderr, "bench: %s\n", err);
        return 2;
    }
    double load_ms = (now() - t0) * 1000;
    dyad_reader *r;
    dyad_reader_opts o = { 0 };
    if (dyad_reader_open((const char *const *)argv + 1, (size_t)argc - 1, &o, &r))
        return 2;
    size_t cap = 1024, n = 0, bytes = 0;
    doc *docs = malloc(cap * sizeof *docs);
    dyad_input in;
    dyad_status rc;
    while ((rc = dyad_reader_next(r, &in, err, sizeof err)) != DYAD_EOF) {
        if (rc)
            continue;
        if (n == cap)
            docs = realloc(docs, (cap *= 2) * sizeof *docs);
        docs[n].id = dup(in.id);
        docs[n].text = malloc(in.len + 1);
        memcpy(docs[n].text, in.text, in.len);
        docs[n].text[in.len] = 0;
        docs[n].len = in.len;
        docs[n].lang = dup(in.lang);
        docs[n].date = dup(in.date);
        bytes += in.len;
        n++;
    }
    dyad_reader_free(r);
    size_t sents = 0, events = 0;
    double t1 = now();
    for (size_t i = 0; i < n; i++) {
        dyad_input d = { .id = docs[i].id, .text = docs[i].text, .len = docs[i].len,
                         .lang = docs[i].lang, .date = docs[i].date };
        dyad_doc *out;
        if (dyad_doc_code(e, &d, &out))
            continue;
        sents += dyad_doc_nsentences(out);
        events += dyad_doc_nevents(out);
        dyad_doc_free(out);
    }
    double secs = now() - t1;
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("lexicon load      %8.1f ms (%zu actor and %zu event entries)\n", load_ms,
           dyad_engine_nactors(e), dyad_engine_nevents(e));
    printf("documents         %8zu\n", n);
    printf("text              %8.1f MB\n", bytes / 1e6);
    printf("sentences         %8zu\n", sents);
    printf("events            %8zu\n", events);
    printf("coding time       %8.2f s\n", secs);
    printf("throughput        %8.0f sentences/s  %6.1f MB/s\n", sents / secs, bytes / 1e6 / secs);
    printf("peak memory       %8.1f MB (max RSS)\n", ru.ru_maxrss / 1024.0);
    for (size_t i = 0; i < n; i++) {
        free(docs[i].id); free(docs[i].text); free(docs[i].lang); free(docs[i].date);
    }
    free(docs);
    dyad_engine_free(e);
    return 0;
}
