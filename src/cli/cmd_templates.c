/*
 * cmd_templates.c — `praxis templates list|show|check|new`: the reflective
 * templates praxis knows, what they ask, whether a file is valid, and a
 * commented starting file for writing one's own.
 */
#include "cli.h"

#include "praxis/buf.h"
#include "praxis/json.h"
#include "praxis/suggest.h"
#include "praxis/template.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void frames_text(const struct template *t, struct px_buf *b)
{
	size_t n;
	const enum template_frame *f = template_frames(t, &n);
	for (size_t i = 0; i < n; i++)
		px_buf_addf(b, "%s%s", i ? "," : "", template_frame_name(f[i]));
}

/* Print every diagnostic; returns the number of errors. */
static size_t print_diags(const struct template_diags *d, FILE *out)
{
	for (size_t i = 0; i < template_diags_count(d); i++) {
		char *line = template_diag_format(template_diags_get(d, i));
		fputs("praxis: ", out);
		cli_print_safe(out, line);
		fputc('\n', out);
		free(line);
	}
	return template_diags_errors(d);
}

static int templates_list(struct cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'o' }, { "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	enum out_format format = OUT_AUTO;
	int c;
	optind = 0;
	while ((c = cli_getopt("templates", argc, argv, "h", longopts)) != -1) {
		if (c == 'h')
			return cli_help_for("templates");
		if (c != 'o' || cli_parse_format("templates", optarg, &format))
			return EXIT_USAGE;
	}
	if (optind < argc)
		return cli_usage("templates", "unexpected argument '%s'", argv[optind]);
	const struct template_set *set = cli_templates(cli);
	format = cli_resolve_format(cli, format);
	static const char *const headers[] = { "ID", "NAME", "FRAMES", "ROLE", "SOURCE" };
	struct cli_table *t = table_new(5, headers);
	struct px_buf json = PX_BUF_INIT;
	struct json_writer w;
	json_init(&w, &json, 1);
	json_begin_array(&w);
	for (size_t i = 0; i < template_set_count(set); i++) {
		const struct template *tp = template_set_at(set, i);
		struct px_buf fr = PX_BUF_INIT;
		frames_text(tp, &fr);
		const char *role = template_role_name(template_role(tp));
		const char *src = template_source_name(template_source(tp));
		json_begin_object(&w);
		json_member_string(&w, "id", template_id(tp));
		json_member_string(&w, "name", template_name(tp));
		json_member_int(&w, "version", template_version(tp));
		json_member_string(&w, "frames", fr.data);
		json_member_string(&w, "role", role);
		json_member_string(&w, "source", src);
		json_member_string(&w, "path", template_path(tp));
		json_end_object(&w);
		table_cell(t, template_id(tp));
		table_cell(t, template_name(tp));
		table_cell(t, fr.data);
		table_cell(t, role);
		table_cell(t, src);
		px_buf_free(&fr);
	}
	json_end_array(&w);
	if (format == OUT_JSON)
		fputs(json.data, stdout);
	else if (template_set_count(set) == 0)
		printf("No templates found: is praxis installed with its prompts folder?\n");
	else
		table_print(t, format, stdout);
	table_free(t);
	px_buf_free(&json);
	/* Broken files do not stop the others from being listed, but say so. */
	if (template_diags_errors(cli->template_diags))
		fprintf(stderr, "praxis: note: some template files have errors and are left out "
			"('praxis templates check' lists them)\n");
	return 0;
}

static void show_cite(const struct template_basis *b)
{
	const struct template_cite *c = &b->cite;
	printf("  %s: ", b->model);
	for (size_t i = 0; i < c->n_authors; i++)
		printf("%s%s", i ? (i + 1 == c->n_authors ? " and " : ", ") : "", c->authors[i]);
	printf(" (%s) %s", c->year ? c->year : "n.d.", c->title ? c->title : "");
	if (c->publisher)
		printf(". %s%s%s", c->place ? c->place : "", c->place ? ": " : "", c->publisher);
	if (c->journal)
		printf(". %s", c->journal);
	fputs(".\n", stdout);
}

static void show_step(size_t i, const struct template_step *st)
{
	printf("\n%2zu. %s [%s%s]\n", i + 1, st->id, template_kind_name(st->kind),
	       st->required ? ", required" : "");
	fputs("    ", stdout);
	cli_print_safe(stdout, st->title);
	fputc('\n', stdout);
	if (st->prompt) {
		fputs("    ", stdout);
		cli_print_safe(stdout, st->prompt);
		fputc('\n', stdout);
	}
	if (st->when)
		printf("    (shown only when its condition holds)\n");
	for (size_t k = 0; k < st->n_options; k++) {
		printf("      - %s: ", st->options[k].id);
		cli_print_safe(stdout, st->options[k].label);
		fputc('\n', stdout);
	}
	if (st->kind == TEMPLATE_SCALE)
		printf("    scale %d to %d%s%s\n", st->scale_min, st->scale_max,
		       st->measure ? ", measure " : "", st->measure ? st->measure : "");
	if (st->needs_fact)
		printf("    (skipped for now: needs the review fact '%s')\n", st->needs_fact);
}

static int templates_show(struct cli *cli, int argc, char **argv)
{
	int yaml = argc > 2 && strcmp(argv[2], "--yaml") == 0;
	if (argc != 2 + yaml)
		return cli_usage("templates", "templates show needs one template ID (and --yaml for "
				 "its file)");
	struct px_error err;
	px_error_clear(&err);
	const struct template *t = template_set_get(cli_templates(cli), argv[1], &err);
	if (!t)
		return cli_template_missing(cli, &err);
	if (yaml) {
		size_t len;
		const char *text = template_text(t, &len);
		fwrite(text, 1, len, stdout);
		return 0;
	}
	struct px_buf fr = PX_BUF_INIT;
	frames_text(t, &fr);
	printf("%s — ", template_id(t));
	cli_print_safe(stdout, template_name(t));
	printf("\nversion %d, role %s, frames %s, %s (%s)\n", template_version(t),
	       template_role_name(template_role(t)), fr.data,
	       template_source_name(template_source(t)), template_path(t));
	px_buf_free(&fr);
	if (*template_summary(t)) {
		cli_print_safe(stdout, template_summary(t));
		fputc('\n', stdout);
	}
	size_t nb;
	const struct template_basis *b = template_based_on(t, &nb);
	if (nb)
		printf("Based on:\n");
	for (size_t i = 0; i < nb; i++)
		show_cite(&b[i]);
	for (size_t i = 0; i < template_step_count(t); i++)
		show_step(i, template_step_at(t, i));
	return 0;
}

static int templates_check(struct cli *cli, int argc, char **argv)
{
	const struct template_set *set = cli_templates(cli);
	if (argc < 2) {
		size_t errors = print_diags(cli->template_diags, stdout);
		printf("%zu templates loaded, %zu %s\n", template_set_count(set), errors,
		       errors == 1 ? "error" : "errors");
		return errors ? EXIT_FAILURE : 0;
	}
	size_t errors = 0;
	for (int i = 1; i < argc; i++) {
		struct template_diags *d = template_diags_new();
		struct template *t = template_check_file(argv[i], set, d);
		size_t e = print_diags(d, stdout);
		size_t warnings = template_diags_count(d) - e;
		if (t)
			printf("%s: ok (template '%s', %zu steps%s)\n", argv[i], template_id(t),
			       template_step_count(t), warnings ? ", with warnings" : "");
		errors += e + (t == NULL && e == 0);
		template_free(t);
		template_diags_free(d);
	}
	return errors ? EXIT_FAILURE : 0;
}

/* Make DIR and its parents (0700). */
static int make_dirs(const char *dir, struct px_error *err)
{
	char *path = px_xstrdup(dir);
	int rc = 0;
	for (char *p = path + 1; rc == 0; p++) {
		if (*p != '/' && *p)
			continue;
		char was = *p;
		*p = '\0';
		if (mkdir(path, 0700) < 0 && errno != EEXIST)
			rc = px_error_at(err, PX_ERR_IO, path, 0, 0, "cannot create the folder: %s",
					 strerror(errno));
		*p = was;
		if (!was)
			break;
	}
	free(path);
	return rc;
}

static int templates_new(struct cli *cli, int argc, char **argv)
{
	if (argc != 2)
		return cli_usage("templates", "templates new needs the new template's ID");
	struct px_error err;
	px_error_clear(&err);
	char *text = template_new_skeleton(argv[1], &err);
	if (!text)
		return cli_usage("templates", "%s", err.msg);
	char *dir = template_dir_user();
	int rc = 0;
	if (!dir) {
		rc = cli_failf("no folder for your templates: set $HOME or $XDG_CONFIG_HOME");
	} else if (make_dirs(dir, &err) < 0) {
		rc = cli_fail(&err);
	} else {
		struct px_buf path = PX_BUF_INIT;
		px_buf_addf(&path, "%s/%s.yaml", dir, argv[1]);
		int fd = open(path.data, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
		size_t len = strlen(text);
		if (fd < 0) {
			rc = errno == EEXIST ? cli_failf("%s: already exists; edit it, or choose another "
							 "id", path.data)
					     : cli_failf("%s: %s", path.data, strerror(errno));
		} else if (write(fd, text, len) != (ssize_t)len || fsync(fd) != 0) {
			rc = cli_failf("%s: %s", path.data, strerror(errno));
			unlink(path.data);
		} else {
			printf("created %s\nedit it, then 'praxis templates check %s'\n", path.data,
			       path.data);
		}
		if (fd >= 0)
			close(fd);
		px_buf_free(&path);
	}
	(void)cli;
	free(dir);
	free(text);
	return rc;
}

int cmd_templates(struct cli *cli, int argc, char **argv)
{
	static const char *const verbs[] = { "list", "show", "check", "new" };
	if (argc < 2 || argv[1][0] == '-') {
		if (argc >= 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0))
			return cli_help_for("templates");
		return templates_list(cli, argc, argv);
	}
	const char *verb = argv[1];
	if (strcmp(verb, "list") == 0)
		return templates_list(cli, argc - 1, argv + 1);
	if (strcmp(verb, "show") == 0)
		return templates_show(cli, argc - 1, argv + 1);
	if (strcmp(verb, "check") == 0)
		return templates_check(cli, argc - 1, argv + 1);
	if (strcmp(verb, "new") == 0)
		return templates_new(cli, argc - 1, argv + 1);
	const char *near = suggest_nearest(verb, verbs, 4);
	if (near)
		return cli_usage("templates", "'%s' is not a templates command (did you mean '%s'?)",
				 verb, near);
	return cli_usage("templates", "'%s' is not a templates command (list, show, check, new)",
			 verb);
}
