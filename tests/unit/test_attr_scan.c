/* test_attr_scan.c — the token windows the attribute stages walk long texts
 * with: every token is a candidate in exactly one window, windows overlap
 * by the margin, and a find across a window boundary is still found. */
#include "check.h"
#include "attr.h"
#include "attr_scan.h"

#include <stdio.h>
#include <string.h>

static char text[64 * 1024];

int main(void)
{
    /* 2000 words: several windows */
    size_t n = 0;
    for (int i = 0; i < 2000; i++)
        n += (size_t)snprintf(text + n, sizeof text - n, "w%d ", i);

    attr_window w;
    attr_scan_window_init(&w, text, n);
    size_t next = 0, windows = 0, prev_hi_start = 0;
    int in_order = 1;
    while (attr_scan_window_next(&w)) {
        /* the candidates [lo, hi) continue exactly where the last stopped */
        size_t first = (size_t)-1;
        sscanf(text + w.t[w.lo].s, "w%zu", &first);
        in_order &= first == next;
        next += w.hi - w.lo;
        /* a later window keeps the margin before its candidates */
        if (windows) in_order &= w.lo == ATTR_SCAN_MARGIN &&
                                 w.t[0].s < prev_hi_start;
        prev_hi_start = w.t[w.hi - 1].s;
        windows++;
    }
    CHECK(in_order);
    CHECK(next == 2000);
    CHECK(windows > 5);

    /* empty and short texts */
    attr_scan_window_init(&w, "", 0);
    CHECK(!attr_scan_window_next(&w));
    attr_scan_window_init(&w, "   ", 3);
    CHECK(!attr_scan_window_next(&w));
    attr_scan_window_init(&w, "one two", 7);
    CHECK(attr_scan_window_next(&w) && w.lo == 0 && w.hi == 2 && w.final);
    CHECK(!attr_scan_window_next(&w));

    /* a quantity at every position around the first boundary is found */
    for (size_t at = ATTR_SCAN_TOKCAP - 2 * ATTR_SCAN_MARGIN - 3;
         at < ATTR_SCAN_TOKCAP + 3; at++) {
        n = 0;
        for (size_t i = 0; i < at; i++)
            n += (size_t)snprintf(text + n, sizeof text - n, "und ");
        n += (size_t)snprintf(text + n, sizeof text - n,
                              "35 Soldaten wurden getötet.");
        attr_quantity q[4];
        size_t nq = attr_quantity_find(text, n, "de", q, 4);
        CHECK(nq == 1 && q[0].value == 35 &&
              !strcmp(q[0].unit, "soldiers killed"));
    }
    return check_done();
}
