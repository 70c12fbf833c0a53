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
	struct cli_listing l;
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
	if (o->l.format == OUT_JSON) {
		json_begin_object(&o->l.json);
		json_member_int(&o->l.json, "id", a->id);
		json_member_string(&o->l.json, "text", a->text);
		json_member_string(&o->l.json, "due", a->due_date);
		json_member_string(&o->l.json, "state", state);
		json_member_int(&o->l.json, "planned_by", a->planned_by);
		json_member_string(&o->l.json, "planned_title", a->planned_title);
		json_member_string(&o->l.json, "follow_up_template", a->follow_up_template);
		json_end_object(&o->l.json);
		return 0;
	}
	table_cellf(o->l.table, "%lld", (long long)a->id);
	table_cell(o->l.table, a->due_date);
	table_cell(o->l.table, state);
	table_cellf(o->l.table, "#%lld", (long long)a->planned_by);
	table_cell(o->l.table, a->text);
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
	struct due_out o;
	listing_begin(&o.l, cli_resolve_format(cli, format), 5, headers);
	date_format(&now.date, o.today);
	struct px_error err;
	px_error_clear(&err);
	int rc = 0, n = action_list_due(j, o.today, (int)days, print_due, &o, &err);
	char empty[64];
	if (days)
		snprintf(empty, sizeof empty, "Nothing due in the next %zu days.", days);
	else
		snprintf(empty, sizeof empty, "Nothing due: no follow-ups waiting.");
	if (n < 0)
		rc = cli_fail(&err);
	else if (listing_print(&o.l, n, empty))
		printf("\n'praxis follow-up ACTION' reflects on one and closes its cycle.\n");
	listing_free(&o.l);
	return rc;
}

/* ---- drafts ---------------------------------------------------------------------- */

static int print_draft(const struct draft *d, void *ctx)
{
	struct due_out *o = ctx;
	if (o->l.format == OUT_JSON) {
		json_begin_object(&o->l.json);
		json_member_int(&o->l.json, "id", d->id);
		json_member_string(&o->l.json, "kind", draft_kind_name(d->kind));
		json_member_string(&o->l.json, "template", d->template_id);
		json_member_string(&o->l.json, "label", d->label);
		json_member_string(&o->l.json, "updated", d->updated_at);
		json_end_object(&o->l.json);
		return 0;
	}
	table_cellf(o->l.table, "%lld", (long long)d->id);
	table_cell(o->l.table, draft_kind_name(d->kind));
	table_cellf(o->l.table, "%.16s", d->updated_at);
	table_cell(o->l.table, d->label[0] ? d->label : d->payload);
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
	struct due_out o;
	listing_begin(&o.l, cli_resolve_format(cli, format), 4, headers);
	struct px_error err;
	px_error_clear(&err);
	int rc = 0, n = draft_list(j, print_draft, &o, &err);
	if (n < 0)
		rc = cli_fail(&err);
	else if (listing_print(&o.l, n, "No drafts: nothing unfinished."))
		printf("\n'praxis new --resume DRAFT' continues one.\n");
	listing_free(&o.l);
	return rc;
}
