/*
 * test_date.c — civil dates (src/core/date.c): calendar arithmetic, ISO
 * weeks, the storage and display forms, the PRAXIS_NOW clock seam, date
 * expressions and periods with every rejection and its exact message, and
 * a replay of the fuzz seed corpus.
 *
 * "Now" is fixed at Tuesday 2026-03-10 09:00:00 (ISO week 11 of 2026).
 * The helpers turn a result into one string ("2026-03-07", "2026-03-10
 * 14:30:00", "invalid: <message>") so that each assertion is one line and
 * a failure shows both sides.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "praxis/date.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define CORPUS "tests/fuzz/corpus/date"

static const struct px_datetime NOW = { { 2026, 3, 10 }, 9, 0, 0, 1 };

static struct px_date D(int y, int m, int d)
{
	return (struct px_date){ y, m, d };
}

static const char *fmt_date(struct px_date d)
{
	static char out[11];
	date_format(&d, out);
	return out;
}

static const char *failed(const struct px_error *err)
{
	static char out[PX_ERROR_MSG_MAX + 32];
	snprintf(out, sizeof out, "%s: %s", px_error_code_name(err->code), err->msg);
	return out;
}

/* A date expression's result against NOW: the date alone when has_time is
 * 0, the storage date-time when it is 1, or the error. */
static const char *expr_at(const char *text, const struct px_datetime *now, enum date_bias bias)
{
	static char out[32];
	struct px_datetime dt;
	struct px_error err;
	px_error_clear(&err);
	if (date_parse_expr(text, now, bias, &dt, &err) < 0)
		return failed(&err);
	if (dt.has_time)
		datetime_format(&dt, out);
	else
		date_format(&dt.date, out);
	return out;
}

static const char *expr(const char *text, enum date_bias bias)
{
	return expr_at(text, &NOW, bias);
}

static const char *unit_name(enum date_unit u)
{
	static const char *const names[] = { "day", "week", "month", "quarter", "year", "custom" };
	return names[u];
}

/* "FROM..TO unit" or the error. */
static const char *range_at(const char *text, const struct px_datetime *now)
{
	static char out[48];
	struct px_date_range r;
	struct px_error err;
	char a[11], b[11];
	px_error_clear(&err);
	if (date_parse_range(text, now, &r, &err) < 0)
		return failed(&err);
	date_format(&r.from, a);
	date_format(&r.to, b);
	snprintf(out, sizeof out, "%s..%s %s", a, b, unit_name(r.unit));
	return out;
}

static const char *range(const char *text)
{
	return range_at(text, &NOW);
}

static const char *previous(struct px_date from, struct px_date to, enum date_unit unit)
{
	static char out[48];
	struct px_date_range r = { from, to, unit }, p;
	char a[11], b[11];
	date_range_previous(&r, &p);
	date_format(&p.from, a);
	date_format(&p.to, b);
	snprintf(out, sizeof out, "%s..%s %s", a, b, unit_name(p.unit));
	return out;
}

static const char *next(struct px_date from, struct px_date to, enum date_unit unit)
{
	static char out[48];
	struct px_date_range r = { from, to, unit }, p;
	char a[11], b[11];
	date_range_next(&r, &p);
	date_format(&p.from, a);
	date_format(&p.to, b);
	snprintf(out, sizeof out, "%s..%s %s", a, b, unit_name(p.unit));
	return out;
}

static const char *containing(struct px_date d, enum date_unit unit)
{
	static char out[48];
	struct px_date_range p;
	char a[11], b[11];
	date_range_containing(&d, unit, &p);
	date_format(&p.from, a);
	date_format(&p.to, b);
	snprintf(out, sizeof out, "%s..%s %s", a, b, unit_name(p.unit));
	return out;
}

static const char *label(struct px_date from, struct px_date to, enum date_unit unit)
{
	static char out[64];
	struct px_date_range r = { from, to, unit };
	date_range_label(&r, out, sizeof out);
	return out;
}

/* ---- calendar ---------------------------------------------------------- */

static void test_leap_years(void **state)
{
	(void)state;
	assert_true(date_is_leap(2024));
	assert_true(date_is_leap(2000));
	assert_false(date_is_leap(2100));
	assert_false(date_is_leap(1900));
	assert_true(date_valid(&(struct px_date){ 2024, 2, 29 }));
	assert_false(date_valid(&(struct px_date){ 2100, 2, 29 }));
	assert_false(date_valid(&(struct px_date){ 2026, 2, 29 }));
	assert_false(date_valid(&(struct px_date){ 2026, 4, 31 }));
	assert_false(date_valid(&(struct px_date){ 2026, 13, 1 }));
	assert_false(date_valid(&(struct px_date){ 2026, 1, 0 }));
	assert_false(date_valid(&(struct px_date){ 1899, 12, 31 }));
	assert_false(date_valid(&(struct px_date){ 10000, 1, 1 }));
	assert_true(date_valid(&(struct px_date){ 1900, 1, 1 }));
	assert_true(date_valid(&(struct px_date){ 9999, 12, 31 }));
}

static void test_day_numbers_round_trip(void **state)
{
	(void)state;
	assert_int_equal(date_to_days(&(struct px_date){ 1970, 1, 1 }), 0);
	assert_int_equal(date_to_days(&(struct px_date){ 2000, 3, 1 }), 11017);
	assert_string_equal(fmt_date(date_from_days(-1)), "1969-12-31");
	/* Every day of the stored range maps to the next day number. */
	struct px_date d = { 1900, 1, 1 };
	int64_t n = date_to_days(&d);
	int bad = 0;
	while (d.year <= 9999) {
		struct px_date back = date_from_days(n);
		bad += !date_valid(&d) || date_compare(&back, &d) != 0 || date_to_days(&d) != n;
		if (++d.day > date_days_in_month(d.year, d.month))
			d.day = 1, d.month++;
		if (d.month > 12)
			d.month = 1, d.year++;
		n++;
	}
	assert_int_equal(bad, 0);
	assert_int_equal(n - date_to_days(&(struct px_date){ 1900, 1, 1 }), 2958464);
}

static void test_weekday(void **state)
{
	(void)state;
	assert_int_equal(date_weekday(&(struct px_date){ 2026, 3, 10 }), 2);
	assert_int_equal(date_weekday(&(struct px_date){ 1970, 1, 1 }), 4);
	assert_int_equal(date_weekday(&(struct px_date){ 2026, 3, 15 }), 7);
	assert_int_equal(date_weekday(&(struct px_date){ 1900, 1, 1 }), 1);
	assert_int_equal(date_weekday(&(struct px_date){ 1969, 12, 29 }), 1);
}

static void test_add_days_and_months(void **state)
{
	(void)state;
	assert_string_equal(fmt_date(date_add_days(&(struct px_date){ 2025, 12, 31 }, 1)), "2026-01-01");
	assert_string_equal(fmt_date(date_add_days(&(struct px_date){ 2024, 3, 1 }, -1)), "2024-02-29");
	assert_string_equal(fmt_date(date_add_months(&(struct px_date){ 2026, 1, 31 }, 1)), "2026-02-28");
	assert_string_equal(fmt_date(date_add_months(&(struct px_date){ 2024, 1, 31 }, 1)), "2024-02-29");
	assert_string_equal(fmt_date(date_add_months(&(struct px_date){ 2026, 3, 31 }, -1)), "2026-02-28");
	assert_string_equal(fmt_date(date_add_months(&(struct px_date){ 2026, 5, 31 }, 1)), "2026-06-30");
	assert_string_equal(fmt_date(date_add_months(&(struct px_date){ 2026, 1, 15 }, -13)), "2024-12-15");
	assert_string_equal(fmt_date(date_add_months(&(struct px_date){ 2024, 2, 29 }, 12)), "2025-02-28");
	assert_string_equal(fmt_date(date_add_months(&(struct px_date){ 2026, 12, 1 }, 1)), "2027-01-01");
}

static void test_compare_and_between(void **state)
{
	(void)state;
	struct px_date a = { 2026, 1, 1 }, b = { 2026, 12, 31 }, c = { 2024, 12, 31 };
	assert_true(date_compare(&a, &b) < 0);
	assert_true(date_compare(&b, &a) > 0);
	assert_int_equal(date_compare(&a, &a), 0);
	assert_true(date_compare(&(struct px_date){ 2026, 2, 1 }, &(struct px_date){ 2026, 1, 31 }) > 0);
	assert_int_equal(date_days_between(&a, &b), 364);
	assert_int_equal(date_days_between(&(struct px_date){ 2024, 1, 1 }, &c), 365);
	assert_int_equal(date_days_between(&b, &a), -364);
}

static void test_iso_weeks(void **state)
{
	(void)state;
	int wy;
	assert_string_equal(fmt_date(date_iso_week_start(2026, 1)), "2025-12-29");
	assert_int_equal(date_iso_week(&(struct px_date){ 2025, 12, 29 }, &wy), 1);
	assert_int_equal(wy, 2026);
	assert_int_equal(date_iso_week(&(struct px_date){ 2021, 1, 3 }, &wy), 53);
	assert_int_equal(wy, 2020);
	assert_int_equal(date_iso_week(&(struct px_date){ 2026, 3, 10 }, &wy), 11);
	assert_int_equal(date_iso_week(&(struct px_date){ 2024, 12, 30 }, &wy), 1);
	assert_int_equal(wy, 2025);
	assert_int_equal(date_iso_weeks_in_year(2020), 53);
	assert_int_equal(date_iso_weeks_in_year(2021), 52);
	assert_int_equal(date_iso_weeks_in_year(2015), 53);
	assert_int_equal(date_iso_weeks_in_year(2026), 53);
	/* Every day lies in the week its number names, Monday first. */
	int bad = 0;
	for (struct px_date d = { 1901, 1, 1 }; d.year < 2101; d = date_add_days(&d, 1)) {
		int week = date_iso_week(&d, &wy);
		struct px_date mon = date_iso_week_start(wy, week);
		int64_t off = date_days_between(&mon, &d);
		bad += off < 0 || off > 6 || date_weekday(&d) != off + 1 ||
		       week > date_iso_weeks_in_year(wy);
	}
	assert_int_equal(bad, 0);
}

/* ---- text forms -------------------------------------------------------- */

static void test_formats(void **state)
{
	(void)state;
	char out[20], human[16];
	struct px_datetime dt = { { 2026, 3, 10 }, 14, 30, 5, 1 };
	datetime_format(&dt, out);
	assert_string_equal(out, "2026-03-10 14:30:05");
	dt.has_time = 0;
	datetime_format(&dt, out);
	assert_string_equal(out, "2026-03-10 00:00:00");
	assert_string_equal(fmt_date(D(1900, 1, 1)), "1900-01-01");
	date_format_human(&(struct px_date){ 2026, 3, 10 }, human, sizeof human);
	assert_string_equal(human, "Tue 10 Mar 2026");
	date_format_human(&(struct px_date){ 2026, 3, 1 }, human, sizeof human);
	assert_string_equal(human, "Sun 1 Mar 2026");
}

static void test_parse_storage(void **state)
{
	(void)state;
	struct px_datetime dt;
	assert_int_equal(datetime_parse_storage("2026-03-10", &dt), 0);
	assert_int_equal(dt.has_time, 0);
	assert_string_equal(fmt_date(dt.date), "2026-03-10");
	assert_int_equal(datetime_parse_storage("2026-03-10 14:30:15", &dt), 0);
	assert_int_equal(dt.has_time, 1);
	assert_int_equal(dt.hour * 10000 + dt.minute * 100 + dt.second, 143015);
	static const char *const bad[] = {
		"", "2026-3-10", "2026-03-10T14:30:15", "2026-03-10 14:30", " 2026-03-10",
		"2026-03-10 ", "2026-02-30", "1899-12-31", "2026-03-10 24:00:00",
		"2026-03-10 12:60:00", "2026-03-10 12:00:60", "20260310", "today",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_int_equal(datetime_parse_storage(bad[i], &dt), -1);
}

/* ---- the clock --------------------------------------------------------- */

static const char *now_with(const char *value)
{
	static char out[PX_ERROR_MSG_MAX + 32];
	struct px_datetime dt;
	struct px_error err;
	px_error_clear(&err);
	setenv("PRAXIS_NOW", value, 1);
	if (date_now(&dt, &err) < 0)
		return failed(&err);
	assert_int_equal(dt.has_time, 1);
	datetime_format(&dt, out);
	return out;
}

static void test_now_seam(void **state)
{
	(void)state;
	assert_string_equal(now_with("2026-03-10T09:00:00"), "2026-03-10 09:00:00");
	assert_string_equal(now_with("2026-03-10 14:30"), "2026-03-10 14:30:00");
	assert_string_equal(now_with("2026-03-10"), "2026-03-10 00:00:00");
	assert_string_equal(now_with("yesterday"),
			    "invalid: PRAXIS_NOW: 'yesterday' is not a date-time "
			    "(use YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS)");
	assert_string_equal(now_with("2026-03-10T09"),
			    "invalid: PRAXIS_NOW: '2026-03-10T09' is not a date-time "
			    "(use YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS)");
	assert_string_equal(now_with("2026-02-30"),
			    "invalid: PRAXIS_NOW: '2026-02-30' is not a valid date: February 2026 has 28 days");

	/* Unset (or empty), the real local clock. */
	setenv("PRAXIS_NOW", "", 1);
	struct px_datetime dt;
	struct px_error err;
	px_error_clear(&err);
	time_t before = time(NULL);
	assert_int_equal(date_now(&dt, &err), 0);
	unsetenv("PRAXIS_NOW");
	assert_int_equal(date_now(&dt, &err), 0);
	struct tm tm;
	assert_non_null(localtime_r(&before, &tm));
	assert_true(date_valid(&dt.date));
	assert_int_equal(dt.has_time, 1);
	struct px_date local = { tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday };
	assert_true(date_days_between(&local, &dt.date) == 0 || date_days_between(&local, &dt.date) == 1);
}

/* ---- date expressions -------------------------------------------------- */

static void test_expr_absolute(void **state)
{
	(void)state;
	assert_string_equal(expr("2026-03-10", DATE_PAST), "2026-03-10");
	assert_string_equal(expr("  2024-02-29\t", DATE_PAST), "2024-02-29");
	assert_string_equal(expr("2026-3-5", DATE_PAST), "2026-03-05");
	assert_string_equal(expr("2026-03-10 14:30", DATE_PAST), "2026-03-10 14:30:00");
	assert_string_equal(expr("2026-03-10T14:30:15", DATE_PAST), "2026-03-10 14:30:15");
	assert_string_equal(expr("2026-03-10t14:30", DATE_FUTURE), "2026-03-10 14:30:00");
	assert_string_equal(expr("1900-01-01", DATE_PAST), "1900-01-01");
	assert_string_equal(expr("9999-12-31 23:59:59", DATE_PAST), "9999-12-31 23:59:59");
}

static void test_expr_keywords(void **state)
{
	(void)state;
	assert_string_equal(expr("now", DATE_PAST), "2026-03-10 09:00:00");
	assert_string_equal(expr("Today", DATE_PAST), "2026-03-10");
	assert_string_equal(expr(" YESTERDAY ", DATE_PAST), "2026-03-09");
	assert_string_equal(expr("tomorrow", DATE_PAST), "2026-03-11");
	struct px_datetime jan1 = { { 2026, 1, 1 }, 0, 0, 0, 1 };
	assert_string_equal(expr_at("yesterday", &jan1, DATE_PAST), "2025-12-31");
}

static void test_expr_ago_and_in(void **state)
{
	(void)state;
	assert_string_equal(expr("3 days ago", DATE_PAST), "2026-03-07");
	assert_string_equal(expr("1 day ago", DATE_PAST), "2026-03-09");
	assert_string_equal(expr("a day ago", DATE_PAST), "2026-03-09");
	assert_string_equal(expr("a week ago", DATE_PAST), "2026-03-03");
	assert_string_equal(expr("2 weeks ago", DATE_PAST), "2026-02-24");
	assert_string_equal(expr("2 months ago", DATE_PAST), "2026-01-10");
	assert_string_equal(expr("1 year ago", DATE_PAST), "2025-03-10");
	assert_string_equal(expr("A MONTH AGO", DATE_PAST), "2026-02-10");
	assert_string_equal(expr("0 days ago", DATE_PAST), "2026-03-10");
	assert_string_equal(expr("in 3 days", DATE_PAST), "2026-03-13");
	assert_string_equal(expr("IN  2\tWEEKS", DATE_PAST), "2026-03-24");
	assert_string_equal(expr("in 1 month", DATE_PAST), "2026-04-10");
	assert_string_equal(expr("in a year", DATE_PAST), "2027-03-10");
	struct px_datetime mar31 = { { 2026, 3, 31 }, 0, 0, 0, 1 };
	assert_string_equal(expr_at("1 month ago", &mar31, DATE_PAST), "2026-02-28");
	assert_string_equal(expr_at("in 2 months", &mar31, DATE_PAST), "2026-05-31");
}

static void test_expr_offsets(void **state)
{
	(void)state;
	assert_string_equal(expr("+7d", DATE_PAST), "2026-03-17");
	assert_string_equal(expr("+2w", DATE_PAST), "2026-03-24");
	assert_string_equal(expr("+1m", DATE_PAST), "2026-04-10");
	assert_string_equal(expr("+1Y", DATE_PAST), "2027-03-10");
	assert_string_equal(expr("-3d", DATE_PAST), "2026-03-07");
	assert_string_equal(expr("-1m", DATE_PAST), "2026-02-10");
	assert_string_equal(expr("+0d", DATE_PAST), "2026-03-10");
}

static void test_expr_weekdays_past(void **state)
{
	(void)state;
	/* NOW is a Tuesday. */
	assert_string_equal(expr("monday", DATE_PAST), "2026-03-09");
	assert_string_equal(expr("tuesday", DATE_PAST), "2026-03-03"); /* today: a week ago */
	assert_string_equal(expr("Tue", DATE_PAST), "2026-03-03");
	assert_string_equal(expr("wed", DATE_PAST), "2026-03-04");
	assert_string_equal(expr("sun", DATE_PAST), "2026-03-08");
	assert_string_equal(expr("last friday", DATE_PAST), "2026-03-06");
	assert_string_equal(expr("last friday", DATE_FUTURE), "2026-03-06");
	assert_string_equal(expr("last tuesday", DATE_FUTURE), "2026-03-03");
}

static void test_expr_weekdays_future(void **state)
{
	(void)state;
	assert_string_equal(expr("monday", DATE_FUTURE), "2026-03-16");
	assert_string_equal(expr("tuesday", DATE_FUTURE), "2026-03-17"); /* today: in a week */
	assert_string_equal(expr("Wednesday", DATE_FUTURE), "2026-03-11");
	assert_string_equal(expr("sat", DATE_FUTURE), "2026-03-14");
	assert_string_equal(expr("next friday", DATE_PAST), "2026-03-13");
	assert_string_equal(expr("next  Tue", DATE_PAST), "2026-03-17");
}

/* Every weekday from every day of a decade, both ways: 1..7 days off, on
 * the right weekday. */
static void test_expr_weekdays_every_day(void **state)
{
	(void)state;
	static const char *const names[] = { "mon", "tuesday", "wed", "thursday", "fri", "saturday", "sun" };
	int bad = 0;
	for (struct px_date d = { 2020, 1, 1 }; d.year < 2030; d = date_add_days(&d, 1)) {
		struct px_datetime now = { d, 12, 0, 0, 1 }, out;
		for (int wd = 1; wd <= 7; wd++) {
			for (int b = 0; b < 2; b++) {
				int rc = date_parse_expr(names[wd - 1], &now, b ? DATE_FUTURE : DATE_PAST, &out, NULL);
				int64_t off = date_days_between(&d, &out.date) * (b ? 1 : -1);
				bad += rc != 0 || off < 1 || off > 7 || date_weekday(&out.date) != wd;
			}
		}
	}
	assert_int_equal(bad, 0);
}

#define HINT "(try YYYY-MM-DD, today, yesterday, '3 days ago' or a weekday)"
#define RANGE_HINT "(try today, this week, last month, YYYY-MM, YYYY-Www, YYYY-Qn, YYYY or FROM..TO)"
#define OUT_OF_RANGE "is out of range: praxis keeps dates from 1900-01-01 to 9999-12-31"

static void test_expr_rejections(void **state)
{
	(void)state;
	assert_string_equal(expr("2026-02-30", DATE_PAST),
			    "invalid: '2026-02-30' is not a valid date: February 2026 has 28 days");
	assert_string_equal(expr("2100-02-29", DATE_PAST),
			    "invalid: '2100-02-29' is not a valid date: February 2100 has 28 days");
	assert_string_equal(expr("2026-04-31", DATE_PAST),
			    "invalid: '2026-04-31' is not a valid date: April 2026 has 30 days");
	assert_string_equal(expr("2026-13-01", DATE_PAST),
			    "invalid: '2026-13-01' is not a valid date: there is no month 13");
	assert_string_equal(expr("1899-12-31", DATE_PAST),
			    "invalid: '1899-12-31' is not a valid date: years run from 1900 to 9999");
	assert_string_equal(expr("12026-01-01", DATE_PAST),
			    "invalid: '12026-01-01' is not a valid date: years run from 1900 to 9999");
	assert_string_equal(expr("2026-03-10 25:00", DATE_PAST),
			    "invalid: '2026-03-10 25:00' is not a valid time: hours run from 00 to 23");
	assert_string_equal(expr("2026-03-10 12:61", DATE_PAST),
			    "invalid: '2026-03-10 12:61' is not a valid time: minutes run from 00 to 59");
	assert_string_equal(expr("blorp", DATE_PAST), "invalid: 'blorp' is not a date " HINT);
	assert_string_equal(expr(" Blorp  ", DATE_PAST), "invalid: 'Blorp' is not a date " HINT);
	assert_string_equal(expr("today x", DATE_PAST), "invalid: 'today x' is not a date " HINT);
	assert_string_equal(expr("2026-03-10x", DATE_PAST), "invalid: '2026-03-10x' is not a date " HINT);
	assert_string_equal(expr("3 days", DATE_PAST), "invalid: '3 days' is not a date " HINT);
	assert_string_equal(expr("+3x", DATE_PAST), "invalid: '+3x' is not a date " HINT);
	assert_string_equal(expr("+d", DATE_PAST), "invalid: '+d' is not a date " HINT);
	assert_string_equal(expr("-3 days ago", DATE_PAST), "invalid: '-3 days ago' is not a date " HINT);
	assert_string_equal(expr("999999999999 days ago", DATE_PAST),
			    "invalid: '999999999999 days ago' " OUT_OF_RANGE);
	assert_string_equal(expr("+99999999999999999999999d", DATE_PAST),
			    "invalid: '+99999999999999999999999d' " OUT_OF_RANGE);
	assert_string_equal(expr("200 years ago", DATE_PAST), "invalid: '200 years ago' " OUT_OF_RANGE);
	assert_string_equal(expr("", DATE_PAST), "invalid: no date given " HINT);
	assert_string_equal(expr(" \t ", DATE_PAST), "invalid: no date given " HINT);
	/* Quoted text stays on one line and within bounds. */
	assert_string_equal(expr("today\nx", DATE_PAST), "invalid: 'today?x' is not a date " HINT);
	char longtext[300];
	memset(longtext, 'x', sizeof longtext - 1);
	longtext[sizeof longtext - 1] = '\0';
	assert_string_equal(expr(longtext, DATE_PAST),
			    "invalid: 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...' "
			    "is not a date " HINT);
}

/* ---- periods ----------------------------------------------------------- */

static void test_range_named(void **state)
{
	(void)state;
	assert_string_equal(range("today"), "2026-03-10..2026-03-10 day");
	assert_string_equal(range("yesterday"), "2026-03-09..2026-03-09 day");
	assert_string_equal(range("week"), "2026-03-09..2026-03-15 week");
	assert_string_equal(range("This  Week"), "2026-03-09..2026-03-15 week");
	assert_string_equal(range("last week"), "2026-03-02..2026-03-08 week");
	assert_string_equal(range("month"), "2026-03-01..2026-03-31 month");
	assert_string_equal(range("this month"), "2026-03-01..2026-03-31 month");
	assert_string_equal(range("last month"), "2026-02-01..2026-02-28 month");
	assert_string_equal(range("quarter"), "2026-01-01..2026-03-31 quarter");
	assert_string_equal(range("last quarter"), "2025-10-01..2025-12-31 quarter");
	assert_string_equal(range("this year"), "2026-01-01..2026-12-31 year");
	assert_string_equal(range("last year"), "2025-01-01..2025-12-31 year");
	struct px_datetime jan = { { 2026, 1, 2 }, 0, 0, 0, 1 };
	assert_string_equal(range_at("week", &jan), "2025-12-29..2026-01-04 week");
	assert_string_equal(range_at("last month", &jan), "2025-12-01..2025-12-31 month");
}

static void test_range_numbered(void **state)
{
	(void)state;
	assert_string_equal(range("2026"), "2026-01-01..2026-12-31 year");
	assert_string_equal(range("2024-02"), "2024-02-01..2024-02-29 month");
	assert_string_equal(range("2026-3"), "2026-03-01..2026-03-31 month");
	assert_string_equal(range("2026-W01"), "2025-12-29..2026-01-04 week");
	assert_string_equal(range("2026-w10"), "2026-03-02..2026-03-08 week");
	assert_string_equal(range("2020-W53"), "2020-12-28..2021-01-03 week");
	assert_string_equal(range("2026-Q1"), "2026-01-01..2026-03-31 quarter");
	assert_string_equal(range("2026-q4"), "2026-10-01..2026-12-31 quarter");
	assert_string_equal(range("2026-03-01"), "2026-03-01..2026-03-01 day");
	assert_string_equal(range("3 days ago"), "2026-03-07..2026-03-07 day");
}

static void test_range_spans(void **state)
{
	(void)state;
	assert_string_equal(range("2026-01-01..today"), "2026-01-01..2026-03-10 custom");
	assert_string_equal(range("..2026-02-01"), "1900-01-01..2026-02-01 custom");
	assert_string_equal(range("2026-01-01.."), "2026-01-01..2026-03-10 custom");
	assert_string_equal(range(" last monday .. Yesterday "), "2026-03-09..2026-03-09 day");
	assert_string_equal(range("monday..2026-03-09"), "2026-03-09..2026-03-09 day");
	assert_string_equal(range(".."), "1900-01-01..2026-03-10 custom");
	/* A span that is a whole unit is that unit, labelled and stepped as one. */
	assert_string_equal(range("2026-03-01..2026-03-31"), "2026-03-01..2026-03-31 month");
	assert_string_equal(range("2026-03-02..2026-03-08"), "2026-03-02..2026-03-08 week");
	assert_string_equal(range("2026-01-01..2026-03-31"), "2026-01-01..2026-03-31 quarter");
	assert_string_equal(range("2025-01-01..2025-12-31"), "2025-01-01..2025-12-31 year");
	assert_string_equal(range("2026-03-01..2026-03-30"), "2026-03-01..2026-03-30 custom");
	assert_string_equal(range("2026-03-03..2026-03-09"), "2026-03-03..2026-03-09 custom");
}

static void test_range_rejections(void **state)
{
	(void)state;
	assert_string_equal(range("2021-W53"),
			    "invalid: '2021-W53' is not a valid week: 2021 has 52 ISO weeks");
	assert_string_equal(range("2026-W00"),
			    "invalid: '2026-W00' is not a valid week: there is no week 0");
	assert_string_equal(range("2026-Q5"),
			    "invalid: '2026-Q5' is not a valid quarter: quarters run from Q1 to Q4");
	assert_string_equal(range("2026-13"),
			    "invalid: '2026-13' is not a valid month: there is no month 13");
	assert_string_equal(range("1899"),
			    "invalid: '1899' is not a valid year: years run from 1900 to 9999");
	assert_string_equal(range("2026-03-01..2026-02-01"),
			    "invalid: '2026-03-01..2026-02-01' starts after it ends "
			    "(2026-03-01 is after 2026-02-01)");
	assert_string_equal(range("tomorrow.."),
			    "invalid: 'tomorrow..' starts after it ends (2026-03-11 is after 2026-03-10)");
	assert_string_equal(range("blorp"), "invalid: 'blorp' is not a date or period " RANGE_HINT);
	assert_string_equal(range("next week"), "invalid: 'next week' is not a date or period " RANGE_HINT);
	assert_string_equal(range("blorp..today"), "invalid: 'blorp' is not a date " HINT);
	assert_string_equal(range("2026-02-30..today"),
			    "invalid: '2026-02-30' is not a valid date: February 2026 has 28 days");
	assert_string_equal(range(""), "invalid: no date or period given " RANGE_HINT);
	struct px_datetime early = { { 1900, 6, 1 }, 0, 0, 0, 1 };
	assert_string_equal(range_at("last year", &early), "invalid: 'last year' " OUT_OF_RANGE);
}

static void test_range_previous(void **state)
{
	(void)state;
	assert_string_equal(previous(D(2026, 3, 1), D(2026, 3, 31), DATE_UNIT_MONTH),
			    "2026-02-01..2026-02-28 month");
	assert_string_equal(previous(D(2026, 1, 1), D(2026, 1, 31), DATE_UNIT_MONTH),
			    "2025-12-01..2025-12-31 month");
	assert_string_equal(previous(D(2026, 3, 15), D(2026, 3, 31), DATE_UNIT_MONTH),
			    "2026-02-01..2026-02-28 month");
	assert_string_equal(previous(D(2025, 12, 29), D(2026, 1, 4), DATE_UNIT_WEEK),
			    "2025-12-22..2025-12-28 week");
	assert_string_equal(previous(D(2026, 1, 1), D(2026, 3, 31), DATE_UNIT_QUARTER),
			    "2025-10-01..2025-12-31 quarter");
	assert_string_equal(previous(D(2026, 7, 1), D(2026, 9, 30), DATE_UNIT_QUARTER),
			    "2026-04-01..2026-06-30 quarter");
	assert_string_equal(previous(D(2026, 1, 1), D(2026, 12, 31), DATE_UNIT_YEAR),
			    "2025-01-01..2025-12-31 year");
	assert_string_equal(previous(D(2026, 3, 1), D(2026, 3, 10), DATE_UNIT_CUSTOM),
			    "2026-02-19..2026-02-28 custom");
	assert_string_equal(previous(D(2026, 3, 1), D(2026, 3, 1), DATE_UNIT_DAY),
			    "2026-02-28..2026-02-28 day");
}

/* Stepping forward mirrors stepping back, across years and February. */
static void test_range_next(void **state)
{
	(void)state;
	assert_string_equal(next(D(2026, 1, 1), D(2026, 1, 31), DATE_UNIT_MONTH),
			    "2026-02-01..2026-02-28 month");
	assert_string_equal(next(D(2025, 12, 1), D(2025, 12, 31), DATE_UNIT_MONTH),
			    "2026-01-01..2026-01-31 month");
	assert_string_equal(next(D(2026, 3, 1), D(2026, 3, 15), DATE_UNIT_MONTH),
			    "2026-04-01..2026-04-30 month");
	assert_string_equal(next(D(2025, 12, 22), D(2025, 12, 28), DATE_UNIT_WEEK),
			    "2025-12-29..2026-01-04 week");
	assert_string_equal(next(D(2025, 10, 1), D(2025, 12, 31), DATE_UNIT_QUARTER),
			    "2026-01-01..2026-03-31 quarter");
	assert_string_equal(next(D(2025, 1, 1), D(2025, 12, 31), DATE_UNIT_YEAR),
			    "2026-01-01..2026-12-31 year");
	assert_string_equal(next(D(2026, 2, 19), D(2026, 2, 28), DATE_UNIT_CUSTOM),
			    "2026-03-01..2026-03-10 custom");
	assert_string_equal(next(D(2024, 2, 28), D(2024, 2, 28), DATE_UNIT_DAY),
			    "2024-02-29..2024-02-29 day");
}

static void test_range_containing(void **state)
{
	(void)state;
	assert_string_equal(containing(D(2026, 1, 1), DATE_UNIT_WEEK),
			    "2025-12-29..2026-01-04 week");   /* ISO week 1 of 2026 */
	assert_string_equal(containing(D(2024, 2, 10), DATE_UNIT_MONTH),
			    "2024-02-01..2024-02-29 month");
	assert_string_equal(containing(D(2026, 8, 15), DATE_UNIT_QUARTER),
			    "2026-07-01..2026-09-30 quarter");
	assert_string_equal(containing(D(2026, 8, 15), DATE_UNIT_YEAR),
			    "2026-01-01..2026-12-31 year");
	assert_string_equal(containing(D(2026, 8, 15), DATE_UNIT_DAY),
			    "2026-08-15..2026-08-15 day");
	assert_string_equal(containing(D(2026, 8, 15), DATE_UNIT_CUSTOM),
			    "2026-08-15..2026-08-15 day");
}

static void test_range_labels(void **state)
{
	(void)state;
	assert_string_equal(label(D(2026, 3, 10), D(2026, 3, 10), DATE_UNIT_DAY), "Tue 10 Mar 2026");
	assert_string_equal(label(D(2026, 3, 2), D(2026, 3, 8), DATE_UNIT_WEEK),
			    "week 10 of 2026 (2\xe2\x80\x93" "8 Mar)");
	assert_string_equal(label(D(2025, 12, 29), D(2026, 1, 4), DATE_UNIT_WEEK),
			    "week 1 of 2026 (29 Dec \xe2\x80\x93 4 Jan)");
	assert_string_equal(label(D(2026, 3, 1), D(2026, 3, 31), DATE_UNIT_MONTH), "March 2026");
	assert_string_equal(label(D(2026, 1, 1), D(2026, 3, 31), DATE_UNIT_QUARTER), "Q1 2026");
	assert_string_equal(label(D(2026, 10, 1), D(2026, 12, 31), DATE_UNIT_QUARTER), "Q4 2026");
	assert_string_equal(label(D(2026, 1, 1), D(2026, 12, 31), DATE_UNIT_YEAR), "2026");
	assert_string_equal(label(D(2026, 1, 1), D(2026, 2, 15), DATE_UNIT_CUSTOM),
			    "1 Jan \xe2\x80\x93 15 Feb 2026");
	assert_string_equal(label(D(2026, 2, 1), D(2026, 2, 15), DATE_UNIT_CUSTOM),
			    "1\xe2\x80\x93" "15 Feb 2026");
	assert_string_equal(label(D(2025, 12, 29), D(2026, 1, 4), DATE_UNIT_CUSTOM),
			    "29 Dec 2025 \xe2\x80\x93 4 Jan 2026");
	assert_string_equal(label(D(2026, 2, 1), D(2026, 2, 1), DATE_UNIT_CUSTOM), "1 Feb 2026");
	char tiny[8];
	struct px_date_range r = { D(2026, 1, 1), D(2026, 2, 15), DATE_UNIT_CUSTOM };
	date_range_label(&r, tiny, sizeof tiny);
	assert_string_equal(tiny, "1 Jan \xe2");
}

/* Every seed of the fuzz corpus through both parsers: no crash, and any
 * success is a valid date. */
static void test_fuzz_corpus(void **state)
{
	(void)state;
	DIR *dir = opendir(CORPUS);
	assert_non_null(dir);
	int files = 0;
	for (struct dirent *de; (de = readdir(dir));) {
		if (de->d_name[0] == '.')
			continue;
		char path[512], text[4097];
		snprintf(path, sizeof path, "%s/%s", CORPUS, de->d_name);
		FILE *f = fopen(path, "rb");
		assert_non_null(f);
		size_t n = fread(text, 1, sizeof text - 1, f);
		fclose(f);
		text[n] = '\0';
		struct px_datetime dt;
		struct px_date_range r;
		struct px_error err;
		px_error_clear(&err);
		for (int b = 0; b < 2; b++)
			if (date_parse_expr(text, &NOW, b ? DATE_FUTURE : DATE_PAST, &dt, &err) == 0)
				assert_true(date_valid(&dt.date));
			else
				assert_int_equal(err.code, PX_ERR_INVALID), px_error_clear(&err);
		if (date_parse_range(text, &NOW, &r, &err) == 0)
			assert_true(date_valid(&r.from) && date_valid(&r.to) &&
				    date_compare(&r.from, &r.to) <= 0);
		else
			assert_true(err.code == PX_ERR_INVALID && !strchr(err.msg, '\n'));
		files++;
	}
	closedir(dir);
	assert_true(files >= 10);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_leap_years),
		cmocka_unit_test(test_day_numbers_round_trip),
		cmocka_unit_test(test_weekday),
		cmocka_unit_test(test_add_days_and_months),
		cmocka_unit_test(test_compare_and_between),
		cmocka_unit_test(test_iso_weeks),
		cmocka_unit_test(test_formats),
		cmocka_unit_test(test_parse_storage),
		cmocka_unit_test(test_now_seam),
		cmocka_unit_test(test_expr_absolute),
		cmocka_unit_test(test_expr_keywords),
		cmocka_unit_test(test_expr_ago_and_in),
		cmocka_unit_test(test_expr_offsets),
		cmocka_unit_test(test_expr_weekdays_past),
		cmocka_unit_test(test_expr_weekdays_future),
		cmocka_unit_test(test_expr_weekdays_every_day),
		cmocka_unit_test(test_expr_rejections),
		cmocka_unit_test(test_range_named),
		cmocka_unit_test(test_range_numbered),
		cmocka_unit_test(test_range_spans),
		cmocka_unit_test(test_range_rejections),
		cmocka_unit_test(test_range_previous),
		cmocka_unit_test(test_range_next),
		cmocka_unit_test(test_range_containing),
		cmocka_unit_test(test_range_labels),
		cmocka_unit_test(test_fuzz_corpus),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
