/* test_spec.c — runs the spec files tests/spec/ *.txt through the library:
 * each case is a sentence with its expected events inline (TABARI's
 * validation style, with fictional actors from tests/spec/lexicons).
 *
 *   lang: de                      sticky settings
 *   date: 2025-01-10
 *   text: Freedonia lieferte Sylvanien Waffen.
 *   attr: quantity=5800000 date=2024-06 claimant=Firefly
 *   expect: FRE SYL 072 | SYL FRE 04 sym      (or: none)
 *
 * An expected event matches a coded one with the same source and target
 * codes (either way round with "sym") whose CAMEO code starts with the
 * given digits. Events nobody expected fail the case too. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dyad.h"
#include "check.h"

typedef struct {
    char src[16], tgt[16], code[8];
    int sym;
} want;

static int event_is(const dyad_event *e, const want *w)
{
    if (strncmp(e->cameo, w->code, strlen(w->code)))
        return 0;
    if (!strcmp(e->source.code, w->src) && !strcmp(e->target.code, w->tgt))
        return 1;
    return w->sym && !strcmp(e->source.code, w->tgt) && !strcmp(e->target.code, w->src);
}

static int parse_wants(char *s, want *w, int max)
{
    int n = 0;
    if (!strncmp(s, "none", 4))
        return 0;
    for (char *part = strtok(s, "|"); part && n < max; part = strtok(NULL, "|")) {
        char sym[8] = "";
        if (sscanf(part, "%15s %15s %7s %7s", w[n].src, w[n].tgt, w[n].code, sym) < 3)
            return -1;
        w[n].sym = !strcmp(sym, "sym");
        n++;
    }
    return n;
}

static int attr_ok(const dyad_event *e, const char *name, const char *val)
{
    char buf[64];
    if (!strcmp(name, "date"))
        return !strcmp(e->date, val);
    if (!strcmp(name, "quantity")) {
        snprintf(buf, sizeof buf, "%.0f", e->quantity.value);
        return e->quantity.present && !strcmp(buf, val);
    }
    if (!strcmp(name, "unit"))
        return e->quantity.present && e->quantity.unit && !strcmp(e->quantity.unit, val);
    if (!strcmp(name, "claimant"))
        return e->claimant.text && strstr(e->claimant.text, val);
    if (!strcmp(name, "verification"))
        return e->verification && !strcmp(e->verification, val);
    if (!strcmp(name, "hedged"))
        return e->hedged == (val[0] == '1' || val[0] == 't');
    if (!strcmp(name, "location"))
        return e->location.present && e->location.name && strstr(e->location.name, val);
    return 0;
}

static void run_case(dyad_engine *eng, const char *file, int line,
                     const char *lang, const char *date, const char *text,
                     char *attrs, char *expect)
{
    want w[8];
    int nw = parse_wants(expect, w, 8);
    if (nw < 0) {
        fprintf(stderr, "%s:%d: bad expect line\n", file, line);
        CHECK(0);
        return;
    }
    dyad_input in = { .id = "spec", .text = text, .len = strlen(text),
                      .lang = lang, .date = date };
    dyad_doc *d;
    if (dyad_doc_code(eng, &in, &d)) {
        CHECK(0);
        return;
    }
    size_t n = dyad_doc_nevents(d);
    int used[64] = { 0 }, ok = 1;
    const dyad_event *first = NULL;
    for (int k = 0; k < nw; k++) {
        int hit = -1;
        for (size_t i = 0; i < n && i < 64; i++)
            if (!used[i] && event_is(dyad_doc_event(d, i), &w[k])) {
                hit = (int)i;
                break;
            }
        if (hit < 0) {
            fprintf(stderr, "%s:%d: missing %s %s %s in \"%s\"\n", file, line,
                    w[k].src, w[k].tgt, w[k].code, text);
            ok = 0;
            continue;
        }
        used[hit] = 1;
        if (!first)
            first = dyad_doc_event(d, (size_t)hit);
    }
    for (size_t i = 0; i < n && i < 64; i++)
        if (!used[i]) {
            const dyad_event *e = dyad_doc_event(d, i);
            fprintf(stderr, "%s:%d: unexpected %s %s %s (trigger \"%s\") in \"%s\"\n",
                    file, line, e->source.code, e->target.code, e->cameo,
                    e->trigger ? e->trigger : "", text);
            ok = 0;
        }
    if (attrs && first) {
        for (char *a = strtok(attrs, " "); a; a = strtok(NULL, " ")) {
            char *eq = strchr(a, '=');
            if (!eq)
                continue;
            *eq = 0;
            if (!attr_ok(first, a, eq + 1)) {
                fprintf(stderr, "%s:%d: attribute %s is not %s in \"%s\"\n", file, line,
                        a, eq + 1, text);
                ok = 0;
            }
        }
    }
    CHECK(ok);
    dyad_doc_free(d);
}

static void run_file(dyad_engine *eng, const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        CHECK(0);
        return;
    }
    char line[4096], lang[8] = "en", date[16] = "", text[4096] = "", attrs[512] = "";
    int ln = 0, text_line = 0;
    while (fgets(line, sizeof line, f)) {
        ln++;
        line[strcspn(line, "\r\n")] = 0;
        if (!strncmp(line, "lang: ", 6))
            snprintf(lang, sizeof lang, "%.7s", line + 6);
        else if (!strncmp(line, "date: ", 6))
            snprintf(date, sizeof date, "%.15s", line + 6);
        else if (!strncmp(line, "text: ", 6)) {
            snprintf(text, sizeof text, "%s", line + 6);
            text_line = ln;
            attrs[0] = 0;
        } else if (!strncmp(line, "attr: ", 6))
            snprintf(attrs, sizeof attrs, "%.511s", line + 6);
        else if (!strncmp(line, "expect: ", 8)) {
            run_case(eng, path, text_line, lang, date[0] ? date : NULL, text,
                     attrs[0] ? attrs : NULL, line + 8);
            attrs[0] = 0;
        }
    }
    fclose(f);
}

static int cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(void)
{
    dyad_engine *eng;
    char err[512];
    if (dyad_engine_new("lexicons:tests/spec/lexicons", &eng, err, sizeof err)) {
        fprintf(stderr, "engine: %s\n", err);
        CHECK(0);
        return check_done();
    }
    DIR *dir = opendir("tests/spec");
    char *names[128];
    size_t n = 0;
    struct dirent *de;
    while (dir && (de = readdir(dir)) && n < 128) {
        size_t l = strlen(de->d_name);
        if (l > 4 && !strcmp(de->d_name + l - 4, ".txt"))
            names[n++] = strdup(de->d_name);
    }
    if (dir)
        closedir(dir);
    qsort(names, n, sizeof *names, cmp);
    CHECK(n > 0);
    for (size_t i = 0; i < n; i++) {
        char path[512];
        snprintf(path, sizeof path, "tests/spec/%s", names[i]);
        run_file(eng, path);
        free(names[i]);
    }
    dyad_engine_free(eng);
    return check_done();
}
