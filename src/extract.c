/* extract.c — from lexicon matches to events. Pass 1 turns actor matches
 * into mentions (adjective + agent, genitive + agent, agent + of-phrase,
 * appositions, coordination) and counts which countries the document is
 * about. Pass 2 gives each event trigger a source and a target from its
 * clause (prepositions, passive, word order), the document's context when
 * one side is missing, and attaches date, place, quantity, claimant and
 * certainty. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"

#define MAXQ 16
#define NCOUNTRY 64

typedef struct {
    uint32_t start, end;        /* token span */
    char code[16];
    uint8_t kind;               /* AK_NAME, AK_AGENT (combined), AK_ADJ */
    uint8_t speaker;            /* a claimant: not a participant */
    uint8_t locative;           /* "in Moskau": a place, not an actor */
    uint8_t adj_event;          /* country adjective on an event noun */
    int coord;                  /* index of the mention joined by "und" */
} mention;

typedef struct {
    token *t; size_t nt;
    match *m; size_t nm;
    uint16_t *roles;            /* per token: bit per role job */
    uint8_t *in_actor;
    mention *men; size_t nmen;
    char claim_code[16];
    uint32_t claim_s, claim_e;  /* claimant text: byte span, 0/0 none */
    int konj;                   /* Konjunktiv I: continues a speaker */
    int question;
} sent_info;

typedef struct {
    dyad_engine *e;
    dyad_doc *d;
    const lang_lex *lx;
    sent_info *s;
    char country[NCOUNTRY][4];
    int count[NCOUNTRY];
    int ncountry;
    char last_country[4];
} ctx;

static const char *tok_text(const ctx *c, const token *t) { return c->d->text + t->off; }

static int is_punct(const ctx *c, const token *t, const char *chars)
{
    return (t->flags & TOK_PUNCT) && t->len == 1 && strchr(chars, c->d->text[t->off]);
}

static int is_quote(const ctx *c, const token *t)
{
    const unsigned char *s = (const unsigned char *)tok_text(c, t);
    if (!(t->flags & TOK_PUNCT))
        return 0;
    if (t->len == 1)
        return s[0] == '"';
    return t->len == 3 && s[0] == 0xE2 && s[1] == 0x80 &&
           (s[2] == 0x9C || s[2] == 0x9D || s[2] == 0x9E || s[2] == 0x98 || s[2] == 0x99);
}

static int has_role(const sent_info *s, size_t i, int job)
{
    return i < s->nt && (s->roles[i] >> job & 1);
}

static void note_country(ctx *c, const char *code, int weight)
{
    if (strlen(code) < 3 || !strncmp(code, "IGO", 3) || !strncmp(code, "NGO", 3))
        return;
    for (int i = 0; i < c->ncountry; i++)
        if (!memcmp(c->country[i], code, 3)) {
            c->count[i] += weight;
            return;
        }
    if (c->ncountry < NCOUNTRY) {
        memcpy(c->country[c->ncountry], code, 3);
        c->country[c->ncountry][3] = 0;
        c->count[c->ncountry++] = weight;
    }
}

/* The most talked-about country other than `not` (3 letters), or NULL. */
static const char *salient(const ctx *c, const char *not)
{
    int best = -1, bc = 0;
    for (int i = 0; i < c->ncountry; i++)
        if ((!not || memcmp(c->country[i], not, 3)) && c->count[i] > bc) {
            bc = c->count[i];
            best = i;
        }
    return best >= 0 ? c->country[best] : NULL;
}

static int is_country3(const char *code)
{
    return strlen(code) == 3 && strcmp(code, "IGO") && strcmp(code, "NGO");
}

/* country (3 letters) + role of a generic agent */
static void combine(char *out, const char *country, const char *role)
{
    snprintf(out, 16, "%.3s%.12s", country, role);
}

/* Tokens that may stand between an adjective and its noun: articles,
 * determiners and lower-case adjectives ("die russische Region"). */
static int filler(const ctx *c, const sent_info *s, size_t i)
{
    const token *t = &s->t[i];
    if (has_role(s, i, ROLE_DET))
        return 1;
    return (t->flags & TOK_WORD) && !(t->flags & TOK_CAP) && !s->in_actor[i] &&
           t->len > 3 && !has_role(s, i, ROLE_SOURCE) && !has_role(s, i, ROLE_TARGET) &&
           !has_role(s, i, ROLE_BY) && !has_role(s, i, ROLE_PARTNER) && !has_role(s, i, ROLE_AND) &&
           !has_role(s, i, ROLE_SAY) && (c->lx->lang[0] == 'd' ? 1 : 1);
}

/* ---- pass 1: mentions ---- */

typedef struct { uint32_t start, end; const actor_entry *a; } raw;

static int person_like(const actor_entry *a)
{
    return a->kind == AK_NAME && strlen(a->code) > 3;
}

static void add_mention(ctx *c, sent_info *s, uint32_t st, uint32_t en,
                        const char *code, int kind)
{
    mention *m = &s->men[s->nmen++];
    memset(m, 0, sizeof *m);
    m->start = st;
    m->end = en;
    snprintf(m->code, sizeof m->code, "%s", code);
    m->kind = (uint8_t)kind;
    m->coord = -1;
    (void)c;
}

static void build_mentions(ctx *c, sent_info *s)
{
    raw r[256];
    size_t nr = 0;
    for (size_t i = 0; i < s->nm && nr < 256; i++)
        if (s->m[i].type == PH_ACTOR) {
            r[nr].start = s->m[i].start;
            r[nr].end = s->m[i].end;
            r[nr].a = &c->e->actors[s->m[i].ref];
            for (uint32_t k = r[nr].start; k < r[nr].end && k < s->nt; k++)
                s->in_actor[k] = 1;
            nr++;
        }
    s->men = arena_alloc(&c->d->mem, (nr + 1) * sizeof *s->men);
    if (!s->men)
        return;
    for (size_t i = 0; i < nr; i++) {
        const actor_entry *a = r[i].a;
        uint32_t st = r[i].start, en = r[i].end;
        char code[16];
        snprintf(code, sizeof code, "%s", a->code);
        size_t j = i + 1;
        /* what follows directly, over fillers: the next raw match */
        size_t gapok = en;
        while (gapok < s->nt && gapok - en < 3 && filler(c, s, gapok))
            gapok++;
        int next_adjacent = j < nr && r[j].start <= gapok;
        int poss = en > 0 && (s->t[en - 1].flags & TOK_POSS);
        if (a->kind == AK_ADJ || (a->kind == AK_NAME && is_country3(a->code))) {
            /* nordkoreanische Soldaten, Nordkoreas Staatschef, US-Präsident */
            int glued = next_adjacent && (a->kind == AK_ADJ || r[j].start == en || poss);
            if (glued && r[j].a->kind == AK_AGENT) {
                combine(code, a->code, r[j].a->code);
                en = r[j].end;
                i = j;
                j++;
                /* apposition: "Staatschef Kim Jong Un" */
                if (j < nr && r[j].start == en && r[j].a->kind == AK_NAME) {
                    if (person_like(r[j].a))
                        snprintf(code, sizeof code, "%s", r[j].a->code);
                    en = r[j].end;
                    i = j;
                }
                add_mention(c, s, st, en, code, AK_AGENT);
                continue;
            }
            if (a->kind == AK_ADJ && glued && person_like(r[j].a)) {
                /* "der nordkoreanische Machthaber Kim" without agent entry */
                add_mention(c, s, st, r[j].end, r[j].a->code, AK_NAME);
                i = j;
                continue;
            }
            if (a->kind == AK_ADJ) {
                /* an adjective alone names no actor, unless it qualifies
                 * an event noun ("russische Angriffe") */
                size_t k = en;
                while (k < s->nt && k - en < 2 && filler(c, s, k))
                    k++;
                for (size_t q = 0; q < s->nm; q++)
                    if (s->m[q].type == PH_EVENT && s->m[q].start == k) {
                        add_mention(c, s, st, en, a->code, AK_ADJ);
                        s->men[s->nmen - 1].adj_event = 1;
                        break;
                    }
                continue;
            }
        }
        if (a->kind == AK_AGENT) {
            /* "Präsident der Ukraine", "president of Russia", "Präsident Putin" */
            const actor_entry *b = j < nr ? r[j].a : NULL;
            int gen = 0;
            if (b && r[j].start > en && r[j].start <= en + 2) {
                for (uint32_t k = en; k < r[j].start; k++)
                    if (has_role(s, k, ROLE_DET) || has_role(s, k, ROLE_BY) ||
                        has_role(s, k, ROLE_SOURCE))
                        gen = 1;
                    else {
                        gen = 0;
                        break;
                    }
            }
            if (b && (r[j].start == en || gen) && b->kind != AK_AGENT) {
                if (person_like(b) && r[j].start == en)
                    snprintf(code, sizeof code, "%s", b->code);
                else if (is_country3(b->code) || b->kind == AK_ADJ)
                    combine(code, b->code, a->code);
                else
                    snprintf(code, sizeof code, "%s", b->code);
                en = r[j].end;
                i = j;
                add_mention(c, s, st, en, code, AK_AGENT);
                continue;
            }
            /* a lone agent takes the country in view */
            const char *ctry = NULL;
            for (size_t k = s->nmen; k-- > 0;)
                if (s->men[k].code[0] && strlen(s->men[k].code) >= 3 &&
                    strncmp(s->men[k].code, "IGO", 3) && strncmp(s->men[k].code, "NGO", 3)) {
                    ctry = s->men[k].code;
                    break;
                }
            if (!ctry && c->last_country[0])
                ctry = c->last_country;
            if (!ctry)
                continue;
            combine(code, ctry, a->code);
            add_mention(c, s, st, en, code, AK_AGENT);
            continue;
        }
        add_mention(c, s, st, en, code, AK_NAME);
    }
    /* coordination "Putin und Kim", "Russia and Ukraine" */
    for (size_t k = 0; k + 1 < s->nmen; k++) {
        uint32_t e0 = s->men[k].end, s1 = s->men[k + 1].start;
        if (s1 == e0 + 1 && (has_role(s, e0, ROLE_AND) || is_punct(c, &s->t[e0], ",")))
            s->men[k].coord = (int)k + 1;
    }
    /* "in Moskau", "in der Ukraine": a place, not an actor; but "in die
     * Ukraine" (direction) marks a target */
    for (size_t k = 0; k < s->nmen; k++) {
        mention *m = &s->men[k];
        if (m->kind != AK_NAME || m->start == 0 || m->adj_event)
            continue;
        uint32_t p = m->start - 1;
        if (has_role(s, p, ROLE_DIRDET))
            continue;
        if (has_role(s, p, ROLE_DET) && p > 0)
            p--;
        if (has_role(s, p, ROLE_LOC))
            m->locative = 1;
    }
}

/* ---- claimants ---- */

static int cap_run(const ctx *c, const sent_info *s, size_t i, size_t *end)
{
    size_t k = i;
    while (k < s->nt && k - i < 6 && (s->t[k].flags & (TOK_CAP | TOK_HYPH)) &&
           !(s->t[k].flags & TOK_PUNCT) && !has_role(s, k, ROLE_SAY))
        k++;
    *end = k;
    (void)c;
    return k > i;
}

static int mention_at(const sent_info *s, size_t tok, int starting)
{
    for (size_t k = 0; k < s->nmen; k++)
        if (starting ? s->men[k].start == tok : (s->men[k].end == tok))
            return (int)k;
    return -1;
}

static void set_claim(ctx *c, sent_info *s, uint32_t ts, uint32_t te, const char *code)
{
    if (te <= ts || te > s->nt)
        return;
    s->claim_s = s->t[ts].off;
    s->claim_e = s->t[te - 1].off + s->t[te - 1].len;
    snprintf(s->claim_code, sizeof s->claim_code, "%s", code ? code : "");
    (void)c;
}

static void find_claimant(ctx *c, sent_info *s)
{
    for (size_t i = 0; i < s->nt; i++) {
        int acc = has_role(s, i, ROLE_ACCORDING), say = has_role(s, i, ROLE_SAY);
        if (!acc && !say)
            continue;
        /* "so" and "zufolge" need care: German "so Klein" only after , or a quote */
        const char *w = tok_text(c, &s->t[i]);
        if (acc && s->t[i].len == 2 && !strncasecmp(w, "so", 2) &&
            !(i > 0 && (is_punct(c, &s->t[i - 1], ",") || is_quote(c, &s->t[i - 1]))))
            continue;
        size_t k = i + 1;
        while (k < s->nt && (has_role(s, k, ROLE_ACCORDING) || has_role(s, k, ROLE_SAY)))
            k++;   /* "nach Angaben", "according to" */
        while (k < s->nt && k - i < 4 && has_role(s, k, ROLE_DET))
            k++;
        int m = mention_at(s, (uint32_t)k, 1);
        if (m >= 0 && k - i <= 4) {
            s->men[m].speaker = 1;
            set_claim(c, s, s->men[m].start, s->men[m].end, s->men[m].code);
            return;
        }
        size_t e;
        if (k < s->nt && cap_run(c, s, k, &e) && (acc || i + 1 < s->nt)) {
            /* a name the lexicon does not know: "so Klein" */
            int mm = -1;
            for (size_t q = 0; q < s->nmen; q++)
                if (s->men[q].start >= k && s->men[q].start < e)
                    mm = (int)q;
            if (mm >= 0)
                s->men[mm].speaker = 1;
            set_claim(c, s, (uint32_t)k, (uint32_t)e, mm >= 0 ? s->men[mm].code : "");
            return;
        }
        if (say && i > 0) {
            /* "X said": the mention or capitalised words right before */
            size_t b = i;
            while (b > 0 && b + 3 > i && has_role(s, b - 1, ROLE_DET))
                b--;
            m = mention_at(s, (uint32_t)b, 0);
            if (m < 0 && i > 0)
                m = mention_at(s, (uint32_t)i, 0);
            if (m >= 0) {
                s->men[m].speaker = 1;
                set_claim(c, s, s->men[m].start, s->men[m].end, s->men[m].code);
                return;
            }
        }
    }
}

/* ---- clauses ---- */

static void clause_of(const ctx *c, const sent_info *s, size_t i, size_t *cs,
                      size_t *ce)
{
    size_t a = i, b = i;
    while (a > 0) {
        const token *t = &s->t[a - 1];
        if (is_punct(c, t, ";"))
            break;
        if (a >= 2 && has_role(s, a - 1, ROLE_CLAUSE) && is_punct(c, &s->t[a - 2], ","))
            { a--; break; }
        a--;
    }
    while (b + 1 < s->nt) {
        const token *t = &s->t[b + 1];
        if (is_punct(c, t, ";"))
            break;
        if (is_punct(c, t, ",") && b + 2 < s->nt && has_role(s, b + 2, ROLE_CLAUSE))
            break;
        b++;
    }
    *cs = a;
    *ce = b + 1;
}

/* The role a preposition in front of mention m gives it, for trigger ev. */
enum { MK_NONE, MK_SOURCE, MK_TARGET, MK_PARTNER, MK_BY };

static int marker(const ctx *c, const sent_info *s, const mention *m,
                  const event_entry *ev)
{
    size_t p = m->start;
    int hops = 0;
    while (p > 0 && hops < 3) {
        p--;
        const token *t = &s->t[p];
        for (int k = 0; k < ev->nsprep; k++)
            if (token_is(t, ev->sprep[k]))
                return MK_SOURCE;
        for (int k = 0; k < ev->ntprep; k++)
            if (token_is(t, ev->tprep[k]))
                return MK_TARGET;
        if (has_role(s, p, ROLE_BY))
            return MK_BY;
        if (has_role(s, p, ROLE_SOURCE))
            return MK_SOURCE;
        if (has_role(s, p, ROLE_TARGET))
            return MK_TARGET;
        if (has_role(s, p, ROLE_PARTNER))
            return MK_PARTNER;
        if (has_role(s, p, ROLE_LOC) && p + 1 < s->nt && has_role(s, p + 1, ROLE_DIRDET))
            return MK_TARGET;
        if (!filler(c, s, p))
            break;
        hops++;
    }
    return MK_NONE;
}

static int passive_clause(const ctx *c, const sent_info *s, size_t cs, size_t ce,
                          const match *tr, const event_entry *ev)
{
    if (ev->flags & EF_PASSIVE)
        return 1;
    if (ev->flags & EF_NOUN)
        return 0;
    int aux = 0;
    for (size_t i = cs; i < ce; i++)
        if (has_role(s, i, ROLE_PASSIVE))
            aux = 1;
    if (!aux)
        return 0;
    const token *t = &s->t[tr->start];
    const char *w = tok_text(c, t);
    if (c->lx->lang[0] == 'd')
        return t->len > 4 && (!strncmp(w, "ge", 2) || strstr(w, "ge") != NULL) &&
               !(t->flags & TOK_CAP);
    return t->len > 3 && (!strncmp(w + t->len - 2, "ed", 2) || !strncmp(w + t->len - 2, "en", 2));
}

static int negated(const ctx *c, const sent_info *s, size_t cs, const match *tr)
{
    size_t lim = tr->end + 2 < s->nt ? tr->end + 2 : s->nt;
    for (size_t i = cs; i < lim; i++) {
        if (i >= tr->start && i < tr->end)
            continue;
        if (has_role(s, i, ROLE_NEGATION)) {
            /* "nicht nur", "not only" */
            if (i + 1 < s->nt) {
                const token *n = &s->t[i + 1];
                const char *w = tok_text(c, n);
                if ((n->len == 3 && !strncasecmp(w, "nur", 3)) ||
                    (n->len == 4 && !strncasecmp(w, "only", 4)))
                    continue;
            }
            return 1;
        }
    }
    return 0;
}

static int hypothetical(const sent_info *s, size_t cs, const match *tr)
{
    for (size_t i = cs; i < tr->start; i++)
        if (has_role(s, i, ROLE_HYPOTHETICAL))
            return 1;
    return 0;
}

/* ---- pass 2: events ---- */

static const char *dup_span(ctx *c, uint32_t s, uint32_t e)
{
    return arena_strndup(&c->d->mem, c->d->text + s, e - s);
}

static const char *mention_text(ctx *c, const sent_info *s, const mention *m)
{
    return dup_span(c, s->t[m->start].off,
                    s->t[m->end - 1].off + s->t[m->end - 1].len);
}

typedef struct {
    attr_date dates[MAXQ]; size_t ndates;
    attr_quantity qs[MAXQ]; size_t nq;
    attr_place places[MAXQ]; size_t nplaces;
    int verif, verif_anaph, hedged;
} sent_attrs;

static size_t dist(size_t a, size_t b) { return a > b ? a - b : b - a; }

static void attach(ctx *c, size_t si, const sent_info *s, const sent_attrs *at,
                   dyad_event *ev, uint32_t trig_off, size_t claim_from)
{
    dyad_doc *d = c->d;
    uint32_t base = d->sents[si].start;
    size_t rel = trig_off - base;
    /* date: the nearest expression, else the publication date */
    if (at->ndates) {
        size_t best = 0;
        for (size_t k = 1; k < at->ndates; k++)
            if (dist(at->dates[k].start, rel) < dist(at->dates[best].start, rel))
                best = k;
        attr_date_format(at->dates[best].when, ev->date);
    } else if (d->date) {
        snprintf(ev->date, sizeof ev->date, "%s", d->date);
    }
    if (at->nq) {
        size_t best = SIZE_MAX;
        for (size_t k = 0; k < at->nq; k++)
            if (best == SIZE_MAX || (at->qs[k].unit[0] && !at->qs[best].unit[0]) ||
                ((at->qs[k].unit[0] != 0) == (at->qs[best].unit[0] != 0) &&
                 dist(at->qs[k].start, rel) < dist(at->qs[best].start, rel)))
                best = k;
        const attr_quantity *q = &at->qs[best];
        ev->quantity.present = 1;
        ev->quantity.value = q->value;
        ev->quantity.unit = arena_strndup(&d->mem, q->unit, strlen(q->unit));
        ev->quantity.qualifier = q->qualifier[0]
            ? arena_strndup(&d->mem, q->qualifier, strlen(q->qualifier)) : NULL;
        ev->quantity.text = dup_span(c, base + (uint32_t)q->start,
                                     base + (uint32_t)(q->start + q->len));
    }
    if (at->nplaces) {
        size_t best = SIZE_MAX;
        for (size_t k = 0; k < at->nplaces; k++) {
            if (!at->places[k].after_prep)
                continue;
            if (best == SIZE_MAX ||
                (at->places[best].is_country && !at->places[k].is_country) ||
                (at->places[best].is_country == at->places[k].is_country &&
                 dist(at->places[k].start, rel) < dist(at->places[best].start, rel)))
                best = k;
        }
        if (best != SIZE_MAX) {
            const attr_place *p = &at->places[best];
            ev->location.present = 1;
            ev->location.name = p->name;
            ev->location.country = arena_strndup(&d->mem, p->country, strlen(p->country));
            ev->location.lat = p->lat;
            ev->location.lon = p->lon;
            ev->location.has_coords = p->has_coords;
        }
    }
    if (at->verif && !at->verif_anaph)
        ev->verification = at->verif == ATTR_VERIF_UNVERIFIED ? "unverified" : "corroborated";
    ev->hedged = at->hedged;
    /* claimant: this sentence's, or a speaker continued in Konjunktiv I */
    const sent_info *cl = NULL;
    if (s->claim_e)
        cl = s;
    else if (s->konj || s->question == 0)
        for (size_t k = si; k-- > claim_from;)
            if (c->s[k].claim_e) {
                if (s->konj)
                    cl = &c->s[k];
                break;
            }
    if (cl) {
        ev->claimant.text = dup_span(c, cl->claim_s, cl->claim_e);
        ev->claimant.code = arena_strndup(&d->mem, cl->claim_code, strlen(cl->claim_code));
    }
}

static const char *code_dup(ctx *c, const char *code)
{
    return arena_strndup(&c->d->mem, code, strlen(code));
}

static int same_who(const char *a, const char *b)
{
    return !strncmp(a, b, 3);
}

static void code_sentence(ctx *c, size_t si, size_t claim_from)
{
    sent_info *s = &c->s[si];
    dyad_doc *d = c->d;
    if (s->question || !s->nmen)
        return;
    span sp = d->sents[si];
    const char *st = d->text + sp.start;
    size_t sn = sp.end - sp.start;
    sent_attrs at = { 0 };
    int attrs_done = 0;
    size_t first_event = d->nevents;
    for (size_t q = 0; q < s->nm; q++) {
        const match *tr = &s->m[q];
        if (tr->type != PH_EVENT)
            continue;
        const event_entry *ev = &c->e->events[tr->ref];
        int inside = 1;
        for (uint32_t k = tr->start; k < tr->end; k++)
            if (!s->in_actor[k])
                inside = 0;
        if (inside)
            continue;
        size_t cs, ce;
        clause_of(c, s, tr->start, &cs, &ce);
        if (negated(c, s, cs, tr) || hypothetical(s, cs, tr))
            continue;
        int passive = passive_clause(c, s, cs, ce, tr, ev);
        int noun = (ev->flags & EF_NOUN) || (c->lx->lang[0] == 'd' && (s->t[tr->start].flags & TOK_CAP) &&
                                             tr->start > 0);
        int src = -1, tgt = -1;
        /* 1. prepositions, and adjectives on event nouns */
        for (int pass = 0; pass < 2; pass++) {
            for (size_t k = 0; k < s->nmen; k++) {
                const mention *m = &s->men[k];
                if (m->speaker || m->locative)
                    continue;
                int in_clause = m->start >= cs && m->end <= ce;
                if (pass == 0 ? !in_clause : in_clause)
                    continue;
                if (m->end > tr->start && m->start < tr->end)
                    continue;
                if (m->adj_event) {
                    if (m->end <= tr->start && tr->start - m->end <= 2 && src < 0)
                        src = (int)k;
                    continue;
                }
                int mk = marker(c, s, m, ev);
                if (mk == MK_BY && src < 0)
                    src = (int)k;
                else if (mk == MK_SOURCE && src < 0 && (noun || m->start > tr->start))
                    src = (int)k;
                else if ((mk == MK_TARGET || mk == MK_PARTNER) && tgt < 0)
                    tgt = (int)k;
            }
            if (src >= 0 || tgt >= 0)
                break;
        }
        /* 2. unmarked mentions by word order, in the clause first */
        for (int pass = 0; pass < 2 && (src < 0 || tgt < 0); pass++) {
            int before = -1, after = -1, first = -1, second = -1;
            for (size_t k = 0; k < s->nmen; k++) {
                const mention *m = &s->men[k];
                if (m->speaker || m->locative || (int)k == src || (int)k == tgt || m->adj_event)
                    continue;
                int in_clause = m->start >= cs && m->end <= ce;
                if (pass == 0 && !in_clause)
                    continue;
                if (m->end > tr->start && m->start < tr->end)
                    continue;
                if (marker(c, s, m, ev) != MK_NONE)
                    continue;
                if (m->end <= tr->start)
                    before = (int)k;
                else if (after < 0)
                    after = (int)k;
                if (first < 0)
                    first = (int)k;
                else if (second < 0)
                    second = (int)k;
            }
            int subj, obj;
            if (c->lx->lang[0] == 'd' && !noun) {
                subj = first;
                obj = second;
            } else {
                subj = before;
                obj = after;
                if (subj < 0 && noun && after >= 0 && s->men[after].start == tr->end) {
                    subj = after;       /* "die Lieferungen Nordkoreas" */
                    obj = -1;
                }
            }
            if (passive) {
                int tmp = subj;
                subj = src >= 0 ? -1 : obj;
                obj = tmp;
            }
            if (src < 0 && subj >= 0 && subj != tgt)
                src = subj;
            if (tgt < 0 && obj >= 0 && obj != src)
                tgt = obj;
            if (src >= 0 && tgt >= 0)
                break;
        }
        /* 3. coordination: "Putin und Kim unterzeichneten" */
        if (src >= 0 && tgt < 0 && s->men[src].coord >= 0)
            tgt = s->men[src].coord;
        if (src < 0 && tgt < 0)
            continue;
        const char *scode = src >= 0 ? s->men[src].code : NULL;
        const char *tcode = tgt >= 0 ? s->men[tgt].code : NULL;
        /* 4. the document's context names the missing side of a verb's
         * event ("So habe Nordkorea ... geliefert"); a noun alone
         * ("die Verluste") is too weak to build an event on */
        if ((src < 0 || tgt < 0) && noun)
            continue;
        if (!scode)
            scode = salient(c, tcode);
        if (!tcode)
            tcode = salient(c, scode);
        if (!scode || !tcode || !strcmp(scode, tcode))
            continue;
        if (src < 0 || tgt < 0) {
            if (same_who(scode, tcode))
                continue;
        }
        /* one event per dyad and root in a sentence */
        int dup = 0;
        for (size_t k = first_event; k < d->nevents; k++) {
            const dyad_event *o = &d->events[k];
            if (!strncmp(o->cameo, ev->code, 2) &&
                ((same_who(o->source.code, scode) && same_who(o->target.code, tcode)) ||
                 (same_who(o->source.code, tcode) && same_who(o->target.code, scode))))
                dup = 1;
        }
        if (dup)
            continue;
        if (!attrs_done) {
            at.ndates = attr_date_find(st, sn, d->lang, d->pub, at.dates, MAXQ);
            at.nq = attr_quantity_find(st, sn, d->lang, at.qs, MAXQ);
            at.nplaces = c->e->gaz ? attr_place_find(c->e->gaz, st, sn, d->lang, at.places, MAXQ) : 0;
            at.verif = attr_verification(st, sn, d->lang, &at.verif_anaph);
            at.hedged = attr_hedged(st, sn, d->lang);
            attrs_done = 1;
        }
        dyad_event *e = doc_add_event(d);
        if (!e)
            return;
        e->sentence_index = si;
        e->sent_start = sp.start;
        e->sent_len = sp.end - sp.start;
        e->source.code = code_dup(c, scode);
        e->source.text = src >= 0 ? mention_text(c, s, &s->men[src]) : NULL;
        e->target.code = code_dup(c, tcode);
        e->target.text = tgt >= 0 ? mention_text(c, s, &s->men[tgt]) : NULL;
        snprintf(e->cameo, sizeof e->cameo, "%s", ev->code);
        const cameo_entry *ce2 = lexicon_cameo(c->e, ev->code);
        if (ce2) {
            e->quad = ce2->quad;
            e->goldstein = ce2->goldstein;
            e->cameo_name = ce2->name;
        } else {
            int root = atoi(ev->code) / (strlen(ev->code) == 2 ? 1 : strlen(ev->code) == 3 ? 10 : 100);
            e->quad = root <= 5 ? 1 : root <= 8 ? 2 : root <= 14 ? 3 : 4;
        }
        /* PLOVER: the code's own entry, else its parents' */
        for (size_t l = strlen(ev->code); l >= 2 && !e->plover; l--) {
            char pc[5];
            snprintf(pc, sizeof pc, "%.*s", (int)l, ev->code);
            const cameo_entry *pe = lexicon_cameo(c->e, pc);
            if (pe && pe->plover)
                e->plover = pe->plover;
        }
        e->trigger = dup_span(c, s->t[tr->start].off,
                              s->t[tr->end - 1].off + s->t[tr->end - 1].len);
        attach(c, si, s, &at, e, s->t[tr->start].off, claim_from);
    }
    /* "Diese Zahlen lassen sich nicht verifizieren": back to the figures */
    (void)first_event;
}

static void apply_anaphoric_verification(ctx *c)
{
    dyad_doc *d = c->d;
    for (size_t si = 1; si < d->nsents; si++) {
        span sp = d->sents[si];
        int anaph = 0;
        int v = attr_verification(d->text + sp.start, sp.end - sp.start, d->lang, &anaph);
        if (!v || !anaph)
            continue;
        const char *label = v == ATTR_VERIF_UNVERIFIED ? "unverified" : "corroborated";
        /* the nearest earlier sentence (of two) whose events carry figures */
        for (size_t back = 1; back <= 2 && back <= si; back++) {
            int hit = 0;
            for (size_t k = 0; k < d->nevents; k++) {
                dyad_event *e = &d->events[k];
                if (e->sentence_index == si - back && e->quantity.present) {
                    e->verification = label;
                    hit = 1;
                }
            }
            if (hit)
                break;
        }
    }
}

static void scan_sentence(ctx *c, size_t si)
{
    dyad_doc *d = c->d;
    sent_info *s = &c->s[si];
    s->nt = token_split(&d->mem, c->lx, d->text, d->sents[si], &s->t);
    s->nm = match_sentence(&d->mem, c->e, c->lx, d->text, s->t, s->nt, d->pubdays, &s->m);
    s->roles = arena_alloc(&d->mem, (s->nt + 1) * sizeof *s->roles);
    s->in_actor = arena_alloc(&d->mem, s->nt + 1);
    if (!s->roles || !s->in_actor) {
        s->nt = 0;
        s->nm = 0;
        return;
    }
    for (size_t q = 0; q < s->nm; q++)
        if (s->m[q].type == PH_ROLE)
            for (uint32_t k = s->m[q].start; k < s->m[q].end; k++)
                s->roles[k] |= (uint16_t)(1u << s->m[q].ref);
    for (size_t k = 0; k < s->nt; k++)
        if (has_role(s, k, ROLE_KONJ))
            s->konj = 1;
    if (s->nt && is_punct(c, &s->t[s->nt - 1], "?"))
        s->question = 1;
    else if (s->nt > 1 && is_quote(c, &s->t[s->nt - 1]) && is_punct(c, &s->t[s->nt - 2], "?"))
        s->question = 1;
    build_mentions(c, s);
    find_claimant(c, s);
    for (size_t k = 0; k < s->nmen; k++) {
        if (s->men[k].speaker)
            continue;
        note_country(c, s->men[k].code, 1);
        if (s->men[k].kind != AK_AGENT && strlen(s->men[k].code) >= 3 &&
            strncmp(s->men[k].code, "IGO", 3) && strncmp(s->men[k].code, "NGO", 3))
            memcpy(c->last_country, s->men[k].code, 3);
    }
}

int extract_document(dyad_engine *e, dyad_doc *d)
{
    ctx c = { .e = e, .d = d, .lx = lexicon_lang(e, d->lang) };
    c.s = arena_alloc(&d->mem, (d->nsents + 1) * sizeof *c.s);
    if (!c.s)
        return -1;
    for (size_t si = 0; si < d->nsents; si++)
        scan_sentence(&c, si);
    size_t claim_from = 0;
    for (size_t si = 0; si < d->nsents; si++) {
        /* a speaker is continued for at most three sentences */
        claim_from = si > 3 ? si - 3 : 0;
        code_sentence(&c, si, claim_from);
    }
    apply_anaphoric_verification(&c);
    return 0;
}
