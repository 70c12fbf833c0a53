/*
 * cmd_list.c — `praxis list`: entries newest first, filtered.
 * On a terminal an aligned table (date, frame mark, id, title or first
 * words, tags, words); in a pipe the same columns tab-separated; JSON on
 * request.
 */
#include "cli.h"

#include "praxis/buf.h"
#include "praxis/entry.h"
#include "praxis/json.h"
#include "praxis/text.h"

#include <stdlib.h>
#include <string.h>

struct list_out {
	enum out_format format;
	struct cli_table *table;
	struct json_writer json;
};

/* The title, or the first line of the body when there is none. */
void cli_entry_heading(const char *title, const char *excerpt, char *out, size_t size)
{
	const char *src = title && *title ? title : excerpt;
	size_t n = strcspn(src, "\n");
	if (n >= size)
		n = size - 1;
	memcpy(out, src, n);
	out[n] = '\0';
	/* never cut a UTF-8 sequence in half */
	while (n > 0 && ((unsigned char)out[n - 1] & 0xC0) == 0x80)
		n--;
	if (n > 0 && ((unsigned char)out[n - 1] & 0x80) && n == size - 1)
		out[n - 1] = '\0';
}

static int add_row(const struct entry_summary *s, void *ctx)
{
	struct list_out *o = ctx;
	char heading[160];
	cli_entry_heading(s->title, s->excerpt, heading, sizeof heading);
	if (o->format == OUT_JSON) {
		struct json_writer *w = &o->json;
		json_begin_object(w);
		json_member_int(w, "id", s->id);
		json_member_string(w, "uuid", s->uuid);
		json_member_string(w, "date", s->occurred_at);
		json_member_string(w, "frame", entry_frame_name(s->frame));
		json_member_string(w, "title", s->title);
		json_member_string(w, "tags", s->tags);
		json_member_int(w, "words", s->word_count);
		json_member_bool(w, "private", s->is_private);
		json_end_object(w);
		return 0;
	}
	char date[17];
	snprintf(date, sizeof date, "%.16s", s->occurred_at);
	table_cell(o->table, date);
	table_cellf(o->table, "%c", entry_frame_mark(s->frame));
	table_cellf(o->table, "%lld", (long long)s->id);
	table_cellf(o->table, "%d", s->word_count);
	struct px_buf line = PX_BUF_INIT;
	px_buf_adds(&line, heading);
	if (*s->tags) {
		px_buf_adds(&line, o->format == OUT_TABLE ? "  #" : "\t");
		for (const char *p = s->tags; *p; p++) {
			px_buf_addc(&line, *p);
			if (*p == ' ' && o->format == OUT_TABLE)
				px_buf_addc(&line, '#');
		}
	} else if (o->format != OUT_TABLE) {
		px_buf_addc(&line, '\t');
	}
	if (o->format == OUT_TABLE) {
		table_cell(o->table, line.data);
	} else {
		/* title and tags are separate columns in TSV */
		char *tab = strchr(line.data, '\t');
		*tab = '\0';
		table_cell(o->table, line.data);
		table_cell(o->table, tab + 1);
	}
	px_buf_free(&line);
	return 0;
}

struct list_args {
	struct entry_filter f;
	enum out_format format;
	const char *since, *until, *range;
	int all;
};

static int parse_list(struct cli *cli, int argc, char **argv, struct list_args *a)
{
	static const struct option longopts[] = {
		{ "limit", required_argument, NULL, 'n' }, { "all", no_argument, NULL, 'a' },
		{ "frame", required_argument, NULL, 'f' }, { "tag", required_argument, NULL, 'g' },
		{ "person", required_argument, NULL, 'P' }, { "inquiry", required_argument, NULL, 'q' },
		{ "since", required_argument, NULL, 'S' }, { "until", required_argument, NULL, 'U' },
		{ "range", required_argument, NULL, 'r' }, { "reverse", no_argument, NULL, 'R' },
		{ "format", required_argument, NULL, 'o' }, { "trash", no_argument, NULL, 'x' },
		{ "help", no_argument, NULL, 'h' }, { NULL, 0, NULL, 0 },
	};
	struct px_error err;
	int c;
	while ((c = cli_getopt("list", argc, argv, "n:af:g:P:q:r:h", longopts)) != -1) {
		px_error_clear(&err);
		enum entry_frame fr;
		switch (c) {
		case 'n':
			if (cli_parse_count("list", "--limit", optarg, &a->f.limit))
				return EXIT_USAGE;
			break;
		case 'a': a->all = 1; break;
		case 'f':
			if (entry_frame_parse(optarg, &fr, &err) < 0)
				return cli_usage("list", "%s", err.msg);
			a->f.frame = (int)fr;
			break;
		case 'g': a->f.tag = optarg; break;
		case 'P': a->f.person = optarg; break;
		case 'q':
			if (cli_parse_id("list", "an inquiry", optarg, &a->f.inquiry_id))
				return EXIT_USAGE;
			break;
		case 'S': a->since = optarg; break;
		case 'U': a->until = optarg; break;
		case 'r': a->range = optarg; break;
		case 'R': a->f.oldest_first = 1; break;
		case 'o':
			if (cli_parse_format("list", optarg, &a->format))
				return EXIT_USAGE;
			break;
		case 'x': a->f.trash = 1; break;
		case 'h': cli_help_for("list"); return -1;
		default: return EXIT_USAGE;
		}
	}
	if (optind < argc)
		return cli_usage("list", "unexpected argument '%s'", argv[optind]);
	a->format = cli_resolve_format(cli, a->format);
	if (!a->f.limit && !a->all && a->format == OUT_TABLE)
		a->f.limit = 20;
	return 0;
}

/* --since, --until and --range into the filter's inclusive dates. */
int cli_resolve_range(const char *cmd, const char *since, const char *until, const char *range,
		      char from[11], char to[11])
{
	struct px_datetime now, d;
	struct px_error err;
	px_error_clear(&err);
	if (cli_now(&now))
		return EXIT_FAILURE;
	if (range) {
		struct px_date_range r;
		if (date_parse_range(range, &now, &r, &err) < 0)
			return cli_usage(cmd, "--range: %s", err.msg);
		date_format(&r.from, from);
		date_format(&r.to, to);
	}
	if (since) {
		if (date_parse_expr(since, &now, DATE_PAST, &d, &err) < 0)
			return cli_usage(cmd, "--since: %s", err.msg);
		date_format(&d.date, from);
	}
	if (until) {
		if (date_parse_expr(until, &now, DATE_PAST, &d, &err) < 0)
			return cli_usage(cmd, "--until: %s", err.msg);
		date_format(&d.date, to);
	}
	if (from[0] && to[0] && strcmp(from, to) > 0)
		return cli_usage(cmd, "the range starts (%s) after it ends (%s)", from, to);
	return 0;
}

int cmd_list(struct cli *cli, int argc, char **argv)
{
	struct list_args a = { .format = OUT_AUTO };
	entry_filter_init(&a.f);
	int rc = parse_list(cli, argc, argv, &a);
	if (rc == 0)
		rc = cli_resolve_range("list", a.since, a.until, a.range, a.f.from, a.f.to);
	if (rc != 0)
		return rc < 0 ? 0 : rc;
	struct journal *j = cli_journal(cli, 0);
	if (!j)
		return EXIT_FAILURE;
	if ((rc = cli_check_names(cli, j, a.f.tag, a.f.person, NULL)) != 0)
		return rc;
	static const char *const headers[] = { "DATE", "", "ID", "WORDS", "ENTRY" };
	static const char *const tsv_headers[] = { "", "", "", "", "", "" };
	struct list_out o = { .format = a.format };
	struct px_buf json = PX_BUF_INIT;
	if (a.format == OUT_JSON) {
		json_init(&o.json, &json, 1);
		json_begin_array(&o.json);
	} else {
		o.table = a.format == OUT_TABLE ? table_new(5, headers) : table_new(6, tsv_headers);
	}
	struct px_error err;
	px_error_clear(&err);
	int n = entry_list(j, &a.f, add_row, &o, &err);
	if (n < 0) {
		rc = cli_fail(&err);
	} else if (a.format == OUT_JSON) {
		json_end_array(&o.json);
		fputs(json.data, stdout);
	} else if (n == 0 && a.format == OUT_TABLE) {
		printf(a.f.trash ? "The trash is empty.\n" : "No entries.\n");
	} else {
		table_print(o.table, a.format, stdout);
	}
	table_free(o.table);
	px_buf_free(&json);
	return rc;
}
