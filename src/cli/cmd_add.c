/*
 * cmd_add.c — `praxis add`: write a new entry.
 *
 * The text comes from the arguments, else from standard input when it is
 * not a terminal, else from $EDITOR.  Whatever the learner typed is never
 * lost: if the editor fails or the save fails, the text is kept as a draft
 * in the journal, or if even that fails in a recovery file (recover.c).
 */
#include "cli.h"

#include "praxis/buf.h"
#include "praxis/draft.h"
#include "praxis/entry.h"
#include "praxis/text.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define ADD_MAX_BYTES (64u * 1024 * 1024)

static int read_stdin(char **out)
{
	struct px_buf b = PX_BUF_INIT;
	char chunk[65536];
	for (;;) {
		ssize_t n = read(STDIN_FILENO, chunk, sizeof chunk);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			px_buf_free(&b);
			return cli_failf("reading standard input: %s", strerror(errno));
		}
		if (n == 0)
			break;
		if (b.len + (size_t)n > ADD_MAX_BYTES) {
			px_buf_free(&b);
			return cli_failf("standard input: the text is over 64 MB");
		}
		px_buf_add(&b, chunk, (size_t)n);
	}
	/* Text after a NUL would vanish without a word (C strings end there). */
	const char *nul = b.len ? memchr(b.data, '\0', b.len) : NULL;
	if (nul) {
		size_t at = (size_t)(nul - b.data);
		px_buf_free(&b);
		return cli_failf("standard input: the text holds a NUL byte (at byte %zu); nothing "
				 "was saved", at + 1);
	}
	*out = px_buf_detach(&b);
	return 0;
}

/* Keep TEXT as a draft so nothing typed is lost; prints what happened. */
void cli_keep_draft(struct cli *cli, const char *text, int64_t entry_id, const char *why)
{
	if (text_is_blank(text))
		return;
	struct journal *j = cli_journal(cli, 1);
	struct px_error err;
	px_error_clear(&err);
	struct draft d;
	draft_init(&d);
	d.kind = DRAFT_ENTRY;
	d.entry_id = entry_id;
	draft_set(&d.label, why);
	draft_set(&d.payload, text);
	if (j && draft_save(j, &d, &err) == 0) {
		fprintf(stderr, "praxis: your text is kept as draft %lld ('praxis drafts' lists it)\n",
			(long long)d.id);
	} else {
		if (j)
			cli_failf("your text could not be kept as a draft either: %s", err.msg);
		cli_recover("entry", text);
	}
	draft_free(&d);
}

struct add_opts {
	struct entry e;
	const char *date, *from, *to;
	int64_t inquiry;
};

static int parse_add(int argc, char **argv, struct add_opts *o)
{
	static const struct option longopts[] = {
		{ "frame", required_argument, NULL, 'f' }, { "title", required_argument, NULL, 't' },
		{ "tag", required_argument, NULL, 'g' },   { "date", required_argument, NULL, 'd' },
		{ "from", required_argument, NULL, 'F' },  { "to", required_argument, NULL, 'T' },
		{ "inquiry", required_argument, NULL, 'q' }, { "private", no_argument, NULL, 'p' },
		{ "help", no_argument, NULL, 'h' },         { NULL, 0, NULL, 0 },
	};
	struct px_error err;
	int c;
	while ((c = cli_getopt("add", argc, argv, "f:t:g:d:q:ph", longopts)) != -1) {
		px_error_clear(&err);
		switch (c) {
		case 'f':
			if (entry_frame_parse(optarg, &o->e.frame, &err) < 0)
				return cli_usage("add", "%s", err.msg);
			break;
		case 't': entry_set(&o->e.title, optarg); break;
		case 'g':
			if (text_tag_valid(optarg, &err) < 0)
				return cli_usage("add", "%s", err.msg);
			strlist_add_unique(&o->e.tags, optarg[0] == '#' ? optarg + 1 : optarg);
			break;
		case 'd': o->date = optarg; break;
		case 'F': o->from = optarg; break;
		case 'T': o->to = optarg; break;
		case 'q':
			if (cli_parse_id("add", "an inquiry", optarg, &o->inquiry) != 0)
				return EXIT_USAGE;
			break;
		case 'p': o->e.is_private = 1; break;
		case 'h': cli_help_for("add"); return -1;
		default: return EXIT_USAGE;
		}
	}
	return 0;
}

/* Resolve --date, --from and --to against now into the entry. */
static int resolve_dates(struct add_opts *o, const struct px_datetime *now)
{
	struct px_error err;
	px_error_clear(&err);
	struct px_datetime when = *now;
	if (o->date && date_parse_expr(o->date, now, DATE_PAST, &when, &err) < 0)
		return cli_usage("add", "--date: %s", err.msg);
	if (!when.has_time)
		when.hour = when.minute = when.second = 0;
	datetime_format(&when, o->e.occurred_at);
	if ((o->from || o->to) && o->e.frame != FRAME_PERIOD)
		return cli_usage("add", "--from and --to belong to a time-period entry (--frame period)");
	if (o->e.frame != FRAME_PERIOD)
		return 0;
	struct px_date_range week;
	if (date_parse_range("this week", &when, &week, &err) < 0)
		return cli_fail(&err);
	struct px_datetime from = { .date = week.from }, to = { .date = week.to };
	if (o->from && date_parse_expr(o->from, now, DATE_PAST, &from, &err) < 0)
		return cli_usage("add", "--from: %s", err.msg);
	if (o->to && date_parse_expr(o->to, now, DATE_PAST, &to, &err) < 0)
		return cli_usage("add", "--to: %s", err.msg);
	date_format(&from.date, o->e.period_start);
	date_format(&to.date, o->e.period_end);
	return 0;
}

static int gather_text(struct cli *cli, int argc, char **argv, char **text)
{
	if (optind < argc) {
		struct px_buf b = PX_BUF_INIT;
		for (int i = optind; i < argc; i++) {
			if (i > optind)
				px_buf_addc(&b, ' ');
			px_buf_adds(&b, argv[i]);
		}
		*text = px_buf_detach(&b);
		return 0;
	}
	if (!cli->stdin_tty)
		return read_stdin(text);
	struct px_error err;
	px_error_clear(&err);
	if (editor_run("", ".md", text, &err) < 0) {
		int rc = cli_fail(&err);
		cli_keep_draft(cli, *text, 0, "new entry (editor failed)");
		free(*text);
		*text = NULL;
		return rc;
	}
	return 0;
}

int cmd_add(struct cli *cli, int argc, char **argv)
{
	struct add_opts o = { 0 };
	entry_init(&o.e);
	char *text = NULL;
	struct px_datetime now;
	int rc = parse_add(argc, argv, &o);
	if (rc == 0)
		rc = cli_now(&now);
	if (rc == 0)
		rc = resolve_dates(&o, &now);
	if (rc == 0)
		rc = gather_text(cli, argc, argv, &text);
	if (rc != 0) {
		entry_free(&o.e);
		return rc < 0 ? 0 : rc;
	}
	entry_split_text(&o.e, text);
	o.e.inquiry_id = o.inquiry;
	struct journal *j = cli_journal(cli, 1);
	struct px_error err;
	px_error_clear(&err);
	/* Text typed into an editor is kept; text from arguments or a pipe
	 * still exists where it came from. */
	int typed = cli->stdin_tty && optind >= argc;
	if (!j) {
		rc = EXIT_FAILURE;
		if (typed)
			cli_keep_draft(cli, text, 0, "new entry (the journal would not open)");
	} else if (entry_add(j, &o.e, &err) < 0) {
		rc = cli_fail(&err);
		if (typed && err.code != PX_ERR_INVALID)
			cli_keep_draft(cli, text, 0, "new entry (could not be saved)");
	} else {
		printf("added entry %lld\n", (long long)o.e.id);
	}
	free(text);
	entry_free(&o.e);
	return rc;
}
