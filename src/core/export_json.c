/*
 * export_json.c — praxis JSON, the lossless export that import reads back
 * (the format is documented in praxis(1), JSON EXPORT FORMAT).
 *
 * Entries are written as they stream past; what depends on which entries
 * were written (their actions, inquiries, people, tags and template
 * texts) follows them.  Links are by UUID, never by the journal's own ids,
 * and every list is in an order decided by content alone: entries by date
 * (then the order they were written in, which import keeps), actions by
 * their entry and position, inquiries by opening date and UUID, people and
 * tags by name, templates by id, version and hash.  So exporting, importing
 * into an empty journal and exporting again gives the same bytes.
 */
#include "export_impl.h"

#include "praxis/json.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct json_state {
	struct json_writer w;
	int64_t *order;             /* exported entries, in the order written */
	size_t n, cap;
};

static void json_begin(struct export_ctx *x)
{
	struct json_state *st = px_xcalloc(1, sizeof *st);
	x->rstate = st;
	json_init(&st->w, &x->out.buf, 1);
	struct json_writer *w = &st->w;
	json_begin_object(w);
	json_member_string(w, "format", EXPORT_JSON_FORMAT);
	json_member_int(w, "version", EXPORT_JSON_VERSION);
	json_member_string(w, "exported_at", x->now);
	json_member_bool(w, "anonymised", x->anon != NULL);
	json_key(w, "entries");
	json_begin_array(w);
}

static void member_or_null(struct json_writer *w, const char *key, const char *s)
{
	json_member_string(w, key, s && *s ? s : NULL);
}

static void json_answer(struct json_writer *w, const struct xanswer *xa)
{
	const struct answer *a = &xa->a;
	json_begin_object(w);
	json_member_string(w, "step", a->step_id);
	json_member_int(w, "position", a->position);
	json_member_string(w, "kind", a->kind);
	json_member_string(w, "title", a->title ? a->title : "");
	json_member_string(w, "prompt", a->prompt ? a->prompt : "");
	json_member_string(w, "text", a->value_text);
	json_key(w, "number");
	if (a->has_num)
		json_double(w, a->value_num);
	else
		json_null(w);
	json_key(w, "ids");
	if (a->value_ids) {
		json_begin_array(w);
		for (const char *p = a->value_ids; *p;) {
			size_t n = strcspn(p, "\n");
			char *id = px_xstrndup(p, n);
			json_string(w, id);
			free(id);
			p += n + (p[n] == '\n');
		}
		json_end_array(w);
	} else {
		json_null(w);
	}
	json_member_string(w, "measure", a->measure);
	json_member_string(w, "lens", a->lens);
	json_member_string(w, "depth", a->depth);
	json_end_object(w);
}

static void json_names(struct json_writer *w, const char *key, const char **names, size_t n,
		       const bool *only)
{
	json_key(w, key);
	json_begin_array(w);
	for (size_t i = 0; i < n; i++)
		if (!only || only[i])
			json_string(w, names[i]);
	json_end_array(w);
}

static void json_entry_head(struct json_writer *w, const struct xentry *e)
{
	json_member_string(w, "uuid", e->uuid);
	json_member_string(w, "frame", entry_frame_name(e->frame));
	json_member_string(w, "title", e->title);
	json_member_string(w, "body", e->body);
	json_member_string(w, "occurred_at", e->occurred_at);
	json_member_string(w, "period_start", e->period_start);
	json_member_string(w, "period_end", e->period_end);
	json_member_string(w, "created_at", e->created_at);
	json_member_string(w, "updated_at", e->updated_at);
	json_member_bool(w, "private", e->is_private);
	json_member_bool(w, "starred", e->starred);
	json_member_string(w, "inquiry", e->inquiry ? e->inquiry->uuid : NULL);
	json_key(w, "template");
	if (e->template_id) {
		json_begin_object(w);
		json_member_string(w, "id", e->template_id);
		json_member_int(w, "version", e->template_version);
		json_member_string(w, "hash", e->template_hash);
		json_end_object(w);
	} else {
		json_null(w);
	}
}

static void json_entry(struct export_ctx *x, const struct xentry *e)
{
	struct json_state *st = x->rstate;
	struct json_writer *w = &st->w;
	px_grow((void **)&st->order, &st->cap, st->n + 1, sizeof *st->order);
	st->order[st->n++] = e->id;
	json_begin_object(w);
	json_entry_head(w, e);
	json_names(w, "tags", e->tags, e->n_tags, NULL);
	json_names(w, "explicit_tags", e->tags, e->n_tags, e->tag_explicit);
	json_names(w, "people", e->people, e->n_people, NULL);
	json_key(w, "answers");
	json_begin_array(w);
	for (size_t i = 0; i < e->n_answers; i++)
		json_answer(w, &e->answers[i]);
	json_end_array(w);
	json_member_int(w, "words", (int64_t)e->words);
	json_end_object(w);
}

/* ---- what follows the entries -------------------------------------------------- */

static void json_action(struct export_ctx *x, struct json_writer *w, const struct xaction *a)
{
	json_begin_object(w);
	json_member_string(w, "uuid", a->uuid);
	const struct xseen *planner = xgather_written(x, a->planned_by);
	json_member_string(w, "planned_by", planner ? planner->uuid : NULL);
	json_member_int(w, "position", a->position);
	json_member_string(w, "text", a->text);
	json_member_string(w, "due_date", a->due_date);
	json_member_string(w, "status", action_status_name(a->status));
	member_or_null(w, "outcome", action_outcome_name(a->outcome));
	/* A follow-up outside the export would be a dangling link. */
	const struct xseen *follower = a->followed_up_by ? xgather_written(x, a->followed_up_by)
							  : NULL;
	json_member_string(w, "followed_up_by", follower ? follower->uuid : NULL);
	json_member_string(w, "follow_up_template", a->follow_up_template);
	json_member_string(w, "created_at", a->created_at);
	json_member_string(w, "updated_at", a->updated_at);
	json_end_object(w);
}

static void json_actions(struct export_ctx *x, struct json_state *st)
{
	struct json_writer *w = &st->w;
	json_key(w, "actions");
	json_begin_array(w);
	for (size_t i = 0; i < st->n; i++) {
		/* by_planner is sorted by entry id, then position and id. */
		size_t lo = 0, hi = x->n_actions;
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			if (x->by_planner[mid]->planned_by < st->order[i])
				lo = mid + 1;
			else
				hi = mid;
		}
		for (size_t k = lo; k < x->n_actions && x->by_planner[k]->planned_by == st->order[i];
		     k++)
			json_action(x, w, x->by_planner[k]);
		xout_step(&x->out);
	}
	json_end_array(w);
}

static int inquiry_order(const void *p, const void *q)
{
	const struct xinquiry *a = *(const struct xinquiry *const *)p;
	const struct xinquiry *b = *(const struct xinquiry *const *)q;
	int c = strcmp(a->opened_at, b->opened_at);
	return c ? c : strcmp(a->uuid, b->uuid);
}

static void json_inquiries(struct export_ctx *x, struct json_writer *w)
{
	const struct xinquiry **list = px_xcalloc(x->n_inquiries + 1, sizeof *list);
	size_t n = 0;
	for (size_t i = 0; i < x->n_inquiries; i++)
		if (x->inquiries[i].used || &x->inquiries[i] == x->focus)
			list[n++] = &x->inquiries[i];
	qsort(list, n, sizeof *list, inquiry_order);
	json_key(w, "inquiries");
	json_begin_array(w);
	for (size_t i = 0; i < n; i++) {
		const struct xinquiry *q = list[i];
		json_begin_object(w);
		json_member_string(w, "uuid", q->uuid);
		json_member_string(w, "question", q->question);
		json_member_string(w, "status", inquiry_status_name(q->status));
		json_member_string(w, "opened_at", q->opened_at);
		member_or_null(w, "closed_at", q->closed_at);
		json_member_string(w, "summary", q->summary);
		json_member_string(w, "created_at", q->created_at);
		json_member_string(w, "updated_at", q->updated_at);
		json_end_object(w);
	}
	json_end_array(w);
	free(list);
}

static int name_order(const void *p, const void *q)
{
	const struct xname *a = *(const struct xname *const *)p;
	const struct xname *b = *(const struct xname *const *)q;
	int c = strcasecmp(a->name, b->name);
	return c ? c : strcmp(a->name, b->name);
}

/* The used names of LIST, sorted (stand-ins may repeat: each once). */
static const struct xname **used_names(struct xname *list, size_t n, size_t *count)
{
	const struct xname **out = px_xcalloc(n + 1, sizeof *out);
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (list[i].used)
			out[k++] = &list[i];
	qsort(out, k, sizeof *out, name_order);
	size_t m = 0;
	for (size_t i = 0; i < k; i++)
		if (m == 0 || strcmp(out[m - 1]->name, out[i]->name) != 0)
			out[m++] = out[i];
	*count = m;
	return out;
}

static void json_people_and_tags(struct export_ctx *x, struct json_writer *w)
{
	size_t n;
	const struct xname **people = used_names(x->people, x->n_people, &n);
	json_key(w, "people");
	json_begin_array(w);
	for (size_t i = 0; i < n; i++) {
		json_begin_object(w);
		json_member_string(w, "name", people[i]->name);
		if (!x->anon) {
			json_member_string(w, "role", people[i]->role);
			json_member_string(w, "pseudonym", people[i]->pseudonym);
		}
		json_end_object(w);
	}
	json_end_array(w);
	free(people);
	const struct xname **tags = used_names(x->tags, x->n_tags, &n);
	json_key(w, "tags");
	json_begin_array(w);
	for (size_t i = 0; i < n; i++)
		json_string(w, tags[i]->name);
	json_end_array(w);
	free(tags);
}

static int template_order(const void *p, const void *q)
{
	const struct xtemplate *a = *(const struct xtemplate *const *)p;
	const struct xtemplate *b = *(const struct xtemplate *const *)q;
	int c = strcmp(a->id, b->id);
	if (c)
		return c;
	if (a->version != b->version)
		return a->version < b->version ? -1 : 1;
	return strcmp(a->hash ? a->hash : "", b->hash ? b->hash : "");
}

static void json_templates(struct export_ctx *x, struct json_writer *w)
{
	const struct xtemplate **list = px_xcalloc(x->n_templates + 1, sizeof *list);
	size_t n = 0;
	for (size_t i = 0; i < x->n_templates; i++)
		if (x->templates[i].yaml)
			list[n++] = &x->templates[i];
	qsort(list, n, sizeof *list, template_order);
	json_key(w, "templates");
	json_begin_array(w);
	for (size_t i = 0; i < n; i++) {
		json_begin_object(w);
		json_member_string(w, "id", list[i]->id);
		json_member_int(w, "version", list[i]->version);
		json_member_string(w, "hash", list[i]->hash);
		json_member_string(w, "yaml", list[i]->yaml);
		json_end_object(w);
	}
	json_end_array(w);
	free(list);
}

static void json_end(struct export_ctx *x)
{
	struct json_state *st = x->rstate;
	struct json_writer *w = &st->w;
	json_end_array(w);
	json_actions(x, st);
	json_inquiries(x, w);
	json_people_and_tags(x, w);
	json_templates(x, w);
	json_member_int(w, "words", (int64_t)x->words);
	json_end_object(w);
}

static void json_release(struct export_ctx *x)
{
	struct json_state *st = x->rstate;
	if (st)
		free(st->order);
	free(st);
	x->rstate = NULL;
}

const struct export_renderer export_json_renderer = {
	json_begin, json_entry, json_end, json_release,
};
