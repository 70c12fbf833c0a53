/*
 * commands.c — the table of subcommands: name, usage, summary, options and
 * the function that runs it.  `praxis help`, `CMD --help` and the usage
 * errors are all generated from this one table.
 */
#include "cli.h"

#include <string.h>

const struct command commands[] = {
	{ "add", "add [options] [TEXT...]",
	  "Write a new entry (text from arguments, standard input or $EDITOR).",
	  "  -f, --frame FRAME      note, incident, period or inquiry (default note)\n"
	  "  -t, --title TITLE      the entry's title (default: a leading '# heading')\n"
	  "  -g, --tag TAG          add a tag (repeatable); #tags in the text count too\n"
	  "  -d, --date DATE        the date the entry is about (default now)\n"
	  "      --from DATE        start of the period (frame period)\n"
	  "      --to DATE          end of the period (frame period)\n"
	  "  -q, --inquiry ID       file the entry under an inquiry\n"
	  "  -p, --private          keep the entry out of exports\n",
	  cmd_add },
	{ "list", "list [options]", "List entries, newest first.",
	  "  -n, --limit N          at most N entries (default 20 on a terminal)\n"
	  "  -a, --all              every entry\n"
	  "  -f, --frame FRAME      only this frame\n"
	  "  -g, --tag TAG          only entries with this tag ('power/' for a family)\n"
	  "  -P, --person NAME      only entries mentioning @NAME\n"
	  "  -q, --inquiry ID       only entries of this inquiry\n"
	  "      --since DATE       on or after DATE\n"
	  "      --until DATE       on or before DATE\n"
	  "  -r, --range RANGE      a period: 'last week', '2026-03', '2026-W10', FROM..TO\n"
	  "      --reverse          oldest first\n"
	  "      --trash            the entries in the trash instead\n"
	  "      --format FORMAT    table, tsv or json\n",
	  cmd_list },
	{ "show", "show [--format text|json] ID", "Print one entry in full.",
	  "      --format FORMAT    text (default) or json\n", cmd_show },
	{ "edit", "edit ID", "Edit an entry in $EDITOR.",
	  "  The entry's title and body are opened in $EDITOR; the first line '# Title'\n"
	  "  is the title.  If the editor fails the text is kept as a draft.\n",
	  cmd_edit },
	{ "rm", "rm ID...", "Move entries to the trash (undo with restore).", "", cmd_rm },
	{ "restore", "restore ID...", "Bring entries back from the trash.", "", cmd_restore },
	{ "trash", "trash [--empty]", "List the trash, or empty it for good.",
	  "      --empty            delete the trashed entries for good\n", cmd_trash },
	{ "search", "search [options] QUERY...", "Full-text search, best matches first.",
	  "  -n, --limit N          at most N results (default 20)\n"
	  "      --format FORMAT    table, tsv or json\n"
	  "  Query: words (all must match), \"a phrase\", prefix*, OR, -word, tag:NAME\n",
	  cmd_search },
	{ "tags", "tags [--format FORMAT] [PREFIX]", "Tags with the number of entries.",
	  "      --format FORMAT    table, tsv or json\n", cmd_tags },
	{ "people", "people [--format FORMAT] | people set NAME [--role R] [--pseudonym P]",
	  "People mentioned as @Name, with roles and pseudonyms.",
	  "      --format FORMAT    table, tsv or json\n"
	  "      --role ROLE        set NAME's role (used when exporting anonymised)\n"
	  "      --pseudonym NAME   set NAME's pseudonym\n",
	  cmd_people },
	{ "inquiry", "inquiry new QUESTION | list [--all|--closed] | show ID | close ID "
	  "[--summary TEXT] | reopen ID",
	  "Ongoing inquiries: a question followed across entries.",
	  "  new QUESTION           open an inquiry\n"
	  "  list [--all|--closed]  open inquiries (--all: closed too; --closed: only those)\n"
	  "  show ID                the inquiry's chain of entries, actions and follow-ups\n"
	  "  close ID               close it, with --summary TEXT\n"
	  "  reopen ID              open a closed inquiry again\n"
	  "      --format FORMAT    list and show: table, tsv or json\n",
	  cmd_inquiry },
	{ "new", "new [options]", "Write a guided entry: a reflective template, step by step.",
	  "  -t, --template ID      the template (default: the frame's own; see 'templates')\n"
	  "  -f, --frame FRAME      note, incident, period or inquiry\n"
	  "  -q, --inquiry ID       write inside an inquiry\n"
	  "  -a, --answers FILE     answer from a YAML or JSON file instead of the terminal\n"
	  "      --resume DRAFT     continue a draft ('praxis drafts' lists them)\n"
	  "      --blank            no prompts: write freely, as 'praxis add'\n"
	  "      --title TITLE      the entry's title (default: the first answer's first line)\n"
	  "  -d, --date DATE        the date the entry is about (default now)\n"
	  "      --period PERIOD    review templates: the period ('last week', '2026-03')\n"
	  "  -p, --private          keep the entry out of exports\n"
	  "  In line mode a line with only '<' goes back a step; end of input stops and\n"
	  "  keeps the run as a draft.\n",
	  cmd_new },
	{ "due", "due [--upcoming[=DAYS]] [--format FORMAT]",
	  "Planned actions due for a follow-up (today and overdue).",
	  "      --upcoming[=DAYS]  also those due in the next DAYS days (default 7)\n"
	  "      --format FORMAT    table, tsv or json\n",
	  cmd_due },
	{ "follow-up", "follow-up [options] ACTION", "Reflect on a planned action and close its cycle.",
	  "  -t, --template ID      another follow-up template than the action's own\n"
	  "  -a, --answers FILE     answer from a YAML or JSON file\n"
	  "      --title TITLE      the follow-up entry's title\n"
	  "  -d, --date DATE        the date the follow-up is about (default now)\n"
	  "  -p, --private          keep the entry out of exports\n",
	  cmd_follow_up },
	{ "drafts", "drafts [list] [--format FORMAT] | drafts rm DRAFT...",
	  "Unfinished entries and template runs kept in the journal.",
	  "      --format FORMAT    table, tsv or json\n"
	  "  rm DRAFT...            delete drafts for good\n",
	  cmd_drafts },
	{ "review", "review [PERIOD] [--inquiry ID] [--tag TAG] [--frame FRAME] [--format FORMAT]",
	  "Look at a period as a whole: what came up, what changed, what recurs.",
	  "  PERIOD                 week, month (default), quarter, last week, 2026-03,\n"
	  "                         2026-W10, 2026-Q1, FROM..TO\n"
	  "  -q, --inquiry ID       only the entries of this inquiry\n"
	  "  -g, --tag TAG          only entries with this tag ('power/' for a family)\n"
	  "  -f, --frame FRAME      only this frame\n"
	  "      --format FORMAT    table (the report) or json\n",
	  cmd_review },
	{ "templates", "templates [list] | show ID [--yaml] | check [FILE...] | new ID",
	  "The reflective templates: list, read, check and start your own.",
	  "  list [--format F]      every template with its frames, role and source\n"
	  "  show ID [--yaml]       a template's steps and sources (--yaml: its file)\n"
	  "  check [FILE...]        validate files (default: every template); exit 1 on errors\n"
	  "  new ID                 a commented starting file in your templates folder\n",
	  cmd_templates },
	{ "export", "export [options] [ID...]",
	  "Entries as a document for a tutor (md, html, txt, docx, pdf) or as praxis JSON.",
	  "      --format FORMAT    md (default), html, json, txt, docx or pdf (pandoc)\n"
	  "  -o, --output FILE      write FILE (mode 0600) instead of standard output (- is it)\n"
	  "  -f, --frame FRAME      only this frame\n"
	  "  -g, --tag TAG          only entries with this tag ('power/' for a family)\n"
	  "  -P, --person NAME      only entries mentioning @NAME\n"
	  "  -q, --inquiry ID       one inquiry, as its chain of cycles\n"
	  "  -t, --template ID      only entries written with this template\n"
	  "      --search QUERY     only entries the search finds (as praxis search)\n"
	  "      --since DATE       on or after DATE\n"
	  "      --until DATE       on or before DATE\n"
	  "  -r, --range RANGE      a period: 'last week', '2026-03', '2026-W10', FROM..TO\n"
	  "      --include-private  private entries too (never the trash)\n"
	  "      --anonymise        people as their pseudonym, role or 'Colleague A'\n"
	  "      --word-limit N     report on stderr a total or an entry over N words\n"
	  "      --entry-limit N    report on stderr each entry over N words\n"
	  "      --title TITLE      the document's title (default 'Learning journal')\n"
	  "      --author NAME      your name under the title\n"
	  "      --course NAME      the module or course under the title\n"
	  "  IDs choose entries; every option above narrows the selection further.\n",
	  cmd_export },
	{ "import", "import FILE [--format FORMAT]",
	  "Add entries from a praxis JSON export or a jrnl journal, all or nothing.",
	  "      --format FORMAT    praxis, jrnl-json or jrnl-txt (default: guessed)\n"
	  "  FILE - is standard input (jrnl --export json | praxis import -).\n",
	  cmd_import },
	{ "check", "check", "Check the journal's integrity and links.", "", cmd_check },
	{ "backup", "backup FILE", "Copy the journal to FILE (safe while in use).", "",
	  cmd_backup },
	{ "demo", "demo [--db PATH]",
	  "Make a demo journal: three months of a learner on a leadership course.",
	  "      --db PATH          the new journal's file (default: the default journal);\n"
	  "                         the demo refuses to touch a file that already exists\n",
	  cmd_demo },
	{ "help", "help [COMMAND]", "Show help for praxis or a command.", "", cmd_help },
};

const size_t command_count = sizeof commands / sizeof commands[0];

const struct command *command_find(const char *name)
{
	for (size_t i = 0; i < command_count; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

int cmd_help(struct cli *cli, int argc, char **argv)
{
	(void)cli;
	if (argc < 2) {
		printf("usage: praxis [--db PATH] COMMAND [ARGS...]\n\nCommands:\n");
		for (size_t i = 0; i < command_count; i++)
			printf("  %-9s %s\n", commands[i].name, commands[i].summary);
		return 0;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)
		return cli_help_for("help");
	const struct command *c = command_find(argv[1]);
	if (!c)
		return cli_usage("help", "'%s' is not a command", argv[1]);
	return cli_command_help(c);
}
