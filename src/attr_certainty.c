/* attr_certainty.c — how certain a sentence says its content is:
 * verification statements ("nicht unabhängig überprüfbar", "could not be
 * independently verified" -> unverified; "von Quellen bestätigt",
 * "confirmed by" -> corroborated; whether they point back to earlier
 * figures) and hedging ("offenbar", "soll ... haben", "reportedly").
 * Token scan, no allocation, total over any bytes. Rules:
 * docs/attributes.md. */
#include "attr.h"
#include "attr_scan.h"

#include <string.h>

/* ------------------------------------------------------------- context */
typedef attr_ctx ctx_t;

#define TS(c, i) ((c)->s + (c)->t[i].s)

/* First folded byte of word i (0 if none): a cheap dispatch key. */
static unsigned first_byte(const ctx_t *c, size_t i)
{
    const unsigned char *u;
    if (!attr_ctx_word(c, i)) return 0;
    u = (const unsigned char *)TS(c, i);
    if (u[0] >= 'A' && u[0] <= 'Z') return u[0] + 32u;
    if (u[0] == 0xC3 && c->t[i].l > 1) return 0x100u | (u[1] | 0x20u);
    return u[0];
}

static int weq(const ctx_t *c, size_t i, const char *lit)
{
    return attr_ctx_word(c, i) && attr_scan_fold_eq(TS(c, i), c->t[i].l, lit);
}

static int wpre(const ctx_t *c, size_t i, const char *lit)
{
    return attr_ctx_word(c, i) && attr_scan_fold_cmp(TS(c, i), c->t[i].l, lit, 0);
}

static int wsuf(const ctx_t *c, size_t i, const char *lit)
{
    size_t l = strlen(lit);
    return attr_ctx_word(c, i) && c->t[i].l >= l &&
           attr_scan_fold_cmp(TS(c, i), c->t[i].l, lit, c->t[i].l - l);
}

static int win(const ctx_t *c, size_t i, const char *const *list)
{
    if (!attr_ctx_word(c, i)) return 0;
    for (; *list; list++)
        if (weq(c, i, *list)) return 1;
    return 0;
}

static int wprein(const ctx_t *c, size_t i, const char *const *list)
{
    if (!attr_ctx_word(c, i)) return 0;
    for (; *list; list++)
        if (wpre(c, i, *list)) return 1;
    return 0;
}

/* Clause boundary: , ; : . ! ? ( ) and quotation marks. */
static int boundary(const ctx_t *c, size_t i)
{
    const attr_tok *t;
    if (i >= c->nt) return 1;
    t = &c->t[i];
    if (t->k != ATTR_TK_PUNCT) return 0;
    if (t->l == 1) return strchr(",;:.!?()\"", c->s[t->s]) != NULL;
    return t->l == 3 && (unsigned char)c->s[t->s] == 0xE2 &&
           (unsigned char)c->s[t->s + 1] == 0x80 &&
           ((unsigned char)c->s[t->s + 2] == 0x9C ||
            (unsigned char)c->s[t->s + 2] == 0x9D ||
            (unsigned char)c->s[t->s + 2] == 0x9E);
}

/* ---------------------------------------------------------- verification */
enum { VW_NONE, VW_VERIFY, VW_CONFIRM, VW_NEGATED, VW_CORROB };

/* Verification word at i. VW_CONFIRM: "bestätigt"/"confirmed" (which only
 * corroborates with an agent); VW_VERIFY: "überprüft"/"verified". */
static int verif_word(const ctx_t *c, size_t i)
{
    static const char *const neg_de[] = {"unüberprüf", "unbestätigt",
        "unverifizier", "unbelegt", "nicht-verifiz", 0};
    static const char *const neg_en[] = {"unverified", "unverifiable",
        "unconfirmed", "uncorroborated", 0};
    static const char *const ver_de[] = {"überprüf", "verifizier",
        "nachprüf", "nachgeprüft", "prüfbar", "belegbar", 0};
    if (!attr_ctx_word(c, i)) return VW_NONE;
    if (c->de) {
        if (wprein(c, i, neg_de)) return VW_NEGATED;
        if (wprein(c, i, ver_de)) return VW_VERIFY;
        if (wpre(c, i, "bestätig")) return VW_CONFIRM;
        if (wpre(c, i, "geprüft") || weq(c, i, "prüfen")) return VW_VERIFY;
    }
    if (c->en) {
        if (wprein(c, i, neg_en)) return VW_NEGATED;
        if (wpre(c, i, "corroborat")) return VW_CORROB;
        if (wpre(c, i, "verif")) return VW_VERIFY;
        if (wpre(c, i, "confirm")) return VW_CONFIRM;
        if ((weq(c, i, "check") || weq(c, i, "checked")) &&
            weq(c, i - 1, "independently"))
            return VW_VERIFY;
    }
    return VW_NONE;
}

static int negation(const ctx_t *c, size_t i)
{
    static const char *const de[] = {"nicht", "kein", "keine", "keinen",
        "keiner", "keinem", "nie", "niemals", "weder", "kaum", "selten",
        "unmöglich", 0};
    static const char *const en[] = {"not", "cannot", "no", "never",
        "unable", "impossible", "neither", "nor", "without", "hardly",
        "rarely", "barely", "difficult", 0};
    if (!attr_ctx_word(c, i)) return 0;
    /* "nicht nur", "not only" do not negate */
    if ((weq(c, i, "nicht") || weq(c, i, "not")) &&
        (weq(c, i + 1, "nur") || weq(c, i + 1, "only")))
        return 0;
    if (c->de && win(c, i, de)) return 1;
    if (c->en && (win(c, i, en) || wsuf(c, i, "n't") ||
                  wsuf(c, i, "n\xe2\x80\x99t")))
        return 1;
    return 0;
}

/* Negated within the clause: a negation up to 6 tokens before, or
 * German "nicht" after ("verifizieren lassen sich diese Zahlen nicht"). */
static int negated(const ctx_t *c, size_t i)
{
    size_t k;
    for (k = 1; k <= 6 && k <= i; k++) {
        if (boundary(c, i - k)) break;
        if (negation(c, i - k)) return 1;
    }
    /* "schwer überprüfbar", "schwer zu überprüfen": hard to verify */
    if (weq(c, i - 1, "schwer") || (weq(c, i - 1, "zu") && weq(c, i - 2, "schwer")))
        return 1;
    for (k = i + 1; k < c->nt && k <= i + 8; k++) {
        if (boundary(c, k)) break;
        if ((c->de && weq(c, k, "nicht")) && !weq(c, k + 1, "nur")) return 1;
    }
    return 0;
}

/* Corroboration cues around a non-negated confirm/verify word at i. */
static int corroborated(const ctx_t *c, size_t i)
{
    size_t k;
    if (weq(c, i - 1, "unabhängig") || weq(c, i - 1, "independently") ||
        weq(c, i - 2, "unabhängig") || weq(c, i - 2, "independently"))
        return 1;
    /* "bestätigt von/durch", "confirmed by" */
    if (weq(c, i + 1, "von") || weq(c, i + 1, "vom") || weq(c, i + 1, "durch") ||
        weq(c, i + 1, "by"))
        return 1;
    for (k = 1; k <= 16 && k <= i; k++) {
        if (boundary(c, i - k)) break;
        /* passive agent before a German participle: "von ... bestätigt" */
        if (c->de && (weq(c, i - k, "von") || weq(c, i - k, "vom") ||
                      weq(c, i - k, "durch")) &&
            (wsuf(c, i, "t") || wsuf(c, i, "en")) && !(c->t[i].f & ATTR_TF_CAP))
            return 1;
        if (wsuf(c, i - k, "quellen") || wsuf(c, i - k, "quelle") ||
            weq(c, i - k, "sources") || weq(c, i - k, "source") ||
            weq(c, i - k, "independent") || wpre(c, i - k, "unabhängige"))
            return 1;
    }
    for (k = i + 1; k < c->nt && k <= i + 6; k++) {
        if (boundary(c, k)) break;
        if (wsuf(c, k, "quellen") || weq(c, k, "sources")) return 1;
    }
    return 0;
}

/* Back-reference nouns: "diese Zahlen", "the figures", "Opferzahlen". */
static int backref_noun(const ctx_t *c, size_t i)
{
    static const char *const n[] = {"zahlen", "zahl", "angaben", "angabe",
        "informationen", "berichte", "bericht", "darstellung",
        "darstellungen", "behauptung", "behauptungen", "aussagen", "aussage",
        "meldungen", "meldung", "vorwürfe", "figures", "figure", "numbers",
        "claims", "claim", "reports", "report", "information", "account",
        "accounts", "statements", "statement", "allegations", "details",
        "toll", "assertions", "footage", "video", "videos", "bilder",
        "aufnahmen", "images", 0};
    return win(c, i, n) || wsuf(c, i, "zahlen") || wsuf(c, i, "angaben");
}

static int determiner(const ctx_t *c, size_t i)
{
    static const char *const d[] = {"diese", "dieser", "diesen", "die",
        "solche", "jene", "these", "the", "those", "such", "this", "that",
        "beide", "alle", "derartige", 0};
    return win(c, i, d);
}

/* Content nouns are followed by what they are about ("die Angaben über
 * 500 Tote", "the claims that ..."): then they are no back-reference. */
static int content_follows(const ctx_t *c, size_t i)
{
    static const char *const w[] = {"über", "zu", "zur", "zum", "dass",
        "about", "on", "that", "of", 0};
    return win(c, i + 1, w);
}

static int anaphoric_near(const ctx_t *c, size_t i)
{
    size_t k, lo = i, hi = i + 10 < c->nt ? i + 10 : c->nt;
    size_t first = 0;
    /* from the start of the statement's clause (at most 30 tokens back) */
    while (lo > 0 && i - lo < 30 && !boundary(c, lo - 1)) lo--;
    /* a pronoun subject opening the sentence: "Dies ließ sich nicht ..." */
    while (first < c->nt && c->t[first].k == ATTR_TK_PUNCT) first++;
    if (first < i &&
        (weq(c, first, "dies") || weq(c, first, "this") ||
         weq(c, first, "that") || weq(c, first, "it") ||
         weq(c, first, "letzteres") || weq(c, first, "beides") ||
         weq(c, first, "sie") || weq(c, first, "they") ||
         ((weq(c, first, "das") || weq(c, first, "diese")) &&
          attr_ctx_word(c, first + 1) && !(c->t[first + 1].f & ATTR_TF_CAP))))
        return 1;
    for (k = lo; k < hi; k++) {
        if (!backref_noun(c, k) || content_follows(c, k)) continue;
        if (determiner(c, k - 1) ||
            (determiner(c, k - 2) && attr_ctx_word(c, k - 1) &&
             !(c->de && !c->en && (c->t[k - 1].f & ATTR_TF_CAP))))
            return 1;
    }
    /* the statement stands alone: "Unbestätigt." */
    return c->nt <= 3;
}

typedef int (*scan_fn)(const ctx_t *c, size_t lo, size_t hi, int *extra);

/* Runs fn over the token windows until it reports something. */
static int scan(const char *s, size_t n, const char *lang, scan_fn fn,
                int *extra)
{
    attr_window w;
    ctx_t c;
    int r;
    if (!s) return 0;
    attr_scan_window_init(&w, s, n);
    memset(&c, 0, sizeof c);
    c.s = s;
    c.t = w.t;
    attr_scan_langs(lang, &c.de, &c.en);
    while (attr_scan_window_next(&w)) {
        c.nt = w.nt;
        if ((r = fn(&c, w.lo, w.hi, extra)) != 0) return r;
    }
    return 0;
}

static int verif_scan(const ctx_t *c, size_t lo, size_t hi, int *ana)
{
    size_t i;
    int corr_at = -1, r = ATTR_VERIF_NONE;
    size_t at = 0;
    for (i = lo; i < hi; i++) {
        unsigned f = first_byte(c, i);
        int w;
        /* verification words start with u ü v n p b g c i */
        if (!f || !(f == 0x1bc || (f <= 0xff && strchr("uvnpbgci", (int)f))))
            continue;
        w = verif_word(c, i);
        if (w == VW_NONE) continue;
        if (w == VW_NEGATED || negated(c, i)) {
            r = ATTR_VERIF_UNVERIFIED;
            at = i;
            break;                      /* unverified wins */
        }
        if (corr_at < 0 && (w == VW_CORROB || corroborated(c, i))) {
            corr_at = (int)i;
        }
    }
    if (r == ATTR_VERIF_NONE && corr_at >= 0) {
        r = ATTR_VERIF_CORROBORATED;
        at = (size_t)corr_at;
    }
    if (r != ATTR_VERIF_NONE && ana) *ana = anaphoric_near(c, at);
    return r;
}

/* Every verification word holds one of these stems (verif_word). */
static const char *const verif_stems[] = {"prüf", "bestätig", "verif",
    "belegt", "belegbar", "corroborat", "confirm", "check", 0};

int attr_verification(const char *s, size_t n, const char *lang,
                      int *anaphoric)
{
    int ana = 0, r = 0;
    if (attr_scan_has(s, n, verif_stems))
        r = scan(s, n, lang, verif_scan, &ana);
    if (anaphoric) *anaphoric = r ? ana : 0;
    return r;
}

/* --------------------------------------------------------------- hedging */

/* A past participle (loosely): lower-case, ends in -t or -en, and
 * ge- inside or an inseparable prefix ("gesprochen", "angegriffen",
 * "verletzt", "unterschrieben", "informiert"). */
static int participle(const ctx_t *c, size_t i)
{
    static const char *const insep[] = {"be", "ver", "er", "ent", "zer",
        "miss", "über", "unter", "hinter", "wider", "emp", "ge", 0};
    const char *p;
    size_t l, k;
    if (!attr_ctx_word(c, i) || (c->t[i].f & ATTR_TF_CAP)) return 0;
    if (weq(c, i, "worden") || weq(c, i, "gewesen")) return 1;
    if (weq(c, i, "bereit") || weq(c, i, "breit")) return 0;
    p = TS(c, i);
    l = c->t[i].l;
    if (l < 4 || !(wsuf(c, i, "t") || wsuf(c, i, "en"))) return 0;
    if (wsuf(c, i, "iert")) return 1;
    for (k = 0; k + 2 <= l && k <= 8; k++)
        if (attr_scan_fold_cmp(p, l, "ge", k)) return 1;
    return wprein(c, i, insep);
}

static int soll_word(const ctx_t *c, size_t i)
{
    return weq(c, i, "soll") || weq(c, i, "sollen") || weq(c, i, "solle") ||
           weq(c, i, "sollt") || weq(c, i, "sollst");
}

/* "soll ... gesprochen haben", "soll getötet worden sein". */
static int soll_perfect(const ctx_t *c, size_t i)
{
    size_t k;
    for (k = i + 1; k < c->nt && k <= i + 30; k++) {
        if (boundary(c, k) || weq(c, k, "und") || weq(c, k, "aber")) {
            /* clause end: the perfect infinitive closes the clause */
            return (weq(c, k - 1, "haben") || weq(c, k - 1, "sein")) &&
                   participle(c, k - 2);
        }
        if ((weq(c, k, "haben") || weq(c, k, "sein")) && participle(c, k - 1) &&
            boundary(c, k + 1))
            return 1;
    }
    return 0;
}

static int hedge_scan(const ctx_t *c, size_t lo, size_t hi, int *unused)
{
    static const char *const de_pre[] = {"angeblich", "mutmaßlich",
        "mutmasslich", 0};
    static const char *const de_w[] = {"offenbar", "vermutlich",
        "anscheinend", "scheinbar", 0};
    static const char *const en_w[] = {"reportedly", "allegedly",
        "apparently", "purportedly", "supposedly", "alleged", "purported",
        "ostensibly", 0};
    size_t i;
    (void)unused;
    for (i = lo; i < hi; i++) {
        unsigned f = first_byte(c, i);
        /* hedge words start with one of these letters */
        if (!f || !strchr("amvoswzrpbtud", (int)(f & 0xff)) || f > 0xff) continue;
        if (c->de) {
            if (wprein(c, i, de_pre)) return 1;
            if (win(c, i, de_w)) return 1;
            /* "wohl" as a hedge, not "sehr wohl", "wohl aber", "Wohl" */
            if (weq(c, i, "wohl") && !(c->t[i].f & ATTR_TF_CAP) &&
                !weq(c, i - 1, "sehr") && !weq(c, i - 1, "durchaus") &&
                !weq(c, i + 1, "aber") && !weq(c, i - 1, "zum"))
                return 1;
            if (weq(c, i, "zufolge") && wsuf(c, i - 1, "berichten")) return 1;
            if (weq(c, i, "vernehmen") && weq(c, i - 1, "dem") &&
                weq(c, i + 1, "nach"))
                return 1;
            if (soll_word(c, i) && soll_perfect(c, i)) return 1;
            /* subordinate order: "..., der den Angriff befohlen haben soll" */
            if (soll_word(c, i) && (weq(c, i - 1, "haben") || weq(c, i - 1, "sein")) &&
                participle(c, i - 2))
                return 1;
        }
        if (c->en) {
            if (win(c, i, en_w)) return 1;
            /* "is said to", "are believed to", "was thought to" */
            if ((weq(c, i, "said") || weq(c, i, "believed") ||
                 weq(c, i, "thought") || weq(c, i, "understood") ||
                 weq(c, i, "rumoured") || weq(c, i, "rumored")) &&
                weq(c, i + 1, "to") &&
                (weq(c, i - 1, "is") || weq(c, i - 1, "are") ||
                 weq(c, i - 1, "was") || weq(c, i - 1, "were") ||
                 weq(c, i - 1, "been") || weq(c, i - 1, "be")))
                return 1;
        }
    }
    return 0;
}

/* Every hedge of hedge_scan holds one of these stems (a space: the gap
 * between two tokens). */
static const char *const hedge_stems[] = {"angeblich", "mutma", "offenbar",
    "vermutlich", "anscheinend", "scheinbar", "wohl", "zufolge",
    "vernehmen", "soll", "reportedly", "alleged", "apparently", "purported",
    "supposedly", "ostensibly", "said to", "believed to", "thought to",
    "understood to", "rumoured to", "rumored to", 0};

int attr_hedged(const char *s, size_t n, const char *lang)
{
    if (!attr_scan_has(s, n, hedge_stems)) return 0;
    return scan(s, n, lang, hedge_scan, NULL) ? 1 : 0;
}
