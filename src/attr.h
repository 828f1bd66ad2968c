/* attr.h — internal interface of the attribute stages (attr_*.c): each scans
 * one sentence's text and reports what it finds with byte offsets, so that
 * extract.c can attach each find to the event nearest to it.
 * Pure functions of the text: no engine state, no allocation unless stated.
 * lang is "de" or "en" (anything else: try both). */
#ifndef DYAD_ATTR_H
#define DYAD_ATTR_H

#include <stddef.h>

/* ---- attr_date.c ---- */
typedef struct { int y, m, d; } attr_ymd;   /* m = 0: year only; d = 0: month */

typedef struct {
    size_t start, len;   /* span of the expression in the sentence */
    attr_ymd when;       /* resolved; precision given by m/d being 0 */
} attr_date;

/* Parses "YYYY-MM-DD" (or YYYY-MM / YYYY) into *out; 0 on failure. */
int attr_date_parse_iso(const char *s, attr_ymd *out);
/* Formats at its precision into buf (>= 11 bytes): "2024", "2024-06",
 * "2024-06-19". */
void attr_date_format(attr_ymd d, char *buf);
/* Finds the date expressions of a sentence, resolving relative ones
 * ("gestern", "last year", "am Dienstag", "im August") against pub (the
 * publication date; may be all zero when unknown). Returns how many were
 * written to out (at most max), in text order. */
size_t attr_date_find(const char *s, size_t n, const char *lang,
                      attr_ymd pub, attr_date *out, size_t max);

/* ---- attr_quantity.c ---- */
typedef struct {
    size_t start, len;        /* span of the number and its noun */
    double value;
    char unit[32];            /* "soldiers", "artillery shells", "killed",
                                 "killed or wounded", "percent", "USD", ...
                                 or "" when the noun is not a known unit */
    char qualifier[12];       /* "up to", "about", "at least", "nearly", "" */
} attr_quantity;

size_t attr_quantity_find(const char *s, size_t n, const char *lang,
                          attr_quantity *out, size_t max);

/* ---- attr_certainty.c ---- */
enum { ATTR_VERIF_NONE = 0, ATTR_VERIF_UNVERIFIED = 1,
       ATTR_VERIF_CORROBORATED = 2 };
/* Verification statement in the sentence. *anaphoric (may be NULL) is set
 * when the statement refers back to earlier figures or claims ("diese
 * Zahlen", "these figures", "the claims") rather than to its own sentence. */
int attr_verification(const char *s, size_t n, const char *lang,
                      int *anaphoric);
/* 1 when the sentence hedges ("offenbar", "angeblich", "soll ... haben",
 * "reportedly", "allegedly"). */
int attr_hedged(const char *s, size_t n, const char *lang);

/* ---- attr_place.c: gazetteer ---- */
typedef struct attr_gazetteer attr_gazetteer;

typedef struct {
    size_t start, len;        /* span of the name in the sentence */
    const char *name;         /* the name as matched (gazetteer's form) */
    char country[4];          /* ISO 3166 alpha-3 */
    double lat, lon;
    int has_coords;
    int is_country;           /* the place is a whole country */
    int after_prep;           /* introduced by in/bei/near/nahe/... */
} attr_place;

/* Loads the gazetteer (Debian's data plus lexicons/places.txt under dir).
 * NULL on failure with a message in err. */
attr_gazetteer *attr_gazetteer_load(const char *lexicon_dir, char *err,
                                    size_t errlen);
void attr_gazetteer_free(attr_gazetteer *g);
size_t attr_place_find(const attr_gazetteer *g, const char *s, size_t n,
                       const char *lang, attr_place *out, size_t max);

#endif
