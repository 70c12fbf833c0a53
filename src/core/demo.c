/*
 * demo.c — building the demo journal from its script (demo.h).
 *
 * The script holds only data; every entry goes through the path a
 * learner's own entry takes — guided entries through the prompt engine
 * (engine_start, the answers as an answers file would give them,
 * engine_finish), plain ones through entry_add — so the demo can never
 * show something praxis itself would refuse, and a template that changes
 * in a way the demo's answers no longer fit fails the demo's test instead
 * of shipping a broken first impression.
 *
 * One pass in file order: each entry is checked, written, and its keys
 * (the inquiry it opens, the actions it plans) recorded for the entries
 * after it.  It all runs inside one transaction, so any refusal rolls
 * back every entry before it.
 */
#include "praxis/demo.h"

#include "engine_tree.h"
#include "praxis/action.h"
#include "praxis/buf.h"
#include "praxis/engine.h"
#include "praxis/entry.h"
#include "praxis/suggest.h"
#include "praxis/text.h"
#include "template_impl.h"
#include "yamltree.h"

#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DEFAULT_TIME "12:00"

/* A key the script gave an inquiry or an action, and what it stands for. */
struct key {
	const char *name;           /* borrowed from the tree */
	int64_t id;
	int line;                   /* where it was defined, for "already names" */
};

struct keys {
	struct key *items;
	size_t len, cap;
};

struct build {
	struct journal *j;
	const struct template_set *set;
	const char *name;
	struct px_date today;
	struct keys inquiries, actions;
	struct demo_stats stats;
	long prev_minute;           /* the previous entry's place in time */
	bool have_prev;
	struct px_error *err;
};

/* Every key an entry may have: the shared ones, then a guided entry's,
 * then a plain note's. */
static const char *const shared_keys[] = { "day", "time", "frame", "title", "inquiry", "period" };
static const char *const guided_keys[] = { "template", "opens", "follows", "actions", "answers" };
static const char *const note_keys[] = { "note", "tags" };
#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

static int at(struct build *b, const struct ynode *n, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int at(struct build *b, const struct ynode *n, const char *fmt, ...)
{
	char msg[PX_ERROR_MSG_MAX];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	return px_error_at(b->err, PX_ERR_INVALID, b->name, n ? n->line : 0, n ? n->column : 0,
			   "%s", msg);
}

/* An error from the engine or the journal that says where it is in the
 * script only when it has no place of its own: then it is NODE's. */
static int place(struct build *b, const struct ynode *n)
{
	if (b->err->line == 0)
		px_error_locate(b->err, b->name, n->line, n->column);
	return -1;
}

/* ---- keys ---------------------------------------------------------------------- */

static const struct key *key_find(const struct keys *k, const char *name)
{
	for (size_t i = 0; i < k->len; i++)
		if (strcmp(k->items[i].name, name) == 0)
			return &k->items[i];
	return NULL;
}

static void key_add(struct keys *k, const char *name, int64_t id, int line)
{
	px_grow((void **)&k->items, &k->cap, k->len + 1, sizeof *k->items);
	k->items[k->len++] = (struct key){ name, id, line };
}

/* The id KEY (the value node N) stands for, defined by an entry above. */
static int key_resolve(struct build *b, const struct keys *k, const struct ynode *n,
		       const char *what, const char *defined_by, int64_t *id)
{
	const struct key *found = key_find(k, n->str);
	if (found) {
		*id = found->id;
		return 0;
	}
	const char *names[64];
	size_t m = 0;
	for (size_t i = 0; i < k->len && m < 64; i++)
		names[m++] = k->items[i].name;
	const char *near = suggest_nearest(n->str, names, m);
	if (near)
		return at(b, n, "no %s '%s' above (did you mean '%s'?)", what, n->str, near);
	return at(b, n, "no %s '%s' above: an earlier entry must name it with '%s'", what, n->str,
		  defined_by);
}

/* A new key: refused when an entry above already gave it. */
static int key_check_new(struct build *b, const struct keys *k, const struct ynode *n,
			 const char *what)
{
	const struct key *found = key_find(k, n->str);
	if (found)
		return at(b, n, "'%s' already names an %s (line %d)", n->str, what, found->line);
	return 0;
}

/* ---- reading an entry ------------------------------------------------------------- */

static bool in_list(const char *s, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(s, list[i]) == 0)
			return true;
	return false;
}

/* Every key of ENTRY must be one an entry of its kind takes. */
static int check_entry_keys(struct build *b, const struct ynode *entry, bool guided)
{
	const char *all[N_OF(shared_keys) + N_OF(guided_keys) + N_OF(note_keys)];
	size_t n = 0;
	for (size_t i = 0; i < N_OF(shared_keys); i++)
		all[n++] = shared_keys[i];
	for (size_t i = 0; i < N_OF(guided_keys); i++)
		all[n++] = guided_keys[i];
	for (size_t i = 0; i < N_OF(note_keys); i++)
		all[n++] = note_keys[i];
	for (size_t i = 0; i < entry->n; i++) {
		const struct ynode *key = entry->kids[2 * i];
		const char *k = key->str;
		if (in_list(k, shared_keys, N_OF(shared_keys)))
			continue;
		if (in_list(k, guided_keys, N_OF(guided_keys))) {
			if (guided)
				continue;
			return at(b, key, "'%s' belongs to a guided entry (one with a template), "
				  "not a note", k);
		}
		if (in_list(k, note_keys, N_OF(note_keys))) {
			if (!guided)
				continue;
			return at(b, key, "'%s' belongs to a plain note; a guided entry takes its "
				  "text and tags from its answers", k);
		}
		const char *near = suggest_nearest(k, all, n);
		if (near)
			return at(b, key, "'%.64s' is not a key of a demo entry (did you mean '%s'?)",
				  k, near);
		return at(b, key, "'%.64s' is not a key of a demo entry", k);
	}
	return 0;
}

/* The text value of KEY in ENTRY: NULL when absent (or `key:` alone),
 * -1 when it is a list or a mapping. */
static int text_of(struct build *b, const struct ynode *entry, const char *key,
		   const struct ynode **out)
{
	const struct ynode *n = ymap_get(entry, key);
	*out = NULL;
	if (!n || ynode_is_null(n))
		return 0;
	if (n->kind != YNODE_SCALAR)
		return at(b, n, "%s: give text, not %s", key, ynode_kind_phrase(n));
	*out = n;
	return 0;
}

static int parse_day(struct build *b, const struct ynode *entry, long *day)
{
	const struct ynode *n = ymap_get(entry, "day");
	if (!n)
		return at(b, entry, "every entry needs its day (days before today, e.g. 'day: -7')");
	char *end = NULL;
	errno = 0;
	long v = n->kind == YNODE_SCALAR ? strtol(n->str, &end, 10) : 1;
	if (n->kind != YNODE_SCALAR || !*n->str || *end || errno || v > 0 || v < -DEMO_MAX_DAYS)
		return at(b, n, "day: '%.40s' is not a whole number of days from -%d to 0",
			  n->kind == YNODE_SCALAR ? n->str : ynode_kind_phrase(n), DEMO_MAX_DAYS);
	*day = v;
	return 0;
}

static bool two_digits(const char *t, int max, int *out)
{
	if (t[0] < '0' || t[0] > '9' || t[1] < '0' || t[1] > '9')
		return false;
	*out = (t[0] - '0') * 10 + (t[1] - '0');
	return *out <= max;
}

static int parse_time(struct build *b, const struct ynode *entry, int *hour, int *minute)
{
	const struct ynode *n;
	if (text_of(b, entry, "time", &n) < 0)
		return -1;
	const char *t = n ? n->str : DEFAULT_TIME;
	if (strlen(t) != 5 || t[2] != ':' || !two_digits(t, 23, hour) ||
	    !two_digits(t + 3, 59, minute))
		return at(b, n, "time: '%.40s' is not a time of day (HH:MM, 00:00 to 23:59)", t);
	return 0;
}

/* When ENTRY happened: TODAY + day, at its time; entries come in order. */
static int entry_when(struct build *b, const struct ynode *entry, struct px_datetime *when)
{
	long day = 0;
	int hour = 0, minute = 0;
	if (parse_day(b, entry, &day) < 0 || parse_time(b, entry, &hour, &minute) < 0)
		return -1;
	long at_minute = day * 24 * 60 + hour * 60 + minute;
	if (b->have_prev && at_minute < b->prev_minute)
		return at(b, entry, "the entries are in date order, and this one (day %ld, "
			  "%02d:%02d) comes before the one above it", day, hour, minute);
	b->prev_minute = at_minute;
	b->have_prev = true;
	*when = (struct px_datetime){ date_add_days(&b->today, day), hour, minute, 0, 1 };
	if (!date_valid(&when->date))
		return at(b, entry, "day %ld falls outside the years %d to %d", day, DATE_YEAR_MIN,
			  DATE_YEAR_MAX);
	return 0;
}

static int parse_frame(struct build *b, const struct ynode *entry, int *frame)
{
	const struct ynode *n;
	if (text_of(b, entry, "frame", &n) < 0)
		return -1;
	if (!n)
		return 0;
	enum entry_frame f;
	if (entry_frame_parse(n->str, &f, b->err) < 0)
		return place(b, n);
	*frame = (int)f;
	return 0;
}

/* `inquiry: KEY` → the inquiry's id (0 when absent). */
static int entry_inquiry(struct build *b, const struct ynode *entry, int64_t *id)
{
	const struct ynode *n;
	*id = 0;
	if (text_of(b, entry, "inquiry", &n) < 0)
		return -1;
	return n ? key_resolve(b, &b->inquiries, n, "inquiry", "opens", id) : 0;
}

/* ---- guided entries ----------------------------------------------------------------- */

struct id_list {
	int64_t ids[TEMPLATE_MAX_STEPS * TEMPLATE_MAX_ACTIONS];
	size_t n;
};

static int collect_action(const struct action *a, void *ctx)
{
	struct id_list *l = ctx;
	if (l->n < sizeof l->ids / sizeof l->ids[0])
		l->ids[l->n++] = a->id;
	return 0;
}

/* `actions: [k1, k2]`: keys for the actions entry ID planned, in order. */
static int name_actions(struct build *b, const struct ynode *entry, int64_t id)
{
	struct id_list planned = { .n = 0 };
	if (action_list_for_entry(b->j, id, collect_action, &planned, b->err) < 0)
		return place(b, entry);
	b->stats.actions += planned.n;
	const struct ynode *n = ymap_get(entry, "actions");
	if (!n || ynode_is_null(n))
		return 0;
	if (n->kind != YNODE_SEQ)
		return at(b, n, "actions: give a list of keys, one for each action planned");
	if (n->n != planned.n)
		return at(b, n, "actions: the entry planned %zu %s, but the list names %zu",
			  planned.n, planned.n == 1 ? "action" : "actions", n->n);
	for (size_t i = 0; i < n->n; i++) {
		const struct ynode *k = n->kids[i];
		if (k->kind != YNODE_SCALAR || !*k->str)
			return at(b, k, "actions: each key is a plain name");
		if (key_check_new(b, &b->actions, k, "action") < 0)
			return -1;
		key_add(&b->actions, k->str, planned.ids[i], k->line);
	}
	return 0;
}

/* `opens: KEY`: checked before the run, recorded after it. */
static int check_opens(struct build *b, const struct ynode *opens, const struct template *t,
		       int64_t inquiry)
{
	if (!opens)
		return 0;
	if (!template_opens_inquiry(t))
		return at(b, opens, "opens: template '%s' opens no inquiry", template_id(t));
	if (inquiry)
		return at(b, opens, "opens: an entry inside an inquiry opens no other");
	return key_check_new(b, &b->inquiries, opens, "inquiry");
}

static int record_opens(struct build *b, const struct ynode *opens, int64_t entry_id)
{
	if (!opens)
		return 0;
	struct entry en;
	int rc = entry_get(b->j, entry_id, &en, b->err);
	if (rc == 0) {
		key_add(&b->inquiries, opens->str, en.inquiry_id, opens->line);
		b->stats.inquiries++;
	}
	entry_free(&en);
	return rc < 0 ? place(b, opens) : 0;
}

/* The engine's options for ENTRY, the keys looked up. */
static int guided_options(struct build *b, const struct ynode *entry, struct engine_start *o)
{
	const struct ynode *title, *period, *follows;
	if (parse_frame(b, entry, &o->frame) < 0 || entry_inquiry(b, entry, &o->inquiry_id) < 0 ||
	    text_of(b, entry, "title", &title) < 0 || text_of(b, entry, "period", &period) < 0 ||
	    text_of(b, entry, "follows", &follows) < 0)
		return -1;
	o->title = title ? title->str : NULL;
	o->period = period ? period->str : NULL;
	if (follows && key_resolve(b, &b->actions, follows, "action", "actions", &o->action_id) < 0)
		return -1;
	return 0;
}

static int add_guided(struct build *b, const struct ynode *entry, const struct px_datetime *when)
{
	const struct ynode *tn, *opens;
	if (text_of(b, entry, "template", &tn) < 0 || text_of(b, entry, "opens", &opens) < 0)
		return -1;
	if (!tn)
		return at(b, ymap_get(entry, "template"), "template: give a template's id");
	const struct template *t = template_set_get(b->set, tn->str, b->err);
	if (!t)
		return place(b, tn);
	struct engine_start o;
	engine_start_init(&o);
	o.template_id = tn->str;
	o.now = when;
	if (guided_options(b, entry, &o) < 0 || check_opens(b, opens, t, o.inquiry_id) < 0)
		return -1;
	struct engine *e = NULL;
	if (engine_start(b->j, b->set, &o, &e, b->err) < 0)
		return place(b, entry);
	const struct ynode *answers = ymap_get(entry, "answers");
	if (answers && ynode_is_null(answers))
		answers = NULL;
	int64_t id = 0;
	int rc = engine_run_answers_tree(e, answers, b->name, b->err);
	if (rc == 0)
		rc = engine_finish(e, &id, b->err);
	engine_free(e);
	if (rc < 0)
		return place(b, answers ? answers : entry);
	b->stats.guided++;
	if (o.action_id)
		b->stats.follow_ups++;
	return record_opens(b, opens, id) < 0 ? -1 : name_actions(b, entry, id);
}

/* ---- plain notes ---------------------------------------------------------------------- */

static int note_tags(struct build *b, const struct ynode *entry, struct entry *en)
{
	const struct ynode *n = ymap_get(entry, "tags");
	if (!n || ynode_is_null(n))
		return 0;
	if (n->kind != YNODE_SEQ)
		return at(b, n, "tags: give a list of tags");
	for (size_t i = 0; i < n->n; i++) {
		const struct ynode *k = n->kids[i];
		if (k->kind != YNODE_SCALAR)
			return at(b, k, "tags: each tag is a plain name");
		strlist_add(&en->tags, k->str[0] == '#' ? k->str + 1 : k->str);
	}
	return 0;
}

/* A time-period note covers `period` (default: the week of its day). */
static int note_period(struct build *b, const struct ynode *entry, const struct px_datetime *when,
		       struct entry *en)
{
	const struct ynode *n;
	if (text_of(b, entry, "period", &n) < 0)
		return -1;
	if (en->frame != FRAME_PERIOD)
		return n ? at(b, n, "period: only a time-period entry (frame: period) has one") : 0;
	struct px_date_range r;
	if (date_parse_range(n ? n->str : "week", when, &r, b->err) < 0)
		return place(b, n ? n : entry);
	date_format(&r.from, en->period_start);
	date_format(&r.to, en->period_end);
	return 0;
}

static int add_note(struct build *b, const struct ynode *entry, const struct px_datetime *when)
{
	const struct ynode *text, *title;
	struct entry en;
	entry_init(&en);
	int frame = -1, rc = -1;
	if (text_of(b, entry, "note", &text) < 0 || text_of(b, entry, "title", &title) < 0 ||
	    parse_frame(b, entry, &frame) < 0 || entry_inquiry(b, entry, &en.inquiry_id) < 0)
		goto out;
	en.frame = frame >= 0 ? (enum entry_frame)frame
			      : en.inquiry_id ? FRAME_INQUIRY : FRAME_NOTE;
	entry_set(&en.body, text ? text->str : "");
	entry_set(&en.title, title ? title->str : "");
	datetime_format(when, en.occurred_at);
	if (note_tags(b, entry, &en) < 0 || note_period(b, entry, when, &en) < 0)
		goto out;
	if (entry_add(b->j, &en, b->err) < 0) {
		place(b, text ? text : entry);
		goto out;
	}
	rc = 0;
out:
	entry_free(&en);
	return rc;
}

/* ---- the script ---------------------------------------------------------------------------- */

static int add_entry(struct build *b, const struct ynode *entry)
{
	if (entry->kind != YNODE_MAP)
		return at(b, entry, "each entry is a mapping (day, template or note, ...), not %s",
			  ynode_kind_phrase(entry));
	bool guided = ymap_get(entry, "template") != NULL;
	bool note = ymap_get(entry, "note") != NULL;
	if (guided == note)
		return at(b, entry, guided ? "an entry has a template or a note, not both"
					   : "an entry needs a template (a guided entry) or a note "
					     "(a plain one)");
	struct px_datetime when;
	if (check_entry_keys(b, entry, guided) < 0 || entry_when(b, entry, &when) < 0)
		return -1;
	int rc = guided ? add_guided(b, entry, &when) : add_note(b, entry, &when);
	if (rc == 0)
		b->stats.entries++;
	return rc;
}

static int check_top(struct build *b, const struct ynode *root, const struct ynode **entries)
{
	if (!root || root->kind != YNODE_MAP)
		return at(b, root, "a demo script is a mapping with 'praxis_demo: %d' and 'entries'",
			  DEMO_FORMAT);
	static const char *const top[] = { "praxis_demo", "about", "entries" };
	for (size_t i = 0; i < root->n; i++) {
		const struct ynode *key = root->kids[2 * i];
		if (!in_list(key->str, top, N_OF(top)))
			return at(b, key, "'%.64s' is not a key of a demo script (praxis_demo, about, "
				  "entries)", key->str);
	}
	const struct ynode *about = ymap_get(root, "about");
	if (about && (about->kind != YNODE_SCALAR || strchr(about->str, '\n') ||
		      about->len >= DEMO_MAX_ABOUT))
		return at(b, about, "about: one line of text, under %d bytes", DEMO_MAX_ABOUT);
	if (about)
		snprintf(b->stats.about, sizeof b->stats.about, "%s", about->str);
	const struct ynode *v = ymap_get(root, "praxis_demo");
	char want[16];
	snprintf(want, sizeof want, "%d", DEMO_FORMAT);
	if (!v || v->kind != YNODE_SCALAR || strcmp(v->str, want) != 0)
		return at(b, v ? v : root, "praxis_demo: this praxis reads demo scripts of format %d",
			  DEMO_FORMAT);
	*entries = ymap_get(root, "entries");
	if (!*entries || (*entries)->kind != YNODE_SEQ || (*entries)->n == 0)
		return at(b, *entries ? *entries : root, "entries: give a list of entries");
	if ((*entries)->n > DEMO_MAX_ENTRIES)
		return at(b, *entries, "entries: at most %d entries", DEMO_MAX_ENTRIES);
	return 0;
}

/* Check the script's bytes and parse it; *ROOT lives in ARENA. */
static int parse_script(struct build *b, struct arena *arena, const char *script, size_t len,
			struct ynode **root)
{
	size_t bad;
	if (len > DEMO_MAX_SCRIPT)
		return px_error_at(b->err, PX_ERR_LIMIT, b->name, 0, 0, "the script is larger than %d "
				   "KiB", DEMO_MAX_SCRIPT / 1024);
	if (!text_utf8_valid(script, len, &bad))
		return px_error_at(b->err, PX_ERR_INVALID, b->name, 0, 0,
				   "not valid UTF-8 (bad byte at offset %zu)", bad);
	if (memchr(script, '\0', len))
		return px_error_at(b->err, PX_ERR_INVALID, b->name, 0, 0, "the file holds a NUL byte");
	struct yerror yerr;
	if (ytree_parse(arena, script, len, root, &yerr) < 0)
		return px_error_at(b->err, PX_ERR_SYNTAX, b->name, yerr.line, yerr.column, "%s",
				   yerr.msg);
	return 0;
}

int demo_build(struct journal *j, const struct template_set *set, const char *script,
	       size_t len, const char *name, const struct px_datetime *today,
	       struct demo_stats *stats, struct px_error *err)
{
	struct px_error local;
	px_error_clear(&local);
	struct build b = { .j = j, .set = set, .name = name, .today = today->date, .err = &local };
	struct arena arena = { 0 };
	struct ynode *root = NULL;
	const struct ynode *entries = NULL;
	int rc = parse_script(&b, &arena, script, len, &root);
	if (rc == 0)
		rc = check_top(&b, root, &entries);
	if (rc == 0)
		rc = journal_begin(j, &local);
	if (rc == 0) {
		for (size_t i = 0; rc == 0 && i < entries->n; i++)
			rc = add_entry(&b, entries->kids[i]);
		if (rc < 0)
			journal_rollback(j);
		else
			rc = journal_commit(j, &local);
	}
	arena_free(&arena);
	free(b.inquiries.items);
	free(b.actions.items);
	if (rc < 0) {
		if (err && err->code == PX_OK)
			*err = local;
		return -1;
	}
	if (stats)
		*stats = b.stats;
	return 0;
}
