/*
 * test_entry_text.c — the "# Title" convention both editors share
 * (src/core/entry_text.c): splitting a text into title and body, keeping a
 * title already set, trimming blank lines, and joining back to the same
 * text.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "praxis/entry.h"

#include <stdlib.h>

static void split(const char *title, const char *text, const char *want_title,
		  const char *want_body)
{
	struct entry e;
	entry_init(&e);
	entry_set(&e.title, title);
	entry_split_text(&e, text);
	assert_string_equal(e.title, want_title);
	assert_string_equal(e.body, want_body);
	entry_free(&e);
}

static void test_split(void **state)
{
	(void)state;
	split("", "# Handover\n\nI assumed.\n", "Handover", "I assumed.");
	split("", "\n\n# Spaces after  \t\nbody", "Spaces after", "body");
	split("", "# Only a title", "Only a title", "");
	split("", "No title here.\n\n\n", "", "No title here.");
	split("", "#notatitle\nbody", "", "#notatitle\nbody");
	/* a title already set wins, and the heading stays in the body */
	split("Given", "# Typed\nbody", "Given", "# Typed\nbody");
	split("", NULL, "", "");
}

static void test_join_round_trip(void **state)
{
	(void)state;
	struct entry e;
	entry_init(&e);
	entry_set(&e.title, "Handover");
	entry_set(&e.body, "I assumed @Sam had read it.\n\nSecond paragraph.");
	char *text = entry_join_text(&e);
	assert_string_equal(text, "# Handover\n\nI assumed @Sam had read it.\n\nSecond paragraph.\n");
	struct entry back;
	entry_init(&back);
	entry_split_text(&back, text);
	assert_string_equal(back.title, e.title);
	assert_string_equal(back.body, e.body);
	free(text);
	entry_set(&e.title, "");
	text = entry_join_text(&e);
	assert_string_equal(text, "I assumed @Sam had read it.\n\nSecond paragraph.\n");
	free(text);
	entry_free(&back);
	entry_free(&e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_split),
		cmocka_unit_test(test_join_round_trip),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
