/* engine.c — the top of libdyad: loads an engine (lexicons, gazetteer) and
 * codes a document: repair -> language -> sentences -> extract (tokens,
 * matches, events, attributes). Input text never fails. */
#include <stdlib.h>
#include <string.h>
#include <threads.h>
#include <sys/stat.h>
#include <unistd.h>
#include "internal.h"

#ifndef DYAD_LEXDIR
#define DYAD_LEXDIR "/usr/local/share/dyad/lexicons"
#endif

const char *dyad_strerror(dyad_status s)
{
    switch (s) {
    case DYAD_OK: return "ok";
    case DYAD_ENOMEM: return "out of memory";
    case DYAD_EIO: return "input/output error";
    case DYAD_ELEXICON: return "bad lexicon";
    case DYAD_EINPUT: return "unusable input";
    case DYAD_ETOOBIG: return "input too large";
    case DYAD_EDB: return "database error";
    case DYAD_EUSAGE: return "bad argument";
    case DYAD_EOF: return "end of input";
    }
    return "unknown error";
}

static int is_dir(const char *p)
{
    struct stat st;
    return p && stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The lexicon folder: explicit, $DYAD_LEXICONS, ./lexicons, next to the
 * executable (../lexicons from build/), or the installed one. */
static void find_dir(const char *dir, char *out, size_t cap)
{
    const char *env = getenv("DYAD_LEXICONS");
    if (dir) { snprintf(out, cap, "%s", dir); return; }
    if (env && *env) { snprintf(out, cap, "%s", env); return; }
    char exe[1024];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = 0;
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = 0;
            snprintf(out, cap, "%.1000s/../lexicons", exe);
            if (is_dir(out))
                return;
        }
    }
    if (is_dir("lexicons")) { snprintf(out, cap, "lexicons"); return; }
    snprintf(out, cap, "%s", DYAD_LEXDIR);
}

typedef struct {
    const char *dir;
    attr_gazetteer *gaz;
    char err[512];
} gaz_job;

static int gaz_load(void *arg)
{
    gaz_job *j = arg;
    j->gaz = attr_gazetteer_load(j->dir, j->err, sizeof j->err);
    return 0;
}

dyad_status dyad_engine_new(const char *dir, dyad_engine **out, char *detail,
                            size_t detail_len)
{
    char scratch[512];
    if (!detail) { detail = scratch; detail_len = sizeof scratch; }
    detail[0] = 0;
    *out = NULL;
    dyad_engine *e = calloc(1, sizeof *e);
    if (!e)
        return DYAD_ENOMEM;
    find_dir(dir, e->dir, sizeof e->dir);
    /* the first folder of a ':' list holds the gazetteer additions */
    char first[1024];
    snprintf(first, sizeof first, "%.*s", (int)strcspn(e->dir, ":"), e->dir);
    if (!is_dir(first)) {
        snprintf(detail, detail_len, "%s: no lexicon folder", e->dir);
        free(e);
        return DYAD_ELEXICON;
    }
    /* the gazetteer loads on a second thread while the lexicons load:
     * the two are independent and each takes about half of the start-up */
    gaz_job job = { .dir = first };
    thrd_t th;
    int threaded = thrd_create(&th, gaz_load, &job) == thrd_success;
    if (!threaded)
        gaz_load(&job);
    int lex_rc = lexicon_load(e, e->dir, detail, detail_len);
    if (threaded)
        thrd_join(th, NULL);
    e->gaz = job.gaz;
    if (lex_rc || !e->gaz) {
        if (!lex_rc)
            snprintf(detail, detail_len, "%s", job.err);
        attr_gazetteer_free(e->gaz);
        lexicon_free(e);
        free(e);
        return DYAD_ELEXICON;
    }
    *out = e;
    return DYAD_OK;
}

void dyad_engine_free(dyad_engine *e)
{
    if (!e)
        return;
    attr_gazetteer_free(e->gaz);
    lexicon_free(e);
    free(e);
}

size_t dyad_engine_nactors(const dyad_engine *e) { return e->nactors; }
size_t dyad_engine_nevents(const dyad_engine *e) { return e->nevents; }

dyad_event *doc_add_event(dyad_doc *d)
{
    if (d->nevents == d->capevents) {
        size_t cap = d->capevents ? d->capevents * 2 : 16;
        dyad_event *v = arena_alloc(&d->mem, cap * sizeof *v);
        if (!v)
            return NULL;
        if (d->nevents)
            memcpy(v, d->events, d->nevents * sizeof *v);
        d->events = v;
        d->capevents = cap;
    }
    dyad_event *ev = &d->events[d->nevents++];
    memset(ev, 0, sizeof *ev);
    return ev;
}

dyad_status dyad_doc_code(const dyad_engine *e, const dyad_input *in,
                          dyad_doc **out)
{
    *out = NULL;
    if (!e || !in || (!in->text && in->len))
        return DYAD_EUSAGE;
    dyad_doc *d = calloc(1, sizeof *d);
    if (!d)
        return DYAD_ENOMEM;
    d->id = arena_strndup(&d->mem, in->id ? in->id : "", in->id ? strlen(in->id) : 0);
    d->text = text_repair(&d->mem, in->text ? in->text : "", in->len, &d->len, &d->nbad);
    if (!d->id || !d->text) {
        dyad_doc_free(d);
        return DYAD_ENOMEM;
    }
    d->lang = in->lang && (!strcmp(in->lang, "de") || !strcmp(in->lang, "en"))
                  ? (in->lang[0] == 'd' ? "de" : "en")
                  : text_detect_lang(d->text, d->len, "en");
    /* another language: no lexicon fits it, so it is read but not coded */
    int other = !d->lang;
    if (other)
        d->lang = "und";
    if (in->date && attr_date_parse_iso(in->date, &d->pub)) {
        char buf[11];
        attr_date_format(d->pub, buf);
        d->date = arena_strndup(&d->mem, buf, strlen(buf));
        d->pubdays = lexicon_days(d->pub.y, d->pub.m ? d->pub.m : 1, d->pub.d ? d->pub.d : 1);
    }
    d->nsents = sentence_split(&d->mem, d->text, d->len, d->lang[0] == 'd', &d->sents);
    if (!other && extract_document((dyad_engine *)e, d)) {
        dyad_doc_free(d);
        return DYAD_ENOMEM;
    }
    *out = d;
    return DYAD_OK;
}

void dyad_doc_free(dyad_doc *d)
{
    if (!d)
        return;
    arena_free(&d->mem);
    free(d);
}

const char *dyad_doc_id(const dyad_doc *d) { return d->id; }
const char *dyad_doc_lang(const dyad_doc *d) { return d->lang; }
const char *dyad_doc_text(const dyad_doc *d) { return d->text; }
size_t dyad_doc_nsentences(const dyad_doc *d) { return d->nsents; }
size_t dyad_doc_nevents(const dyad_doc *d) { return d->nevents; }
size_t dyad_doc_nbad_bytes(const dyad_doc *d) { return d->nbad; }

const dyad_event *dyad_doc_event(const dyad_doc *d, size_t i)
{
    return i < d->nevents ? &d->events[i] : NULL;
}
