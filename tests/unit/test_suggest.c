/*
 * test_suggest.c — "did you mean" (src/core/suggest.c): the optimal string
 * alignment distance on known pairs, case, the cap on long input, and which
 * misspellings of praxis's own names get a suggestion and which do not.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "praxis/suggest.h"

#include <string.h>

/* The command names of src/cli/commands.c at the time of writing; the
 * test is about the matching, so a fixed copy keeps it stable. */
static const char *const commands[] = {
	"add", "list", "show", "edit", "rm", "restore", "trash", "search",
	"tags", "people", "inquiry", "check", "backup", "help",
};
#define NCOMMANDS (sizeof commands / sizeof commands[0])

static const char *near(const char *word)
{
	const char *s = suggest_nearest(word, commands, NCOMMANDS);
	return s ? s : "(none)";
}

static void test_distance_known_pairs(void **state)
{
	(void)state;
	assert_int_equal(suggest_distance("", ""), 0);
	assert_int_equal(suggest_distance("abc", ""), 3);
	assert_int_equal(suggest_distance("", "abc"), 3);
	assert_int_equal(suggest_distance("same", "same"), 0);
	assert_int_equal(suggest_distance("kitten", "sitting"), 3);
	assert_int_equal(suggest_distance("flaw", "lawn"), 2);
	assert_int_equal(suggest_distance("list", "lst"), 1);      /* deletion */
	assert_int_equal(suggest_distance("lst", "list"), 1);      /* insertion */
	assert_int_equal(suggest_distance("list", "lost"), 1);     /* substitution */
	assert_int_equal(suggest_distance("lsit", "list"), 1);     /* transposition: one edit */
	assert_int_equal(suggest_distance("ca", "ac"), 1);
	/* Optimal string alignment, not full Damerau: a transposed pair is not
	 * edited again, so "ca" to "abc" is 3 (full Damerau would say 2). */
	assert_int_equal(suggest_distance("ca", "abc"), 3);
}

static void test_distance_case_and_limits(void **state)
{
	(void)state;
	assert_int_equal(suggest_distance("LIST", "list"), 0);
	assert_int_equal(suggest_distance("Inquiry", "iNQUIRY"), 0);
	assert_int_equal(suggest_distance("LSIT", "list"), 1);
	/* Up to 64 bytes are compared; past that the distance is "too far". */
	char a[66], b[66];
	memset(a, 'a', 64);
	a[64] = '\0';
	assert_int_equal(suggest_distance(a, ""), 64);
	memset(b, 'a', 65);
	b[65] = '\0';
	assert_true(suggest_distance(b, "a") == (size_t)-1);
	assert_true(suggest_distance("a", b) == (size_t)-1);
	/* Bytes, not characters: é is two bytes, so two edits from e. */
	assert_int_equal(suggest_distance("caf\xc3\xa9", "cafe"), 2);
}

static void test_nearest_finds_typos(void **state)
{
	(void)state;
	assert_string_equal(near("lst"), "list");
	assert_string_equal(near("lsit"), "list");
	assert_string_equal(near("LIST"), "list");
	assert_string_equal(near("serach"), "search");
	assert_string_equal(near("inquriy"), "inquiry");
	assert_string_equal(near("enquiry"), "inquiry");
	assert_string_equal(near("restor"), "restore");
	assert_string_equal(near("backpu"), "backup");
	assert_string_equal(near("peeple"), "people");
	assert_string_equal(near("tag"), "tags");
	assert_string_equal(near("ad"), "add");        /* one edit in two letters: still a typo */
	assert_string_equal(near("rn"), "rm");
	/* An exact match (in any case) is returned as it is. */
	assert_string_equal(near("help"), "help");
	assert_string_equal(near("Show"), "show");
}

static void test_nearest_refuses_what_is_not_a_typo(void **state)
{
	(void)state;
	assert_string_equal(near(""), "(none)");
	assert_string_equal(near("x"), "(none)");        /* one letter is never a typo of rm */
	assert_string_equal(near("r"), "(none)");
	assert_string_equal(near("sh"), "(none)");       /* two edits from show: too far for 2 letters */
	assert_string_equal(near("zzzzzz"), "(none)");
	assert_string_equal(near("lisst me"), "(none)");
	assert_string_equal(near("delete"), "(none)");   /* a different word, not a typo */
	/* Words of 4 or more letters may be two edits away (at most half their
	 * length), never three. */
	assert_string_equal(near("srch"), "search");     /* 2 edits in 4 letters: half */
	assert_string_equal(near("serch"), "search");
	assert_string_equal(near("sarch"), "search");
	assert_string_equal(near("srech"), "(none)");
	char huge[200];
	memset(huge, 'l', sizeof huge - 1);
	huge[sizeof huge - 1] = '\0';
	assert_string_equal(near(huge), "(none)");
}

static void test_nearest_ties_and_empty_lists(void **state)
{
	(void)state;
	/* Equally near: the first candidate wins, so the table's order decides. */
	const char *const ab[] = { "abc", "abd" };
	const char *const ba[] = { "abd", "abc" };
	assert_string_equal(suggest_nearest("abx", ab, 2), "abc");
	assert_string_equal(suggest_nearest("abx", ba, 2), "abd");
	/* The result is borrowed from the candidates, not a copy. */
	assert_ptr_equal(suggest_nearest("abx", ab, 2), ab[0]);
	assert_null(suggest_nearest("abc", NULL, 0));
	/* The inquiry verbs, as cmd_inquiry.c offers them. */
	const char *const verbs[] = { "new", "list", "show", "close", "reopen" };
	assert_string_equal(suggest_nearest("clse", verbs, 5), "close");
	assert_string_equal(suggest_nearest("closed", verbs, 5), "close");
	assert_string_equal(suggest_nearest("reopne", verbs, 5), "reopen");
	assert_string_equal(suggest_nearest("nw", verbs, 5), "new");
	assert_string_equal(suggest_nearest("open", verbs, 5), "reopen");
	assert_null(suggest_nearest("delete", verbs, 5));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_distance_known_pairs),
		cmocka_unit_test(test_distance_case_and_limits),
		cmocka_unit_test(test_nearest_finds_typos),
		cmocka_unit_test(test_nearest_refuses_what_is_not_a_typo),
		cmocka_unit_test(test_nearest_ties_and_empty_lists),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
