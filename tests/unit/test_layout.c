/*
 * test_layout.c — the text layout layer under the UI (src/core/layout.c)
 * and the widths it stands on (text_char_width, text_width, text_truncate,
 * text_pad in src/core/text.c): wrapping at spaces, long words, CJK and
 * emoji at the right edge, combining marks and variation selectors that
 * must never be split from their character, offsets to columns and back,
 * movement by character and word, and cleaning text for display.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "praxis/layout.h"
#include "praxis/text.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#define CJK "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e"      /* 日本語: 3 × 2 columns */
#define EMOJI "\xf0\x9f\x99\x82"                        /* 🙂 U+1F642: 2 columns */
#define E_ACUTE "e\xcc\x81"                             /* e + U+0301 combining acute */
#define HEART_VS16 "\xe2\x9d\xa4\xef\xb8\x8f"           /* ❤ + U+FE0F variation selector */

static int setup_locale(void **state)
{
	(void)state;
	/* wcwidth needs a UTF-8 locale, as the faces set one from the user's. */
	if (!setlocale(LC_ALL, "C.UTF-8") && !setlocale(LC_ALL, "en_US.UTF-8"))
		return -1;
	return 0;
}

/* The rows of TEXT at WIDTH as "start-end" pieces of text joined by '|',
 * so a test reads like the screen: "the quick |brown". */
static char *rows_of(const char *text, int width)
{
	struct layout l = LAYOUT_INIT;
	layout_wrap(&l, text, strlen(text), width);
	size_t cap = strlen(text) + l.len * 2 + 1;
	char *out = calloc(1, cap);
	for (size_t i = 0; i < l.len; i++) {
		if (i)
			strcat(out, "|");
		strncat(out, text + l.rows[i].start, l.rows[i].end - l.rows[i].start);
	}
	layout_free(&l);
	return out;
}

static void assert_rows(const char *text, int width, const char *expected)
{
	char *got = rows_of(text, width);
	assert_string_equal(got, expected);
	free(got);
}

static void test_widths(void **state)
{
	(void)state;
	assert_int_equal(text_char_width('a'), 1);
	assert_int_equal(text_char_width(0x65E5), 2);     /* 日 */
	assert_int_equal(text_char_width(0x1F642), 2);    /* 🙂 */
	assert_int_equal(text_char_width(0x0301), 0);     /* combining acute */
	assert_int_equal(text_char_width(0xFE0F), 0);     /* variation selector 16 */
	assert_int_equal(text_char_width('\n'), 0);
	assert_int_equal(text_width(CJK), 6);
	assert_int_equal(text_width(E_ACUTE "t" E_ACUTE), 3);
	assert_int_equal(text_width("a" EMOJI "b"), 4);
	assert_int_equal(text_width(NULL), 0);
}

static void test_truncate_and_pad(void **state)
{
	(void)state;
	char *t = text_truncate(CJK "abc", 5, "…");
	/* 日本 is 4 columns, … one: 語 (2) would not fit */
	assert_string_equal(t, "\xe6\x97\xa5\xe6\x9c\xac…");
	assert_int_equal(text_width(t), 5);
	free(t);
	t = text_truncate(CJK, 6, "…");
	assert_string_equal(t, CJK);                      /* fits: unchanged */
	free(t);
	t = text_truncate("caf" E_ACUTE "s", 4, "");
	assert_string_equal(t, "caf" E_ACUTE);            /* the accent stays with its e */
	free(t);
	t = text_pad(EMOJI, 4);
	assert_string_equal(t, EMOJI "  ");
	assert_int_equal(text_width(t), 4);
	free(t);
}

static void test_wrap_words(void **state)
{
	(void)state;
	assert_rows("the quick brown fox", 10, "the quick |brown fox");
	assert_rows("the quick brown fox", 9, "the quick |brown fox");
	assert_rows("the quick brown fox", 8, "the |quick |brown |fox");
	assert_rows("", 10, "");
	assert_rows("short", 80, "short");
	/* a word wider than the row breaks between characters */
	assert_rows("abcdefghij", 4, "abcd|efgh|ij");
	assert_rows("ab abcdefghij", 4, "ab |abcd|efgh|ij");
	/* spaces hang at the end of a row instead of starting the next */
	assert_rows("abcd    efgh", 4, "abcd    |efgh");
	/* width below 1 is taken as 1 */
	assert_rows("ab", 0, "a|b");
}

static void test_wrap_lines(void **state)
{
	(void)state;
	assert_rows("one\ntwo", 10, "one|two");
	assert_rows("one\n\nthree", 10, "one||three");
	assert_rows("end\n", 10, "end|");
	struct layout l = LAYOUT_INIT;
	const char *text = "aaaa bbbb\ncc";
	layout_wrap(&l, text, strlen(text), 5);
	assert_int_equal(l.len, 3);
	assert_true(l.rows[0].soft);
	assert_false(l.rows[1].soft);
	assert_false(l.rows[2].soft);
	assert_int_equal(l.rows[1].end, 9);   /* the '\n' belongs to no row */
	assert_int_equal(l.rows[2].start, 10);
	layout_free(&l);
}

static void test_wrap_wide(void **state)
{
	(void)state;
	/* 日本語 is 6 columns: at 5, 語 goes to the next row whole */
	assert_rows(CJK, 5, "\xe6\x97\xa5\xe6\x9c\xac|\xe8\xaa\x9e");
	assert_rows(CJK, 2, "\xe6\x97\xa5|\xe6\x9c\xac|\xe8\xaa\x9e");
	/* a character wider than the row gets a row to itself */
	assert_rows(CJK, 1, "\xe6\x97\xa5|\xe6\x9c\xac|\xe8\xaa\x9e");
	assert_rows("ab" EMOJI "cd", 3, "ab|" EMOJI "c|d");
	struct layout l = LAYOUT_INIT;
	layout_wrap(&l, CJK, strlen(CJK), 5);
	assert_int_equal(l.rows[0].width, 4);
	assert_int_equal(l.rows[1].width, 2);
	layout_free(&l);
}

static void test_wrap_keeps_clusters(void **state)
{
	(void)state;
	/* "cafe" + accent at 4 columns: the accent stays on the row with its e */
	assert_rows("caf" E_ACUTE "s", 4, "caf" E_ACUTE "|s");
	assert_rows("ab" HEART_VS16 "c", 3, "ab" HEART_VS16 "|c");
}

static void test_row_at_and_columns(void **state)
{
	(void)state;
	const char *text = "aaaa bbbb\n" CJK "x";
	size_t len = strlen(text);
	struct layout l = LAYOUT_INIT;
	layout_wrap(&l, text, len, 5);
	assert_int_equal(l.len, 4);             /* "aaaa ", "bbbb", 日本, 語x */
	assert_int_equal(layout_row_at(&l, 0), 0);
	assert_int_equal(layout_row_at(&l, 4), 0);
	assert_int_equal(layout_row_at(&l, 5), 1);  /* a wrapped row's end shows on the next */
	assert_int_equal(layout_row_at(&l, 9), 1);  /* on the newline: end of its row */
	assert_int_equal(layout_row_at(&l, 10), 2);
	assert_int_equal(layout_row_at(&l, len), 3);
	assert_int_equal(layout_column(text, &l.rows[1], 9), 4);
	assert_int_equal(layout_column(text, &l.rows[2], 13), 2);   /* after 日 */
	assert_int_equal(layout_column(text, &l.rows[3], len), 3);  /* 語x */
	/* columns back to offsets: inside a wide character is its start */
	assert_int_equal(layout_offset(text, &l.rows[2], 0), 10);
	assert_int_equal(layout_offset(text, &l.rows[2], 1), 10);
	assert_int_equal(layout_offset(text, &l.rows[2], 2), 13);
	/* past the end: a wrapped row stops before its last character ... */
	assert_int_equal(layout_offset(text, &l.rows[2], 40), 13);
	assert_int_equal(layout_offset(text, &l.rows[0], 40), 4);
	/* ... the last row of a line stops at its end */
	assert_int_equal(layout_offset(text, &l.rows[1], 40), 9);
	assert_int_equal(layout_offset(text, &l.rows[3], 40), len);
	layout_free(&l);
}

static void test_char_movement(void **state)
{
	(void)state;
	const char *text = "a" E_ACUTE EMOJI "z";
	size_t len = strlen(text);
	size_t i = layout_next_char(text, len, 0);
	assert_int_equal(i, 1);
	i = layout_next_char(text, len, i);
	assert_int_equal(i, 4);                 /* e and its accent: one step */
	i = layout_next_char(text, len, i);
	assert_int_equal(i, 8);                 /* the emoji's four bytes */
	assert_int_equal(layout_next_char(text, len, len), len);
	assert_int_equal(layout_prev_char(text, len, len), 8);
	assert_int_equal(layout_prev_char(text, len, 8), 4);
	assert_int_equal(layout_prev_char(text, len, 4), 1);   /* back over the accent */
	assert_int_equal(layout_prev_char(text, len, 1), 0);
	assert_int_equal(layout_prev_char(text, len, 0), 0);
	/* invalid bytes are characters of their own and never read past */
	const char bad[] = "a\x80\xff";
	assert_int_equal(layout_next_char(bad, 3, 1), 2);
	assert_int_equal(layout_prev_char(bad, 3, 3), 2);
	assert_int_equal(layout_prev_char(bad, 3, 2), 1);
}

static void test_word_movement(void **state)
{
	(void)state;
	const char *text = "one two  three\nfour";
	size_t len = strlen(text);
	assert_int_equal(layout_next_word(text, len, 0), 3);
	assert_int_equal(layout_next_word(text, len, 3), 7);
	assert_int_equal(layout_next_word(text, len, 7), 14);
	assert_int_equal(layout_next_word(text, len, 14), len);
	assert_int_equal(layout_prev_word(text, len, len), 15);
	assert_int_equal(layout_prev_word(text, len, 15), 9);
	assert_int_equal(layout_prev_word(text, len, 5), 4);
	assert_int_equal(layout_prev_word(text, len, 4), 0);
	assert_int_equal(layout_prev_word(text, len, 0), 0);
}

static void test_clean(void **state)
{
	(void)state;
	char *c = layout_clean("a\tb\r\nab\tc\x1b[31m");
	assert_string_equal(c, "a   b\nab  c^[[31m");
	free(c);
	c = layout_clean(CJK "\tx");        /* the tab counts the wide columns */
	assert_string_equal(c, CJK "  x");
	free(c);
	c = layout_clean(NULL);
	assert_string_equal(c, "");
	free(c);
	c = layout_clean("lone\rcr");
	assert_string_equal(c, "lone^Mcr");
	free(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_widths),
		cmocka_unit_test(test_truncate_and_pad),
		cmocka_unit_test(test_wrap_words),
		cmocka_unit_test(test_wrap_lines),
		cmocka_unit_test(test_wrap_wide),
		cmocka_unit_test(test_wrap_keeps_clusters),
		cmocka_unit_test(test_row_at_and_columns),
		cmocka_unit_test(test_char_movement),
		cmocka_unit_test(test_word_movement),
		cmocka_unit_test(test_clean),
	};
	return cmocka_run_group_tests(tests, setup_locale, NULL);
}
