/*
 * main.c — praxis's entry point: global options, then dispatch to the
 * subcommand named by the first argument (git-style).  With no subcommand
 * praxis opens the full-screen journal (src/ui) on a terminal.
 */
#include "cli.h"

#include "../ui/ui.h"

#include "praxis/suggest.h"
#include "praxis/template.h"

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define PRAXIS_VERSION "0.1.0"

static int print_usage(FILE *out)
{
	fputs("usage: praxis [--db PATH] COMMAND [ARGS...]\n\n"
	      "A reflective learning journal.  Commands:\n", out);
	for (size_t i = 0; i < command_count; i++)
		fprintf(out, "  %-9s %s\n", commands[i].name, commands[i].summary);
	fputs("\n'praxis help COMMAND' or 'praxis COMMAND --help' tells more.\n", out);
	return 0;
}

static int unknown_command(const char *name)
{
	const char *names[64];
	size_t n = 0;
	for (size_t i = 0; i < command_count && n < 64; i++)
		names[n++] = commands[i].name;
	const char *near = suggest_nearest(name, names, n);
	/* cli_usage escapes what was typed: it may hold terminal controls. */
	if (near)
		return cli_usage("praxis", "'%s' is not a command (did you mean '%s'?)", name, near);
	return cli_usage("praxis", "'%s' is not a command; 'praxis help' lists them", name);
}

/* Global options come before the command: --db PATH, --help, --version. */
static int parse_globals(struct cli *cli, int argc, char **argv, int *next)
{
	int i = 1;
	while (i < argc && argv[i][0] == '-') {
		const char *a = argv[i];
		if (strcmp(a, "--") == 0) {
			i++;
			break;
		} else if (strcmp(a, "--db") == 0) {
			if (i + 1 >= argc)
				return cli_usage("praxis", "option '--db' needs a path");
			cli->db_option = argv[i + 1];
			i += 2;
		} else if (strncmp(a, "--db=", 5) == 0) {
			cli->db_option = a + 5;
			i++;
		} else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			print_usage(stdout);
			return -1;
		} else if (strcmp(a, "--version") == 0) {
			printf("praxis %s\n", PRAXIS_VERSION);
			return -1;
		} else {
			static const char *const known[] = { "--db", "--help", "--version" };
			const char *near = suggest_nearest(a, known, 3);
			if (near)
				return cli_usage("praxis", "unknown option '%s' (did you mean '%s'?)", a,
						 near);
			return cli_usage("praxis", "unknown option '%s'", a);
		}
	}
	if (cli->db_option && !*cli->db_option)
		return cli_usage("praxis", "option '--db' needs a path");
	*next = i;
	return 0;
}

/*
 * A closed standard descriptor would be handed to the next file praxis
 * opens: an export's temporary file could become standard error, and a
 * warning would be written into the document.  Each closed one is filled
 * with /dev/null opened the wrong way round (gnulib's stdopen does the
 * same), so that the descriptor stays taken and writing to a closed
 * standard output still fails, and says so, instead of vanishing.
 * False when even that cannot be done.
 */
static bool standard_streams_taken(void)
{
	for (int fd = STDIN_FILENO; fd <= STDERR_FILENO; fd++) {
		if (fcntl(fd, F_GETFD) != -1 || errno != EBADF)
			continue;
		int got = open("/dev/null", fd == STDIN_FILENO ? O_WRONLY : O_RDONLY);
		if (got != fd) {
			if (got >= 0)
				close(got);
			return false;
		}
	}
	return true;
}

/* RC, or a failure when standard output lost some of what was written to
 * it (a full disk, a closed descriptor), which would
 * otherwise pass for success. */
static int output_written(int rc)
{
	errno = 0;
	bool failed = fflush(stdout) != 0 || ferror(stdout);
	if (!failed || rc != 0)
		return rc;
	return cli_failf("writing output: %s",
			 errno ? strerror(errno) : "some of it could not be written");
}

/* `praxis` alone: the full-screen journal, which needs a terminal both ways. */
static int run_ui(struct cli *cli)
{
	if (!cli->stdin_tty || !cli->stdout_tty) {
		fprintf(stderr, "praxis: the journal screen needs a terminal, and standard %s is not "
				"one; 'praxis help' lists the commands\n",
			cli->stdin_tty ? "output" : "input");
		return EXIT_USAGE;
	}
	struct journal *j = cli_journal(cli, 1);
	if (!j)
		return EXIT_FAILURE;
	return ui_run(j);
}

int main(int argc, char **argv)
{
	if (!standard_streams_taken())
		return EXIT_FAILURE;   /* nowhere to say so: standard error is closed */
	setlocale(LC_ALL, "");
	struct cli cli = { 0 };
	cli.stdout_tty = isatty(STDOUT_FILENO);
	cli.stdin_tty = isatty(STDIN_FILENO);

	int next = 0;
	int rc = parse_globals(&cli, argc, argv, &next);
	if (rc != 0)
		return rc < 0 ? output_written(0) : rc;
	if (next >= argc) {
		rc = run_ui(&cli);
		if (cli.journal && journal_close(cli.journal) != 0 && rc == 0)
			rc = cli_failf("closing the journal: a change was left unfinished");
		return rc;
	}
	const struct command *cmd = command_find(argv[next]);
	if (!cmd)
		return unknown_command(argv[next]);

	optind = 0; /* reset getopt for the subcommand's own options */
	rc = cmd->run(&cli, argc - next, argv + next);

	rc = output_written(rc);
	if (cli.journal && journal_close(cli.journal) != 0 && rc == 0)
		rc = cli_failf("closing the journal: a change was left unfinished");
	template_set_free(cli.templates);
	template_diags_free(cli.template_diags);
	return rc;
}
