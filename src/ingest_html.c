/* ingest_html.c — main text and metadata of an HTML page (stub). */
#include "dyad.h"

#include <stdlib.h>
#include <string.h>

dyad_status dyad_html_extract(const char *html, size_t len,
                              const char *charset_hint, dyad_page *out)
{
    (void)charset_hint;
    memset(out, 0, sizeof *out);
    out->text = malloc(len + 1);
    if (!out->text) return DYAD_ENOMEM;
    memcpy(out->text, html, len);
    out->text[len] = 0;
    out->len = len;
    return DYAD_OK;
}

void dyad_page_free(dyad_page *p)
{
    if (!p) return;
    free(p->text); free(p->title); free(p->date); free(p->lang);
    free(p->url); free(p->publisher);
    memset(p, 0, sizeof *p);
}
