/* fuzz_code.c — libFuzzer harness for the coder: arbitrary bytes as a
 * document (language by the first byte: detect, de, en) coded with the
 * real lexicons ($DYAD_LEXICONS, else lexicons/), every event read back. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dyad.h"

static dyad_engine *engine;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    char detail[512];
    if (dyad_engine_new(NULL, &engine, detail, sizeof detail) != DYAD_OK) {
        fprintf(stderr, "fuzz_code: lexicons: %s\n", detail);
        exit(1);
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);
int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    static const char *langs[] = {NULL, "de", "en"};
    dyad_input in;
    memset(&in, 0, sizeof in);
    in.id = "fuzz";
    in.lang = size ? langs[data[0] % 3] : NULL;
    in.date = "2024-06-19";
    in.text = size ? (const char *)data + 1 : "";
    in.len = size ? size - 1 : 0;
    dyad_doc *d = NULL;
    if (dyad_doc_code(engine, &in, &d) != DYAD_OK) return 0;
    size_t t = 0;
    const char *text = dyad_doc_text(d);
    size_t tl = text ? strlen(text) : 0;
    for (size_t i = 0; i < dyad_doc_nevents(d); i++) {
        const dyad_event *e = dyad_doc_event(d, i);
        /* A sentence span must lie inside the text it points into. */
        if (e->sent_start > tl || e->sent_len > tl - e->sent_start) abort();
        const char *s[] = {e->source.code, e->source.text, e->target.code,
                           e->target.text, e->plover, e->cameo_name,
                           e->trigger, e->claimant.text, e->verification,
                           e->location.name, e->quantity.text};
        for (size_t k = 0; k < sizeof s / sizeof s[0]; k++)
            if (s[k]) t += strlen(s[k]);
    }
    FILE *null = fopen("/dev/null", "w");
    if (null) {
        dyad_doc_write_jsonl(d, null);
        fclose(null);
    }
    dyad_doc_free(d);
    (void)t;
    return 0;
}
