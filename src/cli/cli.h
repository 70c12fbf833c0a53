/*
 * cli.h — what every subcommand shares: the command table, the journal
 * handle, option parsing with "did you mean", output in the three shapes
 * (aligned table on a terminal, tab-separated when piped, JSON on request)
 * and the one error format:
 *
 *     praxis: <what>: <why>        exit 1 (EXIT_FAILURE)
 *     praxis: <cmd>: <usage why>   exit 2 (EXIT_USAGE)
 *
 * The CLI never issues SQL; it calls the core and prints what comes back.
 * User text is escaped (text_escape_controls) before it reaches a terminal.
 */
#ifndef PRAXIS_CLI_H
#define PRAXIS_CLI_H

#include "praxis/buf.h"
#include "praxis/date.h"
#include "praxis/editor.h"
#include "praxis/error.h"
#include "praxis/journal.h"
#include "praxis/json.h"

#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>

#define EXIT_USAGE 2

struct cli {
	const char *db_option;      /* --db PATH, or NULL */
	struct journal *journal;    /* opened on first use by cli_journal() */
	int journal_failed;         /* it would not open (already said why) */
	int stdout_tty;
	int stdin_tty;
	struct template_set *templates;         /* loaded by cli_templates() */
	struct template_diags *template_diags;  /* what loading them reported */
};

struct command {
	const char *name;
	const char *usage;          /* "add [options] [TEXT...]" */
	const char *summary;        /* one line for `praxis help` */
	const char *options;        /* option lines for `praxis help CMD` */
	int (*run)(struct cli *cli, int argc, char **argv);
};

extern const struct command commands[];
extern const size_t command_count;
const struct command *command_find(const char *name);

/* The subcommands (one file each). */
int cmd_add(struct cli *cli, int argc, char **argv);
int cmd_list(struct cli *cli, int argc, char **argv);
int cmd_show(struct cli *cli, int argc, char **argv);
int cmd_edit(struct cli *cli, int argc, char **argv);
int cmd_rm(struct cli *cli, int argc, char **argv);
int cmd_restore(struct cli *cli, int argc, char **argv);
int cmd_trash(struct cli *cli, int argc, char **argv);
int cmd_search(struct cli *cli, int argc, char **argv);
int cmd_tags(struct cli *cli, int argc, char **argv);
int cmd_people(struct cli *cli, int argc, char **argv);
int cmd_inquiry(struct cli *cli, int argc, char **argv);
int cmd_check(struct cli *cli, int argc, char **argv);
int cmd_new(struct cli *cli, int argc, char **argv);
int cmd_follow_up(struct cli *cli, int argc, char **argv);
int cmd_due(struct cli *cli, int argc, char **argv);
int cmd_drafts(struct cli *cli, int argc, char **argv);
int cmd_templates(struct cli *cli, int argc, char **argv);
int cmd_export(struct cli *cli, int argc, char **argv);
int cmd_import(struct cli *cli, int argc, char **argv);
int cmd_review(struct cli *cli, int argc, char **argv);
int cmd_backup(struct cli *cli, int argc, char **argv);
int cmd_demo(struct cli *cli, int argc, char **argv);
int cmd_help(struct cli *cli, int argc, char **argv);

/* ---- errors ---------------------------------------------------------------- */

/* Print ERR as one line; returns EXIT_FAILURE. */
int cli_fail(const struct px_error *err);
/* Print "praxis: FMT" as one line; returns EXIT_FAILURE. */
int cli_failf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Print "praxis: CMD: FMT" and a hint to `praxis help CMD`; returns EXIT_USAGE. */
int cli_usage(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* ---- options --------------------------------------------------------------- */

/* getopt_long with our error handling: returns the option, -1 at the end,
 * or '?' after printing a usage error (unknown option with the nearest
 * valid one, missing argument).  "--help" is handled by the caller as 'h'. */
int cli_getopt(const char *cmd, int argc, char **argv, const char *shortopts,
	       const struct option *longopts);
/* cli_getopt with operands anywhere among the options, as usage lines such
 * as "import FILE [--format F]" write them: each operand found is added to
 * OPERANDS (room for MAX; one more is a usage error, which returns '?');
 * after "--" everything left is an operand.  *N counts them. */
int cli_getopt_mixed(const char *cmd, int argc, char **argv, const char *shortopts,
		     const struct option *longopts, char **operands, int max, int *n);
/* Print the command's help (usage, summary, options) to stdout. */
int cli_command_help(const struct command *c);
/* cmd --help: find the command by name and print its help; returns 0. */
int cli_help_for(const char *name);

/* Parse a positive entry/inquiry/action id; usage error message on failure. */
int cli_parse_id(const char *cmd, const char *what, const char *text, int64_t *out);
/* Parse a positive count (e.g. -n 20). */
int cli_parse_count(const char *cmd, const char *opt, const char *text, size_t *out);

/* ---- the journal ----------------------------------------------------------- */

/* Open the journal (creating it when CREATE), once; prints the error. */
struct journal *cli_journal(struct cli *cli, int create);
/* Now, through the core's clock seam; prints the error. */
int cli_now(struct px_datetime *now);

/* ---- output ------------------------------------------------------------------ */

enum out_format { OUT_AUTO, OUT_TABLE, OUT_TSV, OUT_JSON };
int cli_parse_format(const char *cmd, const char *text, enum out_format *out);
/* OUT_AUTO becomes OUT_TABLE on a terminal, OUT_TSV otherwise. */
enum out_format cli_resolve_format(const struct cli *cli, enum out_format f);

/* A table: add cells row by row, then print aligned (OUT_TABLE) or
 * tab-separated (OUT_TSV).  Cells are copied and escaped. */
struct cli_table;
struct cli_table *table_new(int ncols, const char *const *headers);
void table_cell(struct cli_table *t, const char *text);
void table_cellf(struct cli_table *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void table_print(struct cli_table *t, enum out_format f, FILE *out);
void table_free(struct cli_table *t);
/* A listing in any of the three shapes: rows go to LISTING.table (table,
 * tsv) or as objects into LISTING.json, an array (json); listing_print
 * closes and prints it, or EMPTY_NOTE on a terminal when there were no rows.
 * It returns whether a table was printed (a caller may add a hint). */
struct cli_listing {
	enum out_format format;     /* resolved: OUT_TABLE, OUT_TSV or OUT_JSON */
	struct cli_table *table;
	struct json_writer json;
	struct px_buf buf;
};
void listing_begin(struct cli_listing *l, enum out_format resolved, int ncols,
		   const char *const *headers);
bool listing_print(struct cli_listing *l, int rows, const char *empty_note);
void listing_free(struct cli_listing *l);

/* The terminal's width when stdout is one, else 0. */
int cli_term_width(void);

/* Write S to OUT with terminal control characters made visible. */
void cli_print_safe(FILE *out, const char *s);

/* ---- entries (cmd_add.c) ------------------------------------------------------ */

struct entry;
/* Keep TEXT as a draft (for ENTRY_ID, 0 for a new entry) so nothing typed
 * is lost, and say so on stderr. */
void cli_keep_draft(struct cli *cli, const char *text, int64_t entry_id, const char *why);
/* The last resort when not even a draft could be saved (recover.c): TEXT
 * goes to a private recovery file (WHAT names it: "entry", "run") and
 * stderr says where; if no file can be written anywhere, TEXT itself is
 * printed on stderr.  0 when it is safe in a file. */
int cli_recover(const char *what, const char *text);
/* The title, or the body's first line when there is none (cmd_list.c). */
void cli_entry_heading(const char *title, const char *excerpt, char *out, size_t size);
/* --since/--until/--range into inclusive 'YYYY-MM-DD' bounds (cmd_list.c). */
int cli_resolve_range(const char *cmd, const char *since, const char *until, const char *range,
		      char from[11], char to[11]);

/* ---- templates and runs ------------------------------------------------------- */

struct engine;
struct template_set;
/* The bundled and user templates, loaded once; never NULL. */
struct template_set *cli_templates(struct cli *cli);
/* Refuse a --tag, --person or --template (each may be NULL) that names
 * nothing the journal has: it could only select nothing, so it is most
 * likely mistyped, and an empty list or an empty document handed to a
 * tutor would say nothing of why.  The error names the nearest tag, person
 * or template.  A template no longer installed still counts while entries
 * written with it remain.  Returns 0, or the exit status after saying so. */
int cli_check_names(struct cli *cli, struct journal *j, const char *tag, const char *person,
		    const char *template_id);
/* Print a failed template lookup, mentioning template files with errors. */
int cli_template_missing(struct cli *cli, const struct px_error *err);
/* Drive run E to its end: from the answers file ANSWERS when not NULL,
 * else one step at a time on the terminal (line mode).  Then finish it
 * and say what was written.  The draft is kept when the learner stops. */
int cli_run_engine(struct cli *cli, struct engine *e, const char *answers);

#endif
