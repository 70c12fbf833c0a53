/*
 * cmd_check.c — `praxis check` (integrity and links) and `praxis backup`
 * (a consistent copy made with SQLite's online backup).
 */
#include "cli.h"

#include <stdlib.h>

static void print_problem(const char *problem, void *ctx)
{
	(void)ctx;
	fputs("problem: ", stdout);
	cli_print_safe(stdout, problem);
	fputc('\n', stdout);
}

static int no_options(const char *cmd, int argc, char **argv)
{
	static const struct option longopts[] = { { "help", no_argument, NULL, 'h' },
						  { NULL, 0, NULL, 0 } };
	int c;
	while ((c = cli_getopt(cmd, argc, argv, "h", longopts)) != -1)
		return c == 'h' ? (cli_help_for(cmd), -1) : EXIT_USAGE;
	return 0;
}

int cmd_check(struct cli *cli, int argc, char **argv)
{
	int rc = no_options("check", argc, argv);
	if (rc)
		return rc < 0 ? 0 : rc;
	if (optind < argc)
		return cli_usage("check", "unexpected argument '%s'", argv[optind]);
	struct journal *j = cli_journal(cli, 0);
	if (!j)
		return EXIT_FAILURE;
	struct px_error err;
	px_error_clear(&err);
	int problems = journal_check(j, print_problem, NULL, &err);
	if (problems < 0)
		return cli_fail(&err);
	if (problems > 0)
		return cli_failf("%s: %d problem%s found", journal_path(j), problems,
				 problems == 1 ? "" : "s");
	printf("ok: %s (schema %d)\n", journal_path(j), journal_schema_version(j));
	return 0;
}

int cmd_backup(struct cli *cli, int argc, char **argv)
{
	int rc = no_options("backup", argc, argv);
	if (rc)
		return rc < 0 ? 0 : rc;
	if (optind != argc - 1)
		return cli_usage("backup", "give one file to write the backup to");
	struct journal *j = cli_journal(cli, 0);
	if (!j)
		return EXIT_FAILURE;
	struct px_error err;
	px_error_clear(&err);
	if (journal_backup(j, argv[optind], &err) < 0)
		return cli_fail(&err);
	printf("backed up to %s\n", argv[optind]);
	return 0;
}
