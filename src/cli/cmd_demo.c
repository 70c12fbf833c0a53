/*
 * cmd_demo.c — `praxis demo [--db PATH]`: make a demo journal a newcomer
 * opens first, to see what praxis does with three months of someone's
 * reflection, and print a short tour of it.
 *
 * The demo only ever makes a new journal: a file already at the path is
 * refused untouched, because a learner's own journal must never receive
 * someone else's entries.  The content is the script beside the bundled
 * templates (demo.h, prompts/demo/journal.yaml), written by the core on
 * today's date so the demo always ends near today; the bundled templates
 * alone are used, so a template of the user's own with the same id cannot
 * make the script's answers fail.  If building fails the new file is
 * removed again, so the next try is not refused.
 */
#include "cli.h"

#include "praxis/action.h"
#include "praxis/buf.h"
#include "praxis/demo.h"
#include "praxis/entry.h"
#include "praxis/inquiry.h"
#include "praxis/template.h"
#include "praxis/text.h"

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- before anything is written ------------------------------------------------ */

/* The journal to make: --db (the command's or the global one), else the
 * default path.  *EXPLICIT says whether the tour must repeat it. */
static int demo_path(struct cli *cli, const char *opt, char **path, int *explicit)
{
	const char *given = opt ? opt : cli->db_option;
	*explicit = given != NULL;
	if (given) {
		*path = px_xstrdup(given);
		return 0;
	}
	struct px_error err;
	px_error_clear(&err);
	return journal_default_path(path, &err) < 0 ? cli_fail(&err) : 0;
}

static int refuse_existing(const char *path)
{
	struct stat st;
	if (lstat(path, &st) == 0)
		return cli_failf("%s: already exists; the demo only makes a new journal (try --db "
				 "~/praxis-demo/journal.db)", path);
	if (errno != ENOENT)
		return cli_failf("%s: %s", path, strerror(errno));
	return 0;
}

/* The script beside the bundled templates, and the templates themselves. */
static int load_script(char **script_path, char **text, size_t *len)
{
	char *dir = template_dir_bundled();
	if (!dir)
		return cli_failf("the bundled templates are not installed, so there is no demo "
				 "script to build from");
	struct px_buf b = PX_BUF_INIT;
	px_buf_addf(&b, "%s/%s", dir, DEMO_FILE);
	free(dir);
	*script_path = px_buf_detach(&b);
	struct px_error err;
	px_error_clear(&err);
	if (editor_read_file(*script_path, DEMO_MAX_SCRIPT, text, len, &err) == 0)
		return 0;
	if (err.code == PX_ERR_NOT_FOUND)
		return cli_failf("%s: the demo script is missing (it is installed with the bundled "
				 "templates)", *script_path);
	return cli_fail(&err);
}

static struct template_set *bundled_templates(void)
{
	char *dir = template_dir_bundled();
	struct template_dir d = { dir, TEMPLATE_SOURCE_BUNDLED };
	struct template_diags *diags = template_diags_new();
	struct template_set *set = template_set_load(&d, 1, diags);
	template_diags_free(diags);
	free(dir);
	return set;
}

/* ---- the tour ---------------------------------------------------------------------- */

struct tour {
	struct journal *j;
	char today[11];
	int64_t first_incident;     /* 0: none */
	int64_t first_inquiry;      /* 0: none */
	char first_day[20], last_day[20];
	size_t open, overdue;
};

static int note_incident(const struct entry_summary *s, void *ctx)
{
	((struct tour *)ctx)->first_incident = s->id;
	return 1;
}

static int note_first(const struct entry_summary *s, void *ctx)
{
	snprintf(((struct tour *)ctx)->first_day, 20, "%s", s->occurred_at);
	return 1;
}

static int note_last(const struct entry_summary *s, void *ctx)
{
	snprintf(((struct tour *)ctx)->last_day, 20, "%s", s->occurred_at);
	return 1;
}

static int count_open(const struct action *a, void *ctx)
{
	struct tour *t = ctx;
	t->open++;
	if (strcmp(a->due_date, t->today) < 0)
		t->overdue++;
	return 0;
}

/* "Mon 15 Dec 2025" from a stored date-time. */
static void human_day(const char *stored, char *out, size_t size)
{
	struct px_datetime dt;
	char day[11];
	snprintf(day, sizeof day, "%.10s", stored);
	if (datetime_parse_storage(day, &dt) == 0)
		date_format_human(&dt.date, out, size);
	else
		snprintf(out, size, "%s", day);
}

#define TOUR_WIDTH 76

/* TEXT word-wrapped to TOUR_WIDTH columns, each line after INDENT. */
static void print_wrapped(const char *indent, const char *text)
{
	char *safe = text_escape_controls(text);
	int col = 0, lead = text_width(indent);
	for (char *p = safe; *p;) {
		size_t n = strcspn(p, " \n");
		char *word = px_xstrndup(p, n);
		int w = text_width(word);
		if (col && col + 1 + w > TOUR_WIDTH) {
			fputc('\n', stdout);
			col = 0;
		}
		if (!col) {
			fputs(indent, stdout);
			col = lead;
		} else {
			fputc(' ', stdout);
			col++;
		}
		fputs(word, stdout);
		col += w;
		free(word);
		p += n;
		p += strspn(p, " \n");
	}
	if (col)
		fputc('\n', stdout);
	free(safe);
}

static int print_inquiry(const struct inquiry *q, void *ctx)
{
	struct tour *t = ctx;
	if (!t->first_inquiry || q->id < t->first_inquiry)
		t->first_inquiry = q->id;
	struct chain_totals totals = { 0 };
	inquiry_chain(t->j, q->id, t->today, NULL, NULL, &totals, NULL);
	printf("\nInquiry %lld (%s):\n", (long long)q->id, inquiry_status_name(q->status));
	print_wrapped("  ", q->question);
	printf("  %d entries; %d of its %d cycles closed\n", totals.steps, totals.cycles_closed,
	       totals.actions);
	return 0;
}

static int print_due(const struct action *a, void *ctx)
{
	struct tour *t = ctx;
	printf("  action %lld, %s %s:\n", (long long)a->id,
	       strcmp(a->due_date, t->today) < 0 ? "overdue since" : "due", a->due_date);
	print_wrapped("    ", a->text);
	return 0;
}

/* PATH as one shell word. */
static void shell_word(struct px_buf *b, const char *path)
{
	if (path[strspn(path, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
			      "0123456789/._-+:@%=,")] == '\0') {
		px_buf_adds(b, path);
		return;
	}
	px_buf_addc(b, '\'');
	for (const char *p = path; *p; p++) {
		if (*p == '\'')
			px_buf_adds(b, "'\\''");
		else
			px_buf_addc(b, *p);
	}
	px_buf_addc(b, '\'');
}

/* The commands to try next, each with what it shows.  A command the
 * table does not hold is left out, so the tour never suggests one this
 * build lacks (`review` comes with the review module). */
static void print_next(const struct tour *t, const char *path, int explicit)
{
	char show[32], inquiry[32];
	snprintf(show, sizeof show, "show %lld", (long long)t->first_incident);
	snprintf(inquiry, sizeof inquiry, "inquiry show %lld", (long long)t->first_inquiry);
	const struct { const char *cmd, *args, *what; bool shown; } next[] = {
		{ "list", "list", "every entry, newest first", true },
		{ "show", show, "a critical incident in full, with its actions",
		  t->first_incident != 0 },
		{ "due", "due", "what is due for a follow-up, and what is overdue", true },
		{ "inquiry", inquiry, "the inquiry, cycle by cycle", t->first_inquiry != 0 },
		{ "review", "review last month", "the last month looked at as a whole", true },
		{ "tags", "tags", "the themes, with how often each came up", true },
	};
	struct px_buf prefix = PX_BUF_INIT;
	px_buf_adds(&prefix, "praxis ");
	if (explicit) {
		px_buf_adds(&prefix, "--db ");
		shell_word(&prefix, path);
		px_buf_addc(&prefix, ' ');
	}
	printf("\nTry:\n");
	for (size_t i = 0; i < sizeof next / sizeof next[0]; i++) {
		if (!next[i].shown || !command_find(next[i].cmd))
			continue;
		struct px_buf line = PX_BUF_INIT;
		px_buf_addf(&line, "%s%s", prefix.data, next[i].args);
		printf("  %-*s  %s\n", (int)prefix.len + 14, line.data, next[i].what);
		px_buf_free(&line);
	}
	px_buf_free(&prefix);
}

static void print_tour(struct journal *j, const char *path, int explicit,
		       const struct demo_stats *st, const struct px_datetime *now)
{
	struct tour t = { .j = j };
	date_format(&now->date, t.today);
	struct entry_filter f;
	entry_filter_init(&f);
	f.limit = 1;
	entry_list(j, &f, note_last, &t, NULL);
	f.oldest_first = 1;
	entry_list(j, &f, note_first, &t, NULL);
	f.frame = FRAME_INCIDENT;
	entry_list(j, &f, note_incident, &t, NULL);
	action_list_due(j, t.today, ACTION_MAX_UPCOMING, count_open, &t, NULL);
	char from[32], to[32];
	human_day(t.first_day, from, sizeof from);
	human_day(t.last_day, to, sizeof to);

	printf("A demo journal is ready: ");
	cli_print_safe(stdout, path);
	printf("\n\n");
	if (st->about[0]) {
		print_wrapped("  ", st->about);
		printf("\n");
	}
	printf("  %zu entries, %s to %s\n", st->entries, from, to);
	printf("    %zu guided by a reflective model, %zu written freely\n", st->guided,
	       st->entries - st->guided);
	printf("  %zu actions planned and %zu follow-ups written\n", st->actions, st->follow_ups);
	printf("    %zu still open, %zu of them overdue\n", t.open, t.overdue);
	inquiry_list(j, INQUIRY_ALL, print_inquiry, &t, NULL);
	printf("\nDue now:\n");
	if (action_list_due(j, t.today, 0, print_due, &t, NULL) == 0)
		printf("  nothing\n");
	print_next(&t, path, explicit);
}

/* ---- the command ------------------------------------------------------------------------- */

/* Remove the journal this command made (and SQLite's files beside it). */
static void remove_journal(const char *path)
{
	static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };
	for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
		struct px_buf b = PX_BUF_INIT;
		px_buf_addf(&b, "%s%s", path, suffixes[i]);
		unlink(b.data);
		px_buf_free(&b);
	}
}

/* Make the journal at PATH and build the script into it. */
static int build(const char *path, int explicit, const char *script_path, const char *text,
		 size_t len)
{
	struct px_datetime now;
	if (cli_now(&now))
		return EXIT_FAILURE;
	struct template_set *set = bundled_templates();
	struct px_error err;
	px_error_clear(&err);
	struct journal *j = NULL;
	struct demo_stats st;
	int rc = EXIT_FAILURE;
	if (journal_open(path, JOURNAL_CREATE, &j, &err) < 0) {
		rc = cli_fail(&err);
	} else if (demo_build(j, set, text, len, script_path, &now, &st, &err) < 0) {
		rc = cli_fail(&err);
		journal_close(j);
		j = NULL;
		remove_journal(path);
	} else {
		print_tour(j, path, explicit, &st, &now);
		rc = 0;
	}
	if (j && journal_close(j) != 0 && rc == 0)
		rc = cli_failf("closing the journal: a change was left unfinished");
	template_set_free(set);
	return rc;
}

int cmd_demo(struct cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "db", required_argument, NULL, 'b' }, { "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *opt = NULL;
	int c;
	while ((c = cli_getopt("demo", argc, argv, "h", longopts)) != -1) {
		if (c == 'h')
			return cli_help_for("demo");
		if (c != 'b')
			return EXIT_USAGE;
		if (!*optarg)
			return cli_usage("demo", "option '--db' needs a path");
		opt = optarg;
	}
	if (optind < argc)
		return cli_usage("demo", "unexpected argument '%s'", argv[optind]);
	char *path = NULL, *script_path = NULL, *text = NULL;
	size_t len = 0;
	int explicit = 0;
	int rc = demo_path(cli, opt, &path, &explicit);
	if (rc == 0)
		rc = refuse_existing(path);
	if (rc == 0)
		rc = load_script(&script_path, &text, &len);
	if (rc == 0)
		rc = build(path, explicit, script_path, text, len);
	free(path);
	free(script_path);
	free(text);
	return rc;
}
