/* ingest.c — readers: turns paths, folders and stdin into dyad_input
 * documents. Every file goes through zlib (gzread reads plain files as is),
 * so any input may be gzip-compressed; the format (text, JSON Lines, HTML,
 * WARC) is detected from the name and the first bytes. */
#include "dyad.h"
#include "ingest.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#define DEFAULT_MAX ((size_t)100 * 1024 * 1024)
#define PEEK 4096

struct dyad_reader {
    char **paths; size_t npaths, cap, next;  /* files, folders expanded */
    dyad_reader_opts opts;
    /* the open file */
    ingest_stream in; int open;
    char *path; const char *base;
    dyad_format fmt;
    size_t lineno, ndocs;
    ingest_warc *warc;
    /* per-document storage, valid until the next call */
    char *buf; size_t buf_cap;       /* raw bytes of a whole-file document */
    char *text; size_t text_cap;     /* cleaned text */
    char id[1024], date[16];
    json_t *json;
    json_t *jdoc; int whole_json;    /* a .json file read as one document */
    size_t jnext;                    /* next element of jdoc */
    dyad_page page; int have_page;
    char pending[512]; dyad_status pending_st;  /* message owed after a doc */
};

void ingest_detailf(char *d, size_t n, const char *fmt, ...)
{
    if (!d || !n) return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(d, n, fmt, ap);
    va_end(ap);
}

/* ---- the stream ---- */

/* Makes n bytes available after start (fewer at the end of the data). */
static size_t fill(ingest_stream *s, size_t n)
{
    while (s->end - s->start < n && !s->eof) {
        if (s->start > 0 && (s->start >= s->cap / 2 || s->end == s->cap)) {
            memmove(s->buf, s->buf + s->start, s->end - s->start);
            s->end -= s->start; s->start = 0;
        }
        size_t want = n - (s->end - s->start);
        if (want < 65536) want = 65536;
        if (s->end + want > s->cap) {
            size_t nc = s->cap ? s->cap : 65536;
            while (nc < s->end + want) nc *= 2;
            char *nb = realloc(s->buf, nc);
            if (!nb) { s->eof = 1; snprintf(s->err, sizeof s->err, "out of memory"); break; }
            s->buf = nb; s->cap = nc;
        }
        size_t room = s->cap - s->end;
        if (room > (1u << 30)) room = 1u << 30;
        int got = gzread(s->gz, s->buf + s->end, (unsigned)room);
        if (got > 0) { s->end += (size_t)got; continue; }
        s->eof = 1;
        /* a truncated gzip member ends with 0 and Z_BUF_ERROR, not -1 */
        int zerr = Z_OK;
        const char *m = gzerror(s->gz, &zerr);
        if (got < 0 || zerr != Z_OK)
        {
            /* zlib prefixes the path; the caller names the file itself */
            const char *t = m ? strstr(m, ": ") : NULL;
            snprintf(s->err, sizeof s->err, "%s", t ? t + 2 : m && *m ? m : "read error");
        }
    }
    return s->end - s->start;
}

size_t ingest_peek(ingest_stream *s, size_t n, const char **p)
{
    size_t got = fill(s, n);
    *p = s->buf ? s->buf + s->start : "";
    return got;
}

/* One line without its newline (and CR), NUL-terminated in place. A line
 * longer than max is skipped to its end and reported with *toolong (and a
 * NULL return); NULL alone is the end of the data. */
const char *ingest_getline(ingest_stream *s, size_t max, size_t *len,
                           int *toolong)
{
    *toolong = 0;
    size_t scanned = 0;
    for (;;) {
        size_t have = s->end - s->start;
        char *b = s->buf ? s->buf + s->start : NULL;
        char *nl = have > scanned ? memchr(b + scanned, '\n', have - scanned) : NULL;
        size_t l;
        if (nl) {
            l = (size_t)(nl - b);
            s->start += l + 1; s->consumed += l + 1;
        } else if (s->eof) {
            if (have == 0) return NULL;
            if (s->end == s->cap) {            /* room for the NUL */
                char *nb = realloc(s->buf, s->cap + 1);
                if (!nb) return NULL;
                s->buf = nb; s->cap++;
                b = s->buf + s->start;
            }
            l = have;
            s->start = s->end; s->consumed += have;
        } else {
            if (have > max) {                  /* drop it, look for its end */
                *toolong = 1;
                s->consumed += have;
                s->start = s->end;
                have = 0;
            }
            scanned = have;
            fill(s, have + 65536);
            continue;
        }
        if (*toolong) return NULL;
        if (l > max) { *toolong = 1; return NULL; }
        if (l && b[l - 1] == '\r') l--;
        b[l] = 0;
        *len = l;
        return b;
    }
}

size_t ingest_read(ingest_stream *s, char *dst, size_t n)
{
    size_t got = fill(s, n);
    if (got > n) got = n;
    memcpy(dst, s->buf + s->start, got);
    s->start += got; s->consumed += got;
    return got;
}

size_t ingest_skip(ingest_stream *s, size_t n)
{
    size_t done = 0;
    while (done < n) {
        size_t want = n - done < (1u << 20) ? n - done : (1u << 20);
        size_t got = fill(s, want);
        if (got > want) got = want;
        if (!got) break;
        s->start += got; s->consumed += got; done += got;
    }
    return done;
}

/* ---- paths ---- */

static int add_path(dyad_reader *r, const char *p)
{
    if (r->npaths == r->cap) {
        size_t nc = r->cap ? r->cap * 2 : 16;
        char **np = realloc(r->paths, nc * sizeof *np);
        if (!np) return -1;
        r->paths = np; r->cap = nc;
    }
    if (!(r->paths[r->npaths] = strdup(p))) return -1;
    r->npaths++;
    return 0;
}

static int name_cmp(const struct dirent **a, const struct dirent **b)
{
    return strcmp((*a)->d_name, (*b)->d_name);
}

/* Folders are walked recursively in byte order of names; dot files skipped. */
static int walk(dyad_reader *r, const char *p, int depth)
{
    struct stat st;
    if (depth > 64 || stat(p, &st) != 0 || !S_ISDIR(st.st_mode))
        return add_path(r, p);
    struct dirent **ents;
    int n = scandir(p, &ents, NULL, name_cmp);
    if (n < 0) return add_path(r, p);   /* reported when opened */
    int rc = 0;
    size_t pl = strlen(p);
    for (int i = 0; i < n; i++) {
        const char *nm = ents[i]->d_name;
        if (rc == 0 && nm[0] != '.') {
            size_t l = pl + strlen(nm) + 2;
            char *c = malloc(l);
            if (!c) rc = -1;
            else {
                snprintf(c, l, "%s%s%s", p, pl && p[pl - 1] == '/' ? "" : "/", nm);
                rc = walk(r, c, depth + 1);
                free(c);
            }
        }
        free(ents[i]);
    }
    free(ents);
    return rc;
}

dyad_status dyad_reader_open(const char *const *paths, size_t npaths,
                             const dyad_reader_opts *opts, dyad_reader **out)
{
    if (!out) return DYAD_EUSAGE;
    *out = NULL;
    dyad_reader *r = calloc(1, sizeof *r);
    if (!r) return DYAD_ENOMEM;
    if (opts) r->opts = *opts;
    if (!r->opts.max_bytes) r->opts.max_bytes = DEFAULT_MAX;
    int rc = 0;
    if (npaths == 0) rc = add_path(r, "-");
    for (size_t i = 0; i < npaths && rc == 0; i++)
        if (paths[i]) rc = strcmp(paths[i], "-") ? walk(r, paths[i], 0) : add_path(r, "-");
    if (rc) { dyad_reader_free(r); return DYAD_ENOMEM; }
    *out = r;
    return DYAD_OK;
}

static void close_file(dyad_reader *r)
{
    if (r->warc) { ingest_warc_free(r->warc); r->warc = NULL; }
    if (r->in.gz) { gzclose(r->in.gz); r->in.gz = NULL; }
    if (r->jdoc) { json_decref(r->jdoc); r->jdoc = NULL; }
    r->whole_json = 0; r->jnext = 0;
    r->in.start = r->in.end = 0; r->in.eof = 0; r->in.err[0] = 0;
    r->in.consumed = 0;
    r->open = 0;
    free(r->path); r->path = NULL;
}

static void release_doc(dyad_reader *r)
{
    if (r->json) { json_decref(r->json); r->json = NULL; }
    if (r->have_page) { dyad_page_free(&r->page); r->have_page = 0; }
}

void dyad_reader_free(dyad_reader *r)
{
    if (!r) return;
    release_doc(r);
    close_file(r);
    for (size_t i = 0; i < r->npaths; i++) free(r->paths[i]);
    free(r->paths);
    free(r->in.buf);
    free(r->buf);
    free(r->text);
    free(r);
}

static int grow(char **b, size_t *cap, size_t need)
{
    if (need <= *cap) return 0;
    size_t nc = *cap ? *cap : 65536;
    while (nc < need) nc *= 2;
    char *nb = realloc(*b, nc);
    if (!nb) return -1;
    *b = nb; *cap = nc;
    return 0;
}

static int ends_with(const char *s, const char *suf)
{
    size_t a = strlen(s), b = strlen(suf);
    return a >= b && strcasecmp(s + a - b, suf) == 0;
}

static int has_ci(const char *h, size_t n, const char *needle)
{
    size_t l = strlen(needle);
    for (size_t j = 0; j + l <= n; j++)
        if (strncasecmp(h + j, needle, l) == 0) return 1;
    return 0;
}

/* Format from the content first (WARC, markup, JSON), then the name; a
 * .gz suffix is looked through. */
static dyad_format detect(const char *name, const char *head, size_t n)
{
    char nm[512];
    snprintf(nm, sizeof nm, "%s", name);
    size_t l = strlen(nm);
    if (l > 3 && strcasecmp(nm + l - 3, ".gz") == 0) nm[l - 3] = 0;
    size_t i = 0;
    if (n >= 3 && memcmp(head, "\xEF\xBB\xBF", 3) == 0) i = 3;
    if (n - i >= 5 && memcmp(head + i, "WARC/", 5) == 0) return DYAD_FMT_WARC;
    if (ends_with(nm, ".warc")) return DYAD_FMT_WARC;
    if (ends_with(nm, ".jsonl") || ends_with(nm, ".ndjson") || ends_with(nm, ".json"))
        return DYAD_FMT_JSONL;
    if (ends_with(nm, ".html") || ends_with(nm, ".htm") || ends_with(nm, ".xhtml"))
        return DYAD_FMT_HTML;
    while (i < n && isspace((unsigned char)head[i])) i++;
    if (!ends_with(nm, ".txt") && i < n && head[i] == '{') return DYAD_FMT_JSONL;
    if (!ends_with(nm, ".txt") && i < n && head[i] == '[') {   /* [ {...}, ... ] */
        size_t j = i + 1;
        while (j < n && isspace((unsigned char)head[j])) j++;
        if (j < n && (head[j] == '{' || head[j] == ']')) return DYAD_FMT_JSONL;
    }
    size_t win = n - i < 2048 ? n - i : 2048;
    if (i < n && head[i] == '<' && (has_ci(head + i, win, "<html") ||
        has_ci(head + i, win, "<!doctype html") || has_ci(head + i, win, "<head") ||
        has_ci(head + i, win, "<body") || has_ci(head + i, win, "<meta") ||
        has_ci(head + i, win, "<title") || has_ci(head + i, win, "<p>") ||
        has_ci(head + i, win, "<div")))
        return DYAD_FMT_HTML;
    return DYAD_FMT_TEXT;
}

/* Whether JSON content is one document (an object over several lines,
 * an array of objects) rather than JSON Lines: the first line of JSON
 * Lines is a whole object. */
static int whole_json(const char *name, const char *head, size_t n)
{
    size_t i = 0;
    if (n >= 3 && memcmp(head, "\xEF\xBB\xBF", 3) == 0) i = 3;
    while (i < n && isspace((unsigned char)head[i])) i++;
    if (i < n && head[i] == '[') return 1;
    if (i < n && head[i] == '{') {
        const char *nl = memchr(head + i, '\n', n - i);
        if (!nl) return 0;              /* one long line: JSON Lines */
        json_error_t err;
        json_t *o = json_loadb(head + i, (size_t)(nl - head - i), JSON_ALLOW_NUL, &err);
        int obj = json_is_object(o);
        json_decref(o);
        return !obj;
    }
    return ends_with(name, ".json") || ends_with(name, ".json.gz");
}

/* Opens the next path; OK, EOF, or an error for that path. */
static dyad_status open_next(dyad_reader *r, char *detail, size_t dl)
{
    close_file(r);
    if (r->next >= r->npaths) return DYAD_EOF;
    const char *p = r->paths[r->next++];
    int is_stdin = strcmp(p, "-") == 0;
    if (!(r->path = strdup(p))) return DYAD_ENOMEM;
    struct stat st;
    if (!is_stdin && stat(p, &st) == 0 && S_ISDIR(st.st_mode)) {
        ingest_detailf(detail, dl, "%s: folder too deep or unreadable", p);
        return DYAD_EIO;
    }
    errno = 0;
    if (is_stdin) {
        int fd = dup(0);
        r->in.gz = fd >= 0 ? gzdopen(fd, "rb") : NULL;
        if (!r->in.gz && fd >= 0) close(fd);
    } else {
        r->in.gz = gzopen(p, "rb");
    }
    if (!r->in.gz) {
        ingest_detailf(detail, dl, "%s: cannot open: %s", p, strerror(errno ? errno : EIO));
        return DYAD_EIO;
    }
    gzbuffer(r->in.gz, 128 * 1024);
    r->open = 1;
    const char *s = strrchr(r->path, '/');
    r->base = is_stdin ? "stdin" : s ? s + 1 : r->path;
    r->lineno = 0; r->ndocs = 0;
    r->fmt = r->opts.format;
    if (r->fmt == DYAD_FMT_AUTO) {
        const char *h;
        size_t n = ingest_peek(&r->in, PEEK, &h);
        r->fmt = detect(r->path, h, n);
    }
    if (r->fmt == DYAD_FMT_JSONL) {
        const char *h;
        size_t n = ingest_peek(&r->in, PEEK, &h);
        r->whole_json = whole_json(r->path, h, n);
    }
    if (r->fmt == DYAD_FMT_WARC &&
        !(r->warc = ingest_warc_open(&r->in, r->opts.max_bytes)))
        return DYAD_ENOMEM;
    return DYAD_OK;
}

/* ---- documents ---- */

static void set_id(dyad_reader *r, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(r->id, sizeof r->id, fmt, ap);
    va_end(ap);
}

/* Keeps YYYY-MM-DD (or YYYY-MM, YYYY) from an ISO-like date. */
static const char *norm_date(dyad_reader *r, const char *d)
{
    if (!d) return NULL;
    size_t n = 0;
    while (n < 10 && d[n] && (isdigit((unsigned char)d[n]) || d[n] == '-')) n++;
    if (n < 4 || !isdigit((unsigned char)d[0]) || isdigit((unsigned char)d[n])) return NULL;
    if (n > 4 && n < 7) n = 4;
    else if (n > 7 && n < 10) n = 7;
    memcpy(r->date, d, n);
    r->date[n] = 0;
    return r->date;
}

static int is_binary(const char *b, size_t n)
{
    return memchr(b, 0, n) != NULL;
}

/* Runs the scrape-residue cleaner into the reader's text buffer. */
static int clean_into(dyad_reader *r, const char *t, size_t n, size_t *out)
{
    if (grow(&r->text, &r->text_cap, n + 1)) return -1;
    *out = dyad_text_clean(t, n, r->text);
    return 0;
}

static void fill_defaults(dyad_reader *r, dyad_input *in)
{
    if (!in->lang) in->lang = r->opts.lang;
    if (!in->date) in->date = r->opts.date;
    in->file = r->path && strcmp(r->path, "-") ? r->path : NULL;
}

/* Reads the rest of the file into buf; ETOOBIG over the limit. */
static dyad_status slurp(dyad_reader *r, size_t *n, char *detail, size_t dl)
{
    size_t len = 0;
    for (;;) {
        if (grow(&r->buf, &r->buf_cap, len + 65536 + 1)) return DYAD_ENOMEM;
        size_t room = r->buf_cap - 1 - len;
        size_t got = ingest_read(&r->in, r->buf + len, room);
        len += got;
        if (len > r->opts.max_bytes) {     /* the rest is never read */
            ingest_detailf(detail, dl, "%s: larger than the limit of %zu bytes; skipped",
                    r->path, r->opts.max_bytes);
            return DYAD_ETOOBIG;
        }
        if (got < room) break;
    }
    r->buf[len] = 0;
    *n = len;
    return DYAD_OK;
}

static dyad_status next_whole(dyad_reader *r, dyad_input *in, char *detail,
                              size_t dl)
{
    size_t n;
    dyad_status st = slurp(r, &n, detail, dl);
    r->open = 0;                          /* one document per file */
    if (st) return st;
    if (r->in.err[0]) {
        if (n == 0) {
            ingest_detailf(detail, dl, "%s: unreadable: %s", r->path, r->in.err);
            return DYAD_EINPUT;
        }
        snprintf(r->pending, sizeof r->pending,
                 "%s: data broken off after %zu bytes (%s); the rest is lost",
                 r->path, n, r->in.err);
        r->pending_st = DYAD_EINPUT;
    }
    if (r->fmt == DYAD_FMT_TEXT && is_binary(r->buf, n)) {
        r->pending[0] = 0;
        ingest_detailf(detail, dl, "%s: binary file (NUL bytes); skipped", r->path);
        return DYAD_EINPUT;
    }
    memset(in, 0, sizeof *in);
    if (r->fmt == DYAD_FMT_HTML) {
        dyad_status hs = dyad_html_extract(r->buf, n, NULL, &r->page);
        if (hs) {
            ingest_detailf(detail, dl, "%s: %s", r->path, hs == DYAD_ENOMEM ?
                    "out of memory" : "not a usable HTML page");
            return hs;
        }
        r->have_page = 1;
        in->text = r->page.text; in->len = r->page.len;
        in->title = r->page.title; in->lang = r->page.lang;
        in->date = r->page.date; in->url = r->page.url;
        in->publisher = r->page.publisher;
    } else {
        size_t cl;
        if (clean_into(r, r->buf, n, &cl)) return DYAD_ENOMEM;
        in->text = r->text; in->len = cl;
    }
    if (r->opts.id && r->npaths == 1) set_id(r, "%s", r->opts.id);
    else set_id(r, "%s", r->base);
    in->id = r->id;
    fill_defaults(r, in);
    return DYAD_OK;
}

static const char *jstr(json_t *o, const char *k)
{
    json_t *v = json_object_get(o, k);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

/* Fills in from one JSON document; where (":3", "#2" or "") tells the
 * record apart in messages and default ids. */
static dyad_status json_input(dyad_reader *r, json_t *o, dyad_input *in,
                              const char *where, char *detail, size_t dl)
{
    json_t *tv = json_object_get(o, "text");
    if (!json_is_string(tv)) {
        ingest_detailf(detail, dl, "%s%s: no \"text\" string", r->path, where);
        return DYAD_EINPUT;
    }
    const char *t = json_string_value(tv);
    size_t tl = json_string_length(tv), cl;
    if (clean_into(r, t, tl, &cl)) return DYAD_ENOMEM;
    memset(in, 0, sizeof *in);
    in->text = r->text; in->len = cl;
    json_t *idv = json_object_get(o, "id");
    if (json_is_string(idv)) set_id(r, "%s", json_string_value(idv));
    else if (json_is_integer(idv)) set_id(r, "%" JSON_INTEGER_FORMAT, json_integer_value(idv));
    else set_id(r, "%s%s", r->base, where);
    in->id = r->id;
    in->lang = jstr(o, "lang");
    in->date = norm_date(r, jstr(o, "date"));
    in->title = jstr(o, "title");
    in->url = jstr(o, "url");
    in->publisher = jstr(o, "publisher");
    fill_defaults(r, in);
    return DYAD_OK;
}

static dyad_status next_json_whole(dyad_reader *r, dyad_input *in, char *detail,
                                   size_t dl);

static dyad_status next_jsonl(dyad_reader *r, dyad_input *in, char *detail,
                              size_t dl)
{
    if (r->whole_json) return next_json_whole(r, in, detail, dl);
    for (;;) {
        size_t len; int toolong;
        const char *line = ingest_getline(&r->in, r->opts.max_bytes, &len, &toolong);
        r->lineno++;
        if (toolong) {
            ingest_detailf(detail, dl, "%s:%zu: line larger than the limit of %zu bytes; skipped",
                    r->path, r->lineno, r->opts.max_bytes);
            return DYAD_ETOOBIG;
        }
        if (!line) {
            r->open = 0;
            if (r->in.err[0]) {
                ingest_detailf(detail, dl, "%s: data broken off after line %zu (%s); the rest is lost",
                        r->path, r->lineno - 1, r->in.err);
                return DYAD_EINPUT;
            }
            return DYAD_EOF;
        }
        size_t k = 0;
        while (k < len && isspace((unsigned char)line[k])) k++;
        if (k == len) continue;
        if (memchr(line, 0, len)) {
            ingest_detailf(detail, dl, "%s:%zu: binary data (NUL bytes); skipped", r->path, r->lineno);
            return DYAD_EINPUT;
        }
        json_error_t err;
        json_t *o = json_loadb(line, len, JSON_ALLOW_NUL, &err);
        if (!o || !json_is_object(o)) {
            ingest_detailf(detail, dl, "%s:%zu: not JSON: %s", r->path, r->lineno,
                    o ? "not an object" : err.text);
            json_decref(o);
            return DYAD_EINPUT;
        }
        r->json = o;
        char where[64];
        snprintf(where, sizeof where, ":%zu", r->lineno);
        return json_input(r, o, in, where, detail, dl);
    }
}

/* A whole .json file: one object, or an array of objects, each one
 * document; a file that does not parse gets one message. */
static dyad_status next_json_whole(dyad_reader *r, dyad_input *in, char *detail,
                                   size_t dl)
{
    if (!r->jdoc) {
        size_t n;
        dyad_status st = slurp(r, &n, detail, dl);
        if (st) { r->open = 0; return st; }
        json_error_t err;
        json_t *j = json_loadb(r->buf, n, JSON_ALLOW_NUL, &err);
        if (!j) {
            r->open = 0;
            if (r->in.err[0])
                ingest_detailf(detail, dl, "%s: data broken off after %zu bytes (%s); no document read",
                        r->path, n, r->in.err);
            else
                ingest_detailf(detail, dl, "%s: not valid JSON (line %d, column %d: %s); skipped",
                        r->path, err.line, err.column, err.text);
            return DYAD_EINPUT;
        }
        if (!json_is_array(j) && !json_is_object(j)) {
            json_decref(j);
            r->open = 0;
            ingest_detailf(detail, dl, "%s: JSON is neither a document nor a list of documents; skipped",
                    r->path);
            return DYAD_EINPUT;
        }
        r->jdoc = j;
        r->jnext = 0;
    }
    int arr = json_is_array(r->jdoc);
    size_t total = arr ? json_array_size(r->jdoc) : 1;
    if (r->jnext >= total) { r->open = 0; return DYAD_EOF; }
    size_t k = r->jnext++;
    json_t *o = arr ? json_array_get(r->jdoc, k) : r->jdoc;
    char where[64] = "";
    if (arr) snprintf(where, sizeof where, "#%zu", k + 1);
    if (!json_is_object(o)) {
        ingest_detailf(detail, dl, "%s%s: not a JSON object; skipped", r->path, where);
        return DYAD_EINPUT;
    }
    r->json = json_incref(o);
    return json_input(r, o, in, where, detail, dl);
}

static dyad_status next_warc(dyad_reader *r, dyad_input *in, char *detail,
                             size_t dl)
{
    for (;;) {
        ingest_warc_record rec;
        char msg[512] = "";
        dyad_status st = ingest_warc_next(r->warc, &rec, msg, sizeof msg);
        if (st == DYAD_EOF) { r->open = 0; return DYAD_EOF; }
        if (st) {
            ingest_detailf(detail, dl, "%s: %s", r->path, msg);
            return st;
        }
        r->ndocs++;
        dyad_status hs = dyad_html_extract(rec.body, rec.len, rec.charset, &r->page);
        if (hs) {
            ingest_detailf(detail, dl, "%s: record %zu (%s): %s", r->path, ingest_warc_nrecords(r->warc),
                    rec.uri ? rec.uri : "?", hs == DYAD_ENOMEM ? "out of memory" :
                    "not a usable HTML page");
            return hs;
        }
        r->have_page = 1;
        memset(in, 0, sizeof *in);
        in->text = r->page.text; in->len = r->page.len;
        in->title = r->page.title; in->lang = r->page.lang;
        in->date = r->page.date ? r->page.date : norm_date(r, rec.date);
        in->url = r->page.url ? r->page.url : rec.uri;
        in->publisher = r->page.publisher;
        if (rec.uri) set_id(r, "%s", rec.uri);
        else set_id(r, "%s#%zu", r->base, r->ndocs);
        in->id = r->id;
        fill_defaults(r, in);
        return DYAD_OK;
    }
}

dyad_status dyad_reader_next(dyad_reader *r, dyad_input *in, char *detail,
                             size_t detail_len)
{
    if (!r || !in) return DYAD_EUSAGE;
    if (detail && detail_len) detail[0] = 0;
    release_doc(r);
    if (r->pending[0]) {
        ingest_detailf(detail, detail_len, "%s", r->pending);
        r->pending[0] = 0;
        return r->pending_st;
    }
    for (;;) {
        if (!r->open) {
            dyad_status st = open_next(r, detail, detail_len);
            if (st) return st;        /* EOF, or this path's error */
        }
        dyad_status st;
        switch (r->fmt) {
        case DYAD_FMT_JSONL: st = next_jsonl(r, in, detail, detail_len); break;
        case DYAD_FMT_WARC:  st = next_warc(r, in, detail, detail_len); break;
        default:             st = next_whole(r, in, detail, detail_len); break;
        }
        if (st != DYAD_EOF) return st;
    }
}
