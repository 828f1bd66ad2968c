/* clean.c — drops scrape residue from already-extracted plain text, line
 * by line: skip links, numbered navigation lists before the text, video
 * and audio notices, lone durations ("14:22"), photo credits (alone or
 * glued to a caption: the caption stays), cookie notices. */
#include "dyad.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

static int has_ci(const char *s, size_t n, const char *w)
{
    size_t l = strlen(w);
    int c0 = tolower((unsigned char)w[0]);
    for (size_t i = 0; i + l <= n; i++)
        if (tolower((unsigned char)s[i]) == c0 && strncasecmp(s + i, w, l) == 0) return 1;
    return 0;
}

static int prefix_ci(const char *s, size_t n, const char *w)
{
    size_t l = strlen(w);
    return l <= n && strncasecmp(s, w, l) == 0;
}

static int suffix_ci(const char *s, size_t n, const char *w)
{
    size_t l = strlen(w);
    return l <= n && strncasecmp(s + n - l, w, l) == 0;
}

/* "Zum Inhalt springen", "Skip to content", "Direkt zur Navigation" */
static int skip_link(const char *s, size_t n)
{
    if (n > 80) return 0;
    if ((prefix_ci(s, n, "zum ") || prefix_ci(s, n, "zur ") || prefix_ci(s, n, "zu ")) &&
        suffix_ci(s, n, "springen"))
        return 1;
    static const char *const pre[] = { "skip to ", "skip navigation", "jump to ",
        "direkt zum ", "direkt zur ", "springe zum ", "springe zur ", "zum inhalt",
        "zur navigation", "zur hauptnavigation", "aller au contenu", "saltar al contenido",
        "przejdź do", NULL };
    for (int i = 0; pre[i]; i++)
        if (prefix_ci(s, n, pre[i])) return 1;
    return 0;
}

static int media_notice(const char *s, size_t n)
{
    if (n > 160) return 0;
    return (has_ci(s, n, "browser") &&
            (has_ci(s, n, "video") || has_ci(s, n, "audio")) &&
            (has_ci(s, n, "not support") || has_ci(s, n, "unterstützt") ||
             has_ci(s, n, "nicht")));
}

/* "14:22", "1:02:33", "03:15 min" */
static int duration(const char *s, size_t n)
{
    size_t i = 0, groups = 0;
    while (i < n) {
        size_t d = 0;
        while (i < n && isdigit((unsigned char)s[i])) { i++; d++; }
        if (d == 0 || d > 2) return 0;
        groups++;
        if (i < n && s[i] == ':') { i++; continue; }
        break;
    }
    if (groups < 2 || groups > 3) return 0;
    while (i < n && s[i] == ' ') i++;
    if (i < n && (prefix_ci(s + i, n - i, "min") || prefix_ci(s + i, n - i, "std"))) {
        while (i < n && isalpha((unsigned char)s[i])) i++;
        if (i < n && s[i] == '.') i++;
    }
    return i == n;
}

static int cookie_notice(const char *s, size_t n)
{
    if (n > 600 || !has_ci(s, n, "cookie")) return 0;
    return has_ci(s, n, "verwende") || has_ci(s, n, "use ") || has_ci(s, n, "akzept") ||
           has_ci(s, n, "accept") || has_ci(s, n, "zustimm") || has_ci(s, n, "datenschutz") ||
           has_ci(s, n, "privacy") || has_ci(s, n, "einverstanden") || has_ci(s, n, "consent");
}

static const char *const credit_marks[] = { "Bild: ", "Bilder: ", "Foto: ", "Fotos: ",
    "Photo: ", "Photos: ", "Image: ", "Picture: ", "Credit: ", "Quelle: ", "Grafik: ",
    "Video: ", "Copyright: ", "© ", NULL };

/* The tail after a credit mark: 2 for a sure credit (slashes between
 * names, an agency), 1 for a few words without a sentence, 0 for text. */
static int credit_tail(const char *t, size_t n)
{
    if (n == 0 || n > 120) return 0;
    for (size_t i = 1; i + 1 < n; i++)
        if ((t[i] == '.' || t[i] == '!' || t[i] == '?') && t[i + 1] == ' ' &&
            islower((unsigned char)t[i - 1]))
            return 0;
    if (memchr(t, '/', n)) return 2;
    static const char *const agencies[] = { "dpa", "afp", "reuters", "ap ", "getty",
        "imago", "picture alliance", "picture-alliance", "epa", "kcna", "shutterstock",
        "privat", "istock", "keystone", "anadolu", "xinhua", "tass", "sputnik",
        "ukrinform", "associated press", "wikimedia", "unsplash", "pixabay", NULL };
    for (int i = 0; agencies[i]; i++)
        if (has_ci(t, n, agencies[i])) return 2;
    return n < 60 && t[n - 1] != '.' && !memchr(t, ',', n) ? 1 : 0;
}

/* Where a photo credit starts in the line, or n when there is none. A
 * credit glued to a caption ("unterzeichnetBild: ..."), a line of its
 * own, or "(Foto: Privat)" ending the line; after a space only a sure
 * credit counts ("die Bild: ..." may be text). */
static size_t credit_start(const char *s, size_t n)
{
    /* every mark ends in ": " or is "© ": look only there */
    for (size_t x = 0; x + 1 < n; x++) {
        size_t mend;   /* index just past the mark */
        if (s[x] == ':' && s[x + 1] == ' ') mend = x + 2;
        else if ((unsigned char)s[x] == 0xC2 && (unsigned char)s[x + 1] == 0xA9 &&
                 x + 2 < n && s[x + 2] == ' ') mend = x + 3;
        else continue;
        for (int k = 0; credit_marks[k]; k++) {
            size_t l = strlen(credit_marks[k]);
            if (l > mend || memcmp(s + mend - l, credit_marks[k], l) != 0) continue;
            size_t i = mend - l;
            int paren = i > 0 && s[i - 1] == '(';
            const char *t = s + mend;
            size_t tn = n - mend;
            if (paren) {
                if (s[n - 1] != ')') continue;
                tn--;
            }
            int q = credit_tail(t, tn);
            int need = (i > 0 && !paren && isspace((unsigned char)s[i - 1])) ? 2 : 1;
            if (q >= need) return paren ? i - 1 : i;
        }
    }
    return n;
}

static int numbered(const char *s, size_t n, size_t *skip)
{
    size_t i = 0;
    while (i < n && i < 3 && isdigit((unsigned char)s[i])) i++;
    if (i == 0 || i >= n || s[i] != '.') return 0;
    i++;
    if (i < n && s[i] != ' ') return 0;
    while (i < n && s[i] == ' ') i++;
    *skip = i;
    return 1;
}

size_t dyad_text_clean(const char *text, size_t len, char *out)
{
    size_t o = 0, i = 0;
    int seen_text = 0;     /* a prose line was kept: nav lists end here */
    int blank_run = 0;
    while (i < len) {
        const char *ls = text + i;
        const char *nl = memchr(ls, '\n', len - i);
        size_t ll = nl ? (size_t)(nl - ls) : len - i;
        i += ll + (nl ? 1 : 0);
        /* trimmed view */
        const char *s = ls;
        size_t n = ll;
        while (n && (*s == ' ' || *s == '\t')) { s++; n--; }
        while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r')) n--;
        size_t keep = ll;
        int drop = 0;
        if (n == 0) {
            if (o == 0 || blank_run >= 1) continue;   /* at most one blank line */
            blank_run++;
            out[o++] = '\n';
            continue;
        }
        size_t k;
        const char *body = s;
        size_t bn = n;
        if (numbered(s, n, &k)) { body = s + k; bn = n - k; }
        if (skip_link(body, bn)) drop = 1;
        else if (body != s && !seen_text && (bn == 0 || (bn < 40 && !strchr(".!?", body[bn - 1]))))
            drop = 1;   /* a nav list item, or a bare "1." */
        else if (media_notice(s, n) || duration(s, n) || cookie_notice(s, n)) drop = 1;
        else {
            size_t c = credit_start(s, n);
            if (c < n) {
                while (c > 0 && s[c - 1] == ' ') c--;
                if (c == 0) drop = 1;
                else keep = (size_t)(s - ls) + c;
            }
        }
        if (drop) continue;
        memmove(out + o, ls, keep);   /* out may alias text: never ahead */
        o += keep;
        if (nl) out[o++] = '\n';
        blank_run = 0;
        if (body == s && n >= 40) seen_text = 1;
    }
    while (o && (out[o - 1] == '\n')) o--;
    if (o < len && len && text[len - 1] == '\n') out[o++] = '\n';
    out[o] = 0;
    return o;
}
