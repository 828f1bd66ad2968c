/* text.c — first stage: makes input bytes valid UTF-8 (never fails: bad
 * bytes become U+FFFD and are counted), case-folds words for lexicon
 * lookups, and tells German from English by function words. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include "internal.h"

size_t text_u8len(unsigned char c)
{
    if (c < 0x80) return 1;
    if (c >= 0xC2 && c <= 0xDF) return 2;
    if (c >= 0xE0 && c <= 0xEF) return 3;
    if (c >= 0xF0 && c <= 0xF4) return 4;
    return 1;
}

/* Length of the valid sequence at s (n bytes left), or 0 when invalid. */
static size_t valid_seq(const unsigned char *s, size_t n)
{
    utf8proc_int32_t cp;
    utf8proc_ssize_t k = utf8proc_iterate(s, (utf8proc_ssize_t)(n > 4 ? 4 : n), &cp);
    return k > 0 ? (size_t)k : 0;
}

char *text_repair(arena *a, const char *src, size_t n, size_t *outlen,
                  size_t *nbad)
{
    /* worst case: every byte becomes the 3-byte U+FFFD */
    if (n > (SIZE_MAX - 1) / 3)
        return NULL;
    char *out = arena_alloc_raw(a, n * 3 + 1);
    if (!out)
        return NULL;
    const unsigned char *s = (const unsigned char *)src;
    size_t o = 0, bad = 0;
    for (size_t i = 0; i < n;) {
        unsigned char c = s[i];
        /* printable ASCII runs are most of any text: copy them in one go */
        if (c >= 0x20 && c < 0x7F) {
            size_t j = i + 1;
            while (j < n && s[j] >= 0x20 && s[j] < 0x7F)
                j++;
            memcpy(out + o, s + i, j - i);
            o += j - i;
            i = j;
            continue;
        }
        if (c < 0x80) {
            if (c == '\r')
                c = (i + 1 < n && s[i + 1] == '\n') ? 0 : '\n';
            else if (c < 0x20 && c != '\n' && c != '\t')
                c = ' ';
            if (c)
                out[o++] = (char)c;
            i++;
            continue;
        }
        size_t k = valid_seq(s + i, n - i);
        if (k) {
            /* NBSP and other Unicode spaces become plain spaces */
            if (k == 2 && c == 0xC2 && s[i + 1] == 0xA0) {
                out[o++] = ' ';
            } else {
                memcpy(out + o, s + i, k);
                o += k;
            }
            i += k;
        } else {
            memcpy(out + o, "\xEF\xBF\xBD", 3);
            o += 3;
            bad++;
            i++;
        }
    }
    out[o] = 0;
    *outlen = o;
    if (nbad)
        *nbad = bad;
    return out;
}

size_t text_fold(const char *s, size_t n, char *out, size_t cap)
{
    int ascii = 1;
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] >= 0x80) { ascii = 0; break; }
    if (ascii) {
        if (n + 1 > cap)
            return 0;
        for (size_t i = 0; i < n; i++)
            out[i] = (char)tolower((unsigned char)s[i]);
        out[n] = 0;
        return n;
    }
    utf8proc_uint8_t *dst = NULL;
    utf8proc_ssize_t k = utf8proc_map((const utf8proc_uint8_t *)s,
                                      (utf8proc_ssize_t)n, &dst,
                                      UTF8PROC_CASEFOLD | UTF8PROC_COMPOSE |
                                      UTF8PROC_STABLE);
    size_t len = 0;
    if (k > 0 && (size_t)k + 1 <= cap) {
        memcpy(out, dst, (size_t)k);
        out[k] = 0;
        len = (size_t)k;
    }
    free(dst);
    return len;
}

/* Function words that are frequent in one language and rare in the other. */
static const char *const de_words[] = {
    "der", "die", "das", "und", "nicht", "ist", "mit", "den", "dem", "auf",
    "für", "sich", "von", "auch", "eine", "ein", "im", "zu", "wird", "hat",
    "nach", "bei", "aus", "wie", "sind", "des", "werden", "oder", NULL
};
static const char *const en_words[] = {
    "the", "and", "of", "to", "is", "that", "with", "for", "on", "was",
    "are", "by", "it", "as", "from", "have", "has", "were", "which", "this",
    "be", "at", "their", "said", "will", "an", "not", NULL
};

/* ... and of the other big languages of European news (es, fr, it, pt,
 * nl), so that their pages are not coded with a lexicon they do not fit. */
static const char *const xx_words[] = {
    "el", "la", "los", "las", "que", "del", "por", "para", "una", "con", "le",
    "les", "et", "est", "une", "pour", "dans", "qui", "pas", "sur", "il", "di",
    "che", "della", "sono", "um", "uma", "os", "não", "het", "een", "niet",
    "zijn", "voor", NULL
};

static int in_list(const char *const *list, const char *w, size_t n)
{
    for (; *list; list++)
        if (strlen(*list) == n && memcmp(*list, w, n) == 0)
            return 1;
    return 0;
}

const char *text_detect_lang(const char *s, size_t n, const char *fallback)
{
    int de = 0, en = 0, xx = 0, words = 0;
    char w[16];
    /* the first 20 kB say enough */
    if (n > 20000)
        n = 20000;
    for (size_t i = 0; i < n;) {
        while (i < n && !isalpha((unsigned char)s[i]) && (unsigned char)s[i] < 0xC0)
            i++;
        size_t st = i;
        while (i < n && (isalpha((unsigned char)s[i]) || (unsigned char)s[i] >= 0x80))
            i++;
        size_t len = i - st;
        if (len == 0 || len >= sizeof w)
            continue;
        for (size_t k = 0; k < len; k++)
            w[k] = (char)tolower((unsigned char)s[st + k]);
        de += in_list(de_words, w, len);
        en += in_list(en_words, w, len);
        xx += in_list(xx_words, w, len);
        words++;
    }
    if (words >= 30 && xx > de && xx > en)
        return NULL;   /* another language */
    if (de > en)
        return "de";
    if (en > de)
        return "en";
    return fallback ? fallback : "en";
}
