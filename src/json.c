/* json.c — last stage of `dyad code`: writes events as JSON Lines with the
 * field names of shared/spec/events.md. */
#include <stdio.h>
#include <string.h>
#include "internal.h"

void json_str(FILE *f, const char *s, size_t n)
{
    putc('"', f);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        switch (c) {
        case '"': fputs("\\\"", f); break;
        case '\\': fputs("\\\\", f); break;
        case '\n': fputs("\\n", f); break;
        case '\t': fputs("\\t", f); break;
        case '\r': fputs("\\r", f); break;
        default:
            if (c < 0x20)
                fprintf(f, "\\u%04x", c);
            else
                putc(c, f);
        }
    }
    putc('"', f);
}

static void jstr(FILE *f, const char *s)
{
    json_str(f, s ? s : "", s ? strlen(s) : 0);
}

static void actor(FILE *f, const char *name, const dyad_actor *a)
{
    fprintf(f, ",\"%s\":{\"code\":", name);
    jstr(f, a->code);
    if (a->text) {
        fputs(",\"text\":", f);
        jstr(f, a->text);
    }
    if (a->written) {
        fputs(",\"written\":", f);
        jstr(f, a->written);
    }
    putc('}', f);
}

static void number(FILE *f, double v)
{
    /* range first: casting a double beyond long long is undefined */
    if (v < 1e15 && v > -1e15 && v == (double)(long long)v)
        fprintf(f, "%lld", (long long)v);
    else
        fprintf(f, "%.6g", v);
}

dyad_status dyad_doc_write_jsonl(const dyad_doc *d, FILE *f)
{
    for (size_t i = 0; i < d->nevents; i++) {
        const dyad_event *e = &d->events[i];
        fputs("{\"doc\":", f);
        jstr(f, d->id);
        fputs(",\"sentence\":", f);
        json_str(f, d->text + e->sent_start, e->sent_len);
        actor(f, "source", &e->source);
        actor(f, "target", &e->target);
        fputs(",\"cameo\":", f);
        jstr(f, e->cameo);
        fprintf(f, ",\"quad\":%d,\"goldstein\":", e->quad);
        number(f, e->goldstein);
        if (e->plover) {
            fputs(",\"plover\":", f);
            jstr(f, e->plover);
        }
        if (e->date[0]) {
            fputs(",\"date\":", f);
            jstr(f, e->date);
        }
        if (e->location.present) {
            fputs(",\"location\":{\"name\":", f);
            jstr(f, e->location.name);
            fputs(",\"country\":", f);
            jstr(f, e->location.country);
            if (e->location.has_coords)
                fprintf(f, ",\"lat\":%.4f,\"lon\":%.4f", e->location.lat, e->location.lon);
            putc('}', f);
        }
        if (e->quantity.present) {
            fputs(",\"quantity\":{\"value\":", f);
            number(f, e->quantity.value);
            if (e->quantity.unit && *e->quantity.unit) {
                fputs(",\"unit\":", f);
                jstr(f, e->quantity.unit);
            }
            if (e->quantity.qualifier && *e->quantity.qualifier) {
                fputs(",\"qualifier\":", f);
                jstr(f, e->quantity.qualifier);
            }
            fputs(",\"text\":", f);
            jstr(f, e->quantity.text);
            putc('}', f);
        }
        if (e->claimant.text)
            actor(f, "claimant", &e->claimant);
        if (e->verification) {
            fputs(",\"verification\":", f);
            jstr(f, e->verification);
        }
        if (e->hedged)
            fputs(",\"hedged\":true", f);
        if (e->trigger) {
            fputs(",\"trigger\":", f);
            jstr(f, e->trigger);
        }
        fputs("}\n", f);
    }
    return ferror(f) ? DYAD_EIO : DYAD_OK;
}
