/*
 * json.c — a JSON writer: escaping and comma placement, nothing else.
 * Output is deterministic (no floating-point surprises: doubles are written
 * with %.17g only when they are not whole numbers), which export's
 * round-trip guarantee relies on.
 */
#include "praxis/json.h"

#include "praxis/text.h"

#include <locale.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

void json_init(struct json_writer *w, struct px_buf *out, int pretty)
{
	memset(w, 0, sizeof *w);
	w->out = out;
	w->pretty = pretty;
}

static void newline(struct json_writer *w)
{
	static const char spaces[] = "\n                                                                ";
	if (!w->pretty)
		return;
	/* The line break and the indent in one copy (pieces past 32 levels). */
	size_t want = 2 * (size_t)(w->depth > 0 ? w->depth : 0), max = sizeof spaces - 2;
	px_buf_add(w->out, spaces, 1 + (want < max ? want : max));
	for (want = want > max ? want - max : 0; want > 0;) {
		size_t n = want < max ? want : max;
		px_buf_add(w->out, spaces + 1, n);
		want -= n;
	}
}

/* The value count of the innermost open container.  Levels past the array
 * share its last slot, and that is enough: only the innermost count is
 * read, and a container holding a child that was just closed has a value
 * (that child), which close_container writes back.  So the depth itself is
 * never capped, every bracket is closed and every comma placed, however
 * deep the caller nests. */
static int *level_count(struct json_writer *w)
{
	return &w->count[w->depth < JSON_MAX_DEPTH ? w->depth : JSON_MAX_DEPTH - 1];
}

/* Before any value or key: a comma if needed, and the indent. */
static void before_value(struct json_writer *w)
{
	if (w->after_key) {
		w->after_key = 0;
		return;
	}
	if (w->depth > 0) {
		if ((*level_count(w))++ > 0)
			px_buf_addc(w->out, ',');
		newline(w);
	}
}

static void open_container(struct json_writer *w, char c)
{
	before_value(w);
	px_buf_addc(w->out, c);
	w->depth++;
	*level_count(w) = 0;
}

static void close_container(struct json_writer *w, char c)
{
	int had = *level_count(w) > 0;
	if (w->depth > 0)
		w->depth--;
	if (had)
		newline(w);
	px_buf_addc(w->out, c);
	if (w->depth > 0 && *level_count(w) == 0)
		*level_count(w) = 1;
	if (w->depth == 0 && w->pretty)
		px_buf_addc(w->out, '\n');
}

void json_begin_object(struct json_writer *w) { open_container(w, '{'); }
void json_end_object(struct json_writer *w) { close_container(w, '}'); }
void json_begin_array(struct json_writer *w) { open_container(w, '['); }
void json_end_array(struct json_writer *w) { close_container(w, ']'); }

/* Bytes json_quote copies as they are: printable ASCII other than the quote
 * and the backslash.  Most text is made of them, so runs are copied whole. */
static bool json_plain(unsigned char c)
{
	return c >= 0x20 && c < 0x7f && c != '"' && c != '\\';
}

#define ONES 0x0101010101010101u
#define HIGHS 0x8080808080808080u

static uint64_t has_zero(uint64_t v)
{
	return (v - ONES) & ~v & HIGHS;
}

/* The end of the run of plain bytes at S+I: eight bytes at a time while
 * none can be other than plain (a control, DEL, '"', '\\' or non-ASCII),
 * since exports write whole journals through here. */
static size_t plain_run_end(const char *s, size_t i, size_t len)
{
	while (i + 8 <= len) {
		uint64_t v;
		memcpy(&v, s + i, 8);
		uint64_t look = ((v - ONES * 0x20) & ~v & HIGHS) | (v & HIGHS) |
				has_zero(v ^ (ONES * 0x7f)) | has_zero(v ^ (ONES * '"')) |
				has_zero(v ^ (ONES * '\\'));
		if (look)
			break;
		i += 8;
	}
	while (i < len && json_plain((unsigned char)s[i]))
		i++;
	return i;
}

void json_quote(struct px_buf *out, const char *s)
{
	size_t len = strlen(s);
	px_buf_grow(out, len + 2);
	px_buf_addc(out, '"');
	for (size_t i = 0; i < len;) {
		size_t run = plain_run_end(s, i, len);
		if (run > i) {
			px_buf_add(out, s + i, run - i);
			i = run;
			continue;
		}
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80) {
			switch (c) {
			case '"': px_buf_adds(out, "\\\""); break;
			case '\\': px_buf_adds(out, "\\\\"); break;
			case '\n': px_buf_adds(out, "\\n"); break;
			case '\t': px_buf_adds(out, "\\t"); break;
			case '\r': px_buf_adds(out, "\\r"); break;
			default: px_buf_addf(out, "\\u%04x", c); break;
			}
			i++;
			continue;
		}
		uint32_t cp;
		size_t n = text_utf8_decode(s + i, len - i, &cp);
		if (cp == 0xFFFD && !(n == 3 && memcmp(s + i, "\xef\xbf\xbd", 3) == 0))
			px_buf_adds(out, "\xef\xbf\xbd");
		else if ((cp >= 0x80 && cp <= 0x9f) || (cp >= 0x202a && cp <= 0x202e) ||
			 (cp >= 0x2066 && cp <= 0x2069))
			/* C1 controls can steer a terminal and bidirectional overrides
			 * can disguise text, as text_escape_controls() says. */
			px_buf_addf(out, "\\u%04x", (unsigned)cp);
		else
			px_buf_add(out, s + i, n);
		i += n;
	}
	px_buf_addc(out, '"');
}

void json_key(struct json_writer *w, const char *key)
{
	before_value(w);
	json_quote(w->out, key);
	px_buf_adds(w->out, w->pretty ? ": " : ":");
	w->after_key = 1;
}

void json_string(struct json_writer *w, const char *s)
{
	if (!s) {
		json_null(w);
		return;
	}
	before_value(w);
	json_quote(w->out, s);
}

void json_int(struct json_writer *w, int64_t v)
{
	before_value(w);
	px_buf_addf(w->out, "%lld", (long long)v);
}

/* %.17g in the C locale: the faces call setlocale(LC_ALL, ""), and a
 * locale that writes "3,5" would make the output invalid JSON. */
static void json_format_double(struct px_buf *out, double v)
{
	static locale_t c_numeric;
	if (!c_numeric)
		c_numeric = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
	locale_t before = c_numeric ? uselocale(c_numeric) : (locale_t)0;
	px_buf_addf(out, "%.17g", v);
	if (c_numeric)
		uselocale(before);
}

void json_double(struct json_writer *w, double v)
{
	before_value(w);
	if (!isfinite(v))
		px_buf_adds(w->out, "null");
	else if (v == floor(v) && fabs(v) < 1e15)
		px_buf_addf(w->out, "%lld", (long long)v);
	else
		json_format_double(w->out, v);
}

void json_bool(struct json_writer *w, int v)
{
	before_value(w);
	px_buf_adds(w->out, v ? "true" : "false");
}

void json_null(struct json_writer *w)
{
	before_value(w);
	px_buf_adds(w->out, "null");
}

void json_member_string(struct json_writer *w, const char *key, const char *s)
{
	json_key(w, key);
	json_string(w, s);
}

void json_member_int(struct json_writer *w, const char *key, int64_t v)
{
	json_key(w, key);
	json_int(w, v);
}

void json_member_bool(struct json_writer *w, const char *key, int v)
{
	json_key(w, key);
	json_bool(w, v);
}
