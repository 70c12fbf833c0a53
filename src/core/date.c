/*
 * date.c — civil dates for praxis: calendar arithmetic on day numbers, the
 * storage and display forms, the one clock (date_now and its PRAXIS_NOW
 * seam), and the small languages users type for a date ("3 days ago",
 * "last friday", "+2w") and for a period ("last month", "2026-W10",
 * "2026-01-01..today").
 *
 * Nothing here touches time_t except date_now(): a journal entry is about a
 * day on the learner's wall calendar, and converting through seconds would
 * let a daylight-saving change or a time-zone move shift it.  The day-number
 * conversions are Howard Hinnant's days_from_civil / civil_from_days, exact
 * for the whole proleptic Gregorian calendar.
 *
 * The parsers work on a trimmed, lower-cased copy with whitespace runs
 * collapsed, and report problems in three shapes: not recognised (the
 * generic "try ..." hint), recognised but wrong (a specific reason, e.g. the
 * month's length), or out of the 1900..9999 range.  Every message quotes
 * what the user typed, cut short and with control bytes replaced so that
 * it stays one line.
 */
#include "praxis/date.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#define EN_DASH "\xe2\x80\x93"
#define EXPR_MAX 128        /* longer text is not a date we know */
#define COUNT_MAX 10000000  /* "N days ago": more than any date in range */

static const char *const month_names[12] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December",
};
static const char *const weekday_names[7] = {
	"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
};

/* ---- calendar ---------------------------------------------------------- */

int date_is_leap(int year)
{
	return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int date_days_in_month(int year, int month)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (month < 1 || month > 12)
		return 0;
	return days[month - 1] + (month == 2 && date_is_leap(year));
}

int date_valid(const struct px_date *d)
{
	return d->year >= DATE_YEAR_MIN && d->year <= DATE_YEAR_MAX && d->month >= 1 &&
	       d->month <= 12 && d->day >= 1 && d->day <= date_days_in_month(d->year, d->month);
}

int64_t date_to_days(const struct px_date *d)
{
	int64_t y = (int64_t)d->year - (d->month <= 2);
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t mp = (d->month + 9) % 12; /* March = 0, so the leap day ends the year */
	int64_t doy = (153 * mp + 2) / 5 + d->day - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

struct px_date date_from_days(int64_t z)
{
	z += 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	int month = (int)(mp < 10 ? mp + 3 : mp - 9);
	return (struct px_date){ (int)(yoe + era * 400 + (month <= 2)), month,
				 (int)(doy - (153 * mp + 2) / 5 + 1) };
}

int date_weekday(const struct px_date *d)
{
	/* 1970-01-01 was a Thursday. */
	return (int)(((date_to_days(d) % 7) + 10) % 7) + 1;
}

struct px_date date_add_days(const struct px_date *d, int64_t days)
{
	return date_from_days(date_to_days(d) + days);
}

struct px_date date_add_months(const struct px_date *d, int64_t months)
{
	int64_t t = (int64_t)d->year * 12 + (d->month - 1) + months;
	int64_t y = t >= 0 ? t / 12 : -((-t + 11) / 12);
	struct px_date r = { (int)y, (int)(t - y * 12) + 1, d->day };
	int last = date_days_in_month(r.year, r.month);
	if (r.day > last)
		r.day = last;
	return r;
}

int date_compare(const struct px_date *a, const struct px_date *b)
{
	if (a->year != b->year)
		return a->year < b->year ? -1 : 1;
	if (a->month != b->month)
		return a->month < b->month ? -1 : 1;
	return (a->day > b->day) - (a->day < b->day);
}

int64_t date_days_between(const struct px_date *from, const struct px_date *to)
{
	return date_to_days(to) - date_to_days(from);
}

int date_iso_week(const struct px_date *d, int *week_year)
{
	/* A week belongs to the year its Thursday is in. */
	struct px_date thu = date_add_days(d, 4 - date_weekday(d));
	struct px_date jan1 = { thu.year, 1, 1 };
	if (week_year)
		*week_year = thu.year;
	return (int)(date_days_between(&jan1, &thu) / 7) + 1;
}

int date_iso_weeks_in_year(int year)
{
	struct px_date dec28 = { year, 12, 28 }; /* always in the year's last week */
	return date_iso_week(&dec28, NULL);
}

struct px_date date_iso_week_start(int week_year, int week)
{
	struct px_date jan4 = { week_year, 1, 4 }; /* always in week 1 */
	struct px_date monday = date_add_days(&jan4, 1 - date_weekday(&jan4));
	return date_add_days(&monday, (int64_t)(week - 1) * 7);
}

/* ---- text forms -------------------------------------------------------- */

void date_format(const struct px_date *d, char out[11])
{
	/* Unsigned remainders keep the width fixed, so nothing is cut. */
	snprintf(out, 11, "%04u-%02u-%02u", (unsigned)d->year % 10000u, (unsigned)d->month % 100u,
		 (unsigned)d->day % 100u);
}

void datetime_format(const struct px_datetime *dt, char out[20])
{
	unsigned t = dt->has_time != 0;
	date_format(&dt->date, out);
	snprintf(out + 10, 10, " %02u:%02u:%02u", t * ((unsigned)dt->hour % 100u),
		 t * ((unsigned)dt->minute % 100u), t * ((unsigned)dt->second % 100u));
}

void date_format_human(const struct px_date *d, char *out, size_t size)
{
	snprintf(out, size, "%.3s %d %.3s %04d", weekday_names[date_weekday(d) - 1], d->day,
		 month_names[(d->month + 11) % 12], d->year);
}

enum { P_OK, P_NOT, P_BAD }; /* parsed / not recognised / recognised but wrong */

static int is_digit(char c) { return c >= '0' && c <= '9'; }
static int is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

/* MIN..MAX decimal digits at *p (no more may follow) into *out. */
static int read_num(const char **p, int min, int max, int64_t *out)
{
	int64_t v = 0;
	int n = 0;
	for (; is_digit((*p)[n]); n++) {
		if (n == max)
			return -1;
		v = v * 10 + ((*p)[n] - '0');
	}
	if (n < min)
		return -1;
	*p += n;
	*out = v;
	return 0;
}

/* Why Y-M-D is not a valid date, as "is not a valid NOUN: ...", or P_OK. */
static int check_ymd(int64_t y, int64_t m, int64_t d, const char *noun, char *why, size_t n)
{
	if (y < DATE_YEAR_MIN || y > DATE_YEAR_MAX)
		snprintf(why, n, "is not a valid %s: years run from %d to %d", noun, DATE_YEAR_MIN,
			 DATE_YEAR_MAX);
	else if (m < 1 || m > 12)
		snprintf(why, n, "is not a valid %s: there is no month %d", noun, (int)m);
	else if (d < 1 || d > date_days_in_month((int)y, (int)m))
		snprintf(why, n, "is not a valid %s: %s %d has %d days", noun, month_names[m - 1],
			 (int)y, date_days_in_month((int)y, (int)m));
	else
		return P_OK;
	return P_BAD;
}

static int check_time(int64_t h, int64_t mi, int64_t s, char *why, size_t n)
{
	const char *what = h > 23 ? "hours run from 00 to 23" : mi > 59 ? "minutes run from 00 to 59"
					   : s > 59 ? "seconds run from 00 to 59" : NULL;
	if (!what)
		return P_OK;
	snprintf(why, n, "is not a valid time: %s", what);
	return P_BAD;
}

/*
 * YYYY-MM-DD with an optional time.  STRICT is the storage form: exact
 * widths and ` HH:MM:SS`.  Otherwise month, day and hour may have one digit,
 * the year up to nine (so that 12026 is "out of range", not "not a date"),
 * the separator may be T or spaces, and seconds are optional.
 */
static int parse_iso(const char *s, int strict, struct px_datetime *out, char *why, size_t n)
{
	int64_t y, mo, d, h = 0, mi = 0, se = 0;
	const char *p = s;
	int w = strict ? 2 : 1;
	if (read_num(&p, 4, strict ? 4 : 9, &y) || *p++ != '-' || read_num(&p, w, 2, &mo) ||
	    *p++ != '-' || read_num(&p, w, 2, &d))
		return P_NOT;
	int has_time = *p != '\0';
	if (has_time) {
		if (strict ? *p != ' ' : (*p != ' ' && *p != 't' && *p != 'T'))
			return P_NOT;
		for (p++; !strict && *p == ' ';)
			p++;
		if (read_num(&p, w, 2, &h) || *p++ != ':' || read_num(&p, 2, 2, &mi))
			return P_NOT;
		if (*p == ':' ? (p++, read_num(&p, 2, 2, &se) != 0) : strict)
			return P_NOT;
		if (*p)
			return P_NOT;
	}
	if (check_ymd(y, mo, d, "date", why, n) || check_time(h, mi, se, why, n))
		return P_BAD;
	*out = (struct px_datetime){ { (int)y, (int)mo, (int)d }, (int)h, (int)mi, (int)se, has_time };
	return P_OK;
}

int datetime_parse_storage(const char *s, struct px_datetime *out)
{
	char why[128];
	return s && parse_iso(s, 1, out, why, sizeof why) == P_OK ? 0 : -1;
}

/* ---- the clock --------------------------------------------------------- */

int date_now(struct px_datetime *out, struct px_error *err)
{
	const char *fixed = getenv("PRAXIS_NOW");
	if (fixed && *fixed) {
		char why[128];
		int r = parse_iso(fixed, 0, out, why, sizeof why);
		if (r == P_BAD)
			return px_error_set(err, PX_ERR_INVALID, "PRAXIS_NOW: '%.64s' %s", fixed, why);
		if (r != P_OK)
			return px_error_set(err, PX_ERR_INVALID,
					    "PRAXIS_NOW: '%.64s' is not a date-time "
					    "(use YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS)", fixed);
		if (!out->has_time)
			out->hour = out->minute = out->second = 0;
		out->has_time = 1;
		return 0;
	}
	time_t t = time(NULL);
	struct tm tm;
	if (t == (time_t)-1 || !localtime_r(&t, &tm))
		return px_error_set(err, PX_ERR_IO, "the system clock is unreadable");
	*out = (struct px_datetime){ { tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday },
				     tm.tm_hour, tm.tm_min, tm.tm_sec > 59 ? 59 : tm.tm_sec, 1 };
	if (!date_valid(&out->date))
		return px_error_set(err, PX_ERR_IO, "the system clock says the year is %d",
				    out->date.year);
	return 0;
}

/* ---- shared by the expression and range parsers ------------------------ */

/* What a parser is asked for, for its messages. */
struct kind {
	const char *noun; /* "date" */
	const char *hint; /* "(try ...)" */
};
static const struct kind expr_kind = {
	"date", "(try YYYY-MM-DD, today, yesterday, '3 days ago' or a weekday)"
};
static const struct kind range_kind = {
	"date or period",
	"(try today, this week, last month, YYYY-MM, YYYY-Www, YYYY-Qn, YYYY or FROM..TO)"
};

struct quote {
	const char *s; /* the trimmed text as typed */
	size_t len;
};

/* Trim [S, S+LEN) into Q, and copy it lower-cased with whitespace runs
 * made one space into BUF.  -1 when it does not fit. */
static int normalise(const char *s, size_t len, char *buf, size_t size, struct quote *q)
{
	while (len && is_space(*s))
		s++, len--;
	while (len && is_space(s[len - 1]))
		len--;
	*q = (struct quote){ s, len };
	size_t o = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		if (is_space(c) && buf[o - 1] == ' ') /* o > 0: S starts with no space */
			continue;
		if (o + 1 >= size) {
			buf[o] = '\0';
			return -1;
		}
		buf[o++] = is_space(c) ? ' ' : (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
	}
	buf[o] = '\0';
	return 0;
}

/* "'<text>' <why>", the text cut short and kept on one line. */
static int fail(struct px_error *err, const struct quote *q, const char *why)
{
	char shown[64];
	size_t n = q->len < 60 ? q->len : 56;
	while (n < q->len && n > 0 && ((unsigned char)q->s[n] & 0xC0) == 0x80)
		n--; /* do not cut a UTF-8 sequence */
	for (size_t i = 0; i < n; i++)
		shown[i] = (unsigned char)q->s[i] < 0x20 || q->s[i] == 0x7f ? '?' : q->s[i];
	snprintf(shown + n, sizeof shown - n, "%s", n < q->len ? "..." : "");
	return px_error_set(err, PX_ERR_INVALID, "'%s' %s", shown, why);
}

static int out_of_range(char *why, size_t n)
{
	snprintf(why, n, "is out of range: praxis keeps dates from %d-01-01 to %d-12-31",
		 DATE_YEAR_MIN, DATE_YEAR_MAX);
	return P_BAD;
}

static int day_result(struct px_date d, struct px_datetime *out, char *why, size_t n)
{
	if (!date_valid(&d))
		return out_of_range(why, n);
	*out = (struct px_datetime){ .date = d };
	return P_OK;
}

/* ---- date expressions -------------------------------------------------- */

/* TODAY moved by COUNT (signed) units of 'd', 'w', 'm' or 'y'. */
static int shift(const struct px_date *today, int64_t count, char unit, struct px_datetime *out,
		 char *why, size_t n)
{
	if (count > COUNT_MAX || count < -COUNT_MAX)
		return out_of_range(why, n);
	struct px_date d = unit == 'd' ? date_add_days(today, count)
			 : unit == 'w' ? date_add_days(today, count * 7)
			 : unit == 'm' ? date_add_months(today, count)
				       : date_add_months(today, count * 12);
	return day_result(d, out, why, n);
}

/* A whole word of digits (saturating, so that a huge N is "out of range"),
 * or "a"/"an" for one. */
static int read_count(const char *w, int64_t *out)
{
	if (!strcmp(w, "a") || !strcmp(w, "an"))
		return *out = 1, 0;
	if (!*w)
		return -1;
	for (*out = 0; *w; w++) {
		if (!is_digit(*w))
			return -1;
		*out = *out > COUNT_MAX ? *out : *out * 10 + (*w - '0');
	}
	return 0;
}

/* "day", "weeks", … as 'd', 'w', 'm', 'y'; 0 for anything else. */
static char unit_named(const char *w)
{
	static const char *const units[] = { "day", "week", "month", "year" };
	size_t len = strlen(w);
	if (len && w[len - 1] == 's')
		len--;
	for (size_t i = 0; i < 4; i++)
		if (strlen(units[i]) == len && !strncmp(w, units[i], len))
			return "dwmy"[i];
	return 0;
}

/* 1..7 for "monday"/"mon" .. "sunday"/"sun"; 0 for anything else. */
static int weekday_named(const char *w)
{
	for (int i = 0; i < 7; i++) {
		const char *name = weekday_names[i];
		size_t len = strlen(w);
		if ((len == 3 || len == strlen(name)) && !strncasecmp(w, name, len))
			return i + 1;
	}
	return 0;
}

static int weekday_from(const struct px_date *today, int wd, enum date_bias bias,
			struct px_datetime *out, char *why, size_t n)
{
	int cur = date_weekday(today);
	int delta = ((bias == DATE_PAST ? cur - wd : wd - cur) + 7) % 7;
	if (delta == 0)
		delta = 7; /* strictly before or after today */
	return day_result(date_add_days(today, bias == DATE_PAST ? -delta : delta), out, why, n);
}

static int expr_words(char *s, const struct px_date *today, enum date_bias bias,
		      struct px_datetime *out, char *why, size_t n)
{
	char *w[4];
	int nw = 0;
	for (char *p = s; *p && nw < 4; nw++) {
		w[nw] = p;
		p += strcspn(p, " ");
		if (*p)
			*p++ = '\0';
	}
	if (nw == 1 || (nw == 2 && (!strcmp(w[0], "last") || !strcmp(w[0], "next")))) {
		int wd = weekday_named(w[nw - 1]);
		if (wd)
			return weekday_from(today, wd,
					    nw == 1 ? bias : w[0][0] == 'l' ? DATE_PAST : DATE_FUTURE,
					    out, why, n);
	}
	int ago = nw == 3 && !strcmp(w[2], "ago"), in = nw == 3 && !strcmp(w[0], "in");
	int64_t count;
	char unit = ago || in ? unit_named(w[ago ? 1 : 2]) : 0;
	if (unit && read_count(w[ago ? 0 : 1], &count) == 0)
		return shift(today, ago ? -count : count, unit, out, why, n);
	return P_NOT;
}

/* S is normalised (see normalise()) and may be cut into words. */
static int expr_core(char *s, const struct px_datetime *now, enum date_bias bias,
		     struct px_datetime *out, char *why, size_t n)
{
	static const struct { const char *word; int days; } days[] = {
		{ "today", 0 }, { "yesterday", -1 }, { "tomorrow", 1 },
	};
	const struct px_date *today = &now->date;
	if (is_digit(s[0])) {
		int r = parse_iso(s, 0, out, why, n);
		if (r != P_NOT)
			return r;
	}
	if (!strcmp(s, "now"))
		return *out = *now, P_OK;
	for (size_t i = 0; i < sizeof days / sizeof days[0]; i++)
		if (!strcmp(s, days[i].word))
			return shift(today, days[i].days, 'd', out, why, n);
	if ((s[0] == '+' || s[0] == '-') && is_digit(s[1])) {
		size_t len = strlen(s);
		char unit = s[len - 1];
		int64_t count;
		if (len < 3 || !strchr("dwmy", unit))
			return P_NOT;
		s[len - 1] = '\0';
		if (read_count(s + 1, &count))
			return P_NOT;
		return shift(today, s[0] == '-' ? -count : count, unit, out, why, n);
	}
	return expr_words(s, today, bias, out, why, n);
}

/* The expression in [TEXT, TEXT+LEN), with KIND's messages on failure. */
static int expr_at(const char *text, size_t len, const struct px_datetime *now,
		   enum date_bias bias, const struct kind *kind, struct px_datetime *out,
		   struct px_error *err)
{
	char buf[EXPR_MAX], why[160];
	struct quote q;
	int r = normalise(text, len, buf, sizeof buf, &q) ? P_NOT
							   : expr_core(buf, now, bias, out, why, sizeof why);
	if (r == P_OK)
		return 0;
	if (q.len == 0)
		return px_error_set(err, PX_ERR_INVALID, "no %s given %s", kind->noun, kind->hint);
	if (r == P_NOT)
		snprintf(why, sizeof why, "is not a %s %s", kind->noun, kind->hint);
	return fail(err, &q, why);
}

int date_parse_expr(const char *text, const struct px_datetime *now, enum date_bias bias,
		    struct px_datetime *out, struct px_error *err)
{
	return expr_at(text, strlen(text), now, bias, &expr_kind, out, err);
}

/* ---- periods ----------------------------------------------------------- */

/* The period of kind UNIT that contains D (a custom range is just D). */
static void period_containing(const struct px_date *d, enum date_unit unit,
			      struct px_date_range *out)
{
	struct px_date from = *d, to = *d;
	if (unit == DATE_UNIT_WEEK) {
		from = date_add_days(d, 1 - date_weekday(d));
		to = date_add_days(&from, 6);
	} else if (unit == DATE_UNIT_MONTH || unit == DATE_UNIT_QUARTER || unit == DATE_UNIT_YEAR) {
		int first = unit == DATE_UNIT_MONTH ? d->month
			  : unit == DATE_UNIT_QUARTER ? (d->month - 1) / 3 * 3 + 1 : 1;
		int last = unit == DATE_UNIT_MONTH ? first : unit == DATE_UNIT_QUARTER ? first + 2 : 12;
		from = (struct px_date){ d->year, first, 1 };
		to = (struct px_date){ d->year, last, date_days_in_month(d->year, last) };
	}
	*out = (struct px_date_range){ from, to, unit };
}

void date_range_previous(const struct px_date_range *r, struct px_date_range *out)
{
	struct px_date_range cur = *r;
	if (cur.unit == DATE_UNIT_DAY || cur.unit == DATE_UNIT_CUSTOM) {
		int64_t n = date_days_between(&cur.from, &cur.to) + 1;
		*out = (struct px_date_range){ date_add_days(&cur.from, -n),
					       date_add_days(&cur.from, -1), cur.unit };
		return;
	}
	/* Normalise first, so a month range built by hand from the 15th still
	 * steps back one whole month. */
	period_containing(&cur.from, cur.unit, &cur);
	struct px_date before = date_add_days(&cur.from, -1);
	period_containing(&before, cur.unit, out);
}

void date_range_next(const struct px_date_range *r, struct px_date_range *out)
{
	struct px_date_range cur = *r;
	if (cur.unit == DATE_UNIT_DAY || cur.unit == DATE_UNIT_CUSTOM) {
		int64_t n = date_days_between(&cur.from, &cur.to) + 1;
		*out = (struct px_date_range){ date_add_days(&cur.to, 1),
					       date_add_days(&cur.to, n), cur.unit };
		return;
	}
	period_containing(&cur.to, cur.unit, &cur);   /* normalised, as above */
	struct px_date after = date_add_days(&cur.to, 1);
	period_containing(&after, cur.unit, out);
}

void date_range_containing(const struct px_date *d, enum date_unit unit,
			   struct px_date_range *out)
{
	period_containing(d, unit == DATE_UNIT_CUSTOM ? DATE_UNIT_DAY : unit, out);
}

/* week, this week, last week, month, … */
static int range_named(const char *s, const struct px_date *today, struct px_date_range *out)
{
	static const char *const units[] = {
		[DATE_UNIT_WEEK] = "week", [DATE_UNIT_MONTH] = "month",
		[DATE_UNIT_QUARTER] = "quarter", [DATE_UNIT_YEAR] = "year",
	};
	int back = !strncmp(s, "last ", 5);
	if (back || !strncmp(s, "this ", 5))
		s += 5;
	for (int u = DATE_UNIT_WEEK; u <= DATE_UNIT_YEAR; u++) {
		if (strcmp(s, units[u]))
			continue;
		period_containing(today, (enum date_unit)u, out);
		if (back)
			date_range_previous(out, out);
		return P_OK;
	}
	return P_NOT;
}

/* YYYY, YYYY-MM, YYYY-Www, YYYY-Qn. */
static int range_numbered(const char *s, struct px_date_range *out, char *why, size_t n)
{
	const char *p = s;
	int64_t y, v = 1;
	char k = 'y';
	if (read_num(&p, 4, 4, &y))
		return P_NOT;
	if (*p) {
		if (*p++ != '-')
			return P_NOT;
		k = *p == 'w' || *p == 'q' ? *p++ : 'm';
		if (read_num(&p, 1, 2, &v) || *p)
			return P_NOT;
	}
	const char *noun = k == 'y' ? "year" : k == 'm' ? "month" : k == 'w' ? "week" : "quarter";
	if (check_ymd(y, k == 'm' ? v : 1, 1, noun, why, n))
		return P_BAD;
	struct px_date d = { (int)y, 1, 1 };
	if (k == 'y')
		return period_containing(&d, DATE_UNIT_YEAR, out), P_OK;
	if (k == 'm')
		return d.month = (int)v, period_containing(&d, DATE_UNIT_MONTH, out), P_OK;
	if (k == 'q' && (v < 1 || v > 4)) {
		snprintf(why, n, "is not a valid quarter: quarters run from Q1 to Q4");
		return P_BAD;
	}
	if (k == 'q')
		return d.month = (int)v * 3 - 2, period_containing(&d, DATE_UNIT_QUARTER, out), P_OK;
	int weeks = date_iso_weeks_in_year((int)y);
	if (v < 1 || v > weeks) {
		if (v < 1)
			snprintf(why, n, "is not a valid week: there is no week 0");
		else
			snprintf(why, n, "is not a valid week: %d has %d ISO weeks", (int)y, weeks);
		return P_BAD;
	}
	d = date_iso_week_start((int)y, (int)v);
	period_containing(&d, DATE_UNIT_WEEK, out);
	return P_OK;
}

void date_range_of(const struct px_date *from, const struct px_date *to,
		   struct px_date_range *out)
{
	static const enum date_unit units[] = {
		DATE_UNIT_DAY, DATE_UNIT_WEEK, DATE_UNIT_MONTH, DATE_UNIT_QUARTER, DATE_UNIT_YEAR,
	};
	for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) {
		struct px_date_range r;
		date_range_containing(from, units[i], &r);
		if (!date_compare(&r.from, from) && !date_compare(&r.to, to)) {
			*out = r;
			return;
		}
	}
	*out = (struct px_date_range){ *from, *to, DATE_UNIT_CUSTOM };
}

/* FROM..TO, either side open. */
static int range_span(const char *text, const char *dots, const struct px_datetime *now,
		      struct px_date_range *out, struct px_error *err)
{
	struct px_datetime from = { .date = { DATE_YEAR_MIN, 1, 1 } }, to = *now;
	const char *right = dots + 2;
	size_t llen = (size_t)(dots - text), rlen = strlen(right);
	if (strspn(text, " \t\n\v\f\r") < llen &&
	    expr_at(text, llen, now, DATE_PAST, &expr_kind, &from, err))
		return -1;
	if (strspn(right, " \t\n\v\f\r") < rlen &&
	    expr_at(right, rlen, now, DATE_PAST, &expr_kind, &to, err))
		return -1;
	if (date_compare(&from.date, &to.date) > 0) {
		char a[11], b[11], why[64];
		struct quote q;
		char buf[EXPR_MAX * 2 + 8];
		normalise(text, strlen(text), buf, sizeof buf, &q);
		date_format(&from.date, a);
		date_format(&to.date, b);
		snprintf(why, sizeof why, "starts after it ends (%s is after %s)", a, b);
		return fail(err, &q, why);
	}
	date_range_of(&from.date, &to.date, out);
	return 0;
}

int date_parse_range(const char *text, const struct px_datetime *now,
		     struct px_date_range *out, struct px_error *err)
{
	const char *dots = strstr(text, "..");
	if (dots)
		return range_span(text, dots, now, out, err);
	char buf[EXPR_MAX], why[160];
	struct quote q;
	int fits = normalise(text, strlen(text), buf, sizeof buf, &q) == 0;
	int r = fits ? range_named(buf, &now->date, out) : P_NOT;
	if (r == P_NOT && fits)
		r = range_numbered(buf, out, why, sizeof why);
	if (r == P_NOT) {
		struct px_datetime day;
		if (expr_at(text, strlen(text), now, DATE_PAST, &range_kind, &day, err))
			return -1;
		*out = (struct px_date_range){ day.date, day.date, DATE_UNIT_DAY };
		return 0;
	}
	if (r == P_OK && (!date_valid(&out->from) || !date_valid(&out->to)))
		r = out_of_range(why, sizeof why);
	return r == P_OK ? 0 : fail(err, &q, why);
}

/* ---- labels ------------------------------------------------------------ */

/* "1 Jan – 15 Feb 2026", "1–15 Feb 2026", "29 Dec 2025 – 4 Jan 2026". */
static void label_span(const struct px_date *a, const struct px_date *b, char *out, size_t size)
{
	const char *ma = month_names[(a->month + 11) % 12], *mb = month_names[(b->month + 11) % 12];
	if (!date_compare(a, b))
		snprintf(out, size, "%d %.3s %d", a->day, ma, a->year);
	else if (a->year == b->year && a->month == b->month)
		snprintf(out, size, "%d" EN_DASH "%d %.3s %d", a->day, b->day, ma, a->year);
	else if (a->year == b->year)
		snprintf(out, size, "%d %.3s " EN_DASH " %d %.3s %d", a->day, ma, b->day, mb, b->year);
	else
		snprintf(out, size, "%d %.3s %d " EN_DASH " %d %.3s %d", a->day, ma, a->year, b->day,
			 mb, b->year);
}

void date_range_label(const struct px_date_range *r, char *out, size_t size)
{
	const struct px_date *a = &r->from, *b = &r->to;
	const char *ma = month_names[(a->month + 11) % 12], *mb = month_names[(b->month + 11) % 12];
	int wy, week;
	switch (r->unit) {
	case DATE_UNIT_DAY:
		date_format_human(a, out, size);
		return;
	case DATE_UNIT_WEEK:
		week = date_iso_week(a, &wy);
		if (a->month == b->month)
			snprintf(out, size, "week %d of %d (%d" EN_DASH "%d %.3s)", week, wy, a->day,
				 b->day, ma);
		else
			snprintf(out, size, "week %d of %d (%d %.3s " EN_DASH " %d %.3s)", week, wy,
				 a->day, ma, b->day, mb);
		return;
	case DATE_UNIT_MONTH:
		snprintf(out, size, "%s %d", ma, a->year);
		return;
	case DATE_UNIT_QUARTER:
		snprintf(out, size, "Q%d %d", (a->month - 1) / 3 + 1, a->year);
		return;
	case DATE_UNIT_YEAR:
		snprintf(out, size, "%d", a->year);
		return;
	case DATE_UNIT_CUSTOM:
		break;
	}
	label_span(a, b, out, size);
}
