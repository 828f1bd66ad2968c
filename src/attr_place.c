/* attr_place.c — location attribute. Loads a gazetteer of countries, regions
 * and cities (Debian libgeonames' 24k cities with English and German names,
 * plus our lexicons/places.txt) into one hash of names, and finds the places a
 * sentence names, marking those that a locative preposition introduces. */
#include "attr.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* GLib and libgeonames entry points, declared here because the build's CFLAGS
 * carry no GLib include path; these are stable ABI (gsize is size_t). */
typedef struct GBytes_ GBytes;
typedef struct GVariant_ GVariant;
GBytes *g_resources_lookup_data(const char *path, int flags, void **error);
const void *g_bytes_get_data(GBytes *bytes, size_t *size);
void g_bytes_unref(GBytes *bytes);
void g_error_free(void *error);
GVariant *g_variant_get_child_value(GVariant *v, size_t i);
const char *g_variant_get_string(GVariant *v, size_t *len);
void g_variant_unref(GVariant *v);
int geonames_get_n_cities(void);
GVariant *geonames_get_city(int i);
void geonames_city_free(GVariant *c);
const char *geonames_city_get_name(GVariant *c);
const char *geonames_city_get_country_code(GVariant *c);
double geonames_city_get_latitude(GVariant *c);
double geonames_city_get_longitude(GVariant *c);
unsigned geonames_city_get_population(GVariant *c);

#define GEONAMES_RESOURCE "/com/lomiri/geonames/cities.compiled"
#define MO_PATH "/usr/share/locale/%s/LC_MESSAGES/geonames.mo"
#define MAXW 6              /* words in the longest name */
#define MAXTOK 1024         /* tokens scanned per sentence */
#define MAXHIT 64           /* candidate places per sentence */
#define BARE_MIN_POP 100000 /* Debian towns below this need a preposition */

enum { PF_COUNTRY = 1, PF_REGION = 2, PF_CURATED = 4, PF_COORDS = 8,
       PF_ADJ = 16 };
enum { KF_NAME = 1, KF_PREFIX = 2, KF_AMBIG = 4, KF_DROP = 8, KF_ADJ = 16,
       KF_CURATED = 32, KF_PREP = 64, KF_PREPC = 128, KF_DESIG = 256,
       KF_WEAK = 512 };

typedef struct { float lat, lon; uint32_t pop; char cc[4]; uint8_t flags; } place_t;
typedef struct { uint32_t place, next; } link_t;
typedef struct { uint32_t off, len, hash, link; uint16_t flags; } name_t;

struct attr_gazetteer {
    char *pool; size_t pool_len, pool_cap;
    place_t *pl; size_t npl, cap_pl;
    link_t *ln; size_t nln, cap_ln;
    name_t *keys; size_t nkeys, cap_keys;
    uint32_t *slot; size_t nslot;           /* key index + 1; 0 = empty */
    char a2to3[26 * 26][4];                  /* Debian's ISO2 -> our ISO3 */
};

/* ---------------------------------------------------------------- storage */

static uint32_t hash_bytes(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

static int grow(void **p, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap) return 1;
    size_t c = *cap ? *cap : 256;
    while (c < need) c *= 2;
    void *q = realloc(*p, c * elem);
    if (!q) return 0;
    *p = q; *cap = c;
    return 1;
}

static const name_t *key_find(const attr_gazetteer *g, const char *s, size_t n)
{
    if (!g->nslot || n == 0) return NULL;
    uint32_t h = hash_bytes(s, n);
    for (size_t i = h & (g->nslot - 1);; i = (i + 1) & (g->nslot - 1)) {
        uint32_t k = g->slot[i];
        if (!k) return NULL;
        const name_t *e = &g->keys[k - 1];
        if (e->hash == h && e->len == n && memcmp(g->pool + e->off, s, n) == 0)
            return e;
    }
}

static int rehash(attr_gazetteer *g, size_t nslot)
{
    uint32_t *t = calloc(nslot, sizeof *t);
    if (!t) return 0;
    for (size_t k = 0; k < g->nkeys; k++) {
        size_t i = g->keys[k].hash & (nslot - 1);
        while (t[i]) i = (i + 1) & (nslot - 1);
        t[i] = (uint32_t)(k + 1);
    }
    free(g->slot);
    g->slot = t; g->nslot = nslot;
    return 1;
}

/* The key for s[0..n), created when absent; NULL when out of memory. */
static name_t *key_get(attr_gazetteer *g, const char *s, size_t n)
{
    name_t *e = (name_t *)key_find(g, s, n);
    if (e) return e;
    if ((g->nkeys + 1) * 2 > g->nslot && !rehash(g, g->nslot ? g->nslot * 2 : 1 << 16))
        return NULL;
    if (!grow((void **)&g->keys, &g->cap_keys, g->nkeys + 1, sizeof *g->keys) ||
        !grow((void **)&g->pool, &g->pool_cap, g->pool_len + n + 1, 1))
        return NULL;
    e = &g->keys[g->nkeys];
    e->off = (uint32_t)g->pool_len; e->len = (uint32_t)n;
    e->hash = hash_bytes(s, n); e->link = UINT32_MAX; e->flags = 0;
    memcpy(g->pool + g->pool_len, s, n);
    g->pool[g->pool_len + n] = '\0';
    g->pool_len += n + 1;
    size_t i = e->hash & (g->nslot - 1);
    while (g->slot[i]) i = (i + 1) & (g->nslot - 1);
    g->slot[i] = (uint32_t)++g->nkeys;
    return e;
}

static long new_place(attr_gazetteer *g, const char *cc, double lat, double lon,
                      int has_ll, uint32_t pop, uint8_t flags)
{
    if (!grow((void **)&g->pl, &g->cap_pl, g->npl + 1, sizeof *g->pl)) return -1;
    place_t *p = &g->pl[g->npl];
    memset(p, 0, sizeof *p);
    memcpy(p->cc, cc, 3);
    p->lat = (float)lat; p->lon = (float)lon; p->pop = pop;
    p->flags = flags | (has_ll ? PF_COORDS : 0);
    return (long)g->npl++;
}

/* Adds name -> place. Curated places keep file order ahead of Debian's, which
 * follow by population; a Debian city lends its coordinates to a curated
 * place of the same name and country that has none. */
static int add_name(attr_gazetteer *g, const char *name, size_t n, long place)
{
    while (n && (name[n - 1] == ' ' || name[n - 1] == '\t')) n--;
    while (n && (*name == ' ' || *name == '\t')) name++, n--;
    if (!n) return 1;
    /* prefixes of multiword names, so the scan knows when to read on */
    int words = 1;
    for (size_t i = 0; i < n; i++)
        if (name[i] == ' ') {
            name_t *pk = key_get(g, name, i);
            if (!pk) return 0;
            pk->flags |= KF_PREFIX;
            if (++words > MAXW) return 1;
        }
    name_t *k = key_get(g, name, n);
    if (!k) return 0;
    place_t *p = &g->pl[place];
    if (p->flags & PF_ADJ) { k->flags |= KF_ADJ; }
    else {
        if (!(p->flags & PF_CURATED) && (k->flags & KF_DROP)) return 1;
        k->flags |= KF_NAME | ((p->flags & PF_CURATED) ? KF_CURATED : 0);
    }
    if (!grow((void **)&g->ln, &g->cap_ln, g->nln + 1, sizeof *g->ln)) return 0;
    uint32_t *at = &k->link;
    while (*at != UINT32_MAX) {
        place_t *q = &g->pl[g->ln[*at].place];
        if ((uint32_t)place == g->ln[*at].place) return 1;    /* same place */
        if (!(p->flags & PF_CURATED) && (q->flags & PF_CURATED) &&
            !(q->flags & PF_COORDS) && strcmp(q->cc, p->cc) == 0 &&
            (p->flags & PF_COORDS)) {
            q->lat = p->lat; q->lon = p->lon; q->flags |= PF_COORDS;
        }
        if (!(p->flags & PF_CURATED) && !(q->flags & PF_CURATED) && q->pop < p->pop)
            break;
        at = &g->ln[*at].next;
    }
    g->ln[g->nln].place = (uint32_t)place;
    g->ln[g->nln].next = *at;
    *at = (uint32_t)g->nln++;
    return 1;
}

/* Sets a flag on each " | "-separated name of a list. */
static int flag_names(attr_gazetteer *g, char *list, uint16_t flag)
{
    char *save = NULL;
    for (char *tok = strtok_r(list, "|", &save); tok; tok = strtok_r(NULL, "|", &save)) {
        size_t n = strlen(tok);
        while (n && (tok[n - 1] == ' ' || tok[n - 1] == '\t')) n--;
        while (n && (*tok == ' ' || *tok == '\t')) tok++, n--;
        if (!n) continue;
        name_t *k = key_get(g, tok, n);
        if (!k) return 0;
        k->flags |= flag;
    }
    return 1;
}

static int add_names(attr_gazetteer *g, char *list, long place)
{
    char *save = NULL;
    for (char *tok = strtok_r(list, "|", &save); tok; tok = strtok_r(NULL, "|", &save))
        if (!add_name(g, tok, strlen(tok), place)) return 0;
    return 1;
}

/* ------------------------------------------------------------ places.txt */

static int a2_index(const char *a2)
{
    if (a2[0] < 'A' || a2[0] > 'Z' || a2[1] < 'A' || a2[1] > 'Z' || a2[2]) return -1;
    return (a2[0] - 'A') * 26 + (a2[1] - 'A');
}

static int parse_coord(const char *s, double *v)
{
    if (strcmp(s, "-") == 0) return 0;
    char *end;
    *v = strtod(s, &end);
    return *end == '\0';
}

static int load_places(attr_gazetteer *g, const char *path, char *err, size_t errlen)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        snprintf(err, errlen, "cannot open %s: %s", path, strerror(errno));
        return 0;
    }
    char line[4096];
    int lineno = 0, ok = 1;
    while (ok && fgets(line, sizeof line, f)) {
        lineno++;
        for (char *c = line; *c; c++)          /* comments: # at start or after space */
            if (*c == '#' && (c == line || c[-1] == ' ' || c[-1] == '\t')) { *c = '\0'; break; }
        line[strcspn(line, "\r\n")] = '\0';
        char kind[16], a3[8], a2[8], la[32], lo[32];
        int pos = 0;
        if (sscanf(line, "%15s%n", kind, &pos) != 1) continue;
        char *rest = line + pos;
        if (!strcmp(kind, "ambig") || !strcmp(kind, "drop")) {
            ok = flag_names(g, rest, !strcmp(kind, "ambig") ? KF_AMBIG : KF_DROP);
            continue;
        }
        int is_country = !strcmp(kind, "country");
        int is_adj = !strcmp(kind, "adj");
        int r;
        double lat = 0, lon = 0;
        int has_ll = 0;
        if (is_country)
            r = sscanf(rest, "%7s %7s %31s %31s%n", a3, a2, la, lo, &pos) == 4;
        else if (is_adj)
            r = sscanf(rest, "%7s%n", a3, &pos) == 1;
        else if (!strcmp(kind, "city") || !strcmp(kind, "region"))
            r = sscanf(rest, "%7s %31s %31s%n", a3, la, lo, &pos) == 3;
        else
            r = 0;
        if (r && !is_adj) {
            int a = parse_coord(la, &lat), b = parse_coord(lo, &lon);
            has_ll = a && b;
            if (!(a || !strcmp(la, "-")) || !(b || !strcmp(lo, "-"))) r = 0;
        }
        if (!r || strlen(a3) != 3) {
            snprintf(err, errlen, "%s:%d: malformed line", path, lineno);
            ok = 0;
            break;
        }
        if (is_country) {
            int i = a2_index(a2);
            if (i >= 0) memcpy(g->a2to3[i], a3, 4);
        }
        uint8_t fl = PF_CURATED | (is_country ? PF_COUNTRY : 0) |
                     (is_adj ? PF_ADJ : 0) | (!strcmp(kind, "region") ? PF_REGION : 0);
        long p = new_place(g, a3, lat, lon, has_ll, 0, fl);
        if (p < 0 || !add_names(g, rest + pos, p)) ok = 0;
    }
    fclose(f);
    if (!ok && !*err) snprintf(err, errlen, "out of memory loading %s", path);
    return ok;
}

/* ------------------------------------------------ Debian's gettext names */

/* geonames.mo maps a city's geonames id to its name in one language. */
typedef struct { char *buf; uint32_t *id, *str; size_t cap; int bits; } mo_t;

static size_t mo_slot(const mo_t *m, uint32_t id)
{
    return (size_t)((id * 2654435761u) >> (32 - m->bits));  /* Fibonacci hash */
}

static uint32_t rd32(const unsigned char *p, int swap)
{
    uint32_t v;
    memcpy(&v, p, 4);
    return swap ? __builtin_bswap32(v) : v;
}

static void mo_load(mo_t *m, const char *lang)
{
    char path[256];
    snprintf(path, sizeof path, MO_PATH, lang);
    memset(m, 0, sizeof *m);
    FILE *f = fopen(path, "rb");
    if (!f) return;
    long sz = -1;
    if (fseek(f, 0, SEEK_END) == 0) sz = ftell(f);
    rewind(f);
    if (sz < 28 || sz > (1L << 28) || !(m->buf = malloc((size_t)sz + 1)) ||
        fread(m->buf, 1, (size_t)sz, f) != (size_t)sz) {
        fclose(f); free(m->buf); m->buf = NULL;
        return;
    }
    fclose(f);
    m->buf[sz] = '\0';
    const unsigned char *b = (const unsigned char *)m->buf;
    uint32_t magic = rd32(b, 0);
    int sw = magic == 0xde120495u;
    if (!sw && magic != 0x950412deu) { free(m->buf); m->buf = NULL; return; }
    uint32_t n = rd32(b + 8, sw), oo = rd32(b + 12, sw), to = rd32(b + 16, sw);
    if ((uint64_t)oo + 8ull * n > (uint64_t)sz || (uint64_t)to + 8ull * n > (uint64_t)sz) {
        free(m->buf); m->buf = NULL; return;
    }
    m->cap = 2; m->bits = 1;
    while (m->cap < 2ull * n + 2) m->cap *= 2, m->bits++;
    m->id = calloc(m->cap, sizeof *m->id);
    m->str = calloc(m->cap, sizeof *m->str);
    if (!m->id || !m->str) { free(m->id); free(m->str); free(m->buf); memset(m, 0, sizeof *m); return; }
    for (uint32_t i = 0; i < n; i++) {
        uint32_t ol = rd32(b + oo + 8 * i, sw), op = rd32(b + oo + 8 * i + 4, sw);
        uint32_t tl = rd32(b + to + 8 * i, sw), tp = rd32(b + to + 8 * i + 4, sw);
        if ((uint64_t)op + ol >= (uint64_t)sz || (uint64_t)tp + tl >= (uint64_t)sz ||
            ol == 0 || ol > 10 || tl == 0)
            continue;
        uint32_t id = 0;
        size_t k;
        for (k = 0; k < ol && b[op + k] >= '0' && b[op + k] <= '9'; k++)
            id = id * 10 + (uint32_t)(b[op + k] - '0');
        if (k != ol || !id || b[tp + tl] != '\0') continue;
        size_t s = mo_slot(m, id);
        while (m->id[s]) s = (s + 1) & (m->cap - 1);
        m->id[s] = id; m->str[s] = tp;
    }
}

static const char *mo_get(const mo_t *m, const char *idstr)
{
    if (!m->buf) return NULL;
    uint32_t id = 0;
    for (const char *c = idstr; *c; c++) {
        if (*c < '0' || *c > '9' || id > 400000000u) return NULL;
        id = id * 10 + (uint32_t)(*c - '0');
    }
    for (size_t s = mo_slot(m, id); m->id[s]; s = (s + 1) & (m->cap - 1))
        if (m->id[s] == id) return m->buf + m->str[s];
    return NULL;
}

static void mo_free(mo_t *m) { free(m->buf); free(m->id); free(m->str); }

/* ------------------------------------------------------- Debian's cities */

typedef struct { const char *f[7]; uint32_t pop; double lat, lon; } city_t;

static int add_city(attr_gazetteer *g, const city_t *c, const mo_t *en, const mo_t *de)
{
    int i = c->f[4][0] ? a2_index(c->f[4]) : -1;
    if (i < 0 || !g->a2to3[i][0]) return 1;          /* unknown country */
    if (c->lat < -90 || c->lat > 90 || c->lon < -180 || c->lon > 180) return 1;
    long p = new_place(g, g->a2to3[i], c->lat, c->lon, 1, c->pop, 0);
    if (p < 0) return 0;
    const char *names[3] = { c->f[1], mo_get(en, c->f[0]), mo_get(de, c->f[0]) };
    for (int k = 0; k < 3; k++) {
        if (!names[k] || !*names[k] || (k > 0 && strcmp(names[k], names[0]) == 0) ||
            (k > 1 && names[1] && strcmp(names[k], names[1]) == 0))
            continue;
        if (!add_name(g, names[k], strlen(names[k]), p)) return 0;
    }
    return 1;
}

static uint64_t gv_read(const unsigned char *p, size_t w)
{
    uint64_t v = 0;
    for (size_t i = 0; i < w; i++) v |= (uint64_t)p[i] << (8 * i);
    return v;
}

static size_t gv_width(size_t size)
{
    return size == 0 ? 0 : size <= 0xff ? 1 : size <= 0xffff ? 2
         : size <= 0xffffffffu ? 4 : 8;
}

/* One serialised (sssssssudd) tuple: seven strings whose ends are framing
 * offsets stored in reverse at the tuple's end, then u32 and two doubles. */
static int gv_city(const unsigned char *b, size_t t, city_t *c)
{
    size_t w = gv_width(t), body, pos = 0;
    if (t < 7 * w + 20) return 0;
    body = t - 7 * w;
    for (int k = 0; k < 7; k++) {
        size_t end = (size_t)gv_read(b + t - (size_t)(k + 1) * w, w);
        if (end <= pos || end > body || b[end - 1] != '\0') return 0;
        c->f[k] = (const char *)b + pos;
        pos = end;
    }
    pos = (pos + 3) & ~(size_t)3;
    if (pos + 4 > body) return 0;
    memcpy(&c->pop, b + pos, 4);
    pos = (pos + 4 + 7) & ~(size_t)7;
    if (pos + 16 > body) return 0;
    memcpy(&c->lat, b + pos, 8);
    memcpy(&c->lon, b + pos + 8, 8);
    return 1;
}

/* Reads libgeonames' city table straight from its compiled resource: an
 * a(sssssssudd) GVariant. Walking it with GLib costs ~12 ms; this, < 2 ms.
 * Returns cities added, or -1 when the data is not in the expected shape. */
static long load_geonames_fast(attr_gazetteer *g, const mo_t *en, const mo_t *de)
{
    void *gerr = NULL;
    GBytes *bytes = g_resources_lookup_data(GEONAMES_RESOURCE, 0, &gerr);
    if (!bytes) { if (gerr) g_error_free(gerr); return -1; }
    size_t size = 0;
    const unsigned char *d = g_bytes_get_data(bytes, &size);
    long added = -1;
    size_t w = gv_width(size);
    if (d && size > w) {
        size_t last = (size_t)gv_read(d + size - w, w);
        if (last <= size && (size - last) % w == 0) {
            size_t n = (size - last) / w;
            /* pass 0 checks the whole table, so a surprise adds nothing */
            for (int pass = 0; pass < 2 && added != -2; pass++) {
                size_t prev = 0;
                added = 0;
                for (size_t i = 0; i < n; i++) {
                    size_t end = (size_t)gv_read(d + last + i * w, w);
                    size_t start = (prev + 7) & ~(size_t)7;
                    city_t c;
                    if (end < start || end > last || !gv_city(d + start, end - start, &c)) {
                        added = -1;
                        break;
                    }
                    if (pass && !add_city(g, &c, en, de)) { added = -2; break; }
                    added++;
                    prev = end;
                }
                if (added < 0 || n < 1000) { added = added == -2 ? -2 : -1; break; }
            }
        }
    }
    g_bytes_unref(bytes);
    return added;
}

/* The same through libgeonames' own API: slower, but independent of how the
 * library stores its data. */
static int load_geonames_api(attr_gazetteer *g, const mo_t *en, const mo_t *de)
{
    int n = geonames_get_n_cities();
    for (int i = 0; i < n; i++) {
        GVariant *v = geonames_get_city(i);
        if (!v) continue;
        GVariant *id = g_variant_get_child_value(v, 0);
        city_t c = { { id ? g_variant_get_string(id, NULL) : "",
                       geonames_city_get_name(v), "", "",
                       geonames_city_get_country_code(v), "", "" },
                     geonames_city_get_population(v),
                     geonames_city_get_latitude(v),
                     geonames_city_get_longitude(v) };
        int ok = c.f[1] && c.f[4] && add_city(g, &c, en, de);
        if (id) g_variant_unref(id);
        geonames_city_free(v);
        if (!ok && c.f[1] && c.f[4]) return 0;
    }
    return 1;
}

/* ------------------------------------------------------------------ load */

static int add_word_classes(attr_gazetteer *g);

attr_gazetteer *attr_gazetteer_load(const char *lexicon_dir, char *err, size_t errlen)
{
    char dummy[1], path[4096];
    if (!err || !errlen) { err = dummy; errlen = sizeof dummy; }
    err[0] = '\0';
    if (!lexicon_dir) { snprintf(err, errlen, "no lexicon directory"); return NULL; }
    attr_gazetteer *g = calloc(1, sizeof *g);
    if (!g || !rehash(g, 1 << 18)) {           /* ~70k names: no regrowth */
        free(g);
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    snprintf(path, sizeof path, "%s/places.txt", lexicon_dir);
    if (!add_word_classes(g)) {
        snprintf(err, errlen, "out of memory");
        attr_gazetteer_free(g);
        return NULL;
    }
    if (!load_places(g, path, err, errlen)) { attr_gazetteer_free(g); return NULL; }
    mo_t en, de;
    mo_load(&en, "en");
    mo_load(&de, "de");
    long r = load_geonames_fast(g, &en, &de);
    int ok = r >= 0 || (r == -1 && load_geonames_api(g, &en, &de));
    mo_free(&en);
    mo_free(&de);
    if (!ok) {
        snprintf(err, errlen, "out of memory loading Debian's geonames");
        attr_gazetteer_free(g);
        return NULL;
    }
    return g;
}

void attr_gazetteer_free(attr_gazetteer *g)
{
    if (!g) return;
    free(g->pool); free(g->pl); free(g->ln); free(g->keys); free(g->slot);
    free(g);
}

/* ------------------------------------------------------------------ scan */

typedef struct { uint32_t s, e; uint8_t cap, gap, used; } tok_t;

/* Decodes the code point at s[i] (n bytes left); returns its byte length. */
static int cp_at(const unsigned char *s, size_t n, int32_t *cp)
{
    if (s[0] < 0x80) { *cp = s[0]; return 1; }
    utf8proc_ssize_t l = utf8proc_iterate(s, (utf8proc_ssize_t)(n > 4 ? 4 : n), cp);
    if (l <= 0) { *cp = -1; return 1; }
    return (int)l;
}

#define R10(x) x, x, x, x, x, x, x, x, x, x
static const uint8_t ascii_alnum[128] = {
    ['0'] = R10(1), ['A'] = R10(1), R10(1), 1, 1, 1, 1, 1, 1,
    ['a'] = R10(1), R10(1), 1, 1, 1, 1, 1, 1 };

static inline int is_wordcp(int32_t cp)
{
    if (cp < 0x80) return cp >= 0 && ascii_alnum[cp];
    utf8proc_category_t c = utf8proc_category(cp);
    return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_ME) ||
           (c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO);
}

static int is_uppercp(int32_t cp)
{
    if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
    utf8proc_category_t c = utf8proc_category(cp);
    return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

/* Words: letters and digits, with inner hyphens and apostrophes
 * ("Saporischschja-Front", "Ukraine's") and dotted abbreviations ("U.S."). */
static size_t tokenize(const char *text, size_t n, tok_t *t, size_t max)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t i = 0, nt = 0;
    int gap = 0;
    while (i < n && nt < max) {
        unsigned char c0 = s[i];
        if (c0 < 0x80 && !is_wordcp(c0)) {         /* ASCII fast path */
            if (c0 != ' ' && c0 != '\t' && c0 != '\n' && c0 != '\r') gap = 1;
            i++;
            continue;
        }
        int32_t cp;
        int l = cp_at(s + i, n - i, &cp);
        if (!is_wordcp(cp)) {
            if (cp != ' ' && cp != '\t' && cp != '\n' && cp != '\r' && cp != 0xA0) gap = 1;
            i += (size_t)l;
            continue;
        }
        size_t st = i;
        int dots = 0;
        t[nt].cap = (uint8_t)is_uppercp(cp);
        i += (size_t)l;
        while (i < n) {
            if (s[i] < 0x80 && is_wordcp(s[i])) { i++; continue; }
            l = cp_at(s + i, n - i, &cp);
            if (is_wordcp(cp)) { i += (size_t)l; continue; }
            int32_t nx = -1;
            if (i + (size_t)l < n) cp_at(s + i + l, n - i - (size_t)l, &nx);
            if ((cp == '-' || cp == '\'' || cp == 0x2019) && nx >= 0 && is_wordcp(nx)) {
                i += (size_t)l;
                continue;
            }
            if (cp == '.' && s[i - 1] >= 'A' && s[i - 1] <= 'Z' &&
                ((nx >= 'A' && nx <= 'Z') || dots)) {
                i++; dots++;
                continue;
            }
            break;
        }
        t[nt].s = (uint32_t)st; t[nt].e = (uint32_t)i;
        t[nt].gap = (uint8_t)gap; t[nt].used = 0;
        nt++;
        gap = 0;
    }
    return nt;
}

/* Word classes for the look-back from a place to its preposition. */
enum { W_NONE, W_PREP, W_PREPC, W_DESIG, W_WEAK };

static const char *const w_prep[] = {
    "in", "bei", "nahe", "unweit", "nördlich", "südlich", "östlich", "westlich",
    "nordöstlich", "nordwestlich", "südöstlich", "südwestlich", "vor", "um",
    "auf", "innerhalb", "außerhalb", "at", "near", "outside", "around", "across",
    "throughout", "inside", "within", "north", "south", "east", "west",
    "northeast", "northwest", "southeast", "southwest", "north-east",
    "north-west", "south-east", "south-west", "nearby", NULL };
static const char *const w_prepc[] = { "im", "beim", NULL }; /* with article */
static const char *const w_desig[] = {
    "Region", "Gebiet", "Oblast", "Stadt", "Hauptstadt", "Provinz", "Bezirk",
    "Kreis", "Landkreis", "Ort", "Ortschaft", "Dorf", "Gemeinde", "Großstadt",
    "Kleinstadt", "Hafenstadt", "Grenzstadt", "Küstenstadt", "Frontstadt",
    "Grenzregion", "Grenzgebiet", "Bundesstaat", "Bundesland", "Republik",
    "Distrikt", "Gouvernement", "Umgebung", "Nähe", "Raum", "Metropole",
    "Stadtteil", "Vorort", "Lager", "Flüchtlingslager", "Gegend", "Enklave",
    "Halbinsel", "Stützpunkt", "Front", "Militärbasis", "Luftwaffenstützpunkt",
    "region", "province", "city", "town", "village", "district", "area",
    "state", "capital", "port", "oblast", "governorate", "outskirts",
    "vicinity", "suburb", "suburbs", "border", "country", "republic", "camp",
    "base", "enclave", "territory", "county", "neighbourhood", "neighborhood",
    "heart", "centre", "center", "streets", "peninsula", NULL };
static const char *const w_weak[] = {
    "der", "die", "das", "dem", "den", "des", "ein", "eine", "einer", "einem",
    "eines", "the", "a", "an", "of", "von", "occupied", "embattled", "besieged",
    "key", "strategic", "annexed", "disputed", "coastal", "frontline",
    "front-line", "central", "nearby", "neighbouring", "neighboring",
    "rebel-held", "besetzten", "umkämpften", NULL };

static int word_class(const attr_gazetteer *g, const char *w, size_t n, int cap)
{
    const name_t *k = key_find(g, w, n);
    if (k && (k->flags & (KF_PREP | KF_PREPC | KF_DESIG | KF_WEAK)))
        return (k->flags & KF_PREPC) ? W_PREPC : (k->flags & KF_PREP) ? W_PREP
             : (k->flags & KF_DESIG) ? W_DESIG : W_WEAK;
    if (n < 4) return W_NONE;
    for (size_t i = n - 1; i > 0; i--)      /* "Israeli-occupied", "US-backed" */
        if (w[i] == '-') {
            if (w[i + 1] >= 'a' && w[i + 1] <= 'z') return W_WEAK;
            break;
        }
    char a = w[n - 2], b = w[n - 1];
    if (!cap && (b == 'e' || (a == 'e' && (b == 'n' || b == 'r' || b == 's' || b == 'm'))
                 || (a == 'r' && b == 'n' && w[n - 3] == 'e')))
        return W_WEAK;                       /* "russischen", "eastern" */
    if (cap && (b == 'i' || (a == 'a' && b == 'n') ||
                (a == 's' && (b == 'e' || b == 'h') && (w[n - 3] == 'e' || w[n - 3] == 'i'))))
        return W_WEAK;                       /* "the Russian region of" */
    return W_NONE;
}

/* Registers the word classes in the name hash, each word also capitalised
 * (sentence-initial "In", "Near"). */
static int add_word_class(attr_gazetteer *g, const char *const *l, uint16_t flag)
{
    for (; *l; l++) {
        size_t n = strlen(*l);
        char buf[64];
        name_t *k = key_get(g, *l, n);
        if (!k) return 0;
        k->flags |= flag;
        if ((*l)[0] >= 'a' && (*l)[0] <= 'z' && n < sizeof buf) {
            memcpy(buf, *l, n);
            buf[0] = (char)(buf[0] - 'a' + 'A');
            if (!(k = key_get(g, buf, n))) return 0;
            k->flags |= flag;
        }
    }
    return 1;
}

/* 2: a preposition right before the name or across place words ("in Essen",
 * "in der Stadt Essen"); 1: across articles and adjectives ("in der
 * russischen Kursk"), or a contraction ("im"); 0: none. */
static int lookback(const attr_gazetteer *g, const char *s, const tok_t *t, size_t i)
{
    int weak = 0, desig = 0;
    for (size_t k = i, steps = 0; k > 0 && steps < 6; k--, steps++) {
        if (t[k].gap) return 0;
        const tok_t *w = &t[k - 1];
        int c = word_class(g, s + w->s, w->e - w->s, w->cap);
        if (c == W_PREP) return weak && !desig ? 1 : 2;
        if (c == W_PREPC) return 1;
        if (c == W_DESIG) desig = 1;
        else if (c == W_WEAK) weak = 1;
        else return 0;
    }
    return 0;
}

static int add_word_classes(attr_gazetteer *g)
{
    return add_word_class(g, w_prep, KF_PREP) && add_word_class(g, w_prepc, KF_PREPC) &&
           add_word_class(g, w_desig, KF_DESIG) && add_word_class(g, w_weak, KF_WEAK);
}

typedef struct {
    size_t i, j, start, end;
    const name_t *k;
    int prep;
    int compound;      /* "US-Botschaft": the preposition is the head's */
} hit_t;

/* Longest name starting at token i; fills h and returns 1 when found. */
static int match_at(const attr_gazetteer *g, const char *s, const tok_t *t,
                    size_t nt, size_t i, int genitive, hit_t *h)
{
    char buf[256];
    size_t len = 0;
    int found = 0;
    h->compound = 0;
    for (size_t j = i; j < nt && j - i < MAXW; j++) {
        size_t tl = t[j].e - t[j].s;
        if (j > i) {
            if (t[j].gap) break;
            buf[len++] = ' ';
        }
        if (len + tl >= sizeof buf) break;
        memcpy(buf + len, s + t[j].s, tl);
        len += tl;
        const name_t *k = key_find(g, buf, len);
        size_t keep = len;
        if (!k || !(k->flags & (KF_NAME | KF_ADJ))) {
            /* endings the name itself lacks: English 's, German genitive s */
            const name_t *k2 = NULL;
            if (tl > 2 && buf[len - 1] == 's' && buf[len - 2] == '\'')
                k2 = key_find(g, buf, keep = len - 2);
            else if (tl > 4 && buf[len - 1] == 's' && buf[len - 2] == '\x99' &&
                     buf[len - 3] == '\x80' && buf[len - 4] == '\xe2')
                k2 = key_find(g, buf, keep = len - 4);
            else if (genitive && tl > 3 && buf[len - 1] == 's')
                k2 = key_find(g, buf, keep = len - 1);
            if (k2 && (k2->flags & (KF_NAME | KF_ADJ))) {
                h->k = k2; h->j = j; h->end = t[j].e - (len - keep);
                found = 1;
            }
        } else {
            h->k = k; h->j = j; h->end = t[j].e;
            found = 1;
        }
        if (!k || !(k->flags & KF_PREFIX)) break;
    }
    if (!found) {
        /* "Saporischschja-Front", "Kyiv-based": the part before a hyphen */
        const char *w = s + t[i].s;
        for (size_t n = t[i].e - t[i].s; n > 0; n--) {
            if (w[n - 1] != '-' || n < 3) continue;
            const name_t *k = key_find(g, w, n - 1);
            if (k && (k->flags & (KF_NAME | KF_ADJ))) {
                const name_t *head = key_find(g, w + n, t[i].e - t[i].s - n);
                h->k = k; h->j = i; h->end = t[i].s + n - 1;
                h->compound = !(head && (head->flags & KF_DESIG));
                found = 1;
                break;
            }
        }
    }
    if (found) { h->i = i; h->start = t[i].s; }
    return found;
}

/* "russischen", "libanesische": a country adjective's stem + -e/-en/... */
static int is_german_adj(const attr_gazetteer *g, const char *w, size_t n,
                         const char **cc)
{
    if (n < 5 || n > 60) return 0;
    size_t stem = n;
    char b = w[n - 1], a = w[n - 2];
    if (b == 'e') stem = n - 1;
    else if (a == 'e' && (b == 'n' || b == 'r' || b == 's' || b == 'm')) stem = n - 2;
    if (stem < 4 || memcmp(w + stem - 3, "sch", 3) != 0) return 0;
    const name_t *k = key_find(g, w, stem);
    if (!k || !(k->flags & KF_ADJ)) return 0;
    for (uint32_t l = k->link; l != UINT32_MAX; l = g->ln[l].next)
        if (g->pl[g->ln[l].place].flags & PF_ADJ) {
            *cc = g->pl[g->ln[l].place].cc;
            return 1;
        }
    return 0;
}

static int key_has_place(const attr_gazetteer *g, const name_t *k)
{
    for (uint32_t l = k->link; l != UINT32_MAX; l = g->ln[l].next)
        if (!(g->pl[g->ln[l].place].flags & PF_ADJ)) return 1;
    return 0;
}

/* A capitalised word right before a bare name, not itself a place or a
 * place word: "Donald Trump", "George Washington", "Abraham Lincoln". */
static int person_like(const attr_gazetteer *g, const char *s, const tok_t *t, size_t i)
{
    if (i == 0 || t[i].gap || !t[i - 1].cap || t[i - 1].used) return 0;
    const char *w = s + t[i - 1].s;
    size_t n = t[i - 1].e - t[i - 1].s;
    int c = word_class(g, w, n, 1);
    return c == W_NONE;
}

size_t attr_place_find(const attr_gazetteer *g, const char *s, size_t n,
                       const char *lang, attr_place *out, size_t max)
{
    if (!g || !s || !out || max == 0) return 0;
    int en = lang && strcmp(lang, "en") == 0;
    int genitive = !en;
    tok_t t[MAXTOK];
    size_t nt = tokenize(s, n, t, MAXTOK);
    hit_t hit[MAXHIT];
    size_t nh = 0;
    char ev[16][4];                   /* countries the sentence speaks of */
    size_t nev = 0;

    for (size_t i = 0; i < nt && nh < MAXHIT; i++) {
        const char *cc = NULL;
        if (!t[i].cap) {
            if (is_german_adj(g, s + t[i].s, t[i].e - t[i].s, &cc) && nev < 16)
                memcpy(ev[nev++], cc, 4);
            continue;
        }
        hit_t h;
        if (!match_at(g, s, t, nt, i, genitive, &h)) continue;
        if (h.k->flags & KF_ADJ) {
            for (uint32_t l = h.k->link; l != UINT32_MAX; l = g->ln[l].next)
                if ((g->pl[g->ln[l].place].flags & PF_ADJ) && nev < 16)
                    memcpy(ev[nev++], g->pl[g->ln[l].place].cc, 4);
            if (!key_has_place(g, h.k)) continue;
        }
        h.prep = h.compound ? 0 : lookback(g, s, t, i);
        hit[nh++] = h;
        for (size_t k = h.i; k <= h.j; k++) t[k].used = 1;
        i = h.j;
    }
    /* names with one place (or one of ours, ahead of Debian's namesakes:
     * "Lebanon" before Lebanon, Tennessee) tell the country of the others */
    for (size_t x = 0; x < nh && nev < 16; x++) {
        uint32_t l = hit[x].k->link;
        if (l == UINT32_MAX) continue;
        uint32_t nx = g->ln[l].next;
        const place_t *p = &g->pl[g->ln[l].place];
        if (nx == UINT32_MAX ||
            ((p->flags & PF_CURATED) && !(g->pl[g->ln[nx].place].flags & PF_CURATED)))
            memcpy(ev[nev++], p->cc, 4);
    }

    size_t no = 0;
    for (size_t x = 0; x < nh && no < max; x++) {
        const hit_t *h = &hit[x];
        const name_t *k = h->k;
        int curated = (k->flags & KF_CURATED) != 0;
        if ((k->flags & KF_AMBIG) && h->prep < 2) continue;
        const place_t *p = NULL;
        for (uint32_t l = k->link; l != UINT32_MAX; l = g->ln[l].next) {
            const place_t *q = &g->pl[g->ln[l].place];
            if (q->flags & PF_ADJ) continue;
            if (!p) p = q;
            for (size_t e = 0; e < nev; e++)
                if (strcmp(ev[e], q->cc) == 0) { p = q; goto chosen; }
        }
    chosen:
        if (!p) continue;
        if (!h->prep) {
            if (!curated && p->pop < BARE_MIN_POP) continue;
            if ((en || !curated) && person_like(g, s, t, h->i)) continue;
            /* "Washington Post", "Kyiv Independent": part of a longer name */
            if (en && h->j + 1 < nt && t[h->j + 1].cap && !t[h->j + 1].gap &&
                !t[h->j + 1].used && h->end == t[h->j].e)
                continue;
        }
        attr_place *o = &out[no++];
        o->start = h->start;
        o->len = h->end - h->start;
        o->name = g->pool + k->off;
        memcpy(o->country, p->cc, 4);
        o->has_coords = (p->flags & PF_COORDS) != 0;
        o->lat = o->has_coords ? p->lat : 0;
        o->lon = o->has_coords ? p->lon : 0;
        o->is_country = (p->flags & PF_COUNTRY) != 0;
        o->after_prep = h->prep > 0;
    }
    return no;
}
