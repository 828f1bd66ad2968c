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
#include "extract.h"

static int sent_verif(ctx *c, size_t si, int *anaph);

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

/* Tokens that may stand between a preposition or adjective and its noun:
 * articles and determiners, and lower-case adjectives, known by their
 * endings (German inflection; English derivation): "aus dem benachbarten",
 * "to neighboring". Verbs are not fillers: "refuse to recognize X". */
int ex_filler(const ctx *c, const sent_info *s, size_t i)
{
    const token *t = &s->t[i];
    if (has_role(s, i, ROLE_DET))
        return 1;
    /* "in north-west Syria" */
    if (c->lx->lang[0] == 'e' && en_compass(c, t))
        return 1;
    /* "in Kurdish-held Syria", "in rebel-controlled Idlib" */
    if (c->lx->lang[0] == 'e' &&
        (en_held_part(c, s, i) || (i + 1 < s->nt && en_held_part(c, s, i + 1))))
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


/* An armed or opposition group's code ("PSEREB" Hamas): "Hamas
 * leaders", "Hamas's fighters" are the group, not its country's
 * government or army. */
int ex_group_code(const char *code)
{
    size_t n = strlen(code);
    return n == 6 && (!strcmp(code + 3, "REB") || !strcmp(code + 3, "OPP"));
}

static int person_like(const actor_entry *a)
{
    return a->kind == AK_NAME && strlen(a->code) > 3;
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
             ex_group_code(a->code)) &&
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
        while (gapok < s->nt && gapok - en < 3 && ex_filler(c, s, gapok))
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
                while (k < s->nt && k - en < 2 && ex_filler(c, s, k))
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
        while (p > 0 && p + 3 > m->start && ex_filler(c, s, p) && !has_role(s, p, ROLE_DET))
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

int ex_mention_at(const sent_info *s, size_t tok, int starting)
{
    for (size_t k = 0; k < s->nmen; k++)
        if (starting ? s->men[k].start == tok : (s->men[k].end == tok))
            return (int)k;
    return -1;
}

void ex_set_claim(sent_info *s, uint32_t ts, uint32_t te, const char *code)
{
    if (te <= ts || te > s->nt)
        return;
    s->claim_s = s->t[ts].off;
    s->claim_e = s->t[te - 1].off + s->t[te - 1].len;
    snprintf(s->claim_code, sizeof s->claim_code, "%s", code ? code : "");
}

/* Is the actor starting at token p bound by a preposition before it? */
int ex_bound(const ctx *c, const sent_info *s, size_t p)
{
    for (int hops = 0; p > 0 && hops < 4 && (has_role(s, p - 1, ROLE_DET) || ex_filler(c, s, p - 1));
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
                   ex_filler(c, s, e);   /* "die staatliche ... Nachrichtenagentur KCNA" */
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
    ex_set_claim(s, (uint32_t)k, (uint32_t)e, first >= 0 ? s->men[first].code : "");
}

/* The last person or official named in the three sentences before s:
 * what "er", "sie", "he", "she" most likely refer to. */
const mention *ex_last_person(const ctx *c, const sent_info *s,
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
    const mention *m = ex_last_person(c, s, &p);
    if (!m)
        return;
    s->claim_s = p->t[m->start].off;
    s->claim_e = p->t[m->end - 1].off + p->t[m->end - 1].len;
    snprintf(s->claim_code, sizeof s->claim_code, "%s", m->code);
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
            while (b > 0 && i - b < 3 && (s->in_actor[b - 1] || ex_filler(c, s, b - 1)) &&
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
        while (k < s->nt && k - i < 6 && ex_filler(c, s, k) && !s->in_actor[k])
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
            int m = ex_mention_at(s, (uint32_t)v, 0);
            if (m < 0 && v != i)
                m = ex_mention_at(s, (uint32_t)i, 0);
            if (m >= 0 && ex_bound(c, s, s->men[m].start))
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
        if (!ex_filler(c, s, p))
            break;
        hops++;
    }
    return MK_NONE;
}

/* English past participles: regular -ed, strong -en/-wn, and the short
 * irregular ones of conflict news (hit, shot, struck, held, sent, ...). */
int ex_participle(const char *w, size_t n)
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
    if (!ex_participle(w, t->len))
        return 0;
    const token *last = &s->t[tr->end - 1];
    if (tr->end > tr->start + 1 && last->len == 2 &&
        !strncasecmp(tok_text(c, last), "to", 2))
        return 0;
    /* "the journalist captured by Islamic State": a participle with its
     * agent right behind it */
    const token *l = &s->t[tr->end - 1];
    if (tr->end < s->nt && has_role(s, tr->end, ROLE_BY) &&
        ex_participle(tok_text(c, l), l->len))
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

/* The place of the act that trigger tr names, from the sentence's
 * attributes (scanned on first use). */
static const attr_place *act_place(ctx *c, size_t si, sent_attrs *at, const match *tr)
{
    scan_attrs(c, si, at);
    return event_place(at, c->s[si].t[tr->start].off - c->d->sents[si].start);
}

/* An inherited civilian agent moved to the country of the sentence's
 * place; 0 when it stays. */
static int localise(ctx *c, size_t si, sent_attrs *at, const match *tr,
                    const mention *m, char out[16])
{
    if (!m->inherited || strlen(m->code) != 6 || strcmp(m->code + 3, "CVL"))
        return 0;
    const attr_place *pl = act_place(c, si, at, tr);
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
int ex_clause_between(const sent_info *s, size_t a, size_t b)
{
    for (size_t k = a; k < b; k++)
        if (has_role(s, k, ROLE_CLAUSE))
            return 1;
    return 0;
}

int ex_gap_fill(const ctx *c, const sent_info *s, size_t a, size_t b)
{
    if (b < a || b - a > 2)
        return 0;
    for (size_t k = a; k < b; k++)
        if (!ex_filler(c, s, k))
            return 0;
    return 1;
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

static int takes_content(const char *code)
{
    return !strncmp(code, "02", 2) || !strncmp(code, "03", 2) ||
           !strncmp(code, "10", 2) || !strncmp(code, "13", 2);
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
        if (english && en_adj_compound(c, s, tr))
            continue;
        /* "the Euphrates Shield operation", "the Free Syrian Army": an
         * English capitalised word after another is part of a name
         * (unless the whole line is in title case) */
        if (english && tr->end == tr->start + 1 && tr->start > 0 &&
            (s->t[tr->start].flags & TOK_CAP) && (s->t[tr->start - 1].flags & TOK_CAP) &&
            !s->in_actor[tr->start - 1] && !en_title_case(c, s))
            continue;
        /* "fire protectively": an English adverb shares its verb's stem
         * but reports no act */
        if (english && tr->end == tr->start + 1 && en_adverb(c, &s->t[tr->start]))
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
                   (english && en_gerund(c, s, tr));
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
        /* German perfect: "Die EU hat ein Moratorium ... beschlossen" */
        if (noun && !light && c->lx->lang[0] == 'd')
            light = de_light_final(c, s, cs, ce, tr);
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
                (mk[k] == MK_NONE || !ex_gap_fill(c, s, cs + 1, s->men[k].start)))
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
                              !ex_clause_between(s, tr->end, m->start)) &&
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
                        xsrc = ex_last_person(c, s, &xs);
                    break;
                }
            size_t lead = xsrc ? SIZE_MAX : de_pron_lead(c, s, cs, tr);
            if (lead != SIZE_MAX && lead < first_m)
                xsrc = ex_last_person(c, s, &xs);
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
                if (english && m->start > tr->start && en_apposed_possessor(c, s, m))
                    continue;
                if ((int)k == src || (int)k == tgt || m->adj_event || !open ||
                    !usable(m, tr, cs, ce, pass, MK_NONE) ||
                    (final && m->start >= tr->end))
                    continue;
                if (m->end <= tr->start) {
                    if (!m->weak || before < 0)
                        before = (int)k;
                    /* right before a noun: "Nordkoreas Lieferungen" */
                    if (ex_gap_fill(c, s, m->end, tr->start))
                        adj_b = (int)k;
                } else {
                    if (after < 0 || (s->men[after].weak && !m->weak))
                        after = after < 0 || s->men[after].weak ? (int)k : after;
                    if (adj_a < 0 && ex_gap_fill(c, s, tr->end, m->start))
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
                if (en_of_gerund(c, s, tr))
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
        /* "complained to the United Nations over Israeli air raids": the
         * complaint's subject matter is its target */
        if (english)
            tgt = en_complaint_over(c, s, tr, src, tgt, ce, nmen, ev);
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
            else if (!strncmp(ev->code, "17", 2) || violent_root(ev->code)) {
                const attr_place *pl = act_place(c, si, &at, tr);
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
        /* an attack's target unnamed: where it struck, when that is
         * another country ("Israeli tanks fired at targets in Jericho") */
        char struck[4] = "";
        if (scode && tgt < 0 &&
            (english ? !noun || (src >= 0 && s->men[src].adj_event)
                     : src >= 0 && !s->men[src].adj_event) &&
            violent_root(ev->code)) {
            const attr_place *pl = act_place(c, si, &at, tr);
            if (pl && is_country3(pl->country) &&
                (strncmp(pl->country, scode, 3) || de_rebel_home(c, scode)) &&
                de_ally_foe(c, ev->code, scode, pl->country) == pl->country) {
                snprintf(struck, sizeof struck, "%s", pl->country);
                tcode = struck;
            }
        }
        /* 4. the document's context names a verb's missing object ("So
         * habe Nordkorea ... geliefert": to Russia, whom the article is
         * about). A missing subject is not guessed: on the dev sets such
         * guesses were wrong four times in five. A noun alone ("die
         * Verluste") is too weak to build an event on. */
        /* (a noun a light verb makes the subject act is a verbal act: its
         * object may come from the context, "Die EU hat ein Moratorium
         * für Waffenlieferungen beschlossen") */
        if ((!scode || (tgt < 0 && !xtgt && !struck[0])) && noun &&
            !(light && scode && c->lx->lang[0] == 'd'))
            continue;
        if (!scode)
            continue;
        /* a protest that names no addressee is against the authorities
         * where it happens: "Iraqi Kurds demonstrated in Kirkuk" */
        char home[4] = "";
        if (!tcode && !strncmp(ev->code, "14", 2)) {
            const attr_place *pl = act_place(c, si, &at, tr);
            snprintf(home, sizeof home, "%.3s", pl && pl->country[0] ? pl->country : scode);
            if (is_country3(home))
                tcode = home;
        }
        /* (a German consultation names its partner, or none is known:
         * "hat Selenskyj die Lage erörtert") */
        /* German: a denial answers its accuser ("bestreitet den Vorwurf") */
        const char *accuser = NULL;
        if (!tcode && c->lx->lang[0] == 'd' &&
            (accuser = de_accuser(c, ev->code, scode, si)))
            tcode = accuser;
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
        if (tgt < 0 && !xtgt && same_who(scode, tcode) && tcode != home && tcode != struck &&
            tcode != accuser)
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
                    violent_root(oc) &&
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
