/*
 * chart.h — figures drawn as text: bars and sparklines, as the review
 * shows them in both faces (the report of `praxis review` and the Review
 * screen), so that a figure reads the same wherever it is seen.
 *
 * Pure functions of their arguments: nothing here knows the journal, the
 * terminal or the locale.  The caller says whether the output may use
 * block characters (UTF8 true: the locale's codeset is UTF-8) or must be
 * plain ASCII.  Every character either way is one column wide, so a
 * chart's width in columns is its number of characters.
 *
 * Returned strings are the caller's to free.
 */
#ifndef PRAXIS_CHART_H
#define PRAXIS_CHART_H

#include <stdbool.h>
#include <stddef.h>

/*
 * A bar for VALUE against MAX in at most WIDTH columns: whole cells of
 * "█" and the rest in eighths ("▏▎▍▌▋▊▉") in UTF-8, '#' cells in ASCII.
 * A value above zero always shows (at least "▏", or one '#') however
 * small against MAX; zero, a negative value, MAX <= 0 or WIDTH <= 0
 * give "".  A value above MAX fills WIDTH.
 */
char *chart_bar(double value, double max, int width, bool utf8);

/*
 * One character per value of V (N of them), its height between LO and HI
 * in eight steps: "▁▂▃▄▅▆▇█" in UTF-8, "_.-=+*#@" in ASCII.  With
 * BLANK_ZERO a value of zero or less is a space (a day without entries is
 * a gap, not a low bar).  When HI <= LO every value above zero is at the
 * top and the rest at the bottom.  Values outside LO..HI are clamped.
 */
char *chart_sparkline(const double *v, size_t n, double lo, double hi, bool blank_zero,
		      bool utf8);

/*
 * Sum the N counts of COUNTS into buckets of STEP (>= 1) in order, the
 * last one holding what is left: OUT is filled with (N + STEP - 1) / STEP
 * values (the caller sizes it), and that number is returned.  *MOST (may
 * be NULL) is set to the largest bucket, 0 when N is 0.  This is how a long
 * period's daily counts become a weekly sparkline.
 */
size_t chart_buckets(const int *counts, size_t n, size_t step, double *out, double *most);

#endif
