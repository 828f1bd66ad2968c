/* main.c — the dyad command: a thin layer over dyad.h. `dyad code` reads
 * documents, codes them and writes events as JSON Lines; the other
 * subcommands live in their own cli/ files. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dyad.h"
#include "cli.h"

static const char usage[] =
"usage: dyad COMMAND [OPTIONS] [FILE...]\n"
"\n"
"commands:\n"
"  code      code documents into events, one JSON object per line on stdout\n"
"  extract   print the main text dyad reads from each input\n"
"  ingest    code inputs and store them (SQLite file or postgresql:// URL)\n"
"  query     select stored events\n"
"  stats     counts and mean Goldstein score over time\n"
"  export    write stored events as GDELT, CSV or JSON Lines\n"
"\n"
"Run `dyad COMMAND --help` for a command's options; `man dyad` for more.\n";

static const char code_usage[] =
"usage: dyad code [OPTIONS] [FILE...]\n"
"\n"
"Reads documents (plain text, JSON Lines, HTML, WARC, gzip; folders\n"
"recursively; stdin when no FILE or '-') and writes one JSON object per\n"
"coded event: doc, sentence, source, target, cameo, quad, goldstein,\n"
"plover, and where the text gives them date, location, quantity,\n"
"claimant, verification, hedged.\n"
"\n"
"options:\n"
"  --lang de|en        language of plain-text input (default: detected)\n"
"  --date YYYY-MM-DD   publication date of plain-text input\n"
"  --id ID             document id of a single plain-text input\n"
"  --format F          input format: auto (default), text, jsonl, html, warc\n"
"  --lexicons DIR      lexicon folder (default: $DYAD_LEXICONS or built-in)\n"
"  --max-bytes N       per-document size limit (default 100000000)\n"
"  --stats             print documents, sentences and events to stderr\n"
"  -h, --help          this help\n"
"\n"
"Exit status: 0 when every document was read, 1 when some could not be\n"
"(each named on stderr), 2 on a usage or lexicon error.\n";

static int parse_format(const char *s, dyad_format *f)
{
    static const struct { const char *n; dyad_format f; } t[] = {
        { "auto", DYAD_FMT_AUTO }, { "text", DYAD_FMT_TEXT },
        { "jsonl", DYAD_FMT_JSONL }, { "html", DYAD_FMT_HTML },
        { "warc", DYAD_FMT_WARC },
    };
    for (size_t i = 0; i < sizeof t / sizeof *t; i++)
        if (strcmp(s, t[i].n) == 0) { *f = t[i].f; return 0; }
    return -1;
}

int cmd_code(int argc, char **argv)
{
    dyad_reader_opts o = { 0 };
    const char *lexdir = NULL;
    int stats = 0;
    const char **files = calloc((size_t)argc + 1, sizeof *files);
    size_t nfiles = 0;
    if (!files)
        return 2;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            fputs(code_usage, stdout);
            free(files);
            return 0;
        } else if (!strcmp(a, "--stats")) {
            stats = 1;
        } else if (a[0] == '-' && a[1] == '-' && !v) {
            fprintf(stderr, "dyad code: %s needs a value\n", a);
            free(files);
            return 2;
        } else if (!strcmp(a, "--lang")) {
            o.lang = v; i++;
        } else if (!strcmp(a, "--date")) {
            o.date = v; i++;
        } else if (!strcmp(a, "--id")) {
            o.id = v; i++;
        } else if (!strcmp(a, "--lexicons")) {
            lexdir = v; i++;
        } else if (!strcmp(a, "--max-bytes")) {
            o.max_bytes = strtoull(v, NULL, 10); i++;
        } else if (!strcmp(a, "--format")) {
            if (parse_format(v, &o.format)) {
                fprintf(stderr, "dyad code: unknown format '%s'\n", v);
                free(files);
                return 2;
            }
            i++;
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "dyad code: unknown option '%s'\n%s", a, code_usage);
            free(files);
            return 2;
        } else {
            files[nfiles++] = a;
        }
    }
    char detail[1024];
    dyad_engine *e;
    dyad_status rc = dyad_engine_new(lexdir, &e, detail, sizeof detail);
    if (rc) {
        fprintf(stderr, "dyad code: %s: %s\n", dyad_strerror(rc), detail);
        free(files);
        return 2;
    }
    dyad_reader *r;
    rc = dyad_reader_open(files, nfiles, &o, &r);
    if (rc) {
        fprintf(stderr, "dyad code: %s\n", dyad_strerror(rc));
        dyad_engine_free(e);
        free(files);
        return 2;
    }
    int failed = 0;
    size_t ndocs = 0, nsent = 0, nev = 0;
    dyad_input in;
    for (;;) {
        rc = dyad_reader_next(r, &in, detail, sizeof detail);
        if (rc == DYAD_EOF)
            break;
        if (rc) {
            fprintf(stderr, "dyad code: %s\n", detail[0] ? detail : dyad_strerror(rc));
            failed = 1;
            if (rc == DYAD_ENOMEM)
                break;
            continue;
        }
        dyad_doc *d;
        rc = dyad_doc_code(e, &in, &d);
        if (rc) {
            fprintf(stderr, "dyad code: %s: %s\n", in.id ? in.id : "?", dyad_strerror(rc));
            failed = 1;
            continue;
        }
        if (dyad_doc_nsentences(d) == 0)
            fprintf(stderr, "dyad code: %s: no text\n", dyad_doc_id(d));
        else if (!strcmp(dyad_doc_lang(d), "und"))
            fprintf(stderr, "dyad code: %s: neither German nor English; not coded "
                    "(--lang de|en codes it anyway)\n", dyad_doc_id(d));
        if (dyad_doc_nbad_bytes(d))
            fprintf(stderr, "dyad code: %s: %zu invalid UTF-8 sequences replaced\n",
                    dyad_doc_id(d), dyad_doc_nbad_bytes(d));
        ndocs++;
        nsent += dyad_doc_nsentences(d);
        nev += dyad_doc_nevents(d);
        if (dyad_doc_write_jsonl(d, stdout)) {
            fprintf(stderr, "dyad code: cannot write output\n");
            dyad_doc_free(d);
            failed = 2;
            break;
        }
        dyad_doc_free(d);
    }
    if (fflush(stdout)) {
        fprintf(stderr, "dyad code: cannot write output\n");
        failed = 2;
    }
    if (stats)
        fprintf(stderr, "dyad code: %zu documents, %zu sentences, %zu events\n",
                ndocs, nsent, nev);
    dyad_reader_free(r);
    dyad_engine_free(e);
    free(files);
    return failed;
}

int main(int argc, char **argv)
{
    if (argc < 2 || !strcmp(argv[1], "-h") || !strcmp(argv[1], "--help") ||
        !strcmp(argv[1], "help")) {
        fputs(usage, argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    if (!strcmp(argv[1], "--version")) {
        printf("dyad %s\n", DYAD_VERSION);
        return 0;
    }
    static const struct { const char *name; int (*fn)(int, char **); } cmds[] = {
        { "code", cmd_code }, { "extract", cmd_extract }, { "ingest", cmd_ingest },
        { "query", cmd_query }, { "stats", cmd_stats }, { "export", cmd_export },
    };
    for (size_t i = 0; i < sizeof cmds / sizeof *cmds; i++)
        if (!strcmp(argv[1], cmds[i].name))
            return cmds[i].fn(argc - 1, argv + 1);
    fprintf(stderr, "dyad: unknown command '%s'\n%s", argv[1], usage);
    return 2;
}
