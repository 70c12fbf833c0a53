/*
 * test_export.c — exports (src/core/export*.c) of a small journal built
 * through the core: an entry written with a template kept as a snapshot
 * (steps, a scale with its range, word targets, a citation), actions with
 * outcomes and follow-ups, an inquiry, private and trashed entries.
 * Selection, structure, word counts, references, HTML escaping,
 * anonymisation in every format, JSON that the reader accepts, the file
 * written atomically with mode 0600, and pandoc found or missing.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "fixture.h"

#include "../../src/core/export_impl.h"
#include "../../src/core/jsonread.h"

#include "praxis/action.h"
#include "praxis/answer.h"
#include "praxis/buf.h"
#include "praxis/entry.h"
#include "praxis/export.h"
#include "praxis/inquiry.h"
#include "praxis/journal.h"
#include "praxis/person.h"
#include "praxis/snapshot.h"
#include "praxis/template.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char TEMPLATE_YAML[] =
	"praxis_template: 1\n"
	"id: mini-export\n"
	"version: 2\n"
	"name: Mini export model\n"
	"based_on:\n"
	"  - model: Reflective cycle\n"
	"    cite:\n"
	"      type: book\n"
	"      authors: [\"Gibbs, G.\"]\n"
	"      year: 1988\n"
	"      title: \"Learning by doing: a guide to teaching and learning methods\"\n"
	"      place: Oxford\n"
	"      publisher: Further Education Unit, Oxford Polytechnic\n"
	"adapted: true\n"
	"frames: [incident]\n"
	"steps:\n"
	"  - id: what\n"
	"    kind: text\n"
	"    title: Description\n"
	"    prompt: What happened?\n"
	"    words: {target: 80}\n"
	"  - id: calm\n"
	"    kind: scale\n"
	"    title: Calm\n"
	"    prompt: How calm were you?\n"
	"    scale: {min: 1, max: 5, low: not at all, high: completely}\n"
	"  - id: plan\n"
	"    kind: action\n"
	"    title: Action plan\n"
	"    prompt: What will you try?\n";

struct fixture {
	struct sandbox box;
	struct journal *j;
	int64_t gibbs, plain, later, private_id, trashed, inquiry;
};

static int64_t add_entry(struct journal *j, enum entry_frame frame, const char *when,
			 const char *title, const char *body, int is_private)
{
	struct entry e;
	struct px_error err;
	px_error_clear(&err);
	entry_init(&e);
	e.frame = frame;
	entry_set(&e.title, title);
	entry_set(&e.body, body);
	e.is_private = is_private;
	snprintf(e.occurred_at, sizeof e.occurred_at, "%s", when);
	if (entry_add(j, &e, &err) < 0)
		fail_msg("entry_add: %s", err.msg);
	int64_t id = e.id;
	entry_free(&e);
	return id;
}

/* The templated entry: a snapshot, answers as the engine stores them. */
static int64_t add_templated(struct fixture *f)
{
	struct px_error err;
	px_error_clear(&err);
	struct template *t = template_load_buffer(TEMPLATE_YAML, strlen(TEMPLATE_YAML), "mini",
						  NULL, NULL);
	assert_non_null(t);
	assert_int_equal(snapshot_keep(f->j, "mini-export", 2, template_hash(t), TEMPLATE_YAML,
				       &err), 0);
	struct entry e;
	entry_init(&e);
	e.frame = FRAME_INCIDENT;
	entry_set(&e.title, "Handover <script>alert(1)</script> & \"quotes\"");
	snprintf(e.occurred_at, sizeof e.occurred_at, "2026-03-02 14:30:00");
	entry_set(&e.template_id, "mini-export");
	e.template_version = 2;
	entry_set(&e.template_hash, template_hash(t));
	e.inquiry_id = f->inquiry;
	strlist_add(&e.tags, "power/expert");
	strlist_add(&e.tags, "feedback/giving");
	strlist_add(&e.people, "Priya");
	assert_int_equal(entry_add(f->j, &e, &err), 0);
	int64_t id = e.id;
	entry_free(&e);
	template_free(t);
	struct answer a1 = { .step_id = "what", .position = 0, .kind = "text",
			     .title = "Description", .prompt = "What happened?",
			     .value_text = "I assumed @Sam had read the well-being notes; Sam's "
					   "reply said \"<b>no</b>\" & left." };
	struct answer a2 = { .step_id = "calm", .position = 1, .kind = "scale", .title = "Calm",
			     .prompt = "How calm were you?", .value_text = "2", .has_num = 1,
			     .value_num = 2 };
	struct answer a3 = { .step_id = "plan", .position = 2, .kind = "action",
			     .title = "Action plan", .prompt = "What will you try?",
			     .value_text = "brief Sam in person (due 2026-03-09)" };
	assert_int_equal(answer_add(f->j, id, &a1, &err), 0);
	assert_int_equal(answer_add(f->j, id, &a2, &err), 0);
	assert_int_equal(answer_add(f->j, id, &a3, &err), 0);
	return id;
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	*state = f;
	f->j = sandbox_open(&f->box, "export", "2026-03-10T09:00:00");
	if (!f->j)
		return -1;
	struct px_error err;
	px_error_clear(&err);
	struct inquiry q;
	assert_int_equal(inquiry_new(f->j, "How do I delegate to Sam?", "2026-03-01 08:00:00", &q,
				     &err), 0);
	f->inquiry = q.id;
	inquiry_free(&q);
	f->gibbs = add_templated(f);
	f->plain = add_entry(f->j, FRAME_NOTE, "2026-03-05 10:00:00", "Quiet day",
			     "Nothing much. #reflection with @Jo-Ann and \xe6\x97\xa5\xe6\x9c\xac.", 0);
	f->later = add_entry(f->j, FRAME_INQUIRY, "2026-03-09 17:00:00", "Briefing Sam",
			     "Told @Sam in person; it worked.", 0);
	f->private_id = add_entry(f->j, FRAME_NOTE, "2026-03-06 09:00:00", "Secret",
				  "private words about @Sam", 1);
	f->trashed = add_entry(f->j, FRAME_NOTE, "2026-03-07 09:00:00", "Binned", "gone", 0);
	assert_int_equal(entry_trash(f->j, f->trashed, &err), 0);
	int64_t action;
	assert_int_equal(action_add(f->j, f->gibbs, "brief Sam in person", "2026-03-09", NULL, 0,
				    &action, &err), 0);
	assert_int_equal(action_follow_up(f->j, action, f->later, OUTCOME_WORKED, NULL, &err), 0);
	assert_int_equal(person_set(f->j, "Sam", NULL, "Alex", &err), 0);
	assert_int_equal(person_set(f->j, "Priya", "the ward manager", NULL, &err), 0);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	int rc = sandbox_close(&f->box, f->j);
	free(f);
	return rc;
}

/* ---- helpers ------------------------------------------------------------------ */

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

/* Export with O to a file in the fixture's folder and return the text. */
static char *export_text(struct fixture *f, const struct export_options *o,
			 struct export_report *r)
{
	char path[160];
	snprintf(path, sizeof path, "%s/out", f->box.dir);
	struct px_error err;
	px_error_clear(&err);
	struct export_report local;
	if (export_to_path(f->j, o, path, r ? r : &local, &err) < 0)
		fail_msg("export: %s", err.msg);
	if (!r)
		export_report_free(&local);
	char *text = slurp(path);
	unlink(path);
	return text;
}

static char *export_as(struct fixture *f, enum export_format format)
{
	struct export_options o;
	export_options_init(&o);
	o.format = format;
	return export_text(f, &o, NULL);
}

#define assert_has(text, what) assert_non_null(strstr((text), (what)))
#define assert_lacks(text, what) assert_null(strstr((text), (what)))

/* ---- structure ------------------------------------------------------------------ */

static void test_markdown_structure(void **state)
{
	struct fixture *f = *state;
	struct export_options o;
	export_options_init(&o);
	struct export_report r;
	char *md = export_text(f, &o, &r);
	assert_has(md, "# Learning journal\n\nAll entries. Exported Tue 10 Mar 2026.\n");
	assert_has(md, "## Handover <script>alert(1)</script> & \"quotes\"\n\n"
		       "*Critical incident \xc2\xb7 Mon 2 Mar 2026 14:30 \xc2\xb7 17 words*\n");
	assert_has(md, "Inquiry: How do I delegate to Sam?  \n"
		       "Template: Mini export model (mini-export, version 2)  \n"
		       "Tags: #feedback/giving #power/expert  \nPeople: @Priya  \n");
	assert_has(md, "### Description (13 words; target 80)\n\n> What happened?\n\n"
		       "I assumed @Sam had read");
	assert_has(md, "### Calm\n\n> How calm were you?\n\n2 (on a scale of 1 to 5: not at all "
		       "\xe2\x80\x93 completely)\n");
	assert_has(md, "### Action plan\n\n> What will you try?\n\n- brief Sam in person "
		       "\xe2\x80\x94 due Mon 9 Mar 2026 \xc2\xb7 done, worked \xc2\xb7 followed up "
		       "by \xe2\x80\x98" "Briefing Sam\xe2\x80\x99 (Mon 9 Mar 2026)\n");
	assert_has(md, "Follows up:\n\n- brief Sam in person (planned in \xe2\x80\x98" "Handover "
		       "<script>alert(1)</script> & \"quotes\"\xe2\x80\x99, Mon 2 Mar 2026)");
	assert_has(md, "*Note \xc2\xb7 Thu 5 Mar 2026 10:00 \xc2\xb7 8 words*");
	assert_has(md, "## Word count\n\n3 entries, 31 words. Word counts are of the learner's");
	assert_has(md, "## References\n\nPrompts adapted from the works listed.\n\nGibbs, G. "
		       "(1988) *Learning by doing: a guide to teaching and learning methods*. "
		       "Oxford: Further Education Unit, Oxford Polytechnic.\n");
	/* Oldest first; never the trash; private only when asked. */
	assert_true(strstr(md, "Handover") < strstr(md, "Quiet day"));
	assert_true(strstr(md, "Quiet day") < strstr(md, "## Briefing Sam"));
	assert_lacks(md, "Secret");
	assert_lacks(md, "Binned");
	assert_int_equal(r.entries, 3);
	assert_int_equal(r.words, 31);
	assert_int_equal(r.references, 1);
	assert_int_equal(r.unread_templates, 0);
	export_report_free(&r);
	free(md);
}

static void test_text_and_counts(void **state)
{
	struct fixture *f = *state;
	char *txt = export_as(f, EXPORT_TEXT);
	assert_has(txt, "Learning journal\n================\n");
	assert_has(txt, "Quiet day\n---------\n\nNote \xc2\xb7 Thu 5 Mar 2026 10:00 \xc2\xb7 8 words\n");
	assert_has(txt, "Description (13 words; target 80)\n  Q: What happened?\nI assumed");
	assert_has(txt, "Word count\n----------\n\n3 entries, 31 words.");
	assert_has(txt, "References\n----------\n\nPrompts adapted from the works listed.\n\n"
			"Gibbs, G. (1988) Learning by doing");
	assert_lacks(txt, "*Learning");
	free(txt);
}

/* ---- selection ---------------------------------------------------------------------- */

static size_t count_of(struct fixture *f, const struct export_selection *sel)
{
	size_t n;
	struct px_error err;
	px_error_clear(&err);
	assert_int_equal(export_count(f->j, sel, &n, &err), 0);
	return n;
}

static void test_selection(void **state)
{
	struct fixture *f = *state;
	struct export_selection s;
	export_selection_init(&s);
	assert_int_equal(count_of(f, &s), 3);
	s.include_private = 1;
	assert_int_equal(count_of(f, &s), 4);   /* never the trash */
	export_selection_init(&s);
	s.frame = FRAME_NOTE;
	assert_int_equal(count_of(f, &s), 1);
	export_selection_init(&s);
	s.tag = "power/";
	assert_int_equal(count_of(f, &s), 1);
	s.tag = "#reflection";
	assert_int_equal(count_of(f, &s), 1);
	export_selection_init(&s);
	s.person = "@sam";
	assert_int_equal(count_of(f, &s), 1);
	export_selection_init(&s);
	s.template_id = "mini-export";
	assert_int_equal(count_of(f, &s), 1);
	export_selection_init(&s);
	snprintf(s.from, sizeof s.from, "2026-03-03");
	snprintf(s.to, sizeof s.to, "2026-03-09");
	assert_int_equal(count_of(f, &s), 2);
	export_selection_init(&s);
	int64_t ids[] = { f->plain, f->gibbs };
	s.ids = ids;
	s.n_ids = 2;
	assert_int_equal(count_of(f, &s), 2);
	s.frame = FRAME_NOTE;
	assert_int_equal(count_of(f, &s), 1);   /* every condition holds */
	struct entry_filter lf;
	entry_filter_init(&lf);
	lf.inquiry_id = f->inquiry;
	lf.limit = 1;
	lf.trash = 0;
	export_selection_from_filter(&s, &lf);
	assert_int_equal(count_of(f, &s), 1);
	/* A list's ids are passed over as the list passes over them. */
	int64_t listed[] = { f->gibbs, f->trashed, f->private_id, 999 };
	entry_filter_init(&lf);
	lf.ids = listed;
	lf.n_ids = 4;
	export_selection_from_filter(&s, &lf);
	assert_int_equal(count_of(f, &s), 1);
	struct export_options o;
	export_options_init(&o);
	o.sel = s;
	struct export_report r;
	free(export_text(f, &o, &r));
	assert_int_equal(r.entries, 1);
	export_report_free(&r);
}

static const char *refusal(struct fixture *f, const struct export_options *o)
{
	static char out[PX_ERROR_MSG_MAX];
	char path[160];
	snprintf(path, sizeof path, "%s/refused", f->box.dir);
	struct px_error err;
	px_error_clear(&err);
	struct export_report r;
	int rc = export_to_path(f->j, o, path, &r, &err);
	export_report_free(&r);
	assert_int_equal(rc, -1);
	assert_int_equal(access(path, F_OK), -1);   /* nothing written */
	snprintf(out, sizeof out, "%s", err.msg);
	return out;
}

/* A search as the selection: every entry it finds and nothing else, the
 * document says so (anonymised when asked), and a query that does not
 * parse is refused as search says. */
static void test_search_selection(void **state)
{
	struct fixture *f = *state;
	struct export_selection s;
	export_selection_init(&s);
	s.query = "quiet";
	assert_int_equal(count_of(f, &s), 1);
	s.query = "sam";               /* an answer, a body; private and trash left out */
	assert_int_equal(count_of(f, &s), 2);
	s.include_private = 1;
	assert_int_equal(count_of(f, &s), 3);
	s.include_private = 0;
	s.frame = FRAME_INQUIRY;       /* and every other condition holds */
	assert_int_equal(count_of(f, &s), 1);

	struct export_options o;
	export_options_init(&o);
	o.sel.query = "quiet OR title:briefin*";   /* the Gibbs entry plans to "brief" */
	char *md = export_text(f, &o, NULL);
	assert_has(md, "## Quiet day");
	assert_has(md, "## Briefing Sam");
	assert_lacks(md, "## Handover");   /* the planner, named by what Briefing followed up */
	assert_has(md, "Entries: found by the search 'quiet OR title:briefin*'.");
	free(md);
	o.sel.query = "sam";
	o.anonymise = 1;
	md = export_text(f, &o, NULL);
	assert_has(md, "found by the search 'Alex'");
	assert_lacks(md, "Sam");
	free(md);

	struct px_error err;
	px_error_clear(&err);
	size_t n = 99;
	s.query = "\"unbalanced";
	assert_int_equal(export_count(f->j, &s, &n, &err), -1);
	assert_int_equal(err.code, PX_ERR_SYNTAX);
	assert_string_equal(err.where, "search");
	o.sel.query = "\"unbalanced";
	assert_has(refusal(f, &o), "unbalanced quote");
}

/* A narrow selection reads only its own entries' links and actions; the
 * documents must be the very ones the whole pass makes, in every format,
 * also when an action crosses the selection's edge. */
static void test_narrow_reads_as_the_whole_pass(void **state)
{
	struct fixture *f = *state;
	/* Actions whose ids do not follow their entries' dates, so a read by
	 * index comes back out of id order unless it is sorted. */
	struct px_error err;
	px_error_clear(&err);
	int64_t first, second;
	assert_int_equal(action_add(f->j, f->later, "ask Jo", "2026-03-20", NULL, 0, &first, &err),
			 0);
	assert_int_equal(action_add(f->j, f->plain, "read the notes", "2026-03-08", NULL, 0,
				    &second, &err), 0);
	assert_int_equal(action_follow_up(f->j, second, f->later, OUTCOME_MIXED, NULL, &err), 0);
	int64_t gibbs[] = { f->gibbs }, later[] = { f->later };
	struct export_selection sels[8];
	for (size_t i = 0; i < 8; i++)
		export_selection_init(&sels[i]);
	sels[1].ids = gibbs, sels[1].n_ids = 1;      /* planned here, followed up outside */
	sels[2].ids = later, sels[2].n_ids = 1;      /* the other way round */
	sels[3].inquiry_id = f->inquiry;
	sels[4].person = "Sam";
	sels[5].tag = "power/";
	snprintf(sels[6].from, sizeof sels[6].from, "2026-03-05");
	sels[7].query = "sam";
	sels[7].include_private = 1;
	static const enum export_format formats[] = {
		EXPORT_MARKDOWN, EXPORT_HTML, EXPORT_JSON, EXPORT_TEXT,
	};
	for (size_t i = 0; i < 8; i++)
		for (size_t k = 0; k < 4; k++)
			for (int anon = 0; anon < 2; anon++) {
				if (anon && formats[k] == EXPORT_JSON)
					continue;
				struct export_options o;
				export_options_init(&o);
				o.format = formats[k];
				o.sel = sels[i];
				o.anonymise = anon;
				size_t narrow = xgather_narrow_max;
				char *by_index = export_text(f, &o, NULL);
				xgather_narrow_max = 0;
				char *by_pass = export_text(f, &o, NULL);
				xgather_narrow_max = narrow;
				if (strcmp(by_index, by_pass) != 0)
					fail_msg("selection %zu, format %s%s: the narrow read differs",
						 i, export_format_name(formats[k]),
						 anon ? ", anonymised" : "");
				if (i == 1 && k == 0 && !anon)
					assert_has(by_index, "followed up by \xe2\x80\x98" "Briefing Sam");
				if (i == 2 && k == 0 && !anon)
					assert_has(by_index, "planned in \xe2\x80\x98" "Handover");
				free(by_index);
				free(by_pass);
			}
}

static void test_explicit_ids_are_checked(void **state)
{
	struct fixture *f = *state;
	struct export_options o;
	export_options_init(&o);
	int64_t ids[1];
	o.sel.ids = ids;
	o.sel.n_ids = 1;
	o.sel.ids_strict = 1;
	ids[0] = f->trashed;
	char want[200];
	snprintf(want, sizeof want, "entry %lld: in the trash, which is never exported (restore it "
		 "first)", (long long)f->trashed);
	assert_string_equal(refusal(f, &o), want);
	ids[0] = f->private_id;
	snprintf(want, sizeof want, "entry %lld: private, and private entries are exported only "
		 "when asked for", (long long)f->private_id);
	assert_string_equal(refusal(f, &o), want);
	ids[0] = 999;
	assert_string_equal(refusal(f, &o), "entry 999: no such entry");
	o.sel.ids = NULL;
	o.sel.inquiry_id = 42;
	assert_string_equal(refusal(f, &o), "inquiry 42: no such inquiry");
	o.sel.inquiry_id = 0;
	o.sel.include_private = 1;
	ids[0] = f->private_id;
	o.sel.ids = ids;
	char *md = export_text(f, &o, NULL);
	assert_has(md, "## Secret");
	assert_has(md, "private words");
	free(md);
}

static void test_inquiry_as_a_chain(void **state)
{
	struct fixture *f = *state;
	struct export_options o;
	export_options_init(&o);
	o.sel.inquiry_id = f->inquiry;
	char *md = export_text(f, &o, NULL);
	assert_has(md, "## Inquiry: How do I delegate to Sam?\n\nOpened Sun 1 Mar 2026, open "
		       "\xc2\xb7 1 entry, 1 action, 1 cycle closed\n");
	/* The entry reads under the inquiry's heading, not with its own note. */
	assert_lacks(md, "Inquiry: How do I delegate to Sam?  \n");
	free(md);
}

/* ---- HTML ------------------------------------------------------------------------------ */

static void test_html_escapes_everything(void **state)
{
	struct fixture *f = *state;
	char *html = export_as(f, EXPORT_HTML);
	assert_has(html, "<!DOCTYPE html>");
	assert_has(html, "Content-Security-Policy");
	assert_has(html, "@media print");
	assert_has(html, "<h2>Handover &lt;script&gt;alert(1)&lt;/script&gt; &amp; "
			 "&quot;quotes&quot;</h2>");
	assert_has(html, "Tags: #feedback/giving #power/expert");
	assert_has(html, "Sam&#39;s reply said &quot;&lt;b&gt;no&lt;/b&gt;&quot; &amp; left.");
	assert_has(html, "<i>Learning by doing: a guide to teaching and learning methods</i>");
	assert_has(html, "</html>\n");
	/* Nothing from the journal reaches the page as markup. */
	assert_lacks(html, "<script");
	assert_lacks(html, "<b>");
	free(html);
}

/* ---- anonymising ------------------------------------------------------------------------- */

static void assert_no_names(const char *text)
{
	static const char *const names[] = { "Sam", "Priya", "Jo-Ann" };
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		for (const char *p = text; (p = strstr(p, names[i])); p++) {
			/* "Samantha" would be another word; none is in this journal. */
			char before = p > text ? p[-1] : ' ';
			assert_false(before != '_' && !(before >= 'a' && before <= 'z') &&
				     !(before >= 'A' && before <= 'Z'));
		}
}

static void test_anonymise_every_format(void **state)
{
	struct fixture *f = *state;
	const enum export_format formats[] = { EXPORT_MARKDOWN, EXPORT_HTML, EXPORT_TEXT,
					       EXPORT_JSON };
	for (size_t i = 0; i < 4; i++) {
		struct export_options o;
		export_options_init(&o);
		o.format = formats[i];
		o.anonymise = 1;
		struct export_report r;
		char *text = export_text(f, &o, &r);
		assert_no_names(text);
		assert_has(text, "Alex");              /* Sam's pseudonym */
		assert_has(text, "the ward manager");  /* Priya's role */
		assert_has(text, "Colleague B");       /* Jo-Ann, the second met without one */
		assert_has(text, "delegate to Alex?"); /* the inquiry's question too */
		assert_int_equal(r.words, 32);         /* "Colleague B" is two words */
		if (formats[i] == EXPORT_JSON)
			assert_has(text, "\"anonymised\": true");
		export_report_free(&r);
		free(text);
	}
	/* The journal is unchanged. */
	char *md = export_as(f, EXPORT_MARKDOWN);
	assert_has(md, "@Sam had read");
	free(md);
}

/* ---- JSON --------------------------------------------------------------------------------- */

static void test_json_reads_back(void **state)
{
	struct fixture *f = *state;
	char *a = export_as(f, EXPORT_JSON), *b = export_as(f, EXPORT_JSON);
	assert_string_equal(a, b);   /* deterministic */
	struct json_doc doc;
	struct json_read_error err;
	assert_int_equal(json_read(b, strlen(b), &doc, &err), 0);
	assert_string_equal(jv_get(&doc.root, "format")->u.str.s, "praxis-journal");
	assert_int_equal(jv_get(&doc.root, "version")->u.num.i, 1);
	assert_string_equal(jv_get(&doc.root, "exported_at")->u.str.s, "2026-03-10 09:00:00");
	const struct jv *entries = jv_get(&doc.root, "entries");
	assert_int_equal(entries->u.arr.n, 3);
	const struct jv *e0 = &entries->u.arr.items[0];
	assert_string_equal(jv_get(e0, "title")->u.str.s,
			    "Handover <script>alert(1)</script> & \"quotes\"");
	assert_int_equal(jv_get(e0, "answers")->u.arr.n, 3);
	assert_int_equal(jv_get(e0, "explicit_tags")->u.arr.n, 2);
	assert_int_equal(jv_get(e0, "words")->u.num.i, 17);
	const struct jv *calm = &jv_get(e0, "answers")->u.arr.items[1];
	assert_true(jv_get(calm, "number")->u.num.d == 2.0);
	const struct jv *actions = jv_get(&doc.root, "actions");
	assert_int_equal(actions->u.arr.n, 1);
	assert_string_equal(jv_get(&actions->u.arr.items[0], "planned_by")->u.str.s,
			    jv_get(e0, "uuid")->u.str.s);
	assert_string_equal(jv_get(&actions->u.arr.items[0], "followed_up_by")->u.str.s,
			    jv_get(&entries->u.arr.items[2], "uuid")->u.str.s);
	assert_int_equal(jv_get(&doc.root, "inquiries")->u.arr.n, 1);
	assert_int_equal(jv_get(&doc.root, "people")->u.arr.n, 3);
	const struct jv *tmpl = &jv_get(&doc.root, "templates")->u.arr.items[0];
	assert_string_equal(jv_get(tmpl, "yaml")->u.str.s, TEMPLATE_YAML);
	assert_int_equal(jv_get(&doc.root, "words")->u.num.i, 31);
	json_doc_free(&doc);
	free(a);
	free(b);
}

/* ---- files --------------------------------------------------------------------------------- */

static void test_file_written_whole_and_private(void **state)
{
	struct fixture *f = *state;
	char path[160];
	snprintf(path, sizeof path, "%s/export.md", f->box.dir);
	FILE *old = fopen(path, "w");
	fputs("an older export", old);
	fclose(old);
	chmod(path, 0644);
	struct export_options o;
	export_options_init(&o);
	struct px_error err;
	px_error_clear(&err);
	struct export_report r;
	assert_int_equal(export_to_path(f->j, &o, path, &r, &err), 0);
	export_report_free(&r);
	struct stat st;
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	char *text = slurp(path);
	assert_has(text, "# Learning journal");
	free(text);
	/* Only the export is left in the folder: no temporary file. */
	char cmd[256];
	snprintf(cmd, sizeof cmd, "test $(ls -A '%s' | grep -vc '^journal.db') -eq 1", f->box.dir);
	assert_int_equal(system(cmd), 0);
	/* A folder or a missing folder is refused, the folder left as it was. */
	assert_int_equal(export_to_path(f->j, &o, f->box.dir, &r, &err), -1);
	assert_has(err.msg, "is a folder");
	px_error_clear(&err);
	snprintf(path, sizeof path, "%s/missing/export.md", f->box.dir);
	assert_int_equal(export_to_path(f->j, &o, path, &r, &err), -1);
	assert_int_equal(err.code, PX_ERR_IO);
	/* Never over the journal, or through a link to it. */
	snprintf(path, sizeof path, "%s/link.db", f->box.dir);
	assert_int_equal(symlink(journal_path(f->j), path), 0);
	px_error_clear(&err);
	assert_int_equal(export_to_path(f->j, &o, path, &r, &err), -1);
	assert_string_equal(err.msg, "is the journal itself; give the export another name");
	px_error_clear(&err);
	assert_int_equal(export_to_path(f->j, &o, journal_path(f->j), &r, &err), -1);
	assert_has(err.msg, "is the journal itself");
	struct entry e;
	assert_int_equal(entry_get(f->j, f->gibbs, &e, &err), 0);   /* still a journal */
	entry_free(&e);
}

static void test_pandoc(void **state)
{
	struct fixture *f = *state;
	struct export_options o;
	export_options_init(&o);
	o.format = EXPORT_DOCX;
	o.pandoc = "/nonexistent/pandoc";
	struct px_error err;
	px_error_clear(&err);
	char path[160];
	snprintf(path, sizeof path, "%s/journal.docx", f->box.dir);
	struct export_report r;
	assert_int_equal(export_to_path(f->j, &o, path, &r, &err), -1);
	assert_int_equal(err.code, PX_ERR_NOT_FOUND);
	assert_string_equal(err.msg, "DOCX export needs pandoc, which is not installed (the Debian "
			    "package is 'pandoc')");
	assert_int_equal(access(path, F_OK), -1);
	/* Asked before a file is named, the answer is the same. */
	px_error_clear(&err);
	assert_int_equal(export_format_ready(EXPORT_PDF, "/nonexistent/pandoc", &err), -1);
	assert_int_equal(err.code, PX_ERR_NOT_FOUND);
	assert_non_null(strstr(err.msg, "PDF export needs pandoc"));
	assert_int_equal(export_format_ready(EXPORT_MARKDOWN, "/nonexistent/pandoc", &err), 0);
	assert_int_equal(export_format_ready(EXPORT_JSON, "/nonexistent/pandoc", &err), 0);
	/* A stand-in pandoc that copies its Markdown input to --output. */
	char fake[160];
	snprintf(fake, sizeof fake, "%s/pandoc", f->box.dir);
	FILE *fp = fopen(fake, "w");
	fputs("#!/bin/sh\nfor a; do case $a in --output=*) out=${a#--output=};; -*) ;;"
	      " *) in=$a;; esac; done\necho \"$@\" > \"$out.args\"; cat \"$in\" > \"$out\"\n", fp);
	fclose(fp);
	chmod(fake, 0700);
	o.pandoc = fake;
	px_error_clear(&err);
	assert_int_equal(export_format_ready(EXPORT_DOCX, fake, &err), 0);
	assert_int_equal(export_to_path(f->j, &o, path, &r, &err), 0);
	export_report_free(&r);
	char *text = slurp(path);
	assert_has(text, "## Handover <script>");   /* the Markdown went in */
	free(text);
	struct stat st;
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	char cmd[320];
	snprintf(cmd, sizeof cmd, "grep -q -- '--from=markdown --to=docx' '%s'/.journal.docx.tmp-*.args"
		 " && test -z \"$(ls -A '%s' | grep '^\\.praxis-export')\"", f->box.dir, f->box.dir);
	assert_int_equal(system(cmd), 0);
}

/* ---- limits and progress ----------------------------------------------------------------------- */

static void progress(size_t done, void *ctx)
{
	*(size_t *)ctx = done;
}

static void test_limits_and_progress(void **state)
{
	struct fixture *f = *state;
	struct export_options o;
	export_options_init(&o);
	o.entry_limit = 7;
	size_t last = 0;
	o.progress = progress;
	o.ctx = &last;
	struct export_report r;
	char *md = export_text(f, &o, &r);
	assert_int_equal(r.n_over, 2);   /* 17 and 8 words; 6 is within */
	assert_int_equal(r.over[0].id, f->gibbs);
	assert_int_equal(r.over[0].words, 17);
	assert_int_equal(r.over[1].id, f->plain);
	assert_string_equal(r.over[1].title, "Quiet day");
	assert_int_equal(last, 3);
	/* A limit never changes the text. */
	char *plain = export_as(f, EXPORT_MARKDOWN);
	assert_string_equal(md, plain);
	free(plain);
	free(md);
	export_report_free(&r);
}

static void test_formats(void **state)
{
	(void)state;
	enum export_format fmt;
	struct px_error err;
	px_error_clear(&err);
	assert_int_equal(export_format_parse("markdown", &fmt, &err), 0);
	assert_int_equal(fmt, EXPORT_MARKDOWN);
	assert_int_equal(export_format_parse("pdf", &fmt, &err), 0);
	assert_true(export_format_binary(fmt));
	assert_int_equal(export_format_parse("htm", &fmt, &err), -1);
	assert_string_equal(err.msg, "'htm' is not an export format (did you mean 'html'?)");
	assert_string_equal(export_format_name(EXPORT_TEXT), "txt");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_markdown_structure, setup, teardown),
		cmocka_unit_test_setup_teardown(test_text_and_counts, setup, teardown),
		cmocka_unit_test_setup_teardown(test_selection, setup, teardown),
		cmocka_unit_test_setup_teardown(test_search_selection, setup, teardown),
		cmocka_unit_test_setup_teardown(test_narrow_reads_as_the_whole_pass, setup, teardown),
		cmocka_unit_test_setup_teardown(test_explicit_ids_are_checked, setup, teardown),
		cmocka_unit_test_setup_teardown(test_inquiry_as_a_chain, setup, teardown),
		cmocka_unit_test_setup_teardown(test_html_escapes_everything, setup, teardown),
		cmocka_unit_test_setup_teardown(test_anonymise_every_format, setup, teardown),
		cmocka_unit_test_setup_teardown(test_json_reads_back, setup, teardown),
		cmocka_unit_test_setup_teardown(test_file_written_whole_and_private, setup, teardown),
		cmocka_unit_test_setup_teardown(test_pandoc, setup, teardown),
		cmocka_unit_test_setup_teardown(test_limits_and_progress, setup, teardown),
		cmocka_unit_test(test_formats),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
