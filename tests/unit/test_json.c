/*
 * test_json.c — the JSON writer (src/core/json.c): escaping per RFC 8259,
 * invalid UTF-8 written as U+FFFD, numbers, commas and nesting in compact
 * and pretty output.  json.h has no parser (the importer has its own), so
 * validity is checked by a small recursive-descent recogniser here that
 * accepts exactly RFC 8259 text: every output a test builds must pass it.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "praxis/buf.h"
#include "praxis/json.h"
#include "praxis/text.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* ---- a strict recogniser, for "the output is always valid JSON" ---------- */

static const char *skip_ws(const char *p)
{
	while (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r')
		p++;
	return p;
}

static const char *parse_value(const char *p, int depth);

static const char *parse_string(const char *p)
{
	if (*p++ != '"')
		return NULL;
	while (*p != '"') {
		unsigned char c = (unsigned char)*p;
		if (c < 0x20)
			return NULL;                 /* raw control characters are not JSON */
		if (c == '\\') {
			p++;
			if (*p == 'u') {
				for (int i = 1; i <= 4; i++)
					if (!p[i] || !strchr("0123456789abcdefABCDEF", p[i]))
						return NULL;
				p += 5;
			} else if (*p && strchr("\"\\/bfnrt", *p)) {
				p++;
			} else {
				return NULL;
			}
		} else {
			p++;
		}
	}
	return p + 1;
}

static const char *parse_number(const char *p)
{
	if (*p == '-')
		p++;
	if (*p == '0')
		p++;
	else if (*p >= '1' && *p <= '9')
		while (*p >= '0' && *p <= '9')
			p++;
	else
		return NULL;
	if (*p == '.') {
		if (!(*++p >= '0' && *p <= '9'))
			return NULL;
		while (*p >= '0' && *p <= '9')
			p++;
	}
	if (*p == 'e' || *p == 'E') {
		p++;
		if (*p == '+' || *p == '-')
			p++;
		if (!(*p >= '0' && *p <= '9'))
			return NULL;
		while (*p >= '0' && *p <= '9')
			p++;
	}
	return p;
}

/* Members or elements up to CLOSE; KEYS says whether each has "key": first. */
static const char *parse_container(const char *p, char close, int keys, int depth)
{
	p = skip_ws(p + 1);
	if (*p == close)
		return p + 1;
	for (;;) {
		if (keys) {
			p = parse_string(skip_ws(p));
			if (!p || *(p = skip_ws(p)) != ':')
				return NULL;
			p++;
		}
		p = parse_value(p, depth + 1);
		if (!p)
			return NULL;
		p = skip_ws(p);
		if (*p == close)
			return p + 1;
		if (*p++ != ',')
			return NULL;
	}
}

static const char *parse_value(const char *p, int depth)
{
	if (depth > 1000)
		return NULL;
	p = skip_ws(p);
	switch (*p) {
	case '{': return parse_container(p, '}', 1, depth);
	case '[': return parse_container(p, ']', 0, depth);
	case '"': return parse_string(p);
	case 't': return strncmp(p, "true", 4) == 0 ? p + 4 : NULL;
	case 'f': return strncmp(p, "false", 5) == 0 ? p + 5 : NULL;
	case 'n': return strncmp(p, "null", 4) == 0 ? p + 4 : NULL;
	default: return parse_number(p);
	}
}

/* One JSON text, valid UTF-8, nothing after it but white space. */
static int json_valid(const char *text)
{
	if (!text_utf8_valid(text, strlen(text), NULL))
		return 0;
	const char *end = parse_value(text, 0);
	return end && *skip_ws(end) == '\0';
}

static void test_recogniser_refuses_bad_json(void **state)
{
	(void)state;
	/* The checker must be able to fail, or the tests below prove nothing. */
	assert_true(json_valid("{\"a\": [1, -2.5e3, true, null, \"\\u00e9\"]}"));
	assert_false(json_valid("[1 2]"));
	assert_false(json_valid("[1,]"));
	assert_false(json_valid("{\"a\" 1}"));
	assert_false(json_valid("\"tab\there\""));
	assert_false(json_valid("\"\\x41\""));
	assert_false(json_valid("[01]"));
	assert_false(json_valid("[1]]"));
	assert_false(json_valid("\"\xff\""));
}

/* ---- strings -------------------------------------------------------------- */

static const char *quoted(const char *s)
{
	static char out[512];
	struct px_buf b = PX_BUF_INIT;
	json_quote(&b, s);
	assert_true(json_valid(b.data));
	snprintf(out, sizeof out, "%s", b.data);
	px_buf_free(&b);
	return out;
}

static void test_quote_escapes(void **state)
{
	(void)state;
	assert_string_equal(quoted(""), "\"\"");
	assert_string_equal(quoted("plain"), "\"plain\"");
	assert_string_equal(quoted("say \"hi\""), "\"say \\\"hi\\\"\"");
	assert_string_equal(quoted("C:\\path"), "\"C:\\\\path\"");
	assert_string_equal(quoted("a/b"), "\"a/b\"");
	assert_string_equal(quoted("line\nnext\ttab\rcr"), "\"line\\nnext\\ttab\\rcr\"");
	/* Other controls as \u escapes, DEL and the C1 controls too, so the output
	 * can go to a terminal unchanged. */
	assert_string_equal(quoted("\x01\x1b[0m\x1f\x7f"), "\"\\u0001\\u001b[0m\\u001f\\u007f\"");
	assert_string_equal(quoted("c1\xc2\x85\xc2\x9b"), "\"c1\\u0085\\u009b\"");
	/* Non-ASCII passes as UTF-8. */
	assert_string_equal(quoted("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80"),
			    "\"caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80\"");
}

static void test_quote_replaces_invalid_utf8(void **state)
{
	(void)state;
	const char *r = "\xef\xbf\xbd";
	char want[64];
	snprintf(want, sizeof want, "\"bad%sbyte\"", r);
	assert_string_equal(quoted("bad\xff" "byte"), want);
	/* A truncated sequence: each of its bytes is one replacement. */
	snprintf(want, sizeof want, "\"cut%s%s\"", r, r);
	assert_string_equal(quoted("cut\xe2\x82"), want);
	/* An overlong '/' and an encoded surrogate never come through. */
	snprintf(want, sizeof want, "\"%s%s\"", r, r);
	assert_string_equal(quoted("\xc0\xaf"), want);
	snprintf(want, sizeof want, "\"%s%s%s\"", r, r, r);
	assert_string_equal(quoted("\xed\xa0\x80"), want);
	/* A real U+FFFD in the text is kept as it is. */
	snprintf(want, sizeof want, "\"%s\"", r);
	assert_string_equal(quoted(r), want);
}

/* ---- values, members and nesting ------------------------------------------- */

static void test_compact_document(void **state)
{
	(void)state;
	struct px_buf b = PX_BUF_INIT;
	struct json_writer w;
	json_init(&w, &b, 0);
	json_begin_object(&w);
	json_member_int(&w, "id", 42);
	json_member_string(&w, "title", "Handover");
	json_member_string(&w, "closed", NULL);
	json_member_bool(&w, "private", 7);
	json_member_bool(&w, "starred", 0);
	json_key(&w, "tags");
	json_begin_array(&w);
	json_string(&w, "a");
	json_string(&w, "b");
	json_end_array(&w);
	json_key(&w, "none");
	json_begin_array(&w);
	json_end_array(&w);
	json_key(&w, "empty");
	json_begin_object(&w);
	json_end_object(&w);
	json_key(&w, "n");
	json_null(&w);
	json_end_object(&w);
	assert_string_equal(b.data, "{\"id\":42,\"title\":\"Handover\",\"closed\":null,"
				    "\"private\":true,\"starred\":false,\"tags\":[\"a\",\"b\"],"
				    "\"none\":[],\"empty\":{},\"n\":null}");
	assert_true(json_valid(b.data));
	px_buf_free(&b);
}

static void test_pretty_document(void **state)
{
	(void)state;
	struct px_buf b = PX_BUF_INIT;
	struct json_writer w;
	json_init(&w, &b, 1);
	json_begin_array(&w);
	json_begin_object(&w);
	json_member_int(&w, "id", 1);
	json_key(&w, "tags");
	json_begin_array(&w);
	json_string(&w, "x");
	json_end_array(&w);
	json_key(&w, "none");
	json_begin_array(&w);
	json_end_array(&w);
	json_end_object(&w);
	json_int(&w, 2);
	json_end_array(&w);
	assert_string_equal(b.data, "[\n"
				    "  {\n"
				    "    \"id\": 1,\n"
				    "    \"tags\": [\n"
				    "      \"x\"\n"
				    "    ],\n"
				    "    \"none\": []\n"
				    "  },\n"
				    "  2\n"
				    "]\n");
	assert_true(json_valid(b.data));
	px_buf_free(&b);
}

static const char *number(double v)
{
	static char out[64];
	struct px_buf b = PX_BUF_INIT;
	struct json_writer w;
	json_init(&w, &b, 0);
	json_double(&w, v);
	assert_true(json_valid(b.data));
	snprintf(out, sizeof out, "%s", b.data);
	px_buf_free(&b);
	return out;
}

static void test_numbers(void **state)
{
	(void)state;
	/* Whole numbers print as integers; others exactly enough to round-trip. */
	assert_string_equal(number(3.0), "3");
	assert_string_equal(number(-2.0), "-2");
	assert_string_equal(number(-0.0), "0");
	assert_string_equal(number(1.5), "1.5");
	assert_string_equal(number(0.1), "0.10000000000000001");
	assert_string_equal(number(1e20), "1e+20");
	assert_string_equal(number(-4.25e-7), "-4.2500000000000001e-07");
	/* JSON has no NaN or infinity: they are null. */
	assert_string_equal(number(NAN), "null");
	assert_string_equal(number(INFINITY), "null");
	assert_string_equal(number(-INFINITY), "null");

	struct px_buf b = PX_BUF_INIT;
	struct json_writer w;
	json_init(&w, &b, 0);
	json_begin_array(&w);
	json_int(&w, INT64_MIN);
	json_int(&w, INT64_MAX);
	json_int(&w, 0);
	json_end_array(&w);
	assert_string_equal(b.data, "[-9223372036854775808,9223372036854775807,0]");
	px_buf_free(&b);
}

static void test_keys_are_escaped(void **state)
{
	(void)state;
	struct px_buf b = PX_BUF_INIT;
	struct json_writer w;
	json_init(&w, &b, 0);
	json_begin_object(&w);
	json_member_string(&w, "we\"ird\n\xff", "v");
	json_end_object(&w);
	assert_string_equal(b.data, "{\"we\\\"ird\\n\xef\xbf\xbd\":\"v\"}");
	assert_true(json_valid(b.data));
	px_buf_free(&b);
}

/* Arrays nested DEPTH deep, each holding its level number before and after
 * the inner one: [0,[1,[2],2],1],0] shaped, so every comma is tested. */
static void nest(int depth, int pretty, struct px_buf *b)
{
	struct json_writer w;
	json_init(&w, b, pretty);
	for (int i = 0; i < depth; i++) {
		json_begin_array(&w);
		json_int(&w, i);
	}
	for (int i = depth - 1; i >= 0; i--) {
		json_end_array(&w);
		if (i > 0)
			json_int(&w, i - 1);
	}
}

static void test_nesting(void **state)
{
	(void)state;
	struct px_buf b = PX_BUF_INIT;
	nest(3, 0, &b);
	assert_string_equal(b.data, "[0,[1,[2],1],0]");
	px_buf_free(&b);
	/* Within JSON_MAX_DEPTH and past it, compact and pretty, the output stays
	 * one valid JSON text with every bracket closed. */
	int depths[] = { JSON_MAX_DEPTH - 1, JSON_MAX_DEPTH, JSON_MAX_DEPTH + 1, 3 * JSON_MAX_DEPTH };
	for (size_t i = 0; i < sizeof depths / sizeof depths[0]; i++) {
		for (int pretty = 0; pretty <= 1; pretty++) {
			struct px_buf n = PX_BUF_INIT;
			nest(depths[i], pretty, &n);
			int ok = json_valid(n.data);
			if (!ok)
				print_message("depth %d%s is not valid JSON: %s\n", depths[i],
					      pretty ? " (pretty)" : "", n.data);
			px_buf_free(&n);
			assert_true(ok);
		}
	}
}

static void test_objects_in_arrays_in_objects(void **state)
{
	(void)state;
	struct px_buf b = PX_BUF_INIT;
	struct json_writer w;
	json_init(&w, &b, 0);
	json_begin_object(&w);
	json_key(&w, "chain");
	json_begin_array(&w);
	for (int i = 1; i <= 2; i++) {
		json_begin_object(&w);
		json_member_int(&w, "entry", i);
		json_key(&w, "actions");
		json_begin_array(&w);
		json_begin_object(&w);
		json_member_int(&w, "id", 10 * i);
		json_end_object(&w);
		json_end_array(&w);
		json_end_object(&w);
	}
	json_end_array(&w);
	json_key(&w, "totals");
	json_begin_object(&w);
	json_member_int(&w, "entries", 2);
	json_end_object(&w);
	json_end_object(&w);
	assert_string_equal(b.data, "{\"chain\":[{\"entry\":1,\"actions\":[{\"id\":10}]},"
				    "{\"entry\":2,\"actions\":[{\"id\":20}]}],"
				    "\"totals\":{\"entries\":2}}");
	assert_true(json_valid(b.data));
	px_buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_recogniser_refuses_bad_json),
		cmocka_unit_test(test_quote_escapes),
		cmocka_unit_test(test_quote_replaces_invalid_utf8),
		cmocka_unit_test(test_compact_document),
		cmocka_unit_test(test_pretty_document),
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_keys_are_escaped),
		cmocka_unit_test(test_nesting),
		cmocka_unit_test(test_objects_in_arrays_in_objects),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
