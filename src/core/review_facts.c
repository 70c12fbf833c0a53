/*
 * review_facts.c — a review's figures by name: the contract between the
 * review module and review templates (praxis-templates(5) FACTS).  The
 * names and types are declared once in template_facts.c; this file says
 * where each value comes from.  List facts are built on first use and kept
 * with the review.
 */
#include "review_impl.h"

#include "praxis/buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { FACT_NUMBER, FACT_TEXT, FACT_LIST };   /* = enum template_fact_type */

static const char **strings(size_t n)
{
	return px_xcalloc(n + 1, sizeof(const char *));
}

/* The tag that rose most against the previous period (ties by name). */
static void find_top_rising(struct review_owned *ro)
{
	const struct review *r = &ro->r;
	int best = 0;
	for (size_t i = 0; i < r->n_tags; i++) {
		int rise = r->tags[i].count - r->tags[i].prev;
		if (rise > best || (rise == best && rise > 0 && ro->top_rising &&
				    strcmp(r->tags[i].name, ro->top_rising) < 0)) {
			best = rise;
			ro->top_rising = r->tags[i].name;
			ro->top_rising_count = r->tags[i].count;
			ro->top_rising_prev = r->tags[i].prev;
		}
	}
}

static void build_lists(struct review_owned *ro)
{
	const struct review *r = &ro->r;
	if (ro->new_tags)
		return;
	ro->new_tags = strings(r->n_tags);
	ro->gone_tags = strings(r->n_tags);
	for (size_t i = 0; i < r->n_tags; i++) {
		const char *name = arena_strdup(&ro->arena, r->tags[i].name);
		if (r->tags[i].change == REVIEW_NEW)
			ro->new_tags[ro->n_new_tags++] = name;
		else if (r->tags[i].change == REVIEW_GONE)
			ro->gone_tags[ro->n_gone_tags++] = name;
	}
	ro->themes = strings(r->n_themes);
	for (size_t i = 0; i < r->n_themes; i++)
		ro->themes[ro->n_themes_list++] = r->themes[i].name;
	ro->terms = strings(r->n_terms);
	for (size_t i = 0; i < r->n_terms; i++)
		ro->terms[ro->n_terms_list++] = r->terms[i].term;
	ro->people = strings(r->n_people);
	for (size_t i = 0; i < r->n_people && ro->n_people_list < 5; i++)
		if (r->people[i].count > 0) {
			struct px_buf b = PX_BUF_INIT;
			px_buf_addf(&b, "@%s (%d)", r->people[i].name, r->people[i].count);
			ro->people[ro->n_people_list++] = arena_strdup(&ro->arena, b.data);
			px_buf_free(&b);
		}
	ro->days = strings(r->n_on_this_day);
	for (size_t i = 0; i < r->n_on_this_day; i++) {
		struct px_buf b = PX_BUF_INIT;
		px_buf_addf(&b, "%.10s (%s): %s", r->on_this_day[i].occurred_at, r->on_this_day[i].ago,
			    r->on_this_day[i].title);
		ro->days[ro->n_days_list++] = arena_strdup(&ro->arena, b.data);
		px_buf_free(&b);
	}
	snprintf(ro->summary, sizeof ro->summary,
		 "%d %s, %lld words, %d %s written, longest streak %d %s", r->entries,
		 r->entries == 1 ? "entry" : "entries", (long long)r->words, r->days_journaled,
		 r->days_journaled == 1 ? "day" : "days", r->longest_streak,
		 r->longest_streak == 1 ? "day" : "days");
	find_top_rising(ro);
}

static int list_fact(const char **list, size_t n, const char *const **items, size_t *n_items)
{
	*items = list;
	*n_items = n;
	return FACT_LIST;
}

static int measure_fact(const struct review *r, const char *name, double *number,
			const char **text)
{
	const char *m = name + strlen("measure.");
	const char *dot = strrchr(m, '.');
	if (!dot)
		return -1;
	for (size_t i = 0; i < r->n_measures; i++) {
		const struct review_measure *rm = &r->measures[i];
		if (strlen(rm->name) != (size_t)(dot - m) || strncmp(rm->name, m, (size_t)(dot - m)))
			continue;
		if (strcmp(dot, ".mean") == 0) {
			*number = rm->mean;
			return FACT_NUMBER;
		}
		if (strcmp(dot, ".trend") == 0) {
			*text = rm->trend;
			return FACT_TEXT;
		}
	}
	return -1;
}

int review_fact(const struct review *rev, const char *name, double *number, const char **text,
		const char *const **items, size_t *n_items)
{
	struct review_owned *ro = (struct review_owned *)rev;
	const struct review *r = rev;
	build_lists(ro);
	const struct {
		const char *name;
		double value;
	} numbers[] = {
		{ "entries_count", r->entries },          { "words_total", (double)r->words },
		{ "days_journaled", r->days_journaled },  { "longest_streak", r->longest_streak },
		{ "actions_planned", r->cycle.planned },  { "actions_followed_up", r->cycle.followed_up },
		{ "actions_overdue", r->cycle.overdue },  { "actions_dropped", r->cycle.dropped },
		{ "cycles_closed_pct", r->cycle.closed_pct },
		{ "top_rising_tag_count", ro->top_rising_count },
		{ "top_rising_tag_prev_count", ro->top_rising_prev },
	};
	for (size_t i = 0; i < sizeof numbers / sizeof numbers[0]; i++)
		if (strcmp(name, numbers[i].name) == 0) {
			if (strncmp(name, "top_rising", 10) == 0 && !ro->top_rising)
				return -1;
			*number = numbers[i].value;
			return FACT_NUMBER;
		}
	if (strcmp(name, "summary") == 0) {
		*text = ro->summary;
		return FACT_TEXT;
	}
	if (strcmp(name, "top_rising_tag") == 0) {
		*text = ro->top_rising;
		return ro->top_rising ? FACT_TEXT : -1;
	}
	if (strcmp(name, "new_tags") == 0)
		return list_fact(ro->new_tags, ro->n_new_tags, items, n_items);
	if (strcmp(name, "gone_tags") == 0)
		return list_fact(ro->gone_tags, ro->n_gone_tags, items, n_items);
	if (strcmp(name, "recurring_themes") == 0)
		return list_fact(ro->themes, ro->n_themes_list, items, n_items);
	if (strcmp(name, "distinctive_terms") == 0)
		return list_fact(ro->terms, ro->n_terms_list, items, n_items);
	if (strcmp(name, "frequent_people") == 0)
		return list_fact(ro->people, ro->n_people_list, items, n_items);
	if (strcmp(name, "on_this_day") == 0)
		return list_fact(ro->days, ro->n_days_list, items, n_items);
	if (strncmp(name, "measure.", 8) == 0)
		return measure_fact(r, name, number, text);
	return -1;
}
