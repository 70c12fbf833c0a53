/*
 * import_praxis.c — reading praxis JSON back (the format is documented in
 * praxis(1)).  Records are taken in the order their links need: template
 * texts, people, tags (so their spelling is the file's), inquiries,
 * entries with their answers, then actions, which link entries.  Links
 * are UUIDs, resolved against the file first and the journal second; a
 * record whose UUID the journal has is skipped, which is what makes a
 * second import of the same file add nothing.
 *
 * Every member is checked for its type and every value for its meaning
 * before it is written, so an error names the exact member; the core's
 * own checks (entry_batch_add, inquiry_import, action_import) come after,
 * placed at the record they refused.
 */
#include "import_impl.h"

#include "db.h"
#include "praxis/action.h"
#include "praxis/answer.h"
#include "praxis/buf.h"
#include "praxis/date.h"
#include "praxis/export.h"
#include "praxis/inquiry.h"
#include "praxis/person.h"
#include "praxis/snapshot.h"
#include "praxis/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct praxis_run {
	struct import_ctx *x;
	struct uuid_map entries, inquiries;
	bool journal_has_entries;
};

/* ---- small checks --------------------------------------------------------------------- */

static int check_uuid(struct import_ctx *x, const struct jv *obj, struct jpath *p,
		      const char **uuid)
{
	if (jget_text(x, obj, p, "uuid", JGET_REQUIRED, uuid) < 0)
		return -1;
	if (journal_uuid_valid(*uuid))
		return 0;
	size_t back = jpath_key(p, "uuid");
	import_fail(x, jv_get(obj, "uuid"), p, "'%.40s' is not a UUID (lowercase 8-4-4-4-12 hex)",
		    *uuid);
	jpath_back(p, back);
	return -1;
}

/* KEY of OBJ, when present, is a storage date-time (WITH_TIME) or date. */
static int check_when(struct import_ctx *x, const struct jv *obj, struct jpath *p,
		      const char *key, bool with_time, const char *s)
{
	struct px_datetime dt;
	if (!s || (datetime_parse_storage(s, &dt) == 0 && (dt.has_time != 0) == with_time))
		return 0;
	size_t back = jpath_key(p, key);
	import_fail(x, jv_get(obj, key), p, with_time ? "'%.40s' is not a valid date-time "
		    "(YYYY-MM-DD HH:MM:SS)" : "'%.40s' is not a valid date (YYYY-MM-DD)", s);
	jpath_back(p, back);
	return -1;
}

static int check_utc(struct import_ctx *x, const struct jv *obj, struct jpath *p,
		     const char *key, const char *s)
{
	struct px_error why;
	px_error_clear(&why);
	if (!s || db_check_utc(key, s, &why) == 0)
		return 0;
	size_t back = jpath_key(p, key);
	import_fail(x, jv_get(obj, key), p, "'%.40s' is not a UTC time (YYYY-MM-DD HH:MM:SSZ)", s);
	jpath_back(p, back);
	return -1;
}

/* A list of text at KEY, each item checked to be text. */
static int text_list(struct import_ctx *x, const struct jv *obj, struct jpath *p,
		     const char *key, const struct jv **out)
{
	if (jget_kind(x, obj, p, key, JV_ARRAY, JGET_OPTIONAL | JGET_NULLABLE, out) < 0)
		return -1;
	for (size_t i = 0; *out && i < (*out)->u.arr.n; i++) {
		size_t back = jpath_key(p, key);
		jpath_index(p, i);
		int rc = jexpect(x, &(*out)->u.arr.items[i], p, JV_STRING);
		jpath_back(p, back);
		if (rc < 0)
			return -1;
	}
	return 0;
}

/* ---- templates, people, tags -------------------------------------------------------------- */

static int one_template(struct praxis_run *r, const struct jv *t, struct jpath *p)
{
	static const char *const keys[] = { "id", "version", "hash", "yaml" };
	struct import_ctx *x = r->x;
	const char *id, *hash, *yaml;
	int64_t version;
	if (jexpect(x, t, p, JV_OBJECT) < 0 || jknown_keys(x, t, p, keys, 4) < 0 ||
	    jget_text(x, t, p, "id", 0, &id) < 0 ||
	    jget_int(x, t, p, "version", 0, 0, INT32_MAX, &version) < 0 ||
	    jget_text(x, t, p, "hash", 0, &hash) < 0 || jget_text(x, t, p, "yaml", 0, &yaml) < 0)
		return -1;
	struct px_error why;
	px_error_clear(&why);
	char *kept = NULL;
	int have = snapshot_get(x->j, id, (int)version, hash, &kept, &why) == 0;
	free(kept);
	if (!have && why.code != PX_ERR_NOT_FOUND)
		return import_fail_why(x, t, p, &why);
	if (have) {
		x->sum->templates.skipped++;
		return 0;
	}
	px_error_clear(&why);
	if (snapshot_keep(x->j, id, (int)version, hash, yaml, &why) < 0)
		return import_fail_why(x, t, p, &why);
	x->sum->templates.added++;
	return 0;
}

static int one_person(struct praxis_run *r, const struct jv *v, struct jpath *p)
{
	static const char *const keys[] = { "name", "role", "pseudonym" };
	struct import_ctx *x = r->x;
	const char *name, *role = NULL, *pseudonym = NULL;
	if (jexpect(x, v, p, JV_OBJECT) < 0 || jknown_keys(x, v, p, keys, 3) < 0 ||
	    jget_text(x, v, p, "name", 0, &name) < 0 ||
	    jget_text(x, v, p, "role", JGET_OPTIONAL, &role) < 0 ||
	    jget_text(x, v, p, "pseudonym", JGET_OPTIONAL, &pseudonym) < 0)
		return -1;
	struct person known;
	struct px_error why;
	px_error_clear(&why);
	int found = person_get(x->j, name, &known, &why) == 0;
	person_free(&known);
	if (!found && why.code != PX_ERR_NOT_FOUND)
		return import_fail_why(x, v, p, &why);
	if (found) {
		x->sum->people.skipped++;   /* the journal's own role and pseudonym stay */
		return 0;
	}
	px_error_clear(&why);
	if (person_set(x->j, name, role ? role : "", pseudonym ? pseudonym : "", &why) < 0)
		return import_fail_why(x, v, p, &why);
	x->sum->people.added++;
	return 0;
}

typedef int item_fn(struct praxis_run *r, const struct jv *item, struct jpath *p);

/* Call FN for each item of the list at KEY of ROOT (absent: none). */
static int each(struct praxis_run *r, const struct jv *root, const char *key, item_fn *fn)
{
	const struct jv *list;
	struct jpath p = { "", 0 };
	if (jget_kind(r->x, root, &p, key, JV_ARRAY, JGET_OPTIONAL, &list) < 0)
		return -1;
	for (size_t i = 0; list && i < list->u.arr.n; i++) {
		jpath_back(&p, 0);
		jpath_key(&p, key);
		jpath_index(&p, i);
		if (fn(r, &list->u.arr.items[i], &p) < 0)
			return -1;
	}
	return 0;
}

static int one_tag(struct praxis_run *r, const struct jv *v, struct jpath *p)
{
	struct px_error why;
	px_error_clear(&why);
	if (jexpect(r->x, v, p, JV_STRING) < 0)
		return -1;
	if (entry_batch_tag(r->x->batch, v->u.str.s, &why) < 0)
		return import_fail_why(r->x, v, p, &why);
	return 0;
}

/* ---- inquiries ------------------------------------------------------------------------------- */

static int read_inquiry(struct import_ctx *x, const struct jv *v, struct jpath *p,
			struct inquiry *q)
{
	static const char *const keys[] = { "uuid", "question", "status", "opened_at",
					    "closed_at", "summary", "created_at", "updated_at" };
	const char *uuid, *question, *status, *opened, *closed = NULL, *summary = "",
		   *created = NULL, *updated = NULL;
	if (jexpect(x, v, p, JV_OBJECT) < 0 || jknown_keys(x, v, p, keys, 8) < 0 ||
	    check_uuid(x, v, p, &uuid) < 0 || jget_text(x, v, p, "question", 0, &question) < 0 ||
	    jget_text(x, v, p, "status", 0, &status) < 0 ||
	    jget_text(x, v, p, "opened_at", 0, &opened) < 0 ||
	    jget_text(x, v, p, "closed_at", JGET_OPTIONAL | JGET_NULLABLE, &closed) < 0 ||
	    jget_text(x, v, p, "summary", JGET_OPTIONAL, &summary) < 0 ||
	    jget_text(x, v, p, "created_at", JGET_OPTIONAL, &created) < 0 ||
	    jget_text(x, v, p, "updated_at", JGET_OPTIONAL, &updated) < 0 ||
	    check_when(x, v, p, "opened_at", true, opened) < 0 ||
	    check_when(x, v, p, "closed_at", true, closed) < 0 ||
	    check_utc(x, v, p, "created_at", created) < 0 ||
	    check_utc(x, v, p, "updated_at", updated) < 0)
		return -1;
	if (strcmp(status, "open") != 0 && strcmp(status, "closed") != 0) {
		jpath_key(p, "status");
		return import_fail(x, jv_get(v, "status"), p, "'%.40s' is not a status (open or "
				   "closed)", status);
	}
	memset(q, 0, sizeof *q);
	snprintf(q->uuid, sizeof q->uuid, "%s", uuid);
	q->question = (char *)question;
	q->summary = (char *)summary;
	q->status = status[0] == 'c' ? INQUIRY_CLOSED : INQUIRY_OPEN;
	snprintf(q->opened_at, sizeof q->opened_at, "%s", opened);
	snprintf(q->closed_at, sizeof q->closed_at, "%s", closed ? closed : "");
	char now[21];
	struct px_error why;
	px_error_clear(&why);
	if ((!created || !updated) && db_now_utc(now, &why) < 0)
		return import_fail_why(x, v, p, &why);
	snprintf(q->created_at, sizeof q->created_at, "%s", created ? created : now);
	snprintf(q->updated_at, sizeof q->updated_at, "%s", updated ? updated : q->created_at);
	return 0;
}

static int one_inquiry(struct praxis_run *r, const struct jv *v, struct jpath *p)
{
	struct import_ctx *x = r->x;
	struct inquiry q;
	if (read_inquiry(x, v, p, &q) < 0)
		return -1;
	const char *uuid = jv_get(v, "uuid")->u.str.s;
	if (uuid_find(&r->inquiries, uuid))
		return import_fail(x, v, p, "inquiry %s appears twice in the file", uuid);
	int64_t id = 0;
	struct px_error why;
	px_error_clear(&why);
	if (inquiry_find_uuid(x->j, uuid, &id, &why) < 0)
		return import_fail_why(x, v, p, &why);
	if (id) {
		x->sum->inquiries.skipped++;
	} else {
		if (inquiry_import(x->j, &q, &id, &why) < 0)
			return import_fail_why(x, v, p, &why);
		x->sum->inquiries.added++;
	}
	uuid_put(&r->inquiries, uuid, id, 0);
	return 0;
}

/* The id of the inquiry linked as UUID: the file's, else the journal's. */
static int inquiry_link(struct praxis_run *r, const struct jv *v, struct jpath *p,
			const char *uuid, int64_t *id)
{
	const struct uuid_slot *s = uuid_find(&r->inquiries, uuid);
	if (s) {
		*id = s->id;
		return 0;
	}
	struct px_error why;
	px_error_clear(&why);
	if (inquiry_find_uuid(r->x->j, uuid, id, &why) < 0)
		return import_fail_why(r->x, v, p, &why);
	if (*id)
		return 0;
	return import_fail(r->x, v, p, "no inquiry %.40s in the file or the journal", uuid);
}

/* ---- entries --------------------------------------------------------------------------------- */

/* What an entry object holds beyond struct entry: its answers. */
struct entry_read {
	struct entry e;
	struct answer *answers;
	char **ids;                 /* each answer's option ids joined by '\n' */
	size_t n_answers;
};

static void entry_read_free(struct entry_read *er)
{
	entry_free(&er->e);
	for (size_t i = 0; i < er->n_answers; i++)
		free(er->ids[i]);
	free(er->ids);
	free(er->answers);
}

static const char *const answer_keys[] = {
	"step", "position", "kind", "title", "prompt", "text", "number", "ids", "measure",
	"lens", "depth",
};

static int answer_ids(struct import_ctx *x, const struct jv *v, struct jpath *p, char **out)
{
	const struct jv *ids;
	if (text_list(x, v, p, "ids", &ids) < 0)
		return -1;
	if (!ids)
		return 0;
	struct px_buf b = PX_BUF_INIT;
	for (size_t i = 0; i < ids->u.arr.n; i++) {
		const char *id = ids->u.arr.items[i].u.str.s;
		if (!*id || strchr(id, '\n')) {
			px_buf_free(&b);
			jpath_key(p, "ids");
			jpath_index(p, i);
			return import_fail(x, &ids->u.arr.items[i], p, "an option id is one word");
		}
		px_buf_addf(&b, "%s%s", i ? "\n" : "", id);
	}
	*out = px_buf_detach(&b);
	return 0;
}

static int one_answer(struct import_ctx *x, const struct jv *v, struct jpath *p, size_t index,
		      struct answer *a, char **ids)
{
	int64_t position = (int64_t)index;
	const struct jv *number;
	memset(a, 0, sizeof *a);
	if (jexpect(x, v, p, JV_OBJECT) < 0 || jknown_keys(x, v, p, answer_keys, 11) < 0 ||
	    jget_text(x, v, p, "step", 0, &a->step_id) < 0 ||
	    jget_int(x, v, p, "position", JGET_OPTIONAL, 0, INT32_MAX, &position) < 0 ||
	    jget_text(x, v, p, "kind", 0, &a->kind) < 0 ||
	    jget_text(x, v, p, "title", JGET_OPTIONAL, &a->title) < 0 ||
	    jget_text(x, v, p, "prompt", JGET_OPTIONAL, &a->prompt) < 0 ||
	    jget_text(x, v, p, "text", JGET_OPTIONAL | JGET_NULLABLE, &a->value_text) < 0 ||
	    jget_text(x, v, p, "measure", JGET_OPTIONAL | JGET_NULLABLE, &a->measure) < 0 ||
	    jget_text(x, v, p, "lens", JGET_OPTIONAL | JGET_NULLABLE, &a->lens) < 0 ||
	    jget_text(x, v, p, "depth", JGET_OPTIONAL | JGET_NULLABLE, &a->depth) < 0 ||
	    answer_ids(x, v, p, ids) < 0)
		return -1;
	a->position = (int)position;
	a->value_ids = *ids;
	number = jv_get(v, "number");
	if (number && number->type != JV_NULL) {
		if (number->type != JV_NUMBER) {
			jpath_key(p, "number");
			return import_fail(x, number, p, "expected a number or null, found %s",
					   jv_type_phrase(number));
		}
		a->has_num = 1;
		a->value_num = number->u.num.d;
	}
	return 0;
}

static int read_answers(struct import_ctx *x, const struct jv *v, struct jpath *p,
			struct entry_read *er)
{
	const struct jv *list;
	if (jget_kind(x, v, p, "answers", JV_ARRAY, JGET_OPTIONAL, &list) < 0)
		return -1;
	if (!list)
		return 0;
	er->answers = px_xcalloc(list->u.arr.n + 1, sizeof *er->answers);
	er->ids = px_xcalloc(list->u.arr.n + 1, sizeof *er->ids);
	for (size_t i = 0; i < list->u.arr.n; i++) {
		size_t back = jpath_key(p, "answers");
		jpath_index(p, i);
		er->n_answers = i + 1;
		int rc = one_answer(x, &list->u.arr.items[i], p, i, &er->answers[i], &er->ids[i]);
		if (rc == 0)
			jpath_back(p, back);
		if (rc < 0)
			return -1;
	}
	return 0;
}

static void collect_scanned(const char *name, size_t len, void *ctx)
{
	char *copy = px_xstrndup(name, len);
	strlist_add_unique(ctx, copy);
	free(copy);
}

/* Tags: those set explicitly, and any listed that the text does not carry
 * (a hand-made file may list tags only in "tags"). */
static int read_tags(struct import_ctx *x, const struct jv *v, struct jpath *p, struct entry *e)
{
	const struct jv *all, *explicit;
	if (text_list(x, v, p, "tags", &all) < 0 || text_list(x, v, p, "explicit_tags", &explicit) < 0)
		return -1;
	struct px_strlist scanned = { 0 };
	text_scan_tags(e->title, collect_scanned, &scanned);
	text_scan_tags(e->body, collect_scanned, &scanned);
	for (size_t i = 0; explicit && i < explicit->u.arr.n; i++)
		strlist_add_unique(&e->tags, explicit->u.arr.items[i].u.str.s);
	for (size_t i = 0; all && i < all->u.arr.n; i++) {
		const char *t = all->u.arr.items[i].u.str.s;
		bool in_text = false;
		for (size_t k = 0; k < scanned.len && !in_text; k++)
			in_text = strcasecmp(scanned.items[k], t[0] == '#' ? t + 1 : t) == 0;
		if (!in_text)
			strlist_add_unique(&e->tags, t);
	}
	strlist_free(&scanned);
	return 0;
}

static int read_people(struct import_ctx *x, const struct jv *v, struct jpath *p, struct entry *e)
{
	const struct jv *people;
	if (text_list(x, v, p, "people", &people) < 0)
		return -1;
	for (size_t i = 0; people && i < people->u.arr.n; i++)
		strlist_add_unique(&e->people, people->u.arr.items[i].u.str.s);
	return 0;
}

static int read_template_link(struct import_ctx *x, const struct jv *v, struct jpath *p,
			      struct entry *e)
{
	static const char *const keys[] = { "id", "version", "hash" };
	const struct jv *t;
	if (jget_kind(x, v, p, "template", JV_OBJECT, JGET_OPTIONAL | JGET_NULLABLE, &t) < 0)
		return -1;
	if (!t)
		return 0;
	size_t back = jpath_key(p, "template");
	const char *id, *hash = NULL;
	int64_t version;
	if (jknown_keys(x, t, p, keys, 3) < 0 || jget_text(x, t, p, "id", 0, &id) < 0 ||
	    jget_int(x, t, p, "version", 0, 0, INT32_MAX, &version) < 0 ||
	    jget_text(x, t, p, "hash", JGET_OPTIONAL | JGET_NULLABLE, &hash) < 0)
		return -1;
	jpath_back(p, back);
	entry_set(&e->template_id, id);
	e->template_version = (int)version;
	entry_set(&e->template_hash, hash);
	return 0;
}

static const char *const entry_keys[] = {
	"uuid", "frame", "title", "body", "occurred_at", "period_start", "period_end",
	"created_at", "updated_at", "private", "starred", "inquiry", "template", "tags",
	"explicit_tags", "people", "answers", "words",
};

static int read_frame(struct import_ctx *x, const struct jv *v, struct jpath *p, struct entry *e)
{
	const char *frame;
	if (jget_text(x, v, p, "frame", 0, &frame) < 0)
		return -1;
	for (int f = 0; f < FRAME_COUNT; f++)
		if (strcmp(frame, entry_frame_name((enum entry_frame)f)) == 0) {
			e->frame = (enum entry_frame)f;
			return 0;
		}
	jpath_key(p, "frame");
	return import_fail(x, jv_get(v, "frame"), p, "'%.40s' is not a frame (note, incident, "
			   "period or inquiry)", frame);
}

/* The fields of entry V into E (the uuid checked by the caller). */
static int read_fields(struct import_ctx *x, const struct jv *v, struct jpath *p, struct entry *e)
{
	const char *title = "", *body = "", *at, *start = NULL, *end = NULL, *created = NULL,
		   *updated = NULL;
	bool private = false, starred = false;
	int64_t words;
	if (jknown_keys(x, v, p, entry_keys, sizeof entry_keys / sizeof entry_keys[0]) < 0 ||
	    read_frame(x, v, p, e) < 0 || jget_text(x, v, p, "title", JGET_OPTIONAL, &title) < 0 ||
	    jget_text(x, v, p, "body", JGET_OPTIONAL, &body) < 0 ||
	    jget_text(x, v, p, "occurred_at", 0, &at) < 0 ||
	    jget_text(x, v, p, "period_start", JGET_OPTIONAL | JGET_NULLABLE, &start) < 0 ||
	    jget_text(x, v, p, "period_end", JGET_OPTIONAL | JGET_NULLABLE, &end) < 0 ||
	    jget_text(x, v, p, "created_at", JGET_OPTIONAL, &created) < 0 ||
	    jget_text(x, v, p, "updated_at", JGET_OPTIONAL, &updated) < 0 ||
	    jget_bool(x, v, p, "private", JGET_OPTIONAL, &private) < 0 ||
	    jget_bool(x, v, p, "starred", JGET_OPTIONAL, &starred) < 0 ||
	    jget_int(x, v, p, "words", JGET_OPTIONAL, 0, INT64_MAX, &words) < 0 ||
	    check_when(x, v, p, "occurred_at", true, at) < 0 ||
	    check_when(x, v, p, "period_start", false, start) < 0 ||
	    check_when(x, v, p, "period_end", false, end) < 0 ||
	    check_utc(x, v, p, "created_at", created) < 0 ||
	    check_utc(x, v, p, "updated_at", updated) < 0)
		return -1;
	entry_set(&e->title, title);
	entry_set(&e->body, body);
	snprintf(e->occurred_at, sizeof e->occurred_at, "%s", at);
	snprintf(e->period_start, sizeof e->period_start, "%s", start ? start : "");
	snprintf(e->period_end, sizeof e->period_end, "%s", end ? end : "");
	snprintf(e->created_at, sizeof e->created_at, "%s", created ? created : "");
	snprintf(e->updated_at, sizeof e->updated_at, "%s", updated ? updated : "");
	e->is_private = private;
	e->starred = starred;
	return 0;
}

static int read_entry(struct praxis_run *r, const struct jv *v, struct jpath *p,
		      struct entry_read *er)
{
	struct import_ctx *x = r->x;
	const char *inquiry = NULL;
	if (read_fields(x, v, p, &er->e) < 0 ||
	    jget_text(x, v, p, "inquiry", JGET_OPTIONAL | JGET_NULLABLE, &inquiry) < 0 ||
	    read_template_link(x, v, p, &er->e) < 0 || read_tags(x, v, p, &er->e) < 0 ||
	    read_people(x, v, p, &er->e) < 0 || read_answers(x, v, p, er) < 0)
		return -1;
	/* Answers are a template's steps: without one an export would leave
	 * them out, and show and review would not know what they answer. */
	if (er->n_answers && !er->e.template_id) {
		jpath_key(p, "answers");
		return import_fail(x, jv_get(v, "answers"), p, "answers need the template they "
				   "answer, and 'template' is missing or null");
	}
	if (inquiry) {
		size_t back = jpath_key(p, "inquiry");
		if (inquiry_link(r, jv_get(v, "inquiry"), p, inquiry, &er->e.inquiry_id) < 0)
			return -1;
		jpath_back(p, back);
	}
	return 0;
}

/* Whether the journal has entry UUID already (its id in *ID). */
static int known_entry(struct praxis_run *r, const struct jv *v, struct jpath *p,
		       const char *uuid, int64_t *id)
{
	*id = 0;
	if (!r->journal_has_entries)
		return 0;
	struct px_error why;
	px_error_clear(&why);
	return entry_find_uuid(r->x->j, uuid, id, &why) < 0 ? import_fail_why(r->x, v, p, &why)
							     : 0;
}

static int one_entry(struct praxis_run *r, const struct jv *v, struct jpath *p, size_t index)
{
	struct import_ctx *x = r->x;
	const char *uuid;
	if (jexpect(x, v, p, JV_OBJECT) < 0 || check_uuid(x, v, p, &uuid) < 0)
		return -1;
	const struct uuid_slot *twin = uuid_find(&r->entries, uuid);
	if (twin)
		return import_fail(x, v, p, "entry %s appears twice in the file (entries[%zu] too)",
				   uuid, twin->index);
	/* Read and checked even when the journal has it: a malformed record
	 * is refused whether or not it would be skipped. */
	struct entry_read er = { 0 };
	entry_init(&er.e);
	snprintf(er.e.uuid, sizeof er.e.uuid, "%s", uuid);
	int64_t id = 0;
	int rc = read_entry(r, v, p, &er);
	if (rc == 0)
		rc = known_entry(r, v, p, uuid, &id);
	struct px_error why;
	px_error_clear(&why);
	if (rc == 0 && id) {
		x->sum->entries.skipped++;
		uuid_put(&r->entries, uuid, id, index);
	} else if (rc == 0 && entry_batch_add(x->batch, &er.e, er.answers, er.n_answers, &why) < 0) {
		rc = import_fail_why(x, v, p, &why);
	} else if (rc == 0) {
		x->sum->entries.added++;
		uuid_put(&r->entries, uuid, er.e.id, index);
	}
	entry_read_free(&er);
	return rc;
}

static int entries(struct praxis_run *r, const struct jv *list)
{
	struct jpath p = { "", 0 };
	for (size_t i = 0; i < list->u.arr.n; i++) {
		jpath_back(&p, 0);
		jpath_key(&p, "entries");
		jpath_index(&p, i);
		if (one_entry(r, &list->u.arr.items[i], &p, i) < 0)
			return -1;
		import_step(r->x);
	}
	return 0;
}

/* ---- actions --------------------------------------------------------------------------------- */

/* The id of the entry linked as UUID at KEY of V: the file's, else the journal's. */
static int entry_link(struct praxis_run *r, const struct jv *v, struct jpath *p, const char *key,
		      const char *uuid, int64_t *id)
{
	const struct uuid_slot *s = uuid_find(&r->entries, uuid);
	if (s) {
		*id = s->id;
		return 0;
	}
	struct px_error why;
	px_error_clear(&why);
	if (entry_find_uuid(r->x->j, uuid, id, &why) < 0)
		return import_fail_why(r->x, v, p, &why);
	if (*id)
		return 0;
	jpath_key(p, key);
	return import_fail(r->x, jv_get(v, key), p, "no entry %.40s in the file or the journal",
			   uuid);
}

static int parse_state(struct import_ctx *x, const struct jv *v, struct jpath *p,
		       const char *status, const char *outcome, struct action *a)
{
	int k;
	for (k = ACTION_OPEN; k <= ACTION_DROPPED; k++)
		if (strcmp(status, action_status_name((enum action_status)k)) == 0)
			break;
	if (k > ACTION_DROPPED) {
		jpath_key(p, "status");
		return import_fail(x, jv_get(v, "status"), p, "'%.40s' is not a status (open, done "
				   "or dropped)", status);
	}
	a->status = (enum action_status)k;
	a->outcome = OUTCOME_NONE;
	for (k = OUTCOME_WORKED; outcome && k < OUTCOME_COUNT; k++)
		if (strcmp(outcome, action_outcome_name((enum action_outcome)k)) == 0)
			a->outcome = (enum action_outcome)k;
	if (outcome && a->outcome == OUTCOME_NONE) {
		jpath_key(p, "outcome");
		return import_fail(x, jv_get(v, "outcome"), p, "'%.40s' is not an outcome (worked, "
				   "mixed, failed, not-yet or dropped)", outcome);
	}
	return 0;
}

static int read_action(struct praxis_run *r, const struct jv *v, struct jpath *p,
		       struct action *a)
{
	static const char *const keys[] = {
		"uuid", "planned_by", "position", "text", "due_date", "status", "outcome",
		"followed_up_by", "follow_up_template", "created_at", "updated_at",
	};
	struct import_ctx *x = r->x;
	const char *uuid, *planner, *follower = NULL, *text, *due, *status, *outcome = NULL,
		   *tmpl = ACTION_DEFAULT_TEMPLATE, *created = NULL, *updated = NULL;
	int64_t position = 0;
	if (jknown_keys(x, v, p, keys, sizeof keys / sizeof keys[0]) < 0 ||
	    check_uuid(x, v, p, &uuid) < 0 || jget_text(x, v, p, "planned_by", 0, &planner) < 0 ||
	    jget_int(x, v, p, "position", JGET_OPTIONAL, 0, INT32_MAX, &position) < 0 ||
	    jget_text(x, v, p, "text", 0, &text) < 0 || jget_text(x, v, p, "due_date", 0, &due) < 0 ||
	    jget_text(x, v, p, "status", 0, &status) < 0 ||
	    jget_text(x, v, p, "outcome", JGET_OPTIONAL | JGET_NULLABLE, &outcome) < 0 ||
	    jget_text(x, v, p, "followed_up_by", JGET_OPTIONAL | JGET_NULLABLE, &follower) < 0 ||
	    jget_text(x, v, p, "follow_up_template", JGET_OPTIONAL, &tmpl) < 0 ||
	    jget_text(x, v, p, "created_at", JGET_OPTIONAL, &created) < 0 ||
	    jget_text(x, v, p, "updated_at", JGET_OPTIONAL, &updated) < 0 ||
	    check_when(x, v, p, "due_date", false, due) < 0 ||
	    check_utc(x, v, p, "created_at", created) < 0 ||
	    check_utc(x, v, p, "updated_at", updated) < 0 ||
	    parse_state(x, v, p, status, outcome, a) < 0)
		return -1;
	snprintf(a->uuid, sizeof a->uuid, "%s", uuid);
	a->text = (char *)text;
	snprintf(a->due_date, sizeof a->due_date, "%s", due);
	a->follow_up_template = (char *)tmpl;
	a->position = (int)position;
	char now[21];
	struct px_error why;
	px_error_clear(&why);
	if ((!created || !updated) && db_now_utc(now, &why) < 0)
		return import_fail_why(x, v, p, &why);
	snprintf(a->created_at, sizeof a->created_at, "%s", created ? created : now);
	snprintf(a->updated_at, sizeof a->updated_at, "%s", updated ? updated : a->created_at);
	size_t back = p->len;
	if (entry_link(r, v, p, "planned_by", planner, &a->planned_by) < 0 ||
	    (follower && entry_link(r, v, p, "followed_up_by", follower, &a->followed_up_by) < 0))
		return -1;
	jpath_back(p, back);
	return 0;
}

static int one_action(struct praxis_run *r, const struct jv *v, struct jpath *p)
{
	struct import_ctx *x = r->x;
	struct action a;
	memset(&a, 0, sizeof a);
	if (jexpect(x, v, p, JV_OBJECT) < 0 || read_action(r, v, p, &a) < 0)
		return -1;
	int64_t id;
	struct px_error why;
	px_error_clear(&why);
	if (action_find_uuid(x->j, a.uuid, &id, &why) < 0)
		return import_fail_why(x, v, p, &why);
	if (id) {
		x->sum->actions.skipped++;
		return 0;
	}
	if (action_import(x->j, &a, NULL, &why) < 0)
		return import_fail_why(x, v, p, &why);
	x->sum->actions.added++;
	return 0;
}

/* ---- the document ------------------------------------------------------------------------------- */

static int check_header(struct import_ctx *x, const struct jv *root, const struct jv **list)
{
	static const char *const keys[] = {
		"format", "version", "exported_at", "anonymised", "entries", "actions", "inquiries",
		"people", "tags", "templates", "words",
	};
	struct jpath p = { "", 0 };
	const char *format, *exported = NULL;
	int64_t version, words;
	bool anonymised = false;
	if (jknown_keys(x, root, &p, keys, sizeof keys / sizeof keys[0]) < 0 ||
	    jget_text(x, root, &p, "format", 0, &format) < 0)
		return -1;
	if (strcmp(format, EXPORT_JSON_FORMAT) != 0)
		return import_fail(x, jv_get(root, "format"), NULL, "format: '%.40s' is not a praxis "
				   "export ('%s')", format, EXPORT_JSON_FORMAT);
	if (jget_int(x, root, &p, "version", 0, 1, INT32_MAX, &version) < 0 ||
	    jget_text(x, root, &p, "exported_at", JGET_OPTIONAL, &exported) < 0 ||
	    jget_bool(x, root, &p, "anonymised", JGET_OPTIONAL, &anonymised) < 0 ||
	    jget_int(x, root, &p, "words", JGET_OPTIONAL, 0, INT64_MAX, &words) < 0 ||
	    jget_kind(x, root, &p, "entries", JV_ARRAY, 0, list) < 0)
		return -1;
	if (version > EXPORT_JSON_VERSION)
		return import_fail(x, jv_get(root, "version"), NULL, "version: %lld is newer than "
				   "this praxis reads (%d); a newer praxis made it",
				   (long long)version, EXPORT_JSON_VERSION);
	if (anonymised)
		return import_fail(x, jv_get(root, "anonymised"), NULL, "anonymised: this export's "
				   "people are stand-ins; importing it would file them as real "
				   "people");
	return 0;
}

int import_praxis(struct import_ctx *x, const struct json_doc *doc)
{
	const struct jv *root = &doc->root, *list;
	x->sum->format = IMPORT_PRAXIS;
	if (check_header(x, root, &list) < 0)
		return -1;
	x->total = list->u.arr.n;
	struct praxis_run r = { .x = x };
	int64_t count = 0;
	int rc = entry_count(x->j, &count, x->err);
	r.journal_has_entries = count > 0 || rc < 0;
	if (rc == 0)
		rc = each(&r, root, "templates", one_template);
	if (rc == 0)
		rc = each(&r, root, "people", one_person);
	if (rc == 0)
		rc = entry_batch_new(x->j, &x->batch, x->err);
	if (rc == 0)
		rc = each(&r, root, "tags", one_tag);
	if (rc == 0)
		rc = each(&r, root, "inquiries", one_inquiry);
	if (rc == 0)
		rc = entries(&r, list);
	/* Actions need their entries in the journal. */
	if (rc == 0)
		rc = entry_batch_flush(x->batch, x->err);
	if (rc == 0)
		rc = each(&r, root, "actions", one_action);
	if (rc == 0) {
		struct entry_batch_counts c;
		entry_batch_counts(x->batch, &c);
		x->sum->tags = (struct import_counts){ c.tags_added, c.tags_found };
		/* People the list did not name but the entries mention. */
		x->sum->people.added += c.people_added;
	}
	uuid_map_free(&r.entries);
	uuid_map_free(&r.inquiries);
	return rc;
}
