/*
 * cmd_inquiry.c — `praxis inquiry new|list|show|close|reopen`: questions
 * followed across entries, and the chain of action–reflection cycles each
 * one carries (entry → action → follow-up → next action).
 */
#include "cli.h"

#include "praxis/buf.h"
#include "praxis/inquiry.h"
#include "praxis/json.h"
#include "praxis/suggest.h"

#include <stdlib.h>
#include <string.h>

/* Now as the journal's local 'YYYY-MM-DD HH:MM:SS', and today's date. */
static int now_text(char at[20], char today[11])
{
	struct px_datetime now;
	if (cli_now(&now))
		return -1;
	now.has_time = 1;
	datetime_format(&now, at);
	date_format(&now.date, today);
	return 0;
}

/* The operands found among the options: the first, and how many. */
struct operands {
	const char *first;
	int n;
};

/* cli_getopt with options on either side of the operands, as the usage
 * lines write them ("close ID --summary TEXT"): cli_getopt stops at the
 * first operand, so each one is set aside and parsing carries on after it;
 * after "--" all the rest are operands.  Returns what cli_getopt returns;
 * at -1 OPS holds the operands. */
static int getopt_around(int argc, char **argv, const char *shortopts,
			 const struct option *longopts, struct operands *ops)
{
	for (;;) {
		int before = optind ? optind : 1;
		int c = cli_getopt("inquiry", argc, argv, shortopts, longopts);
		if (c != -1)
			return c;
		int ended = optind == before + 1 && strcmp(argv[before], "--") == 0;
		while (optind < argc) {
			if (ops->n++ == 0)
				ops->first = argv[optind];
			optind++;
			if (!ended)
				break;
		}
		if (ended || optind >= argc)
			return -1;
	}
}

/* new [--] QUESTION...: options only before the question, so its words may
 * look like anything ("what does -- mean?"). */
static int inquiry_new_cmd(struct cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = { { "help", no_argument, NULL, 'h' },
						  { NULL, 0, NULL, 0 } };
	int c;
	optind = 0;
	while ((c = cli_getopt("inquiry", argc, argv, "h", longopts)) != -1)
		return c == 'h' ? cli_help_for("inquiry") : EXIT_USAGE;
	if (optind >= argc)
		return cli_usage("inquiry", "inquiry new needs the QUESTION");
	struct px_buf q = PX_BUF_INIT;
	for (int i = optind; i < argc; i++) {
		if (i > optind)
			px_buf_addc(&q, ' ');
		px_buf_adds(&q, argv[i]);
	}
	char at[20], today[11];
	struct journal *j = NULL;
	int rc = EXIT_FAILURE;
	if (now_text(at, today) == 0 && (j = cli_journal(cli, 1))) {
		struct px_error err;
		px_error_clear(&err);
		struct inquiry inq;
		if (inquiry_new(j, q.data, at, &inq, &err) < 0) {
			rc = cli_fail(&err);
		} else {
			printf("opened inquiry %lld: ", (long long)inq.id);
			cli_print_safe(stdout, inq.question);
			fputc('\n', stdout);
			inquiry_free(&inq);
			rc = 0;
		}
	}
	px_buf_free(&q);
	return rc;
}

struct list_out {
	struct cli_listing l;
};

static void inquiry_json(struct json_writer *w, const struct inquiry *inq)
{
	json_member_int(w, "id", inq->id);
	json_member_string(w, "uuid", inq->uuid);
	json_member_string(w, "question", inq->question);
	json_member_string(w, "status", inquiry_status_name(inq->status));
	json_member_string(w, "opened", inq->opened_at);
	json_member_string(w, "closed", inq->closed_at[0] ? inq->closed_at : NULL);
	json_member_string(w, "summary", inq->summary[0] ? inq->summary : NULL);
	json_member_int(w, "entries", inq->entry_count);
	json_member_string(w, "last_activity", inq->last_activity);
}

static int print_inquiry(const struct inquiry *inq, void *ctx)
{
	struct list_out *o = ctx;
	if (o->l.format == OUT_JSON) {
		json_begin_object(&o->l.json);
		inquiry_json(&o->l.json, inq);
		json_end_object(&o->l.json);
		return 0;
	}
	table_cellf(o->l.table, "%lld", (long long)inq->id);
	table_cell(o->l.table, inquiry_status_name(inq->status));
	table_cellf(o->l.table, "%d", inq->entry_count);
	table_cellf(o->l.table, "%.10s", inq->last_activity);
	table_cell(o->l.table, inq->question);
	return 0;
}

static int inquiry_list_cmd(struct cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "all", no_argument, NULL, 'a' },         { "closed", no_argument, NULL, 'c' },
		{ "format", required_argument, NULL, 'o' }, { "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	enum inquiry_filter filter = INQUIRY_ONLY_OPEN;
	enum out_format format = OUT_AUTO;
	struct operands ops = { 0 };
	int c;
	optind = 0;
	while ((c = getopt_around(argc, argv, "ah", longopts, &ops)) != -1) {
		if (c == 'h')
			return cli_help_for("inquiry");
		else if (c == 'a')
			filter = INQUIRY_ALL;
		else if (c == 'c')
			filter = INQUIRY_ONLY_CLOSED;
		else if (c != 'o' || cli_parse_format("inquiry", optarg, &format))
			return EXIT_USAGE;
	}
	if (ops.n)
		return cli_usage("inquiry", "unexpected argument '%s'", ops.first);
	struct journal *j = cli_journal(cli, 0);
	if (!j)
		return EXIT_FAILURE;
	static const char *const headers[] = { "ID", "STATUS", "ENTRIES", "ACTIVE", "QUESTION" };
	struct list_out o;
	listing_begin(&o.l, cli_resolve_format(cli, format), 5, headers);
	struct px_error err;
	px_error_clear(&err);
	int rc = 0, n = inquiry_list(j, filter, print_inquiry, &o, &err);
	if (n < 0)
		rc = cli_fail(&err);
	else
		listing_print(&o.l, n, filter == INQUIRY_ONLY_OPEN
				       ? "No open inquiries: 'praxis inquiry new QUESTION' opens one."
				       : "No inquiries.");
	listing_free(&o.l);
	return rc;
}

/* ---- show: the chain of cycles ----------------------------------------------- */

struct chain_out {
	int json;
	struct json_writer w;
};

static const char *step_title(const struct chain_step *s)
{
	return s->title[0] ? s->title : s->excerpt;
}

static void print_action_text(const struct chain_action *a)
{
	printf("    -> action %lld \"", (long long)a->id);
	cli_print_safe(stdout, a->text);
	printf("\" due %s: %s", a->due_date, action_status_name(a->status));
	if (a->outcome != OUTCOME_NONE)
		printf(", %s", action_outcome_name(a->outcome));
	if (a->due)
		fputs(", DUE", stdout);
	fputc('\n', stdout);
	if (a->follow_up.entry_id) {
		printf("       followed up by #%lld %.10s \"", (long long)a->follow_up.entry_id,
		       a->follow_up.occurred_at);
		cli_print_safe(stdout, a->follow_up.title);
		printf("\"%s\n", a->follow_up.trashed ? " (in the trash)" : "");
	}
}

static void chain_step_json(struct json_writer *w, const struct chain_step *s)
{
	json_begin_object(w);
	json_member_int(w, "entry", s->entry_id);
	json_member_string(w, "frame", entry_frame_name(s->frame));
	json_member_string(w, "date", s->occurred_at);
	json_member_string(w, "title", step_title(s));
	json_key(w, "follows_up");
	json_begin_array(w);
	for (size_t i = 0; i < s->nfollows_up; i++)
		json_int(w, s->follows_up[i]);
	json_end_array(w);
	json_key(w, "actions");
	json_begin_array(w);
	for (size_t i = 0; i < s->nactions; i++) {
		const struct chain_action *a = &s->actions[i];
		json_begin_object(w);
		json_member_int(w, "id", a->id);
		json_member_string(w, "text", a->text);
		json_member_string(w, "due", a->due_date);
		json_member_string(w, "status", action_status_name(a->status));
		json_member_string(w, "outcome",
				   a->outcome == OUTCOME_NONE ? NULL : action_outcome_name(a->outcome));
		json_member_bool(w, "overdue_or_due", a->due);
		json_key(w, "followed_up_by");
		if (a->follow_up.entry_id)
			json_int(w, a->follow_up.entry_id);
		else
			json_null(w);
		json_end_object(w);
	}
	json_end_array(w);
	json_end_object(w);
}

static int print_step(const struct chain_step *s, void *ctx)
{
	struct chain_out *o = ctx;
	if (o->json) {
		chain_step_json(&o->w, s);
		return 0;
	}
	printf("#%lld %.10s %s \"", (long long)s->entry_id, s->occurred_at,
	       entry_frame_name(s->frame));
	cli_print_safe(stdout, step_title(s));
	fputc('"', stdout);
	for (size_t i = 0; i < s->nfollows_up; i++)
		printf("%s%lld", i ? ", " : "  (follows up action ", (long long)s->follows_up[i]);
	printf("%s\n", s->nfollows_up ? ")" : "");
	for (size_t i = 0; i < s->nactions; i++)
		print_action_text(&s->actions[i]);
	return 0;
}

static int inquiry_show_cmd(struct cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'o' }, { "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	enum out_format format = OUT_AUTO;
	struct operands ops = { 0 };
	int c;
	optind = 0;
	while ((c = getopt_around(argc, argv, "h", longopts, &ops)) != -1) {
		if (c == 'h')
			return cli_help_for("inquiry");
		if (c != 'o' || cli_parse_format("inquiry", optarg, &format))
			return EXIT_USAGE;
	}
	if (ops.n != 1)
		return cli_usage("inquiry", "inquiry show needs exactly one inquiry ID");
	int64_t id;
	if (cli_parse_id("inquiry", "an inquiry", ops.first, &id))
		return EXIT_USAGE;
	char at[20], today[11];
	if (now_text(at, today))
		return EXIT_FAILURE;
	struct journal *j = cli_journal(cli, 0);
	if (!j)
		return EXIT_FAILURE;
	struct px_error err;
	px_error_clear(&err);
	struct inquiry inq;
	if (inquiry_get(j, id, &inq, &err) < 0)
		return cli_fail(&err);
	struct chain_out o = { .json = format == OUT_JSON };
	struct px_buf json = PX_BUF_INIT;
	if (o.json) {
		json_init(&o.w, &json, 1);
		json_begin_object(&o.w);
		inquiry_json(&o.w, &inq);
		json_key(&o.w, "chain");
		json_begin_array(&o.w);
	} else {
		printf("inquiry %lld (%s): ", (long long)inq.id, inquiry_status_name(inq.status));
		cli_print_safe(stdout, inq.question);
		printf("\nopened %s", inq.opened_at);
		if (inq.closed_at[0])
			printf(", closed %s", inq.closed_at);
		fputc('\n', stdout);
	}
	struct chain_totals t;
	int rc = 0;
	if (inquiry_chain(j, id, today, print_step, &o, &t, &err) < 0) {
		rc = cli_fail(&err);
	} else if (o.json) {
		json_end_array(&o.w);
		json_key(&o.w, "totals");
		json_begin_object(&o.w);
		json_member_int(&o.w, "entries", t.steps);
		json_member_int(&o.w, "actions", t.actions);
		json_member_int(&o.w, "cycles_closed", t.cycles_closed);
		json_member_int(&o.w, "cycles_due", t.cycles_due);
		json_member_int(&o.w, "open_actions", t.open_actions);
		json_end_object(&o.w);
		json_end_object(&o.w);
		fputs(json.data, stdout);
	} else {
		if (t.steps == 0)
			printf("No entries yet: 'praxis add --frame inquiry --inquiry %lld' adds one.\n",
			       (long long)id);
		printf("%d %s, %d %s planned, %d of them followed up, %d due\n", t.steps,
		       t.steps == 1 ? "entry" : "entries", t.actions,
		       t.actions == 1 ? "action" : "actions", t.cycles_closed, t.cycles_due);
		if (inq.summary[0]) {
			fputs("summary: ", stdout);
			cli_print_safe(stdout, inq.summary);
			fputc('\n', stdout);
		}
	}
	inquiry_free(&inq);
	px_buf_free(&json);
	return rc;
}

static int inquiry_close_cmd(struct cli *cli, int argc, char **argv, int reopen)
{
	static const struct option longopts[] = {
		{ "summary", required_argument, NULL, 's' }, { "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *summary = NULL;
	struct operands ops = { 0 };
	int c;
	optind = 0;
	while ((c = getopt_around(argc, argv, "s:h", longopts, &ops)) != -1) {
		if (c == 'h')
			return cli_help_for("inquiry");
		if (c != 's' || reopen)
			return c == 's' ? cli_usage("inquiry", "reopen takes no --summary")
					: EXIT_USAGE;
		summary = optarg;
	}
	if (ops.n != 1)
		return cli_usage("inquiry", "inquiry %s needs exactly one inquiry ID", argv[0]);
	int64_t id;
	if (cli_parse_id("inquiry", "an inquiry", ops.first, &id))
		return EXIT_USAGE;
	char at[20], today[11];
	if (now_text(at, today))
		return EXIT_FAILURE;
	struct journal *j = cli_journal(cli, 0);
	if (!j)
		return EXIT_FAILURE;
	struct px_error err;
	px_error_clear(&err);
	int rc = reopen ? inquiry_reopen(j, id, &err) : inquiry_close(j, id, summary, at, &err);
	if (rc < 0)
		return cli_fail(&err);
	printf("%s inquiry %lld\n", reopen ? "reopened" : "closed", (long long)id);
	return 0;
}

int cmd_inquiry(struct cli *cli, int argc, char **argv)
{
	static const char *const verbs[] = { "new", "list", "show", "close", "reopen" };
	if (argc < 2)
		return inquiry_list_cmd(cli, argc, argv);
	const char *verb = argv[1];
	if (strcmp(verb, "-h") == 0 || strcmp(verb, "--help") == 0)
		return cli_help_for("inquiry");
	if (verb[0] == '-')
		return inquiry_list_cmd(cli, argc, argv);
	if (strcmp(verb, "new") == 0)
		return inquiry_new_cmd(cli, argc - 1, argv + 1);
	if (strcmp(verb, "list") == 0)
		return inquiry_list_cmd(cli, argc - 1, argv + 1);
	if (strcmp(verb, "show") == 0)
		return inquiry_show_cmd(cli, argc - 1, argv + 1);
	if (strcmp(verb, "close") == 0)
		return inquiry_close_cmd(cli, argc - 1, argv + 1, 0);
	if (strcmp(verb, "reopen") == 0)
		return inquiry_close_cmd(cli, argc - 1, argv + 1, 1);
	const char *near = suggest_nearest(verb, verbs, sizeof verbs / sizeof verbs[0]);
	if (near)
		return cli_usage("inquiry", "'%s' is not an inquiry command (did you mean '%s'?)",
				 verb, near);
	return cli_usage("inquiry", "'%s' is not an inquiry command (new, list, show, close, "
			 "reopen)", verb);
}
