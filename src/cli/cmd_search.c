/*
 * cmd_search.c — `praxis search QUERY`: full-text search, best first, with
 * the matching words highlighted (bold on a terminal, [brackets] in a
 * pipe so the output stays plain text).
 */
#include "cli.h"

#include "praxis/buf.h"
#include "praxis/entry.h"
#include "praxis/json.h"
#include "praxis/search.h"
#include "praxis/text.h"

#include <stdlib.h>

#include <string.h>

struct search_out {
	enum out_format format;
	struct cli_table *table;
	struct json_writer json;
};

/* Markers the core puts around matches: private-use characters, which
 * survive escaping and are then turned into bold (or brackets). */
#define MARK_OPEN "\xee\x80\x80"
#define MARK_CLOSE "\xee\x80\x81"

static void print_marked(const char *text)
{
	char *safe = text_escape_controls(text);
	const char *no_color = getenv("NO_COLOR");
	int bold = !no_color || !*no_color;
	for (char *p = safe; *p;) {
		if (strncmp(p, MARK_OPEN, 3) == 0) {
			fputs(bold ? "\033[1m" : "[", stdout);
			p += 3;
		} else if (strncmp(p, MARK_CLOSE, 3) == 0) {
			fputs(bold ? "\033[0m" : "]", stdout);
			p += 3;
		} else {
			fputc(*p == '\n' ? ' ' : *p, stdout);
			p++;
		}
	}
	free(safe);
}

/* On a terminal: a heading line and the matching passage under it. */
static void print_readable(const struct search_hit *h, const char *date)
{
	printf("%lld  %s  %c ", (long long)h->id, date, entry_frame_mark(h->frame));
	print_marked(h->title[0] ? h->title : "(untitled)");
	fputs("\n    ", stdout);
	print_marked(h->snippet);
	fputc('\n', stdout);
}

static int print_hit(const struct search_hit *h, void *ctx)
{
	struct search_out *o = ctx;
	if (o->format == OUT_JSON) {
		json_begin_object(&o->json);
		json_member_int(&o->json, "id", h->id);
		json_member_string(&o->json, "date", h->occurred_at);
		json_member_string(&o->json, "frame", entry_frame_name(h->frame));
		json_member_string(&o->json, "title", h->title);
		json_member_string(&o->json, "snippet", h->snippet);
		json_key(&o->json, "rank");
		json_double(&o->json, h->rank);
		json_end_object(&o->json);
		return 0;
	}
	char date[11];
	snprintf(date, sizeof date, "%.10s", h->occurred_at);
	if (o->format == OUT_TABLE) {
		print_readable(h, date);
		return 0;
	}
	table_cellf(o->table, "%lld", (long long)h->id);
	table_cell(o->table, date);
	table_cell(o->table, h->title[0] ? h->title : "(untitled)");
	table_cell(o->table, h->snippet);
	return 0;
}

int cmd_search(struct cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "limit", required_argument, NULL, 'n' }, { "format", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' }, { NULL, 0, NULL, 0 },
	};
	struct search_options opt;
	search_options_init(&opt);
	enum out_format format = OUT_AUTO;
	int c;
	while ((c = cli_getopt("search", argc, argv, "n:h", longopts)) != -1) {
		switch (c) {
		case 'n':
			if (cli_parse_count("search", "--limit", optarg, &opt.limit))
				return EXIT_USAGE;
			break;
		case 'o':
			if (cli_parse_format("search", optarg, &format))
				return EXIT_USAGE;
			break;
		case 'h': return cli_help_for("search");
		default: return EXIT_USAGE;
		}
	}
	if (optind >= argc)
		return cli_usage("search", "what should I look for? give a query");
	struct px_buf query = PX_BUF_INIT;
	for (int i = optind; i < argc; i++) {
		if (i > optind)
			px_buf_addc(&query, ' ');
		px_buf_adds(&query, argv[i]);
	}
	format = cli_resolve_format(cli, format);
	opt.mark_open = format == OUT_TABLE ? MARK_OPEN : format == OUT_JSON ? "" : "[";
	opt.mark_close = format == OUT_TABLE ? MARK_CLOSE : format == OUT_JSON ? "" : "]";
	struct journal *j = cli_journal(cli, 0);
	if (!j) {
		px_buf_free(&query);
		return EXIT_FAILURE;
	}
	static const char *const headers[] = { "ID", "DATE", "TITLE", "MATCH" };
	struct search_out o = { .format = format };
	struct px_buf json = PX_BUF_INIT;
	if (format == OUT_JSON) {
		json_init(&o.json, &json, 1);
		json_begin_array(&o.json);
	} else {
		o.table = table_new(4, headers);
	}
	struct px_error err;
	px_error_clear(&err);
	int rc = 0;
	int n = search_run(j, query.data, &opt, print_hit, &o, &err);
	if (n < 0) {
		rc = cli_fail(&err);
	} else if (format == OUT_JSON) {
		json_end_array(&o.json);
		fputs(json.data, stdout);
	} else if (n == 0 && format == OUT_TABLE) {
		printf("No entries match.\n");
	} else if (format == OUT_TSV) {
		table_print(o.table, format, stdout);
	}
	table_free(o.table);
	px_buf_free(&json);
	px_buf_free(&query);
	return rc;
}
