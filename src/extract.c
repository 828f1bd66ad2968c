/* extract.c — from lexicon matches to events. Pass 1 turns actor matches
 * into mentions (adjective + agent, genitive + agent, agent + of-phrase,
 * appositions, coordination) and counts which countries the document is
 * about. Pass 2 gives each event trigger a source and a target from its
 * clause (prepositions, passive, word order), the document's context when
 * one side is missing, and attaches date, place, quantity, claimant and
 * certainty. */
#include <ctype.h>
#include <stdio.h>
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
    uint8_t weak;               /* adjective without agent: a target only */
    uint8_t agent_first;        /* "Außenminister Freedonias": role first */
    uint8_t own;                /* "its troops": the subject's own, no party */
    uint8_t inherited;          /* a lone agent's country came from context */
    int coord;                  /* index of the mention joined by "und" */
} mention;

typedef struct {
    token *t; size_t nt;
    match *m; size_t nm;
    uint32_t *roles;            /* per token: bit per role job */
    uint8_t *in_actor;
    uint8_t *in_event;          /* inside an event trigger's own words */
    mention *men; size_t nmen;
    char claim_code[16];
    uint32_t claim_s, claim_e;  /* claimant text: byte span, 0/0 none */
    const char *claim_en;       /* a descriptive claimant in English */
    int konj;                   /* Konjunktiv I: continues a speaker */
    int claim_self;             /* "eigenen Angaben zufolge": the source claims */
    int verif, verif_anaph, verif_done;  /* attr_verification, on demand */
    int figures;                /* some event of the sentence has a figure */
    size_t ev_first, ev_end;    /* its events in the document's list */
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
    int debug;
} ctx;

static int sent_verif(ctx *c, size_t si, int *anaph);

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

/* The party a verb's missing object most likely is: the most talked-about
 * country other than the source's, unless the article is mostly about the
 * source's own country (domestic news: the other side is then unknown). */
static const char *other_party(const ctx *c, const char *src)
{
    const char *o = salient(c, src);
    if (!o || !src)
        return o;
    int own = 0, other = 0;
    for (int i = 0; i < c->ncountry; i++) {
        if (!memcmp(c->country[i], src, 3))
            own = c->count[i];
        if (!memcmp(c->country[i], o, 3))
            other = c->count[i];
    }
    return other * 2 < own ? NULL : o;
}

/* A state's code (not an IGO, NGO or bloc's member body) */
static int is_state(const char *code)
{
    return strncmp(code, "IGO", 3) && strncmp(code, "NGO", 3) && strncmp(code, "IMG", 3);
}

static int is_country3(const char *code)
{
    return strlen(code) == 3 && strcmp(code, "IGO") && strcmp(code, "NGO");
}

/* Roles that belong to the country they are in: "the government in
 * Kyiv", "rebels in the Ivory Coast" (not soldiers: they may be abroad). */
static int local_role(const char *role)
{
    static const char *const r[] = { "GOV", "REB", "OPP", "CVL", "COP", "JUD", "LEG", NULL };
    for (int i = 0; r[i]; i++)
        if (!strcmp(role, r[i]))
            return 1;
    return 0;
}

/* country (3 letters) + role of a generic agent */
static void combine(char *out, const char *country, const char *role)
{
    size_t cl = strnlen(country, 3), rl = strnlen(role, 12);
    memcpy(out, country, cl);
    memcpy(out + cl, role, rl);
    out[cl + rl] = 0;
}

/* Copies an actor code into a 16-byte field. */
static void code_copy(char *out, const char *code)
{
    size_t n = strnlen(code, 15);
    memcpy(out, code, n);
    out[n] = 0;
}

/* Tokens that may stand between a preposition or adjective and its noun:
 * articles and determiners, and lower-case adjectives, known by their
 * endings (German inflection; English derivation): "aus dem benachbarten",
 * "to neighboring". Verbs are not fillers: "refuse to recognize X". */
static int ends_with(const char *w, size_t n, const char *suf)
{
    size_t l = strlen(suf);
    return n > l + 2 && !memcmp(w + n - l, suf, l);
}

/* A compass word or part: "north", "north-west" (as two tokens). */
static int compass(const ctx *c, const token *t)
{
    static const char *const w[] = { "north", "south", "east", "west", "central", NULL };
    const char *x = tok_text(c, t);
    for (int k = 0; w[k]; k++)
        if (t->len == strlen(w[k]) && !strncasecmp(x, w[k], t->len))
            return 1;
    return 0;
}

/* The participle of a hyphenated "Kurdish-held", "rebel-controlled". */
static int held_part(const ctx *c, const sent_info *s, size_t i)
{
    static const char *const w[] = { "held", "controlled", "occupied", "run", NULL };
    const token *t = &s->t[i];
    if (!(t->flags & TOK_HYPH))
        return 0;
    for (int k = 0; w[k]; k++)
        if (t->len == strlen(w[k]) && !memcmp(c->d->text + t->off, w[k], t->len))
            return 1;
    return 0;
}

static int filler(const ctx *c, const sent_info *s, size_t i)
{
    const token *t = &s->t[i];
    if (has_role(s, i, ROLE_DET))
        return 1;
    /* "in north-west Syria" */
    if (c->lx->lang[0] == 'e' && compass(c, t))
        return 1;
    /* "in Kurdish-held Syria", "in rebel-controlled Idlib" */
    if (c->lx->lang[0] == 'e' &&
        (held_part(c, s, i) || (i + 1 < s->nt && held_part(c, s, i + 1))))
        return 1;
    if (!(t->flags & TOK_WORD) || (t->flags & TOK_CAP) || s->in_actor[i] || s->in_event[i])
        return 0;
    for (int j = 0; j < ROLE_NJOBS; j++)
        if (j != ROLE_WEAPON && has_role(s, i, j))
            return 0;
    const char *w = c->d->text + t->off;
    static const char *const de[] = { "e", "en", "er", "es", "em", NULL };
    static const char *const en[] = { "ing", "ern", "al", "ic", "ive", "ous", "ish", "ian", NULL };
    for (const char *const *e = c->lx->lang[0] == 'd' ? de : en; *e; e++)
        if (ends_with(w, t->len, *e))
            return 1;
    return 0;
}

/* ---- pass 1: mentions ---- */

typedef struct { uint32_t start, end; const actor_entry *a; } raw;

/* English "a hunger strike outside Parliament", "near the embassy": an
 * agent behind a place preposition other than "in" ("officials in the
 * ministry" belong to it) is a place. */
static int en_agent_place(const ctx *c, const sent_info *s, const mention *m)
{
    if (c->lx->lang[0] != 'e' || m->kind != AK_AGENT || m->start == 0)
        return 0;
    size_t p = m->start - 1;
    while (p > 0 && p + 3 > m->start && filler(c, s, p) && !has_role(s, p, ROLE_DET))
        p--;
    if (has_role(s, p, ROLE_DET) && p > 0)
        p--;
    const token *t = &s->t[p];
    return has_role(s, p, ROLE_LOC) && !(t->len == 2 && !strncasecmp(tok_text(c, t), "in", 2));
}

/* An armed or opposition group's code ("PSEREB" Hamas): "Hamas
 * leaders", "Hamas's fighters" are the group, not its country's
 * government or army. */
static int group_code(const char *code)
{
    size_t n = strlen(code);
    return n == 6 && (!strcmp(code + 3, "REB") || !strcmp(code + 3, "OPP"));
}

static int person_like(const actor_entry *a)
{
    return a->kind == AK_NAME && strlen(a->code) > 3;
}

/* English "Belgrade radio", "Tehran television": a state's government
 * name (its capital) directly before a media agent. */
static int en_capital_medium(const ctx *c, const actor_entry *a, const raw *nx,
                             uint32_t en)
{
    if (c->lx->lang[0] != 'e' || !nx || nx->start != en || a->kind != AK_NAME ||
        nx->a->kind != AK_AGENT || strlen(a->code) != 6 || strcmp(a->code + 3, "GOV") ||
        strcmp(nx->a->code, "MED"))
        return 0;
    return 1;
}

static void add_mention(sent_info *s, uint32_t st, uint32_t en, const char *code,
                        int kind)
{
    mention *m = &s->men[s->nmen++];
    memset(m, 0, sizeof *m);
    m->start = st;
    m->end = en;
    code_copy(m->code, code);
    m->kind = (uint8_t)kind;
    m->coord = -1;
}

static void build_mentions(ctx *c, sent_info *s)
{
    raw r[256];
    size_t nr = 0;
    for (size_t i = 0; i < s->nm && nr < 256; i++)
        if (s->m[i].type == PH_ACTOR) {
            const actor_entry *a = &c->e->actors[s->m[i].ref];
            /* English stems join "investigators" and "investigating",
             * "protesters" and "protested": a verb form is no agent */
            if (a->kind == AK_AGENT && c->lx->lang[0] == 'e' &&
                s->m[i].end == s->m[i].start + 1) {
                const token *t = &s->t[s->m[i].start];
                const char *w = tok_text(c, t);
                if (t->len > 4 && (!strncmp(w + t->len - 3, "ing", 3) ||
                                   !strncmp(w + t->len - 2, "ed", 2)))
                    continue;
            }
            /* "Russian-made rockets", "Soviet-style": a product's origin */
            if (c->lx->lang[0] == 'e' && s->m[i].end < s->nt &&
                (s->t[s->m[i].end].flags & TOK_HYPH)) {
                const token *t = &s->t[s->m[i].end];
                const char *w = tok_text(c, t);
                static const char *const made[] = { "made", "built", "designed", "style",
                                                    "supplied", "manufactured", NULL };
                int skip = 0;
                for (int k = 0; made[k]; k++)
                    if (t->len == strlen(made[k]) && !memcmp(w, made[k], t->len))
                        skip = 1;
                if (skip)
                    continue;
            }
            r[nr].start = s->m[i].start;
            r[nr].end = s->m[i].end;
            r[nr].a = a;
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
        code_copy(code, a->code);
        size_t j = i + 1;
        int hyph_next = en < s->nt && (s->t[en].flags & TOK_HYPH);
        /* "Artillerie-Geschosse": an agent that modifies a compound is none */
        if (a->kind == AK_AGENT && hyph_next)
            continue;
        /* English "Belgrade radio said": a capital before a medium is
         * that country's medium, not its government */
        if (en_capital_medium(c, a, j < nr ? &r[j] : NULL, en)) {
            combine(code, a->code, r[j].a->code);
            en = r[j].end;
            i = j;
            add_mention(s, st, en, code, AK_AGENT);
            continue;
        }
        /* "SWP-Forscherin", "NATO Secretary General Jens Stoltenberg": a
         * named body with its member */
        if (a->kind == AK_NAME && !is_country3(a->code) && strlen(a->code) > 3 &&
            (hyph_next || !strncmp(a->code, "IGO", 3) || !strncmp(a->code, "NGO", 3) ||
             group_code(a->code)) &&
            j < nr && r[j].start == en && r[j].a->kind == AK_AGENT) {
            en = r[j].end;
            i = j;
            if (j + 1 < nr && r[j + 1].start == en && person_like(r[j + 1].a)) {
                en = r[j + 1].end;
                i = j + 1;
            }
            add_mention(s, st, en, code, AK_NAME);
            continue;
        }
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
                        code_copy(code, r[j].a->code);
                    en = r[j].end;
                    i = j;
                }
                add_mention(s, st, en, code, AK_AGENT);
                continue;
            }
            if (a->kind == AK_ADJ && glued && person_like(r[j].a)) {
                /* "der nordkoreanische Machthaber Kim" without agent entry */
                add_mention(s, st, r[j].end, r[j].a->code, AK_NAME);
                i = j;
                continue;
            }
            if (a->kind == AK_ADJ) {
                /* an adjective alone names no actor, unless it qualifies
                 * an event noun ("russische Angriffe") */
                size_t k = en;
                while (k < s->nt && k - en < 2 && filler(c, s, k))
                    k++;
                int on_event = 0;
                for (size_t q = 0; q < s->nm; q++)
                    if (s->m[q].type == PH_EVENT && s->m[q].start == k)
                        on_event = 1;
                if (on_event || (k < s->nt && (s->t[k].flags & TOK_WORD) && !s->in_actor[k])) {
                    add_mention(s, st, en, a->code, AK_ADJ);
                    s->men[s->nmen - 1].adj_event = (uint8_t)on_event;
                    s->men[s->nmen - 1].weak = (uint8_t)!on_event;
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
                        has_role(s, k, ROLE_SOURCE) ||
                        (has_role(s, k, ROLE_LOC) && local_role(a->code)))
                        gen = 1;
                    else {
                        gen = 0;
                        break;
                    }
            }
            int owned = st > 0 && has_role(s, st - 1, ROLE_OWN);
            /* "Regierung von Präsident Micheil Saakaschwili": an agent
             * whose apposition names the person stands for that person */
            if (b && gen && b->kind == AK_AGENT && j + 1 < nr && r[j + 1].start == r[j].end &&
                person_like(r[j + 1].a)) {
                j++;
                b = r[j].a;
            }
            if (b && (r[j].start == en || gen) && b->kind != AK_AGENT && !(owned && gen)) {
                if (person_like(b) && r[j].start == en)
                    code_copy(code, b->code);
                else if (is_country3(b->code) || b->kind == AK_ADJ ||
                         (person_like(b) && is_state(b->code)))
                    combine(code, b->code, a->code);   /* "Regierung von Präsident X" */
                else
                    code_copy(code, b->code);
                en = r[j].end;
                i = j;
                add_mention(s, st, en, code, AK_AGENT);
                s->men[s->nmen - 1].agent_first = gen || !person_like(b);
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
            if (!ctry)
                ctry = salient(c, NULL);
            if (!ctry && c->last_country[0])
                ctry = c->last_country;
            /* "Soldiers blocked the roads of Haiti": the country named later */
            for (size_t q = i + 1; !ctry && q < nr; q++)
                if ((r[q].a->kind == AK_NAME || r[q].a->kind == AK_ADJ) &&
                    (is_country3(r[q].a->code) ||
                     (r[q].a->kind == AK_NAME && strlen(r[q].a->code) >= 3 &&
                      is_state(r[q].a->code))))
                    ctry = r[q].a->code;   /* a country, or a person's country */
            if (!ctry)
                continue;
            combine(code, ctry, a->code);
            add_mention(s, st, en, code, AK_AGENT);
            s->men[s->nmen - 1].inherited = 1;
            s->men[s->nmen - 1].own = st == 0 ? 0 : has_role(s, st - 1, ROLE_OWN) ? 1
                                    : (s->t[st - 1].flags & TOK_NUM) ? 2 : 0;
            continue;
        }
        add_mention(s, st, en, code, AK_NAME);
    }
    /* only what became a mention is an actor's word */
    memset(s->in_actor, 0, s->nt);
    for (size_t k = 0; k < s->nmen; k++)
        for (uint32_t q = s->men[k].start; q < s->men[k].end && q < s->nt; q++)
            s->in_actor[q] = 1;
    /* coordination "Putin und Kim", "Russia and Ukraine" */
    for (size_t k = 0; k + 1 < s->nmen; k++) {
        uint32_t e0 = s->men[k].end, s1 = s->men[k + 1].start;
        /* "A und B", "A, B", "A und die B" */
        int link = s1 == e0 + 1 ||
                   (s1 == e0 + 2 && has_role(s, e0 + 1, ROLE_DET));
        if (link && (has_role(s, e0, ROLE_AND) || is_punct(c, &s->t[e0], ","))) {
            s->men[k].coord = (int)k + 1;
            /* "die Außenminister Freedonias und Sylvaniens" */
            mention *a = &s->men[k], *b = &s->men[k + 1];
            if (a->agent_first && strlen(a->code) > 3 && b->kind == AK_NAME &&
                is_country3(b->code)) {
                char code[16];
                combine(code, b->code, a->code + 3);
                memcpy(b->code, code, sizeof code);
            }
        }
    }
    /* "in Moskau", "in der Ukraine": a place, not an actor; but "in die
     * Ukraine" (direction) marks a target */
    for (size_t k = 0; k < s->nmen; k++) {
        mention *m = &s->men[k];
        if ((m->kind != AK_NAME && !m->weak && !en_agent_place(c, s, m)) || m->start == 0 ||
            m->adj_event)
            continue;
        uint32_t p = m->start - 1;
        /* over adjectives: "im nördlichen Libanon" */
        while (p > 0 && p + 3 > m->start && filler(c, s, p) && !has_role(s, p, ROLE_DET))
            p--;
        if (has_role(s, p, ROLE_DIRDET))
            continue;
        if (has_role(s, p, ROLE_DET) && p > 0)
            p--;
        if (has_role(s, p, ROLE_LOC))
            m->locative = 1;
    }
}

/* "Moskau/Seoul, 22. August 2025 – Nordkorea hat ...": the places of a
 * dateline before its dash are no parties. */
static void dateline(ctx *c, sent_info *s)
{
    size_t dash = 0;
    for (size_t i = 1; i < s->nt && i < 12; i++) {
        const token *t = &s->t[i];
        const unsigned char *w = (const unsigned char *)tok_text(c, t);
        if ((t->flags & TOK_PUNCT) && ((t->len == 1 && w[0] == '-') ||
                                       (t->len == 3 && w[0] == 0xE2 && w[1] == 0x80 &&
                                        (w[2] == 0x93 || w[2] == 0x94)))) {
            dash = i;
            break;
        }
        /* only names, numbers, months, commas and slashes before it */
        if (!(t->flags & (TOK_CAP | TOK_NUM | TOK_PUNCT)))
            return;
    }
    if (!dash || !s->in_actor[0])
        return;
    for (size_t k = 0; k < s->nmen; k++)
        if (s->men[k].end <= dash)
            s->men[k].locative = 1;
}

/* ---- claimants ---- */

static int mention_at(const sent_info *s, size_t tok, int starting)
{
    for (size_t k = 0; k < s->nmen; k++)
        if (starting ? s->men[k].start == tok : (s->men[k].end == tok))
            return (int)k;
    return -1;
}

static void set_claim(sent_info *s, uint32_t ts, uint32_t te, const char *code)
{
    if (te <= ts || te > s->nt)
        return;
    s->claim_s = s->t[ts].off;
    s->claim_e = s->t[te - 1].off + s->t[te - 1].len;
    snprintf(s->claim_code, sizeof s->claim_code, "%s", code ? code : "");
}

/* Is the actor starting at token p bound by a preposition before it? */
static int bound(const ctx *c, const sent_info *s, size_t p)
{
    for (int hops = 0; p > 0 && hops < 4 && (has_role(s, p - 1, ROLE_DET) || filler(c, s, p - 1));
         hops++)
        p--;   /* "gegen die ehemalige Ministerpräsidentin" */
    if (p == 0)
        return 0;
    p--;
    return has_role(s, p, ROLE_SOURCE) || has_role(s, p, ROLE_TARGET) ||
           has_role(s, p, ROLE_BY) || has_role(s, p, ROLE_PARTNER) ||
           has_role(s, p, ROLE_LOC) || has_role(s, p, ROLE_AGENT);
}

/* A claimant phrase runs over names, articles, "und" and "der/of"
 * links: "die Leiterin der Forschungsgruppe Russland und Eurasien". */
static size_t claim_end(const ctx *c, const sent_info *s, size_t k)
{
    size_t e = k, last = k;
    while (e < s->nt && e - k < 14) {
        const token *t = &s->t[e];
        if (t->flags & TOK_PUNCT)
            break;
        int name = (t->flags & (TOK_CAP | TOK_HYPH)) || s->in_actor[e];
        int link = has_role(s, e, ROLE_DET) || has_role(s, e, ROLE_AND) ||
                   has_role(s, e, ROLE_BY) || has_role(s, e, ROLE_SOURCE) ||
                   filler(c, s, e);   /* "die staatliche ... Nachrichtenagentur KCNA" */
        if (!name && !link)
            break;
        if (has_role(s, e, ROLE_SAY) && !s->in_actor[e])
            break;
        e++;
        if (name)
            last = e;
    }
    return last;
}

static void claim_span(sent_info *s, size_t k, size_t e)
{
    int first = -1;
    for (size_t q = 0; q < s->nmen; q++)
        if (s->men[q].start >= k && s->men[q].start < e) {
            s->men[q].speaker = 1;
            if (first < 0)
                first = (int)q;
        }
    set_claim(s, (uint32_t)k, (uint32_t)e, first >= 0 ? s->men[first].code : "");
}

/* The last person or official named in the three sentences before s:
 * what "er", "sie", "he", "she" most likely refer to. */
static const mention *last_person(const ctx *c, const sent_info *s,
                                  const sent_info **in)
{
    for (const sent_info *p = s; p > c->s && s - p < 3;) {
        p--;
        for (size_t k = p->nmen; k-- > 0;) {
            const mention *m = &p->men[k];
            if (m->kind == AK_ADJ || m->locative || m->weak ||
                strlen(m->code) <= 3 || !strncmp(m->code, "IGO", 3) ||
                !strncmp(m->code, "NGO", 3))
                continue;
            *in = p;
            return m;
        }
    }
    return NULL;
}

/* "sagte er", "he said": the speaker is the last person named before. */
static void pronoun_speaker(ctx *c, sent_info *s)
{
    const sent_info *p;
    const mention *m = last_person(c, s, &p);
    if (!m)
        return;
    s->claim_s = p->t[m->start].off;
    s->claim_e = p->t[m->end - 1].off + p->t[m->end - 1].len;
    snprintf(s->claim_code, sizeof s->claim_code, "%s", m->code);
}

/* German "Wie X mitteilte, ..." / "Wie aus einer Verlautbarung der X
 * hervorgeht, ...": a clause opened by "wie" around the reporting verb at
 * i names the claimant, a name before an agent. 1 when found. */
static int de_wie_claim(const ctx *c, sent_info *s, size_t i)
{
    size_t b = i;
    while (b > 0 && !is_punct(c, &s->t[b - 1], ",;:"))
        b--;
    const token *w = &s->t[b];
    if (b == i || w->len != 3 || strncasecmp(tok_text(c, w), "wie", 3))
        return 0;
    int pick = -1;
    for (size_t q = 0; q < s->nmen; q++) {
        const mention *m = &s->men[q];
        if (m->start <= b || m->end > i || m->kind == AK_ADJ)
            continue;
        if (pick < 0 || (m->kind == AK_NAME && s->men[pick].kind != AK_NAME))
            pick = (int)q;
    }
    if (pick < 0)
        return 0;
    set_claim(s, s->men[pick].start, s->men[pick].end, s->men[pick].code);
    return 1;
}

/* "offiziellen nordkoreanischen Verlautbarungen" -> "official North
 * Korean statements": a claimant that names no one, word by word in
 * English (country adjectives from the English lexicon, other words from
 * glosses.txt); NULL when a word has no English. */
static const char *claim_gloss(ctx *c, const sent_info *s, size_t b, size_t e)
{
    char buf[160];
    size_t n = 0;
    for (size_t k = b; k < e; k++) {
        const char *en = NULL;
        for (size_t q = 0; q < s->nmen && !en; q++)
            if (s->men[q].start <= k && k < s->men[q].end && s->men[q].kind == AK_ADJ)
                en = lexicon_demonym(c->e, s->men[q].code);
        /* "Geheimdienst-Informationen" as a whole, else by its parts */
        size_t j = k;
        while (!en && j + 1 < e && (s->t[j + 1].flags & TOK_HYPH))
            j++;
        if (!en && j > k) {
            const token *a = &s->t[k], *z = &s->t[j];
            en = lexicon_gloss(c->lx, c->d->text + a->off, z->off + z->len - a->off);
            if (en)
                k = j;
        }
        if (!en)
            en = lexicon_gloss(c->lx, tok_text(c, &s->t[k]), s->t[k].len);
        if (!en || n + strlen(en) + 2 > sizeof buf)
            return NULL;
        n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%s", n ? " " : "", en);
    }
    return n ? arena_strndup(&c->d->mem, buf, n) : NULL;
}

static int de_attr_neg(const ctx *c, const sent_info *s, size_t i);

/* German "nach nicht überprüfbaren westlichen Geheimdienst-Informationen":
 * the claimant noun at i with actor adjectives before it, behind "nach" and
 * adjectives that judge the claim; where the named part starts, else 0. */
static size_t de_claim_adj(const ctx *c, const sent_info *s, size_t i)
{
    if (c->lx->lang[0] != 'd')
        return 0;
    size_t b = i;
    while (b > 0 && i - b < 4 && s->in_actor[b - 1])
        b--;
    size_t p = b;
    while (p > 0 && b - p < 3 && filler(c, s, p - 1))
        p--;
    if (p > 0 && de_attr_neg(c, s, p - 1))
        p--;
    return b < i && p < b && p > 0 && has_role(s, p - 1, ROLE_TARGET) ? b : 0;
}

/* German "SWP-Forscherin Klein verweist auf ...": an agent and a surname
 * the lexicon does not know, right before the reporting verb at i, speak.
 * The agent mention's index, else -1. */
static int de_apposed_speaker(const ctx *c, const sent_info *s, size_t i)
{
    if (c->lx->lang[0] != 'd' || i < 2)
        return -1;
    const token *n = &s->t[i - 1];
    if (!(n->flags & TOK_WORD) || !(n->flags & TOK_CAP) || s->in_actor[i - 1] ||
        s->in_event[i - 1] || has_role(s, i - 1, ROLE_TIME))
        return -1;
    int m = mention_at(s, i - 1, 0);
    if (m < 0 || s->men[m].kind == AK_ADJ || bound(c, s, s->men[m].start))
        return -1;
    return m;
}

static void find_claimant(ctx *c, sent_info *s)
{
    for (size_t i = 0; i < s->nt; i++) {
        int acc = has_role(s, i, ROLE_ACCORDING), say = has_role(s, i, ROLE_SAY);
        if ((!acc && !say) || s->in_event[i] || s->in_actor[i])
            continue;   /* "United States" does not state */
        /* German "so Klein" only after a comma or a closing quote */
        const char *w = tok_text(c, &s->t[i]);
        if (acc && s->t[i].len == 2 && !strncasecmp(w, "so", 2) &&
            !(i > 0 && (is_punct(c, &s->t[i - 1], ",") || is_quote(c, &s->t[i - 1]))))
            continue;
        /* "Wie die NATO am Montag mitteilte, ...": the clause's actor
         * claims, and may still act in the sentence */
        if (say && c->lx->lang[0] == 'd' && de_wie_claim(c, s, i))
            return;
        /* "eigenen Angaben zufolge", "by its own account": the actor claims */
        if (acc && i > 0 && (s->t[i].flags & TOK_CAP) &&
            ((s->t[i - 1].len >= 5 && !strncasecmp(tok_text(c, &s->t[i - 1]), "eigen", 5)) ||
             (s->t[i - 1].len == 3 && !strncasecmp(tok_text(c, &s->t[i - 1]), "own", 3)))) {
            s->claim_self = 1;
            return;
        }
        /* "nach ukrainischen Angaben", "nach offiziellen nordkoreanischen
         * Verlautbarungen": the source is an adjective before the noun */
        if (acc && (s->t[i].flags & TOK_CAP) && i >= 2) {
            size_t b = i, actor = 0;
            while (b > 0 && i - b < 3 && (s->in_actor[b - 1] || filler(c, s, b - 1)) &&
                   !has_role(s, b - 1, ROLE_DET)) {
                actor |= s->in_actor[b - 1];
                b--;
            }
            if (actor && b > 0 && b < i && has_role(s, b - 1, ROLE_TARGET)) {
                claim_span(s, b, i + 1);
                s->claim_en = claim_gloss(c, s, b, i + 1);
                return;
            }
            if ((b = de_claim_adj(c, s, i)) > 0) {
                claim_span(s, b, i + 1);
                s->claim_en = claim_gloss(c, s, b, i + 1);
                return;
            }
        }
        size_t k = i + 1;
        while (k < s->nt && (has_role(s, k, ROLE_ACCORDING) || has_role(s, k, ROLE_SAY)))
            k++;   /* "nach Angaben", "according to" */
        while (k < s->nt && k - i < 4 && has_role(s, k, ROLE_DET))
            k++;
        /* the speaker after the marker: "sagte Selenskyj", "laut Klein" */
        while (k < s->nt && k - i < 6 && filler(c, s, k) && !s->in_actor[k])
            k++;   /* "berichtete die staatliche ... KCNA" */
        size_t e = k < s->nt ? claim_end(c, s, k) : k;
        /* English "X said Y attacked": Y is no speaker; only ", said X" */
        int fwd = c->lx->lang[0] == 'd' || acc ||
                  (i > 0 && (is_punct(c, &s->t[i - 1], ",") || is_quote(c, &s->t[i - 1])));
        if (fwd && e > k && (s->t[k].flags & (TOK_CAP | TOK_HYPH) || s->in_actor[k]) &&
            !has_role(s, k, ROLE_TIME)) {
            claim_span(s, k, e);
            return;
        }
        /* "X said", "X sagte": the mention or names right before */
        /* not when "sagte er" names its own speaker, nor for an actor
         * that a preposition binds ("in die Ukraine sagte er") */
        int pron_after = i + 1 < s->nt && has_role(s, i + 1, ROLE_PRON);
        int pron_before = i > 0 && has_role(s, i - 1, ROLE_PRON);
        if (say && (pron_after || pron_before)) {
            pronoun_speaker(c, s);
            return;
        }
        if (say && i > 0 && !pron_after) {
            size_t v = i;   /* "the Turkish president has said" */
            while (v > 1 && i - v < 2 && has_role(s, v - 1, ROLE_AUX))
                v--;
            int m = mention_at(s, (uint32_t)v, 0);
            if (m < 0 && v != i)
                m = mention_at(s, (uint32_t)i, 0);
            if (m >= 0 && bound(c, s, s->men[m].start))
                m = -2;
            if (m >= 0) {
                size_t b = s->men[m].start;
                claim_span(s, b, i);
                return;
            }
            if (m == -1 && (m = de_apposed_speaker(c, s, i)) >= 0) {
                claim_span(s, s->men[m].start, i);
                return;
            }
            size_t b = m == -2 ? 0 : i;
            while (b > 0 && (s->t[b - 1].flags & TOK_CAP) && !(s->t[b - 1].flags & TOK_PUNCT) &&
                   i - b < 4)
                b--;
            if (b < i && b > 0) {   /* not the sentence's first word alone */
                claim_span(s, b, i);
                return;
            }
        }
    }
}

/* ---- clauses ---- */

/* English subordinators open a clause without a comma ("as authorities
 * in Croatia cracked down"); "that" does not: its clause is the object. */
static int open_clause(const ctx *c, const sent_info *s, size_t i)
{
    const token *t = &s->t[i];
    return c->lx->lang[0] == 'e' && !(t->len == 4 && !strncasecmp(tok_text(c, t), "that", 4));
}

/* English ", and Turkey intended ...": a comma, a conjunction and a new
 * capitalised subject start another clause (token i is the comma). */
static int and_clause(const ctx *c, const sent_info *s, size_t i)
{
    return c->lx->lang[0] == 'e' && i + 2 < s->nt &&
           is_punct(c, &s->t[i], ",") && has_role(s, i + 1, ROLE_AND) &&
           (s->t[i + 2].flags & TOK_CAP);
}

/* German subordinate clauses end in their verb, before a comma: "Als
 * Kämpfer die Stadt einnahmen, töteten sie ...": the clause of i is cut at
 * that comma, and the main clause after a sentence-initial one starts
 * behind it. */
static void de_sub_clause(const ctx *c, const sent_info *s, size_t i, size_t *cs,
                          size_t *ce)
{
    if (c->lx->lang[0] != 'd')
        return;
    for (size_t p = 0; p < s->nt && p <= i; p++) {
        if (!has_role(s, p, ROLE_CLAUSE) || (s->t[p].flags & TOK_CAP && p > 0))
            continue;
        int initial = 1;
        for (size_t k = 0; k < p; k++)
            if (!(s->t[k].flags & TOK_PUNCT))
                initial = 0;
        if (!initial && !is_punct(c, &s->t[p - 1], ","))
            continue;
        size_t q = p + 1;
        while (q < s->nt && !(is_punct(c, &s->t[q], ",") && (s->t[q - 1].flags & TOK_WORD) &&
                              !(s->t[q - 1].flags & TOK_CAP) && !s->in_actor[q - 1]))
            q++;
        if (q >= s->nt)
            continue;
        if (i > p && i < q && *ce > q)
            *ce = q;
        else if (initial && i > q && *cs <= p)
            *cs = q + 1;
    }
}

static void clause_of(const ctx *c, const sent_info *s, size_t i, size_t *cs,
                      size_t *ce)
{
    size_t a = i, b = i;
    while (a > 0) {
        const token *t = &s->t[a - 1];
        if (is_punct(c, t, ";"))
            break;
        if (a >= 2 && has_role(s, a - 1, ROLE_CLAUSE) &&
            (is_punct(c, &s->t[a - 2], ",") || open_clause(c, s, a - 1)))
            { a--; break; }
        if (a >= 2 && and_clause(c, s, a - 2))
            { a--; break; }
        a--;
    }
    while (b + 1 < s->nt) {
        const token *t = &s->t[b + 1];
        if (is_punct(c, t, ";"))
            break;
        if (is_punct(c, t, ",") && b + 2 < s->nt && has_role(s, b + 2, ROLE_CLAUSE))
            break;
        if (and_clause(c, s, b + 1))
            break;
        if (has_role(s, b + 1, ROLE_CLAUSE) && open_clause(c, s, b + 1))
            break;
        b++;
    }
    *cs = a;
    *ce = b + 1;
    de_sub_clause(c, s, i, cs, ce);
}

/* The role a preposition in front of mention m gives it, for trigger ev. */
enum { MK_NONE, MK_SOURCE, MK_TARGET, MK_PARTNER, MK_BY, MK_TSOURCE,
       MK_TTARGET, MK_FRONT };

static int marker(const ctx *c, const sent_info *s, const mention *m,
                  const event_entry *ev)
{
    size_t p = m->start;
    int hops = 0;
    /* "responding to Trump's decision": the preposition governs the
     * possessor's noun, not the possessor */
    if (m->end > m->start && (s->t[m->end - 1].flags & TOK_POSS))
        return MK_NONE;
    while (p > 0 && hops < 3) {
        p--;
        const token *t = &s->t[p];
        for (int k = 0; k < ev->nsprep; k++)
            if (token_is(t, ev->sprep[k]))
                return MK_TSOURCE;
        for (int k = 0; k < ev->ntprep; k++)
            if (token_is(t, ev->tprep[k]))
                return MK_TTARGET;
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

/* English past participles: regular -ed, strong -en/-wn, and the short
 * irregular ones of conflict news (hit, shot, struck, held, sent, ...). */
static int participle(const char *w, size_t n)
{
    static const char *const irr[] = {
        "hit", "shot", "struck", "held", "sent", "met", "led", "put", "cut",
        "set", "told", "sold", "kept", "left", "lost", "caught", "fought",
        "brought", "bought", "spent", "built", "won", "made", "paid", "said",
        "found", "thrown", "seen", "beat", NULL
    };
    if (n > 3 && (!strncmp(w + n - 2, "ed", 2) || !strncmp(w + n - 2, "en", 2) ||
                  !strncmp(w + n - 2, "wn", 2)))
        return 1;
    for (int i = 0; irr[i]; i++)
        if (strlen(irr[i]) == n && !strncasecmp(w, irr[i], n))
            return 1;
    return 0;
}

/* Is mention m introduced by an unambiguous agent marker ("durch")? */
static int agent_prep(const sent_info *s, const mention *m)
{
    for (size_t p = m->start, hops = 0; p > 0 && hops < 3; hops++) {
        p--;
        if (has_role(s, p, ROLE_AGENT))
            return 1;
        if (!has_role(s, p, ROLE_DET))
            return 0;
    }
    return 0;
}

/* German "zu sieben Jahren Haft verurteilt", "Verantwortung ... übernommen":
 * a phrase that ends in a lower-case verb (not a preposition) is headed by
 * that verb: its participle tells the passive, the clause's subject acts it. */
static int de_verb_head(const ctx *c, const sent_info *s, const match *tr)
{
    if (c->lx->lang[0] != 'd' || tr->end < tr->start + 2)
        return 0;
    size_t l = tr->end - 1;
    if (!(s->t[l].flags & TOK_WORD) || (s->t[l].flags & TOK_CAP))
        return 0;
    for (int j = 0; j < ROLE_NJOBS; j++)
        if (j != ROLE_SAY && has_role(s, l, j))
            return 0;
    return 1;
}

/* German "Elf Gefängnisangestellte sind festgenommen": "sein" with the
 * participle of an act done to someone (coercion, assault, mass violence)
 * is a passive; not the perfect of a verb of motion ("sind einmarschiert"). */
static int de_state_passive(const ctx *c, const sent_info *s, size_t cs, size_t ce,
                            const match *tr, const event_entry *ev)
{
    if (c->lx->lang[0] != 'd' ||
        !(!strncmp(ev->code, "17", 2) || !strncmp(ev->code, "18", 2) ||
          !strncmp(ev->code, "20", 2)))
        return 0;
    static const char *const sein[] = { "ist", "sind", "war", "waren", "sei", "seien", NULL };
    for (size_t i = cs; i < ce && i < tr->start; i++)
        for (const char *const *w = sein; *w; w++)
            if (s->t[i].len == strlen(*w) && !strncasecmp(tok_text(c, &s->t[i]), *w, s->t[i].len))
                return 1;
    return 0;
}

/* English reduced passive relative: "civilians forced from their homes
 * are gathered", "to West Africans ordered out of Nigeria": a bare
 * participle right behind a party, with "from" or "out of" after it, is
 * done to that party when the party is itself an object (a preposition
 * before it) or the clause's own verb follows. */
static int en_reduced_relative(const ctx *c, const sent_info *s, size_t ce, const match *tr)
{
    if (c->lx->lang[0] != 'e' || tr->start < 2 ||
        tr->start + 1 >= s->nt || !s->in_actor[tr->start - 1])
        return 0;
    const token *n = &s->t[tr->start + 1];
    const char *nw = tok_text(c, n);
    if (!((n->len == 4 && !strncasecmp(nw, "from", 4)) ||
          (n->len == 3 && !strncasecmp(nw, "out", 3))))
        return 0;
    const mention *m = NULL;
    for (size_t k = 0; k < s->nmen; k++)
        if (s->men[k].end == tr->start)
            m = &s->men[k];
    if (!m)
        return 0;
    size_t p = m->start;
    while (p > 0 && p + 3 > m->start && (has_role(s, p - 1, ROLE_DET) || filler(c, s, p - 1)))
        p--;
    if (p > 0 && (has_role(s, p - 1, ROLE_TARGET) || has_role(s, p - 1, ROLE_SOURCE) ||
                  has_role(s, p - 1, ROLE_PARTNER)))
        return 1;
    for (size_t k = tr->start + 2; k < ce && k < tr->start + 9; k++) {
        if (s->t[k].flags & TOK_PUNCT)
            break;
        if (has_role(s, k, ROLE_AUX) || has_role(s, k, ROLE_PASSIVE))
            return 1;
    }
    return 0;
}

static int passive_clause(const ctx *c, const sent_info *s, size_t cs, size_t ce,
                          const match *tr, const event_entry *ev)
{
    if (ev->flags & EF_PASSIVE)
        return 1;
    if (ev->flags & EF_NOUN)
        return 0;
    const token *t = &s->t[tr->start];
    if (de_verb_head(c, s, tr))
        t = &s->t[tr->end - 1];   /* "zu sieben Jahren Haft verurteilt" */
    const char *w = tok_text(c, t);
    if (c->lx->lang[0] == 'd') {
        /* German: an auxiliary anywhere in the clause, a participle */
        int aux = 0;
        for (size_t i = cs; i < ce; i++)
            if (has_role(s, i, ROLE_PASSIVE))
                aux = 1;
        if (!aux)
            aux = de_state_passive(c, s, cs, ce, tr, ev);
        return aux && t->len > 4 && strstr(w, "ge") && !(t->flags & TOK_CAP);
    }
    /* English: "was attacked", "were reportedly killed", "has been hit";
     * not the progressive "is investigating", nor "is prepared to" */
    if (!participle(w, t->len))
        return 0;
    const token *last = &s->t[tr->end - 1];
    if (tr->end > tr->start + 1 && last->len == 2 &&
        !strncasecmp(tok_text(c, last), "to", 2))
        return 0;
    /* "the journalist captured by Islamic State": a participle with its
     * agent right behind it */
    const token *l = &s->t[tr->end - 1];
    if (tr->end < s->nt && has_role(s, tr->end, ROLE_BY) &&
        participle(tok_text(c, l), l->len))
        return 1;
    for (size_t i = tr->start, hops = 0; i > cs && hops < 3; hops++) {
        i--;
        if (s->t[i].flags & TOK_PUNCT)
            break;
        if (has_role(s, i, ROLE_PASSIVE))
            return 1;
    }
    return en_reduced_relative(c, s, ce, tr);
}

/* German "nach nicht überprüfbaren Informationen": "nicht" before an
 * attributive adjective and its noun negates the adjective, not the clause. */
static int de_attr_neg(const ctx *c, const sent_info *s, size_t i)
{
    if (c->lx->lang[0] != 'd' || i == 0 || i + 2 >= s->nt ||
        s->t[i].len != 5 || strncasecmp(tok_text(c, &s->t[i]), "nicht", 5))
        return 0;
    /* right after an article or a preposition: "nach nicht ...", "die nicht ..." */
    if (!has_role(s, i - 1, ROLE_DET) && !has_role(s, i - 1, ROLE_SOURCE) &&
        !has_role(s, i - 1, ROLE_TARGET) && !has_role(s, i - 1, ROLE_LOC) &&
        !has_role(s, i - 1, ROLE_PARTNER))
        return 0;
    /* one or more adjectives, then their noun */
    size_t k = i + 1;
    for (; k < s->nt && k < i + 4; k++) {
        const token *a = &s->t[k];
        const char *w = tok_text(c, a);
        if (!(a->flags & TOK_WORD) || s->in_event[k])
            return 0;
        if (a->flags & TOK_CAP)
            return k > i + 1;
        if (a->len < 4 || w[a->len - 2] != 'e' || !strchr("nrsm", w[a->len - 1]))
            return 0;
    }
    return 0;
}

static int negated(const ctx *c, const sent_info *s, size_t cs, const match *tr)
{
    size_t lim = tr->end + 2 < s->nt ? tr->end + 2 : s->nt;
    for (size_t i = cs; i < lim; i++) {
        if (i >= tr->start && i < tr->end)
            continue;
        if (has_role(s, i, ROLE_NEGATION) && !de_attr_neg(c, s, i)) {
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
    int done;
} sent_attrs;

static size_t dist(size_t a, size_t b) { return a > b ? a - b : b - a; }

/* Bytes between a span [s, s+n) and the trigger's words [ts, te). */
static size_t span_dist(size_t s, size_t n, size_t ts, size_t te)
{
    if (s + n <= ts)
        return ts - (s + n);
    return s >= te ? s - te : 0;
}

/* The place a sentence gives for its events: introduced by a preposition,
 * a city or region before a whole country, then the nearest to rel. */
static size_t best_place(const attr_place *pl, size_t n, size_t rel)
{
    size_t best = SIZE_MAX;
    for (size_t k = 0; k < n; k++) {
        if (!pl[k].after_prep)
            continue;
        if (best == SIZE_MAX || (pl[best].is_country && !pl[k].is_country) ||
            (pl[best].is_country == pl[k].is_country &&
             dist(pl[k].start, rel) < dist(pl[best].start, rel)))
            best = k;
    }
    return best;
}

/* The sentence's attributes, scanned once and only for sentences that
 * hold an event. */
static void scan_attrs(ctx *c, size_t si, sent_attrs *at)
{
    if (at->done)
        return;
    dyad_doc *d = c->d;
    const char *st = d->text + d->sents[si].start;
    size_t sn = d->sents[si].end - d->sents[si].start;
    at->ndates = attr_date_find(st, sn, d->lang, d->pub, at->dates, MAXQ);
    at->nq = attr_quantity_find(st, sn, d->lang, at->qs, MAXQ);
    at->nplaces = c->e->gaz ? attr_place_find(c->e->gaz, st, sn, d->lang, at->places, MAXQ) : 0;
    at->verif = sent_verif(c, si, &at->verif_anaph);
    at->hedged = attr_hedged(st, sn, d->lang);
    at->done = 1;
}

/* Where the sentence says it happened: its first town or region, else the
 * place a preposition introduces nearest to rel. */
static const attr_place *event_place(const sent_attrs *at, size_t rel)
{
    for (size_t k = 0; k < at->nplaces; k++)
        if (!at->places[k].is_country)
            return &at->places[k];
    size_t best = best_place(at->places, at->nplaces, rel);
    return best != SIZE_MAX ? &at->places[best] : NULL;
}

/* English adverbs by their endings ("protectively", "reportedly"); not
 * "supply", "rally" or "ally". */
static int adverb(const ctx *c, const token *t)
{
    static const char *const suf[] = { "ively", "edly", "ingly", "fully", "ously",
                                       "ically", "antly", "ently", NULL };
    const char *w = tok_text(c, t);
    for (int k = 0; suf[k]; k++)
        if (ends_with(w, t->len, suf[k]))
            return 1;
    return 0;
}

/* A trigger inside a compound adjective: it starts on the participle of
 * "long-threatened", or is "long-imprisoned" whole (a lower-case first
 * part: "US-backed" keeps its actor). */
static int adj_compound(const ctx *c, const sent_info *s, const match *tr)
{
    const token *a = &s->t[tr->start], *b = &s->t[tr->end - 1];
    if (a->flags & TOK_HYPH)
        return participle(tok_text(c, a), a->len);
    if (tr->end != tr->start + 2 || !(b->flags & TOK_HYPH) || (a->flags & TOK_CAP) ||
        s->in_actor[tr->start])
        return 0;
    return participle(tok_text(c, b), b->len);
}

/* "the fighting", "heavy fighting": an English -ing form after an article
 * or an adjective is a noun. */
static int gerund(const ctx *c, const sent_info *s, const match *tr)
{
    const token *t = &s->t[tr->start];
    if (tr->end != tr->start + 1 || tr->start == 0 ||
        !ends_with(tok_text(c, t), t->len, "ing"))
        return 0;
    size_t p = tr->start - 1;
    if (has_role(s, p, ROLE_DET) || filler(c, s, p))
        return 1;
    /* "rocked by heavy fighting", "amid fierce fighting" */
    if (p > 0 && !(s->t[p].flags & TOK_CAP) && !s->in_actor[p] && !s->in_event[p] &&
        (has_role(s, p - 1, ROLE_BY) || has_role(s, p - 1, ROLE_LOC)))
        return 1;
    return 0;
}

/* "Assad's backer, Russia": a possessor, its noun (one or two words), a
 * comma and the mention that names the noun. */
/* English "the decision of sending troops", "the practice of detaining":
 * an -ing verb after "of" that follows a common noun. */
static int of_gerund(const ctx *c, const sent_info *s, const match *tr)
{
    const token *t = &s->t[tr->start];
    if (tr->start < 2 || !ends_with(tok_text(c, t), t->len, "ing"))
        return 0;
    const token *of = &s->t[tr->start - 1], *n = &s->t[tr->start - 2];
    return of->len == 2 && !strncasecmp(tok_text(c, of), "of", 2) &&
           (n->flags & TOK_WORD) && !(n->flags & TOK_CAP) && !s->in_actor[tr->start - 2] &&
           !s->in_event[tr->start - 2];
}

static int apposed_possessor(const ctx *c, const sent_info *s, const mention *m)
{
    if (!(s->t[m->end - 1].flags & TOK_POSS))
        return 0;
    for (size_t k = m->end + 1; k <= m->end + 2 && k + 1 < s->nt; k++)
        if (is_punct(c, &s->t[k], ","))
            return s->in_actor[k + 1] && (s->t[k + 1].flags & TOK_CAP);
    return 0;
}

/* A headline in title case: most longer words capitalised. */
static int title_case(const ctx *c, const sent_info *s)
{
    size_t words = 0, caps = 0;
    for (size_t i = 0; i < s->nt; i++)
        if ((s->t[i].flags & TOK_WORD) && s->t[i].len > 3) {
            words++;
            caps += (s->t[i].flags & TOK_CAP) != 0;
        }
    (void)c;
    return words && caps * 3 > words * 2;
}

/* An inherited civilian agent moved to the country of the sentence's
 * place; 0 when it stays. */
static int localise(ctx *c, size_t si, sent_attrs *at, const match *tr,
                    const mention *m, char out[16])
{
    const sent_info *s = &c->s[si];
    if (!m->inherited || strlen(m->code) != 6 || strcmp(m->code + 3, "CVL"))
        return 0;
    scan_attrs(c, si, at);
    const attr_place *pl = event_place(at, s->t[tr->start].off - c->d->sents[si].start);
    if (!pl || !is_country3(pl->country) || !strncmp(pl->country, m->code, 3))
        return 0;
    combine(out, pl->country, m->code + 3);
    return 1;
}

static int duration(const char *unit)
{
    static const char *const u[] = { "seconds", "minutes", "hours", "days", "weeks",
                                     "months", "years", NULL };
    for (int i = 0; u[i]; i++)
        if (!strcmp(unit, u[i]))
            return 1;
    return 0;
}

static void attach(ctx *c, size_t si, const sent_info *s, const sent_attrs *at,
                   dyad_event *ev, uint32_t trig_off, uint32_t trig_end,
                   size_t claim_from)
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
    /* a figure with a known unit beats a bare number, any beats a duration
     * ("in the past 24 hours"; but "sieben Jahre Haft" when it is all);
     * then the nearest to the trigger's words */
    size_t qbest = SIZE_MAX, rel_end = trig_end - base;
    for (size_t k = 0; k < at->nq; k++) {
        const attr_quantity *q = &at->qs[k], *b = qbest == SIZE_MAX ? NULL : &at->qs[qbest];
        int qr = duration(q->unit) ? 0 : q->unit[0] ? 2 : 1;
        int br = !b ? -1 : duration(b->unit) ? 0 : b->unit[0] ? 2 : 1;
        if (qr > br || (qr == br && span_dist(q->start, q->len, rel, rel_end) <
                                    span_dist(b->start, b->len, rel, rel_end)))
            qbest = k;
    }
    if (qbest != SIZE_MAX) {
        const attr_quantity *q = &at->qs[qbest];
        ev->quantity.present = 1;
        ev->quantity.value = q->value;
        ev->quantity.unit = arena_strndup(&d->mem, q->unit, strlen(q->unit));
        ev->quantity.qualifier = q->qualifier[0]
            ? arena_strndup(&d->mem, q->qualifier, strlen(q->qualifier)) : NULL;
        ev->quantity.text = dup_span(c, base + (uint32_t)q->start,
                                     base + (uint32_t)(q->start + q->len));
    }
    /* the first town or region the sentence names is where it happened
     * ("airstrikes on Khan Sheikhoun, a town in Idlib province"); a whole
     * country only when no smaller place is named */
    attr_place prev[MAXQ];
    const attr_place *pp = event_place(at, rel);
    if (!pp && si > 0 && c->e->gaz) {
        /* "Der Ort Sudscha in der Region Kursk. Die Ukraine hatte die
         * Grenzregion angegriffen": the place of the sentence before, when
         * it lies in the country of one of the parties */
        span ps = d->sents[si - 1];
        size_t np = attr_place_find(c->e->gaz, d->text + ps.start, ps.end - ps.start,
                                    d->lang, prev, MAXQ);
        size_t b = best_place(prev, np, ps.end - ps.start);
        if (b != SIZE_MAX && ev->source.code && ev->target.code &&
            (!strncmp(prev[b].country, ev->source.code, 3) ||
             !strncmp(prev[b].country, ev->target.code, 3)))
            pp = &prev[b];
    }
    {
        if (pp) {
            const attr_place *p = pp;
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
        if (cl->claim_en) {
            ev->claimant.written = ev->claimant.text;
            ev->claimant.text = cl->claim_en;
        }
    } else if (s->claim_self && ev->source.text) {
        ev->claimant.text = ev->source.text;
        ev->claimant.code = ev->source.code;
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

/* Does mention m overlap trigger tr? A gapped trigger ("nahmen ... fest")
 * owns only its words, not what stands in its gap. */
static int on_trigger(const mention *m, const match *tr)
{
    if (m->start < tr->start)
        return 0;   /* "nordkoreanische Soldaten helfen": the subject */
    if (!tr->gap)
        return m->end > tr->start && m->start < tr->end;
    return (m->start <= tr->start && tr->start < m->end) ||
           (m->start <= tr->end - 1 && tr->end - 1 < m->end);
}

/* Two parties of one country in different roles ("Palestinian police",
 * "Palestinian armed groups"). */
static int two_roles(const char *a, const char *b)
{
    return same_who(a, b) && strlen(a) > 3 && strlen(b) > 3 && strcmp(a + 3, b + 3);
}

static int usable(const mention *m, const match *tr, size_t cs, size_t ce, int pass,
                  int mk)
{
    /* "arrested 40 students": a counted group after the verb may be its
     * object (but counted troops are the actor's own: "contribute 4,000
     * troops") */
    if (m->speaker || on_trigger(m, tr))
        return 0;
    if (m->own && !(m->own == 2 && m->start > tr->start &&
                    !strstr(m->code + 3, "MIL")))
        return 0;
    if (m->locative && mk != MK_TSOURCE && mk != MK_TTARGET)
        return 0;
    return pass == 1 || (m->start >= cs && m->end <= ce);
}

/* English: the place of an act nearest its trigger, when it lies in
 * another country than the doer's or the doer is a rebel group attacking
 * at home (not in a passive: "X, captured by Isis in Syria" names its
 * victim). */
static int en_place_target(const sent_info *s, const match *tr, int src, size_t cs, size_t ce,
                           size_t nmen, const int *mk, const event_entry *ev, int passive)
{
    const char *sc = s->men[src].code;
    int rebel = !passive && strlen(sc) == 6 && !strcmp(sc + 3, "REB") &&
                (!strncmp(ev->code, "18", 2) || !strncmp(ev->code, "19", 2) ||
                 !strncmp(ev->code, "20", 2));
    int best = -1;
    for (size_t k = 0; k < nmen; k++) {
        const mention *m = &s->men[k];
        if (!m->locative || (int)k == src || m->start < cs || m->end > ce ||
            strlen(m->code) < 3 || mk[k] == MK_FRONT ||
            (same_who(m->code, sc) && !rebel))
            continue;
        if (best < 0 || dist(m->start, tr->end) < dist(s->men[best].start, tr->end))
            best = (int)k;
    }
    return best;
}

/* Only articles or adjectives (at most two) between tokens a and b. */
/* Another event trigger starts among tokens [a, b): "rips up a ceasefire
 * agreed between A and B" gives the sides to the ceasefire. */
static int event_between(const sent_info *s, size_t a, size_t b)
{
    for (size_t q = 0; q < s->nm; q++)
        if (s->m[q].type == PH_EVENT && s->m[q].start >= a && s->m[q].start < b)
            return 1;
    return 0;
}

/* A subordinator among tokens [a, b): "a bomb ... while fighting X". */
static int clause_between(const sent_info *s, size_t a, size_t b)
{
    for (size_t k = a; k < b; k++)
        if (has_role(s, k, ROLE_CLAUSE))
            return 1;
    return 0;
}

static int gap_fill(const ctx *c, const sent_info *s, size_t a, size_t b)
{
    if (b < a || b - a > 2)
        return 0;
    for (size_t k = a; k < b; k++)
        if (!filler(c, s, k))
            return 0;
    return 1;
}

/* German "ohne die Zustimmung des Kabinetts": an act noun governed by
 * "ohne" (articles or adjectives between) did not happen. */
static int de_ohne(const ctx *c, const sent_info *s, const match *tr)
{
    if (c->lx->lang[0] != 'd' || !(s->t[tr->start].flags & TOK_CAP))
        return 0;
    for (size_t k = tr->start; k-- > 0 && tr->start - k <= 3;) {
        const token *t = &s->t[k];
        if (t->len == 4 && !strncasecmp(tok_text(c, t), "ohne", 4))
            return gap_fill(c, s, k + 1, tr->start);
    }
    return 0;
}

/* English ", but was still refusing ...": a verb after ", but" or ", and"
 * with only lower-case words between has no subject of its own; it is the
 * sentence's first unmarked party's, when that opens the main clause. */
static int en_shared_subject(const ctx *c, const sent_info *s, const match *tr, size_t nmen,
                             const int *mk)
{
    size_t k = tr->start;
    while (k > 0 && !s->in_actor[k - 1] && (s->t[k - 1].flags & TOK_WORD) &&
           !(s->t[k - 1].flags & TOK_CAP) && tr->start - k < 4) {
        const token *t = &s->t[k - 1];
        if ((t->len == 3 && !strncasecmp(tok_text(c, t), "but", 3)) ||
            (t->len == 3 && !strncasecmp(tok_text(c, t), "and", 3)))
            break;
        k--;
    }
    if (k < 2 || k == tr->start || !is_punct(c, &s->t[k - 2], ","))
        return -1;
    const token *cj = &s->t[k - 1];
    if (!(cj->len == 3 && (!strncasecmp(tok_text(c, cj), "but", 3) ||
                           !strncasecmp(tok_text(c, cj), "and", 3))))
        return -1;
    for (size_t j = 0; j < nmen; j++) {
        const mention *m = &s->men[j];
        if (m->speaker || m->locative || m->weak || m->adj_event || mk[j] != MK_NONE)
            continue;
        return m->end < k - 1 && !clause_between(s, 0, m->start) ? (int)j : -1;
    }
    return -1;
}

/* English ", killing one person": a present participle right after a
 * comma has no subject of its own; it is the main clause's subject. */
static int en_ing_subject(const ctx *c, const sent_info *s, const match *tr, size_t nmen,
                          const int *mk)
{
    const token *t = &s->t[tr->start];
    if (tr->start < 2 || t->len < 5 || strncasecmp(tok_text(c, t) + t->len - 3, "ing", 3))
        return -1;
    size_t k = tr->start - 1;   /* the comma */
    if (!is_punct(c, &s->t[k], ","))
        return -1;
    for (size_t j = 0; j < nmen; j++) {
        const mention *m = &s->men[j];
        if (m->speaker || m->locative || m->weak || m->adj_event || mk[j] != MK_NONE)
            continue;
        return m->end < k && !clause_between(s, 0, m->start) ? (int)j : -1;
    }
    return -1;
}

/* Does an event trigger of its own stand between the clause start and
 * trigger tr ("untersucht die Vorwürfe gegen X": the noun is what is
 * investigated, not an act of the subject)? */
static int verb_before(const sent_info *s, size_t cs, const match *tr)
{
    for (size_t q = 0; q < s->nm; q++)
        if (s->m[q].type == PH_EVENT && s->m[q].start >= cs && s->m[q].start < tr->start)
            return 1;
    return 0;
}

/* German verb-second: a main clause that opens with a preposition ("Im
 * Zuge der Krise ...", "Nach dem Treffen mit X") has that phrase as its
 * first field; the finite verb (an auxiliary, a reporting verb, a verbal
 * trigger) ends it. Returns the finite verb's index, or cs when the clause
 * does not open with a preposition. */
static size_t de_front_phrase(const ctx *c, const sent_info *s, size_t cs, const match *tr)
{
    static const char *const prep[] = { "wegen", "trotz", "vor", "unter", "über", "ohne",
                                        "angesichts", "infolge", "aufgrund", "am", "beim",
                                        "neben", "hinter", "innerhalb", "außerhalb", NULL };
    if (c->lx->lang[0] != 'd' || cs >= tr->start)
        return cs;
    const token *t = &s->t[cs];
    int p = has_role(s, cs, ROLE_SOURCE) || has_role(s, cs, ROLE_TARGET) ||
            has_role(s, cs, ROLE_PARTNER) || has_role(s, cs, ROLE_BY) ||
            has_role(s, cs, ROLE_LOC) || has_role(s, cs, ROLE_AGENT);
    for (int k = 0; !p && prep[k]; k++)
        if (t->len == strlen(prep[k]) && !strncasecmp(tok_text(c, t), prep[k], t->len))
            p = 1;
    if (!p || has_role(s, cs, ROLE_CLAUSE) || s->in_actor[cs])
        return cs;
    for (size_t k = cs + 1; k < tr->start; k++) {
        if (has_role(s, k, ROLE_AUX) || has_role(s, k, ROLE_PASSIVE) ||
            has_role(s, k, ROLE_SAY) || has_role(s, k, ROLE_LIGHT) || has_role(s, k, ROLE_WANT))
            return k;
        int fn = 0;   /* "Treffen ... in": a trigger's preposition is no verb */
        for (int j = 0; j < ROLE_NJOBS; j++)
            if (has_role(s, k, j))
                fn = 1;
        if (s->in_event[k] && !(s->t[k].flags & TOK_CAP) && !fn)
            return k;
    }
    return tr->start;
}

/* The place of a meeting noun's own phrase ("Treffen der Europäer in
 * Washington"), when it is not the source's own country: the host. */
static int de_host(const sent_info *s, const match *tr, int src, size_t nmen, const int *mk)
{
    for (size_t k = 0; k < nmen; k++) {
        const mention *m = &s->men[k];
        if (m->locative && (int)k != src && mk[k] != MK_FRONT && m->start >= tr->end &&
            m->start - tr->end <= 5 && strlen(m->code) >= 3 && is_state(m->code) &&
            strncmp(m->code, s->men[src].code, 3))
            return (int)k;
    }
    return -1;
}

/* German "Sie wurde zu sieben Jahren Haft verurteilt": a subject pronoun
 * (er, sie) of a passive clause that names no party of its own stands for
 * the last person named before. */
static const mention *de_pron_patient(const ctx *c, const sent_info *s, size_t cs,
                                      const match *tr, size_t nmen, const int *mk,
                                      const sent_info **in)
{
    if (c->lx->lang[0] != 'd')
        return NULL;
    for (size_t k = 0; k < nmen; k++)
        if (s->men[k].start >= cs && s->men[k].start < tr->end && !s->men[k].speaker &&
            mk[k] == MK_NONE)
            return NULL;
    for (size_t k = cs; k < tr->start; k++) {
        const token *t = &s->t[k];
        const char *w = tok_text(c, t);
        if (!has_role(s, k, ROLE_PRON) || !((t->len == 2 && !strncasecmp(w, "er", 2)) ||
                                            (t->len == 3 && !strncasecmp(w, "sie", 3))))
            continue;
        if (k > cs && (has_role(s, k - 1, ROLE_TARGET) || has_role(s, k - 1, ROLE_SOURCE) ||
                       has_role(s, k - 1, ROLE_PARTNER) || has_role(s, k - 1, ROLE_BY)))
            continue;   /* "gegen sie" */
        return last_person(c, s, in);
    }
    return NULL;
}

/* German "töteten mehrere hundert Zivilisten", "wurden 200 Zivilisten
 * getötet": a killing of a hundred civilians or more is CAMEO's mass
 * killing (202), not combat. */
static int de_mass_killing(const ctx *c, const sent_info *s, const match *tr, const mention *m)
{
    if (c->lx->lang[0] != 'd')
        return 0;
    size_t n = strlen(m->code);
    if (n < 6 || strcmp(m->code + n - 3, "CVL"))
        return 0;
    static const char *const kill[] = { "töt", "getöt", "ermord", "umgebracht", "massakr",
                                        "erschoss", "erschieß", "hingerichtet", NULL };
    int killing = 0;
    for (uint32_t k = tr->start; k < tr->end && !killing; k++) {
        const char *w = tok_text(c, &s->t[k]);
        for (int j = 0; kill[j]; j++)
            if (s->t[k].len >= strlen(kill[j]) && !strncasecmp(w, kill[j], strlen(kill[j])))
                killing = 1;
    }
    if (!killing)
        return 0;
    for (size_t k = m->start, hops = 0; k-- > 0 && hops < 3; hops++) {
        const token *t = &s->t[k];
        const char *w = tok_text(c, t);
        if (t->flags & TOK_NUM) {
            long v = 0;
            for (uint32_t i = 0; i < t->len; i++)
                if (w[i] >= '0' && w[i] <= '9')
                    v = v * 10 + (w[i] - '0');
                else if (w[i] != '.')
                    break;
            return v >= 100;
        }
        if ((t->len >= 7 && !strncasecmp(w, "hundert", 7)) ||
            (t->len >= 7 && !strncasecmp(w, "tausend", 7)))
            return 1;
        if (!(t->flags & TOK_WORD) || (t->flags & TOK_CAP))
            return 0;
    }
    return 0;
}

/* German "Die Demokratische Partei begrüßte den Schritt der TRT": two
 * parties or armed groups of one code, one of them named, are two actors. */
/* German "wurden 200 Zivilisten getötet und 400 verletzt": the wounded of a
 * mass killing are part of it, no second fight of the same dyad. 1 when
 * the earlier event o is that killing, 2 when this one (code) is the
 * killing that replaces the fight o. */
static int de_mass_dup(const ctx *c, const dyad_event *o, const char *code,
                       const char *scode, const char *tcode)
{
    if (c->lx->lang[0] != 'd' ||
        strcmp(o->source.code, scode) || strcmp(o->target.code, tcode))
        return 0;
    if (!strncmp(o->cameo, "20", 2) && !strncmp(code, "19", 2))
        return 1;
    return !strncmp(o->cameo, "19", 2) && !strncmp(code, "20", 2) ? 2 : 0;
}

static int de_two_groups_in(const ctx *c, const sent_info *sa, const mention *a,
                            const sent_info *sb, const mention *b)
{
    if (c->lx->lang[0] != 'd' || a == b || !group_code(a->code) ||
        strcmp(a->code, b->code) || (a->kind != AK_NAME && b->kind != AK_NAME))
        return 0;
    const token *ta = &sa->t[a->start], *tb = &sb->t[b->start];
    size_t la = sa->t[a->end - 1].off + sa->t[a->end - 1].len - ta->off;
    size_t lb = sb->t[b->end - 1].off + sb->t[b->end - 1].len - tb->off;
    return la != lb || memcmp(tok_text(c, ta), tok_text(c, tb), la);
}

static int de_two_groups(const ctx *c, const sent_info *s, const mention *a, const mention *b)
{
    return de_two_groups_in(c, s, a, s, b);
}

/* German ", wie viele westliche Länder,": a mention in a verbless
 * comparison between commas. */
static int de_comparison(const ctx *c, const sent_info *s, const mention *m)
{
    if (c->lx->lang[0] != 'd')
        return 0;
    size_t p = m->start;
    for (int hops = 0; p > 0 && hops < 3 && (filler(c, s, p - 1) ||
                                             ((s->t[p - 1].flags & TOK_WORD) &&
                                              !(s->t[p - 1].flags & TOK_CAP) &&
                                              !s->in_event[p - 1] && !s->in_actor[p - 1] &&
                                              !(s->t[p - 1].len == 3 &&
                                                !strncasecmp(tok_text(c, &s->t[p - 1]), "wie", 3))));
         hops++)
        p--;
    if (p < 2 || s->t[p - 1].len != 3 || strncasecmp(tok_text(c, &s->t[p - 1]), "wie", 3) ||
        !is_punct(c, &s->t[p - 2], ","))
        return 0;
    for (size_t k = m->end; k < s->nt && k < m->end + 3; k++) {
        if (is_punct(c, &s->t[k], ",)"))
            return 1;
        if (s->in_event[k] || !(s->t[k].flags & TOK_WORD))
            return 0;
    }
    return 0;
}

/* German "Auseinandersetzungen zwischen der Polizei und ...": a mention
 * that ends a trigger phrase (after its first word) is in the noun's own
 * phrase. */
static int de_in_tail(const ctx *c, const match *tr, const mention *m)
{
    return c->lx->lang[0] == 'd' && m->start > tr->start &&
           m->end == tr->end;
}

/* German "Als Kämpfer die Stadt Bentiu einnahmen": rebels who strike a
 * place of their own country strike that country. */
static int de_rebel_home(const ctx *c, const char *scode)
{
    size_t n = strlen(scode);
    return c->lx->lang[0] == 'd' && n == 6 && !strcmp(scode + 3, "REB");
}

/* German "Als Kämpfer die Stadt einnahmen, töteten sie ...": a subject
 * pronoun (not "es") at k after a sentence-initial subordinate clause
 * stands for that clause's subject, its first actor. */
static const mention *de_pron_antecedent(const ctx *c, const sent_info *s, size_t cs,
                                         size_t k, const sent_info **in)
{
    if (c->lx->lang[0] != 'd' || cs == 0)
        return NULL;
    const token *t = &s->t[k];
    if (t->len == 2 && !strncasecmp(tok_text(c, t), "es", 2))
        return NULL;
    for (size_t j = 0; j < s->nmen; j++) {
        const mention *m = &s->men[j];
        if (m->start >= cs)
            break;
        if (m->weak || m->locative || m->speaker || m->adj_event || m->kind == AK_ADJ)
            continue;
        *in = s;
        return m;
    }
    return NULL;
}

/* English "it" and "they": "it" stands for the last state, body or
 * singular agent named ("the government"), "they" for the last plural
 * agent ("the rebels", "police"), in the sentence before the pronoun or
 * the three sentences before it. */
static int en_plural(const ctx *c, const sent_info *s, const mention *m)
{
    const token *t = &s->t[m->end - 1];
    const char *w = tok_text(c, t);
    return (t->len > 3 && (w[t->len - 1] == 's' || w[t->len - 1] == 'S') &&
            w[t->len - 2] != 's') ||
           (t->len == 6 && !strncasecmp(w, "police", 6));
}

/* An agent "it" can stand for: a body, not a person ("the government",
 * not "the president"). */
static int en_body_word(const ctx *c, const sent_info *s, const mention *m)
{
    static const char *const w[] = {
        "government", "army", "military", "ministry", "regime", "party", "council",
        "parliament", "administration", "junta", "group", "movement", "force", "agency",
        "organisation", "organization", "company", "court", "cabinet", "union", "front",
        "alliance", "coalition", "committee", "commission", "navy", "legislature",
        "authority", "state", "country", "kingdom", "republic", "embassy", NULL};
    const token *t = &s->t[m->end - 1];
    for (size_t i = 0; w[i]; i++)
        if (t->len == strlen(w[i]) && !strncasecmp(tok_text(c, t), w[i], t->len))
            return 1;
    return 0;
}

static const mention *en_pron_antecedent(const ctx *c, const sent_info *s, size_t k,
                                         const sent_info **in)
{
    const token *t = &s->t[k];
    const char *w = tok_text(c, t);
    int it = t->len == 2 && !strncasecmp(w, "it", 2);
    int they = t->len == 4 && !strncasecmp(w, "they", 4);
    if (!(it || they))
        return NULL;
    for (const sent_info *p = s; p > c->s && s - p < 3;) {
        p--;
        for (size_t j = p->nmen; j-- > 0;) {
            const mention *m = &p->men[j];
            if (m->weak || m->locative || m->speaker ||
                m->adj_event || m->kind == AK_ADJ || strlen(m->code) < 3)
                continue;
            int body = m->kind == AK_NAME && (strlen(m->code) == 3 ||
                                              !strncmp(m->code, "IGO", 3) ||
                                              !strncmp(m->code, "NGO", 3) ||
                                              !strcmp(m->code + 3, "REB"));
            int agent = m->kind == AK_AGENT;
            if ((it && (body || (agent && en_body_word(c, p, m)))) ||
                (they && agent && en_plural(c, p, m))) {
                *in = p;
                return m;
            }
        }
    }
    return NULL;
}

/* Does mention m's preposition follow another event noun directly
 * ("Sanktionen gegen den Iran")? */
static int de_noun_phrase(const ctx *c, const sent_info *s, const match *tr, const mention *m)
{
    if (c->lx->lang[0] != 'd')
        return 0;
    size_t p = m->start;
    for (int hops = 0; p > 0 && hops < 3 && filler(c, s, p - 1); hops++)
        p--;
    if (p < 2)
        return 0;
    p--;   /* the preposition */
    for (size_t q = 0; q < s->nm; q++) {
        const match *o = &s->m[q];
        if (o->type == PH_EVENT && o != tr && o->end == p && o->start >= tr->end &&
            (s->t[o->end - 1].flags & TOK_CAP))
            return 1;
    }
    return 0;
}

/* Roots whose object is a proposition: what follows them in the sentence
 * is the content of an appeal, promise, demand or threat, not an event. */
/* English "Both countries say ...", "the two governments": the last two
 * countries named in the previous sentence (or the one before), when the
 * phrase stands before trigger tr. Returns the first, *second the other. */
static const mention *en_both(const ctx *c, size_t si, const match *tr,
                              const sent_info **in, const mention **second)
{
    static const char *const heads[] = { "countries", "governments", "nations", "states",
                                         "capitals", NULL };
    const sent_info *s = &c->s[si];
    int found = 0;
    for (size_t k = 0; k + 1 < tr->start && !found; k++) {
        const token *t = &s->t[k];
        if (!((t->len == 4 && !strncasecmp(tok_text(c, t), "both", 4)) ||
              (t->len == 3 && !strncasecmp(tok_text(c, t), "two", 3))))
            continue;
        const token *h = &s->t[k + 1];
        for (int j = 0; heads[j]; j++)
            if (h->len == strlen(heads[j]) && !strncasecmp(tok_text(c, h), heads[j], h->len))
                found = 1;
    }
    if (!found)
        return NULL;
    for (size_t back = 1; back <= 2 && back <= si; back++) {
        const sent_info *p = &c->s[si - back];
        const mention *a = NULL, *b = NULL;
        for (size_t k = p->nmen; k-- > 0;) {
            const mention *m = &p->men[k];
            if (m->speaker || strlen(m->code) < 3 || !strncmp(m->code, "IGO", 3) ||
                !strncmp(m->code, "NGO", 3))
                continue;
            if (!a)
                a = m;
            else if (!same_who(a->code, m->code)) {
                b = m;
                break;
            }
        }
        if (a && b) {
            *in = p;
            *second = a;
            return b;
        }
    }
    return NULL;
}

/* English relative pronouns: "which", "who", "whom", "whose", "that". */
static int en_relative(const ctx *c, const token *t)
{
    const char *w = tok_text(c, t);
    return (t->len == 5 && !strncasecmp(w, "which", 5)) ||
           (t->len == 3 && !strncasecmp(w, "who", 3)) ||
           (t->len == 4 && (!strncasecmp(w, "whom", 4) || !strncasecmp(w, "that", 4))) ||
           (t->len == 5 && !strncasecmp(w, "whose", 5));
}

/* English: the content of an appeal, intent or criticism ends at a comma
 * that opens another clause ("Trump's ordering the withdrawal ..., in
 * the very week that Erdogan has declared his intent to attack ...,"). */
static size_t en_content_end(const ctx *c, const sent_info *s, const match *tr)
{
    for (size_t k = tr->end; k + 1 < s->nt; k++) {
        if (!is_punct(c, &s->t[k], ","))
            continue;
        for (size_t q = k + 1; q < s->nt && q <= k + 5; q++) {
            if (is_punct(c, &s->t[q], ",;:"))
                break;
            if (has_role(s, q, ROLE_CLAUSE) &&
                (q > k + 1 || !en_relative(c, &s->t[q])))
                return k + 1;
        }
    }
    return SIZE_MAX;
}

static int takes_content(const char *code)
{
    return !strncmp(code, "02", 2) || !strncmp(code, "03", 2) ||
           !strncmp(code, "10", 2) || !strncmp(code, "13", 2);
}

/* A German sentence that names nobody may still act through a pronoun
 * ("Sie wurde ... verurteilt"). */
/* German "Seitdem kämpfen auch nordkoreanische Soldaten in der russischen
 * Region Kursk": a fight whose object only the context gives is not
 * against a party the article reports the source cooperating with (aid,
 * agreements); it is against that ally's foe in an earlier fight, else
 * no one. The object to use, NULL for none. */
static const char *de_ally_foe(const ctx *c, const char *code, const char *scode,
                               const char *tcode)
{
    if (c->lx->lang[0] != 'd' || !scode || !tcode ||
        !(!strncmp(code, "18", 2) || !strncmp(code, "19", 2) || !strncmp(code, "20", 2)))
        return tcode;
    const dyad_doc *d = c->d;
    int ally = 0;
    for (size_t k = 0; k < d->nevents && !ally; k++) {
        const dyad_event *o = &d->events[k];
        ally = o->cameo[0] == '0' && o->cameo[1] >= '5' && o->cameo[1] <= '7' &&
               ((same_who(o->source.code, scode) && same_who(o->target.code, tcode)) ||
                (same_who(o->source.code, tcode) && same_who(o->target.code, scode)));
    }
    if (!ally)
        return tcode;
    for (size_t k = d->nevents; k-- > 0;) {
        const dyad_event *o = &d->events[k];
        if (strncmp(o->cameo, "18", 2) < 0 || strncmp(o->cameo, "20", 2) > 0)
            continue;
        const char *foe = same_who(o->source.code, tcode) ? o->target.code
                        : same_who(o->target.code, tcode) ? o->source.code : NULL;
        if (foe && !same_who(foe, scode) && !same_who(foe, tcode))
            return foe;
    }
    return NULL;
}

/* German "11.000 nordkoreanische Soldaten ... Fast 5000 davon seien
 * gefallen": a number and "davon" before the trigger in its clause are
 * part of the group counted in the sentence before, the one it is done to. */
static const mention *de_davon(const ctx *c, const sent_info *s, size_t cs,
                               const match *tr, const sent_info **in)
{
    if (c->lx->lang[0] != 'd' || s == c->s)
        return NULL;
    size_t k = cs + 1;
    for (; k < tr->start; k++)
        if (s->t[k].len == 5 && !strncasecmp(tok_text(c, &s->t[k]), "davon", 5) &&
            (s->t[k - 1].flags & TOK_NUM))
            break;
    if (k >= tr->start)
        return NULL;
    const sent_info *p = s - 1;
    for (size_t j = 0; j < p->nmen; j++) {
        const mention *m = &p->men[j];
        if (m->start > 0 && (p->t[m->start - 1].flags & TOK_NUM) && !m->locative &&
            !m->speaker && m->kind != AK_ADJ && strlen(m->code) > 3) {
            *in = p;
            return m;
        }
    }
    return NULL;
}

/* German "Sie beschloss, der Partei beizutreten", "forderten beide eine
 * Verlängerung", "Damit teilte er die Meinung X": a subject pronoun that
 * opens the clause before its finite verb, or "beide" or a subject pronoun
 * right behind a clause-opening verb, is the subject even when a party
 * stands between it and the act (that party is the object).
 * The pronoun's index, or SIZE_MAX. */
static size_t de_pron_lead(const ctx *c, const sent_info *s, size_t cs, const match *tr)
{
    if (c->lx->lang[0] != 'd' || cs + 1 >= s->nt)
        return SIZE_MAX;
    const token *t = &s->t[cs], *n = &s->t[cs + 1];
    const char *w = tok_text(c, t);
    if (cs + 1 < tr->start && has_role(s, cs, ROLE_PRON) &&
        !(t->len == 2 && !strncasecmp(w, "es", 2)) && !(n->flags & TOK_CAP) &&
        (n->flags & TOK_WORD) && !s->in_actor[cs + 1] && !has_role(s, cs + 1, ROLE_PRON))
        return cs;
    if (tr->start == cs && tr->end > cs + 2 && !(t->flags & TOK_CAP) &&
        n->len == 5 && !strncasecmp(tok_text(c, n), "beide", 5) &&
        !(s->t[cs + 2].flags & TOK_CAP))
        return cs + 1;
    /* "Damit teilte er die Meinung": after one opening word */
    size_t v = tr->start, p = v + 1;
    if (v <= cs + 1 && p + 1 < tr->end && !(s->t[v].flags & TOK_CAP) &&
        !s->in_actor[cs] && has_role(s, p, ROLE_PRON) &&
        !(s->t[p].len == 2 && !strncasecmp(tok_text(c, &s->t[p]), "es", 2)))
        return p;
    return SIZE_MAX;
}

/* German "forderten beide eine Verlängerung des EU-Militäreinsatzes": a
 * demand for a name's own act ("EU-" on an act noun in the demand's phrase)
 * is addressed to that name, not to a party of another clause. The new
 * target, or tgt. */
static int de_demand_owner(const ctx *c, const sent_info *s, const match *tr,
                           const event_entry *ev, size_t cs, size_t ce, int tgt, size_t nmen)
{
    if (c->lx->lang[0] != 'd' || strncmp(ev->code, "10", 2) ||
        (tgt >= 0 && s->men[tgt].start >= cs && s->men[tgt].end <= ce))
        return tgt;
    for (size_t k = 0; k < nmen; k++)
        if (s->men[k].adj_event && s->men[k].start > tr->start && s->men[k].end < tr->end)
            return (int)k;
    return tgt;
}

static int de_has_pron(const ctx *c, const sent_info *s)
{
    if (c->lx->lang[0] != 'd' || !s->men)
        return 0;
    for (size_t k = 0; k < s->nt; k++)
        if (has_role(s, k, ROLE_PRON))
            return 1;
    return 0;
}

static void code_sentence(ctx *c, size_t si, size_t claim_from)
{
    sent_info *s = &c->s[si];
    dyad_doc *d = c->d;
    if (s->question || (!s->nmen && !de_has_pron(c, s)))
        return;
    span sp = d->sents[si];
    sent_attrs at = { 0 };
    size_t first_event = d->nevents;
    size_t content_from = SIZE_MAX, content_to = SIZE_MAX;
    int english = c->lx->lang[0] == 'e';
    for (size_t q = 0; q < s->nm; q++) {
        const match *tr = &s->m[q];
        if (tr->type != PH_EVENT)
            continue;
        const event_entry *ev = &c->e->events[tr->ref];
        if (tr->start >= content_from && tr->start < content_to)
            continue;
        if (has_role(s, tr->start, ROLE_TIME) && (s->t[tr->start].flags & TOK_CAP))
            continue;   /* "last March" */
        int inside = 1;
        for (uint32_t k = tr->start; k < tr->end; k++)
            if (!s->in_actor[k] && (!tr->gap || k == tr->start || k + 1 == tr->end))
                inside = 0;
        if (inside)
            continue;
        /* "its long-threatened invasion": a participle in a compound
         * adjective describes, it does not act */
        if (english && adj_compound(c, s, tr))
            continue;
        /* "the Euphrates Shield operation", "the Free Syrian Army": an
         * English capitalised word after another is part of a name
         * (unless the whole line is in title case) */
        if (english && tr->end == tr->start + 1 && tr->start > 0 &&
            (s->t[tr->start].flags & TOK_CAP) && (s->t[tr->start - 1].flags & TOK_CAP) &&
            !s->in_actor[tr->start - 1] && !title_case(c, s))
            continue;
        /* "fire protectively": an English adverb shares its verb's stem
         * but reports no act */
        if (english && tr->end == tr->start + 1 && adverb(c, &s->t[tr->start]))
            continue;
        /* a weapon or a light verb alone is no act: "Panzer", "verübte" */
        if (tr->end == tr->start + 1 &&
            (has_role(s, tr->start, ROLE_WEAPON) || has_role(s, tr->start, ROLE_LIGHT)))
            continue;
        size_t cs, ce;
        clause_of(c, s, tr->start, &cs, &ce);
        if (negated(c, s, cs, tr) || hypothetical(s, cs, tr))
            continue;
        if (de_ohne(c, s, tr))
            continue;
        /* in English, what a criticism or rejection is about is its
         * content too ("denounced Serbia's suppression of ...") */
        if ((takes_content(ev->code) ||
             (english && (!strncmp(ev->code, "11", 2) || !strncmp(ev->code, "12", 2)))) &&
            (tr->start + 1 < content_from || tr->start >= content_to)) {
            content_from = tr->start + 1;
            content_to = english ? en_content_end(c, s, tr) : SIZE_MAX;
        }
        int passive = passive_clause(c, s, cs, ce, tr, ev);
        /* German capitalises nouns: a trigger headed by one is nominal (the
         * head is the last word, or a gapped phrase's first) */
        size_t head = tr->gap ? tr->start : tr->end - 1;   /* "Treffen ... in" */
        if (tr->gap && de_verb_head(c, s, tr))
            head = tr->end - 1;   /* "Hilfe ... zugesagt" */
        int noun = (ev->flags & EF_NOUN) ||
                   (c->lx->lang[0] == 'd' && (s->t[head].flags & TOK_CAP) && head > 0) ||
                   (english && gerund(c, s, tr));
        /* a noun's actors come from its own phrase, unless a light verb
         * makes the clause's subject act it ("verübten einen Anschlag") */
        int light = 0, wish = 0;
        if (noun)
            for (size_t k = cs; k < tr->start; k++) {
                if (has_role(s, k, ROLE_LIGHT))
                    light = 1;
                if (has_role(s, k, ROLE_WANT))
                    wish = 1;
            }
        if (wish)
            continue;   /* "Putin will die Kapitulation der Ukraine" */
        /* German verb-final: "hatte die Grenzregion angegriffen in einem
         * Versuch ...": what follows the participle is another clause */
        int final = 0;
        if (c->lx->lang[0] == 'd' && !noun && !(s->t[tr->end - 1].flags & TOK_CAP))
            for (size_t k = cs; k < tr->start; k++)
                if (has_role(s, k, ROLE_AUX))
                    final = 1;
        int src = -1, tgt = -1;
        int mk[64];
        size_t nmen = s->nmen < 64 ? s->nmen : 64;
        for (size_t k = 0; k < nmen; k++) {
            mk[k] = marker(c, s, &s->men[k], ev);
            /* "Hilfen aus China und Iran": the second conjunct too */
            if (k > 0 && mk[k] == MK_NONE && s->men[k - 1].coord == (int)k &&
                !s->men[k - 1].speaker && has_role(s, s->men[k].start - 1, ROLE_AND))
                mk[k] = mk[k - 1];
        }
        /* German "sieht, wie viele westliche Länder, politische Gründe":
         * a comparison is no party */
        for (size_t k = 0; k < nmen; k++)
            if (de_comparison(c, s, &s->men[k]))
                mk[k] = MK_FRONT;
        /* German "Im Zuge der Krise in der Ukraine und Russlands Rolle dort
         * hat Gabriel ... untersagt": actors in a fronted prepositional
         * phrase stand before the finite verb and are not its subject */
        size_t front = !noun || light ? de_front_phrase(c, s, cs, tr) : cs;
        /* (but "Von X wurde ... verlangt", "Mit X hat Y ... geschlossen":
         * the actor of the opening preposition itself is the verb's) */
        for (size_t k = 0; k < nmen && front > cs; k++)
            if (s->men[k].start > cs && s->men[k].end <= front &&
                (mk[k] == MK_NONE || !gap_fill(c, s, cs + 1, s->men[k].start)))
                mk[k] = MK_FRONT;
        /* 1. prepositions, and adjectives on event nouns; of several
         * candidates for a role the one nearest the trigger wins ("Gipfel
         * mit Trump ... mit Kim telefoniert") */
        for (int pass = 0; pass < 2 && src < 0 && tgt < 0; pass++) {
            size_t sd = SIZE_MAX, td = SIZE_MAX;
            for (size_t k = 0; k < nmen; k++) {
                const mention *m = &s->men[k];
                if (!usable(m, tr, cs, ce, pass, mk[k]))
                    continue;
                size_t d = m->end <= tr->start ? tr->start - m->end : m->start - tr->end;
                if (m->adj_event) {
                    if (m->end <= tr->start && tr->start - m->end <= 2 && d < sd)
                        src = (int)k, sd = d;
                    continue;
                }
                if (m->weak && mk[k] != MK_TARGET && mk[k] != MK_TTARGET && mk[k] != MK_PARTNER)
                    continue;
                /* German "... von ihren Haltungen gegenüber Sanktionen gegen
                 * den Iran abzubringen": a phrase right behind another
                 * event noun is that noun's */
                if (!noun && m->start > tr->end && m->end <= ce && de_noun_phrase(c, s, tr, m))
                    continue;
                /* a noun's prepositional phrases follow it closely, in
                 * its own clause */
                if (noun && !(m->start >= tr->end && m->start - tr->end <= 5 &&
                              !clause_between(s, tr->end, m->start)) &&
                    !(tr->gap && m->start > tr->start && m->end < tr->end))
                    continue;
                /* "für das Attentat auf X verantwortlich machen": a phrase
                 * inside a gapped trigger is part of its content (but an
                 * agent there acts: "Unterstützung durch X versichert") */
                if (tr->gap && m->start > tr->start && m->end < tr->end &&
                    mk[k] != MK_TSOURCE && mk[k] != MK_TTARGET && mk[k] != MK_BY &&
                    mk[k] != MK_PARTNER)
                    continue;
                int as_src = mk[k] == MK_TSOURCE ||
                             (mk[k] == MK_BY && (passive || noun || agent_prep(s, m))) ||
                             (mk[k] == MK_SOURCE && noun);
                /* (an English phrase before the verb with another act
                 * between is that act's: "negotiated with Russia ..., those
                 * forces were taking towns") */
                int as_tgt = mk[k] == MK_TTARGET ||
                             ((mk[k] == MK_TARGET || mk[k] == MK_PARTNER) &&
                              !(english && !noun && m->start > tr->start) &&
                              !(english && m->end <= tr->start &&
                                event_between(s, m->end, tr->start)));
                if (as_src && d < sd)
                    src = (int)k, sd = d;
                else if (as_tgt && d < td)
                    tgt = (int)k, td = d;
            }
            if (src >= 0 && src == tgt)
                tgt = -1;
        }
        /* "Turkey ended its operation against jihadists": the owner of a
         * noun named by "its/their" is the clause's subject */
        if (src < 0 && noun && english)
            for (size_t k = tr->start, hops = 0; k-- > cs && hops < 5; hops++) {
                if (is_punct(c, &s->t[k], ",;:") || s->in_actor[k])
                    break;
                if (!has_role(s, k, ROLE_OWN))
                    continue;
                for (size_t j = nmen; j-- > 0;) {
                    const mention *m = &s->men[j];
                    if (m->end <= k && m->start >= cs && !m->weak && !m->speaker &&
                        !m->locative && !m->adj_event && mk[j] == MK_NONE && (int)j != tgt) {
                        src = (int)j;
                        break;
                    }
                }
                break;
            }
        /* "rebels fighting the president": the noun right before an
         * English -ing verb is its doer, whatever governs it */
        if (src < 0 && english && !noun && tr->start > 0 &&
            ends_with(tok_text(c, &s->t[tr->start]), s->t[tr->start].len, "ing"))
            for (size_t j = 0; j < nmen; j++)
                if (s->men[j].end == tr->start && !s->men[j].speaker && !s->men[j].locative &&
                    !s->men[j].weak) {
                    src = (int)j;
                    if (tgt == src)
                        tgt = -1;   /* "for rebels fighting X": X is the object */
                    break;
                }
        /* "Er forderte die EU auf", "He demanded ...": a pronoun subject
         * stands for the last person named; the actors here are objects */
        const mention *xsrc = NULL, *xsrc2 = NULL;
        const sent_info *xs = NULL;
        /* "Both countries say they will not allow ...": the two countries
         * the previous sentence named */
        if (src < 0 && !noun && !passive && english)
            xsrc = en_both(c, si, tr, &xs, &xsrc2);
        if (src < 0 && !noun && !passive && !xsrc) {
            size_t first_m = SIZE_MAX;
            for (size_t k = 0; k < nmen; k++)
                if (s->men[k].start >= cs && s->men[k].start < first_m && !s->men[k].speaker)
                    first_m = s->men[k].start;
            for (size_t k = cs; k < ce && k <= tr->end; k++)
                if (has_role(s, k, ROLE_PRON) && k < first_m &&
                    (k == tr->end || (k < tr->start && first_m > tr->start))) {
                    xsrc = de_pron_antecedent(c, s, cs, k, &xs);
                    if (!xsrc && english && k < tr->start)
                        xsrc = en_pron_antecedent(c, s, k, &xs);
                    if (!xsrc)
                        xsrc = last_person(c, s, &xs);
                    break;
                }
            size_t lead = xsrc ? SIZE_MAX : de_pron_lead(c, s, cs, tr);
            if (lead != SIZE_MAX && lead < first_m)
                xsrc = last_person(c, s, &xs);
        }
        /* German "Sie wurde ... verurteilt": a passive's pronoun subject
         * is the last person named, the one it is done to */
        const mention *xtgt = NULL;
        const sent_info *xt = NULL;
        if (passive && !noun && tgt < 0)
            xtgt = de_pron_patient(c, s, cs, tr, nmen, mk, &xt);
        if ((passive || noun) && tgt < 0 && !xtgt)
            xtgt = de_davon(c, s, cs, tr, &xt);
        /* 2. unmarked mentions by word order, in the clause first */
        for (int pass = 0; pass < 2 && (src < 0 || tgt < 0); pass++) {
            int before = -1, after = -1, first = -1, second = -1, adj_b = -1, adj_a = -1;
            for (size_t k = 0; k < nmen; k++) {
                const mention *m = &s->men[k];
                int open = mk[k] == MK_NONE ||
                           (english && !noun && m->start > tr->start &&
                            (mk[k] == MK_TARGET || mk[k] == MK_PARTNER));
                /* "negotiate with Assad's backer, Russia": a possessor
                 * whose noun is named in apposition is no party */
                if (english && m->start > tr->start && apposed_possessor(c, s, m))
                    continue;
                if ((int)k == src || (int)k == tgt || m->adj_event || !open ||
                    !usable(m, tr, cs, ce, pass, MK_NONE) ||
                    (final && m->start >= tr->end))
                    continue;
                if (m->end <= tr->start) {
                    if (!m->weak || before < 0)
                        before = (int)k;
                    /* right before a noun: "Nordkoreas Lieferungen" */
                    if (gap_fill(c, s, m->end, tr->start))
                        adj_b = (int)k;
                } else {
                    if (after < 0 || (s->men[after].weak && !m->weak))
                        after = after < 0 || s->men[after].weak ? (int)k : after;
                    if (adj_a < 0 && gap_fill(c, s, tr->end, m->start))
                        adj_a = (int)k;
                }
                if (m->weak)
                    continue;
                if (first < 0)
                    first = (int)k;
                else if (second < 0)
                    second = (int)k;
            }
            int subj, obj;
            if (noun && !light) {
                /* the noun's own genitive or possessor, before or after it */
                subj = adj_b >= 0 && !s->men[adj_b].weak ? adj_b
                     : adj_a >= 0 && !s->men[adj_a].weak ? adj_a : -1;
                /* "ein Gericht hat das Urteil gegen X bestätigt": with its
                 * object named, the noun is acted by the clause's subject */
                if (subj < 0 && src < 0 && tgt >= 0 && pass == 0 && !verb_before(s, cs, tr))
                    subj = c->lx->lang[0] == 'd' ? (first >= 0 && s->men[first].end <= tr->start ? first : -1)
                                                 : before;
                obj = -1;
                if ((src >= 0 || subj >= 0) && pass == 0) {
                    /* "40 Prozent der Munition aus Nordkorea" after "Russische
                     * Artillerie:": the nearest other actor receives it */
                    int other = before >= 0 && before != subj ? before : after != subj ? after : -1;
                    /* (not one in a German fronted phrase: "Auf Seiten der
                     * Opposition wird eine Koalition von SPD und LINKEN ...") */
                    if (other >= 0 && other == before && c->lx->lang[0] == 'd' &&
                        s->men[other].end <= de_front_phrase(c, s, cs, tr))
                        other = -1;
                    obj = other;
                }
            } else if (c->lx->lang[0] == 'd') {
                subj = first;
                obj = second >= 0 ? second : (after >= 0 && after != first ? after : -1);
                /* "die EU und die USA hatten ... kritisiert": coordinated
                 * subjects, unless the act is mutual */
                if (obj >= 0 && first >= 0 && s->men[first].coord == obj &&
                    !(ev->flags & EF_SYM))
                    obj = -1;
            } else {
                subj = before >= 0 && !s->men[before].weak ? before : -1;
                /* "the decision of sending troops": a gerund that
                 * complements a noun has no subject of its own */
                if (of_gerund(c, s, tr))
                    subj = -1;
                /* "Benin opened its borders ..., but was still refusing
                 * admittance": a verb after ", but" with no subject of its
                 * own shares the sentence's first subject */
                if (pass == 0) {
                    int share = en_shared_subject(c, s, tr, nmen, mk);
                    if (share < 0)
                        share = en_ing_subject(c, s, tr, nmen, mk);
                    if (share >= 0)
                        subj = share;
                }
                /* an English object stands close behind its verb */
                obj = after >= 0 && (s->men[after].start <= tr->end + 6 || pass == 0) ? after : -1;
            }
            if (passive) {
                int tmp = subj;
                /* an English passive's agent needs "by": "were tasked
                 * with monitoring Iran" */
                subj = src >= 0 || (english && !noun) ? -1 : obj;
                obj = tmp;
            }
            if (xsrc && subj >= 0 && obj < 0 && subj != tgt)
                obj = subj;   /* the pronoun is the subject: this is its object */
            if (xsrc)
                subj = -1;
            if (src < 0 && subj >= 0 && subj != tgt && !s->men[subj].weak)
                src = subj;
            /* an adjective alone ("ukrainische Städte") receives no aid
             * or cooperation */
            if (obj >= 0 && s->men[obj].weak && ev->code[0] == '0' &&
                ev->code[1] >= '5')
                obj = -1;
            if (tgt < 0 && obj >= 0 && obj != src)
                tgt = obj;
            if (src >= 0 && tgt >= 0)
                break;
        }
        tgt = de_demand_owner(c, s, tr, ev, cs, ce, tgt, nmen);
        if (c->debug > 1) {
            fprintf(stderr, "   S%zu trigger %s noun=%d passive=%d clause=%zu..%zu src=%d tgt=%d marks:",
                    si, ev->code, noun, passive, cs, ce, src, tgt);
            for (size_t k = 0; k < nmen; k++)
                fprintf(stderr, " %s=%d", s->men[k].code, mk[k]);
            fputc('\n', stderr);
        }
        /* "a ceasefire agreed between Russia, the US and Jordan": the two
         * sides of "between" */
        int sides = 0;   /* German: the two sides are named, even of one code */
        if (src < 0)
            for (size_t k = 0; k < nmen; k++)
                if (mk[k] == MK_PARTNER && s->men[k].coord >= 0 &&
                    (tgt < 0 || tgt == s->men[k].coord || tgt == (int)k) &&
                    !event_between(s, tr->end, s->men[k].start) &&
                    (!noun || (s->men[k].start >= tr->end && s->men[k].start - tr->end <= 5) ||
                     de_in_tail(c, tr, &s->men[k])) &&
                    (usable(&s->men[k], tr, cs, ce, 0, mk[k]) ||
                     (de_in_tail(c, tr, &s->men[k]) && !s->men[k].speaker))) {
                    src = (int)k;
                    tgt = s->men[k].coord;
                    sides = c->lx->lang[0] == 'd';
                    break;
                }
        /* "Syria says it is willing to withdraw": the speaker acts */
        int pron = 0;
        for (size_t k = cs; k < tr->start; k++)
            if (has_role(s, k, ROLE_PRON))
                pron = 1;
        /* German "Der Iran müsse ... beenden, so Rice": an appeal, demand
         * or threat to a foreign party that names no source is the
         * speaker's (to the speaker's own side it is an instruction) */
        if (src < 0 && !noun && !pron && c->lx->lang[0] == 'd' &&
            takes_content(ev->code) && tgt >= 0)
            for (size_t k = 0; k < nmen; k++)
                if (s->men[k].speaker && !same_who(s->men[k].code, s->men[tgt].code)) {
                    src = (int)k;
                    break;
                }
        if (src < 0 && !noun && pron)
            for (size_t k = 0; k < nmen; k++)
                if (s->men[k].speaker && (int)k != tgt) {
                    src = (int)k;
                    break;
                }
        /* a second party of another country beats one of the source's own
         * ("Syria offered its troops to Lebanon's President"), but rebels
         * fighting their president, police arresting students are parties
         * of one country with two roles */
        if (src >= 0 && tgt >= 0 && !sides && same_who(s->men[src].code, s->men[tgt].code) &&
            !(strlen(s->men[src].code) > 3 && strlen(s->men[tgt].code) > 3 &&
              strcmp(s->men[src].code + 3, s->men[tgt].code + 3))) {
            int best = -1;
            for (size_t k = 0; k < nmen; k++) {
                const mention *m = &s->men[k];
                if ((int)k == src || m->weak || !usable(m, tr, cs, ce, 0, mk[k]) ||
                    same_who(m->code, s->men[src].code) || mk[k] == MK_SOURCE || mk[k] == MK_BY ||
                    mk[k] == MK_FRONT)
                    continue;
                if (best < 0 || (m->start > tr->start && s->men[best].start < tr->start))
                    best = (int)k;
            }
            if (best >= 0)
                tgt = best;
        }
        /* "forderte von Sylvanien": an unused "von/aus" party is the object */
        if (src >= 0 && tgt < 0 && !noun)
            for (size_t k = 0; k < nmen; k++)
                if ((mk[k] == MK_BY || mk[k] == MK_SOURCE) && (int)k != src &&
                    usable(&s->men[k], tr, cs, ce, 0, mk[k]) &&
                    (!same_who(s->men[k].code, s->men[src].code) ||
                     (english && two_roles(s->men[k].code, s->men[src].code)))) {
                    tgt = (int)k;
                    break;
                }
        /* "Kim lobte seine Soldaten": the subject's own, when nobody else;
         * "wurden 18 Menschen getötet": the passive's subject */
        if ((src >= 0 || passive) && tgt < 0)
            for (size_t k = 0; k < nmen; k++)
                if ((s->men[k].own == 1 || (passive && s->men[k].own)) && (int)k != src &&
                    s->men[k].start >= cs && s->men[k].start < ce) {
                    tgt = (int)k;
                    break;
                }
        /* "eased measures in Montenegro", "Anschlag in Syrien": the place
         * of an act is its target when no party is named */
        /* (English: the place nearest the act; rebels striking a place of
         * their own country strike that country: "Afghan rebels exploded
         * bombs in Kabul") */
        if (src >= 0 && tgt < 0 && !noun && english)
            tgt = en_place_target(s, tr, src, cs, ce, nmen, mk, ev, passive);
        if (src >= 0 && tgt < 0 && !noun && !english)
            for (size_t k = 0; k < nmen; k++)
                if (s->men[k].locative && (int)k != src && s->men[k].start >= cs &&
                    s->men[k].end <= ce && strlen(s->men[k].code) >= 3 && mk[k] != MK_FRONT &&
                    !same_who(s->men[k].code, s->men[src].code) &&
                    de_ally_foe(c, ev->code, s->men[src].code, s->men[k].code) == s->men[k].code) {
                    tgt = (int)k;
                    break;
                }
        /* German "der Gipfel der Europäer in Washington": a meeting
         * abroad is with its host */
        if (c->lx->lang[0] == 'd' && noun && src >= 0 && tgt < 0 &&
            !strncmp(ev->code, "04", 2))
            tgt = de_host(s, tr, src, nmen, mk);
        /* 3. coordination: "Putin und Kim unterzeichneten" */
        if (src >= 0 && tgt < 0 && s->men[src].coord >= 0 &&
            (ev->flags & EF_SYM))
            tgt = s->men[src].coord;
        if (src < 0 && tgt < 0 && !xtgt)
            continue;
        const char *scode = src >= 0 ? s->men[src].code : xsrc ? xsrc->code : NULL;
        const char *tcode = tgt >= 0 ? s->men[tgt].code : xtgt ? xtgt->code : NULL;
        /* "killed 23 people ... in Tel Aviv": victims with no country of
         * their own belong where the act happened, not to the country
         * last named */
        char tloc[16];
        if (english && tgt >= 0 && localise(c, si, &at, tr, &s->men[tgt], tloc))
            tcode = tloc;
        /* the coding guide's unnamed actors: protesters are civilians of the
         * country they protest in; an attack (or an arrest, a sentence) by
         * an unnamed actor is the country's, where it happened */
        char unnamed[16] = "";
        if (!scode && tcode && strlen(tcode) >= 3 && is_state(tcode)) {
            if (!strncmp(ev->code, "14", 2))
                snprintf(unnamed, sizeof unnamed, "%.3sCVL", tcode);
            else if (!strncmp(ev->code, "17", 2) ||
                     !strncmp(ev->code, "18", 2) || !strncmp(ev->code, "19", 2) ||
                     !strncmp(ev->code, "20", 2)) {
                scan_attrs(c, si, &at);
                const attr_place *pl = event_place(&at, s->t[tr->start].off - sp.start);
                snprintf(unnamed, sizeof unnamed, "%.3s",
                         pl && pl->country[0] ? pl->country : tcode);
            }
            /* not when the sentence already names who did it to them */
            for (size_t k = first_event; unnamed[0] && k < d->nevents; k++)
                if (same_who(d->events[k].target.code, tcode) && d->events[k].source.text)
                    unnamed[0] = 0;
            if (unnamed[0] && strcmp(unnamed, tcode))
                scode = unnamed;
        }
        /* 4. the document's context names a verb's missing object ("So
         * habe Nordkorea ... geliefert": to Russia, whom the article is
         * about). A missing subject is not guessed: on the dev sets such
         * guesses were wrong four times in five. A noun alone ("die
         * Verluste") is too weak to build an event on. */
        /* an attack's target unnamed: where it struck, when that is
         * another country ("Israeli tanks fired at targets in Jericho") */
        char struck[4] = "";
        if (scode && tgt < 0 &&
            (english ? !noun || (src >= 0 && s->men[src].adj_event)
                     : src >= 0 && !s->men[src].adj_event) &&
            (!strncmp(ev->code, "18", 2) || !strncmp(ev->code, "19", 2) ||
             !strncmp(ev->code, "20", 2))) {
            scan_attrs(c, si, &at);
            const attr_place *pl = event_place(&at, s->t[tr->start].off - sp.start);
            if (pl && is_country3(pl->country) &&
                (strncmp(pl->country, scode, 3) || de_rebel_home(c, scode)) &&
                de_ally_foe(c, ev->code, scode, pl->country) == pl->country) {
                snprintf(struck, sizeof struck, "%s", pl->country);
                tcode = struck;
            }
        }
        if ((!scode || (tgt < 0 && !xtgt && !struck[0])) && noun)
            continue;
        if (!scode)
            continue;
        /* a protest that names no addressee is against the authorities
         * where it happens: "Iraqi Kurds demonstrated in Kirkuk" */
        char home[4] = "";
        if (!tcode && !strncmp(ev->code, "14", 2)) {
            scan_attrs(c, si, &at);
            const attr_place *pl = event_place(&at, s->t[tr->start].off - sp.start);
            snprintf(home, sizeof home, "%.3s", pl && pl->country[0] ? pl->country : scode);
            if (is_country3(home))
                tcode = home;
        }
        /* (a German consultation names its partner, or none is known:
         * "hat Selenskyj die Lage erörtert") */
        if (!tcode && !(c->lx->lang[0] == 'd' && !strncmp(ev->code, "04", 2)))
            tcode = de_ally_foe(c, ev->code, scode, other_party(c, scode));
        if (!scode || !tcode || (!strcmp(scode, tcode) && tcode != home && !sides &&
             !(src >= 0 && tgt >= 0 && de_two_groups(c, s, &s->men[src], &s->men[tgt])) &&
             !(xsrc && tgt >= 0 && de_two_groups_in(c, xs, xsrc, s, &s->men[tgt]))))
            continue;
        /* talking to the press is no political event: media as the target
         * of statements, meetings or cooperation */
        if (strlen(tcode) >= 6 && !strcmp(tcode + strlen(tcode) - 3, "MED") &&
            strncmp(ev->code, "09", 2) < 0)
            continue;
        if (tgt < 0 && !xtgt && same_who(scode, tcode) && tcode != home && tcode != struck)
            continue;   /* the context gave the source's own country */
        /* a country cooperating with its own government, army or people
         * ("Israel will evacuate ... Israeli" , "the US decision ... under
         * president Obama") is a misread, not an event */
        if (same_who(scode, tcode) && (strlen(scode) == 3 || strlen(tcode) == 3) &&
            strncmp(ev->code, "09", 2) < 0)
            continue;
        /* one event per dyad and root in a sentence; in English one per
         * dyad: its first verb carries the act, the rest elaborate it. The
         * reverse direction is another act of another root when the first
         * one's doer was not named ("X, killed by a bomb while fighting Y") */
        int dup = 0;
        size_t replace = SIZE_MAX;
        /* German "töteten mehrere hundert Zivilisten": mass killing */
        const char *code = tgt >= 0 && de_mass_killing(c, s, tr, &s->men[tgt]) ? "202" : ev->code;
        for (size_t k = first_event; k < d->nevents; k++) {
            const dyad_event *o = &d->events[k];
            if ((!strncmp(o->cameo, code, 2) || english) &&
                ((same_who(o->source.code, scode) && same_who(o->target.code, tcode)) ||
                 (same_who(o->source.code, tcode) && same_who(o->target.code, scode) &&
                  (!strncmp(o->cameo, code, 2) || o->source.text)))) {
                dup = 1;
                /* an act whose object the sentence names beats one whose
                 * object came from the context */
                if (!o->target.text && tgt >= 0)
                    replace = k;
            }
            int mass = de_mass_dup(c, o, code, scode, tcode);
            if (mass) {
                dup = 1;
                if (mass == 2)
                    replace = k;
            }
        }
        if (dup && replace == SIZE_MAX)
            continue;
        scan_attrs(c, si, &at);
        dyad_event *e = doc_add_event(d);
        if (!e)
            return;
        e->sentence_index = si;
        e->sent_start = sp.start;
        e->sent_len = sp.end - sp.start;
        e->source.code = code_dup(c, scode);
        e->source.text = src >= 0 ? mention_text(c, s, &s->men[src])
                       : xsrc ? mention_text(c, xs, xsrc) : NULL;
        e->target.code = code_dup(c, tcode);
        e->target.text = tgt >= 0 ? mention_text(c, s, &s->men[tgt])
                       : xtgt ? mention_text(c, xt, xtgt) : NULL;
        snprintf(e->cameo, sizeof e->cameo, "%s", code);
        /* "promised a strong response", "prepared to resume shelling": an
         * intent whose content is a hostile act is a threat */
        if (english && !strcmp(ev->code, "030"))
            for (size_t q2 = q + 1; q2 < s->nm; q2++) {
                const match *o = &s->m[q2];
                if (o->type != PH_EVENT || o->start < tr->end)
                    continue;
                if (o->start > tr->end + 4)
                    break;
                const char *oc = c->e->events[o->ref].code;
                int r = (oc[0] - '0') * 10 + (oc[1] - '0');
                if (r >= 15 || r == 13)
                    snprintf(e->cameo, sizeof e->cameo, "%s", r >= 15 ? "138" : "130");
                break;
            }
        /* "Bei einem Bombenanschlag ... wurden 18 Menschen getötet": the
         * casualty verb's event is the attack the sentence names */
        /* and "A roadside bombing killed one soldier", "killed by a
         * roadside bomb": an attack noun in the clause of a casualty verb
         * whose doer is unnamed */
        /* and "suicide bombers killed 23 people": a doer named by its
         * attack */
        if ((passive || english) && !strncmp(ev->code, "19", 2))
            for (size_t q2 = 0; q2 < s->nm; q2++) {
                const match *o = &s->m[q2];
                if (o->type != PH_EVENT || o == tr)
                    continue;
                const char *oc = c->e->events[o->ref].code;
                int onoun = english ? (c->e->events[o->ref].flags & EF_NOUN) && o->start >= cs &&
                                      o->end <= ce
                                    : (s->t[o->end - 1].flags & TOK_CAP);
                if (src >= 0 && !passive && english)
                    onoun = onoun && o->start < s->men[src].end && o->end > s->men[src].start;
                if (onoun &&
                    (!strncmp(oc, "18", 2) || !strncmp(oc, "19", 2) || !strncmp(oc, "20", 2)) &&
                    strcmp(oc, "190")) {
                    snprintf(e->cameo, sizeof e->cameo, "%s", oc);
                    break;
                }
            }
        /* aid that moves weapons is military aid */
        if (!strcmp(e->cameo, "070") || !strcmp(e->cameo, "033")) {
            for (size_t k = cs; k < ce; k++)
                if (has_role(s, k, ROLE_WEAPON)) {
                    snprintf(e->cameo, sizeof e->cameo, "%s", e->cameo[1] == '7' ? "072" : "0332");
                    break;
                }
        }
        const cameo_entry *ce2 = lexicon_cameo(c->e, e->cameo);
        if (ce2) {
            e->quad = ce2->quad;
            e->goldstein = ce2->goldstein;
            e->cameo_name = ce2->name;
        } else {
            int root = (e->cameo[0] - '0') * 10 + (e->cameo[1] - '0');
            e->quad = root <= 5 ? 1 : root <= 8 ? 2 : root <= 14 ? 3 : 4;
        }
        /* PLOVER: the code's own entry, else its parents' */
        for (size_t l = strlen(e->cameo); l >= 2 && !e->plover; l--) {
            char pc[5];
            snprintf(pc, sizeof pc, "%.*s", (int)l, e->cameo);
            const cameo_entry *pe = lexicon_cameo(c->e, pc);
            if (pe && pe->plover)
                e->plover = pe->plover;
        }
        e->trigger = dup_span(c, s->t[tr->start].off,
                              s->t[tr->end - 1].off + s->t[tr->end - 1].len);
        attach(c, si, s, &at, e, s->t[tr->start].off,
               s->t[tr->end - 1].off + s->t[tr->end - 1].len, claim_from);
        if (replace != SIZE_MAX) {
            d->events[replace] = d->events[d->nevents - 1];
            d->nevents--;
            continue;
        }
        /* "Die EU und die USA hatten das Verfahren kritisiert": each of
         * coordinated subjects acts, unless the act is between them */
        if (xsrc2 && src < 0 && !same_who(xsrc2->code, tcode)) {
            size_t ei = d->nevents - 1;
            dyad_event *e2 = doc_add_event(d);
            if (!e2)
                return;
            *e2 = d->events[ei];
            e2->source.code = code_dup(c, xsrc2->code);
            e2->source.text = mention_text(c, xs, xsrc2);
        }
        int co = src >= 0 ? s->men[src].coord : -1;
        if (co >= 0 && co != tgt && !(ev->flags & EF_SYM) && !s->men[co].speaker &&
            !s->men[co].locative && !s->men[co].weak && !same_who(s->men[co].code, tcode) &&
            !same_who(s->men[co].code, scode)) {
            size_t ei = d->nevents - 1;
            dyad_event *e2 = doc_add_event(d);
            if (!e2)
                return;
            *e2 = d->events[ei];
            e2->source.code = code_dup(c, s->men[co].code);
            e2->source.text = mention_text(c, s, &s->men[co]);
        }
    }
}

/* The verification statement of sentence si, scanned once, on demand. */
static int sent_verif(ctx *c, size_t si, int *anaph)
{
    sent_info *s = &c->s[si];
    if (!s->verif_done) {
        span sp = c->d->sents[si];
        s->verif = attr_verification(c->d->text + sp.start, sp.end - sp.start, c->d->lang,
                                     &s->verif_anaph);
        s->verif_done = 1;
    }
    *anaph = s->verif_anaph;
    return s->verif;
}

/* "Unabhängig verifizieren lassen sich diese Zahlen nicht": a statement
 * about "these figures" applies to the events of the nearest of the two
 * sentences before it whose events carry figures. Events are stored in
 * sentence order, so each sentence's events are one run. */
static void apply_anaphoric_verification(ctx *c)
{
    dyad_doc *d = c->d;
    size_t k = 0;
    for (size_t si = 0; si < d->nsents; si++) {
        c->s[si].ev_first = k;
        while (k < d->nevents && d->events[k].sentence_index == si) {
            if (d->events[k].quantity.present)
                c->s[si].figures = 1;
            k++;
        }
        c->s[si].ev_end = k;
    }
    for (size_t si = 1; si < d->nsents; si++) {
        if (!c->s[si - 1].figures && !(si > 1 && c->s[si - 2].figures))
            continue;
        int anaph;
        int v = sent_verif(c, si, &anaph);
        if (!v || !anaph)
            continue;
        const char *label = v == ATTR_VERIF_UNVERIFIED ? "unverified" : "corroborated";
        size_t from = c->s[si - 1].figures ? si - 1 : si - 2;
        for (size_t e = c->s[from].ev_first; e < c->s[from].ev_end; e++)
            if (d->events[e].quantity.present)
                d->events[e].verification = label;
    }
}

/* German "Condoleezza Rice ... so Rice": a capitalised word that is the
 * surname of a person named in full earlier in the article is that person. */
static void de_surnames(ctx *c, size_t si)
{
    sent_info *s = &c->s[si];
    if (c->lx->lang[0] != 'd' || !s->men)
        return;
    const char *text = c->d->text;
    for (size_t k = 0; k < s->nt; k++) {
        const token *t = &s->t[k];
        if (!(t->flags & TOK_CAP) || !(t->flags & TOK_WORD) || (t->flags & TOK_HYPH) ||
            s->in_actor[k] || s->in_event[k] || t->len < 3)
            continue;
        int fn = 0;   /* "der Staat" after "Islamischer Staat": a surname has no article */
        for (int j = 0; j < ROLE_NJOBS; j++)
            if (has_role(s, k, j) || (k > 0 && j == ROLE_DET && has_role(s, k - 1, j)))
                fn = 1;
        if (fn || (k > 0 && filler(c, s, k - 1)))
            continue;
        const char *code = NULL;
        for (size_t p = si; p-- > 0 && !code;) {
            const sent_info *ps = &c->s[p];
            for (size_t q = ps->nmen; q-- > 0;) {
                const mention *m = &ps->men[q];
                if (m->end < m->start + 2 || strlen(m->code) <= 3 || !is_state(m->code))
                    continue;
                const token *l = &ps->t[m->end - 1], *f = &ps->t[m->end - 2];
                if ((l->flags & TOK_CAP) && (f->flags & TOK_CAP) && !(l->flags & TOK_HYPH) &&
                    l->len == t->len && !memcmp(text + l->off, text + t->off, t->len)) {
                    code = m->code;
                    break;
                }
            }
        }
        if (!code)
            continue;
        mention *nm = arena_alloc(&c->d->mem, (s->nmen + 1) * sizeof *nm);
        if (!nm)
            return;
        size_t at = 0;
        while (at < s->nmen && s->men[at].start < k)
            at++;
        memcpy(nm, s->men, at * sizeof *nm);
        memcpy(nm + at + 1, s->men + at, (s->nmen - at) * sizeof *nm);
        for (size_t q = 0; q < s->nmen + 1; q++)
            if (q != at && nm[q].coord >= (int)at)
                nm[q].coord++;
        s->men = nm;
        s->nmen++;
        mention *m = &s->men[at];
        memset(m, 0, sizeof *m);
        m->start = (uint32_t)k;
        m->end = (uint32_t)k + 1;
        code_copy(m->code, code);
        m->kind = AK_NAME;
        m->coord = -1;
        s->in_actor[k] = 1;
    }
}

/* German "Ex-Ministerpräsidentin", "der frühere Regierungschef": a
 * former official governs no more; opposition is the role left. */
static void de_former(const ctx *c, sent_info *s)
{
    if (c->lx->lang[0] != 'd')
        return;
    static const char *const former[] = { "ehemalig", "früher", "einstig", "vormalig", NULL };
    for (size_t k = 0; k < s->nmen; k++) {
        mention *m = &s->men[k];
        size_t n = strlen(m->code);
        if (m->kind != AK_AGENT || n != 6 || strcmp(m->code + 3, "GOV") || m->start == 0)
            continue;
        int ex = 0;
        const token *t = &s->t[m->start - 1];
        if ((s->t[m->start].flags & TOK_HYPH) && t->len == 2 &&
            !strncasecmp(tok_text(c, t), "ex", 2))
            ex = 1;
        for (size_t p = m->start, hops = 0; !ex && p-- > 0 && hops < 2; hops++) {
            const char *w = tok_text(c, &s->t[p]);
            for (int j = 0; former[j]; j++)
                if (s->t[p].len >= strlen(former[j]) && !strncasecmp(w, former[j], strlen(former[j])))
                    ex = 1;
            if (!(s->t[p].flags & TOK_WORD) || (s->t[p].flags & TOK_CAP))
                break;
        }
        if (ex)
            memcpy(m->code + 3, "OPP", 4);
    }
}

/* German "eine Verlängerung des EU-Militäreinsatzes": a name joined by a
 * hyphen to an event noun is that noun's doer, like an adjective on it,
 * not a party of the clause. */
static void de_compound_owner(const ctx *c, sent_info *s)
{
    if (c->lx->lang[0] != 'd')
        return;
    for (size_t k = 0; k < s->nmen; k++) {
        mention *m = &s->men[k];
        if (m->kind != AK_NAME || m->end >= s->nt || !(s->t[m->end].flags & TOK_HYPH))
            continue;
        for (size_t q = 0; q < s->nm; q++)
            if (s->m[q].type == PH_EVENT && s->m[q].start == m->end &&
                (s->t[s->m[q].end - 1].flags & TOK_CAP))
                m->adj_event = 1;
    }
}

/* English "ethnic Albanians demonstrated in Serbia": an ethnic group
 * belongs to the country it lives in (the place named, else the nearest
 * other country named by name), as civilians unless a role is named
 * ("ethnic Albanian guerrillas" in Macedonia are Macedonian rebels). */
static void en_ethnic(const ctx *c, sent_info *s)
{
    if (c->lx->lang[0] != 'e')
        return;
    for (size_t k = 0; k < s->nmen; k++) {
        mention *m = &s->men[k];
        const token *t = m->start ? &s->t[m->start - 1] : NULL;
        if (!t || t->len != 6 || strncasecmp(tok_text(c, t), "ethnic", 6) || m->speaker ||
            strlen(m->code) < 3 || !strncmp(m->code, "IGO", 3) || !strncmp(m->code, "NGO", 3))
            continue;
        int home = -1;
        for (int pass = 0; pass < 2 && home < 0; pass++)
            for (size_t j = 0; j < s->nmen; j++) {
                const mention *o = &s->men[j];
                if (j != k && !o->speaker && is_country3(o->code) &&
                    !same_who(o->code, m->code) &&
                    (pass ? o->kind == AK_NAME : o->locative) &&
                    (home < 0 || dist(o->start, m->start) < dist(s->men[home].start, m->start)))
                    home = (int)j;
            }
        if (home < 0)
            continue;
        char code[16];
        snprintf(code, sizeof code, "%.3s%s", s->men[home].code,
                 strlen(m->code) > 3 ? m->code + 3 : "CVL");
        memcpy(m->code, code, sizeof m->code);
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
    s->in_event = arena_alloc(&d->mem, s->nt + 1);
    if (!s->roles || !s->in_actor || !s->in_event) {
        s->nt = 0;
        s->nm = 0;
        return;
    }
    for (size_t q = 0; q < s->nm; q++)
        if (s->m[q].type == PH_ROLE)
            for (uint32_t k = s->m[q].start; k < s->m[q].end; k++)
                s->roles[k] |= 1u << s->m[q].ref;
        else if (s->m[q].type == PH_EVENT)
            for (uint32_t k = s->m[q].start; k < s->m[q].end; k++)
                if (!s->m[q].gap || k == s->m[q].start || k + 1 == s->m[q].end)
                    s->in_event[k] = 1;
    for (size_t k = 0; k < s->nt; k++)
        if (has_role(s, k, ROLE_KONJ))
            s->konj = 1;
    if (s->nt && is_punct(c, &s->t[s->nt - 1], "?"))
        s->question = 1;
    else if (s->nt > 1 && is_quote(c, &s->t[s->nt - 1]) && is_punct(c, &s->t[s->nt - 2], "?"))
        s->question = 1;
    build_mentions(c, s);
    en_ethnic(c, s);
    de_former(c, s);
    de_compound_owner(c, s);
    de_surnames(c, si);
    dateline(c, s);
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

/* DYAD_DEBUG=1: what each sentence was made of, on stderr (for lexicon
 * authors: why an event was or was not coded). */
static void debug_sentence(const ctx *c, size_t si)
{
    const sent_info *s = &c->s[si];
    const char *t = c->d->text;
    fprintf(stderr, "S%zu: %.*s\n", si, (int)(c->d->sents[si].end - c->d->sents[si].start),
            t + c->d->sents[si].start);
    for (size_t k = 0; k < s->nmen; k++) {
        const mention *m = &s->men[k];
        const token *a = &s->t[m->start], *b = &s->t[m->end - 1];
        fprintf(stderr, "   actor %-10s %.*s%s%s%s%s\n", m->code, (int)(b->off + b->len - a->off),
                t + a->off, m->speaker ? " [speaker]" : "", m->locative ? " [place]" : "",
                m->weak ? " [weak]" : "", m->adj_event ? " [on event]" : "");
    }
    for (size_t q = 0; q < s->nm; q++) {
        const match *m = &s->m[q];
        const token *a = &s->t[m->start], *b = &s->t[m->end - 1];
        if (m->type == PH_EVENT)
            fprintf(stderr, "   event %-10s %.*s\n", c->e->events[m->ref].code,
                    (int)(b->off + b->len - a->off), t + a->off);
    }
    if (s->claim_e)
        fprintf(stderr, "   claimant %.*s\n", (int)(s->claim_e - s->claim_s), t + s->claim_s);
}

int extract_document(dyad_engine *e, dyad_doc *d)
{
    ctx c = { .e = e, .d = d, .lx = lexicon_lang(e, d->lang) };
    c.s = arena_alloc(&d->mem, (d->nsents + 1) * sizeof *c.s);
    if (!c.s)
        return -1;
    const char *dbg = getenv("DYAD_DEBUG");
    c.debug = dbg ? atoi(dbg) : 0;
    for (size_t si = 0; si < d->nsents; si++) {
        scan_sentence(&c, si);
        if (c.debug)
            debug_sentence(&c, si);
    }
    size_t claim_from = 0;
    for (size_t si = 0; si < d->nsents; si++) {
        /* a speaker is continued for at most three sentences */
        claim_from = si > 3 ? si - 3 : 0;
        code_sentence(&c, si, claim_from);
    }
    apply_anaphoric_verification(&c);
    return 0;
}
