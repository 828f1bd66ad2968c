/* extract_de.c — the German rules of role assignment: verb-final and
 * fronted phrases, pronoun and surname subjects, "zwischen" sides, former
 * officials, mass killings, allies (docs/ARCHITECTURE.md), called by
 * extract.c for German sentences. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include "extract.h"

/* German "Wie X mitteilte, ..." / "Wie aus einer Verlautbarung der X
 * hervorgeht, ...": a clause opened by "wie" around the reporting verb at
 * i names the claimant, a name before an agent. 1 when found. */
int de_wie_claim(const ctx *c, sent_info *s, size_t i)
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
    ex_set_claim(s, s->men[pick].start, s->men[pick].end, s->men[pick].code);
    return 1;
}
/* German "nach nicht überprüfbaren westlichen Geheimdienst-Informationen":
 * the claimant noun at i with actor adjectives before it, behind "nach" and
 * adjectives that judge the claim; where the named part starts, else 0. */
size_t de_claim_adj(const ctx *c, const sent_info *s, size_t i)
{
    if (c->lx->lang[0] != 'd')
        return 0;
    size_t b = i;
    while (b > 0 && i - b < 4 && s->in_actor[b - 1])
        b--;
    size_t p = b;
    while (p > 0 && b - p < 3 && ex_filler(c, s, p - 1))
        p--;
    if (p > 0 && de_attr_neg(c, s, p - 1))
        p--;
    return b < i && p < b && p > 0 && has_role(s, p - 1, ROLE_TARGET) ? b : 0;
}
/* German "SWP-Forscherin Klein verweist auf ...": an agent and a surname
 * the lexicon does not know, right before the reporting verb at i, speak.
 * The agent mention's index, else -1. */
int de_apposed_speaker(const ctx *c, const sent_info *s, size_t i)
{
    if (c->lx->lang[0] != 'd' || i < 2)
        return -1;
    const token *n = &s->t[i - 1];
    if (!(n->flags & TOK_WORD) || !(n->flags & TOK_CAP) || s->in_actor[i - 1] ||
        s->in_event[i - 1] || has_role(s, i - 1, ROLE_TIME))
        return -1;
    int m = ex_mention_at(s, i - 1, 0);
    if (m < 0 || s->men[m].kind == AK_ADJ || ex_bound(c, s, s->men[m].start))
        return -1;
    return m;
}
/* German subordinate clauses end in their verb, before a comma: "Als
 * Kämpfer die Stadt einnahmen, töteten sie ...": the clause of i is cut at
 * that comma, and the main clause after a sentence-initial one starts
 * behind it. */
void de_sub_clause(const ctx *c, const sent_info *s, size_t i, size_t *cs,
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
/* German "zu sieben Jahren Haft verurteilt", "Verantwortung ... übernommen":
 * a phrase that ends in a lower-case verb (not a preposition) is headed by
 * that verb: its participle tells the passive, the clause's subject acts it. */
int de_verb_head(const ctx *c, const sent_info *s, const match *tr)
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
int de_state_passive(const ctx *c, const sent_info *s, size_t cs, size_t ce,
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
/* German "nach nicht überprüfbaren Informationen": "nicht" before an
 * attributive adjective and its noun negates the adjective, not the clause. */
int de_attr_neg(const ctx *c, const sent_info *s, size_t i)
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
/* German "ohne die Zustimmung des Kabinetts": an act noun governed by
 * "ohne" (articles or adjectives between) did not happen. */
int de_ohne(const ctx *c, const sent_info *s, const match *tr)
{
    if (c->lx->lang[0] != 'd' || !(s->t[tr->start].flags & TOK_CAP))
        return 0;
    for (size_t k = tr->start; k-- > 0 && tr->start - k <= 3;) {
        const token *t = &s->t[k];
        if (t->len == 4 && !strncasecmp(tok_text(c, t), "ohne", 4))
            return ex_gap_fill(c, s, k + 1, tr->start);
    }
    return 0;
}
/* German verb-second: a main clause that opens with a preposition ("Im
 * Zuge der Krise ...", "Nach dem Treffen mit X") has that phrase as its
 * first field; the finite verb (an auxiliary, a reporting verb, a verbal
 * trigger) ends it. Returns the finite verb's index, or cs when the clause
 * does not open with a preposition. */
size_t de_front_phrase(const ctx *c, const sent_info *s, size_t cs, const match *tr)
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
int de_host(const sent_info *s, const match *tr, int src, size_t nmen, const int *mk)
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
const mention *de_pron_patient(const ctx *c, const sent_info *s, size_t cs,
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
        return ex_last_person(c, s, in);
    }
    return NULL;
}
/* German "töteten mehrere hundert Zivilisten", "wurden 200 Zivilisten
 * getötet": a killing of a hundred civilians or more is CAMEO's mass
 * killing (202), not combat. */
int de_mass_killing(const ctx *c, const sent_info *s, const match *tr, const mention *m)
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
int de_mass_dup(const ctx *c, const dyad_event *o, const char *code,
                       const char *scode, const char *tcode)
{
    if (c->lx->lang[0] != 'd' ||
        strcmp(o->source.code, scode) || strcmp(o->target.code, tcode))
        return 0;
    if (!strncmp(o->cameo, "20", 2) && !strncmp(code, "19", 2))
        return 1;
    return !strncmp(o->cameo, "19", 2) && !strncmp(code, "20", 2) ? 2 : 0;
}
int de_two_groups_in(const ctx *c, const sent_info *sa, const mention *a,
                            const sent_info *sb, const mention *b)
{
    if (c->lx->lang[0] != 'd' || a == b || !ex_group_code(a->code) ||
        strcmp(a->code, b->code) || (a->kind != AK_NAME && b->kind != AK_NAME))
        return 0;
    const token *ta = &sa->t[a->start], *tb = &sb->t[b->start];
    size_t la = sa->t[a->end - 1].off + sa->t[a->end - 1].len - ta->off;
    size_t lb = sb->t[b->end - 1].off + sb->t[b->end - 1].len - tb->off;
    return la != lb || memcmp(tok_text(c, ta), tok_text(c, tb), la);
}
int de_two_groups(const ctx *c, const sent_info *s, const mention *a, const mention *b)
{
    return de_two_groups_in(c, s, a, s, b);
}
/* German ", wie viele westliche Länder,": a mention in a verbless
 * comparison between commas. */
int de_comparison(const ctx *c, const sent_info *s, const mention *m)
{
    if (c->lx->lang[0] != 'd')
        return 0;
    size_t p = m->start;
    for (int hops = 0; p > 0 && hops < 3 && (ex_filler(c, s, p - 1) ||
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
int de_in_tail(const ctx *c, const match *tr, const mention *m)
{
    return c->lx->lang[0] == 'd' && m->start > tr->start &&
           m->end == tr->end;
}
/* German "Als Kämpfer die Stadt Bentiu einnahmen": rebels who strike a
 * place of their own country strike that country. */
int de_rebel_home(const ctx *c, const char *scode)
{
    size_t n = strlen(scode);
    return c->lx->lang[0] == 'd' && n == 6 && !strcmp(scode + 3, "REB");
}
/* German "Als Kämpfer die Stadt einnahmen, töteten sie ...": a subject
 * pronoun (not "es") at k after a sentence-initial subordinate clause
 * stands for that clause's subject, its first actor. */
const mention *de_pron_antecedent(const ctx *c, const sent_info *s, size_t cs,
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
/* Does mention m's preposition follow another event noun directly
 * ("Sanktionen gegen den Iran")? */
int de_noun_phrase(const ctx *c, const sent_info *s, const match *tr, const mention *m)
{
    if (c->lx->lang[0] != 'd')
        return 0;
    size_t p = m->start;
    for (int hops = 0; p > 0 && hops < 3 && ex_filler(c, s, p - 1); hops++)
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
/* A German sentence that names nobody may still act through a pronoun
 * ("Sie wurde ... verurteilt"). */
/* German "Seitdem kämpfen auch nordkoreanische Soldaten in der russischen
 * Region Kursk": a fight whose object only the context gives is not
 * against a party the article reports the source cooperating with (aid,
 * agreements); it is against that ally's foe in an earlier fight, else
 * no one. The object to use, NULL for none. */
const char *de_ally_foe(const ctx *c, const char *code, const char *scode,
                               const char *tcode)
{
    if (c->lx->lang[0] != 'd' || !scode || !tcode ||
        !violent_root(code))
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
const mention *de_davon(const ctx *c, const sent_info *s, size_t cs,
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
size_t de_pron_lead(const ctx *c, const sent_info *s, size_t cs, const match *tr)
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
int de_demand_owner(const ctx *c, const sent_info *s, const match *tr,
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
int de_has_pron(const ctx *c, const sent_info *s)
{
    if (c->lx->lang[0] != 'd' || !s->men)
        return 0;
    for (size_t k = 0; k < s->nt; k++)
        if (has_role(s, k, ROLE_PRON))
            return 1;
    return 0;
}
/* German "Condoleezza Rice ... so Rice": a capitalised word that is the
 * surname of a person named in full earlier in the article is that person. */
void de_surnames(ctx *c, size_t si)
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
        if (fn || (k > 0 && ex_filler(c, s, k - 1)))
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
void de_former(const ctx *c, sent_info *s)
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
void de_compound_owner(const ctx *c, sent_info *s)
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

/* German "Timoschenko bestreitet den Vorwurf": a denial that names no
 * addressee answers the last party the article showed accusing,
 * rejecting or coercing the denier in an earlier sentence (the court
 * that sentenced her). */
const char *de_accuser(const ctx *c, const char *code, const char *scode, size_t si)
{
    if (c->lx->lang[0] != 'd' || !scode || strncmp(code, "016", 3))
        return NULL;
    const dyad_doc *d = c->d;
    for (size_t k = d->nevents; k-- > 0;) {
        const dyad_event *o = &d->events[k];
        if ((size_t)o->sentence_index < si &&
            !strcmp(o->target.code, scode) && strcmp(o->source.code, scode) &&
            strlen(o->source.code) > 3 &&
            (!strncmp(o->cameo, "11", 2) || !strncmp(o->cameo, "12", 2) ||
             !strncmp(o->cameo, "17", 2)))
            return o->source.code;
    }
    return NULL;
}

/* German perfect or modal clause "Die EU hat ein Moratorium ...
 * beschlossen": an auxiliary before the noun trigger and a light verb's
 * participle or infinitive after it in the clause make the clause's
 * subject act the noun. 1 when so. */
int de_light_final(const ctx *c, const sent_info *s, size_t cs, size_t ce,
                   const match *tr)
{
    int aux = 0;
    for (size_t k = cs; k < tr->start; k++) {
        const token *t = &s->t[k];
        /* not the conditional ("würde ... die Verhandlungen führen") */
        if (t->len >= 6 && !strncmp(tok_text(c, t), "würde", 6))   /* ü: 2 bytes */
            return 0;
        if (has_role(s, k, ROLE_AUX))
            aux = 1;
    }
    if (!aux)
        return 0;
    for (size_t k = tr->start + 1; k < ce && k < s->nt; k++) {
        if (has_role(s, k, ROLE_LIGHT) && !(s->t[k].flags & TOK_CAP))
            return 1;
    }
    return 0;
}
