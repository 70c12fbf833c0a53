/*
 * test_chart.c — bars and sparklines as text (src/core/chart.c): eighths
 * of a cell, the smallest value still showing, the ASCII forms, gaps for
 * days without entries, flat series, clamping, and daily counts summed
 * into weeks.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "praxis/chart.h"

#include <stdlib.h>
#include <string.h>

static void assert_bar(double value, double max, int width, bool utf8, const char *expected)
{
	char *got = chart_bar(value, max, width, utf8);
	assert_string_equal(got, expected);
	free(got);
}

static void assert_spark(const double *v, size_t n, double lo, double hi, bool blank, bool utf8,
			 const char *expected)
{
	char *got = chart_sparkline(v, n, lo, hi, blank, utf8);
	assert_string_equal(got, expected);
	free(got);
}

static void test_bar_cells_and_eighths(void **state)
{
	(void)state;
	assert_bar(4, 4, 4, true, "████");
	assert_bar(2, 4, 4, true, "██");
	assert_bar(1, 4, 10, true, "██▌");        /* 2.5 cells */
	assert_bar(3, 8, 1, true, "▍");           /* 3/8 of one cell */
	assert_bar(1, 1000, 10, true, "▏");       /* tiny, but it shows */
	assert_bar(9, 4, 5, true, "█████");       /* above the maximum: full */
	assert_bar(7.99, 8, 1, true, "▉");        /* never past WIDTH */
}

static void test_bar_nothing_to_show(void **state)
{
	(void)state;
	assert_bar(0, 4, 10, true, "");
	assert_bar(-1, 4, 10, true, "");
	assert_bar(3, 0, 10, true, "");
	assert_bar(3, 4, 0, true, "");
}

static void test_bar_ascii(void **state)
{
	(void)state;
	assert_bar(4, 4, 4, false, "####");
	assert_bar(1, 4, 10, false, "##");        /* whole cells only */
	assert_bar(1, 1000, 10, false, "#");      /* tiny, but it shows */
	char *bar = chart_bar(5, 8, 20, false);
	for (const char *p = bar; *p; p++)
		assert_int_equal(*p, '#');
	free(bar);
}

static void test_sparkline_heights(void **state)
{
	(void)state;
	const double up[] = { 0, 1, 2, 3, 4, 5, 6, 7 };
	assert_spark(up, 8, 0, 7, false, true, "▁▂▃▄▅▆▇█");
	assert_spark(up, 8, 0, 7, false, false, "_.-=+*#@");
	/* A day without entries is a gap, not the lowest bar. */
	const double days[] = { 0, 2, 0, 1 };
	assert_spark(days, 4, 0, 2, true, true, " █ ▅");
	assert_spark(days, 4, 0, 2, true, false, " @ +");
	assert_spark(days, 0, 0, 2, true, true, "");
}

static void test_sparkline_flat_and_clamped(void **state)
{
	(void)state;
	const double flat[] = { 3, 3, 3 };
	assert_spark(flat, 3, 3, 3, false, true, "███");
	const double zeros[] = { 0, 0 };
	assert_spark(zeros, 2, 0, 0, false, true, "▁▁");
	const double wild[] = { -5, 50 };
	assert_spark(wild, 2, 0, 10, false, true, "▁█");
}

static void test_buckets(void **state)
{
	(void)state;
	const int daily[] = { 1, 0, 2, 0, 0, 0, 1, 3, 0, 1 };
	double out[10], most = -1;
	assert_int_equal(chart_buckets(daily, 10, 7, out, &most), 2);
	assert_true(out[0] == 4 && out[1] == 4);   /* a week, then what is left */
	assert_true(most == 4);
	assert_int_equal(chart_buckets(daily, 10, 1, out, NULL), 10);
	assert_true(out[7] == 3);
	assert_int_equal(chart_buckets(daily, 0, 7, out, &most), 0);
	assert_true(most == 0);
	assert_int_equal(chart_buckets(daily, 3, 0, out, &most), 3);   /* a step of 0 is 1 */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bar_cells_and_eighths),
		cmocka_unit_test(test_bar_nothing_to_show),
		cmocka_unit_test(test_bar_ascii),
		cmocka_unit_test(test_sparkline_heights),
		cmocka_unit_test(test_sparkline_flat_and_clamped),
		cmocka_unit_test(test_buckets),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
