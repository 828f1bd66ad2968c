/* ingest_html.c — main text and metadata of an HTML page. The page is
 * parsed by myhtml (HTML5, Debian's libmodest); one walk measures text and
 * link density per element and reads metadata, readability-style scoring
 * picks the article container, and a second walk writes its paragraphs. */
#include "dyad.h"

#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <jansson.h>
#include <myhtml/api.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum { F_SKIP = 1, F_BLOCK = 2, F_LINK = 4, F_JUNK = 8, F_HARD = 16, F_SEM = 32, F_TEASE = 64 };

typedef struct {
    myhtml_tree_node_t *node;
    int parent;
    int tag;
    uint8_t flags;
    int16_t weight;           /* class/id hints */
    uint32_t text, links;     /* visible chars in the subtree, in links */
    uint32_t inl, icommas;    /* own inline text (up to nested blocks) */
    uint32_t ilinks;          /* link chars in the own inline text */
    float score;              /* subtree content value */
    float tv;                 /* subtree text less twice its links, kept parts */
} el;

/* Per-thread parser and scratch, reused across pages. */
static _Thread_local myhtml_t *tl_html;
static _Thread_local myhtml_tree_t *tl_tree;
static _Thread_local el *tl_el;
static _Thread_local size_t tl_elcap;

/* Class/id decisions repeat across a page ("menu-item" x 200): cached
 * by hash for the page being read. */
typedef struct { uint64_t h; uint32_t page; int8_t junk, sem, tease; int16_t weight; } class_memo;
static _Thread_local class_memo tl_memo[1024];
static _Thread_local uint32_t tl_page;

typedef struct {
    el *e; size_t n;
    char *out; size_t olen, ocap;     /* text written so far */
    size_t pstart;                    /* start of the open paragraph */
    size_t plinks;                    /* link chars in it */
    int ptag;                         /* block tag that opened it */
    int oom;
    /* metadata candidates, best so far per field (lower rank wins) */
    char *title, *date, *lang, *url, *publisher;
    int title_rank, date_rank, url_rank, pub_rank;
    const char *page_url;
} ctx;

/* ---- small helpers ---- */


static int is_inline(int t)
{
    switch (t) {
    case MyHTML_TAG_A: case MyHTML_TAG_ABBR: case MyHTML_TAG_B:
    case MyHTML_TAG_BDI: case MyHTML_TAG_BDO: case MyHTML_TAG_BIG:
    case MyHTML_TAG_CITE: case MyHTML_TAG_CODE: case MyHTML_TAG_DEL:
    case MyHTML_TAG_DFN: case MyHTML_TAG_EM: case MyHTML_TAG_FONT:
    case MyHTML_TAG_I: case MyHTML_TAG_INS: case MyHTML_TAG_KBD:
    case MyHTML_TAG_MARK: case MyHTML_TAG_NOBR: case MyHTML_TAG_Q:
    case MyHTML_TAG_S: case MyHTML_TAG_SAMP: case MyHTML_TAG_SMALL:
    case MyHTML_TAG_SPAN: case MyHTML_TAG_STRIKE: case MyHTML_TAG_STRONG:
    case MyHTML_TAG_SUB: case MyHTML_TAG_SUP: case MyHTML_TAG_TIME:
    case MyHTML_TAG_TT: case MyHTML_TAG_U: case MyHTML_TAG_VAR:
    case MyHTML_TAG_WBR: case MyHTML_TAG_BR: case MyHTML_TAG_IMG:
    case MyHTML_TAG_LABEL: case MyHTML_TAG_RUBY: case MyHTML_TAG_RB:
    case MyHTML_TAG_RT: case MyHTML_TAG_RP: case MyHTML_TAG__TEXT:
    case MyHTML_TAG_ACRONYM:
        return 1;
    default:
        return 0;
    }
}

/* Elements whose content is never main text. */
static int is_hard_tag(int t)
{
    switch (t) {
    case MyHTML_TAG_HEAD: case MyHTML_TAG_SCRIPT: case MyHTML_TAG_STYLE:
    case MyHTML_TAG_NOSCRIPT: case MyHTML_TAG_TEMPLATE: case MyHTML_TAG_SVG:
    case MyHTML_TAG_IFRAME: case MyHTML_TAG_OBJECT: case MyHTML_TAG_EMBED:
    case MyHTML_TAG_CANVAS: case MyHTML_TAG_VIDEO: case MyHTML_TAG_AUDIO:
    case MyHTML_TAG_SELECT: case MyHTML_TAG_OPTION: case MyHTML_TAG_BUTTON:
    case MyHTML_TAG_INPUT: case MyHTML_TAG_TEXTAREA: case MyHTML_TAG_DIALOG:
    case MyHTML_TAG_MAP: case MyHTML_TAG_DATALIST: case MyHTML_TAG_TITLE:
    case MyHTML_TAG_NOFRAMES: case MyHTML_TAG_APPLET: case MyHTML_TAG_MATH:
    case MyHTML_TAG_FRAMESET:
        return 1;
    default:
        return 0;
    }
}

/* Elements that are boilerplate unless they turn out to hold the page. */
static int is_junk_tag(int t)
{
    return t == MyHTML_TAG_NAV || t == MyHTML_TAG_ASIDE ||
           t == MyHTML_TAG_FOOTER || t == MyHTML_TAG_MENU;
}

static const char *attr(myhtml_tree_node_t *n, const char *k, size_t *len)
{
    myhtml_tree_attr_t *a = myhtml_attribute_by_key(n, k, strlen(k));
    if (!a) return NULL;
    const char *v = myhtml_attribute_value(a, len);
    return v ? v : (*len = 0, "");
}

/* Class tokens that describe a state or a taxonomy, not the element's
 * role: script hooks ("js-share"), WordPress post classes
 * ("category-newsletter", "tag-social", "has-sharing"), grid modifiers. */
static int ignored_token(const char *t, size_t n)
{
    static const char *const pre[] = { "js-", "category-", "tag-", "tags-", "has-",
        "no-", "postid-", "format-", "status-", "type-", "is-style-", "hidden-",
        "visible-", "header-content-", NULL };
    for (int i = 0; pre[i]; i++) {
        size_t l = strlen(pre[i]);
        if (n > l && strncasecmp(t, pre[i], l) == 0) return 1;
    }
    /* Drupal's "node--promoted": promoted to the front page */
    return n > 8 && strncasecmp(t + n - 8, "promoted", 8) == 0;
}

/* Lower-cased copy of class + id for pattern tests, tokens separated by
 * single spaces. */
static size_t class_id(myhtml_tree_node_t *n, char *buf, size_t cap)
{
    size_t l1 = 0, l2 = 0, o = 0;
    const char *c = attr(n, "class", &l1), *i = attr(n, "id", &l2);
    for (size_t k = 0; c && k < l1 && o + 2 < cap;) {
        while (k < l1 && isspace((unsigned char)c[k])) k++;
        size_t e = k;
        while (e < l1 && !isspace((unsigned char)c[e])) e++;
        if (e > k && !ignored_token(c + k, e - k)) {
            if (o) buf[o++] = ' ';
            for (; k < e && o + 2 < cap; k++) buf[o++] = (char)tolower((unsigned char)c[k]);
        }
        k = e;
    }
    if (i && l2 && o + 2 < cap) {
        if (o) buf[o++] = ' ';
        for (size_t k = 0; k < l2 && o + 1 < cap; k++)
            buf[o++] = (char)(isspace((unsigned char)i[k]) ? '-' : tolower((unsigned char)i[k]));
    }
    buf[o] = 0;
    return o;
}

static int any_of(const char *s, const char *const *pats)
{
    for (; *pats; pats++)
        if (strstr(s, *pats)) return 1;
    return 0;
}

/* A pattern at the start of a word of a class name: "comment" matches
 * "comment-list", "post-comments" and "commentlist", not "mtncommenttext";
 * "pager" not "apageroot". Patterns opening with '-' match anywhere. */
static const char *word_at(const char *s, const char *pat)
{
    for (const char *p = strstr(s, pat); p; p = strstr(p + 1, pat))
        if (pat[0] == '-' || p == s || !isalpha((unsigned char)p[-1])) return p;
    return NULL;
}

/* any word_at for a list, in one pass over the word starts of s */
static int any_word(const char *s, const char *const *pats)
{
    for (const char *p = s; *p; p++) {
        if (p != s && isalpha((unsigned char)p[-1])) continue;
        for (const char *const *q = pats; *q; q++)
            if ((*q)[0] == *p && (*q)[0] != '-' && strncmp(p, *q, strlen(*q)) == 0) return 1;
    }
    for (const char *const *q = pats; *q; q++)
        if ((*q)[0] == '-' && strstr(s, *q)) return 1;
    return 0;
}

/* Whole tokens that hide an element ("hidden", "sr-only"); "hidden-xs"
 * and "field--label-hidden" hide nothing on a desktop page. */
static int hiding_token(const char *ci)
{
    static const char *const toks[] = { "hidden", "is-hidden", "hide", "d-none",
        "sr-only", "visually-hidden", "visuallyhidden", "screen-reader-text",
        "screenreader", "offscreen", "invisible", "element-invisible", "u-hidden", NULL };
    for (const char *p = ci; *p;) {
        const char *e = strchr(p, ' ');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        for (int i = 0; toks[i]; i++)
            if (strlen(toks[i]) == n && memcmp(p, toks[i], n) == 0) return 1;
        if (!e) break;
        p = e + 1;
    }
    return 0;
}

/* Whole tokens that name a box of their own ("author": WordPress also
 * tags a post "author-<name>", which is no box). */
static int box_token(const char *ci)
{
    static const char *const toks[] = { "author", "authors", "autor", "autoren", NULL };
    for (const char *p = ci; *p;) {
        const char *e = strchr(p, ' ');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        for (int i = 0; toks[i]; i++)
            if (strlen(toks[i]) == n && memcmp(p, toks[i], n) == 0) return 1;
        /* "img-author", "header__author": the author part of something */
        if (n > 7 && memcmp(p + n - 6, "author", 6) == 0 && (p[n - 7] == '-' || p[n - 7] == '_'))
            return 1;
        if (!e) break;
        p = e + 1;
    }
    return 0;
}

/* Boilerplate by class or id: dropped outright unless it also looks like
 * the content container. */
static const char *const junk_pats[] = {
    "comment", "footer", "sidebar", "share", "sharing", "social", "related",
    "cookie", "consent", "gdpr", "banner", "breadcrumb", "navbar", "navigation",
    "menu", "newsletter", "subscribe", "signup", "promo", "advert", "-ad-",
    "ad-slot", "adslot", "ads-", "sponsor", "outbrain", "taboola", "popup",
    "modal", "overlay", "skip-link", "skiplink", "skip-to", "pagination",
    "pager", "tag-list", "taglist", "tags", "disqus", "respond",
    "reply", "toolbar", "masthead", "login", "search-form",
    "searchform", "search-box", "byline", "dateline", "author-info",
    "author-box", "authorbox", "author-bio", "credit", "copyright", "meta-info",
    "postmeta", "post-meta", "entry-meta", "article-meta", "caption-source",
    "teaser-list", "recommend", "read-more", "read-also",
    "video-player", "slider", "carousel", "nav", "subnav", "topnav", "site-header",
    "global-header", "rating", "voting", "likes", "follow-us", "contact-form",
    "imprint", "impressum", "footnote", "widget", "print-button",
    "table-of-contents", "inhaltsverzeichnis", "ez-toc", "toc-container",
    "author-bio", "author-box", "author-info", "author-profile", "author-desc",
    "author-details", "author-card", "author-wrap", "author-meta", "author-avatar",
    "author__", "author_box", "authorbox", "about-author", "about-the-author",
    "saboxplugin", "affiliate", "next-post", "nextstory",
    "prev-next", "entry-utility", "licen", "cta", "buybox", "abowerbung", "werbung",
    "anzeige", "reviews", "review-form", "upsell", "crosssell", "cross-sell",
    "captcha", "brlbs", "content-blocker", "community-notice", "shariff",
    "disclaimer", "disclosure", "feedback", "kommentar", "embed-preview",
    "news-letter", "appstore", "linkbox", "relacionad", "interesar", "abo-",
    "contact", "donat", "spende", "flyout", "callout", "download", NULL
};
static const char *const keep_pats[] = {
    "article", "content", "main", "entry", "post", "story", "text", "body",
    "column", NULL
};
static const char *const neg_pats[] = {
    "comment", "foot", "sidebar", "related", "share", "social", "widget",
    "promo", "sponsor", "banner", "meta", "tags", "tool", "nav", "menu",
    "header", "teaser", "hidden", "combx", "contact", "shopping", NULL
};
static const char *const pos_pats[] = {
    "article", "body", "content", "entry", "hentry", "main", "page", "post",
    "text", "blog", "story", "beitrag", "artikel", "inhalt", NULL
};

/* Names the article body goes by in CMS templates and schema.org: a
 * container so named is preferred when it holds real text. */
static const char *const body_pats[] = {
    "entry-content", "entry_content", "entrycontent", "post-content", "post_content",
    "postcontent", "article-body", "article_body", "articlebody", "article__body",
    "article-content", "article__content", "articlecontent", "story-body",
    "storybody", "story-content", "post-body", "postbody", "post-entry", "postentry",
    "entry-body", "article-text", "article__text", "articletext", "post-text",
    "blog-post-body", "single-content", "news-text", "artikel-text", "beitrag-text",
    "content-text", "text-content", NULL
};

static int body_prop(myhtml_tree_node_t *n)
{
    size_t l;
    const char *v = attr(n, "itemprop", &l);
    return v && l == 11 && strncasecmp(v, "articleBody", 11) == 0;
}

/* 0: not boilerplate; 1: likely (sidebars, headers, widgets: a wrapper
 * of the whole page may carry such names); 2: surely (comments, sharing,
 * related links), kept only when it holds nearly all the text. */
static int junk_class(const char *ci)
{
    if (hiding_token(ci) || box_token(ci)) return 2;
    if (!any_word(ci, junk_pats)) return 0;
    if (strstr(ci, "elementor-widget") || strstr(ci, "widget_text") ||
        strstr(ci, "widget-text")) return 0;   /* page builders wrap all text */
    static const char *const hard[] = { "comment", "share", "sharing", "social",
        "cookie", "consent", "related", "newsletter", "breadcrumb", "footer",
        "byline", "credit", "copyright", "tags", "teaser", "recommend", "disqus",
        "respond", "reply", "outbrain", "taboola", "advert", "sponsor", "popup",
        "modal", "gdpr", "skip", "author-", "author_", "author__", "authorbox",
        "about-author", "about-the-author", "saboxplugin", "affiliate", "captcha",
        "brlbs", "content-blocker", "upsell", "licen", "disclaimer", "disclosure",
        "kommentar", "embed-preview", "news-letter", "relacionad", "donat", "spende",
        NULL };
    int h = any_word(ci, hard);
    /* "commentary" is an opinion piece, not comments */
    const char *cm = word_at(ci, "comment");
    if (h && cm && strncmp(cm, "commentary", 10) == 0 && !any_word(cm + 10, hard)) {
        char tmp[256];
        snprintf(tmp, sizeof tmp, "%.*s%s", (int)(cm - ci), ci, cm + 10);
        return junk_class(tmp);
    }
    /* a content word too ("article-share", "main-sidebar"): junk only
     * when it does not hold most of the page */
    if (any_of(ci, keep_pats)) return 1;
    return h ? 2 : 1;
}

/* Visible length of a text run: whitespace runs count as one. */
static void measure(const char *s, size_t n, uint32_t *chars, uint32_t *commas)
{
    uint32_t c = 0, k = 0;
    int sp = 1;
    for (size_t i = 0; i < n; i++) {
        unsigned char b = (unsigned char)s[i];
        if (b == ' ' || b == '\n' || b == '\t' || b == '\r' || b == '\f') {
            if (!sp) { c++; sp = 1; }
            continue;
        }
        sp = 0;
        if ((b & 0xC0) != 0x80) c++;
        if (b == ',') k++;
    }
    *chars += c;
    *commas += k;
}

/* Trimmed, whitespace-collapsed copy. */
static char *dup_clean(const char *s, size_t n)
{
    char *d = malloc(n + 1);
    if (!d) return NULL;
    size_t o = 0;
    int sp = 1;
    for (size_t i = 0; i < n; i++) {
        unsigned char b = (unsigned char)s[i];
        if (isspace(b)) { if (!sp) { d[o++] = ' '; sp = 1; } continue; }
        d[o++] = (char)b; sp = 0;
    }
    while (o && d[o - 1] == ' ') o--;
    d[o] = 0;
    return d;
}

static void set_field(char **slot, int *rank, int r, const char *v, size_t n)
{
    if (!v || !n) return;
    if (*slot && rank && *rank <= r) return;
    if (*slot && !rank) return;
    char *d = dup_clean(v, n);
    if (!d) return;
    if (!*d) { free(d); return; }
    free(*slot);
    *slot = d;
    if (rank) *rank = r;
}

/* YYYY-MM-DD from an ISO-ish date string, or 0. */
static int iso_date(const char *v, size_t n, char out[11])
{
    size_t i = 0;
    while (i < n && isspace((unsigned char)v[i])) i++;
    if (n - i < 10) return 0;
    const char *p = v + i;
    for (int k = 0; k < 10; k++) {
        if (k == 4 || k == 7) { if (p[k] != '-' && p[k] != '/' && p[k] != '.') return 0; }
        else if (!isdigit((unsigned char)p[k])) return 0;
    }
    int mo = (p[5] - '0') * 10 + (p[6] - '0'), d = (p[8] - '0') * 10 + (p[9] - '0');
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || p[0] < '1' || p[0] > '2') return 0;
    if (n - i > 10 && isdigit((unsigned char)p[10])) return 0;
    memcpy(out, p, 10);
    out[4] = out[7] = '-';
    out[10] = 0;
    return 1;
}

static void set_date(ctx *c, int r, const char *v, size_t n)
{
    char d[11];
    if (!v || !iso_date(v, n, d)) return;
    set_field(&c->date, &c->date_rank, r, d, 10);
}

/* /2012/05/31/ in a URL */
static void date_from_url(ctx *c, const char *u)
{
    if (!u) return;
    for (const char *p = u; *p; p++) {
        if (p[0] != '/' || !isdigit((unsigned char)p[1])) continue;
        const char *q = p + 1;
        if (isdigit((unsigned char)q[1]) && isdigit((unsigned char)q[2]) &&
            isdigit((unsigned char)q[3]) && (q[4] == '/' || q[4] == '-') &&
            isdigit((unsigned char)q[5]) && isdigit((unsigned char)q[6]) &&
            (q[7] == '/' || q[7] == '-') && isdigit((unsigned char)q[8]) &&
            isdigit((unsigned char)q[9])) {
            char d[11] = { q[0], q[1], q[2], q[3], '-', q[5], q[6], '-', q[8], q[9], 0 };
            set_date(c, 90, d, 10);
            return;
        }
    }
}

/* ---- JSON-LD ---- */

static const char *jstr(json_t *o, const char *k)
{
    json_t *v = json_object_get(o, k);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

static void jsonld_walk(ctx *c, json_t *j, int depth)
{
    if (depth > 6 || !j) return;
    if (json_is_array(j)) {
        size_t i; json_t *v;
        json_array_foreach(j, i, v) jsonld_walk(c, v, depth + 1);
        return;
    }
    if (!json_is_object(j)) return;
    const char *s;
    if ((s = jstr(j, "datePublished"))) set_date(c, 10, s, strlen(s));
    else if ((s = jstr(j, "dateCreated"))) set_date(c, 30, s, strlen(s));
    if ((s = jstr(j, "headline"))) set_field(&c->title, &c->title_rank, 20, s, strlen(s));
    json_t *p = json_object_get(j, "publisher");
    if (json_is_object(p) && (s = jstr(p, "name")))
        set_field(&c->publisher, &c->pub_rank, 20, s, strlen(s));
    else if (json_is_string(p))
        set_field(&c->publisher, &c->pub_rank, 20, json_string_value(p),
                  strlen(json_string_value(p)));
    jsonld_walk(c, json_object_get(j, "@graph"), depth + 1);
    jsonld_walk(c, json_object_get(j, "mainEntity"), depth + 1);
}

static void jsonld(ctx *c, myhtml_tree_node_t *script)
{
    size_t tl;
    const char *t = attr(script, "type", &tl);
    if (!t || tl < 19 || strncasecmp(t, "application/ld+json", 19) != 0) return;
    myhtml_tree_node_t *ch = myhtml_node_child(script);
    if (!ch) return;
    size_t n;
    const char *s = myhtml_node_text(ch, &n);
    if (!s || !n || n > (1u << 22)) return;
    json_error_t err;
    json_t *j = json_loadb(s, n, 0, &err);
    if (!j) return;
    jsonld_walk(c, j, 0);
    json_decref(j);
}

/* ---- metadata from meta, link, title, time, html ---- */

static void meta_tag(ctx *c, myhtml_tree_node_t *n, int tag)
{
    size_t kl = 0, vl = 0;
    const char *k, *v;
    if (tag == MyHTML_TAG_HTML || tag == MyHTML_TAG_BODY) {
        if ((v = attr(n, "lang", &vl)) || (v = attr(n, "xml:lang", &vl)))
            set_field(&c->lang, NULL, 0, v, vl);
        return;
    }
    if (tag == MyHTML_TAG_LINK) {
        if ((k = attr(n, "rel", &kl)) && kl == 9 && strncasecmp(k, "canonical", 9) == 0 &&
            (v = attr(n, "href", &vl)))
            set_field(&c->url, &c->url_rank, 10, v, vl);
        return;
    }
    if (tag == MyHTML_TAG_TIME) {
        if ((v = attr(n, "datetime", &vl))) {
            size_t pl;
            const char *ip = attr(n, "itemprop", &pl);
            int pub = (ip && pl >= 13 && strncasecmp(ip, "datePublished", 13) == 0) ||
                      (attr(n, "pubdate", &pl) != NULL);
            set_date(c, pub ? 15 : 60, v, vl);
        }
        return;
    }
    if (tag != MyHTML_TAG_META) return;
    v = attr(n, "content", &vl);
    if (!v) return;
    if (!(k = attr(n, "property", &kl)) && !(k = attr(n, "name", &kl)) &&
        !(k = attr(n, "itemprop", &kl)) && !(k = attr(n, "http-equiv", &kl)))
        return;
    char key[64];
    if (kl >= sizeof key) return;
    for (size_t i = 0; i < kl; i++) key[i] = (char)tolower((unsigned char)k[i]);
    key[kl] = 0;
    if (!strcmp(key, "og:title")) set_field(&c->title, &c->title_rank, 10, v, vl);
    else if (!strcmp(key, "twitter:title")) set_field(&c->title, &c->title_rank, 25, v, vl);
    else if (!strcmp(key, "og:url")) set_field(&c->url, &c->url_rank, 20, v, vl);
    else if (!strcmp(key, "og:site_name")) set_field(&c->publisher, &c->pub_rank, 10, v, vl);
    else if (!strcmp(key, "application-name") || !strcmp(key, "publisher") ||
             !strcmp(key, "dc.publisher"))
        set_field(&c->publisher, &c->pub_rank, 30, v, vl);
    else if (!strcmp(key, "article:published_time") || !strcmp(key, "datepublished") ||
             !strcmp(key, "og:published_time") || !strcmp(key, "published_time"))
        set_date(c, 12, v, vl);
    else if (!strcmp(key, "date") || !strcmp(key, "pubdate") || !strcmp(key, "publishdate") ||
             !strcmp(key, "publish-date") || !strcmp(key, "dc.date") ||
             !strcmp(key, "dc.date.issued") || !strcmp(key, "dcterms.date") ||
             !strcmp(key, "sailthru.date") || !strcmp(key, "parsely-pub-date") ||
             !strcmp(key, "article.published") || !strcmp(key, "date.release") ||
             !strcmp(key, "dc.date.created") || !strcmp(key, "dcterms.created"))
        set_date(c, 20, v, vl);
    else if (!strcmp(key, "article:modified_time") || !strcmp(key, "last-modified") ||
             !strcmp(key, "datemodified"))
        set_date(c, 70, v, vl);
    else if (!strcmp(key, "content-language") || !strcmp(key, "og:locale") ||
             !strcmp(key, "language") || !strcmp(key, "dc.language"))
        set_field(&c->lang, NULL, 0, v, vl);
}

/* ---- pass 1: measure ---- */

static int push_el(ctx *c, myhtml_tree_node_t *node, int parent, int tag)
{
    if (c->n == tl_elcap) {
        size_t nc = tl_elcap ? tl_elcap * 2 : 4096;
        el *ne = realloc(tl_el, nc * sizeof *ne);
        if (!ne) { c->oom = 1; return -1; }
        tl_el = ne; tl_elcap = nc;
        c->e = tl_el;
    }
    el *e = &c->e[c->n];
    memset(e, 0, sizeof *e);
    e->node = node;
    e->parent = parent;
    e->tag = tag;
    myhtml_node_set_data(node, (void *)(uintptr_t)(c->n + 1));
    return (int)c->n++;
}

static int hidden(myhtml_tree_node_t *n)
{
    size_t l;
    const char *s;
    if (myhtml_attribute_by_key(n, "hidden", 6)) return 1;
    if ((s = attr(n, "aria-hidden", &l)) && l == 4 && !strncasecmp(s, "true", 4)) return 1;
    if ((s = attr(n, "style", &l)) && l >= 12) {
        for (size_t i = 0; i + 7 <= l; i++)
            if (!strncasecmp(s + i, "display", 7)) {
                size_t j = i + 7;
                while (j < l && (s[j] == ' ' || s[j] == ':')) j++;
                if (j + 4 <= l && !strncasecmp(s + j, "none", 4)) return 1;
            }
    }
    return 0;
}

static void pass1(ctx *c, myhtml_tree_node_t *doc)
{
    myhtml_tree_node_t *n = myhtml_node_child(doc);
    int pi = -1;
    char ci[256];
    size_t cl;
    if (++tl_page == 0) tl_page = 1;   /* 0 marks an empty memo slot */
    while (n && !c->oom) {
        int tag = (int)myhtml_node_tag_id(n);
        int descend = 0;
        if (tag == MyHTML_TAG__TEXT) {
            if (pi >= 0 && !(c->e[pi].flags & F_SKIP)) {
                size_t len;
                const char *s = myhtml_node_text(n, &len);
                if (s && len) {
                    uint32_t ch = 0, cm = 0;
                    measure(s, len, &ch, &cm);
                    el *p = &c->e[pi];
                    p->text += ch;
                    if (p->flags & F_LINK) p->links += ch;
                    int b = pi;
                    while (b >= 0 && !(c->e[b].flags & F_BLOCK)) b = c->e[b].parent;
                    if (b >= 0) {
                        c->e[b].inl += ch; c->e[b].icommas += cm;
                        if (p->flags & F_LINK) c->e[b].ilinks += ch;
                    }
                }
            }
        } else if (tag != MyHTML_TAG__COMMENT && tag != MyHTML_TAG__DOCTYPE) {
            int idx = push_el(c, n, pi, tag);
            if (idx < 0) break;
            el *e = &c->e[idx];
            if (pi >= 0 && (c->e[pi].flags & F_LINK)) e->flags |= F_LINK;
            if (tag == MyHTML_TAG_A) e->flags |= F_LINK;
            if (!is_inline(tag)) e->flags |= F_BLOCK;
            meta_tag(c, n, tag);
            if (tag == MyHTML_TAG_SCRIPT) jsonld(c, n);
            else if (tag == MyHTML_TAG_TITLE) {
                myhtml_tree_node_t *t = myhtml_node_child(n);
                size_t tl;
                const char *s = t ? myhtml_node_text(t, &tl) : NULL;
                if (s) set_field(&c->title, &c->title_rank, 40, s, tl);
            }
            if (is_hard_tag(tag) || (pi >= 0 && (c->e[pi].flags & F_SKIP))) {
                e->flags |= F_SKIP;
            } else if (tag != MyHTML_TAG_BODY && tag != MyHTML_TAG_HTML) {
                if (hidden(n)) e->flags |= F_SKIP;
                else if (is_junk_tag(tag)) e->flags |= F_JUNK | F_HARD;
                else if (body_prop(n)) e->flags |= F_SEM;
                else if ((cl = class_id(n, ci, sizeof ci))) {
                    uint64_t h = 1469598103934665603ULL;
                    for (size_t k = 0; k < cl; k++) h = (h ^ (unsigned char)ci[k]) * 1099511628211ULL;
                    class_memo *m = &tl_memo[h & 1023];
                    if (m->page != tl_page || m->h != h) {
                        m->page = tl_page; m->h = h;
                        m->junk = (int8_t)junk_class(ci);
                        m->weight = (int16_t)((any_of(ci, neg_pats) ? -25 : 0) +
                                              (any_of(ci, pos_pats) ? 25 : 0));
                        m->sem = (int8_t)any_word(ci, body_pats);
                        m->tease = word_at(ci, "teaser") != NULL;
                    }
                    if (m->sem) e->flags |= F_SEM;
                    if (m->tease) e->flags |= F_TEASE;
                    int j = m->junk;
                    if (j == 2 && (tag == MyHTML_TAG_MAIN || tag == MyHTML_TAG_ARTICLE)) j = 1;
                    if (j) e->flags |= F_JUNK | (j == 2 ? F_HARD : 0);
                    else e->weight = m->weight;
                }
            }
            /* metadata tags in skipped parts (head) still matter: descend
             * into head, nothing below it counts as text */
            descend = myhtml_node_child(n) != NULL &&
                      (!(e->flags & F_SKIP) || tag == MyHTML_TAG_HEAD);
            if (descend) { pi = idx; n = myhtml_node_child(n); continue; }
        }
        /* next sibling, or climb, closing elements on the way */
        while (n) {
            myhtml_tree_node_t *nx = myhtml_node_next(n);
            if (nx) { n = nx; break; }
            n = myhtml_node_parent(n);
            if (!n || n == doc || pi < 0) { n = NULL; break; }
            el *e = &c->e[pi];
            int pp = e->parent;
            if (pp >= 0 && !(e->flags & F_SKIP)) {
                c->e[pp].text += e->text;
                c->e[pp].links += e->links;
            }
            pi = pp;
        }
    }
}

/* ---- scoring ---- */

static int is_heading(int t)
{
    return t == MyHTML_TAG_H1 || t == MyHTML_TAG_H2 || t == MyHTML_TAG_H3 ||
           t == MyHTML_TAG_H4 || t == MyHTML_TAG_H5 || t == MyHTML_TAG_H6;
}

/* Value of a block's own text: long plain text counts for the block,
 * link text against it; lines under 80 characters (labels, dates,
 * menu entries) are no evidence either way. */
static float own_value(const el *e, int short_ok)
{
    float L = (float)e->inl, K = (float)e->ilinks;
    if (e->inl == 0) return 0;
    if (K * 2 > L) return -L;
    if (e->inl < 80 && !short_ok) return -K;
    return L - 3 * K;
}

/* The container whose subtree holds the most content value: a maximum
 * weight subtree, so boilerplate between article parts costs little and
 * boilerplate around them is left out. */
/* Subtree sums of own_value; junk subtrees count for nothing upwards
 * unless junk_counts; with positive_only, only content adds (to find
 * where the page's text mass sits). */
static void subtree_values(ctx *c, int junk_counts, int positive_only, int short_ok)
{
    el *e = c->e;
    for (size_t i = 0; i < c->n; i++) e[i].score = 0;
    for (size_t i = c->n; i-- > 0;) {
        if (e[i].flags & F_SKIP) continue;
        float v = own_value(&e[i], short_ok);
        e[i].score += positive_only && v < 0 ? 0 : v;
        if (e[i].parent >= 0 && (junk_counts || !(e[i].flags & F_JUNK)))
            e[e[i].parent].score += e[i].score;
    }
}

static int text_block(int t)
{
    return t == MyHTML_TAG_P || is_heading(t) || t == MyHTML_TAG_BLOCKQUOTE ||
           t == MyHTML_TAG_PRE || t == MyHTML_TAG_LI || t == MyHTML_TAG_DD ||
           t == MyHTML_TAG_DT || t == MyHTML_TAG_FIGCAPTION || t == MyHTML_TAG_ADDRESS ||
           is_inline(t);
}

/* Whether a is b or one of b's ancestors. */
static int is_ancestor(const ctx *c, int a, int b)
{
    for (int k = b; k >= 0; k = c->e[k].parent)
        if (k == a) return 1;
    return 0;
}

static int pick(ctx *c)
{
    el *e = c->e;
    /* boilerplate by class or tag is dropped, unless it is a wrapper
     * holding most of the page's text (nearly all of it for sure junk) */
    subtree_values(c, 1, 1, 0);
    float top = 0;
    for (size_t i = 0; i < c->n; i++)
        if (!(e[i].flags & F_SKIP) && e[i].score > top) top = e[i].score;
    for (size_t i = 0; i < c->n; i++)
        if ((e[i].flags & F_JUNK) &&
            e[i].score > ((e[i].flags & F_HARD) ? 0.9f : 0.5f) * top)
            e[i].flags &= (uint8_t)~F_JUNK;
    for (size_t i = 0; i < c->n; i++)
        if ((e[i].flags & F_JUNK) || (e[i].parent >= 0 && (e[e[i].parent].flags & F_SKIP)))
            e[i].flags |= F_SKIP;
    int best = -1;
    float bs = 0;
    /* no paragraph of 80+ characters anywhere (short posts, recipes):
     * short lines count as text too */
    for (int short_ok = 0; short_ok < 2 && bs <= 0; short_ok++) {
        subtree_values(c, 0, 0, short_ok);
        best = -1;
        for (size_t i = 0; i < c->n; i++) {
            if ((e[i].flags & F_SKIP) || !(e[i].flags & F_BLOCK)) continue;
            float sc = e[i].score;
            if (e[i].weight > 0) sc *= 1.1f;
            else if (e[i].weight < 0) sc *= 0.8f;
            if (best < 0 || sc >= bs) { best = (int)i; bs = sc; }
        }
    }
    /* one paragraph is never the article: its container is, even when
     * link lines around it cost more than the paragraph is worth */
    while (best >= 0 && e[best].parent >= 0 && text_block(e[best].tag)) best = e[best].parent;
    /* a container named as the article body (entry-content, articleBody)
     * wins over an unrelated pick (short posts and link-rich posts score
     * low, sidebars of long teasers high) and over a part of itself that
     * holds less than half its text (tables, short lines) */
    for (size_t i = 0; i < c->n; i++) e[i].tv = 0;
    for (size_t i = c->n; i-- > 0;) {
        if (e[i].flags & F_SKIP) continue;
        e[i].tv += (float)e[i].inl - 2.0f * (float)e[i].ilinks;
        if (e[i].parent >= 0) e[e[i].parent].tv += e[i].tv;
    }
    int sem = -1;
    float sv = 0;
    for (size_t i = 0; i < c->n; i++)
        if ((e[i].flags & F_SEM) && !(e[i].flags & F_SKIP) && e[i].tv > sv) {
            sem = (int)i;
            sv = e[i].tv;
        }
    if (sem < 0 || sv < 50 || best < 0 || is_ancestor(c, best, sem)) return best;
    int bt = e[best].tag;
    float thr = bt == MyHTML_TAG_UL || bt == MyHTML_TAG_OL || bt == MyHTML_TAG_TABLE ||
                bt == MyHTML_TAG_TBODY || bt == MyHTML_TAG_TD ? 0.1f : 0.3f;
    if (is_ancestor(c, sem, best) ? e[best].tv < 0.5f * sv
                                  : bs <= 0 || sv >= thr * e[best].tv)
        best = sem;
    return best;
}

/* ---- pass 2: write paragraphs ---- */

static int put(ctx *c, const char *s, size_t n)
{
    if (c->olen + n + 1 > c->ocap) {
        size_t nc = c->ocap ? c->ocap : 4096;
        while (nc < c->olen + n + 1) nc *= 2;
        char *no = realloc(c->out, nc);
        if (!no) { c->oom = 1; return -1; }
        c->out = no; c->ocap = nc;
    }
    memcpy(c->out + c->olen, s, n);
    c->olen += n;
    return 0;
}

/* Appends text collapsing whitespace; NBSP counts as space, soft hyphens
 * and zero-width spaces vanish. */
static void put_text(ctx *c, const char *s, size_t n, int inlink)
{
    size_t before = c->olen;
    for (size_t i = 0; i < n; i++) {
        unsigned char b = (unsigned char)s[i];
        int sp = b == ' ' || b == '\n' || b == '\t' || b == '\r' || b == '\f';
        if (b == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0) { sp = 1; i++; }
        else if (b == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xAD) { i++; continue; }
        else if (b == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
                 (unsigned char)s[i + 2] == 0x8B) { i += 2; continue; }
        if (sp) {
            if (c->olen > c->pstart && c->out[c->olen - 1] != ' ' && c->out[c->olen - 1] != '\n')
                put(c, " ", 1);
            continue;
        }
        put(c, (const char *)&s[i], 1);
    }
    if (inlink) c->plinks += c->olen - before;
}

/* Lead-ins of lines that are page furniture, not text: teaser links,
 * credits, contact lines, bylines (checked on short paragraphs only). */
static const char *const furniture[] = {
    "read more", "read also", "see also", "related:", "more:", "lesen sie auch",
    "lesen sie mehr", "lesen sie hier", "mehr zum thema", "mehr dazu", "mehr themen",
    "mehr zu", "auch interessant", "das könnte", "schon gelesen", "weiterlesen",
    "zum artikel", "lea también", "lea más", "lea:", "lee también", "leia também",
    "lire aussi", "à lire aussi", "a lire aussi", "czytaj też", "czytaj także",
    "zobacz też", "zobacz także", "advertisement", "anzeige", "werbung", "foto:",
    "fotos:", "bild:", "bilder:", "photo:", "photos:", "image:", "quelle:",
    "source:", "credit:", "tel.:", "tel:", "telefon:", "fax:", "e-mail:", "email:",
    "aktualisiert", "updated", "publikation:", "veröffentlicht", "published",
    "opublikowano", "erschienen in", "teilen", "share", "drucken", "print",
    "kommentare", "kommentieren", "comments", "newsletter", "abonnieren",
    "subscribe", "follow us", "folgen sie", "tags:", "schlagworte", "schlagwörter",
    "themen:", "kategorie:", "category:", "categories:", "autor:", "author:",
    "text:", "redaktion", "copyright", "©", "(c)", "alle rechte",
    "all rights", "top themen", "unterstütze", "support us", "cookie", "datenschutz", "impressum", "kontakt",
    "permalink", "permalien", "bild anzeigen", "rezept drucken", "zum weiterlesen",
    "keine kommentare", "veröffentlichung", "publiziert", "video verfügbar",
    "scroll to", "to view the full story", "mit unserem newsletter", "never miss",
    "wenn ihnen", "if you enjoyed", "we want to hear", "suggested citation",
    "zusatzinformationen", "ihr ansprechpartner", "pressesprecher", "pressekontakt",
    "asked ", "kommende ", "unsere partner", "alle artikel", "alle beiträge",
    "alle blogbeiträge", "ähnliche", "was sind cookies", "photograph: ",
    "photograph by", "imagen: ", "(crédito", "crédito:", "symbolbild",
    "sie müssen sich", "you must be logged", "melden sie sich", "anmelden",
    "registrieren", "abonnement", "jetzt abonnieren", "vea también",
    "puedes ver", "mira también", "leer más", "auch lesen", "auch auf ", "reklama",
    "publicidad", "pubblicità", "publicité", "źródło", "fuente:", "quellen",
    "quellenangaben", "kuva:", "crédits", "credits", "bildquelle", "titelbild",
    "beitragsbild", "image illustrative", "bild via", "letzte änderung",
    "zuletzt aktualisiert", "stand:", "publikacja", "ultima modifica", "last updated",
    "wie bewerten sie", "bewerten sie", "war dieser artikel", "was this article",
    "diesen artikel teilen", "artikel teilen", "den artikel", "lesezeit", "min. lesezeit",
    "minuten lesezeit", "reading time", "gefällt dir", "gefällt ihnen", "jede kleine spende",
    "spenden sie", "unterstützen sie", "sie lesen gern", "hat ihnen", "did you enjoy",
    "did you like", "enjoyed this", "liked this", "vorschau auf", "hier geht es zu",
    "hier geht's zu", "hier geht’s zu", "kennt ihr schon", "kennen sie schon",
    "le puede interesar", "te puede interesar", "diskutieren sie mit", "autoren:",
    "autorin:", "authors:", NULL
};
/* Generic first words that mark furniture only in a very short line
 * ("Von Erika Muster", "Weitere Artikel", "Jetzt bestellen"). */
static const char *const furniture_short[] = {
    "von ", "by ", "weitere ", "jetzt ", "hier ", "abo ", "mehr ", "more ",
    "alle ", "zur ", "zum ", "zu den ", NULL
};

/* Headings that open a section of related links, comments or promotions:
 * the rest of their container is left out. */
static const char *const cut_heads[] = {
    "mehr zum thema", "auch interessant", "das könnte", "könnte sie auch",
    "könnte dich auch", "schon gelesen", "weitere artikel", "weitere beiträge",
    "weitere nachrichten", "weitere themen", "ähnliche", "verwandte", "empfehlungen",
    "top themen", "meistgelesen", "beliebt", "related", "read more", "more from",
    "more stories", "you may also", "you might also", "recommended", "most popular",
    "most read", "trending", "kommentare", "comments", "leave a reply",
    "leave a comment", "schreibe einen kommentar", "kommentar schreiben",
    "diskussion", "newsletter", "tags", "schlagw",
    "über den autor", "about the author", "zum autor", "lea también",
    "lee también", "noticias relacionadas", "czytaj też", "czytaj także",
    "polecamy", "à lire aussi", "lire aussi", "sur le même sujet",
    "dans la même rubrique", "articles similaires", "vous aimerez",
    "leia também", "mehr themen", "aktuelle nachrichten", "aktuelle artikel",
    "aktuelle beiträge", "neueste artikel", "neueste beiträge", "latest news",
    "latest stories", "latest posts", "latest articles", "sie könnten auch",
    "das könnte", "dazu passend", "passend dazu", "weitere informationen zum",
    "teilnehmende", "kommentar verfassen", "antwort hinterlassen", "temas relacionados",
    "notas relacionadas", "noticias relacionadas", "le puede interesar",
    "te puede interesar", "lust auf mehr", "articles liés",
    "à lire également", "zobacz również", "czytaj również", "weiterführende",
    "über diese reihe", "über den autor", "über die autorin", "about the author", NULL
};

/* Lower-cases ASCII and the Latin-1 capitals (Ä, Ö, Ü, É, ...) of a
 * short prefix, so lead-ins compare without case. */
static size_t fold_prefix(const char *s, size_t n, char *out, size_t cap)
{
    size_t o = 0;
    for (size_t i = 0; i < n && o + 1 < cap; i++) {
        unsigned char b = (unsigned char)s[i];
        if (b == 0xC3 && i + 1 < n && o + 2 < cap) {
            unsigned char d = (unsigned char)s[i + 1];
            out[o++] = (char)b;
            out[o++] = (char)(d >= 0x80 && d <= 0x9E && d != 0x97 ? d + 0x20 : d);
            i++;
            continue;
        }
        out[o++] = (char)tolower(b);
    }
    out[o] = 0;
    return o;
}

static int starts_ci(const char *s, size_t n, const char *const *pats)
{
    char f[96];
    size_t fl = fold_prefix(s, n < 80 ? n : 80, f, sizeof f);
    for (; *pats; pats++) {
        size_t l = strlen(*pats);
        if (l <= fl && memcmp(f, *pats, l) == 0) return 1;
    }
    return 0;
}

/* Teasers end in a "more" link: "… mehr", "weiterlesen", "read more". */
static int teaser_end(const char *s, size_t n)
{
    static const char *const ends[] = { "mehr \xe2\x80\xa2\xe2\x80\xa2\xe2\x80\xa2",
        "\xe2\x80\xa6 mehr", "... mehr", "mehr \xc2\xbb", "weiterlesen", "read more",
        "mehr lesen", "more \xc2\xbb", "[\xe2\x80\xa6]", "[...]", "lesen sie mehr",
        "zum artikel", NULL };
    char f[96];
    size_t from = n > 40 ? n - 40 : 0;
    while (from < n && ((unsigned char)s[from] & 0xC0) == 0x80) from++;
    size_t fl = fold_prefix(s + from, n - from, f, sizeof f);
    for (int i = 0; ends[i]; i++) {
        size_t l = strlen(ends[i]);
        if (l <= fl && memcmp(f + fl - l, ends[i], l) == 0) return 1;
    }
    return 0;
}

static int strstr_n(const char *s, size_t n, const char *w)
{
    size_t l = strlen(w);
    for (size_t i = 0; i + l <= n; i++)
        if (memcmp(s + i, w, l) == 0) return 1;
    return 0;
}

/* A line that is only a date or time ("23.10.2018", "12. März 2021,
 * 08:30 Uhr", "Updated Jan 5, 2022"): a year, few letters. */
static int date_line(const char *s, size_t n)
{
    size_t letters = 0, year = 0, words = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char b = (unsigned char)s[i];
        int al = isalpha(b) || b >= 0x80;
        if (al && (b & 0xC0) != 0x80) letters++;
        if (al && (i == 0 || !(isalpha((unsigned char)s[i - 1]) || (unsigned char)s[i - 1] >= 0x80)))
            words++;
        if (i + 4 <= n && (s[i] == '1' || s[i] == '2') && (s[i + 1] == '9' || s[i + 1] == '0') &&
            isdigit((unsigned char)s[i + 2]) && isdigit((unsigned char)s[i + 3]) &&
            (i == 0 || !isdigit((unsigned char)s[i - 1])) &&
            (i + 4 == n || !isdigit((unsigned char)s[i + 4])))
            year = 1;
    }
    /* "Termin: 29.02.2020" is information, "+49 30 2012" a phone number */
    return year && letters <= 14 && words <= 2 && !memchr(s, '+', n) &&
           !strstr_n(s, n, ": ");
}

static size_t count_ci(const char *s, size_t n, const char *const *words)
{
    size_t k = 0;
    for (; *words; words++) {
        size_t l = strlen(*words);
        for (size_t i = 0; i + l <= n; i++)
            if (tolower((unsigned char)s[i]) == (*words)[0] &&
                strncasecmp(s + i, *words, l) == 0) { k++; break; }
    }
    return k;
}

/* Short appeals to follow, subscribe or share: two social networks
 * named, or a subscription word ("Follow us on Twitter and Facebook",
 * "Abonnieren Sie unseren Newsletter"). */
static int call_to_action(const char *s, size_t n)
{
    static const char *const nets[] = { "twitter", "facebook", "instagram", "telegram",
        "youtube", "whatsapp", "linkedin", "tiktok", "pinterest", "mastodon", NULL };
    static const char *const subs[] = { "newsletter", "abonnier", "subscribe",
        "suscríbete", "suscribete", "subskrypc", "abonnez", "sign up for", "melde dich an",
        "jetzt anmelden", "jetzt registrieren", NULL };
    return count_ci(s, n, nets) >= 2 || count_ci(s, n, subs) >= 1;
}

/* Closes the open paragraph; 1 when it was a heading that cuts the rest
 * of its container. */
static int flush(ctx *c)
{
    while (c->olen > c->pstart && (c->out[c->olen - 1] == ' ' || c->out[c->olen - 1] == '\n'))
        c->olen--;
    size_t len = c->olen - c->pstart;
    const char *p = c->out + c->pstart;
    int drop = len == 0, cut = 0;
    /* link lines: in lists, cells and divs at 60% links, in paragraphs
     * when short and nearly all link */
    if (!drop && c->plinks * 10 > len * 6 &&
        (c->ptag == MyHTML_TAG_LI || c->ptag == MyHTML_TAG_TD || c->ptag == MyHTML_TAG_DD ||
         c->ptag == MyHTML_TAG_DT || c->ptag == MyHTML_TAG_DIV || is_heading(c->ptag) ||
         c->ptag == MyHTML_TAG_SPAN || len < 40 || (len < 160 && c->plinks * 10 > len * 8)))
        drop = 1;
    if (!drop && len < 120 && starts_ci(p, len, furniture)) drop = 1;
    if (!drop && len < 50 && starts_ci(p, len, furniture_short)) drop = 1;
    if (!drop && len < 300 && teaser_end(p, len)) drop = 1;
    if (!drop && len < 48 && c->ptag != MyHTML_TAG_TD && c->ptag != MyHTML_TAG_TH &&
        c->ptag != MyHTML_TAG_LI && c->ptag != MyHTML_TAG_DD && !is_heading(c->ptag) &&
        date_line(p, len))
        drop = 1;
    if (!drop && len < 200 && call_to_action(p, len)) drop = 1;
    /* a few words in a div of their own: labels, dates, buttons */
    if (!drop && len < 40 && (c->ptag == MyHTML_TAG_DIV || c->ptag == MyHTML_TAG_SPAN ||
                               c->ptag == MyHTML_TAG_SECTION || c->ptag == MyHTML_TAG_A) &&
        !memchr(p, '.', len) && !memchr(p, ':', len))
        drop = 1;
    /* a heading, or a label of its own (not a link line "Read more: ...") */
    if (len && len < 80 && (is_heading(c->ptag) || ((c->ptag == MyHTML_TAG_DIV ||
                            c->ptag == MyHTML_TAG_P) && c->plinks == 0)) &&
        starts_ci(p, len, cut_heads)) {
        drop = 1;
        cut = 1;
    }
    if (drop) c->olen = c->pstart;
    else put(c, "\n\n", 2);
    c->pstart = c->olen;
    c->plinks = 0;
    return cut;
}

static int open_block(ctx *c, int tag)
{
    int cut = 0;
    if (c->olen > c->pstart) cut = flush(c);
    c->ptag = tag;
    return cut;
}

/* Whether a container inside the article is a link farm or list of
 * teasers rather than text. */
static int drop_container(const el *e)
{
    if (e->text == 0) return 0;
    /* a teaser with a link points at another article; one without is
     * the standfirst */
    if ((e->flags & F_TEASE) && e->links > 0 && e->text < 500) return 1;
    switch (e->tag) {
    case MyHTML_TAG_UL: case MyHTML_TAG_OL: case MyHTML_TAG_DIV:
    case MyHTML_TAG_SECTION: case MyHTML_TAG_TABLE: case MyHTML_TAG_DL:
    case MyHTML_TAG_HEADER:
        return e->links * 2 > e->text;
    default:
        return 0;
    }
}

static void pass2(ctx *c, int root)
{
    el *e = c->e;
    myhtml_tree_node_t *top = e[root].node, *n = top;
    int first = 1;
    while (n && !c->oom) {
        int tag = (int)myhtml_node_tag_id(n);
        int descend = 0;
        if (tag == MyHTML_TAG__TEXT) {
            myhtml_tree_node_t *par = myhtml_node_parent(n);
            int pi = par ? (int)(uintptr_t)myhtml_node_get_data(par) - 1 : -1;
            size_t len;
            const char *s = myhtml_node_text(n, &len);
            if (s && pi >= 0) put_text(c, s, len, (e[pi].flags & F_LINK) != 0);
        } else if (tag == MyHTML_TAG_BR) {
            if (c->olen > c->pstart && c->out[c->olen - 1] != '\n') {
                if (c->out[c->olen - 1] == ' ') c->olen--;
                put(c, "\n", 1);
            }
        } else {
            int idx = (int)(uintptr_t)myhtml_node_get_data(n) - 1;
            if (idx >= 0 && !(e[idx].flags & F_SKIP) &&
                (first || !drop_container(&e[idx]))) {
                if ((e[idx].flags & F_BLOCK) && open_block(c, tag) && n != top) {
                    n = myhtml_node_parent(n);     /* skip the rest here */
                    first = 0;
                    goto climb;
                }
                descend = myhtml_node_child(n) != NULL;
            }
        }
        first = 0;
        if (descend) { n = myhtml_node_child(n); continue; }
climb:
        while (n) {
            if (n == top) { n = NULL; break; }
            myhtml_tree_node_t *nx = myhtml_node_next(n);
            if (nx) { n = nx; break; }
            n = myhtml_node_parent(n);
            if (n) {
                int idx = (int)(uintptr_t)myhtml_node_get_data(n) - 1;
                /* a cutting heading closed here: leave its container */
                if (idx >= 0 && (e[idx].flags & F_BLOCK) && open_block(c, e[idx].tag) &&
                    n != top)
                    n = myhtml_node_parent(n);
            }
        }
    }
    open_block(c, 0);
}

/* ---- encoding ---- */

static int valid_utf8(const unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned char b = s[i];
        if (b < 0x80) { i++; continue; }
        size_t k = (b >= 0xC2 && b <= 0xDF) ? 1 : (b >= 0xE0 && b <= 0xEF) ? 2 :
                   (b >= 0xF0 && b <= 0xF4) ? 3 : 0;
        if (!k) return 0;
        if (i + k >= n) return 1;           /* cut at the end: fine */
        for (size_t j = 1; j <= k; j++)
            if ((s[i + j] & 0xC0) != 0x80) return 0;
        i += k + 1;
    }
    return 1;
}

static int utf16(myencoding_t e)
{
    return e == MyENCODING_UTF_16LE || e == MyENCODING_UTF_16BE;
}

/* UTF-16 to UTF-8 with glibc's iconv; a broken code unit becomes U+FFFD.
 * NULL when out of memory. (libmodest's own UTF-16 path swaps BE and LE,
 * keeps the byte order mark and crashes on a second UTF-16 page.) */
static char *utf16_to_utf8(const char *s, size_t n, int be, size_t *out_len)
{
    iconv_t cd = iconv_open("UTF-8", be ? "UTF-16BE" : "UTF-16LE");
    if (cd == (iconv_t)-1)
        return NULL;
    size_t cap = (n / 2 + 1) * 3 + 1;   /* a unit gives at most 3 bytes */
    char *out = malloc(cap);
    if (!out) {
        iconv_close(cd);
        return NULL;
    }
    char *in = (char *)s, *o = out;
    size_t inleft = n, oleft = cap - 1;
    while (inleft && iconv(cd, &in, &inleft, &o, &oleft) == (size_t)-1) {
        if (errno == E2BIG || oleft < 3)
            break;
        memcpy(o, "\xEF\xBF\xBD", 3);   /* EILSEQ, EINVAL: skip one unit */
        o += 3;
        oleft -= 3;
        size_t skip = inleft < 2 ? inleft : 2;
        in += skip;
        inleft -= skip;
    }
    iconv_close(cd);
    *o = 0;
    *out_len = (size_t)(o - out);
    return out;
}

static myencoding_t pick_encoding(const char **html, size_t *len, const char *hint)
{
    myencoding_t enc = MyENCODING_NOT_DETERMINED;
    if (*len >= 3 && memcmp(*html, "\xEF\xBB\xBF", 3) == 0) {
        *html += 3; *len -= 3;
        return MyENCODING_UTF_8;
    }
    /* (UTF-16 with a byte order mark was made UTF-8 before; a UTF-16
     * declaration on bytes that read as ASCII means UTF-8, as in HTML5) */
    if (hint && *hint && myencoding_by_name(hint, strlen(hint), &enc) &&
        enc != MyENCODING_NOT_DETERMINED && !utf16(enc))
        return enc;
    enc = myencoding_prescan_stream_to_determine_encoding(*html, *len < 8192 ? *len : 8192);
    if (enc != MyENCODING_NOT_DETERMINED && enc != MyENCODING_UTF_8 &&
        enc != MyENCODING_DEFAULT && !utf16(enc))
        return enc;
    /* declared or assumed UTF-8: trust it only when the bytes agree */
    if (valid_utf8((const unsigned char *)*html, *len)) return MyENCODING_UTF_8;
    return MyENCODING_WINDOWS_1252;
}

/* ---- entry point ---- */

/* "de-DE", "en_US", "DE" -> "de"; names like "Japanese" are dropped. */
static void norm_lang(char **lp)
{
    char *l = *lp;
    if (!l) return;
    size_t i = 0;
    while (l[i] && isalpha((unsigned char)l[i])) { l[i] = (char)tolower((unsigned char)l[i]); i++; }
    if (i < 2 || i > 3 || (l[i] && l[i] != '-' && l[i] != '_' && l[i] != ',' && l[i] != ' ')) {
        free(l);
        *lp = NULL;
        return;
    }
    l[i] = 0;
}

static dyad_status extract(const char *html, size_t len, const char *charset_hint,
                           dyad_page *out);

dyad_status dyad_html_extract(const char *html, size_t len,
                              const char *charset_hint, dyad_page *out)
{
    if (!out) return DYAD_EUSAGE;
    memset(out, 0, sizeof *out);
    if (!html) return DYAD_EUSAGE;
    const unsigned char *u = (const unsigned char *)html;
    int be = len >= 2 && u[0] == 0xFE && u[1] == 0xFF;
    int le = len >= 2 && u[0] == 0xFF && u[1] == 0xFE;
    size_t bom = be || le ? 2 : 0;
    /* no byte order mark, but a transport header says UTF-16 and the bytes
     * hold NULs: believe it */
    if (!bom && charset_hint && !strncasecmp(charset_hint, "utf-16", 6) &&
        memchr(html, 0, len < 1024 ? len : 1024)) {
        be = !strcasecmp(charset_hint + 6, "be");
        le = !be;
    }
    if (!be && !le)
        return extract(html, len, charset_hint, out);
    size_t n;
    char *u8 = utf16_to_utf8(html + bom, len - bom, be, &n);
    if (!u8) return DYAD_ENOMEM;
    dyad_status rc = extract(u8, n, "utf-8", out);
    free(u8);
    return rc;
}

static dyad_status extract(const char *html, size_t len, const char *charset_hint,
                           dyad_page *out)
{
    if (!tl_html) {
        tl_html = myhtml_create();
        if (!tl_html || myhtml_init(tl_html, MyHTML_OPTIONS_PARSE_MODE_SINGLE, 1, 0) != MyHTML_STATUS_OK)
            { myhtml_destroy(tl_html); tl_html = NULL; return DYAD_ENOMEM; }
        tl_tree = myhtml_tree_create();
        if (!tl_tree || myhtml_tree_init(tl_tree, tl_html) != MyHTML_STATUS_OK) {
            myhtml_tree_destroy(tl_tree); tl_tree = NULL;
            myhtml_destroy(tl_html); tl_html = NULL;
            return DYAD_ENOMEM;
        }
    } else {
        myhtml_tree_clean(tl_tree);
    }
    myencoding_t enc = pick_encoding(&html, &len, charset_hint);
    if (myhtml_parse(tl_tree, enc, html, len) != MyHTML_STATUS_OK) return DYAD_EINPUT;
    myhtml_tree_node_t *doc = myhtml_tree_get_document(tl_tree);
    if (!doc) return DYAD_EINPUT;

    ctx c;
    memset(&c, 0, sizeof c);
    c.e = tl_el;
    c.title_rank = c.date_rank = c.url_rank = c.pub_rank = 1000;
    pass1(&c, doc);
    if (!c.oom) {
        int best = pick(&c);
        if (best < 0) {
            for (size_t i = 0; i < c.n; i++)
                if (c.e[i].tag == MyHTML_TAG_BODY) { best = (int)i; break; }
        }
        if (best >= 0) pass2(&c, best);
    }
    date_from_url(&c, c.url);
    if (c.oom) {
        free(c.out); free(c.title); free(c.date); free(c.lang); free(c.url);
        free(c.publisher);
        return DYAD_ENOMEM;
    }
    while (c.olen && (c.out[c.olen - 1] == '\n' || c.out[c.olen - 1] == ' ')) c.olen--;
    /* the cleaner drops residue (credits glued to captions, skip links) */
    char *text = malloc(c.olen + 1);
    if (!text) {
        free(c.out); free(c.title); free(c.date); free(c.lang); free(c.url);
        free(c.publisher);
        return DYAD_ENOMEM;
    }
    out->len = dyad_text_clean(c.out ? c.out : "", c.olen, text);
    out->text = text;
    free(c.out);
    norm_lang(&c.lang);
    out->title = c.title; out->date = c.date; out->lang = c.lang;
    out->url = c.url; out->publisher = c.publisher;
    return DYAD_OK;
}

void dyad_page_free(dyad_page *p)
{
    if (!p) return;
    free(p->text); free(p->title); free(p->date); free(p->lang);
    free(p->url); free(p->publisher);
    memset(p, 0, sizeof *p);
}
