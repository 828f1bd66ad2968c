/* cmd_extract.c — `dyad extract [--json] [--max-bytes N] FILE...`: shows
 * what dyad reads from its inputs. Plain mode prints each document's main
 * text; --json prints one object per document (file, id, title, date,
 * lang, url, text). Unusable documents get a message on stderr. */
#include "dyad.h"
#include "cli.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

static void usage(void)
{
    fputs("usage: dyad extract [--json] [--max-bytes N] [--format text|jsonl|html|warc] FILE...\n"
          "  prints the main text dyad reads from each document (FILE may be a\n"
          "  folder, a .gz file, a WARC file, or - for stdin)\n", stderr);
}

/* jansson wants valid UTF-8: bad bytes become U+FFFD. */
static json_t *utf8_string(const char *s, size_t n)
{
    json_t *j = json_stringn(s, n);
    if (j) return j;
    char *b = malloc(n * 3 + 1);
    if (!b) return json_null();
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        size_t k = c < 0x80 ? 0 : (c >= 0xC2 && c <= 0xDF) ? 1 : (c >= 0xE0 && c <= 0xEF) ? 2 :
                   (c >= 0xF0 && c <= 0xF4) ? 3 : 9;
        int ok = k != 9 && i + k < n + (k == 0) && c != 0;
        for (size_t j2 = 1; ok && j2 <= k; j2++)
            if (i + j2 >= n || ((unsigned char)s[i + j2] & 0xC0) != 0x80) ok = 0;
        if (ok) { memcpy(b + o, s + i, k + 1); o += k + 1; i += k + 1; }
        else { memcpy(b + o, "\xEF\xBF\xBD", 3); o += 3; i++; }
    }
    j = json_stringn(b, o);
    free(b);
    return j ? j : json_null();
}

static void put(json_t *o, const char *k, const char *v)
{
    json_object_set_new(o, k, v ? utf8_string(v, strlen(v)) : json_null());
}

int cmd_extract(int argc, char **argv)
{
    int as_json = 0;
    dyad_reader_opts opts = { 0 };
    const char **paths = calloc((size_t)argc + 1, sizeof *paths);
    size_t np = 0;
    if (!paths) return 1;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--json")) as_json = 1;
        else if (!strcmp(a, "--max-bytes") && i + 1 < argc) {
            char *end;
            unsigned long long v = strtoull(argv[++i], &end, 10);
            if (*end || v == 0) { usage(); free(paths); return 2; }
            opts.max_bytes = (size_t)v;
        } else if (!strcmp(a, "--format") && i + 1 < argc) {
            const char *f = argv[++i];
            opts.format = !strcmp(f, "text") ? DYAD_FMT_TEXT : !strcmp(f, "jsonl") ? DYAD_FMT_JSONL :
                          !strcmp(f, "html") ? DYAD_FMT_HTML : !strcmp(f, "warc") ? DYAD_FMT_WARC :
                          DYAD_FMT_AUTO;
        } else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            usage(); free(paths); return 0;
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "dyad extract: unknown option %s\n", a);
            usage(); free(paths); return 2;
        } else paths[np++] = a;
    }
    dyad_reader *r;
    dyad_status st = dyad_reader_open(paths, np, &opts, &r);
    if (st) {
        fprintf(stderr, "dyad extract: %s\n", dyad_strerror(st));
        free(paths);
        return 1;
    }
    int bad = 0, first = 1;
    char detail[1024];
    dyad_input in;
    while ((st = dyad_reader_next(r, &in, detail, sizeof detail)) != DYAD_EOF) {
        if (st) {
            fprintf(stderr, "dyad extract: %s\n", detail[0] ? detail : dyad_strerror(st));
            bad = 1;
            if (st == DYAD_ENOMEM) break;
            continue;
        }
        if (as_json) {
            json_t *o = json_object();
            if (!o) { bad = 1; break; }
            put(o, "file", in.file ? in.file : "-");
            put(o, "id", in.id);
            put(o, "title", in.title);
            put(o, "date", in.date);
            put(o, "lang", in.lang);
            put(o, "url", in.url);
            json_object_set_new(o, "text", utf8_string(in.text, in.len));
            char *s = json_dumps(o, JSON_COMPACT);
            if (s) { fputs(s, stdout); fputc('\n', stdout); free(s); }
            json_decref(o);
        } else {
            if (!first) fputs("\n\n", stdout);
            fwrite(in.text, 1, in.len, stdout);
            fputc('\n', stdout);
        }
        first = 0;
    }
    dyad_reader_free(r);
    free(paths);
    return bad ? 1 : 0;
}
