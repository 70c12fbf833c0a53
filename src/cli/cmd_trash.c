/*
 * cmd_trash.c — `praxis rm`, `praxis restore` and `praxis trash`: the
 * trash keeps entries whole until it is emptied, so rm is always undoable.
 */
#include "cli.h"

#include <stdlib.h>

#include "praxis/entry.h"

#include <string.h>

/* Parse every ID first, so that a typo in the third id changes nothing. */
static int each_id(struct cli *cli, const char *cmd, int argc, char **argv,
		   int (*op)(struct journal *, int64_t, struct px_error *), const char *done)
{
	static const struct option longopts[] = { { "help", no_argument, NULL, 'h' },
						  { NULL, 0, NULL, 0 } };
	int c;
	while ((c = cli_getopt(cmd, argc, argv, "h", longopts)) != -1)
		return c == 'h' ? cli_help_for(cmd) : EXIT_USAGE;
	if (optind >= argc)
		return cli_usage(cmd, "which entry? give one or more IDs");
	int64_t ids[256];
	int n = 0;
	for (int i = optind; i < argc; i++) {
		if (n == 256)
			return cli_usage(cmd, "at most 256 entries at a time");
		if (cli_parse_id(cmd, "an entry", argv[i], &ids[n++]))
			return EXIT_USAGE;
	}
	struct journal *j = cli_journal(cli, 0);
	if (!j)
		return EXIT_FAILURE;
	int rc = 0;
	for (int i = 0; i < n; i++) {
		struct px_error err;
		px_error_clear(&err);
		if (op(j, ids[i], &err) < 0)
			rc = cli_fail(&err);
		else
			printf("%s entry %lld\n", done, (long long)ids[i]);
	}
	return rc;
}

int cmd_rm(struct cli *cli, int argc, char **argv)
{
	return each_id(cli, "rm", argc, argv, entry_trash, "moved to the trash:");
}

int cmd_restore(struct cli *cli, int argc, char **argv)
{
	return each_id(cli, "restore", argc, argv, entry_restore, "restored");
}

int cmd_trash(struct cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = { { "empty", no_argument, NULL, 'e' },
						  { "help", no_argument, NULL, 'h' },
						  { NULL, 0, NULL, 0 } };
	int c, empty = 0;
	while ((c = cli_getopt("trash", argc, argv, "h", longopts)) != -1) {
		if (c == 'h')
			return cli_help_for("trash");
		if (c != 'e')
			return EXIT_USAGE;
		empty = 1;
	}
	if (optind < argc)
		return cli_usage("trash", "unexpected argument '%s'", argv[optind]);
	if (!empty) {
		char a0[] = "list", a1[] = "--trash", a2[] = "--all";
		char *list_argv[] = { a0, a1, a2, NULL };
		optind = 0;
		return cmd_list(cli, 3, list_argv);
	}
	struct journal *j = cli_journal(cli, 0);
	if (!j)
		return EXIT_FAILURE;
	struct px_error err;
	px_error_clear(&err);
	int removed = 0;
	if (entry_empty_trash(j, &removed, &err) < 0)
		return cli_fail(&err);
	printf("deleted %d %s for good\n", removed, removed == 1 ? "entry" : "entries");
	return 0;
}
