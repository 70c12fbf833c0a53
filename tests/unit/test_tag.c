/*
 * test_tag.c — tags and people (src/core/tag.c, src/core/person.c):
 * counts over live entries, case-insensitive names, families, renaming and
 * merging (rows, text and the search index), and people with their roles
 * and pseudonyms.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "fixture.h"

#include "praxis/entry.h"
#include "praxis/journal.h"
#include "praxis/person.h"
#include "praxis/search.h"
#include "praxis/tag.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int64_t add(struct journal *j, const char *title, const char *body, const char *tag)
{
	return fixture_add(j, &(struct entry_spec){ .title = title, .body = body, .tag = tag });
}

/* Every listed tag as "name=count name=count". */
static int print_tag(const char *name, int64_t count, void *ctx)
{
	char *out = ctx;
	size_t len = strlen(out);
	snprintf(out + len, 512 - len, "%s%s=%lld", len ? " " : "", name, (long long)count);
	return 0;
}

static const char *tags(struct journal *j, const char *prefix, int by_name)
{
	static char out[512];
	out[0] = '\0';
	struct tag_list_options opt;
	tag_list_options_init(&opt);
	opt.prefix = prefix;
	opt.by_name = by_name;
	struct px_error err;
	px_error_clear(&err);
	if (tag_list(j, &opt, print_tag, out, &err) < 0)
		fail_msg("tag_list: %s", err.msg);
	return out;
}

static void add_tagged(struct journal *j, int64_t id[5])
{
	id[0] = add(j, "Handover", "It went wrong. #Delegation #power/referent", NULL);
	id[1] = add(j, "Rota", "I let go of it #delegation", "team");
	id[2] = add(j, "Expert", "They listened #power/expert #DELEGATION", NULL);
	id[3] = add(j, "Quiet", "Nothing tagged in the text", "team");
	id[4] = add(j, "Powerful", "#powerful and #power", NULL);
}

/* ---- listing -------------------------------------------------------------------- */

static void test_counts_case_and_order(void **state)
{
	struct journal_fixture *f = *state;
	int64_t id[5];
	add_tagged(f->j, id);
	/* One tag whatever the case, spelled as first written; count desc,
	 * then name. */
	assert_string_equal(tags(f->j, NULL, 0), "Delegation=3 team=2 power=1 power/expert=1 "
						 "power/referent=1 powerful=1");
	assert_string_equal(tags(f->j, "", 1), "Delegation=3 power=1 power/expert=1 "
					       "power/referent=1 powerful=1 team=2");
	struct px_error err;
	px_error_clear(&err);
	char out[512] = "";
	assert_int_equal(tag_list(f->j, NULL, print_tag, out, &err), 6);
}

static void test_families_and_prefixes(void **state)
{
	struct journal_fixture *f = *state;
	int64_t id[5];
	add_tagged(f->j, id);
	assert_string_equal(tags(f->j, "power/", 0), "power/expert=1 power/referent=1");
	assert_string_equal(tags(f->j, "#Power/", 0), "power/expert=1 power/referent=1");
	assert_string_equal(tags(f->j, "power", 1), "power=1 power/expert=1 power/referent=1 "
						    "powerful=1");
	assert_string_equal(tags(f->j, "DEL", 0), "Delegation=3");
	assert_string_equal(tags(f->j, "power/referent/", 0), "");
	assert_string_equal(tags(f->j, "%", 0), "");
	assert_string_equal(tags(f->j, "_", 0), "");
}

static int stop_at_first(const char *name, int64_t count, void *ctx)
{
	(void)name;
	(void)count;
	(*(int *)ctx)++;
	return 1;
}

static void test_trash_hides_tags(void **state)
{
	struct journal_fixture *f = *state;
	int64_t id[5];
	add_tagged(f->j, id);
	struct px_error err;
	px_error_clear(&err);
	assert_int_equal(entry_trash(f->j, id[4], &err), 0);
	assert_int_equal(entry_trash(f->j, id[0], &err), 0);
	/* power and powerful were only on id[4]; power/referent only on id[0]. */
	assert_string_equal(tags(f->j, NULL, 0), "Delegation=2 team=2 power/expert=1");
	assert_int_equal(entry_restore(f->j, id[0], &err), 0);
	assert_string_equal(tags(f->j, "power", 0), "power/expert=1 power/referent=1");
	int calls = 0;
	assert_int_equal(tag_list(f->j, NULL, stop_at_first, &calls, &err), 1);
	assert_int_equal(calls, 1);
}

/* A filter's tag must be one the journal has; the refusal names the
 * nearest tag, or the nearest family for a family. */
static void expect_unknown(struct journal *j, const char *name, const char *msg)
{
	struct px_error err;
	px_error_clear(&err);
	assert_int_equal(tag_check_known(j, name, &err), -1);
	assert_int_equal(err.code, PX_ERR_NOT_FOUND);
	assert_string_equal(err.msg, msg);
}

static void test_check_known(void **state)
{
	struct journal_fixture *f = *state;
	int64_t id[5];
	add_tagged(f->j, id);
	struct px_error err;
	px_error_clear(&err);
	assert_int_equal(tag_check_known(f->j, "delegation", &err), 0);
	assert_int_equal(tag_check_known(f->j, "#DELEGATION", &err), 0);
	assert_int_equal(tag_check_known(f->j, "power/", &err), 0);
	assert_int_equal(tag_check_known(f->j, "#Power/", &err), 0);
	expect_unknown(f->j, "delegaton", "no tag '#delegaton' (did you mean '#Delegation'?)");
	expect_unknown(f->j, "#powr/", "no tag '#powr/' (did you mean '#power/'?)");
	expect_unknown(f->j, "power/referent/", "no tag '#power/referent/' (did you mean "
		       "'#power/referent'?)");
	expect_unknown(f->j, "%", "no tag '#%'");
	expect_unknown(f->j, "_/", "no tag '#_/'");
	/* A tag only the trash still has is still the journal's. */
	assert_int_equal(entry_trash(f->j, id[4], &err), 0);
	assert_int_equal(tag_check_known(f->j, "powerful", &err), 0);

	add(f->j, "Talk", "With @Priya about it", NULL);
	assert_int_equal(person_check_known(f->j, "@priya", &err), 0);
	assert_int_equal(person_check_known(f->j, "Priyaa", &err), -1);
	assert_int_equal(err.code, PX_ERR_NOT_FOUND);
	assert_string_equal(err.msg, "no person '@Priyaa' (did you mean '@Priya'?)");
}

/* ---- renaming -------------------------------------------------------------------- */

static int64_t search_count_of(struct journal *j, const char *query)
{
	struct px_error err;
	px_error_clear(&err);
	int64_t n = -1;
	if (search_count(j, query, NULL, &n, &err) < 0)
		fail_msg("search '%s': %s", query, err.msg);
	return n;
}

static void test_rename_rewrites_rows_text_and_index(void **state)
{
	struct journal_fixture *f = *state;
	int64_t a = add(f->j, "Handover", "Letting go #grumble of the rota, #GRUMBLE again, "
			"#grumbles stays", NULL);
	int64_t b = add(f->j, "#grumble in the title", "body", NULL);
	int64_t c = add(f->j, "Untouched", "no tags here #sulk", NULL);
	assert_int_equal(search_count_of(f->j, "tag:moan"), 0);
	setenv("PRAXIS_NOW", "2026-03-11T08:30:00", 1);
	struct px_error err;
	px_error_clear(&err);
	assert_int_equal(tag_rename(f->j, "#grumble", "moan", &err), 2);
	assert_string_equal(tags(f->j, NULL, 1), "grumbles=1 moan=2 sulk=1");

	struct entry e;
	assert_int_equal(entry_get(f->j, a, &e, &err), 0);
	assert_string_equal(e.body, "Letting go #moan of the rota, #moan again, #grumbles stays");
	assert_string_equal(e.updated_at, "2026-03-11 08:30:00Z");
	assert_int_equal(e.word_count, 1 + 10);
	assert_int_equal(e.tags.len, 2);
	assert_string_equal(e.tags.items[0], "grumbles");
	assert_string_equal(e.tags.items[1], "moan");
	/* Editing the entry reads its tags from the text again: the new name
	 * stays. */
	entry_forget_derived(&e);
	entry_set(&e.title, "Handover, edited");
	assert_int_equal(entry_update(f->j, &e, &err), 0);
	entry_free(&e);
	assert_string_equal(tags(f->j, NULL, 1), "grumbles=1 moan=2 sulk=1");

	assert_int_equal(entry_get(f->j, b, &e, &err), 0);
	assert_string_equal(e.title, "#moan in the title");
	entry_free(&e);
	assert_int_equal(entry_get(f->j, c, &e, &err), 0);
	assert_string_equal(e.body, "no tags here #sulk");
	assert_string_equal(e.updated_at, "2026-03-10 09:00:00Z");
	entry_free(&e);

	/* The search index follows: the tags column and the text. */
	assert_int_equal(search_count_of(f->j, "tag:moan"), 2);
	assert_int_equal(search_count_of(f->j, "tag:sulk"), 1);
	assert_int_equal(search_count_of(f->j, "title:\"moan in the title\""), 1);
	assert_int_equal(search_count_of(f->j, "title:grumble"), 0);
}

static void test_rename_merges_into_existing_tag(void **state)
{
	struct journal_fixture *f = *state;
	int64_t a = add(f->j, "One", "text #grumble", NULL);
	int64_t b = add(f->j, "Two", "text #Moan", NULL);
	int64_t c = add(f->j, "Three", "text #moan too", "grumble");
	struct px_error err;
	px_error_clear(&err);
	assert_string_equal(tags(f->j, NULL, 1), "grumble=2 Moan=2");
	/* The existing tag keeps its spelling; the merged one goes. */
	assert_int_equal(tag_rename(f->j, "Grumble", "MOAN", &err), 2);
	assert_string_equal(tags(f->j, NULL, 1), "Moan=3");

	struct entry e;
	assert_int_equal(entry_get(f->j, a, &e, &err), 0);
	assert_string_equal(e.body, "text #MOAN");
	assert_int_equal(e.tags.len, 1);
	assert_int_equal(e.explicit_tags, 0);
	entry_free(&e);
	/* c had both, one explicitly: it keeps one tag, explicitly. */
	assert_int_equal(entry_get(f->j, c, &e, &err), 0);
	assert_int_equal(e.tags.len, 1);
	assert_int_equal(e.explicit_tags, 1);
	assert_string_equal(e.tags.items[0], "Moan");
	entry_free(&e);
	assert_int_equal(entry_get(f->j, b, &e, &err), 0);
	assert_string_equal(e.body, "text #Moan");
	entry_free(&e);
	assert_int_equal(search_count_of(f->j, "tag:moan"), 3);
	assert_int_equal(search_count_of(f->j, "tag:grumble"), 0);

	/* Renaming onto the merged tag's old name works again: nothing of it
	 * is left behind. */
	assert_int_equal(tag_rename(f->j, "moan", "grumble", &err), 3);
	assert_string_equal(tags(f->j, NULL, 1), "grumble=3");
	assert_int_equal(search_count_of(f->j, "tag:grumble"), 3);
}

static void test_rename_case_only_and_errors(void **state)
{
	struct journal_fixture *f = *state;
	int64_t a = add(f->j, "One", "text #delegation", NULL);
	add(f->j, "Two", "text #team", NULL);
	struct px_error err;
	px_error_clear(&err);
	assert_int_equal(tag_rename(f->j, "delegation", "Delegation", &err), 1);
	assert_string_equal(tags(f->j, NULL, 1), "Delegation=1 team=1");
	struct entry e;
	assert_int_equal(entry_get(f->j, a, &e, &err), 0);
	assert_string_equal(e.body, "text #Delegation");
	entry_free(&e);
	/* The same spelling again changes nothing. */
	assert_int_equal(tag_rename(f->j, "delegation", "Delegation", &err), 1);

	px_error_clear(&err);
	assert_int_equal(tag_rename(f->j, "delegatoin", "x", &err), -1);
	assert_int_equal(err.code, PX_ERR_NOT_FOUND);
	assert_string_equal(err.msg, "no tag '#delegatoin' (did you mean '#Delegation'?)");
	px_error_clear(&err);
	assert_int_equal(tag_rename(f->j, "zebra", "x", &err), -1);
	assert_string_equal(err.msg, "no tag '#zebra'");
	px_error_clear(&err);
	assert_int_equal(tag_rename(f->j, "team", "two words", &err), -1);
	assert_int_not_equal(err.code, PX_OK);
	px_error_clear(&err);
	assert_int_equal(tag_rename(f->j, "team", "", &err), -1);
	assert_string_equal(tags(f->j, NULL, 1), "Delegation=1 team=1");
}

/* ---- people ------------------------------------------------------------------------ */

static int print_person(const struct person *p, void *ctx)
{
	char *out = ctx;
	size_t len = strlen(out);
	snprintf(out + len, 512 - len, "%s%s/%s/%s=%lld", len ? " " : "", p->name, p->role,
		 p->pseudonym, (long long)p->entries);
	return 0;
}

static const char *people(struct journal *j)
{
	static char out[512];
	out[0] = '\0';
	struct px_error err;
	px_error_clear(&err);
	if (person_list(j, print_person, out, &err) < 0)
		fail_msg("person_list: %s", err.msg);
	return out;
}

static void test_people_listing(void **state)
{
	struct journal_fixture *f = *state;
	add(f->j, "Rota", "I asked @Sam and @jo", NULL);
	int64_t b = add(f->j, "Later", "@sam again, and @Kim", NULL);
	add(f->j, "Third", "@Sam once more", NULL);
	struct px_error err;
	px_error_clear(&err);
	assert_string_equal(people(f->j), "Sam//=3 jo//=1 Kim//=1");
	assert_int_equal(entry_trash(f->j, b, &err), 0);
	/* Mentioned only in the trash: still known, counted 0. */
	assert_string_equal(people(f->j), "Sam//=2 jo//=1 Kim//=0");

	struct person p;
	assert_int_equal(person_get(f->j, "@SAM", &p, &err), 0);
	assert_string_equal(p.name, "Sam");
	assert_string_equal(p.role, "");
	assert_string_equal(p.pseudonym, "");
	assert_int_equal(p.entries, 2);
	assert_true(p.id > 0);
	person_free(&p);
	px_error_clear(&err);
	assert_int_equal(person_get(f->j, "Sma", &p, &err), -1);
	assert_int_equal(err.code, PX_ERR_NOT_FOUND);
	assert_string_equal(err.msg, "no person '@Sma' (did you mean '@Sam'?)");
	assert_null(p.name);
	person_free(&p);
	px_error_clear(&err);
	assert_int_equal(person_get(f->j, "Alexandra", &p, &err), -1);
	assert_string_equal(err.msg, "no person '@Alexandra'");
	person_free(&p);
}

static void test_people_set_role_and_pseudonym(void **state)
{
	struct journal_fixture *f = *state;
	add(f->j, "Rota", "I asked @Sam and @Jo", NULL);
	struct px_error err;
	px_error_clear(&err);
	assert_int_equal(person_set(f->j, "sam", "line manager", "@Alex", &err), 0);
	/* NULL keeps a field, "" clears it. */
	assert_int_equal(person_set(f->j, "Jo", "peer", NULL, &err), 0);
	assert_int_equal(person_set(f->j, "Jo", NULL, "Robin", &err), 0);
	assert_string_equal(people(f->j), "Jo/peer/Robin=1 Sam/line manager/Alex=1");
	assert_int_equal(person_set(f->j, "Jo", "", "", &err), 0);
	assert_string_equal(people(f->j), "Jo//=1 Sam/line manager/Alex=1");
	/* Someone not mentioned yet is created, with no entries. */
	assert_int_equal(person_set(f->j, "@Nadia", "mentor", "Morgan", &err), 0);
	struct person p;
	assert_int_equal(person_get(f->j, "nadia", &p, &err), 0);
	assert_string_equal(p.role, "mentor");
	assert_string_equal(p.pseudonym, "Morgan");
	assert_int_equal(p.entries, 0);
	person_free(&p);
	assert_int_equal(person_set(f->j, "Sam", NULL, "alex", &err), 0);   /* its own, again */
}

static void test_people_set_refuses_and_says_why(void **state)
{
	struct journal_fixture *f = *state;
	add(f->j, "Rota", "I asked @Sam and @Jo", NULL);
	struct px_error err;
	px_error_clear(&err);
	assert_int_equal(person_set(f->j, "Kim", NULL, "Alex", &err), 0);
	const struct {
		const char *name, *role, *pseudonym, *msg;
	} cases[] = {
		{ "Sam", NULL, "Jo", "pseudonym 'Jo' for @Sam: @Jo is another person in this "
				     "journal, so an anonymised export would point at them" },
		{ "Sam", NULL, "@JO", "pseudonym 'JO' for @Sam: @Jo is another person in this "
				      "journal, so an anonymised export would point at them" },
		{ "Sam", NULL, "alex", "pseudonym 'alex' for @Sam: @Kim already has it, so the two "
				       "would read as one person" },
		{ "sam", NULL, "SAM", "pseudonym 'SAM' for @Sam: a pseudonym must differ from the "
				      "name it hides" },
		{ "Sam", "line\nmanager", NULL, "the role must be one line without control "
						"characters" },
		{ "Sam", "caf\xc3", NULL, "the role is not valid UTF-8 (bad byte at offset 3)" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		px_error_clear(&err);
		assert_int_equal(person_set(f->j, cases[i].name, cases[i].role, cases[i].pseudonym,
					    &err), -1);
		assert_int_equal(err.code, PX_ERR_INVALID);
		assert_string_equal(err.msg, cases[i].msg);
	}
	char role[PERSON_ROLE_MAX + 2];
	memset(role, 'r', sizeof role - 1);
	role[sizeof role - 1] = '\0';
	px_error_clear(&err);
	assert_int_equal(person_set(f->j, "Sam", role, NULL, &err), -1);
	assert_int_equal(err.code, PX_ERR_LIMIT);
	assert_string_equal(err.msg, "the role is longer than 200 bytes");
	/* Names and pseudonyms must be names that can follow '@'. */
	px_error_clear(&err);
	assert_int_equal(person_set(f->j, "two words", "x", NULL, &err), -1);
	px_error_clear(&err);
	assert_int_equal(person_set(f->j, "Sam", NULL, "two words", &err), -1);
	assert_non_null(strstr(err.msg, "pseudonym 'two words': "));
	/* Nothing changed, and no one was created by the refusals. */
	assert_string_equal(people(f->j), "Jo//=1 Sam//=1 Kim//Alex=0");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		JOURNAL_TEST(test_counts_case_and_order),
		JOURNAL_TEST(test_families_and_prefixes),
		JOURNAL_TEST(test_trash_hides_tags),
		JOURNAL_TEST(test_check_known),
		JOURNAL_TEST(test_rename_rewrites_rows_text_and_index),
		JOURNAL_TEST(test_rename_merges_into_existing_tag),
		JOURNAL_TEST(test_rename_case_only_and_errors),
		JOURNAL_TEST(test_people_listing),
		JOURNAL_TEST(test_people_set_role_and_pseudonym),
		JOURNAL_TEST(test_people_set_refuses_and_says_why),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
