/* ingest_warc.c — WARC records (1.0, 1.1 and ClueWeb's 0.18) from an
 * ingest stream: header block, Content-Length bytes of payload, HTTP
 * headers split off response records. A record cut short by a truncated
 * file is still delivered, with a message saying what was lost. */
#include "dyad.h"
#include "ingest.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <zlib.h>

struct ingest_warc {
    ingest_stream *s;
    size_t max_bytes, nrec;
    char *body; size_t body_cap;
    char uri[4096], date[64], charset[64];
    int done;
    char pending[512];           /* loss message owed after a short record */
};

ingest_warc *ingest_warc_open(ingest_stream *s, size_t max_bytes)
{
    ingest_warc *w = calloc(1, sizeof *w);
    if (!w) return NULL;
    w->s = s;
    w->max_bytes = max_bytes;
    return w;
}

void ingest_warc_free(ingest_warc *w)
{
    if (!w) return;
    free(w->body);
    free(w);
}

size_t ingest_warc_nrecords(const ingest_warc *w) { return w ? w->nrec : 0; }

/* "Name: value" header match; returns the trimmed value or NULL. */
static const char *header(const char *line, size_t len, const char *name,
                          size_t *vlen)
{
    size_t n = strlen(name);
    if (len <= n || strncasecmp(line, name, n) != 0 || line[n] != ':') return NULL;
    const char *v = line + n + 1, *e = line + len;
    while (v < e && (*v == ' ' || *v == '\t')) v++;
    while (e > v && isspace((unsigned char)e[-1])) e--;
    *vlen = (size_t)(e - v);
    return v;
}

static void copy(char *dst, size_t cap, const char *v, size_t n)
{
    if (n >= cap) n = cap - 1;
    memcpy(dst, v, n);
    dst[n] = 0;
}

/* charset= parameter of a Content-Type value */
static void take_charset(char *dst, size_t cap, const char *v, size_t n)
{
    for (size_t i = 0; i + 8 <= n; i++) {
        if (strncasecmp(v + i, "charset=", 8) == 0) {
            size_t j = i + 8, k;
            if (j < n && (v[j] == '"' || v[j] == '\'')) j++;
            for (k = j; k < n && (isalnum((unsigned char)v[k]) || v[k] == '-' ||
                                  v[k] == '_' || v[k] == ':' || v[k] == '.'); k++) {}
            copy(dst, cap, v + j, k - j);
            return;
        }
    }
}

/* Splits HTTP headers off the payload of a response record; NULL when
 * the payload does not start with an HTTP status line. */
static const char *http_split(ingest_warc *w, const char *b, size_t n,
                              int *html, size_t *hlen)
{
    if (n < 5 || strncmp(b, "HTTP/", 5) != 0) return NULL;
    const char *p = b, *e = b + n;
    int ctype_seen = 0;
    while (p < e) {
        const char *nl = memchr(p, '\n', (size_t)(e - p));
        const char *le = nl ? nl : e;
        size_t ll = (size_t)(le - p);
        if (ll && p[ll - 1] == '\r') ll--;
        if (ll == 0) { *hlen = (size_t)((nl ? nl + 1 : e) - b); return b; }
        size_t vl;
        const char *v = header(p, ll, "Content-Type", &vl);
        if (v) {
            ctype_seen = 1;
            take_charset(w->charset, sizeof w->charset, v, vl);
            *html = (vl >= 9 && strncasecmp(v, "text/html", 9) == 0) ||
                    (vl >= 21 && strncasecmp(v, "application/xhtml+xml", 21) == 0);
        }
        if (!nl) break;
        p = nl + 1;
    }
    (void)ctype_seen;
    *hlen = n;                       /* headers without an end: no body */
    return b;
}

static int looks_html(const char *b, size_t n)
{
    size_t i = 0;
    while (i < n && i < 512 && isspace((unsigned char)b[i])) i++;
    if (n - i >= 3 && memcmp(b + i, "\xEF\xBB\xBF", 3) == 0) i += 3;
    return i < n && b[i] == '<';
}

/* A short record's loss message, owed once its part is delivered; the
 * rest of the file is lost with it. */
static dyad_status report_pending(ingest_warc *w, char *detail, size_t dl)
{
    ingest_detailf(detail, dl, "%s", w->pending);
    w->pending[0] = 0;
    w->done = 1;
    return DYAD_EINPUT;
}

dyad_status ingest_warc_next(ingest_warc *w, ingest_warc_record *rec, char *detail,
                      size_t dl)
{
    if (w->pending[0]) return report_pending(w, detail, dl);
    if (w->done) return DYAD_EOF;
    for (;;) {
        /* find the version line, skipping blank lines and any junk left by
         * a wrong Content-Length (a ClueWeb quirk) */
        size_t len; int toolong;
        const char *line;
        int skipped = 0;
        for (;;) {
            line = ingest_getline(w->s, 1 << 16, &len, &toolong);
            if (!line && !toolong) break;
            if (line && len >= 5 && memcmp(line, "WARC/", 5) == 0) break;
            if (line && len) skipped++;
        }
        if (!line) {
            w->done = 1;
            if (w->s->err[0]) {
                ingest_detailf(detail, dl, "data broken off after %zu records (%s); the rest is lost",
                        w->nrec, w->s->err);
                return DYAD_EINPUT;
            }
            if (w->nrec == 0 && skipped) {
                ingest_detailf(detail, dl, "not a WARC file");
                return DYAD_EINPUT;
            }
            return DYAD_EOF;
        }
        /* header block */
        char type[32] = "";
        long long clen = -1;
        w->uri[0] = w->date[0] = w->charset[0] = 0;
        for (;;) {
            line = ingest_getline(w->s, 1 << 16, &len, &toolong);
            if (!line) {
                if (toolong) continue;
                w->done = 1;
                ingest_detailf(detail, dl, "record %zu: headers broken off (%s); the rest is lost",
                        w->nrec + 1, w->s->err[0] ? w->s->err : "end of file");
                return DYAD_EINPUT;
            }
            if (len == 0) break;
            size_t vl;
            const char *v;
            if ((v = header(line, len, "WARC-Type", &vl))) copy(type, sizeof type, v, vl);
            else if ((v = header(line, len, "WARC-Target-URI", &vl))) {
                if (vl && *v == '<' && v[vl - 1] == '>') { v++; vl -= 2; }
                copy(w->uri, sizeof w->uri, v, vl);
            } else if ((v = header(line, len, "WARC-Date", &vl))) copy(w->date, sizeof w->date, v, vl);
            else if ((v = header(line, len, "Content-Length", &vl))) {
                clen = 0;
                for (size_t i = 0; i < vl && isdigit((unsigned char)v[i]) && clen < (1LL << 50); i++)
                    clen = clen * 10 + (v[i] - '0');
            }
        }
        w->nrec++;
        if (clen < 0) {
            ingest_detailf(detail, dl, "record %zu: no Content-Length; skipped", w->nrec);
            return DYAD_EINPUT;
        }
        int want = strcasecmp(type, "response") == 0 || strcasecmp(type, "resource") == 0;
        if (!want) {
            if (ingest_skip(w->s, (size_t)clen) < (size_t)clen && w->s->err[0]) {
                w->done = 1;
                ingest_detailf(detail, dl, "record %zu: broken off (%s); the rest is lost",
                        w->nrec, w->s->err);
                return DYAD_EINPUT;
            }
            continue;
        }
        if ((unsigned long long)clen > w->max_bytes) {
            ingest_skip(w->s, (size_t)clen);
            ingest_detailf(detail, dl, "record %zu (%.200s): %lld bytes, over the limit of %zu; skipped",
                    w->nrec, w->uri, clen, w->max_bytes);
            return DYAD_ETOOBIG;
        }
        if ((size_t)clen + 1 > w->body_cap) {
            char *nb = realloc(w->body, (size_t)clen + 1);
            if (!nb) return DYAD_ENOMEM;
            w->body = nb; w->body_cap = (size_t)clen + 1;
        }
        size_t got = ingest_read(w->s, w->body, (size_t)clen);
        w->body[got] = 0;
        if (got < (size_t)clen)
            snprintf(w->pending, sizeof w->pending,
                     "record %zu (%.200s): broken off after %zu of %lld bytes (%s); "
                     "kept the part read, the rest of the file is lost",
                     w->nrec, w->uri[0] ? w->uri : "?", got, clen,
                     w->s->err[0] ? w->s->err : "end of file");
        memset(rec, 0, sizeof *rec);
        int html = 0;
        size_t hl = 0;
        const char *body = w->body;
        size_t blen = got;
        if (strcasecmp(type, "response") == 0 && http_split(w, w->body, got, &html, &hl)) {
            body = w->body + hl;
            blen = got - hl;
            if (!html && w->charset[0] == 0) html = looks_html(body, blen);
        } else {
            html = looks_html(body, blen);
        }
        rec->uri = w->uri[0] ? w->uri : NULL;
        rec->date = w->date[0] ? w->date : NULL;
        rec->charset = w->charset[0] ? w->charset : NULL;
        rec->body = body;
        rec->len = blen;
        rec->html = html && blen > 0;
        if (rec->html) return DYAD_OK;
        if (w->pending[0])                   /* nothing to deliver: report */
            return report_pending(w, detail, dl);
    }
}
