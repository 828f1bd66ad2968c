/* internal.h — types shared by the core stages of libdyad (not public).
 * Two lifetimes: the engine (lexicons, interned keys; read-only after load)
 * and the document (text, sentences, tokens, events; one arena). */
#ifndef DYAD_INTERNAL_H
#define DYAD_INTERNAL_H

#include <stddef.h>
#include <stdint.h>
#include "dyad.h"
#include "attr.h"

/* ---- arena.c: bump allocator, freed in one call ---- */
typedef struct arena_chunk arena_chunk;
typedef struct {
    arena_chunk *head;
    size_t total;
} arena;

void *arena_alloc(arena *a, size_t n);            /* zeroed, 8-aligned */
void *arena_alloc_raw(arena *a, size_t n);        /* the same, not zeroed */
char *arena_strndup(arena *a, const char *s, size_t n);
void arena_free(arena *a);

/* ---- intern.c: byte strings -> dense ids (1-based; 0 = none) ---- */
typedef struct {
    uint32_t *slots;          /* id per slot, 0 empty */
    size_t cap;               /* power of two */
    char **strs;              /* id -> string (NUL-terminated) */
    uint32_t *lens;
    size_t n, strcap;
} intern;

uint32_t intern_put(intern *t, const char *s, size_t n);   /* 0: no memory */
uint32_t intern_get(const intern *t, const char *s, size_t n);
const char *intern_str(const intern *t, uint32_t id);
void intern_free(intern *t);
uint64_t intern_hash(const char *s, size_t n);

/* ---- text.c: UTF-8 repair, folding, language ---- */
/* Copies src into a fresh arena buffer as valid UTF-8: invalid sequences
 * become U+FFFD, NUL and other C0 controls (but \n, \t) become spaces.
 * *nbad counts the repairs. */
char *text_repair(arena *a, const char *src, size_t n, size_t *outlen,
                  size_t *nbad);
/* Case-folds one word into out (capacity cap); returns length or 0 when it
 * does not fit. */
size_t text_fold(const char *s, size_t n, char *out, size_t cap);
/* Length of the UTF-8 sequence starting at s (1 for invalid). */
size_t text_u8len(unsigned char c);
/* "de" or "en" from function-word counts; fallback when undecided; NULL
 * when the text is plainly in another language. */
const char *text_detect_lang(const char *s, size_t n, const char *fallback);

/* ---- sentence.c ---- */
typedef struct { uint32_t start, end; } span;
/* Splits text into sentences (byte spans, trimmed). Returns count; *out
 * is allocated in a. */
size_t sentence_split(arena *a, const char *text, size_t n, int lang_de,
                      span **out);

/* ---- token.c ---- */
enum {
    TOK_WORD = 1, TOK_NUM = 2, TOK_PUNCT = 4, TOK_CAP = 8,
    TOK_HYPH = 16,      /* joined to the previous token by a hyphen */
    TOK_POSS = 32,      /* English possessive 's was split off after it */
    TOK_ALLCAP = 64
};
#define TOK_MAXKEYS 4
typedef struct {
    uint32_t off, len;             /* bytes, relative to the document text */
    uint32_t keys[TOK_MAXKEYS];    /* lexicon key ids this token can match */
    uint8_t nkeys, flags;
} token;

typedef struct dyad_lang_lex lang_lex;
/* Tokenises text[s.start, s.end) and analyses each token against the
 * language's lexicon keys. Returns the count; tokens allocated in a. */
size_t token_split(arena *a, const lang_lex *lx, const char *text, span s,
                   token **out);
int token_is(const token *t, uint32_t key);

/* ---- lexicon.c ---- */
enum { PH_ACTOR = 1, PH_EVENT = 2, PH_ROLE = 3 };
#define PH_GAP 0xFFFFFFFFu
#define PH_MAXW 10

typedef struct {
    uint32_t w[PH_MAXW];
    uint8_t nw, type;
    uint32_t ref;                  /* index into actors / events / role job */
} phrase;

enum { AK_NAME = 'n', AK_ADJ = 'a', AK_AGENT = 'g' };
typedef struct { int32_t from, to; } dayrange;   /* days since 1970; 0 open */
typedef struct {
    char code[16];
    char kind;
    uint8_t nranges;
    dayrange ranges[4];
} actor_entry;

enum { EF_SYM = 1, EF_PASSIVE = 2, EF_NOUN = 4 };
typedef struct {
    char code[5];
    uint8_t flags;
    uint32_t sprep[4], tprep[4];   /* overriding role prepositions (keys) */
    uint8_t nsprep, ntprep;
} event_entry;

enum {
    ROLE_SOURCE, ROLE_TARGET, ROLE_PARTNER, ROLE_PASSIVE, ROLE_BY,
    ROLE_NEGATION, ROLE_HYPOTHETICAL, ROLE_CLAUSE, ROLE_SAY, ROLE_ACCORDING,
    ROLE_DET, ROLE_AND, ROLE_KONJ, ROLE_LOC, ROLE_DIRDET, ROLE_LIGHT,
    ROLE_WEAPON, ROLE_TIME, ROLE_OWN, ROLE_AGENT, ROLE_PRON, ROLE_WANT, ROLE_AUX, ROLE_NJOBS
};

typedef struct {
    char code[5];
    int quad;
    double goldstein;
    const char *name, *plover;
} cameo_entry;

typedef struct { uint32_t first, count; } phrase_run;   /* into sorted */

/* A word of a descriptive claimant and its English ("Verlautbarungen" ->
 * "statements"); form is folded, a prefix when prefix is set. */
typedef struct { char form[40]; uint8_t prefix; const char *en; } gloss;

struct dyad_lang_lex {
    char lang[3];
    gloss *glosses; size_t nglosses, capglosses;
    const char *stemmer_name;      /* Snowball algorithm */
    intern *keys;                  /* engine-wide key table */
    phrase *phrases; size_t nphrases, capphrases;
    uint32_t *phrase_idx;          /* phrases sorted by first key */
    phrase *sorted;                /* the phrases in that order */
    phrase_run *runs;              /* key id -> its phrases in sorted */
    uint64_t *second;              /* per sorted phrase: Bloom bit of its
                                      second word, 0 when it has none */
    size_t nruns;
    /* analysis helpers: which key strings exist */
    intern prefixes;               /* "nordkorean" for nordkorean* */
    intern heads;                  /* compound heads (stems) */
    size_t min_prefix;
    uint8_t *minlen;               /* stem key -> shortest lexicon word */
    size_t nminlen;
    uint32_t generation;
};

struct dyad_engine {
    intern keys;                   /* every key string of every language */
    lang_lex de, en;
    actor_entry *actors; size_t nactors, capactors;
    event_entry *events; size_t nevents, capevents;
    cameo_entry *cameo; size_t ncameo, capcameo;
    /* a country's English adjective ("PRK" -> "North Korean"), from the
     * English actor lexicon, for claimant glosses */
    struct demonym { char code[4]; const char *en; } *demonyms;
    size_t ndemonyms, capdemonyms;
    arena mem;                     /* strings owned by the engine */
    attr_gazetteer *gaz;
    char dir[1024];
};

int lexicon_load(struct dyad_engine *e, const char *dir, char *err,
                 size_t errlen);
void lexicon_free(struct dyad_engine *e);
const lang_lex *lexicon_lang(const struct dyad_engine *e, const char *lang);
/* English for word w of a descriptive claimant, NULL when unknown. */
const char *lexicon_gloss(const lang_lex *lx, const char *w, size_t n);
/* A country code's English adjective, NULL when unknown. */
const char *lexicon_demonym(const struct dyad_engine *e, const char *code);
const cameo_entry *lexicon_cameo(const struct dyad_engine *e,
                                 const char *code);
/* Analyses one word (surface bytes) into lexicon key ids. */
int lexicon_analyse(const lang_lex *lx, const char *w, size_t n,
                    uint32_t keys[TOK_MAXKEYS]);
int32_t lexicon_days(int y, int m, int d);

/* ---- match.c ---- */
typedef struct {
    uint32_t start, end;           /* token indices [start, end) */
    uint32_t ref;
    uint8_t type;
    uint8_t gap;                   /* matched with a gap */
} match;
/* All maximal phrase matches of each type over the sentence's tokens. */
struct dyad_engine;
size_t match_sentence(arena *a, const struct dyad_engine *e,
                      const lang_lex *lx, const char *text, const token *t,
                      size_t nt, int32_t pubdays, match **out);

/* ---- extract.c ---- */
int extract_document(struct dyad_engine *e, struct dyad_doc *d);

/* ---- the coded document ---- */
struct dyad_doc {
    arena mem;
    const char *id, *lang, *date;
    char *text; size_t len;
    span *sents; size_t nsents;
    dyad_event *events; size_t nevents, capevents;
    size_t nbad;
    attr_ymd pub;
    int32_t pubdays;
};

dyad_event *doc_add_event(struct dyad_doc *d);

/* ---- json.c ---- */
void json_str(FILE *f, const char *s, size_t n);

#endif
