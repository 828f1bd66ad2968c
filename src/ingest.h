/* ingest.h — private to the readers: the buffered stream ingest.c reads
 * files through, and the WARC record reader of ingest_warc.c on top of it.
 * Nothing here is public; dyad.h has the reader API. */
#ifndef DYAD_INGEST_H
#define DYAD_INGEST_H

#include "dyad.h"

#include <stddef.h>
#include <zlib.h>

/* A file (plain or gzip, zlib reads both) behind a growing buffer. */
typedef struct {
    gzFile gz;
    char *buf; size_t cap, start, end;
    int eof;                  /* no more bytes will come */
    char err[160];            /* zlib's message when the data broke off */
    size_t consumed;          /* bytes handed out so far */
} ingest_stream;

/* Up to n bytes ahead without consuming them; fewer at the end. */
size_t ingest_peek(ingest_stream *s, size_t n, const char **p);
/* One line without its newline (and CR), NUL-terminated in place. A line
 * longer than max is skipped to its end and reported with *toolong (and a
 * NULL return); NULL alone is the end of the data. */
const char *ingest_getline(ingest_stream *s, size_t max, size_t *len,
                           int *toolong);
size_t ingest_read(ingest_stream *s, char *dst, size_t n);
size_t ingest_skip(ingest_stream *s, size_t n);
/* printf into detail[0..n); both readers take an optional detail buffer,
 * so a NULL or empty one drops the message. */
void ingest_detailf(char *detail, size_t n, const char *fmt, ...);

/* ---- ingest_warc.c: WARC records from a stream ---- */
typedef struct ingest_warc ingest_warc;
typedef struct {
    const char *uri, *date;        /* WARC-Target-URI, WARC-Date */
    const char *charset;           /* from the HTTP Content-Type, or NULL */
    const char *body; size_t len;  /* HTTP payload, headers removed */
    int html;                      /* payload is HTML */
} ingest_warc_record;

ingest_warc *ingest_warc_open(ingest_stream *s, size_t max_bytes);
/* Next HTML record. OK: *rec valid until the next call; EOF: done; any
 * other status: detail says what was lost, and the next call goes on. */
dyad_status ingest_warc_next(ingest_warc *w, ingest_warc_record *rec,
                             char *detail, size_t detail_len);
size_t ingest_warc_nrecords(const ingest_warc *w);
void ingest_warc_free(ingest_warc *w);

#endif
