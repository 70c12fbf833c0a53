/*
 * cli.c — the helpers every subcommand shares: printing errors in the one
 * format, option parsing that suggests the nearest option, opening the
 * journal once, and tables that align by display width on a terminal and
 * turn into clean tab-separated lines in a pipe.
 */
#include "cli.h"

#include "praxis/buf.h"
#include "praxis/suggest.h"
#include "praxis/text.h"

#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

/* ---- errors ------------------------------------------------------------------- */

#define CLI_LINE_MAX 1024   /* bytes of a message before its middle is cut */

/* MSG made safe for the terminal and kept to one readable line: a message
 * quoting a 100 KB argument keeps its start and its end (what is wrong with
 * it, the hint) and loses the middle.  Caller frees. */
static char *safe_line(const char *msg)
{
	char *safe = text_escape_controls(msg);
	size_t len = strlen(safe);
	if (len <= CLI_LINE_MAX)
		return safe;
	char *head = text_truncate(safe, CLI_LINE_MAX / 2, "…");
	size_t tail = len - CLI_LINE_MAX / 4;
	while (tail < len && ((unsigned char)safe[tail] & 0xC0) == 0x80)
		tail++;   /* never start inside a UTF-8 sequence */
	struct px_buf b = PX_BUF_INIT;
	px_buf_addf(&b, "%s%s", head, safe + tail);
	free(head);
	free(safe);
	return px_buf_detach(&b);
}

int cli_fail(const struct px_error *err)
{
	char line[PX_ERROR_WHERE_MAX + PX_ERROR_MSG_MAX + 32];
	px_error_format(err, line, sizeof line);
	char *safe = safe_line(line);
	fprintf(stderr, "praxis: %s\n", safe);
	free(safe);
	return EXIT_FAILURE;
}

int cli_failf(const char *fmt, ...)
{
	struct px_buf b = PX_BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	px_buf_vaddf(&b, fmt, ap);
	va_end(ap);
	char *safe = safe_line(b.data);
	fprintf(stderr, "praxis: %s\n", safe);
	free(safe);
	px_buf_free(&b);
	return EXIT_FAILURE;
}

int cli_usage(const char *cmd, const char *fmt, ...)
{
	struct px_buf b = PX_BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	px_buf_vaddf(&b, fmt, ap);
	va_end(ap);
	char *safe = safe_line(b.data);
	if (strcmp(cmd, "praxis") == 0)
		fprintf(stderr, "praxis: %s\n", safe);
	else
		fprintf(stderr, "praxis: %s: %s (see 'praxis help %s')\n", cmd, safe, cmd);
	free(safe);
	px_buf_free(&b);
	return EXIT_USAGE;
}

/* ---- options ------------------------------------------------------------------- */

static void unknown_option(const char *cmd, const char *arg, const struct option *longopts)
{
	const char *names[64];
	char storage[64][40];
	size_t n = 0;
	for (const struct option *o = longopts; o->name && n < 64; o++, n++) {
		snprintf(storage[n], sizeof storage[n], "--%s", o->name);
		names[n] = storage[n];
	}
	char word[64];
	snprintf(word, sizeof word, "%s", arg);
	char *eq = strchr(word, '=');
	if (eq)
		*eq = '\0';
	const char *near = suggest_nearest(word, names, n);
	if (near)
		cli_usage(cmd, "unknown option '%s' (did you mean '%s'?)", word, near);
	else
		cli_usage(cmd, "unknown option '%s'", word);
}

int cli_getopt(const char *cmd, int argc, char **argv, const char *shortopts,
	       const struct option *longopts)
{
	opterr = 0;
	char spec[128];
	snprintf(spec, sizeof spec, "+:%s", shortopts); /* +: stop at operands, ':' reports */
	int prev = optind ? optind : 1;
	int c = getopt_long(argc, argv, spec, longopts, NULL);
	if (c == '?') {
		const char *arg = prev < argc ? argv[prev] : "";
		if (optopt & 0x80)     /* one byte of a character: name the whole word */
			cli_usage(cmd, "unknown option '%s'", arg);
		else if (optopt && strncmp(arg, "--", 2) != 0)
			cli_usage(cmd, "unknown option '-%c'", optopt);
		else
			unknown_option(cmd, arg, longopts);
		return '?';
	}
	if (c == ':') {
		const char *arg = prev < argc ? argv[prev] : "";
		cli_usage(cmd, "option '%s' needs a value", arg);
		return '?';
	}
	return c;
}

int cli_getopt_mixed(const char *cmd, int argc, char **argv, const char *shortopts,
		     const struct option *longopts, char **operands, int max, int *n)
{
	for (;;) {
		int before = optind ? optind : 1;
		int c = cli_getopt(cmd, argc, argv, shortopts, longopts);
		if (c != -1)
			return c;
		/* getopt stops at the first operand (or after "--"): set it
		 * aside and carry on after it. */
		int ended = optind == before + 1 && strcmp(argv[before], "--") == 0;
		while (optind < argc) {
			if (*n >= max) {
				cli_usage(cmd, "unexpected argument '%s'", argv[optind]);
				return '?';
			}
			operands[(*n)++] = argv[optind++];
			if (!ended)
				break;
		}
		if (ended || optind >= argc)
			return -1;
	}
}

int cli_command_help(const struct command *c)
{
	printf("usage: praxis %s\n\n%s\n", c->usage, c->summary);
	if (c->options && *c->options)
		printf("\n%s", c->options);
	return 0;
}

int cli_help_for(const char *name)
{
	const struct command *c = command_find(name);
	return c ? cli_command_help(c) : 0;
}

int cli_parse_id(const char *cmd, const char *what, const char *text, int64_t *out)
{
	char *end = NULL;
	errno = 0;
	const char *t = text[0] == '#' ? text + 1 : text;
	long long v = strtoll(t, &end, 10);
	if (!*t || *end || errno || v <= 0)
		return cli_usage(cmd, "'%s' is not %s id (a positive number)", text, what);
	*out = v;
	return 0;
}

int cli_parse_count(const char *cmd, const char *opt, const char *text, size_t *out)
{
	char *end = NULL;
	errno = 0;
	long long v = strtoll(text, &end, 10);
	if (!*text || *end || errno || v <= 0 || v > 1000000)
		return cli_usage(cmd, "option '%s' needs a number from 1 to 1000000, not '%s'", opt,
				 text);
	*out = (size_t)v;
	return 0;
}

/* ---- journal and clock --------------------------------------------------------- */

struct journal *cli_journal(struct cli *cli, int create)
{
	if (cli->journal || cli->journal_failed)
		return cli->journal;
	struct px_error err;
	px_error_clear(&err);
	char *path = NULL;
	if (cli->db_option)
		path = px_xstrdup(cli->db_option);
	else if (journal_default_path(&path, &err) < 0) {
		cli_fail(&err);
		return NULL;
	}
	if (journal_open(path, create ? JOURNAL_CREATE : 0, &cli->journal, &err) < 0) {
		if (err.code == PX_ERR_NOT_FOUND && !create)
			cli_failf("%s: no journal yet; 'praxis add' starts one", path);
		else
			cli_fail(&err);
		free(path);
		cli->journal_failed = 1;
		return NULL;
	}
	free(path);
	if (journal_readonly(cli->journal))
		fprintf(stderr, "praxis: note: the journal is read-only; nothing can be changed\n");
	if (journal_warning(cli->journal))
		cli_failf("warning: %s", journal_warning(cli->journal));
	return cli->journal;
}

int cli_now(struct px_datetime *now)
{
	struct px_error err;
	px_error_clear(&err);
	if (date_now(now, &err) < 0)
		return cli_fail(&err);
	return 0;
}

/* ---- output formats ---------------------------------------------------------------- */

int cli_parse_format(const char *cmd, const char *text, enum out_format *out)
{
	static const struct {
		const char *name;
		enum out_format f;
	} names[] = { { "table", OUT_TABLE }, { "tsv", OUT_TSV }, { "json", OUT_JSON } };
	const char *list[3];
	for (size_t i = 0; i < 3; i++) {
		list[i] = names[i].name;
		if (strcmp(text, names[i].name) == 0) {
			*out = names[i].f;
			return 0;
		}
	}
	const char *near = suggest_nearest(text, list, 3);
	if (near)
		return cli_usage(cmd, "'%s' is not a format (did you mean '%s'?)", text, near);
	return cli_usage(cmd, "'%s' is not a format (table, tsv or json)", text);
}

enum out_format cli_resolve_format(const struct cli *cli, enum out_format f)
{
	if (f != OUT_AUTO)
		return f;
	return cli->stdout_tty ? OUT_TABLE : OUT_TSV;
}

int cli_term_width(void)
{
	struct winsize ws;
	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	return 0;
}

void cli_print_safe(FILE *out, const char *s)
{
	char *safe = text_escape_controls(s);
	fputs(safe, out);
	free(safe);
}

/* ---- tables --------------------------------------------------------------------------- */

struct cli_table {
	int ncols;
	char **cells;        /* row-major, escaped, one line each */
	size_t ncells, cap;
};

/* A cell is one line: newlines and tabs become spaces, controls visible. */
static char *clean_cell(const char *text)
{
	char *safe = text_escape_controls(text);
	for (char *p = safe; *p; p++)
		if (*p == '\n' || *p == '\t' || *p == '\r')
			*p = ' ';
	return safe;
}

struct cli_table *table_new(int ncols, const char *const *headers)
{
	struct cli_table *t = px_xcalloc(1, sizeof *t);
	t->ncols = ncols;
	for (int i = 0; headers && i < ncols; i++)
		table_cell(t, headers[i]);
	return t;
}

void table_cell(struct cli_table *t, const char *text)
{
	px_grow((void **)&t->cells, &t->cap, t->ncells + 1, sizeof *t->cells);
	t->cells[t->ncells++] = clean_cell(text ? text : "");
}

void table_cellf(struct cli_table *t, const char *fmt, ...)
{
	struct px_buf b = PX_BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	px_buf_vaddf(&b, fmt, ap);
	va_end(ap);
	table_cell(t, b.data);
	px_buf_free(&b);
}

static void print_aligned(const struct cli_table *t, FILE *out)
{
	int widths[16] = { 0 };
	int ncols = t->ncols < 16 ? t->ncols : 16;
	for (size_t i = 0; i < t->ncells; i++) {
		int col = (int)(i % (size_t)t->ncols);
		int w = text_width(t->cells[i]);
		if (col < ncols && w > widths[col])
			widths[col] = w;
	}
	int term = cli_term_width();
	for (size_t i = 0; i < t->ncells; i++) {
		int col = (int)(i % (size_t)t->ncols);
		int last = col == t->ncols - 1;
		if (last) {
			/* The last column takes what is left of the terminal. */
			int used = 0;
			for (int c = 0; c < col; c++)
				used += widths[c] + 2;
			char *cut = term > used + 8 ? text_truncate(t->cells[i], term - used, "…")
						    : px_xstrdup(t->cells[i]);
			fprintf(out, "%s\n", cut);
			free(cut);
		} else {
			char *padded = text_pad(t->cells[i], widths[col]);
			fprintf(out, "%s  ", padded);
			free(padded);
		}
	}
}

void table_print(struct cli_table *t, enum out_format f, FILE *out)
{
	if (f == OUT_TABLE) {
		print_aligned(t, out);
		return;
	}
	/* Tab-separated: no header row, so scripts get data only. */
	for (size_t i = (size_t)t->ncols; i < t->ncells; i++) {
		int last = (int)(i % (size_t)t->ncols) == t->ncols - 1;
		fputs(t->cells[i], out);
		fputc(last ? '\n' : '\t', out);
	}
}

void table_free(struct cli_table *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->ncells; i++)
		free(t->cells[i]);
	free(t->cells);
	free(t);
}

/* ---- listings ------------------------------------------------------------------------ */

void listing_begin(struct cli_listing *l, enum out_format resolved, int ncols,
		   const char *const *headers)
{
	memset(l, 0, sizeof *l);
	l->format = resolved;
	px_buf_init(&l->buf);
	if (resolved == OUT_JSON) {
		json_init(&l->json, &l->buf, 1);
		json_begin_array(&l->json);
	} else {
		l->table = table_new(ncols, headers);
	}
}

bool listing_print(struct cli_listing *l, int rows, const char *empty_note)
{
	if (l->format == OUT_JSON) {
		json_end_array(&l->json);
		fputs(l->buf.data, stdout);
		return false;
	}
	if (rows == 0 && l->format == OUT_TABLE) {
		if (empty_note)
			printf("%s\n", empty_note);
		return false;
	}
	table_print(l->table, l->format, stdout);
	return l->format == OUT_TABLE && rows > 0;
}

void listing_free(struct cli_listing *l)
{
	table_free(l->table);
	px_buf_free(&l->buf);
	l->table = NULL;
}
