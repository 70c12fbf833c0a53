/*
 * cmd_new.c — `praxis new` (a guided entry: a template run in line mode or
 * from an answers file; or a resumed draft) and `praxis follow-up` (the
 * run that closes an action's cycle).
 */
#include "cli.h"

#include "praxis/action.h"
#include "praxis/buf.h"
#include "praxis/draft.h"
#include "praxis/engine.h"
#include "praxis/entry.h"
#include "praxis/template.h"

#include <stdlib.h>
#include <string.h>

struct new_opts {
	struct engine_start start;
	const char *answers;
	const char *date;
	int64_t resume;
	int blank;
	char occurred[20];
};

static int parse_new(const char *cmd, int argc, char **argv, struct new_opts *o)
{
	static const struct option longopts[] = {
		{ "template", required_argument, NULL, 't' }, { "frame", required_argument, NULL, 'f' },
		{ "inquiry", required_argument, NULL, 'q' },  { "answers", required_argument, NULL, 'a' },
		{ "resume", required_argument, NULL, 'r' },   { "blank", no_argument, NULL, 'b' },
		{ "title", required_argument, NULL, 'T' },    { "date", required_argument, NULL, 'd' },
		{ "period", required_argument, NULL, 'P' },   { "private", no_argument, NULL, 'p' },
		{ "help", no_argument, NULL, 'h' },           { NULL, 0, NULL, 0 },
	};
	struct px_error err;
	enum entry_frame frame;
	int c;
	while ((c = cli_getopt(cmd, argc, argv, "t:f:q:a:d:ph", longopts)) != -1) {
		px_error_clear(&err);
		switch (c) {
		case 't': o->start.template_id = optarg; break;
		case 'f':
			if (entry_frame_parse(optarg, &frame, &err) < 0)
				return cli_usage(cmd, "%s", err.msg);
			o->start.frame = (int)frame;
			break;
		case 'q':
			if (cli_parse_id(cmd, "an inquiry", optarg, &o->start.inquiry_id))
				return EXIT_USAGE;
			break;
		case 'a': o->answers = optarg; break;
		case 'r':
			if (cli_parse_id(cmd, "a draft", optarg, &o->resume))
				return EXIT_USAGE;
			break;
		case 'b': o->blank = 1; break;
		case 'T': o->start.title = optarg; break;
		case 'd': o->date = optarg; break;
		case 'P': o->start.period = optarg; break;
		case 'p': o->start.is_private = 1; break;
		case 'h': cli_help_for(cmd); return -1;
		default: return EXIT_USAGE;
		}
	}
	int operands = strcmp(cmd, "follow-up") == 0 ? 1 : 0;
	if (argc - optind > operands)
		return cli_usage(cmd, "unexpected argument '%s'", argv[optind + operands]);
	if (argc - optind < operands)
		return cli_usage(cmd, "which action? give its id ('praxis due' lists them)");
	return 0;
}

static int resolve_date(const char *cmd, struct new_opts *o)
{
	if (!o->date)
		return 0;
	struct px_datetime now, when;
	struct px_error err;
	px_error_clear(&err);
	if (cli_now(&now))
		return EXIT_FAILURE;
	if (date_parse_expr(o->date, &now, DATE_PAST, &when, &err) < 0)
		return cli_usage(cmd, "--date: %s", err.msg);
	if (!when.has_time) {
		when.hour = now.hour, when.minute = now.minute, when.second = now.second;
		when.has_time = 1;
	}
	datetime_format(&when, o->occurred);
	o->start.occurred_at = o->occurred;
	return 0;
}

/* `new --blank`: no prompts; the same as `add` with the frame and inquiry. */
static int run_blank(struct cli *cli, const struct new_opts *o)
{
	struct px_buf inq = PX_BUF_INIT;
	char *args[12];
	char a_add[] = "add", a_frame[] = "--frame", a_inquiry[] = "--inquiry", a_title[] = "--title";
	char a_private[] = "--private", a_date[] = "--date";
	int n = 0;
	args[n++] = a_add;
	if (o->start.frame >= 0) {
		args[n++] = a_frame;
		args[n++] = (char *)entry_frame_name((enum entry_frame)o->start.frame);
	}
	if (o->start.inquiry_id) {
		px_buf_addf(&inq, "%lld", (long long)o->start.inquiry_id);
		args[n++] = a_inquiry;
		args[n++] = inq.data;
	}
	if (o->start.title) {
		args[n++] = a_title;
		args[n++] = (char *)o->start.title;
	}
	if (o->date) {
		args[n++] = a_date;
		args[n++] = (char *)o->date;
	}
	if (o->start.is_private)
		args[n++] = a_private;
	args[n] = NULL;
	optind = 0;
	int rc = cmd_add(cli, n, args);
	px_buf_free(&inq);
	return rc;
}

/* A free-writing draft: back to the editor (on a terminal), then saved as
 * the entry it was, or a new note. */
static int resume_writing(struct cli *cli, struct journal *j, struct draft *d)
{
	struct px_error err;
	px_error_clear(&err);
	char *text = px_xstrdup(d->payload);
	if (cli->stdin_tty) {
		char *edited = NULL;
		if (editor_run(d->payload, ".md", &edited, &err) < 0) {
			free(edited);
			free(text);
			return cli_fail(&err);
		}
		free(text);
		text = edited;
	}
	/* Back into the entry it was editing; if that entry is gone for good,
	 * the text becomes a new note rather than being lost. */
	struct entry e;
	bool update = d->entry_id && entry_get(j, d->entry_id, &e, NULL) == 0 && !e.deleted_at[0];
	if (update) {
		entry_forget_derived(&e);
		entry_set(&e.title, "");
	} else {
		if (d->entry_id)
			entry_free(&e);
		entry_init(&e);
	}
	int rc = 0;
	entry_split_text(&e, text);
	if (journal_begin(j, &err) < 0 ||
	    (update ? entry_update(j, &e, &err) : entry_add(j, &e, &err)) < 0 ||
	    draft_delete(j, d->id, &err) < 0 || journal_commit(j, &err) < 0) {
		journal_rollback(j);
		rc = cli_fail(&err);
	} else {
		printf("%s entry %lld from draft %lld\n", update ? "updated" : "added",
		       (long long)e.id, (long long)d->id);
	}
	entry_free(&e);
	free(text);
	return rc;
}

static int resume(struct cli *cli, struct new_opts *o)
{
	struct journal *j = cli_journal(cli, 0);
	if (!j)
		return EXIT_FAILURE;
	struct px_error err;
	px_error_clear(&err);
	struct draft d;   /* draft_get fills it whole */
	if (draft_get(j, o->resume, &d, &err) < 0) {
		draft_free(&d);
		return cli_fail(&err);
	}
	int rc;
	if (d.kind == DRAFT_ENTRY) {
		rc = resume_writing(cli, j, &d);
	} else {
		struct engine *e = NULL;
		if (engine_resume(j, cli_templates(cli), o->resume, &e, &err) < 0)
			rc = cli_template_missing(cli, &err);
		else
			rc = cli_run_engine(cli, e, o->answers);
		engine_free(e);
	}
	draft_free(&d);
	return rc;
}

static int start_run(struct cli *cli, struct new_opts *o)
{
	struct journal *j = cli_journal(cli, 1);
	if (!j)
		return EXIT_FAILURE;
	struct px_error err;
	px_error_clear(&err);
	struct engine *e = NULL;
	int rc;
	if (engine_start(j, cli_templates(cli), &o->start, &e, &err) < 0)
		rc = err.code == PX_ERR_NOT_FOUND && strstr(err.msg, "no template")
			     ? cli_template_missing(cli, &err) : cli_fail(&err);
	else
		rc = cli_run_engine(cli, e, o->answers);
	engine_free(e);
	return rc;
}

int cmd_new(struct cli *cli, int argc, char **argv)
{
	struct new_opts o = { 0 };
	engine_start_init(&o.start);
	int rc = parse_new("new", argc, argv, &o);
	if (rc == 0)
		rc = resolve_date("new", &o);
	if (rc != 0)
		return rc < 0 ? 0 : rc;
	if (o.blank && (o.start.template_id || o.answers || o.resume))
		return cli_usage("new", "--blank writes without prompts: it takes no --template, "
				 "--answers or --resume");
	if (o.resume && (o.start.template_id || o.start.frame >= 0 || o.start.inquiry_id))
		return cli_usage("new", "--resume continues a draft as it was: no --template, "
				 "--frame or --inquiry");
	if (o.blank)
		return run_blank(cli, &o);
	if (o.resume)
		return resume(cli, &o);
	if (!o.start.template_id)
		o.start.template_id = engine_default_template(
			o.start.frame >= 0 ? (enum entry_frame)o.start.frame
					   : o.start.inquiry_id ? FRAME_INQUIRY : FRAME_NOTE);
	if (!o.answers && !cli->stdin_tty)
		fprintf(stderr, "praxis: note: reading answers from standard input, one step at a "
			"time\n");
	return start_run(cli, &o);
}

int cmd_follow_up(struct cli *cli, int argc, char **argv)
{
	struct new_opts o = { 0 };
	engine_start_init(&o.start);
	/* `follow-up ID --answers F` reads as naturally as the other order:
	 * move a leading ID behind the options. */
	if (argc > 2 && argv[1][0] != '-') {
		char *id = argv[1];
		memmove(&argv[1], &argv[2], (size_t)(argc - 2) * sizeof *argv);
		argv[argc - 1] = id;
	}
	int rc = parse_new("follow-up", argc, argv, &o);
	if (rc == 0 && cli_parse_id("follow-up", "an action", argv[optind], &o.start.action_id))
		rc = EXIT_USAGE;
	if (rc == 0)
		rc = resolve_date("follow-up", &o);
	if (rc != 0)
		return rc < 0 ? 0 : rc;
	if (o.blank || o.resume || o.start.frame >= 0 || o.start.inquiry_id)
		return cli_usage("follow-up", "a follow-up takes its frame and inquiry from the "
				 "action; use --template, --answers, --title or --date");
	struct journal *j = cli_journal(cli, 0);
	if (!j)
		return EXIT_FAILURE;
	struct px_error err;
	px_error_clear(&err);
	struct action a;
	if (action_get(j, o.start.action_id, &a, &err) < 0)
		return cli_fail(&err);
	char *tpl = px_xstrdup(a.follow_up_template);
	action_free(&a);
	if (!o.start.template_id)
		o.start.template_id = tpl;
	rc = start_run(cli, &o);
	free(tpl);
	return rc;
}
