/* extract.h — what the role-assignment stage (extract.c) shares with its
 * language rules (extract_de.c, extract_en.c): the sentence's mentions,
 * the document context, and the helpers all three use. Private to
 * libdyad. */
#ifndef DYAD_EXTRACT_H
#define DYAD_EXTRACT_H

#include <string.h>
#include "internal.h"
#include "attr.h"

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

/* an actor match before it becomes a mention */
typedef struct { uint32_t start, end; const actor_entry *a; } raw;

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

typedef struct {
    attr_date dates[MAXQ]; size_t ndates;
    attr_quantity qs[MAXQ]; size_t nq;
    attr_place places[MAXQ]; size_t nplaces;
    int verif, verif_anaph, hedged;
    int done;
} sent_attrs;

/* The role a preposition in front of mention m gives it, for trigger ev. */
enum { MK_NONE, MK_SOURCE, MK_TARGET, MK_PARTNER, MK_BY, MK_TSOURCE,
       MK_TTARGET, MK_FRONT };

static inline const char *tok_text(const ctx *c, const token *t) { return c->d->text + t->off; }

static inline int is_punct(const ctx *c, const token *t, const char *chars)
{
    return (t->flags & TOK_PUNCT) && t->len == 1 && strchr(chars, c->d->text[t->off]);
}

static inline int has_role(const sent_info *s, size_t i, int job)
{
    return i < s->nt && (s->roles[i] >> job & 1);
}

/* A state's code (not an IGO, NGO or bloc's member body) */
static inline int is_state(const char *code)
{
    return strncmp(code, "IGO", 3) && strncmp(code, "NGO", 3) && strncmp(code, "IMG", 3);
}

static inline int is_country3(const char *code)
{
    return strlen(code) == 3 && strcmp(code, "IGO") && strcmp(code, "NGO");
}

/* Copies an actor code into a 16-byte field. */
static inline void code_copy(char *out, const char *code)
{
    size_t n = strnlen(code, 15);
    memcpy(out, code, n);
    out[n] = 0;
}

static inline int ends_with(const char *w, size_t n, const char *suf)
{
    size_t l = strlen(suf);
    return n > l + 2 && !memcmp(w + n - l, suf, l);
}

static inline size_t dist(size_t a, size_t b) { return a > b ? a - b : b - a; }

/* Bytes between a span [s, s+n) and the trigger's words [ts, te). */
static inline size_t span_dist(size_t s, size_t n, size_t ts, size_t te)
{
    if (s + n <= ts)
        return ts - (s + n);
    return s >= te ? s - te : 0;
}

/* CAMEO roots 18-20: assault, fight, mass violence. */
static inline int violent_root(const char *code)
{
    return !strncmp(code, "18", 2) || !strncmp(code, "19", 2) || !strncmp(code, "20", 2);
}

static inline int same_who(const char *a, const char *b)
{
    return !strncmp(a, b, 3);
}

/* ---- extract.c ---- */
int ex_filler(const ctx *c, const sent_info *s, size_t i);
int ex_group_code(const char *code);
int ex_mention_at(const sent_info *s, size_t tok, int starting);
void ex_set_claim(sent_info *s, uint32_t ts, uint32_t te, const char *code);
int ex_bound(const ctx *c, const sent_info *s, size_t p);
const mention *ex_last_person(const ctx *c, const sent_info *s,
                                  const sent_info **in);
int ex_participle(const char *w, size_t n);
int ex_clause_between(const sent_info *s, size_t a, size_t b);
int ex_gap_fill(const ctx *c, const sent_info *s, size_t a, size_t b);

/* ---- extract_de.c: German rules ---- */
int de_wie_claim(const ctx *c, sent_info *s, size_t i);
size_t de_claim_adj(const ctx *c, const sent_info *s, size_t i);
int de_apposed_speaker(const ctx *c, const sent_info *s, size_t i);
void de_sub_clause(const ctx *c, const sent_info *s, size_t i, size_t *cs,
                          size_t *ce);
int de_verb_head(const ctx *c, const sent_info *s, const match *tr);
int de_state_passive(const ctx *c, const sent_info *s, size_t cs, size_t ce,
                            const match *tr, const event_entry *ev);
int de_attr_neg(const ctx *c, const sent_info *s, size_t i);
int de_ohne(const ctx *c, const sent_info *s, const match *tr);
size_t de_front_phrase(const ctx *c, const sent_info *s, size_t cs, const match *tr);
int de_host(const sent_info *s, const match *tr, int src, size_t nmen, const int *mk);
const mention *de_pron_patient(const ctx *c, const sent_info *s, size_t cs,
                                      const match *tr, size_t nmen, const int *mk,
                                      const sent_info **in);
int de_mass_killing(const ctx *c, const sent_info *s, const match *tr, const mention *m);
int de_mass_dup(const ctx *c, const dyad_event *o, const char *code,
                       const char *scode, const char *tcode);
int de_two_groups_in(const ctx *c, const sent_info *sa, const mention *a,
                            const sent_info *sb, const mention *b);
int de_two_groups(const ctx *c, const sent_info *s, const mention *a, const mention *b);
int de_comparison(const ctx *c, const sent_info *s, const mention *m);
int de_in_tail(const ctx *c, const match *tr, const mention *m);
int de_rebel_home(const ctx *c, const char *scode);
const mention *de_pron_antecedent(const ctx *c, const sent_info *s, size_t cs,
                                         size_t k, const sent_info **in);
int de_noun_phrase(const ctx *c, const sent_info *s, const match *tr, const mention *m);
const char *de_ally_foe(const ctx *c, const char *code, const char *scode,
                               const char *tcode);
const mention *de_davon(const ctx *c, const sent_info *s, size_t cs,
                               const match *tr, const sent_info **in);
size_t de_pron_lead(const ctx *c, const sent_info *s, size_t cs, const match *tr);
int de_demand_owner(const ctx *c, const sent_info *s, const match *tr,
                           const event_entry *ev, size_t cs, size_t ce, int tgt, size_t nmen);
int de_has_pron(const ctx *c, const sent_info *s);
void de_surnames(ctx *c, size_t si);
void de_former(const ctx *c, sent_info *s);
const char *de_accuser(const ctx *c, const char *code, const char *scode, size_t si);
int de_light_final(const ctx *c, const sent_info *s, size_t cs, size_t ce,
                   const match *tr);
void de_compound_owner(const ctx *c, sent_info *s);

/* ---- extract_en.c: English rules ---- */
int en_compass(const ctx *c, const token *t);
int en_held_part(const ctx *c, const sent_info *s, size_t i);
int en_agent_place(const ctx *c, const sent_info *s, const mention *m);
int en_capital_medium(const ctx *c, const actor_entry *a, const raw *nx,
                             uint32_t en);
int en_reduced_relative(const ctx *c, const sent_info *s, size_t ce, const match *tr);
int en_adverb(const ctx *c, const token *t);
int en_adj_compound(const ctx *c, const sent_info *s, const match *tr);
int en_gerund(const ctx *c, const sent_info *s, const match *tr);
int en_of_gerund(const ctx *c, const sent_info *s, const match *tr);
int en_apposed_possessor(const ctx *c, const sent_info *s, const mention *m);
int en_title_case(const ctx *c, const sent_info *s);
int en_complaint_over(const ctx *c, const sent_info *s, const match *tr, int src, int tgt,
                      size_t ce, size_t nmen, const event_entry *ev);
int en_place_target(const sent_info *s, const match *tr, int src, size_t cs, size_t ce,
                           size_t nmen, const int *mk, const event_entry *ev, int passive);
int en_shared_subject(const ctx *c, const sent_info *s, const match *tr, size_t nmen,
                             const int *mk);
int en_ing_subject(const ctx *c, const sent_info *s, const match *tr, size_t nmen,
                          const int *mk);
int en_plural(const ctx *c, const sent_info *s, const mention *m);
int en_body_word(const ctx *c, const sent_info *s, const mention *m);
const mention *en_pron_antecedent(const ctx *c, const sent_info *s, size_t k,
                                         const sent_info **in);
const mention *en_both(const ctx *c, size_t si, const match *tr,
                              const sent_info **in, const mention **second);
int en_relative(const ctx *c, const token *t);
size_t en_content_end(const ctx *c, const sent_info *s, const match *tr);
void en_ethnic(const ctx *c, sent_info *s);

#endif
