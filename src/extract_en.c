/* extract_en.c — the English rules of role assignment: compound
 * adjectives, gerunds, adverbs, possessors, reduced relatives, shared
 * subjects, "both countries", ethnic groups, pronoun antecedents, places
 * (docs/ARCHITECTURE.md), called by extract.c for English sentences. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include "extract.h"

/* A compass word or part: "north", "north-west" (as two tokens). */
int en_compass(const ctx *c, const token *t)
{
    static const char *const w[] = { "north", "south", "east", "west", "central", NULL };
    const char *x = tok_text(c, t);
    for (int k = 0; w[k]; k++)
        if (t->len == strlen(w[k]) && !strncasecmp(x, w[k], t->len))
            return 1;
    return 0;
}
/* The participle of a hyphenated "Kurdish-held", "rebel-controlled". */
int en_held_part(const ctx *c, const sent_info *s, size_t i)
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
/* English "a hunger strike outside Parliament", "near the embassy": an
 * agent behind a place preposition other than "in" ("officials in the
 * ministry" belong to it) is a place. */
int en_agent_place(const ctx *c, const sent_info *s, const mention *m)
{
    if (c->lx->lang[0] != 'e' || m->kind != AK_AGENT || m->start == 0)
        return 0;
    size_t p = m->start - 1;
    while (p > 0 && p + 3 > m->start && ex_filler(c, s, p) && !has_role(s, p, ROLE_DET))
        p--;
    if (has_role(s, p, ROLE_DET) && p > 0)
        p--;
    const token *t = &s->t[p];
    return has_role(s, p, ROLE_LOC) && !(t->len == 2 && !strncasecmp(tok_text(c, t), "in", 2));
}
/* English "Belgrade radio", "Tehran television": a state's government
 * name (its capital) directly before a media agent. */
int en_capital_medium(const ctx *c, const actor_entry *a, const raw *nx,
                             uint32_t en)
{
    if (c->lx->lang[0] != 'e' || !nx || nx->start != en || a->kind != AK_NAME ||
        nx->a->kind != AK_AGENT || strlen(a->code) != 6 || strcmp(a->code + 3, "GOV") ||
        strcmp(nx->a->code, "MED"))
        return 0;
    return 1;
}
/* English reduced passive relative: "civilians forced from their homes
 * are gathered", "to West Africans ordered out of Nigeria": a bare
 * participle right behind a party, with "from" or "out of" after it, is
 * done to that party when the party is itself an object (a preposition
 * before it) or the clause's own verb follows. */
int en_reduced_relative(const ctx *c, const sent_info *s, size_t ce, const match *tr)
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
    while (p > 0 && p + 3 > m->start && (has_role(s, p - 1, ROLE_DET) || ex_filler(c, s, p - 1)))
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
/* English adverbs by their endings ("protectively", "reportedly"); not
 * "supply", "rally" or "ally". */
int en_adverb(const ctx *c, const token *t)
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
int en_adj_compound(const ctx *c, const sent_info *s, const match *tr)
{
    const token *a = &s->t[tr->start], *b = &s->t[tr->end - 1];
    if (a->flags & TOK_HYPH)
        return ex_participle(tok_text(c, a), a->len);
    if (tr->end != tr->start + 2 || !(b->flags & TOK_HYPH) || (a->flags & TOK_CAP) ||
        s->in_actor[tr->start])
        return 0;
    return ex_participle(tok_text(c, b), b->len);
}
/* "the fighting", "heavy fighting": an English -ing form after an article
 * or an adjective is a noun. */
int en_gerund(const ctx *c, const sent_info *s, const match *tr)
{
    const token *t = &s->t[tr->start];
    if (tr->end != tr->start + 1 || tr->start == 0 ||
        !ends_with(tok_text(c, t), t->len, "ing"))
        return 0;
    size_t p = tr->start - 1;
    if (has_role(s, p, ROLE_DET) || ex_filler(c, s, p))
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
int en_of_gerund(const ctx *c, const sent_info *s, const match *tr)
{
    const token *t = &s->t[tr->start];
    if (tr->start < 2 || !ends_with(tok_text(c, t), t->len, "ing"))
        return 0;
    const token *of = &s->t[tr->start - 1], *n = &s->t[tr->start - 2];
    return of->len == 2 && !strncasecmp(tok_text(c, of), "of", 2) &&
           (n->flags & TOK_WORD) && !(n->flags & TOK_CAP) && !s->in_actor[tr->start - 2] &&
           !s->in_event[tr->start - 2];
}
int en_apposed_possessor(const ctx *c, const sent_info *s, const mention *m)
{
    if (!(s->t[m->end - 1].flags & TOK_POSS))
        return 0;
    for (size_t k = m->end + 1; k <= m->end + 2 && k + 1 < s->nt; k++)
        if (is_punct(c, &s->t[k], ","))
            return s->in_actor[k + 1] && (s->t[k + 1].flags & TOK_CAP);
    return 0;
}
/* A headline in title case: most longer words capitalised. */
int en_title_case(const ctx *c, const sent_info *s)
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
/* English: the place of an act nearest its trigger, when it lies in
 * another country than the doer's or the doer is a rebel group attacking
 * at home (not in a passive: "X, captured by Isis in Syria" names its
 * victim). */
int en_place_target(const sent_info *s, const match *tr, int src, size_t cs, size_t ce,
                           size_t nmen, const int *mk, const event_entry *ev, int passive)
{
    const char *sc = s->men[src].code;
    int rebel = !passive && strlen(sc) == 6 && !strcmp(sc + 3, "REB") &&
                violent_root(ev->code);
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
/* English ", but was still refusing ...": a verb after ", but" or ", and"
 * with only lower-case words between has no subject of its own; it is the
 * sentence's first unmarked party's, when that opens the main clause. */
int en_shared_subject(const ctx *c, const sent_info *s, const match *tr, size_t nmen,
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
        return m->end < k - 1 && !ex_clause_between(s, 0, m->start) ? (int)j : -1;
    }
    return -1;
}
/* English ", killing one person": a present participle right after a
 * comma has no subject of its own; it is the main clause's subject. */
int en_ing_subject(const ctx *c, const sent_info *s, const match *tr, size_t nmen,
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
        return m->end < k && !ex_clause_between(s, 0, m->start) ? (int)j : -1;
    }
    return -1;
}
/* English "it" and "they": "it" stands for the last state, body or
 * singular agent named ("the government"), "they" for the last plural
 * agent ("the rebels", "police"), in the sentence before the pronoun or
 * the three sentences before it. */
int en_plural(const ctx *c, const sent_info *s, const mention *m)
{
    const token *t = &s->t[m->end - 1];
    const char *w = tok_text(c, t);
    return (t->len > 3 && (w[t->len - 1] == 's' || w[t->len - 1] == 'S') &&
            w[t->len - 2] != 's') ||
           (t->len == 6 && !strncasecmp(w, "police", 6));
}
/* An agent "it" can stand for: a body, not a person ("the government",
 * not "the president"). */
int en_body_word(const ctx *c, const sent_info *s, const mention *m)
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
const mention *en_pron_antecedent(const ctx *c, const sent_info *s, size_t k,
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
/* Roots whose object is a proposition: what follows them in the sentence
 * is the content of an appeal, promise, demand or threat, not an event. */
/* English "Both countries say ...", "the two governments": the last two
 * countries named in the previous sentence (or the one before), when the
 * phrase stands before trigger tr. Returns the first, *second the other. */
const mention *en_both(const ctx *c, size_t si, const match *tr,
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
int en_relative(const ctx *c, const token *t)
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
size_t en_content_end(const ctx *c, const sent_info *s, const match *tr)
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
/* English "ethnic Albanians demonstrated in Serbia": an ethnic group
 * belongs to the country it lives in (the place named, else the nearest
 * other country named by name), as civilians unless a role is named
 * ("ethnic Albanian guerrillas" in Macedonia are Macedonian rebels). */
void en_ethnic(const ctx *c, sent_info *s)
{
    if (c->lx->lang[0] != 'e')
        return;
    for (size_t k = 0; k < s->nmen; k++) {
        mention *m = &s->men[k];
        const token *t = m->start ? &s->t[m->start - 1] : NULL;
        if (m->speaker || strlen(m->code) < 3 || !strncmp(m->code, "IGO", 3) ||
            !strncmp(m->code, "NGO", 3))
            continue;
        /* "The Albanians of southern Serbia": a people of another state's
         * region or state is that state's civilians; the state is a place */
        if (m->kind == AK_NAME && strlen(m->code) == 3 && m->end + 1 < s->nt &&
            s->t[m->end].len == 2 && !strncasecmp(tok_text(c, &s->t[m->end]), "of", 2)) {
            int home = -1;
            for (size_t j = 0; j < s->nmen; j++) {
                const mention *o = &s->men[j];
                if (j != k && o->kind == AK_NAME && is_country3(o->code) && strlen(o->code) == 3 &&
                    !same_who(o->code, m->code) && o->start > m->end && o->start <= m->end + 3)
                    home = (int)j;
            }
            if (home >= 0) {
                char code[16];
                snprintf(code, sizeof code, "%.3sCVL", s->men[home].code);
                memcpy(m->code, code, sizeof m->code);
                s->men[home].locative = 1;
                continue;
            }
        }
        if (!t || t->len != 6 || strncasecmp(tok_text(c, t), "ethnic", 6))
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
/* English "Lebanon complained to the United Nations over two Israeli air
 * raids": a disapproval (11x) addressed to an international body is about
 * the party its "over/about" phrase names; that party is the target. */
int en_complaint_over(const ctx *c, const sent_info *s, const match *tr, int src, int tgt,
                      size_t ce, size_t nmen, const event_entry *ev)
{
    if (src < 0 || tgt < 0 || strncmp(ev->code, "11", 2) ||
        strncmp(s->men[tgt].code, "IGO", 3) || s->men[tgt].start < tr->end)
        return tgt;
    for (size_t k = s->men[tgt].end; k < ce && k < s->men[tgt].end + 6; k++) {
        const token *t = &s->t[k];
        const char *w = tok_text(c, t);
        if (is_punct(c, t, ",;:"))
            break;
        if (!((t->len == 4 && !strncasecmp(w, "over", 4)) ||
              (t->len == 5 && !strncasecmp(w, "about", 5))))
            continue;
        for (size_t j = 0; j < nmen; j++) {
            const mention *m = &s->men[j];
            if ((int)j == src || m->speaker || m->start <= k || m->start > k + 4 ||
                m->end > ce || strlen(m->code) < 3 || same_who(m->code, s->men[src].code))
                continue;
            return (int)j;
        }
        break;
    }
    return tgt;
}
