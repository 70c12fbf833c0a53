/*
 * template_facts.c — the names of the facts a review template may read
 * (§4.6), their types, and whether the review module computes them yet.
 *
 * Facts are the review module's contract with templates (review.h,
 * review_facts.c says where each value comes from).  A fact marked
 * unavailable here still loads (with a warning) and the engine skips the
 * steps that read it; today the review module computes every one.
 */
#include <ctype.h>
#include <string.h>

#include "template_impl.h"

static const struct template_fact_info facts[] = {
	{ "summary", TEMPLATE_FACT_TEXT, true },
	{ "entries_count", TEMPLATE_FACT_NUMBER, true },
	{ "words_total", TEMPLATE_FACT_NUMBER, true },
	{ "days_journaled", TEMPLATE_FACT_NUMBER, true },
	{ "longest_streak", TEMPLATE_FACT_NUMBER, true },
	{ "top_rising_tag", TEMPLATE_FACT_TEXT, true },
	{ "top_rising_tag_count", TEMPLATE_FACT_NUMBER, true },
	{ "top_rising_tag_prev_count", TEMPLATE_FACT_NUMBER, true },
	{ "new_tags", TEMPLATE_FACT_LIST, true },
	{ "gone_tags", TEMPLATE_FACT_LIST, true },
	{ "recurring_themes", TEMPLATE_FACT_LIST, true },
	{ "distinctive_terms", TEMPLATE_FACT_LIST, true },
	{ "frequent_people", TEMPLATE_FACT_LIST, true },
	{ "actions_planned", TEMPLATE_FACT_NUMBER, true },
	{ "actions_followed_up", TEMPLATE_FACT_NUMBER, true },
	{ "actions_overdue", TEMPLATE_FACT_NUMBER, true },
	{ "actions_dropped", TEMPLATE_FACT_NUMBER, true },
	{ "cycles_closed_pct", TEMPLATE_FACT_NUMBER, true },
	{ "measure.*.mean", TEMPLATE_FACT_NUMBER, true },
	{ "measure.*.trend", TEMPLATE_FACT_TEXT, true },
	{ "on_this_day", TEMPLATE_FACT_LIST, true },
};

/* "measure.NAME.mean" / "measure.NAME.trend", NAME a measure id. */
static const struct template_fact_info *measure_fact(const char *name)
{
	static const char lead[] = "measure.";
	if (strncmp(name, lead, sizeof lead - 1) != 0)
		return NULL;
	const char *m = name + sizeof lead - 1;
	const char *dot = strrchr(m, '.');
	if (!dot || dot == m || (size_t)(dot - m) > 40)
		return NULL;
	for (const char *p = m; p < dot; p++)
		if (!islower((unsigned char)*p) && !isdigit((unsigned char)*p) && *p != '-')
			return NULL;
	if (strcmp(dot, ".mean") == 0)
		return template_fact_lookup("measure.*.mean");
	if (strcmp(dot, ".trend") == 0)
		return template_fact_lookup("measure.*.trend");
	return NULL;
}

const struct template_fact_info *template_fact_lookup(const char *name)
{
	for (size_t i = 0; i < sizeof facts / sizeof facts[0]; i++)
		if (strcmp(facts[i].name, name) == 0)
			return &facts[i];
	return measure_fact(name);
}

/* Fact names for "did you mean": the plain ones (measures are patterns). */
size_t template_fact_names(const char **out, size_t max)
{
	size_t n = 0;
	for (size_t i = 0; i < sizeof facts / sizeof facts[0] && n < max; i++)
		if (!strchr(facts[i].name, '*'))
			out[n++] = facts[i].name;
	return n;
}
