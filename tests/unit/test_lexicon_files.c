/* test_lexicon_files.c — checks the shipped actor lexicons line by line:
 * every entry has a CAMEO code (3+ upper-case letters; a bare role for
 * kind g), a kind n/a/g, a phrase and well-formed date ranges, and no entry
 * is written twice. Runs from the repository root. */
#include <ctype.h>
#include <stdlib.h>
#include "check.h"

static const char *const files[] = {
    "lexicons/de/actors-countries.txt", "lexicons/en/actors-countries.txt",
    "lexicons/de/actors-orgs.txt",      "lexicons/en/actors-orgs.txt",
    "lexicons/de/actors-agents.txt",    "lexicons/en/actors-agents.txt",
};

static const char *const roles[] = {
    "GOV", "MIL", "REB", "OPP", "CVL", "MED", "BUS", "JUD", "LEG", "COP",
    "SPY", "EDU", NULL
};

#define MAXLINES 4096
#define LINELEN 256

static int is_role(const char *s)
{
    for (int i = 0; roles[i]; i++)
        if (strcmp(s, roles[i]) == 0)
            return 1;
    return 0;
}

static int valid_code(const char *s, size_t n)
{
    if (n < 3 || n > 15)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!isupper((unsigned char)s[i]))
            return 0;
    return 1;
}

/* "@YYYY-MM-DD..YYYY-MM-DD", either end may be empty. */
static int valid_range(const char *s)
{
    const char *dots = strstr(s, "..");
    if (s[0] != '@' || !dots || strstr(dots + 2, ".."))
        return 0;
    const char *ends[2] = { s + 1, dots + 2 };
    size_t lens[2] = { (size_t)(dots - s - 1), strlen(dots + 2) };
    for (int k = 0; k < 2; k++) {
        if (lens[k] == 0)
            continue;
        if (lens[k] != 10 || ends[k][4] != '-' || ends[k][7] != '-')
            return 0;
        for (size_t i = 0; i < 10; i++)
            if (i != 4 && i != 7 && !isdigit((unsigned char)ends[k][i]))
                return 0;
    }
    return 1;
}

static int cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void check_file(const char *path)
{
    FILE *f = fopen(path, "r");
    CHECK(f != NULL);
    if (!f) {
        fprintf(stderr, "cannot open %s\n", path);
        return;
    }
    static char *seen[MAXLINES];
    size_t nseen = 0, nbad = 0, lineno = 0;
    char line[LINELEN + 2];
    while (fgets(line, sizeof line, f)) {
        lineno++;
        size_t len = strlen(line);
        if (len > LINELEN) {
            fprintf(stderr, "%s:%zu: line too long\n", path, lineno);
            nbad++;
            break;
        }
        char *hash = line;
        while ((hash = strchr(hash, '#'))) {   /* comment: '#' at start or after blank */
            if (hash == line || hash[-1] == ' ' || hash[-1] == '\t') { *hash = 0; break; }
            hash++;
        }
        len = strlen(line);
        while (len && isspace((unsigned char)line[len - 1]))
            line[--len] = 0;
        char *s = line;
        while (*s == ' ' || *s == '\t')
            s++;
        if (!*s)
            continue;
        char copy[LINELEN + 2];
        snprintf(copy, sizeof copy, "%s", s);
        char *code = strtok(s, " \t"), *kind = strtok(NULL, " \t");
        char *tok = strtok(NULL, " \t");
        int ok = code && kind && tok && strlen(kind) == 1 && strchr("nag", kind[0]);
        if (ok)
            ok = kind[0] == 'g' ? is_role(code) : valid_code(code, strlen(code));
        /* normalised "CODE KIND words @ranges" for the duplicate check */
        char norm[LINELEN + 2];
        int nwords = 0, nl = ok ? snprintf(norm, sizeof norm, "%s %s", code, kind) : 0;
        for (; ok && tok; tok = strtok(NULL, " \t")) {
            if (tok[0] == '@')
                ok = nwords > 0 && valid_range(tok);
            else
                nwords++;
            if (nl >= 0 && (size_t)nl < sizeof norm)   /* fits: never longer than the line */
                nl += snprintf(norm + nl, sizeof norm - (size_t)nl, " %s", tok);
        }
        if (!ok || nwords == 0) {
            fprintf(stderr, "%s:%zu: malformed entry: %s\n", path, lineno, copy);
            nbad++;
            continue;
        }
        size_t nlen = strlen(norm) + 1;
        char *dup = nseen < MAXLINES ? malloc(nlen) : NULL;
        if (dup) {
            memcpy(dup, norm, nlen);
            seen[nseen++] = dup;
        }
    }
    fclose(f);
    CHECK(nbad == 0);
    CHECK(nseen > 0 && nseen < MAXLINES);
    qsort(seen, nseen, sizeof *seen, cmp);
    size_t ndup = 0;
    for (size_t i = 1; i < nseen; i++)
        if (seen[i] && seen[i - 1] && strcmp(seen[i], seen[i - 1]) == 0) {
            fprintf(stderr, "%s: duplicate entry: %s\n", path, seen[i]);
            ndup++;
        }
    CHECK(ndup == 0);
    for (size_t i = 0; i < nseen; i++)
        free(seen[i]);
    printf("%-36s %zu entries\n", path, nseen);
}

int main(void)
{
    for (size_t i = 0; i < sizeof files / sizeof *files; i++)
        check_file(files[i]);
    return check_done();
}
