/*
 * test_cite.c — Harvard references (src/core/cite.c): each type formatted
 * as REFLECTION.md §4.8 and §8 print them, italics as spans, duplicates
 * merged by authors, year and title, reading order, and every citation of
 * the bundled templates formatting to one sentence.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "praxis/buf.h"
#include "praxis/cite.h"
#include "praxis/template.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Markdown-style rendering: italics between asterisks. */
static void md_span(const char *text, size_t len, bool italic, void *ctx)
{
	struct px_buf *b = ctx;
	if (italic)
		px_buf_addc(b, '*');
	px_buf_add(b, text, len);
	if (italic)
		px_buf_addc(b, '*');
}

static const char *md(const struct template_cite *c)
{
	static char out[1024];
	struct px_buf b = PX_BUF_INIT;
	cite_format(c, md_span, &b);
	snprintf(out, sizeof out, "%s", b.data);
	px_buf_free(&b);
	return out;
}

static const char *gibbs_authors[] = { "Gibbs, G." };
static const struct template_cite gibbs = {
	.type = "book", .authors = gibbs_authors, .n_authors = 1, .year = "1988",
	.title = "Learning by doing: a guide to teaching and learning methods",
	.place = "Oxford", .publisher = "Further Education Unit, Oxford Polytechnic",
};

static void test_book(void **state)
{
	(void)state;
	assert_string_equal(md(&gibbs), "Gibbs, G. (1988) *Learning by doing: a guide to teaching "
			    "and learning methods*. Oxford: Further Education Unit, Oxford Polytechnic.");
	static const char *driscoll[] = { "Driscoll, J." };
	struct template_cite c = {
		.type = "book", .authors = driscoll, .n_authors = 1, .year = "2007",
		.title = "Practising clinical supervision", .edition = "2nd", .place = "Edinburgh",
		.publisher = "Bailli\xc3\xa8re Tindall Elsevier",
	};
	assert_string_equal(md(&c), "Driscoll, J. (2007) *Practising clinical supervision*. 2nd "
			    "edn. Edinburgh: Bailli\xc3\xa8re Tindall Elsevier.");
	static const char *tolstoy[] = { "Tolstoy, L." };
	static const char *maude[] = { "Maude, L.", "Maude, A." };
	struct template_cite war = {
		.type = "book", .authors = tolstoy, .n_authors = 1, .year = "1869",
		.title = "War and peace", .translators = maude, .n_translators = 2,
		.note = "Book Eleven, ch. XXV",
	};
	assert_string_equal(md(&war), "Tolstoy, L. (1869) *War and peace*. Translated by L. Maude "
			    "and A. Maude. Book Eleven, ch. XXV.");
	static const char *three[] = { "Boud, D.", "Keogh, R.", "Walker, D." };
	struct template_cite report = {
		.type = "report", .authors = three, .n_authors = 3, .year = "n.d.",
		.title = "What next?",
	};
	assert_string_equal(md(&report), "Boud, D., Keogh, R. and Walker, D. (n.d.) *What next?*");
}

static void test_chapter_and_article(void **state)
{
	(void)state;
	static const char *fr[] = { "French, J.R.P.", "Raven, B." };
	static const char *cartwright[] = { "Cartwright, D." };
	struct template_cite ch = {
		.type = "chapter", .authors = fr, .n_authors = 2, .year = "1959",
		.title = "The bases of social power", .editors = cartwright, .n_editors = 1,
		.book_title = "Studies in social power", .place = "Ann Arbor, MI",
		.publisher = "Institute for Social Research", .pages = "150-167",
	};
	assert_string_equal(md(&ch), "French, J.R.P. and Raven, B. (1959) 'The bases of social "
			    "power', in Cartwright, D. (ed.) *Studies in social power*. Ann Arbor, "
			    "MI: Institute for Social Research, pp. 150\xe2\x80\x93" "167.");
	static const char *eds[] = { "Boud, D.", "Keogh, R." };
	ch.editors = eds;
	ch.n_editors = 2;
	ch.pages = NULL;
	ch.place = NULL;
	assert_string_equal(md(&ch), "French, J.R.P. and Raven, B. (1959) 'The bases of social "
			    "power', in Boud, D. and Keogh, R. (eds) *Studies in social power*. "
			    "Institute for Social Research.");
	static const char *flanagan[] = { "Flanagan, J.C." };
	struct template_cite art = {
		.type = "article", .authors = flanagan, .n_authors = 1, .year = "1954",
		.title = "The critical incident technique", .journal = "Psychological Bulletin",
		.volume = "51", .issue = "4", .pages = "327-358",
	};
	assert_string_equal(md(&art), "Flanagan, J.C. (1954) 'The critical incident technique', "
			    "*Psychological Bulletin*, 51(4), pp. 327\xe2\x80\x93" "358.");
	art.issue = NULL;
	art.pages = "12";
	assert_string_equal(md(&art), "Flanagan, J.C. (1954) 'The critical incident technique', "
			    "*Psychological Bulletin*, 51, p. 12.");
}

static void test_web_and_plain(void **state)
{
	(void)state;
	static const char *nmc[] = { "Nursing and Midwifery Council" };
	struct template_cite web = {
		.type = "web", .authors = nmc, .n_authors = 1, .year = "n.d.",
		.title = "Written reflective accounts", .url = "https://www.nmc.org.uk/revalidation",
		.accessed = "10 March 2026",
	};
	assert_string_equal(md(&web), "Nursing and Midwifery Council (n.d.) *Written reflective "
			    "accounts*. Available at: https://www.nmc.org.uk/revalidation (Accessed: 10 "
			    "March 2026).");
	char *plain = cite_format_plain(&gibbs);
	assert_string_equal(plain, "Gibbs, G. (1988) Learning by doing: a guide to teaching and "
			    "learning methods. Oxford: Further Education Unit, Oxford Polytechnic.");
	free(plain);
}

static void test_merge_and_order(void **state)
{
	(void)state;
	static const char *kolb[] = { "Kolb, D.A." };
	static const char *argyris[] = { "Argyris, C.", "Sch\xc3\xb6n, D.A." };
	static const char *argyris_alone[] = { "Argyris, C." };
	struct template_cite k = { .type = "book", .authors = kolb, .n_authors = 1, .year = "1984",
				   .title = "Experiential learning" };
	struct template_cite a74 = { .type = "book", .authors = argyris, .n_authors = 2,
				     .year = "1974", .title = "Theory in practice" };
	struct template_cite a78 = { .type = "book", .authors = argyris, .n_authors = 2,
				     .year = "1978", .title = "Organizational learning" };
	struct template_cite a90 = { .type = "book", .authors = argyris_alone, .n_authors = 1,
				     .year = "1990", .title = "Overcoming organizational defenses" };
	struct cite_list *l = cite_list_new();
	assert_int_equal(cite_list_add(l, &k), 1);
	assert_int_equal(cite_list_add(l, &a78), 1);
	assert_int_equal(cite_list_add(l, &gibbs), 1);
	assert_int_equal(cite_list_add(l, &a74), 1);
	assert_int_equal(cite_list_add(l, &a90), 1);
	/* The same work from another template: one reference, even with other details. */
	struct template_cite k2 = k;
	k2.place = "Englewood Cliffs, NJ";
	assert_int_equal(cite_list_add(l, &k2), 0);
	assert_int_equal(cite_list_add(l, &gibbs), 0);
	/* Another year is another work. */
	struct template_cite k3 = k;
	k3.year = "2015";
	assert_int_equal(cite_list_add(l, &k3), 1);
	assert_int_equal(cite_list_count(l), 6);
	assert_string_equal(cite_list_at(l, 0)->title, "Overcoming organizational defenses");
	assert_string_equal(cite_list_at(l, 1)->title, "Theory in practice");
	assert_string_equal(cite_list_at(l, 2)->title, "Organizational learning");
	assert_string_equal(cite_list_at(l, 3)->title,
			    "Learning by doing: a guide to teaching and learning methods");
	assert_string_equal(cite_list_at(l, 4)->year, "1984");
	assert_null(cite_list_at(l, 4)->place);   /* the first one added is kept */
	assert_string_equal(cite_list_at(l, 5)->year, "2015");
	assert_null(cite_list_at(l, 6));
	cite_list_free(l);
}

/* Every citation of the bundled templates formats to one sentence with
 * its authors, year and title. */
static void test_bundled_citations(void **state)
{
	(void)state;
	DIR *d = opendir("prompts");
	assert_non_null(d);
	struct template_dir dir = { "prompts", TEMPLATE_SOURCE_BUNDLED };
	struct template_set *set = template_set_load(&dir, 1, NULL);
	struct cite_list *l = cite_list_new();
	struct dirent *de;
	size_t total = 0;
	while ((de = readdir(d))) {
		size_t n = strlen(de->d_name);
		if (n < 6 || strcmp(de->d_name + n - 5, ".yaml") != 0)
			continue;
		char path[512];
		snprintf(path, sizeof path, "prompts/%s", de->d_name);
		const struct template_load_opts opts = { set, TEMPLATE_SOURCE_BUNDLED, path };
		struct template *t = template_load_file(path, &opts, NULL);
		assert_non_null(t);
		size_t nb;
		const struct template_basis *b = template_based_on(t, &nb);
		for (size_t i = 0; i < nb; i++) {
			char *text = cite_format_plain(&b[i].cite);
			assert_non_null(strstr(text, b[i].cite.authors[0]));
			assert_non_null(strstr(text, b[i].cite.year));
			assert_int_equal(text[strlen(text) - 1], '.');
			assert_null(strchr(text, '\n'));
			free(text);
			cite_list_add(l, &b[i].cite);
			total++;
		}
		template_free(t);
	}
	closedir(d);
	template_set_free(set);
	/* Several templates cite Kolb (1984) and Sch\xc3\xb6n (1983): merged. */
	assert_true(total >= 20);
	assert_true(cite_list_count(l) < total);
	for (size_t i = 1; i < cite_list_count(l); i++)
		assert_false(strcasecmp(cite_list_at(l, i - 1)->authors[0],
					cite_list_at(l, i)->authors[0]) > 0);
	cite_list_free(l);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_book),
		cmocka_unit_test(test_chapter_and_article),
		cmocka_unit_test(test_web_and_plain),
		cmocka_unit_test(test_merge_and_order),
		cmocka_unit_test(test_bundled_citations),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
