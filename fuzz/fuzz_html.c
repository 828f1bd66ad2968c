/* fuzz_html.c — libFuzzer harness for HTML extraction: arbitrary bytes
 * as a page, with a charset hint picked by the first byte. */
#include <stdlib.h>
#include <string.h>
#include "dyad.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);
int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    static const char *hints[] = {NULL, "utf-8", "iso-8859-1", "windows-1252",
                                  "x-unknown"};
    const char *hint = size ? hints[data[0] % 5] : NULL;
    dyad_page p;
    memset(&p, 0, sizeof p);
    if (dyad_html_extract((const char *)data, size, hint, &p) == DYAD_OK) {
        size_t t = 0;
        for (size_t k = 0; k < p.len; k++) t += (unsigned char)p.text[k];
        const char *s[] = {p.title, p.date, p.lang, p.url, p.publisher};
        for (size_t k = 0; k < 5; k++)
            if (s[k]) t += strlen(s[k]);
        (void)t;
    }
    dyad_page_free(&p);
    return 0;
}
