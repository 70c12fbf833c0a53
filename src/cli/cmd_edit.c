/*
 * cmd_edit.c — `praxis edit ID`: the entry's title and body in $EDITOR.
 * The file holds "# Title", a blank line, then the body.  If the editor
 * fails, or the save fails, the edited text is kept as a draft.
 */
#include "cli.h"

#include "praxis/entry.h"

#include <stdlib.h>
#include <string.h>

int cmd_edit(struct cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = { { "help", no_argument, NULL, 'h' },
						  { NULL, 0, NULL, 0 } };
	int c;
	while ((c = cli_getopt("edit", argc, argv, "h", longopts)) != -1)
		return c == 'h' ? cli_help_for("edit") : EXIT_USAGE;
	if (optind != argc - 1)
		return cli_usage("edit", optind >= argc ? "which entry? give its ID"
						       : "give exactly one entry ID");
	int64_t id;
	if (cli_parse_id("edit", "an entry", argv[optind], &id))
		return EXIT_USAGE;
	struct journal *j = cli_journal(cli, 0);
	if (!j)
		return EXIT_FAILURE;
	struct entry e;
	struct px_error err;
	px_error_clear(&err);
	if (entry_get(j, id, &e, &err) < 0) {
		entry_free(&e);
		return cli_fail(&err);
	}
	if (e.deleted_at[0]) {
		entry_free(&e);
		return cli_failf("entry %lld: in the trash; 'praxis restore %lld' first",
				 (long long)id, (long long)id);
	}
	char *file = entry_join_text(&e);
	char *edited = NULL;
	int rc = 0;
	if (editor_run(file, ".md", &edited, &err) < 0) {
		rc = cli_fail(&err);
		if (strcmp(edited, file) != 0)
			cli_keep_draft(cli, edited, id, "edit (editor failed)");
	} else if (strcmp(edited, file) == 0) {
		printf("entry %lld unchanged\n", (long long)id);
	} else {
		entry_set(&e.title, "");
		entry_split_text(&e, edited);
		/* Explicit tags stay; what the text mentions is found again. */
		entry_forget_derived(&e);
		if (entry_update(j, &e, &err) < 0) {
			rc = cli_fail(&err);
			cli_keep_draft(cli, edited, id, "edit (could not be saved)");
		} else {
			printf("updated entry %lld\n", (long long)id);
		}
	}
	free(edited);
	free(file);
	entry_free(&e);
	return rc;
}
