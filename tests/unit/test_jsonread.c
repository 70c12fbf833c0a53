/*
 * test_jsonread.c — the strict JSON reader import uses
 * (src/core/jsonread.c): values and their places, in-place decoding of
 * escapes and surrogate pairs, and every refusal with its exact line,
 * column and message.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "../../src/core/jsonread.h"

#include "praxis/buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Parse TEXT (copied: the reader writes into its buffer).  On success the
 * document is in *DOC and *COPY must be freed with it. */
static int parse(const char *text, struct json_doc *doc, char **copy, struct json_read_error *err)
{
	size_t len = strlen(text);
	*copy = px_xmalloc(len + 1);
	memcpy(*copy, text, len + 1);
	return json_read(*copy, len, doc, err);
}

/* "LINE:COLUMN: MESSAGE" for a document that must fail. */
static const char *refusal(const char *text)
{
	static char out[400];
	struct json_doc doc;
	struct json_read_error err;
	char *copy;
	int rc = parse(text, &doc, &copy, &err);
	if (rc == 0) {
		json_doc_free(&doc);
		free(copy);
		return "accepted";
	}
	assert_null(doc.blocks);
	snprintf(out, sizeof out, "%d:%d: %s", err.line, err.column, err.msg);
	free(copy);
	return out;
}

static void test_values(void **state)
{
	(void)state;
	struct json_doc doc;
	struct json_read_error err;
	char *copy;
	assert_int_equal(parse("{\"a\": [1, -2.5, 3e2, true, false, null, \"x\"], \"b\": {}, "
			       "\"c\": [], \"big\": 123456789012345678901234}", &doc, &copy, &err), 0);
	const struct jv *a = jv_get(&doc.root, "a");
	assert_non_null(a);
	assert_int_equal(a->type, JV_ARRAY);
	assert_int_equal(a->u.arr.n, 7);
	assert_true(a->u.arr.items[0].is_int);
	assert_int_equal(a->u.arr.items[0].u.num.i, 1);
	assert_false(a->u.arr.items[1].is_int);
	assert_true(a->u.arr.items[1].u.num.d == -2.5);
	assert_false(a->u.arr.items[2].is_int);
	assert_true(a->u.arr.items[2].u.num.d == 300.0);
	assert_int_equal(a->u.arr.items[3].type, JV_BOOL);
	assert_true(a->u.arr.items[3].u.b);
	assert_false(a->u.arr.items[4].u.b);
	assert_int_equal(a->u.arr.items[5].type, JV_NULL);
	assert_string_equal(a->u.arr.items[6].u.str.s, "x");
	assert_int_equal(jv_get(&doc.root, "b")->u.obj.n, 0);
	assert_int_equal(jv_get(&doc.root, "c")->u.arr.n, 0);
	/* Too big for an integer: kept as a number only. */
	assert_false(jv_get(&doc.root, "big")->is_int);
	assert_null(jv_get(&doc.root, "missing"));
	assert_null(jv_get(a, "a"));
	assert_string_equal(jv_type_phrase(a), "a list");
	assert_string_equal(jv_type_phrase(jv_get(&doc.root, "b")), "an object");
	json_doc_free(&doc);
	free(copy);
}

static void test_escapes_decode_in_place(void **state)
{
	(void)state;
	struct json_doc doc;
	struct json_read_error err;
	char *copy;
	assert_int_equal(parse("[\"a\\n\\t\\\"\\\\\\/b\", \"caf\\u00e9 \\ud83d\\ude00\", "
			       "\"caf\xc3\xa9\", \"\"]", &doc, &copy, &err), 0);
	const struct jv *items = doc.root.u.arr.items;
	assert_string_equal(items[0].u.str.s, "a\n\t\"\\/b");
	assert_int_equal(items[0].u.str.len, 7);
	assert_string_equal(items[1].u.str.s, "caf\xc3\xa9 \xf0\x9f\x98\x80");
	assert_string_equal(items[2].u.str.s, "caf\xc3\xa9");
	assert_string_equal(items[3].u.str.s, "");
	assert_int_equal(items[3].u.str.len, 0);
	json_doc_free(&doc);
	free(copy);
}

/* Lines and columns of values, the columns in characters as written even
 * after the strings before them on the line were rewritten in place. */
static void test_positions(void **state)
{
	(void)state;
	struct json_doc doc;
	struct json_read_error err;
	char *copy;
	assert_int_equal(parse("\xef\xbb\xbf{\n  \"k\\u00e9y\": \"\\u00e9\xc3\xa9\", \"n\": 7,\n"
			       "\t\"list\": [ {\"x\": null} ]\n}", &doc, &copy, &err), 0);
	assert_int_equal(doc.root.line, 1);
	assert_int_equal(doc.root.column, 1);
	const struct jmember *m = doc.root.u.obj.members;
	assert_string_equal(m[0].key, "k\xc3\xa9y");
	assert_int_equal(m[0].line, 2);
	assert_int_equal(m[0].column, 3);
	assert_int_equal(m[0].value.column, 15);
	assert_int_equal(m[1].column, 26);
	assert_int_equal(m[1].value.line, 2);
	assert_int_equal(m[1].value.column, 31);
	const struct jv *list = &m[2].value;
	assert_int_equal(list->line, 3);
	assert_int_equal(list->column, 10);
	assert_int_equal(list->u.arr.items[0].column, 12);
	assert_int_equal(list->u.arr.items[0].u.obj.members[0].value.column, 18);
	json_doc_free(&doc);
	free(copy);
}

static void test_syntax_refusals(void **state)
{
	(void)state;
	assert_string_equal(refusal(""), "1:1: the file holds no JSON (it is empty)");
	assert_string_equal(refusal("  \n "), "2:1: the file holds no JSON (it is empty)");
	assert_string_equal(refusal("[1, 2,]"),
			    "1:7: expected another value after ',' (a trailing comma is not JSON), "
			    "found ']'");
	assert_string_equal(refusal("{\"a\": 1,}"),
			    "1:9: expected another value after ',' (a trailing comma is not JSON), "
			    "found '}'");
	assert_string_equal(refusal("// note\n{}"), "1:1: expected a value, found '/'");
	assert_string_equal(refusal("{'a': 1}"), "1:2: expected a key in double quotes, found '''");
	assert_string_equal(refusal("[NaN]"), "1:2: expected a value, found 'N'");
	assert_string_equal(refusal("[Infinity]"), "1:2: expected a value, found 'I'");
	assert_string_equal(refusal("[-]"), "1:3: expected a digit, found ']'");
	assert_string_equal(refusal("[012]"), "1:2: a number may not start with 0 (write 0.5, or 5), "
			    "found '0'");
	assert_string_equal(refusal("[1.]"), "1:4: expected a digit after the decimal point, found ']'");
	assert_string_equal(refusal("[1e]"), "1:4: expected a digit in the exponent, found ']'");
	assert_string_equal(refusal("[tru]"), "1:2: expected a value, found 't'");
	assert_string_equal(refusal("{\"a\" 1}"), "1:6: expected ':' after the key, found '1'");
	assert_string_equal(refusal("[1 2]"),
			    "1:4: expected ',' or ']' after an item of the list, found '2'");
	assert_string_equal(refusal("{\"a\": 1 \"b\": 2}"),
			    "1:9: expected ',' or '}' after a member of the object, found '\"'");
	assert_string_equal(refusal("{} {}"),
			    "1:4: expected the end of the file after the document, found '{'");
	assert_string_equal(refusal("[1] \xff"),
			    "1:5: expected the end of the file after the document, found byte 0xff");
	assert_string_equal(refusal("[\xc3\xa9]"), "1:2: expected a value, found U+00E9");
}

static void test_truncated(void **state)
{
	(void)state;
	assert_string_equal(refusal("{\"entries\": [{\"title\": \"cut"),
			    "1:24: this text has no closing quote (is the file cut short?)");
	assert_string_equal(refusal("{\"entries\": [{\"title\": \"x\""),
			    "1:27: expected ',' or '}' after a member of the object, found the end of "
			    "the file (is it cut short?)");
	assert_string_equal(refusal("[1,\n"),
			    "2:1: expected a value, found the end of the file (is it cut short?)");
	assert_string_equal(refusal("{\"a\":"),
			    "1:6: expected a value, found the end of the file (is it cut short?)");
}

static void test_string_refusals(void **state)
{
	(void)state;
	assert_string_equal(refusal("[\"a\tb\"]"),
			    "1:4: control character 0x09 inside text (write it as \\u0009)");
	assert_string_equal(refusal("[\"line\nnext\"]"),
			    "1:7: a line break inside text (write it as \\n; or is a closing quote "
			    "missing?)");
	assert_string_equal(refusal("[\"\\x41\"]"),
			    "1:4: '\\x' is not an escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t "
			    "or \\u with four hex digits)");
	assert_string_equal(refusal("[\"\\u12G4\"]"), "1:5: \\u needs four hex digits");
	assert_string_equal(refusal("[\"nul: \\u0000\"]"),
			    "1:14: \\u0000: text may not contain a NUL character");
	assert_string_equal(refusal("[\"\\ud83d\"]"),
			    "1:9: \\ud83d is half of a UTF-16 pair without its second half");
	assert_string_equal(refusal("[\"\\ud83d\\u0041\"]"),
			    "1:9: \\ud83d is half of a UTF-16 pair without its second half");
	assert_string_equal(refusal("[\"\\ude00\"]"),
			    "1:9: \\ude00 is half of a UTF-16 pair without its first half");
	assert_string_equal(refusal("[\"caf\xc3\xa9 \xff\"]"), "1:8: invalid UTF-8 (byte 0xff)");
	assert_string_equal(refusal("[\"\xed\xa0\x80\"]"), "1:3: invalid UTF-8 (byte 0xed)");
	assert_string_equal(refusal("[\"\xe2\x82\"]"), "1:3: invalid UTF-8 (byte 0xe2)");
}

static void test_duplicate_keys(void **state)
{
	(void)state;
	assert_string_equal(refusal("{\"a\": 1, \"b\": 2,\n \"a\": 3}"),
			    "2:2: the key 'a' appears twice in one object");
	/* A big object is checked by sorting: the first repeat is still named. */
	struct px_buf b = PX_BUF_INIT;
	px_buf_adds(&b, "{");
	for (int i = 0; i < 100; i++)
		px_buf_addf(&b, "\"k%d\": %d,\n", i, i);
	px_buf_adds(&b, "\"k7\": 0, \"k3\": 0}");
	assert_string_equal(refusal(b.data), "101:1: the key 'k7' appears twice in one object");
	px_buf_free(&b);
	/* Keys are compared decoded: "\u0061" is "a". */
	assert_string_equal(refusal("{\"a\": 1, \"\\u0061\": 2}"),
			    "1:10: the key 'a' appears twice in one object");
}

static void test_nesting_limit(void **state)
{
	(void)state;
	struct px_buf b = PX_BUF_INIT;
	for (int i = 0; i < JSON_READ_MAX_DEPTH; i++)
		px_buf_addc(&b, '[');
	for (int i = 0; i < JSON_READ_MAX_DEPTH; i++)
		px_buf_addc(&b, ']');
	assert_string_equal(refusal(b.data), "accepted");
	px_buf_reset(&b);
	for (int i = 0; i <= JSON_READ_MAX_DEPTH; i++)
		px_buf_addc(&b, '[');
	assert_string_equal(refusal(b.data), "1:65: nested more than 64 levels deep");
	px_buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_values),
		cmocka_unit_test(test_escapes_decode_in_place),
		cmocka_unit_test(test_positions),
		cmocka_unit_test(test_syntax_refusals),
		cmocka_unit_test(test_truncated),
		cmocka_unit_test(test_string_refusals),
		cmocka_unit_test(test_duplicate_keys),
		cmocka_unit_test(test_nesting_limit),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
