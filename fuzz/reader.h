/* reader.h — shared by the reader harnesses: writes the fuzz input to a
 * private temporary file and reads every document from it through the
 * public reader API with the format forced, as `dyad code` would. */
#ifndef FUZZ_READER_H
#define FUZZ_READER_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "dyad.h"

static int fuzz_read_all(const unsigned char *data, size_t size,
                         dyad_format fmt, const char *suffix)
{
    static char path[64];
    if (!path[0])
        snprintf(path, sizeof path, "/tmp/dyad-fuzz-%ld%s", (long)getpid(),
                 suffix);
    FILE *f = fopen(path, "wb");
    if (!f) return 0;
    if (size) fwrite(data, 1, size, f);
    fclose(f);
    const char *paths[1] = {path};
    dyad_reader_opts o;
    memset(&o, 0, sizeof o);
    o.format = fmt;
    o.max_bytes = 1 << 20;
    dyad_reader *r = NULL;
    if (dyad_reader_open(paths, 1, &o, &r) != DYAD_OK) return 0;
    dyad_input in;
    char detail[256];
    size_t total = 0;
    for (int i = 0; i < 10000; i++) {
        dyad_status rc = dyad_reader_next(r, &in, detail, sizeof detail);
        if (rc == DYAD_EOF) break;
        if (rc) continue;
        /* Touch every byte the reader hands out, so that ASan sees a
         * length that overruns its buffer. */
        for (size_t k = 0; k < in.len; k++) total += (unsigned char)in.text[k];
        const char *s[] = {in.id, in.lang, in.date, in.title, in.url,
                           in.publisher, in.file};
        for (size_t k = 0; k < sizeof s / sizeof s[0]; k++)
            if (s[k]) total += strlen(s[k]);
    }
    dyad_reader_free(r);
    return (int)(total & 1);
}

#endif
