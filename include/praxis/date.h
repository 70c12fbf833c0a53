/*
 * date.h — civil dates, the one clock of praxis, and what users type for
 * dates and periods.
 *
 * Dates are civil (wall-clock, local) values in the proleptic Gregorian
 * calendar: a year, month and day, never a time_t.  Arithmetic works on day
 * numbers, so a daylight-saving change never moves a day.  The journal
 * stores them as text that sorts as text: dates `YYYY-MM-DD`, date-times
 * `YYYY-MM-DD HH:MM:SS` (local wall time).  praxis keeps years 1900..9999;
 * date_valid() says whether a value is inside that, and every parser here
 * refuses anything outside it.
 *
 * The arithmetic functions take any proleptic date with |year| < 1,000,000
 * and return values by struct; a result may fall outside 1900..9999, so
 * check it with date_valid() before storing it.
 *
 * date_now() is the only place praxis reads the clock.  Setting PRAXIS_NOW
 * (`YYYY-MM-DD`, `YYYY-MM-DDTHH:MM[:SS]` or with a space for the T) fixes
 * it, which is how every test gets a stable "today".
 *
 * The parsers never keep pointers into their input.  On failure they return
 * -1 with a one-line message in the error (code PX_ERR_INVALID) that quotes
 * what was typed, e.g.
 *     '2026-02-30' is not a valid date: February 2026 has 28 days
 *     'blorp' is not a date (try YYYY-MM-DD, today, yesterday, '3 days ago' or a weekday)
 * and leave *out unspecified.
 */
#ifndef PRAXIS_DATE_H
#define PRAXIS_DATE_H

#include "praxis/error.h"

#include <stddef.h>
#include <stdint.h>

#define DATE_YEAR_MIN 1900
#define DATE_YEAR_MAX 9999

struct px_date {
	int year, month, day; /* month 1..12, day 1..28/29/30/31 */
};

struct px_datetime {
	struct px_date date;
	int hour, minute, second; /* meaningful only when has_time */
	int has_time;             /* 0 for a date-only value ("today", "2026-03-10") */
};

/* What kind of period a range is: it decides the label and what the
 * previous period is. */
enum date_unit {
	DATE_UNIT_DAY,
	DATE_UNIT_WEEK,    /* an ISO week, Monday..Sunday */
	DATE_UNIT_MONTH,
	DATE_UNIT_QUARTER,
	DATE_UNIT_YEAR,
	DATE_UNIT_CUSTOM,  /* FROM..TO */
};

struct px_date_range {
	struct px_date from, to; /* both inclusive */
	enum date_unit unit;
};

/* How a bare weekday name resolves: DATE_PAST is the last such day strictly
 * before today (for "when did this happen"), DATE_FUTURE the next one
 * strictly after (for due dates).  "last friday" and "next friday" choose
 * for themselves. */
enum date_bias { DATE_PAST, DATE_FUTURE };

/* ---- calendar ---------------------------------------------------------- */

int date_is_leap(int year);
int date_days_in_month(int year, int month);          /* 0 for a bad month */
/* 1 when D is a real calendar day with a year in 1900..9999, else 0. */
int date_valid(const struct px_date *d);
/* Days since 1970-01-01 (negative before), and back. */
int64_t date_to_days(const struct px_date *d);
struct px_date date_from_days(int64_t days);
int date_weekday(const struct px_date *d);            /* ISO: 1 = Monday .. 7 = Sunday */
struct px_date date_add_days(const struct px_date *d, int64_t days);
/* Whole months later (or earlier when negative), the day clamped to the end
 * of the month it lands in: 2026-01-31 + 1 month = 2026-02-28. */
struct px_date date_add_months(const struct px_date *d, int64_t months);
int date_compare(const struct px_date *a, const struct px_date *b); /* <0, 0, >0 */
int64_t date_days_between(const struct px_date *from, const struct px_date *to); /* to - from */
/* ISO 8601 week number (1..53); *week_year (may be NULL) gets the ISO
 * week-year, which differs from the calendar year around 1 January. */
int date_iso_week(const struct px_date *d, int *week_year);
int date_iso_weeks_in_year(int year);                 /* 52 or 53 */
/* The Monday of ISO week WEEK of WEEK_YEAR (week may be out of range; it
 * counts on from week 1). */
struct px_date date_iso_week_start(int week_year, int week);

/* ---- text -------------------------------------------------------------- */

/* `YYYY-MM-DD`.  D must be valid. */
void date_format(const struct px_date *d, char out[11]);
/* `YYYY-MM-DD HH:MM:SS`; a value without a time is written as midnight. */
void datetime_format(const struct px_datetime *dt, char out[20]);
/* For display: `Tue 10 Mar 2026`, `Sun 1 Mar 2026`.  16 bytes suffice. */
void date_format_human(const struct px_date *d, char *out, size_t size);
/* Strictly the storage forms `YYYY-MM-DD` (has_time = 0) and
 * `YYYY-MM-DD HH:MM:SS` (has_time = 1), valid and in range; 0 or -1. */
int datetime_parse_storage(const char *s, struct px_datetime *out);

/* ---- the clock --------------------------------------------------------- */

/* The local date and time now (has_time = 1), from PRAXIS_NOW when it is
 * set and not empty (a date alone means midnight), else time() and
 * localtime_r().  A malformed PRAXIS_NOW is an error (PX_ERR_INVALID)
 * naming the variable and its value; an unreadable clock is PX_ERR_IO. */
int date_now(struct px_datetime *out, struct px_error *err);

/* ---- what users type --------------------------------------------------- */

/*
 * A date or date-time as typed for --date, due dates and template defaults,
 * relative to NOW.  Case does not matter; surrounding whitespace is ignored.
 *   2026-03-10   2026-03-10 14:30   2026-03-10T14:30:15     (has_time as given)
 *   now (NOW itself)   today   yesterday   tomorrow
 *   3 days ago   a week ago   2 months ago   1 year ago   in 3 days|weeks|months|years
 *   +7d  +2w  +1m  +1y  -3d   (m is months)
 *   monday .. sunday, mon .. sun (resolved by BIAS)   last friday   next fri
 * Month steps clamp to the month's end, as date_add_months().
 */
int date_parse_expr(const char *text, const struct px_datetime *now, enum date_bias bias,
		    struct px_datetime *out, struct px_error *err);

/*
 * A period for list filters and reviews, relative to NOW:
 *   today  yesterday                  one day (DATE_UNIT_DAY)
 *   week, this week, last week        ISO weeks, Monday..Sunday
 *   month, this month, last month     quarter, this quarter, last quarter
 *   year, this year, last year
 *   2026   2026-03   2026-W10   2026-Q1
 *   FROM..TO  where each side is a date expression (DATE_PAST); an empty
 *             FROM is 1900-01-01 and an empty TO is today
 *             (DATE_UNIT_CUSTOM, unless it spans one unit exactly: date_range_of)
 *   any other date expression (DATE_PAST): that one day
 */
int date_parse_range(const char *text, const struct px_datetime *now,
		     struct px_date_range *out, struct px_error *err);

/* The period before R of the same kind: the previous ISO week, calendar
 * month, quarter or year; for a day or custom range, as many days ending
 * the day before R starts.  The result may start before 1900. */
void date_range_previous(const struct px_date_range *r, struct px_date_range *out);

/* The period after R of the same kind, as date_range_previous() goes back
 * (for a day or custom range, as many days starting the day after R
 * ends).  The result may end after 9999. */
void date_range_next(const struct px_date_range *r, struct px_date_range *out);

/* The period of UNIT holding D: its ISO week, calendar month, quarter or
 * year; for DATE_UNIT_DAY and DATE_UNIT_CUSTOM, the day D itself
 * (DATE_UNIT_DAY). */
void date_range_containing(const struct px_date *d, enum date_unit unit,
			   struct px_date_range *out);

/* FROM..TO (FROM not after TO) as the period it is: a single day, or a
 * whole ISO week, calendar month, quarter or year, is that unit, so that
 * it is labelled and stepped as one (a span stored as two dates, in a
 * draft say, comes back as "March 2026"); anything else is custom. */
void date_range_of(const struct px_date *from, const struct px_date *to,
		   struct px_date_range *out);

/* A readable label: `Tue 10 Mar 2026`, `week 10 of 2026 (2–8 Mar)`,
 * `March 2026`, `Q1 2026`, `2026`, `1 Jan – 15 Feb 2026` (UTF-8; 64 bytes
 * suffice). */
void date_range_label(const struct px_date_range *r, char *out, size_t size);

#endif
