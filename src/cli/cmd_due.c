/*
 * cmd_due.c — `praxis due` (planned actions that are due: the prompts that
 * close the action–reflection cycle) and `praxis drafts` (unfinished work
 * kept in the journal).
 */
#include "cli.h"

#include "praxis/action.h"
#include "praxis/buf.h"
#include "praxis/draft.h"
#include "praxis/json.h"

#include <stdlib.h>
#include <string.h>

struct due_out {
	enum out_format format;
	struct cli_table *table;
	struct json_writer json;
	char today[11];
};

static const char *due_state(const struct action *a, const char *today)
{
	int cmp = strcmp(a->due_date, today);
	return cmp < 0 ? "overdue" : cmp == 0 ? "today" : "upcoming";
}

static int print_due(const struct action *a, void *ctx)
{
	struct due_out *o = ctx;
	const char *state = due_state(a, o->today);
	if (o->format == OUT_JSON) {
		json_begin_object(&o->json);
		json_member_int(&o->json, "id", a->id);
		json_member_string(&o->json, "text", a->text);
		json_member_string(&o->json, "due", a->due_date);
		json_member_string(&o->json, "state", state);
		json_member_int(&o->json, "planned_by", a->planned_by);
		json_member_string(&o->json, "planned_title", a->planned_title);
		json_member_string(&o->json, "follow_up_template", a->follow_up_template);
		json_end_object(&o->json);
		return 0;
	}
	table_cellf(o->table, "%lld", (long long)a->id);
	table_cell(o->table, a->due_date);
	table_cell(o->table, state);
	table_cellf(o->table, "#%lld", (long long)a->planned_by);
	table_cell(o->table, a->text);
	return 0;
}

int cmd_due(struct cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "upcoming", optional_argument, NULL, 'u' }, { "format", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },           { NULL, 0, NULL, 0 },
	};
	enum out_format format = OUT_AUTO;
	size_t days = 0;
	int c;
	while ((c = cli_getopt("due", argc, argv, "h", longopts)) != -1) {
		if (c == 'h')
			return cli_help_for("due");
		if (c == 'u') {
			days = 7;
			if (optarg && cli_parse_count("due", "--upcoming", optarg, &days))
				return EXIT_USAGE;
			if (days > ACTION_MAX_UPCOMING)
				return cli_usage("due", "--upcoming looks at most %d days ahead",
						 ACTION_MAX_UPCOMING);
		} else if (c != 'o' || cli_parse_format("due", optarg, &format)) {
			return EXIT_USAGE;
		}
	}
	if (optind < argc)
		return cli_usage("due", "unexpected argument '%s'", argv[optind]);
	struct px_datetime now;
	if (cli_now(&now))
		return EXIT_FAILURE;
	struct journal *j = cli_journal(cli, 0);
	if (!j)
		return EXIT_FAILURE;
	static const char *const headers[] = { "ACTION", "DUE", "STATE", "FROM", "TEXT" };
	struct due_out o = { .format = cli_resolve_format(cli, format) };
	date_format(&now.date, o.today);
	struct px_buf json = PX_BUF_INIT;
	if (o.format == OUT_JSON) {
		json_init(&o.json, &json, 1);
		json_begin_array(&o.json);
	} else {
		o.table = table_new(5, headers);
	}
	struct px_error err;
	px_error_clear(&err);
	int rc = 0, n = action_list_due(j, o.today, (int)days, print_due, &o, &err);
	if (n < 0) {
		rc = cli_fail(&err);
	} else if (o.format == OUT_JSON) {
		json_end_array(&o.json);
		fputs(json.data, stdout);
	} else if (n == 0 && o.format == OUT_TABLE) {
		if (days)
			printf("Nothing due in the next %zu days.\n", days);
		else
			printf("Nothing due: no follow-ups waiting.\n");
	} else {
		table_print(o.table, o.format, stdout);
		if (o.format == OUT_TABLE)
			printf("\n'praxis follow-up ACTION' reflects on one and closes its cycle.\n");
	}
	table_free(o.table);
	px_buf_free(&json);
	return rc;
}

/* ---- drafts ---------------------------------------------------------------------- */

static int print_draft(const struct draft *d, void *ctx)
{
	struct due_out *o = ctx;
	if (o->format == OUT_JSON) {
		json_begin_object(&o->json);
		json_member_int(&o->json, "id", d->id);
		json_member_string(&o->json, "kind", draft_kind_name(d->kind));
		json_member_string(&o->json, "template", d->template_id);
		json_member_string(&o->json, "label", d->label);
		json_member_string(&o->json, "updated", d->updated_at);
		json_end_object(&o->json);
		return 0;
	}
	table_cellf(o->table, "%lld", (long long)d->id);
	table_cell(o->table, draft_kind_name(d->kind));
	table_cellf(o->table, "%.16s", d->updated_at);
	table_cell(o->table, d->label[0] ? d->label : d->payload);
	return 0;
}

static int drafts_rm(struct cli *cli, int argc, char **argv)
{
	if (argc < 2)
		return cli_usage("drafts", "drafts rm needs the draft's ID");
	struct journal *j = cli_journal(cli, 0);
	if (!j)
		return EXIT_FAILURE;
	for (int i = 1; i < argc; i++) {
		int64_t id;
		if (cli_parse_id("drafts", "a draft", argv[i], &id))
			return EXIT_USAGE;
		struct px_error err;
		px_error_clear(&err);
		if (draft_delete(j, id, &err) < 0)
			return cli_fail(&err);
		printf("deleted draft %lld\n", (long long)id);
	}
	return 0;
}

int cmd_drafts(struct cli *cli, int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "rm") == 0)
		return drafts_rm(cli, argc - 1, argv + 1);
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'o' }, { "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	enum out_format format = OUT_AUTO;
	int c;
	while ((c = cli_getopt("drafts", argc, argv, "h", longopts)) != -1) {
		if (c == 'h')
			return cli_help_for("drafts");
		if (c != 'o' || cli_parse_format("drafts", optarg, &format))
			return EXIT_USAGE;
	}
	if (optind < argc && strcmp(argv[optind], "list") != 0)
		return cli_usage("drafts", "'%s' is not a drafts command (list or rm)", argv[optind]);
	struct journal *j = cli_journal(cli, 0);
	if (!j)
		return EXIT_FAILURE;
	static const char *const headers[] = { "DRAFT", "KIND", "SAVED", "WHAT" };
	struct due_out o = { .format = cli_resolve_format(cli, format) };
	struct px_buf json = PX_BUF_INIT;
	if (o.format == OUT_JSON) {
		json_init(&o.json, &json, 1);
		json_begin_array(&o.json);
	} else {
		o.table = table_new(4, headers);
	}
	struct px_error err;
	px_error_clear(&err);
	int rc = 0, n = draft_list(j, print_draft, &o, &err);
	if (n < 0) {
		rc = cli_fail(&err);
	} else if (o.format == OUT_JSON) {
		json_end_array(&o.json);
		fputs(json.data, stdout);
	} else if (n == 0 && o.format == OUT_TABLE) {
		printf("No drafts: nothing unfinished.\n");
	} else {
		table_print(o.table, o.format, stdout);
		if (o.format == OUT_TABLE)
			printf("\n'praxis new --resume DRAFT' continues one.\n");
	}
	table_free(o.table);
	px_buf_free(&json);
	return rc;
}
