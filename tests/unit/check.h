/* check.h — the smallest test harness: CHECK records a result, and
 * check_done() prints "N passed, N failed" (the line CI reads). */
#ifndef DYAD_CHECK_H
#define DYAD_CHECK_H
#include <stdio.h>
#include <string.h>

static int check_pass, check_fail;

#define CHECK(cond) do { if (cond) check_pass++; else { check_fail++; \
    fprintf(stderr, "%s:%d: FAIL: %s\n", __FILE__, __LINE__, #cond); } } while (0)
#define CHECK_STR(a, b) do { const char *a_ = (a), *b_ = (b); \
    if (a_ && b_ && strcmp(a_, b_) == 0) check_pass++; else { check_fail++; \
    fprintf(stderr, "%s:%d: FAIL: %s == \"%s\" (got \"%s\")\n", __FILE__, \
            __LINE__, #a, b_ ? b_ : "(null)", a_ ? a_ : "(null)"); } } while (0)

static int check_done(void)
{
    printf("%d passed, %d failed\n", check_pass, check_fail);
    return check_fail != 0;
}
#endif
