/*
 * test_import.c — imports (src/core/import*.c): praxis JSON round trips
 * (export, import into an empty journal, export again: the same bytes;
 * import again: nothing added), the jrnl fixtures of ../shared, and every
 * kind of malformed input refused with its place and reason while
 * nothing at all is imported.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "fixture.h"

#include "praxis/action.h"
#include "praxis/answer.h"
#include "praxis/buf.h"
#include "praxis/entry.h"
#include "praxis/export.h"
#include "praxis/import.h"
#include "praxis/inquiry.h"
#include "praxis/journal.h"
#include "praxis/person.h"
#include "praxis/snapshot.h"
#include "praxis/template.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define FIXTURES "../shared/fixtures/jrnl"

static const char TEMPLATE_YAML[] =
	"praxis_template: 1\nid: mini-import\nversion: 1\nname: Mini import model\n"
	"based_on:\n  - model: Experiential learning\n    cite:\n      type: book\n"
	"      authors: [\"Kolb, D.A.\"]\n      year: 1984\n      title: Experiential learning\n"
	"frames: [incident]\nsteps:\n  - id: what\n    kind: text\n    prompt: What happened?\n"
	"  - id: calm\n    kind: scale\n    prompt: How calm?\n    scale: {min: 0, max: 10}\n";

struct fixture {
	struct sandbox box;
	struct journal *src, *dst;
};

static struct journal *open_journal(struct fixture *f, const char *name)
{
	char path[160];
	sandbox_file(&f->box, name, path, sizeof path);
	struct journal *j;
	struct px_error err;
	px_error_clear(&err);
	if (journal_open(path, JOURNAL_CREATE, &j, &err) < 0)
		fail_msg("open %s: %s", name, err.msg);
	return j;
}

static int64_t add(struct journal *j, enum entry_frame frame, const char *when, const char *title,
		   const char *body, int64_t inquiry)
{
	int period = frame == FRAME_PERIOD;
	return fixture_add(j, &(struct entry_spec){
		.frame = frame, .when = when, .title = title, .body = body, .inquiry = inquiry,
		.period_start = period ? "2026-03-02" : NULL, .period_end = period ? "2026-03-08" : NULL,
	});
}

/* A journal with something of every kind an export carries. */
static void fill(struct journal *j)
{
	struct px_error err;
	px_error_clear(&err);
	struct template *t = template_load_buffer(TEMPLATE_YAML, strlen(TEMPLATE_YAML), "t", NULL,
						  NULL);
	assert_non_null(t);
	assert_int_equal(snapshot_keep(j, "mini-import", 1, template_hash(t), TEMPLATE_YAML, &err), 0);
	struct inquiry q;
	assert_int_equal(inquiry_new(j, "How do I delegate?", "2026-03-01 08:00:00", &q, &err), 0);
	/* Written out of date order, so ids and dates disagree. */
	int64_t late = add(j, FRAME_INQUIRY, "2026-03-09 17:00:00", "Briefing", "Told @Sam. #Delegation",
			   q.id);
	struct entry e;
	entry_init(&e);
	e.frame = FRAME_INCIDENT;
	entry_set(&e.title, "Handover");
	snprintf(e.occurred_at, sizeof e.occurred_at, "2026-03-02 14:30:00");
	entry_set(&e.template_id, "mini-import");
	e.template_version = 1;
	entry_set(&e.template_hash, template_hash(t));
	e.inquiry_id = q.id;
	strlist_add(&e.tags, "power/expert");
	strlist_add(&e.people, "Priya");
	e.is_private = 1;
	e.starred = 1;
	assert_int_equal(entry_add(j, &e, &err), 0);
	int64_t planner = e.id;
	entry_free(&e);
	template_free(t);
	struct answer a1 = { .step_id = "what", .position = 0, .kind = "text", .title = "What",
			     .prompt = "What happened?", .value_text = "Sam's \"notes\" \xe2\x80\x94 unread." };
	struct answer a2 = { .step_id = "calm", .position = 1, .kind = "scale", .prompt = "How calm?",
			     .value_text = "2.5", .has_num = 1, .value_num = 2.5, .value_ids = "a\nb" };
	assert_int_equal(answer_add(j, planner, &a1, &err), 0);
	assert_int_equal(answer_add(j, planner, &a2, &err), 0);
	add(j, FRAME_PERIOD, "2026-03-08 18:00:00", "Week", "A #delegation week.", 0);
	int64_t act, open_act;
	assert_int_equal(action_add(j, planner, "brief Sam", "2026-03-09", NULL, 0, &act, &err), 0);
	assert_int_equal(action_follow_up(j, act, late, OUTCOME_WORKED, NULL, &err), 0);
	assert_int_equal(action_add(j, late, "write the checklist", "2026-03-20", "kolb", 0, &open_act,
				    &err), 0);
	assert_int_equal(inquiry_close(j, q.id, "Ask, then trust.", "2026-03-10 08:00:00", &err), 0);
	inquiry_free(&q);
	assert_int_equal(person_set(j, "Sam", NULL, "Alex", &err), 0);
	assert_int_equal(person_set(j, "Priya", "the ward manager", NULL, &err), 0);
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	*state = f;
	if (sandbox_make(&f->box, "import") < 0)
		return -1;
	setenv("PRAXIS_NOW", "2026-03-10T09:00:00", 1);
	f->src = open_journal(f, "src.db");
	f->dst = open_journal(f, "dst.db");
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	int clean = journal_close(f->src);
	int rc = sandbox_close(&f->box, f->dst);
	free(f);
	return clean == 0 && rc == 0 ? 0 : -1;
}

static char *slurp(const char *path)
{
	FILE *fp = fopen(path, "rb");
	assert_non_null(fp);
	struct px_buf b = PX_BUF_INIT;
	char chunk[4096];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
		px_buf_add(&b, chunk, n);
	fclose(fp);
	return px_buf_detach(&b);
}

/* The whole journal J as praxis JSON (private entries too). */
static char *json_of(struct fixture *f, struct journal *j, const char *name)
{
	char path[160];
	snprintf(path, sizeof path, "%s/%s", f->box.dir, name);
	struct export_options o;
	export_options_init(&o);
	o.format = EXPORT_JSON;
	o.sel.include_private = 1;
	struct px_error err;
	px_error_clear(&err);
	struct export_report r;
	if (export_to_path(j, &o, path, &r, &err) < 0)
		fail_msg("export: %s", err.msg);
	export_report_free(&r);
	return slurp(path);
}

static int import_path(struct journal *j, const char *path, enum import_format format,
		       struct import_summary *s, struct px_error *err)
{
	struct import_options o = { .format = format };
	px_error_clear(err);
	int rc = import_file(j, path, &o, s, err);
	if (rc < 0) {   /* say why, for the assertion that follows */
		char line[PX_ERROR_WHERE_MAX + PX_ERROR_MSG_MAX + 32];
		px_error_format(err, line, sizeof line);
		fprintf(stderr, "import: %s\n", line);
	}
	return rc;
}

/* ---- praxis JSON ------------------------------------------------------------------ */

static void test_round_trip_is_identical(void **state)
{
	struct fixture *f = *state;
	fill(f->src);
	char *first = json_of(f, f->src, "first.json");
	char path[160];
	snprintf(path, sizeof path, "%s/first.json", f->box.dir);
	struct import_summary s;
	struct px_error err;
	assert_int_equal(import_path(f->dst, path, IMPORT_GUESS, &s, &err), 0);
	assert_int_equal(s.format, IMPORT_PRAXIS);
	assert_int_equal(s.entries.added, 3);
	assert_int_equal(s.inquiries.added, 1);
	assert_int_equal(s.actions.added, 2);
	assert_int_equal(s.templates.added, 1);
	assert_int_equal(s.people.added, 2);
	assert_int_equal(s.tags.added, 2);
	char *second = json_of(f, f->dst, "second.json");
	assert_string_equal(first, second);
	/* Once more: every record is there already, and the journal is unchanged. */
	assert_int_equal(import_path(f->dst, path, IMPORT_PRAXIS, &s, &err), 0);
	assert_int_equal(s.entries.added, 0);
	assert_int_equal(s.entries.skipped, 3);
	assert_int_equal(s.actions.skipped, 2);
	assert_int_equal(s.inquiries.skipped, 1);
	assert_int_equal(s.templates.skipped, 1);
	assert_int_equal(s.people.skipped, 2);
	assert_int_equal(s.tags.skipped, 2);
	char *third = json_of(f, f->dst, "third.json");
	assert_string_equal(first, third);
	free(first);
	free(second);
	free(third);
	struct person p;
	assert_int_equal(person_get(f->dst, "Sam", &p, &err), 0);
	assert_string_equal(p.pseudonym, "Alex");
	person_free(&p);
}

/* Importing into a journal that has entries of its own keeps them. */
static void test_into_a_journal_in_use(void **state)
{
	struct fixture *f = *state;
	fill(f->src);
	add(f->dst, FRAME_NOTE, "2026-01-01 10:00:00", "Mine", "My own #Delegation note", 0);
	free(json_of(f, f->src, "src.json"));
	char path[160];
	snprintf(path, sizeof path, "%s/src.json", f->box.dir);
	struct import_summary s;
	struct px_error err;
	assert_int_equal(import_path(f->dst, path, IMPORT_GUESS, &s, &err), 0);
	assert_int_equal(s.entries.added, 3);
	assert_int_equal(s.tags.skipped, 1);   /* "Delegation": the journal's */
	int64_t n;
	assert_int_equal(entry_count(f->dst, &n, &err), 0);
	assert_int_equal(n, 4);
}

/* ---- jrnl ----------------------------------------------------------------------------- */

static size_t fixture_count(void)
{
	char *text = slurp(FIXTURES "/sample.count");
	size_t n = (size_t)strtoul(text, NULL, 10);
	free(text);
	return n;
}

struct first_entry {
	char title[128], at[20];
	int starred;
	size_t n;
};

static int note_entry(const struct entry_summary *s, void *ctx)
{
	struct first_entry *fe = ctx;
	if (fe->n++ == 0) {
		snprintf(fe->title, sizeof fe->title, "%s", s->title);
		memcpy(fe->at, s->occurred_at, sizeof fe->at);
	}
	return 0;
}

static void check_jrnl(struct fixture *f, const char *file, enum import_format expect,
		       const char *first_at)
{
	struct import_summary s;
	struct px_error err;
	assert_int_equal(import_path(f->dst, file, IMPORT_GUESS, &s, &err), 0);
	assert_int_equal(s.format, expect);
	assert_int_equal(s.entries.added, fixture_count());
	assert_int_equal(s.tags.added, 29);   /* the keys of sample.json's "tags" */
	assert_int_equal(s.people.added, 0);  /* jrnl's @words are tags, not people */
	struct entry_filter filter;
	entry_filter_init(&filter);
	filter.oldest_first = 1;
	struct first_entry fe = { .n = 0 };
	assert_int_equal(entry_list(f->dst, &filter, note_entry, &fe, &err), (int)fixture_count());
	assert_string_equal(fe.title, "Critical incident with the task.");
	assert_string_equal(fe.at, first_at);
	/* The last entry's "@tag" in its title is a tag now. */
	entry_filter_init(&filter);
	filter.tag = "tag";
	fe.n = 0;
	assert_int_equal(entry_list(f->dst, &filter, note_entry, &fe, &err), 1);
	assert_string_equal(fe.title, "Quick capture with #tag and a star");
	entry_filter_init(&filter);
	filter.tag = "work";
	fe.n = 0;
	assert_int_equal(entry_list(f->dst, &filter, note_entry, &fe, &err), 11);
	/* Again: the entries are known by their content. */
	assert_int_equal(import_path(f->dst, file, IMPORT_GUESS, &s, &err), 0);
	assert_int_equal(s.entries.added, 0);
	assert_int_equal(s.entries.skipped, fixture_count());
}

static int count_starred(struct journal *j)
{
	int starred = 0;
	for (int64_t id = 1; id <= 60; id++) {
		struct entry e;
		if (entry_get(j, id, &e, NULL) == 0)
			starred += e.starred;
		entry_free(&e);
	}
	return starred;
}

static void test_jrnl_text(void **state)
{
	struct fixture *f = *state;
	check_jrnl(f, FIXTURES "/sample.txt", IMPORT_JRNL_TXT, "2018-02-23 22:32:40");
	assert_int_equal(count_starred(f->dst), 2);
	struct entry e;
	assert_int_equal(entry_get(f->dst, 3, &e, NULL), 0);
	assert_string_equal(e.title, "Feedback from Ines.");
	assert_true(e.starred);
	assert_true(strncmp(e.body, "Recurring theme: I say yes too quickly.", 39) == 0);
	entry_free(&e);
}

static void test_jrnl_json(void **state)
{
	struct fixture *f = *state;
	check_jrnl(f, FIXTURES "/sample.json", IMPORT_JRNL_JSON, "2018-02-23 22:32:00");
	assert_int_equal(count_starred(f->dst), 2);
}

/* ---- refusals ------------------------------------------------------------------------ */

/* TEXT imported as FORMAT must fail; "WHERE:LINE:COL: MSG", and nothing in. */
static const char *refusal(struct fixture *f, const char *text, enum import_format format)
{
	static char out[PX_ERROR_WHERE_MAX + PX_ERROR_MSG_MAX + 32];
	size_t len = strlen(text);
	char *copy = malloc(len + 1);
	memcpy(copy, text, len + 1);
	struct import_options o = { .format = format };
	struct import_summary s;
	struct px_error err;
	px_error_clear(&err);
	int rc = import_buffer(f->dst, copy, len, "in", &o, &s, &err);
	free(copy);
	if (rc == 0)
		return "imported";
	assert_int_equal(s.entries.added, 0);
	int64_t n = -1;
	assert_int_equal(entry_count(f->dst, &n, NULL), 0);
	assert_int_equal(n, 0);   /* one transaction: nothing at all */
	px_error_format(&err, out, sizeof out);
	return out;
}

#define HEAD "{\"format\": \"praxis-journal\", \"version\": 1, \"entries\": ["
#define ENTRY(uuid, rest) "{\"uuid\": \"" uuid "\", \"frame\": \"note\", " \
	"\"occurred_at\": \"2026-03-01 10:00:00\"" rest "}"
#define U1 "11111111-1111-4111-8111-111111111111"
#define U2 "22222222-2222-4222-8222-222222222222"

static void test_refuses_bad_json(void **state)
{
	struct fixture *f = *state;
	assert_string_equal(refusal(f, HEAD "],}", IMPORT_GUESS),
			    "in:1:58: expected another value after ',' (a trailing comma is not JSON), found '}'");
	assert_string_equal(refusal(f, HEAD "{\"uuid\": \"" U1 "\", \"title\": \"cut", IMPORT_GUESS),
			    "in:1:114: this text has no closing quote (is the file cut short?)");
	assert_string_equal(refusal(f, HEAD ENTRY(U1, ", \"title\": \"ok\""), IMPORT_GUESS),
			    "in:1:174: expected ',' or ']' after an item of the list, found the end "
			    "of the file (is it cut short?)");
	assert_string_equal(refusal(f, HEAD ENTRY(U1, ", \"title\": \"bad \xff\"") "]}",
				    IMPORT_GUESS), "in:1:174: invalid UTF-8 (byte 0xff)");
	assert_string_equal(refusal(f, "", IMPORT_GUESS),
			    "in: is neither praxis JSON nor a jrnl journal (JSON or text); name the "
			    "format if it is one");
	assert_string_equal(refusal(f, "", IMPORT_PRAXIS), "in:1:1: the file holds no JSON (it is empty)");
	assert_string_equal(refusal(f, "[1, 2]", IMPORT_PRAXIS),
			    "in:1:1: expected an object (a praxis or jrnl export), found a list");
}

static void test_refuses_wrong_members(void **state)
{
	struct fixture *f = *state;
	assert_string_equal(refusal(f, HEAD ENTRY(U1, ", \"title\": 5") "]}", IMPORT_GUESS),
			    "in:1:169: entries[0].title: expected text, found a number");
	assert_string_equal(refusal(f, HEAD ENTRY(U1, ", \"titel\": \"x\"") "]}", IMPORT_GUESS),
			    "in:1:160: entries[0]: 'titel' is not a member here (did you mean "
			    "'title'?)");
	assert_string_equal(refusal(f, HEAD "{\"frame\": \"note\"}]}", IMPORT_GUESS),
			    "in:1:56: entries[0]: 'uuid' is missing");
	assert_string_equal(refusal(f, HEAD ENTRY("not-a-uuid", "") "]}", IMPORT_GUESS),
			    "in:1:65: entries[0].uuid: 'not-a-uuid' is not a UUID (lowercase "
			    "8-4-4-4-12 hex)");
	assert_string_equal(refusal(f, HEAD ENTRY(U1, ", \"private\": \"yes\"") "]}", IMPORT_GUESS),
			    "in:1:171: entries[0].private: expected true or false, found text");
	assert_string_equal(refusal(f, HEAD "{\"uuid\": \"" U1 "\", \"frame\": \"memo\", "
				    "\"occurred_at\": \"2026-03-01 10:00:00\"}]}", IMPORT_GUESS),
			    "in:1:114: entries[0].frame: 'memo' is not a frame (note, incident, "
			    "period or inquiry)");
	assert_string_equal(refusal(f, "{\"format\": \"praxis-journal\", \"version\": 2, "
				    "\"entries\": []}", IMPORT_GUESS),
			    "in:1:41: version: 2 is newer than this praxis reads (1); a newer "
			    "praxis made it");
	assert_string_equal(refusal(f, "{\"format\": \"praxis-journal\", \"version\": 1, "
				    "\"anonymised\": true, \"entries\": []}", IMPORT_GUESS),
			    "in:1:58: anonymised: this export's people are stand-ins; importing it "
			    "would file them as real people");
	assert_string_equal(refusal(f, "{\"format\": \"journal\", \"entries\": []}", IMPORT_GUESS),
			    "in:1:12: format: 'journal' is not a praxis export ('praxis-journal')");
}

static void test_refuses_bad_values(void **state)
{
	struct fixture *f = *state;
	assert_string_equal(refusal(f, HEAD "{\"uuid\": \"" U1 "\", \"frame\": \"note\", "
				    "\"title\": \"x\", \"occurred_at\": \"2026-02-30 10:00:00\"}]}",
				    IMPORT_GUESS),
			    "in:1:151: entries[0].occurred_at: '2026-02-30 10:00:00' is not a valid "
			    "date-time (YYYY-MM-DD HH:MM:SS)");
	/* Something the journal's rules refuse, placed at its entry. */
	assert_string_equal(refusal(f, HEAD ENTRY(U1, "") "]}", IMPORT_GUESS),
			    "in:1:56: entries[0]: the entry is empty: write a title or a body");
	assert_string_equal(refusal(f, HEAD ENTRY(U1, ", \"title\": \"x\", \"explicit_tags\": "
						      "[\"2024\"]") "]}", IMPORT_GUESS),
			    "in:1:56: entries[0]: tag '#2024': a tag cannot be only digits");
	/* A later problem undoes the good entries before it too. */
	assert_string_equal(refusal(f, HEAD ENTRY(U1, ", \"title\": \"fine\"") ", "
				    ENTRY(U1, ", \"title\": \"twin\"") "]}", IMPORT_GUESS),
			    "in:1:178: entries[1]: entry " U1 " appears twice in the file "
			    "(entries[0] too)");
	assert_string_equal(refusal(f, HEAD ENTRY(U1, ", \"title\": \"x\", \"inquiry\": \"" U2 "\"")
				    "]}", IMPORT_GUESS),
			    "in:1:185: entries[0].inquiry: no inquiry " U2 " in the file or the "
			    "journal");
	assert_string_equal(refusal(f, HEAD ENTRY(U1, ", \"title\": \"x\"") "], \"actions\": "
				    "[{\"uuid\": \"" U2 "\", \"planned_by\": \"" U2 "\", \"text\": "
				    "\"try\", \"due_date\": \"2026-03-09\", \"status\": \"open\"}]}",
				    IMPORT_GUESS),
			    "in:1:251: actions[0].planned_by: no entry " U2 " in the file or the "
			    "journal");
	/* Answers without the template they answer: an export would drop them. */
	assert_string_equal(refusal(f, HEAD ENTRY(U1, ", \"title\": \"x\", \"answers\": "
						      "[{\"step\": \"s\", \"kind\": \"text\", "
						      "\"text\": \"y\"}]") "]}", IMPORT_GUESS),
			    "in:1:185: entries[0].answers: answers need the template they answer, "
			    "and 'template' is missing or null");
}

/* A record the journal has already is skipped, but checked all the same. */
static void test_refuses_bad_records_it_has(void **state)
{
	struct fixture *f = *state;
	char good[] = HEAD ENTRY(U1, ", \"title\": \"here\"") "]}";
	char bad[] = HEAD ENTRY(U1, ", \"title\": \"here\", \"titel\": \"x\"") "]}";
	struct import_options o = { .format = IMPORT_PRAXIS };
	struct import_summary s;
	struct px_error err;
	px_error_clear(&err);
	assert_int_equal(import_buffer(f->dst, good, strlen(good), "in", &o, &s, &err), 0);
	assert_int_equal(s.entries.added, 1);
	assert_int_equal(import_buffer(f->dst, bad, strlen(bad), "in", &o, &s, &err), -1);
	char line[PX_ERROR_WHERE_MAX + PX_ERROR_MSG_MAX + 32];
	px_error_format(&err, line, sizeof line);
	assert_string_equal(line, "in:1:177: entries[0]: 'titel' is not a member here (did you "
			    "mean 'title'?)");
	assert_int_equal(s.entries.skipped, 0);
}

/* import_stream reads a pipe to its end before writing anything: a whole
 * document goes in, one cut short goes nowhere and is named by NAME. */
static int stream_text(struct fixture *f, const char *text, struct import_summary *s,
		       struct px_error *err)
{
	int p[2];
	assert_int_equal(pipe(p), 0);
	size_t len = strlen(text);
	assert_true(len < 65536);   /* fits the pipe: no writer thread needed */
	assert_int_equal(write(p[1], text, len), (ssize_t)len);
	close(p[1]);
	struct import_options o = { .format = IMPORT_GUESS };
	int rc = import_stream(f->dst, p[0], "standard input", &o, s, err);
	close(p[0]);
	return rc;
}

static void test_stream(void **state)
{
	struct fixture *f = *state;
	struct import_summary s;
	struct px_error err;
	px_error_clear(&err);
	assert_int_equal(stream_text(f, HEAD ENTRY(U1, ", \"title\": \"piped\"") "]}", &s, &err), 0);
	assert_int_equal(s.format, IMPORT_PRAXIS);
	assert_int_equal(s.entries.added, 1);
	assert_int_equal(stream_text(f, HEAD ENTRY(U2, ", \"title\": \"cut"), &s, &err), -1);
	char line[PX_ERROR_WHERE_MAX + PX_ERROR_MSG_MAX + 32];
	px_error_format(&err, line, sizeof line);
	assert_true(strncmp(line, "standard input:1:", 17) == 0);
	int64_t n = -1;
	assert_int_equal(entry_count(f->dst, &n, NULL), 0);
	assert_int_equal(n, 1);
}

static void test_refuses_bad_jrnl(void **state)
{
	struct fixture *f = *state;
	assert_string_equal(refusal(f, "[2018-02-23 10:32 PM] One.\nbody\n\n[2018-13-02 10:00 PM] Two.\n",
				    IMPORT_GUESS),
			    "in:4: '2018-13-02 10:00 PM' is not a valid date and time (jrnl writes "
			    "YYYY-MM-DD HH:MM[:SS] with AM or PM or without)");
	assert_string_equal(refusal(f, "notes\n[2018-02-23 10:32] One.\n", IMPORT_JRNL_TXT),
			    "in:1: expected an entry, a line such as '[2026-03-10 09:00] Title'");
	assert_string_equal(refusal(f, "\n\n", IMPORT_JRNL_TXT),
			    "in:2: holds no jrnl entries (lines such as '[2026-03-10 09:00] Title')");
	assert_string_equal(refusal(f, "[2018-02-23 10:32] One.\nbad \xc3\x28 byte\n", IMPORT_GUESS),
			    "in:2: invalid UTF-8 (byte 0xc3 at column 5)");
	assert_string_equal(refusal(f, "{\"entries\": [{\"title\": \"t\", \"body\": \"\", \"date\": "
				    "\"2018-02-23\", \"time\": \"25:00\"}]}", IMPORT_GUESS),
			    "in:1:49: entries[0].date: '2018-02-23 25:00' is not a valid date and "
			    "time");
	assert_string_equal(refusal(f, "{\"entries\": [{\"body\": \"\", \"date\": \"2018-02-23\", "
				    "\"time\": \"10:00\"}]}", IMPORT_JRNL_JSON),
			    "in:1:14: entries[0]: 'title' is missing");
	/* A bracketed line that is not a date is text, not an entry. */
	assert_string_equal(refusal(f, "[2018-02-23 10:32] One.\n[note] more text\n", IMPORT_GUESS),
			    "imported");
}

static void test_formats(void **state)
{
	(void)state;
	enum import_format f;
	struct px_error err;
	px_error_clear(&err);
	assert_int_equal(import_format_parse("jrnl-txt", &f, &err), 0);
	assert_int_equal(f, IMPORT_JRNL_TXT);
	assert_int_equal(import_format_parse("json", &f, &err), 0);
	assert_int_equal(f, IMPORT_PRAXIS);
	assert_int_equal(import_format_parse("jrnl-jsn", &f, &err), -1);
	assert_string_equal(err.msg, "'jrnl-jsn' is not an import format (did you mean 'jrnl-json'?)");
	assert_string_equal(import_format_name(IMPORT_JRNL_JSON), "jrnl-json");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_round_trip_is_identical, setup, teardown),
		cmocka_unit_test_setup_teardown(test_into_a_journal_in_use, setup, teardown),
		cmocka_unit_test_setup_teardown(test_jrnl_text, setup, teardown),
		cmocka_unit_test_setup_teardown(test_jrnl_json, setup, teardown),
		cmocka_unit_test_setup_teardown(test_refuses_bad_json, setup, teardown),
		cmocka_unit_test_setup_teardown(test_refuses_wrong_members, setup, teardown),
		cmocka_unit_test_setup_teardown(test_refuses_bad_values, setup, teardown),
		cmocka_unit_test_setup_teardown(test_refuses_bad_records_it_has, setup, teardown),
		cmocka_unit_test_setup_teardown(test_refuses_bad_jrnl, setup, teardown),
		cmocka_unit_test_setup_teardown(test_stream, setup, teardown),
		cmocka_unit_test(test_formats),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
