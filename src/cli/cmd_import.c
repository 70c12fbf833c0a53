/*
 * cmd_import.c — `praxis import FILE`: entries from a praxis JSON export or
 * a jrnl journal, all or nothing (import.h).  Says what it read and how
 * many records it added and skipped; an error is the file, the place and
 * the reason, on one line.
 */
#include "cli.h"

#include "praxis/buf.h"
#include "praxis/import.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* "41 entries (3 already there)": the added count decides the noun. */
static void count(struct px_buf *b, const char *one, const char *many,
		  const struct import_counts *c)
{
	px_buf_addf(b, "%s%zu %s", b->len ? ", " : "", c->added, c->added == 1 ? one : many);
	if (c->skipped)
		px_buf_addf(b, " (%zu already there)", c->skipped);
}

static void print_summary(const char *path, const struct import_summary *s)
{
	struct px_buf b = PX_BUF_INIT;
	count(&b, "entry", "entries", &s->entries);
	count(&b, "tag", "tags", &s->tags);
	count(&b, "person", "people", &s->people);
	if (s->format == IMPORT_PRAXIS) {
		count(&b, "inquiry", "inquiries", &s->inquiries);
		count(&b, "action", "actions", &s->actions);
		count(&b, "template version", "template versions", &s->templates);
	}
	struct px_buf line = PX_BUF_INIT;
	px_buf_addf(&line, "imported %s (%s): %s\n", path, import_format_name(s->format), b.data);
	cli_print_safe(stdout, line.data);
	px_buf_free(&line);
	px_buf_free(&b);
}

int cmd_import(struct cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'F' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct import_options o = { .format = IMPORT_GUESS };
	char *files[2];
	int n = 0, c;
	struct px_error err;
	px_error_clear(&err);
	while ((c = cli_getopt_mixed("import", argc, argv, "h", longopts, files, 1, &n)) != -1) {
		if (c == 'h')
			return cli_help_for("import");
		if (c != 'F')
			return EXIT_USAGE;
		if (import_format_parse(optarg, &o.format, &err) < 0)
			return cli_usage("import", "%s", err.msg);
	}
	if (n != 1)
		return cli_usage("import", "which file? give the export or journal to import");
	struct journal *j = cli_journal(cli, 1);
	if (!j)
		return EXIT_FAILURE;
	/* "-" is standard input, as for most tools: jrnl --export json | praxis
	 * import -.  A file named "-" is ./-. */
	bool from_stdin = strcmp(files[0], "-") == 0;
	const char *name = from_stdin ? "standard input" : files[0];
	struct import_summary s;
	if ((from_stdin ? import_stream(j, STDIN_FILENO, name, &o, &s, &err)
			: import_file(j, files[0], &o, &s, &err)) < 0)
		return cli_fail(&err);
	print_summary(name, &s);
	return 0;
}
