/*
 * test_anonymise.c — stand-ins for people (src/core/anonymise.c):
 * pseudonym, else role, else a generated letter in the order people were
 * met; mentions and bare names, whole words only, any ASCII case, longest
 * names first, roles that name someone, and a journal's people list.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "praxis/anonymise.h"
#include "praxis/entry.h"
#include "praxis/journal.h"
#include "praxis/person.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *anon(struct anonymiser *a, const char *text)
{
	static char out[1024];
	char *t = anonymise_text(a, text);
	snprintf(out, sizeof out, "%s", t);
	free(t);
	return out;
}

static struct anonymiser *team(void)
{
	struct anonymiser *a = anonymiser_new();
	anonymiser_add(a, "Sam", NULL, "Alex", 3);
	anonymiser_add(a, "Priya", "the ward manager", NULL, 1);
	anonymiser_add(a, "Jo", NULL, NULL, 5);
	anonymiser_add(a, "Jo-Ann", NULL, NULL, 2);
	anonymiser_add(a, "@Dr.Okafor", "", "", 4);
	anonymiser_add(a, "sam", "ignored: already added", NULL, 9);
	return a;
}

static void test_stand_ins(void **state)
{
	(void)state;
	struct anonymiser *a = team();
	assert_string_equal(anonymise_person(a, "Sam"), "@Alex");
	assert_string_equal(anonymise_person(a, "@SAM"), "@Alex");
	assert_string_equal(anonymise_person_bare(a, "Sam"), "Alex");
	assert_string_equal(anonymise_person_bare(a, "Priya"), "the ward manager");
	assert_null(anonymise_person_bare(a, "Nobody"));
	assert_string_equal(anonymise_person(a, "Priya"), "the ward manager");
	/* Letters follow the order people were met: Jo-Ann (2), Dr.Okafor (4), Jo (5);
	 * Priya has a role but still holds her letter, A, so letters never move. */
	assert_string_equal(anonymise_person(a, "Jo-Ann"), "Colleague B");
	assert_string_equal(anonymise_person(a, "dr.okafor"), "Colleague C");
	assert_string_equal(anonymise_person(a, "Jo"), "Colleague D");
	assert_null(anonymise_person(a, "Nobody"));
	anonymiser_free(a);
}

static void test_mentions_and_bare_names(void **state)
{
	(void)state;
	struct anonymiser *a = team();
	assert_string_equal(anon(a, "I assumed @Sam had read it; Sam had not."),
			    "I assumed @Alex had read it; Alex had not.");
	assert_string_equal(anon(a, "@Priya asked priya's team and PRIYA agreed."),
			    "the ward manager asked the ward manager's team and the ward manager "
			    "agreed.");
	/* Longest first, and only whole words. */
	assert_string_equal(anon(a, "Jo-Ann and Jo met Samantha, Josh and Sam."),
			    "Colleague B and Colleague D met Samantha, Josh and Alex.");
	assert_string_equal(anon(a, "@Jo-Ann, @Jo. @Dr.Okafor: Dr.Okafor's view"),
			    "Colleague B, Colleague D. Colleague C: Colleague C's view");
	assert_string_equal(anon(a, "Sam_x xSam Sam2 2Sam (Sam) \"Sam\" Sam\xe2\x80\x94then"),
			    "Sam_x xSam Sam2 2Sam (Alex) \"Alex\" Alex\xe2\x80\x94then");
	/* After a letter from another script a name is part of that word. */
	assert_string_equal(anon(a, "caf\xc3\xa9Sam \xc3\xa9Jo \xe2\x80\x94Jo"),
			    "caf\xc3\xa9Sam \xc3\xa9Jo \xe2\x80\x94" "Colleague D");
	/* An address is not a mention, but the name in it is still hidden. */
	assert_string_equal(anon(a, "sam@example.com x@Sam"), "Alex@example.com x@Alex");
	assert_string_equal(anon(a, "#sam-feedback"), "#Alex-feedback");
	assert_string_equal(anon(a, ""), "");
	assert_string_equal(anon(a, NULL), "");
	assert_string_equal(anon(a, "nobody here"), "nobody here");
	/* Bytes that are not UTF-8 go through as they are and end no word;
	 * a name that ends the text is still found. */
	assert_string_equal(anon(a, "\xffSam \xc3 Sam\xe2\x80 Sam"), "\xff" "Alex \xc3 Alex\xe2\x80 Alex");
	assert_string_equal(anon(a, "Sam"), "Alex");
	assert_string_equal(anon(a, "Samuel"), "Samuel");
	anonymiser_free(a);
}

/* Replacing happens once: what a stand-in says is never replaced again,
 * and a role that names someone names their stand-in instead. */
static void test_roles_naming_people(void **state)
{
	(void)state;
	struct anonymiser *a = anonymiser_new();
	anonymiser_add(a, "Ann", "Ben's deputy", NULL, 1);
	anonymiser_add(a, "Ben", NULL, NULL, 2);
	anonymiser_add(a, "Cy", "mentor of @Dee", NULL, 3);
	anonymiser_add(a, "Dee", NULL, "Ann", 4);
	assert_string_equal(anon(a, "Ann met Ben and Cy."),
			    "Colleague B's deputy met Colleague B and mentor of @Ann.");
	/* Dee's pseudonym is a real name; once written it is not replaced again. */
	assert_string_equal(anon(a, "@Dee"), "@Ann");
	anonymiser_free(a);
}

static void test_no_people(void **state)
{
	(void)state;
	struct anonymiser *a = anonymiser_new();
	assert_string_equal(anon(a, "@Sam said so"), "@Sam said so");
	assert_null(anonymise_person(a, "Sam"));
	anonymiser_free(a);
}

/* A journal's people list: everyone mentioned and everyone set, with the
 * journal's ids deciding letters. */
static void test_load_from_journal(void **state)
{
	(void)state;
	/* mkdtemp's template ends in six capital X characters. */
	char dir[64] = "/tmp/praxis-anon-";
	memset(dir + strlen(dir), 'X', 6);
	assert_non_null(mkdtemp(dir));
	char path[128];
	snprintf(path, sizeof path, "%s/journal.db", dir);
	setenv("PRAXIS_NOW", "2026-03-10T09:00:00", 1);
	struct journal *j;
	struct px_error err;
	px_error_clear(&err);
	assert_int_equal(journal_open(path, JOURNAL_CREATE, &j, &err), 0);
	struct entry e;
	entry_init(&e);
	entry_set(&e.body, "Handover with @Zoe and @Yusuf.");
	snprintf(e.occurred_at, sizeof e.occurred_at, "2026-03-09 10:00:00");
	assert_int_equal(entry_add(j, &e, &err), 0);
	entry_free(&e);
	assert_int_equal(person_set(j, "Xavier", "the registrar", NULL, &err), 0);
	assert_int_equal(person_set(j, "Yusuf", NULL, "Kit", &err), 0);
	struct anonymiser *a;
	assert_int_equal(anonymiser_load(j, &a, &err), 0);
	assert_string_equal(anon(a, "Zoe, Yusuf and @Xavier"), "Colleague A, Kit and the registrar");
	anonymiser_free(a);
	assert_int_equal(journal_close(j), 0);
	char cmd[160];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_stand_ins),
		cmocka_unit_test(test_mentions_and_bare_names),
		cmocka_unit_test(test_roles_naming_people),
		cmocka_unit_test(test_no_people),
		cmocka_unit_test(test_load_from_journal),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
