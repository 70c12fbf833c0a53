/*
 * cmd_export.c — `praxis export`: chosen entries as a document for a tutor
 * (Markdown, HTML, plain text, DOCX or PDF) or as praxis JSON, to standard
 * output or a file.  The core does the work (export.h); this parses the
 * selection, says what was written and reports word limits on standard
 * error without touching the text.
 */
#include "cli.h"

#include "praxis/buf.h"
#include "praxis/export.h"
#include "praxis/template.h"
#include "praxis/text.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_OPERANDS EXPORT_MAX_IDS

struct export_args {
	struct export_options o;
	const char *output;
	const char *since, *until, *range;
	size_t word_limit;
	int64_t *ids;
	char **operands;
	int n_operands;
};

static int parse_limit(const char *opt, const char *text, size_t *out)
{
	return cli_parse_count("export", opt, text, out);
}

static int parse_option(struct export_args *a, int c)
{
	struct px_error err;
	px_error_clear(&err);
	enum entry_frame fr;
	switch (c) {
	case 'F':
		if (export_format_parse(optarg, &a->o.format, &err) < 0)
			return cli_usage("export", "%s", err.msg);
		return 0;
	case 'o':   /* "-" is standard output, as for import; a file named "-" is ./- */
		a->output = strcmp(optarg, "-") == 0 ? NULL : optarg;
		return 0;
	case 'f':
		if (entry_frame_parse(optarg, &fr, &err) < 0)
			return cli_usage("export", "%s", err.msg);
		a->o.sel.frame = (int)fr;
		return 0;
	case 'g': a->o.sel.tag = optarg; return 0;
	case 'P': a->o.sel.person = optarg; return 0;
	case 'q': return cli_parse_id("export", "an inquiry", optarg, &a->o.sel.inquiry_id);
	case 't': a->o.sel.template_id = optarg; return 0;
	case 's': a->o.sel.query = optarg; return 0;
	case 'S': a->since = optarg; return 0;
	case 'U': a->until = optarg; return 0;
	case 'r': a->range = optarg; return 0;
	case 'p': a->o.sel.include_private = 1; return 0;
	case 'A': a->o.anonymise = 1; return 0;
	case 'W': return parse_limit("--word-limit", optarg, &a->word_limit);
	case 'E': return parse_limit("--entry-limit", optarg, &a->o.entry_limit);
	case 'T': a->o.title = optarg; return 0;
	case 'a': a->o.author = optarg; return 0;
	case 'c': a->o.course = optarg; return 0;
	default: return EXIT_USAGE;
	}
}

static int parse_export(struct cli *cli, int argc, char **argv, struct export_args *a)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'F' }, { "output", required_argument, NULL, 'o' },
		{ "frame", required_argument, NULL, 'f' }, { "tag", required_argument, NULL, 'g' },
		{ "person", required_argument, NULL, 'P' }, { "inquiry", required_argument, NULL, 'q' },
		{ "template", required_argument, NULL, 't' },
		{ "search", required_argument, NULL, 's' },
		{ "since", required_argument, NULL, 'S' }, { "until", required_argument, NULL, 'U' },
		{ "range", required_argument, NULL, 'r' },
		{ "include-private", no_argument, NULL, 'p' },
		{ "anonymise", no_argument, NULL, 'A' }, { "anonymize", no_argument, NULL, 'A' },
		{ "word-limit", required_argument, NULL, 'W' },
		{ "entry-limit", required_argument, NULL, 'E' },
		{ "title", required_argument, NULL, 'T' }, { "author", required_argument, NULL, 'a' },
		{ "course", required_argument, NULL, 'c' },
		{ "help", no_argument, NULL, 'h' }, { NULL, 0, NULL, 0 },
	};
	int c;
	a->operands = px_xcalloc(MAX_OPERANDS + 1, sizeof *a->operands);
	while ((c = cli_getopt_mixed("export", argc, argv, "o:f:g:P:q:t:r:h", longopts, a->operands,
				     MAX_OPERANDS, &a->n_operands)) != -1) {
		if (c == 'h') {
			cli_help_for("export");
			return -1;
		}
		if (c == '?')
			return EXIT_USAGE;
		int rc = parse_option(a, c);
		if (rc)
			return rc;
	}
	if (a->n_operands) {
		a->ids = px_xcalloc((size_t)a->n_operands, sizeof *a->ids);
		for (int i = 0; i < a->n_operands; i++)
			if (cli_parse_id("export", "an entry", a->operands[i], &a->ids[i]))
				return EXIT_USAGE;
		a->o.sel.ids = a->ids;
		a->o.sel.n_ids = (size_t)a->n_operands;
		a->o.sel.ids_strict = 1;   /* an ID typed is an entry wanted */
	}
	if (export_format_binary(a->o.format) && !a->output && cli->stdout_tty)
		return cli_usage("export", "--format %s makes a binary file: give it one with -o FILE",
				 export_format_name(a->o.format));
	return cli_resolve_range("export", a->since, a->until, a->range, a->o.sel.from,
				 a->o.sel.to);
}

static const struct template_set *templates_for_export(void *ctx)
{
	return cli_templates(ctx);
}

static void say_count(struct px_buf *b, size_t n, const char *one, const char *many)
{
	px_buf_addf(b, "%zu %s", n, n == 1 ? one : many);
}

/* Word limits go to standard error; the export itself is never changed. */
static void report_limits(const struct export_args *a, const struct export_report *r)
{
	size_t limit = a->o.entry_limit;
	for (size_t i = 0; i < r->n_over; i++) {
		const struct export_overrun *ov = &r->over[i];
		char *title = text_truncate(ov->title, 50, "\xe2\x80\xa6");
		fprintf(stderr, "praxis: export: entry %lld (%.10s) '", (long long)ov->id,
			ov->occurred_at);
		cli_print_safe(stderr, title);
		fprintf(stderr, "' has %zu words, %zu over the %s limit of %zu\n", ov->words,
			ov->words - limit, a->word_limit && limit == a->word_limit ? "word" : "entry",
			limit);
		free(title);
	}
	if (a->word_limit && r->words > a->word_limit)
		fprintf(stderr, "praxis: export: the %zu entries have %zu words in all, %zu over the "
			"word limit of %zu\n", r->entries, r->words, r->words - a->word_limit,
			a->word_limit);
	if (r->unread_templates)
		fprintf(stderr, "praxis: export: note: %zu template version%s could not be read, so "
			"%s references are missing\n", r->unread_templates,
			r->unread_templates == 1 ? "" : "s", r->unread_templates == 1 ? "its" : "their");
}

static int run_export(struct cli *cli, struct export_args *a)
{
	struct journal *j = cli_journal(cli, 0);
	if (!j)
		return EXIT_FAILURE;
	int checked = cli_check_names(cli, j, a->o.sel.tag, a->o.sel.person, a->o.sel.template_id);
	if (checked != 0)
		return checked;
	a->o.templates = templates_for_export;
	a->o.templates_ctx = cli;
	/* --word-limit checks every entry too, unless --entry-limit says otherwise. */
	if (a->word_limit && !a->o.entry_limit)
		a->o.entry_limit = a->word_limit;
	struct export_report r;
	struct px_error err;
	px_error_clear(&err);
	int rc = a->output ? export_to_path(j, &a->o, a->output, &r, &err)
			   : export_to_fd(j, &a->o, STDOUT_FILENO, &r, &err);
	if (rc < 0) {
		export_report_free(&r);
		return cli_fail(&err);
	}
	if (a->output) {
		struct px_buf b = PX_BUF_INIT;
		px_buf_adds(&b, "exported ");
		say_count(&b, r.entries, "entry", "entries");
		px_buf_adds(&b, ", ");
		say_count(&b, r.words, "word", "words");
		px_buf_addf(&b, ", to %s\n", a->output);
		cli_print_safe(stdout, b.data);
		px_buf_free(&b);
	}
	report_limits(a, &r);
	export_report_free(&r);
	return 0;
}

int cmd_export(struct cli *cli, int argc, char **argv)
{
	struct export_args a;
	memset(&a, 0, sizeof a);
	export_options_init(&a.o);
	int rc = parse_export(cli, argc, argv, &a);
	if (rc == 0)
		rc = run_export(cli, &a);
	free(a.ids);
	free(a.operands);
	return rc < 0 ? 0 : rc;
}
