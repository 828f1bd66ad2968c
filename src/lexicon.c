/* lexicon.c — loads the lexicon text files (lexicons/README.md) into the
 * engine: phrases of key ids indexed by first key, actor and event entries,
 * function-word roles, the CAMEO table and CAMEO->PLOVER. Keys are interned
 * strings: "s:<stem>", "=<surface>", "p:<prefix>". Also analyses text words
 * into the same keys (lexicon_analyse), so both sides agree by construction. */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <libstemmer.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <threads.h>
#include "internal.h"

#define WMAX 128

static _Thread_local struct sb_stemmer *stem_de, *stem_en;

/* Each thread's stemmers are deleted when the thread ends. */
typedef struct { struct sb_stemmer *de, *en; } stemmers;
static tss_t stem_key;
static once_flag stem_once = ONCE_FLAG_INIT;
static int stem_key_ok;

static void stemmers_free(void *p)
{
    stemmers *s = p;
    sb_stemmer_delete(s->de);
    sb_stemmer_delete(s->en);
    free(s);
}

static void stem_key_init(void)
{
    stem_key_ok = tss_create(&stem_key, stemmers_free) == thrd_success;
}

static struct sb_stemmer *stemmer_for(const lang_lex *lx)
{
    struct sb_stemmer **sp = lx->lang[0] == 'd' ? &stem_de : &stem_en;
    if (*sp)
        return *sp;
    *sp = sb_stemmer_new(lx->stemmer_name, "UTF_8");
    call_once(&stem_once, stem_key_init);
    if (stem_key_ok) {
        stemmers *s = tss_get(stem_key);
        if (!s && (s = calloc(1, sizeof *s)) && tss_set(stem_key, s) != thrd_success) {
            free(s);
            s = NULL;
        }
        if (s) {
            s->de = stem_de;
            s->en = stem_en;
        }
    }
    return *sp;
}

/* German verbs defeat Snowball (lieferte -> "liefert", liefern -> "lief"),
 * so lower-case German words (verbs, participles: German capitalises its
 * nouns) get a rule of our own: drop the participle's ge- (also after a
 * separable prefix: angegriffen -> angriffen) and one inflection suffix.
 * Lexicon words go through the same rule, so both sides agree. */
static const char *const sep_prefix[] = {
    "an", "ab", "auf", "aus", "bei", "ein", "fest", "frei", "mit", "nach",
    "vor", "weg", "zu", "zurück", "zusammen", "dar", "her", "hin", "los",
    "fort", "um", "durch", "über", NULL
};
static const char *const verb_suffix[] = {
    "test", "ten", "tet", "te", "est", "st", "en", "et", "t", "e", "n", NULL
};

static size_t de_verb(const char *w, size_t n, char *out, size_t cap)
{
    char b[WMAX];
    if (n >= sizeof b || n + 1 > cap)
        return 0;
    memcpy(b, w, n);
    int t_or_en = n > 2 && (b[n - 1] == 't' || (b[n - 2] == 'e' && b[n - 1] == 'n'));
    if (n > 5 && b[0] == 'g' && b[1] == 'e' && t_or_en) {
        memmove(b, b + 2, n - 2);
        n -= 2;
    } else if (t_or_en) {
        for (int i = 0; sep_prefix[i]; i++) {
            size_t pl = strlen(sep_prefix[i]);
            if (n > pl + 5 && !memcmp(b, sep_prefix[i], pl) && b[pl] == 'g' && b[pl + 1] == 'e') {
                memmove(b + pl, b + pl + 2, n - pl - 2);
                n -= 2;
                break;
            }
        }
    }
    for (int i = 0; verb_suffix[i]; i++) {
        size_t sl = strlen(verb_suffix[i]);
        if (n >= sl + 3 && !memcmp(b + n - sl, verb_suffix[i], sl)) {
            n -= sl;
            break;
        }
    }
    memcpy(out, b, n);
    out[n] = 0;
    return n;
}

/* While lexicons load, Snowball's answers are memoised: the files hold
 * ~90k words but only ~11k distinct ones, and a stem costs ~3k
 * instructions. Per thread, so that engines may load in parallel. */
typedef struct {
    uint64_t *hash;               /* 0: empty slot */
    uint32_t *word, *stem;        /* offsets into pool, each NUL-terminated */
    uint8_t *wlen, *slen, *ok;
    size_t cap, n;
    char *pool;
    size_t pool_len, pool_cap;
} stem_memo;

static _Thread_local stem_memo *memo;

static void memo_free(stem_memo *m)
{
    if (!m)
        return;
    free(m->hash); free(m->word); free(m->stem);
    free(m->wlen); free(m->slen); free(m->ok); free(m->pool);
    free(m);
}

static stem_memo *memo_new(void)
{
    stem_memo *m = calloc(1, sizeof *m);
    if (!m)
        return NULL;
    m->cap = 1 << 15;
    m->hash = calloc(m->cap, sizeof *m->hash);
    m->word = malloc(m->cap * sizeof *m->word);
    m->stem = malloc(m->cap * sizeof *m->stem);
    m->wlen = malloc(m->cap);
    m->slen = malloc(m->cap);
    m->ok = malloc(m->cap);
    m->pool_cap = 1 << 18;
    m->pool = malloc(m->pool_cap);
    if (!m->hash || !m->word || !m->stem || !m->wlen || !m->slen || !m->ok || !m->pool) {
        memo_free(m);
        return NULL;
    }
    return m;
}

static int memo_pool(stem_memo *m, const char *s, size_t n, uint32_t *off)
{
    if (m->pool_len + n + 1 > m->pool_cap) {
        size_t cap = m->pool_cap * 2 + n + 1;
        char *p = realloc(m->pool, cap);
        if (!p)
            return -1;
        m->pool = p;
        m->pool_cap = cap;
    }
    *off = (uint32_t)m->pool_len;
    memcpy(m->pool + m->pool_len, s, n);
    m->pool[m->pool_len + n] = 0;
    m->pool_len += n + 1;
    return 0;
}

/* Snowball's stem of w into r/k (ok = 0: the stemmer returned nothing). */
static size_t snowball(struct sb_stemmer *sb, const char *w, size_t n, const char **r,
                       int *ok)
{
    const sb_symbol *s = sb_stemmer_stem(sb, (const sb_symbol *)w, (int)n);
    *ok = s != NULL;
    *r = (const char *)s;
    return s ? (size_t)sb_stemmer_length(sb) : 0;
}

/* Stems a folded word: Snowball, or de_verb for lower-case German words. */
static size_t stem_case(const lang_lex *lx, const char *w, size_t n, char *out,
                        size_t cap, int lower)
{
    if (lower && lx->lang[0] == 'd')
        return de_verb(w, n, out, cap);
    struct sb_stemmer *st = stemmer_for(lx);
    if (!st || n == 0) {
        if (n + 1 > cap)
            return 0;
        memcpy(out, w, n);
        out[n] = 0;
        return n;
    }
    const char *r;
    size_t k;
    int ok;
    stem_memo *m = memo;
    if (m && n < 256 && m->n * 2 < m->cap) {
        int de = lx->lang[0] == 'd';
        uint64_t h = intern_hash(w, n) | 1;      /* never 0 (empty) */
        size_t j = h & (m->cap - 1);
        for (; m->hash[j]; j = (j + 1) & (m->cap - 1))
            if (m->hash[j] == h && m->wlen[j] == n && (m->ok[j] >> 1) == de &&
                !memcmp(m->pool + m->word[j], w, n))
                break;
        if (!m->hash[j]) {
            k = snowball(st, w, n, &r, &ok);
            uint32_t wo, so;
            if (k < 256 && !memo_pool(m, w, n, &wo) && !memo_pool(m, r ? r : "", k, &so)) {
                m->hash[j] = h;
                m->word[j] = wo;
                m->stem[j] = so;
                m->wlen[j] = (uint8_t)n;
                m->slen[j] = (uint8_t)k;
                m->ok[j] = (uint8_t)(ok | de << 1);
                m->n++;
            }
        } else {
            ok = m->ok[j] & 1;
            k = m->slen[j];
            r = m->pool + m->stem[j];
        }
    } else {
        k = snowball(st, w, n, &r, &ok);
    }
    if (!ok || k + 1 > cap)
        return 0;
    memcpy(out, r, k);
    out[k] = 0;
    return k;
}

static size_t stem(const lang_lex *lx, const char *w, size_t n, char *out,
                   size_t cap)
{
    return stem_case(lx, w, n, out, cap, 0);
}

/* Does the surface word start in lower case? (German: not a noun) */
static int lower_initial(const char *w, size_t n)
{
    unsigned char c = n ? (unsigned char)w[0] : 0;
    if (c < 0x80)
        return !isupper(c);
    return !(c == 0xC3 && n > 1 && (unsigned char)w[1] < 0x9F);
}

static uint32_t key_get(const lang_lex *lx, const char *pre, const char *s,
                        size_t n)
{
    char buf[WMAX + 4];
    size_t pl = strlen(pre);
    if (n + pl >= sizeof buf)
        return 0;
    memcpy(buf, pre, pl);
    memcpy(buf + pl, s, n);
    return intern_get(lx->keys, buf, n + pl);
}

static uint32_t key_put(lang_lex *lx, const char *pre, const char *s, size_t n)
{
    char buf[WMAX + 4];
    size_t pl = strlen(pre);
    if (n + pl >= sizeof buf)
        return 0;
    memcpy(buf, pre, pl);
    memcpy(buf + pl, s, n);
    return intern_put(lx->keys, buf, n + pl);
}

static void add_key(uint32_t *keys, int *nk, uint32_t k)
{
    if (!k || *nk >= TOK_MAXKEYS)
        return;
    for (int i = 0; i < *nk; i++)
        if (keys[i] == k)
            return;
    keys[(*nk)++] = k;
}

int lexicon_analyse(const lang_lex *lx, const char *w, size_t n,
                    uint32_t keys[TOK_MAXKEYS])
{
    int nk = 0;
    char f[WMAX], s[WMAX];
    add_key(keys, &nk, key_get(lx, "=", w, n));
    size_t fl = text_fold(w, n, f, sizeof f);
    if (!fl)
        return nk;
    add_key(keys, &nk, key_get(lx, "f:", f, fl));
    int lower = lower_initial(w, n);
    size_t sl = stem_case(lx, f, fl, s, sizeof s, lower);
    uint32_t k = sl ? key_get(lx, "s:", s, sl) : 0;
    /* German genitive -s after a vowel is kept by Snowball: Nordkoreas */
    if (!k && fl > 4 && f[fl - 1] == 's' && !lower) {
        sl = stem(lx, f, fl - 1, s, sizeof s);
        k = sl ? key_get(lx, "s:", s, sl) : 0;
    }
    /* "sich" is its own stem and the stem of "sichern": a token that is a
     * bare stem shorter than every lexicon word behind that stem is
     * another word */
    if (k && sl == fl && k < lx->nminlen && fl < lx->minlen[k])
        k = 0;
    add_key(keys, &nk, k);
    for (size_t p = fl; p >= lx->min_prefix && p > 0; p--) {
        if ((f[p - 1] & 0xC0) == 0x80 && p < fl)
            continue;  /* not a character boundary */
        if (intern_get(&lx->prefixes, f, p)) {
            add_key(keys, &nk, key_get(lx, "p:", f, p));
            break;
        }
    }
    /* compound heads: Waffenlieferungen -> lieferung */
    if (!k && lx->heads.n && fl >= 7) {
        for (size_t i = 3; i + 4 <= fl; i++) {
            if ((f[i] & 0xC0) == 0x80)
                continue;
            sl = stem(lx, f + i, fl - i, s, sizeof s);
            if (sl && intern_get(&lx->heads, s, sl)) {
                add_key(keys, &nk, key_get(lx, "s:", s, sl));
                break;
            }
        }
    }
    return nk;
}

int32_t lexicon_days(int y, int m, int d)
{
    /* days since 1970-01-01 (civil calendar) */
    if (m < 1) m = 1;
    if (d < 1) d = 1;
    y -= m <= 2;
    int era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (153u * (unsigned)(m + (m > 2 ? -3 : 9)) + 2) / 5 + (unsigned)d - 1;
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (int32_t)doe - 719468;
}

/* ---- loading ---- */

typedef struct {
    const char *file;
    int line;
    char *err;
    size_t errlen;
} where;

static int fail(where *w, const char *fmt, ...)
{
    char msg[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (w->err)
        snprintf(w->err, w->errlen, "%s:%d: %s", w->file, w->line, msg);
    return -1;
}

/* Room for one more element in a growing array (doubling): the array,
 * perhaps moved, or NULL (the old one still valid) when memory is out. */
static void *room(void *v, size_t *cap, size_t n, size_t elem)
{
    if (n < *cap)
        return v;
    size_t c = *cap ? *cap * 2 : 512;
    void *nv = realloc(v, c * elem);
    if (nv)
        *cap = c;
    return nv;
}

static int add_phrase(lang_lex *lx, const phrase *p)
{
    phrase *v = room(lx->phrases, &lx->capphrases, lx->nphrases, sizeof *v);
    if (!v)
        return -1;
    lx->phrases = v;
    lx->phrases[lx->nphrases++] = *p;
    return 0;
}

static int note_minlen(lang_lex *lx, uint32_t k, size_t fl)
{
    if (k >= lx->nminlen) {
        size_t n = lx->nminlen ? lx->nminlen : 1024;
        while (n <= k)
            n *= 2;
        uint8_t *v = realloc(lx->minlen, n);
        if (!v)
            return -1;
        memset(v + lx->nminlen, 255, n - lx->nminlen);
        lx->minlen = v;
        lx->nminlen = n;
    }
    if (fl < lx->minlen[k])
        lx->minlen[k] = (uint8_t)(fl > 254 ? 254 : fl);
    return 0;
}

/* One lexicon word (as written) into key ids appended to p; a word may
 * split into several at hyphens and apostrophes, as the tokenizer does. */
static int word_keys_mode(lang_lex *lx, const char *w, size_t n, phrase *p,
                          int fold_only)
{
    if (n == 3 && memcmp(w, "...", 3) == 0) {
        if (p->nw == 0 || p->nw >= PH_MAXW)
            return -1;
        p->w[p->nw++] = PH_GAP;
        return 0;
    }
    int exact = 0, prefix = 0, head = 0;
    if (n > 1 && w[0] == '=') { exact = 1; w++; n--; }
    else if (n > 1 && w[0] == '~') { head = 1; w++; n--; }
    if (n > 1 && w[n - 1] == '*') { prefix = 1; n--; }
    size_t i = 0;
    while (i < n) {
        /* split at '-' and apostrophes like token_split */
        size_t st = i;
        while (i < n && w[i] != '-' && w[i] != '\'' &&
               !(i + 2 < n && (unsigned char)w[i] == 0xE2 && (unsigned char)w[i + 1] == 0x80 &&
                 (unsigned char)w[i + 2] == 0x99))
            i++;
        size_t len = i - st, last = i >= n;
        if (i < n)
            i += w[i] == '-' || w[i] == '\'' ? 1 : 3;
        if (len == 0)
            continue;
        if (!last && i < n && (w[i] == 's' || w[i] == 'S') && i + 1 == n)
            last = 1, i = n;  /* possessive 's */
        if (p->nw >= PH_MAXW)
            return -1;
        char f[WMAX], s[WMAX];
        uint32_t k;
        if (exact) {
            k = key_put(lx, "=", w + st, len);
        } else if (fold_only) {
            size_t fl = text_fold(w + st, len, f, sizeof f);
            k = fl ? key_put(lx, "f:", f, fl) : 0;
        } else {
            size_t fl = text_fold(w + st, len, f, sizeof f);
            if (!fl)
                return -1;
            if (prefix && last) {
                if (!intern_put(&lx->prefixes, f, fl))
                    return -1;
                if (lx->min_prefix == 0 || fl < lx->min_prefix)
                    lx->min_prefix = fl;
                k = key_put(lx, "p:", f, fl);
            } else {
                size_t sl = stem_case(lx, f, fl, s, sizeof s,
                                      !head && lower_initial(w + st, len));
                if (!sl)
                    return -1;
                if (head && last && !intern_put(&lx->heads, s, sl))
                    return -1;
                k = key_put(lx, "s:", s, sl);
                if (k && note_minlen(lx, k, fl))
                    return -1;
            }
        }
        if (!k)
            return -1;
        p->w[p->nw++] = k;
    }
    return 0;
}

static int word_keys(lang_lex *lx, const char *w, size_t n, phrase *p)
{
    return word_keys_mode(lx, w, n, p, 0);
}

/* Function words are a closed class: they match by folded form, never by
 * stem, so "sich" (a role word) and "sichern" (stem "sich") stay apart. */
static int role_keys(lang_lex *lx, const char *w, size_t n, phrase *p)
{
    return word_keys_mode(lx, w, n, p, 1);
}

/* Splits a line into fields at spaces/tabs; returns count. Cuts comments. */
static int fields(char *line, char **f, int max)
{
    char *h = line;
    while ((h = strchr(h, '#'))) {
        if (h == line || h[-1] == ' ' || h[-1] == '\t') { *h = 0; break; }
        h++;
    }
    int n = 0;
    for (char *s = strtok(line, " \t\r\n"); s && n < max; s = strtok(NULL, " \t\r\n"))
        f[n++] = s;
    return n;
}

/* sscanf(s, "%d-%d-%d") without sscanf's cost (a tenth of the load):
 * the count of numbers read; blanks and a sign may lead each number. */
static int scan_int(const char **sp, int *v)
{
    const char *s = *sp;
    while (*s == ' ' || (*s >= '\t' && *s <= '\r'))
        s++;
    int neg = *s == '-';
    if (*s == '-' || *s == '+')
        s++;
    if (*s < '0' || *s > '9')
        return 0;
    long x = 0;
    for (; *s >= '0' && *s <= '9'; s++)
        if (x < 100000000)
            x = x * 10 + (*s - '0');
    *v = (int)(neg ? -x : x);
    *sp = s;
    return 1;
}

static int scan_ymd(const char *s, int *y, int *m, int *d)
{
    if (!scan_int(&s, y))
        return 0;
    if (*s++ != '-' || !scan_int(&s, m))
        return 1;
    if (*s++ != '-' || !scan_int(&s, d))
        return 2;
    return 3;
}

static int parse_date(const char *s, size_t n, int32_t *out)
{
    int y = 0, m = 1, d = 1;
    if (n == 0) { *out = 0; return 0; }
    char buf[16];
    if (n >= sizeof buf) return -1;
    memcpy(buf, s, n);
    buf[n] = 0;
    int k = scan_ymd(buf, &y, &m, &d);
    if (k < 1 || y < 1000 || y > 3000 || m < 1 || m > 12 || d < 1 || d > 31)
        return -1;
    *out = lexicon_days(y, m, d);
    return 0;
}

/* The other grammatical number of an English noun: soldier <-> soldiers,
 * militia <-> militias, ally <-> allies, policeman <-> policemen. */
static int number_variant(const char *w, size_t n, char *out, size_t cap)
{
    if (n < 3 || n + 3 > cap)
        return 0;
    if (n > 3 && !strcmp(w + n - 3, "ies"))
        return snprintf(out, cap, "%.*sy", (int)(n - 3), w) > 0;
    if (n > 3 && !strcmp(w + n - 3, "men"))
        return snprintf(out, cap, "%.*sman", (int)(n - 3), w) > 0;
    if (n > 3 && !strcmp(w + n - 3, "man"))
        return snprintf(out, cap, "%.*smen", (int)(n - 3), w) > 0;
    if (w[n - 1] == 's')
        return snprintf(out, cap, "%.*s", (int)(n - 1), w) > 0;
    if (w[n - 1] == 'y' && !strchr("aeiou", w[n - 2]))
        return snprintf(out, cap, "%.*sies", (int)(n - 1), w) > 0;
    if (w[n - 1] == 'h' || w[n - 1] == 'x')
        return snprintf(out, cap, "%ses", w) > 0;
    return snprintf(out, cap, "%ss", w) > 0;
}

/* The first plain English adjective line of a country ("PRK a North
 * Korean") gives its English adjective. 1 when out of memory. */
static int add_demonym(struct dyad_engine *e, char **f, int nf)
{
    char buf[64];
    size_t n = 0;
    for (int i = 2; i < nf && f[i][0] != '@'; i++) {
        if (strpbrk(f[i], "*=") || n + strlen(f[i]) + 2 > sizeof buf)
            return 0;
        n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%s", n ? " " : "", f[i]);
    }
    for (size_t k = 0; k < e->ndemonyms; k++)
        if (!strcmp(e->demonyms[k].code, f[0]))
            return 0;
    struct demonym *dv = room(e->demonyms, &e->capdemonyms, e->ndemonyms, sizeof *dv);
    if (!dv)
        return 1;
    e->demonyms = dv;
    memcpy(dv[e->ndemonyms].code, f[0], 4);
    dv[e->ndemonyms].en = arena_strndup(&e->mem, buf, n);
    return !dv[e->ndemonyms++].en;
}

/* glosses.txt: "English_words  form form* ..." (underscores for spaces). */
static int load_gloss_line(struct dyad_engine *e, lang_lex *lx, char **f,
                           int nf, where *w)
{
    if (nf < 2)
        return fail(w, "gloss line needs ENGLISH form ...");
    char *en = arena_strndup(&e->mem, f[0], strlen(f[0]));
    if (!en)
        return fail(w, "out of memory");
    for (char *u = en; *u; u++)
        if (*u == '_')
            *u = ' ';
    for (int i = 1; i < nf; i++) {
        gloss *gv = room(lx->glosses, &lx->capglosses, lx->nglosses, sizeof *gv);
        if (!gv)
            return fail(w, "out of memory");
        lx->glosses = gv;
        gloss *g = &gv[lx->nglosses];
        size_t n = strlen(f[i]);
        g->prefix = n > 1 && f[i][n - 1] == '*';
        if (!text_fold(f[i], n - g->prefix, g->form, sizeof g->form))
            return fail(w, "bad or too long form '%s'", f[i]);
        g->en = en;
        lx->nglosses++;
    }
    return 0;
}

const char *lexicon_gloss(const lang_lex *lx, const char *w, size_t n)
{
    char fw[64];
    size_t fl = text_fold(w, n, fw, sizeof fw);
    if (!fl)
        return NULL;
    for (size_t k = 0; k < lx->nglosses; k++) {
        const gloss *g = &lx->glosses[k];
        size_t gl = strlen(g->form);
        if (g->prefix ? fl >= gl && !memcmp(fw, g->form, gl) : fl == gl && !memcmp(fw, g->form, gl))
            return g->en;
    }
    return NULL;
}

const char *lexicon_demonym(const struct dyad_engine *e, const char *code)
{
    for (size_t k = 0; k < e->ndemonyms; k++)
        if (!strncmp(e->demonyms[k].code, code, 3) && strlen(code) >= 3)
            return e->demonyms[k].en;
    return NULL;
}

static int load_actor_line(struct dyad_engine *e, lang_lex *lx, char **f,
                           int nf, where *w)
{
    if (nf < 3)
        return fail(w, "actor line needs CODE KIND phrase");
    size_t cl = strlen(f[0]);
    if (cl < 3 || cl >= sizeof e->actors[0].code)
        return fail(w, "bad actor code '%s'", f[0]);
    for (size_t i = 0; i < cl; i++)
        if (!isupper((unsigned char)f[0][i]) && !isdigit((unsigned char)f[0][i]))
            return fail(w, "bad actor code '%s'", f[0]);
    char kind = f[1][0];
    if (f[1][1] || (kind != AK_NAME && kind != AK_ADJ && kind != AK_AGENT))
        return fail(w, "kind must be n, a or g, not '%s'", f[1]);
    actor_entry *av = room(e->actors, &e->capactors, e->nactors, sizeof *av);
    if (!av)
        return fail(w, "out of memory");
    e->actors = av;
    actor_entry *a = &e->actors[e->nactors];
    memset(a, 0, sizeof *a);
    memcpy(a->code, f[0], cl + 1);
    a->kind = kind;
    phrase p = { .type = PH_ACTOR, .ref = (uint32_t)e->nactors };
    /* English stems merge agents with verbs and nouns ("reporter" and
     * "reports", "commander" and "commanded") and names with other names
     * ("Chadli" stems to "chad"): English agents and names match by their
     * written form and its plural or singular */
    int by_form = (kind == AK_AGENT || kind == AK_NAME) && lx->lang[0] == 'e';
    phrase alt = p;
    int nwords = 0, last = 2;
    for (int i = 2; i < nf; i++)
        if (f[i][0] != '@')
            nwords++, last = i;
    for (int i = 2; i < nf; i++) {
        if (f[i][0] == '@') {
            const char *dots = strstr(f[i], "..");
            if (!dots || a->nranges >= 4)
                return fail(w, "bad date range '%s'", f[i]);
            dayrange r;
            if (parse_date(f[i] + 1, (size_t)(dots - f[i] - 1), &r.from) ||
                parse_date(dots + 2, strlen(dots + 2), &r.to))
                return fail(w, "bad date range '%s'", f[i]);
            a->ranges[a->nranges++] = r;
            continue;
        }
        if (by_form && f[i][0] != '=' && !strchr(f[i], '*')) {
            if (role_keys(lx, f[i], strlen(f[i]), &p))
                return fail(w, "bad or too long phrase at '%s'", f[i]);
            char var[WMAX];
            size_t n = strlen(f[i]);
            if (i != last || !number_variant(f[i], n, var, sizeof var))
                snprintf(var, sizeof var, "%s", f[i]);
            if (role_keys(lx, var, strlen(var), &alt))
                return fail(w, "bad or too long phrase at '%s'", f[i]);
            continue;
        }
        if (word_keys(lx, f[i], strlen(f[i]), &p))
            return fail(w, "bad or too long phrase at '%s'", f[i]);
        if (by_form && word_keys(lx, f[i], strlen(f[i]), &alt))
            return fail(w, "bad or too long phrase at '%s'", f[i]);
    }
    (void)nwords;
    if (lx->lang[0] == 'e' && kind == AK_ADJ && cl == 3 && add_demonym(e, f, nf))
        return fail(w, "out of memory");
    if (by_form && alt.nw && memcmp(alt.w, p.w, sizeof p.w) && add_phrase(lx, &alt))
        return fail(w, "out of memory");
    if (p.nw == 0 || p.w[0] == PH_GAP)
        return fail(w, "empty phrase");
    e->nactors++;
    return add_phrase(lx, &p) ? fail(w, "out of memory") : 0;
}

static int prep_keys(lang_lex *lx, const char *list, uint32_t *out, uint8_t *n)
{
    char buf[256];
    snprintf(buf, sizeof buf, "%s", list);
    char *save = NULL;
    for (char *s = strtok_r(buf, ",", &save); s; s = strtok_r(NULL, ",", &save)) {
        phrase p = { 0 };
        if (role_keys(lx, s, strlen(s), &p) || p.nw != 1 || *n >= 4)
            return -1;
        out[(*n)++] = p.w[0];
    }
    return 0;
}

static int load_event_line(struct dyad_engine *e, lang_lex *lx, char **f,
                           int nf, where *w)
{
    if (nf < 2)
        return fail(w, "event line needs CODE phrase");
    size_t cl = strlen(f[0]);
    if (cl < 2 || cl > 4 || strspn(f[0], "0123456789") != cl)
        return fail(w, "bad CAMEO code '%s'", f[0]);
    event_entry *evs = room(e->events, &e->capevents, e->nevents, sizeof *evs);
    if (!evs)
        return fail(w, "out of memory");
    e->events = evs;
    event_entry *ev = &e->events[e->nevents];
    memset(ev, 0, sizeof *ev);
    memcpy(ev->code, f[0], cl + 1);
    phrase p = { .type = PH_EVENT, .ref = (uint32_t)e->nevents };
    int flags = 0;
    for (int i = 1; i < nf; i++) {
        if (strcmp(f[i], "|") == 0) { flags = 1; continue; }
        if (!flags) {
            if (word_keys(lx, f[i], strlen(f[i]), &p))
                return fail(w, "bad or too long phrase at '%s'", f[i]);
            continue;
        }
        if (strcmp(f[i], "sym") == 0) ev->flags |= EF_SYM;
        else if (strcmp(f[i], "passive") == 0) ev->flags |= EF_PASSIVE;
        else if (strcmp(f[i], "noun") == 0) ev->flags |= EF_NOUN;
        else if (strcmp(f[i], "nosay") == 0) ;
        else if (strncmp(f[i], "S=", 2) == 0) {
            if (prep_keys(lx, f[i] + 2, ev->sprep, &ev->nsprep))
                return fail(w, "bad S= list '%s'", f[i]);
        } else if (strncmp(f[i], "T=", 2) == 0) {
            if (prep_keys(lx, f[i] + 2, ev->tprep, &ev->ntprep))
                return fail(w, "bad T= list '%s'", f[i]);
        } else
            return fail(w, "unknown flag '%s'", f[i]);
    }
    if (p.nw == 0 || p.w[0] == PH_GAP || p.w[p.nw - 1] == PH_GAP)
        return fail(w, "empty phrase or gap at an end");
    e->nevents++;
    return add_phrase(lx, &p) ? fail(w, "out of memory") : 0;
}

static const char *const jobs[ROLE_NJOBS] = {
    "source", "target", "partner", "passive", "by", "negation",
    "hypothetical", "clause", "say", "according", "det", "and", "konj",
    "loc", "dirdet", "light", "weapon", "time", "own", "agent", "pron", "want", "aux"
};

static int load_role_line(lang_lex *lx, char **f, int nf, where *w)
{
    int job = -1;
    for (int j = 0; j < ROLE_NJOBS; j++)
        if (strcmp(f[0], jobs[j]) == 0)
            job = j;
    if (job < 0)
        return 0;   /* unknown jobs are documentation for later stages */
    for (int i = 1; i < nf; i++) {
        phrase p = { .type = PH_ROLE, .ref = (uint32_t)job };
        /* '_' joins words of one multiword item: according_to */
        char *s = f[i], *u;
        while ((u = strchr(s, '_'))) {
            if (role_keys(lx, s, (size_t)(u - s), &p))
                return fail(w, "bad role word '%s'", f[i]);
            s = u + 1;
        }
        if (*s && role_keys(lx, s, strlen(s), &p))
            return fail(w, "bad role word '%s'", f[i]);
        if (p.nw == 0 || p.w[0] == PH_GAP)
            continue;
        if (add_phrase(lx, &p))
            return fail(w, "out of memory");
    }
    return 0;
}

typedef int (*line_fn)(struct dyad_engine *, lang_lex *, char **, int, where *);

static int role_adapter(struct dyad_engine *e, lang_lex *lx, char **f, int nf,
                        where *w)
{
    (void)e;
    return load_role_line(lx, f, nf, w);
}

static int load_file(struct dyad_engine *e, lang_lex *lx, const char *path,
                     line_fn fn, char *err, size_t errlen)
{
    FILE *fp = fopen(path, "r");
    if (!fp) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        return -1;
    }
    where w = { path, 0, err, errlen };
    char line[4096];
    int rc = 0;
    while (fgets(line, sizeof line, fp)) {
        w.line++;
        char *f[64];
        int nf = fields(line, f, 64);
        if (nf == 0)
            continue;
        if ((rc = fn(e, lx, f, nf, &w)))
            break;
    }
    fclose(fp);
    return rc;
}

static int cmpstr(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Loads every file in dir/lang whose name starts with prefix and ends .txt */
static int load_glob(struct dyad_engine *e, lang_lex *lx, const char *dir,
                     const char *prefix, line_fn fn, char *err, size_t errlen)
{
    char path[2048];
    snprintf(path, sizeof path, "%s/%s", dir, lx->lang);
    DIR *d = opendir(path);
    if (!d)
        return 0;   /* a language without lexicons codes nothing */
    char *names[256];
    size_t n = 0;
    struct dirent *de;
    while ((de = readdir(d)) && n < 256) {
        size_t l = strlen(de->d_name);
        if (strncmp(de->d_name, prefix, strlen(prefix)) == 0 && l > 4 &&
            strcmp(de->d_name + l - 4, ".txt") == 0)
            names[n++] = strdup(de->d_name);
    }
    closedir(d);
    qsort(names, n, sizeof *names, cmpstr);
    int rc = 0;
    for (size_t i = 0; i < n; i++) {
        if (!rc && names[i]) {
            snprintf(path, sizeof path, "%s/%s/%s", dir, lx->lang, names[i]);
            rc = load_file(e, lx, path, fn, err, errlen);
        }
        free(names[i]);
    }
    return rc;
}

/* Sorts phrases by first key, longer first, dated actors before undated
 * actors, then file order, and builds the key -> run index. The order is
 * one 64-bit sort key per phrase (radix sorted: qsort's indirect compare
 * was a tenth of the load). */
static int build_index(const struct dyad_engine *e, lang_lex *lx)
{
    size_t n = lx->nphrases;
    if (n >= (1u << 27))
        return -1;
    uint64_t *k = malloc((n ? n : 1) * sizeof *k), *tmp = malloc((n ? n : 1) * sizeof *tmp);
    lx->phrase_idx = malloc((n ? n : 1) * sizeof *lx->phrase_idx);
    lx->sorted = malloc((n ? n : 1) * sizeof *lx->sorted);
    lx->second = malloc((n ? n : 1) * sizeof *lx->second);
    if (!k || !tmp || !lx->phrase_idx || !lx->sorted || !lx->second) {
        free(k);
        free(tmp);
        return -1;
    }
    uint32_t maxkey = 0;
    for (size_t i = 0; i < n; i++) {
        const phrase *p = &lx->phrases[i];
        uint64_t undated = p->type == PH_ACTOR && !e->actors[p->ref].nranges;
        k[i] = (uint64_t)p->w[0] << 32 | (uint64_t)(PH_MAXW - p->nw) << 28 |
               undated << 27 | i;
        if (p->w[0] > maxkey)
            maxkey = p->w[0];
    }
    /* LSD radix sort, a byte at a time; bytes that never vary are skipped */
    for (int sh = 0; sh < 64; sh += 8) {
        size_t cnt[256] = { 0 };
        for (size_t i = 0; i < n; i++)
            cnt[k[i] >> sh & 255]++;
        if (n && cnt[k[0] >> sh & 255] == n)
            continue;
        size_t pos = 0;
        for (int d = 0; d < 256; d++) {
            size_t c = cnt[d];
            cnt[d] = pos;
            pos += c;
        }
        for (size_t i = 0; i < n; i++)
            tmp[cnt[k[i] >> sh & 255]++] = k[i];
        uint64_t *sw = k;
        k = tmp;
        tmp = sw;
    }
    for (size_t i = 0; i < n; i++) {
        lx->phrase_idx[i] = (uint32_t)(k[i] & ((1u << 27) - 1));
        const phrase *p = &lx->phrases[lx->phrase_idx[i]];
        lx->sorted[i] = *p;
        /* as match.c's key_bit: a filter on the word after the first */
        lx->second[i] = p->nw > 1 && p->w[1] != PH_GAP
                            ? (uint64_t)1 << ((p->w[1] * 0x9E3779B1u) >> 26) : 0;
    }
    free(k);
    free(tmp);
    /* key id -> run of phrases starting with it: a direct table, since
     * key ids are dense */
    lx->nruns = (size_t)maxkey + 1;
    lx->runs = calloc(lx->nruns, sizeof *lx->runs);
    if (!lx->runs)
        return -1;
    for (size_t i = 0; i < n;) {
        uint32_t w0 = lx->sorted[i].w[0];
        size_t j = i;
        while (j < n && lx->sorted[j].w[0] == w0)
            j++;
        lx->runs[w0].first = (uint32_t)i;
        lx->runs[w0].count = (uint32_t)(j - i);
        i = j;
    }
    return 0;
}

/* ---- CAMEO table ---- */

static int cmp_cameo(const void *a, const void *b)
{
    return strcmp(((const cameo_entry *)a)->code, ((const cameo_entry *)b)->code);
}

const cameo_entry *lexicon_cameo(const struct dyad_engine *e, const char *code)
{
    cameo_entry key;
    size_t i = 0;
    for (; i + 1 < sizeof key.code && code[i]; i++)   /* snprintf cost more */
        key.code[i] = code[i];
    key.code[i] = 0;
    return bsearch(&key, e->cameo, e->ncameo, sizeof key, cmp_cameo);
}

static int load_cameo(struct dyad_engine *e, const char *dir, char *err,
                      size_t errlen)
{
    char path[2048], line[1024];
    snprintf(path, sizeof path, "%.1900s/cameo.tsv", dir);
    FILE *fp = fopen(path, "r");
    if (!fp) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        return -1;
    }
    int ln = 0;
    while (fgets(line, sizeof line, fp)) {
        ln++;
        if (line[0] == '#' || line[0] == '\n')
            continue;
        line[strcspn(line, "\r\n")] = 0;
        char *f[4] = { 0 };
        int nf = 0;
        for (char *s = line; nf < 4; nf++) {
            f[nf] = s;
            char *t = strchr(s, '\t');
            if (!t) { nf++; break; }
            *t = 0;
            s = t + 1;
        }
        if (nf < 3 || strlen(f[0]) < 2 || strlen(f[0]) > 4 ||
            strspn(f[0], "0123456789") != strlen(f[0])) {
            if (strcmp(f[0], "code") == 0)
                continue;   /* header row */
            snprintf(err, errlen, "%s:%d: want code<TAB>quad<TAB>goldstein<TAB>name", path, ln);
            fclose(fp);
            return -1;
        }
        cameo_entry *cv = room(e->cameo, &e->capcameo, e->ncameo, sizeof *cv);
        if (!cv) {
            fclose(fp);
            return -1;
        }
        e->cameo = cv;
        cameo_entry *c = &e->cameo[e->ncameo++];
        memset(c, 0, sizeof *c);
        snprintf(c->code, sizeof c->code, "%s", f[0]);
        c->quad = atoi(f[1]);
        c->goldstein = atof(f[2]);
        c->name = arena_strndup(&e->mem, f[3] ? f[3] : "", f[3] ? strlen(f[3]) : 0);
    }
    fclose(fp);
    qsort(e->cameo, e->ncameo, sizeof *e->cameo, cmp_cameo);
    snprintf(path, sizeof path, "%.1900s/plover.tsv", dir);
    if (!(fp = fopen(path, "r")))
        return 0;   /* PLOVER is optional */
    while (fgets(line, sizeof line, fp)) {
        if (line[0] == '#')
            continue;
        line[strcspn(line, "\r\n")] = 0;
        char *t = strchr(line, '\t');
        if (!t)
            continue;
        *t = 0;
        cameo_entry *c = (cameo_entry *)lexicon_cameo(e, line);
        if (c)
            c->plover = arena_strndup(&e->mem, t + 1, strlen(t + 1));
    }
    fclose(fp);
    return 0;
}

/* dir may list several folders separated by ':' (the built-in lexicons
 * plus a user's own): each contributes its files; cameo.tsv comes from the
 * first folder that has one. */
static int load_all(struct dyad_engine *e, const char *dir, char *err,
                    size_t errlen);

int lexicon_load(struct dyad_engine *e, const char *dir, char *err,
                 size_t errlen)
{
    memo = memo_new();          /* none: every word is stemmed afresh */
    int rc = load_all(e, dir, err, errlen);
    memo_free(memo);
    memo = NULL;
    return rc;
}

static int load_all(struct dyad_engine *e, const char *dir, char *err,
                    size_t errlen)
{
    lang_lex *langs[2] = { &e->de, &e->en };
    const char *codes[2] = { "de", "en" }, *algs[2] = { "german", "english" };
    char dirs[8][1024];
    int nd = 0;
    for (const char *p = dir; *p && nd < 8;) {
        size_t l = strcspn(p, ":");
        if (l && l < sizeof dirs[0]) {
            memcpy(dirs[nd], p, l);
            dirs[nd++][l] = 0;
        }
        p += l + (p[l] == ':');
    }
    int have_cameo = 0;
    for (int k = 0; k < nd && !have_cameo; k++) {
        char path[1100];
        snprintf(path, sizeof path, "%.1000s/cameo.tsv", dirs[k]);
        FILE *fp = fopen(path, "r");
        if (!fp)
            continue;
        fclose(fp);
        if (load_cameo(e, dirs[k], err, errlen))
            return -1;
        have_cameo = 1;
    }
    if (!have_cameo) {
        snprintf(err, errlen, "%s: no cameo.tsv", dir);
        return -1;
    }
    for (int i = 0; i < 2; i++) {
        lang_lex *lx = langs[i];
        memcpy(lx->lang, codes[i], 3);
        lx->stemmer_name = algs[i];
        lx->keys = &e->keys;
        lx->min_prefix = 0;
        static _Atomic uint32_t gen;
        lx->generation = ++gen;
        for (int k = 0; k < nd; k++)
            if (load_glob(e, lx, dirs[k], "actors", load_actor_line, err, errlen) ||
                load_glob(e, lx, dirs[k], "events", load_event_line, err, errlen) ||
                load_glob(e, lx, dirs[k], "roles", role_adapter, err, errlen) ||
                load_glob(e, lx, dirs[k], "glosses", load_gloss_line, err, errlen))
                return -1;
        if (lx->min_prefix == 0)
            lx->min_prefix = 1;
        if (build_index(e, lx)) {
            snprintf(err, errlen, "out of memory");
            return -1;
        }
    }
    return 0;
}

static void lang_free(lang_lex *lx)
{
    free(lx->glosses);
    free(lx->phrases);
    free(lx->phrase_idx);
    free(lx->sorted);
    free(lx->second);
    free(lx->runs);
    free(lx->minlen);
    intern_free(&lx->prefixes);
    intern_free(&lx->heads);
}

void lexicon_free(struct dyad_engine *e)
{
    lang_free(&e->de);
    lang_free(&e->en);
    free(e->actors);
    free(e->events);
    free(e->cameo);
    free(e->demonyms);
    intern_free(&e->keys);
    arena_free(&e->mem);
}

const lang_lex *lexicon_lang(const struct dyad_engine *e, const char *lang)
{
    return lang && lang[0] == 'd' && lang[1] == 'e' ? &e->de : &e->en;
}
