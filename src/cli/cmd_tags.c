/*
 * cmd_tags.c — `praxis tags` (tags with their counts) and `praxis people`
 * (people mentioned, with the role and pseudonym anonymised export uses).
 */
#include "cli.h"

#include <stdlib.h>

#include "praxis/buf.h"
#include "praxis/json.h"
#include "praxis/person.h"
#include "praxis/tag.h"

#include <string.h>

struct names_out {
	struct cli_listing l;
};

static int print_tag(const char *name, int64_t count, void *ctx)
{
	struct names_out *o = ctx;
	if (o->l.format == OUT_JSON) {
		json_begin_object(&o->l.json);
		json_member_string(&o->l.json, "tag", name);
		json_member_int(&o->l.json, "entries", count);
		json_end_object(&o->l.json);
	} else {
		table_cellf(o->l.table, "%lld", (long long)count);
		table_cellf(o->l.table, o->l.format == OUT_TABLE ? "#%s" : "%s", name);
	}
	return 0;
}

static int print_person(const struct person *p, void *ctx)
{
	struct names_out *o = ctx;
	if (o->l.format == OUT_JSON) {
		json_begin_object(&o->l.json);
		json_member_string(&o->l.json, "name", p->name);
		json_member_string(&o->l.json, "role", p->role);
		json_member_string(&o->l.json, "pseudonym", p->pseudonym);
		json_member_int(&o->l.json, "entries", p->entries);
		json_end_object(&o->l.json);
	} else {
		table_cellf(o->l.table, "%lld", (long long)p->entries);
		table_cellf(o->l.table, o->l.format == OUT_TABLE ? "@%s" : "%s", p->name);
		table_cell(o->l.table, p->role);
		table_cell(o->l.table, p->pseudonym);
	}
	return 0;
}

/* Shared shape of both listings: options, open, print. */
static int list_names(struct cli *cli, const char *cmd, int argc, char **argv, int tags)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'o' }, { "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	enum out_format format = OUT_AUTO;
	int c;
	while ((c = cli_getopt(cmd, argc, argv, "h", longopts)) != -1) {
		if (c == 'h')
			return cli_help_for(cmd);
		if (c != 'o' || cli_parse_format(cmd, optarg, &format))
			return EXIT_USAGE;
	}
	const char *prefix = NULL;
	if (tags && optind < argc)
		prefix = argv[optind++];
	if (optind < argc)
		return cli_usage(cmd, "unexpected argument '%s'", argv[optind]);
	struct journal *j = cli_journal(cli, 0);
	if (!j)
		return EXIT_FAILURE;
	static const char *const tag_headers[] = { "ENTRIES", "TAG" };
	static const char *const person_headers[] = { "ENTRIES", "PERSON", "ROLE", "PSEUDONYM" };
	struct names_out o;
	if (tags)
		listing_begin(&o.l, cli_resolve_format(cli, format), 2, tag_headers);
	else
		listing_begin(&o.l, cli_resolve_format(cli, format), 4, person_headers);
	struct px_error err;
	px_error_clear(&err);
	int n, rc = 0;
	if (tags) {
		struct tag_list_options opt;
		tag_list_options_init(&opt);
		opt.prefix = prefix;
		n = tag_list(j, &opt, print_tag, &o, &err);
	} else {
		n = person_list(j, print_person, &o, &err);
	}
	char empty[128];
	if (prefix)
		snprintf(empty, sizeof empty, "No tags start with '%.60s'.", prefix);
	else
		snprintf(empty, sizeof empty, "%s", tags ? "No tags yet: write #tag in an entry or use --tag."
							 : "No people yet: mention someone as @Name in an entry.");
	if (n < 0)
		rc = cli_fail(&err);
	else
		listing_print(&o.l, n, empty);
	listing_free(&o.l);
	return rc;
}

int cmd_tags(struct cli *cli, int argc, char **argv)
{
	return list_names(cli, "tags", argc, argv, 1);
}

/* people set NAME [--role ROLE] [--pseudonym NAME] */
static int people_set(struct cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "role", required_argument, NULL, 'r' }, { "pseudonym", required_argument, NULL, 'p' },
		{ "help", no_argument, NULL, 'h' }, { NULL, 0, NULL, 0 },
	};
	const char *role = NULL, *pseudonym = NULL;
	int c;
	/* `people set NAME --role R` as the usage line writes it: move the name
	 * behind the options. */
	if (argc > 2 && argv[1][0] != '-') {
		char *name = argv[1];
		memmove(&argv[1], &argv[2], (size_t)(argc - 2) * sizeof *argv);
		argv[argc - 1] = name;
	}
	optind = 0;
	while ((c = cli_getopt("people", argc, argv, "h", longopts)) != -1) {
		if (c == 'h')
			return cli_help_for("people");
		if (c == 'r')
			role = optarg;
		else if (c == 'p')
			pseudonym = optarg;
		else
			return EXIT_USAGE;
	}
	if (optind != argc - 1)
		return cli_usage("people", "people set needs exactly one NAME");
	if (!role && !pseudonym)
		return cli_usage("people", "people set needs --role or --pseudonym");
	struct journal *j = cli_journal(cli, 0);
	if (!j)
		return EXIT_FAILURE;
	struct px_error err;
	px_error_clear(&err);
	const char *name = argv[optind][0] == '@' ? argv[optind] + 1 : argv[optind];
	if (person_set(j, name, role, pseudonym, &err) < 0)
		return cli_fail(&err);
	printf("updated @%s\n", name);
	return 0;
}

int cmd_people(struct cli *cli, int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "set") == 0)
		return people_set(cli, argc - 1, argv + 1);
	return list_names(cli, "people", argc, argv, 0);
}
