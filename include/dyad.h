/* dyad.h — the one public header of libdyad: news text in, coded events out.
 *
 * Ownership law: every pointer dyad returns belongs to the object it came
 * from (engine, document, reader) and lives until that object is freed;
 * callers never free what they did not allocate with a dyad_*_new/open call.
 *
 * Pipeline (src/, in order): ingest -> text -> sentence -> token -> match
 * -> extract -> attr_* -> output (json) or store_*.
 */
#ifndef DYAD_H
#define DYAD_H

#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define DYAD_VERSION "0.1.0"

typedef enum {
    DYAD_OK = 0,
    DYAD_ENOMEM,    /* out of memory */
    DYAD_EIO,       /* a file could not be read or written */
    DYAD_ELEXICON,  /* a lexicon file is malformed (detail: file:line) */
    DYAD_EINPUT,    /* one input document is unusable (detail says why) */
    DYAD_ETOOBIG,   /* an input exceeds the configured size limit */
    DYAD_EDB,       /* database error */
    DYAD_EUSAGE,    /* bad argument */
    DYAD_EOF        /* reader: no more documents */
} dyad_status;

const char *dyad_strerror(dyad_status s);

/* ---- engine: lexicons, read-only after load, shareable across threads ---- */
typedef struct dyad_engine dyad_engine;

/* Loads lexicons from dir (NULL: $DYAD_LEXICONS, else the installed or
 * in-tree lexicons/). On error *out is NULL and detail (if non-NULL, of
 * detail_len bytes) names the file and line. */
dyad_status dyad_engine_new(const char *dir, dyad_engine **out,
                            char *detail, size_t detail_len);
void dyad_engine_free(dyad_engine *e);
/* Counts of loaded entries, for diagnostics and benchmarks. */
size_t dyad_engine_nactors(const dyad_engine *e);
size_t dyad_engine_nevents(const dyad_engine *e);

/* ---- input document ---- */
typedef struct {
    const char *id;        /* document id (file name, JSONL id) */
    const char *text;      /* main text, UTF-8 (validated and repaired) */
    size_t len;
    const char *lang;      /* "de", "en", or NULL: detect */
    const char *date;      /* publication date YYYY-MM-DD, or NULL */
    const char *title;
    const char *url;
    const char *publisher;
    const char *file;      /* input path it came from, or NULL */
} dyad_input;

/* ---- coded events ---- */
typedef struct {
    const char *code;      /* CAMEO actor code, "" when unknown */
    const char *text;      /* the words as written (NULL: none); for a
                              claimant that is a description, not a name,
                              its English ("official North Korean
                              statements") */
    const char *written;   /* then the words as written, else NULL */
} dyad_actor;

typedef struct {
    int present;
    double value;
    const char *unit;      /* normalised English unit: "soldiers", "percent" */
    const char *text;      /* as written */
    const char *qualifier; /* "up to", "about", "at least", "nearly", or NULL */
} dyad_quantity;

typedef struct {
    int present;
    const char *name;      /* as the gazetteer names it (text form) */
    const char *country;   /* ISO alpha-3 or CAMEO country code */
    double lat, lon;
    int has_coords;
} dyad_location;

typedef struct {
    size_t sentence_index;
    size_t sent_start, sent_len;  /* byte span of the sentence in the text */
    dyad_actor source, target;
    char cameo[5];
    int quad;
    double goldstein;
    const char *plover;           /* PLOVER category, or NULL */
    const char *cameo_name;
    char date[11];                /* "YYYY", "YYYY-MM", "YYYY-MM-DD" or "" */
    dyad_location location;
    dyad_quantity quantity;
    dyad_actor claimant;          /* text NULL when none */
    const char *verification;     /* "unverified", "corroborated" or NULL */
    int hedged;
    const char *trigger;          /* the words that triggered the event */
} dyad_event;

typedef struct dyad_doc dyad_doc;

/* Codes one document. Input text never fails: odd text gives fewer events.
 * Errors are only ENOMEM / EUSAGE. */
dyad_status dyad_doc_code(const dyad_engine *e, const dyad_input *in,
                          dyad_doc **out);
void dyad_doc_free(dyad_doc *d);

const char *dyad_doc_id(const dyad_doc *d);
/* "de" or "en"; "und" when the text is plainly in another language (it is
 * then not coded: give dyad_input.lang to code it anyway). */
const char *dyad_doc_lang(const dyad_doc *d);
const char *dyad_doc_text(const dyad_doc *d);   /* normalised main text */
size_t dyad_doc_nsentences(const dyad_doc *d);
size_t dyad_doc_nevents(const dyad_doc *d);
const dyad_event *dyad_doc_event(const dyad_doc *d, size_t i);
/* Number of invalid UTF-8 sequences replaced in the input. */
size_t dyad_doc_nbad_bytes(const dyad_doc *d);

/* Writes each event as one JSON line (spec/events.md). */
dyad_status dyad_doc_write_jsonl(const dyad_doc *d, FILE *f);

/* ---- readers: files, folders, stdin; text, JSONL, HTML, WARC, gzip ---- */
typedef struct dyad_reader dyad_reader;

typedef enum {
    DYAD_FMT_AUTO = 0, DYAD_FMT_TEXT, DYAD_FMT_JSONL, DYAD_FMT_HTML,
    DYAD_FMT_WARC
} dyad_format;

typedef struct {
    dyad_format format;    /* AUTO: detect from name and content */
    const char *lang;      /* default language for text inputs, or NULL */
    const char *date;      /* default publication date, or NULL */
    const char *id;        /* id for a single plain-text input, or NULL */
    size_t max_bytes;      /* per-document size limit (0: 100 MB) */
} dyad_reader_opts;

/* Opens a list of paths ("-" or none: stdin). Folders are walked
 * recursively in name order. */
dyad_status dyad_reader_open(const char *const *paths, size_t npaths,
                             const dyad_reader_opts *opts, dyad_reader **out);
/* Next document. DYAD_OK: *in is valid until the next call. DYAD_EOF: done.
 * Any other status: this document or record was unusable; detail says
 * which and why, and the next call goes on with the rest. */
dyad_status dyad_reader_next(dyad_reader *r, dyad_input *in,
                             char *detail, size_t detail_len);
void dyad_reader_free(dyad_reader *r);

/* Main text of an HTML page with its metadata. The returned strings live in
 * *out until dyad_page_free. */
typedef struct {
    char *text; size_t len;
    char *title, *date, *lang, *url, *publisher;
} dyad_page;
dyad_status dyad_html_extract(const char *html, size_t len,
                              const char *charset_hint, dyad_page *out);
void dyad_page_free(dyad_page *p);

/* Drops scrape residue from plain text (skip links, video notices,
 * durations, photo credits glued to captions). Writes into out (capacity
 * >= len + 1) and returns the new length. */
size_t dyad_text_clean(const char *text, size_t len, char *out);

#ifdef __cplusplus
}
#endif
#endif
