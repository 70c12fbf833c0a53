/*
 * cmd_show.c — `praxis show ID`: one entry in full, as readable text or
 * as JSON: its answers to a template's steps (each under the step's title,
 * with the prompt as it was asked), the actions it planned and the ones it
 * followed up.
 */
#include "cli.h"

#include "praxis/action.h"
#include "praxis/answer.h"
#include "praxis/buf.h"
#include "praxis/entry.h"
#include "praxis/json.h"
#include "praxis/text.h"

#include <stdlib.h>
#include <string.h>

static int answer_json(const struct answer *a, void *ctx)
{
	struct json_writer *w = ctx;
	json_begin_object(w);
	json_member_string(w, "step", a->step_id);
	json_member_string(w, "kind", a->kind);
	json_member_string(w, "title", a->title);
	json_member_string(w, "prompt", a->prompt);
	json_member_string(w, "text", a->value_text);
	if (a->has_num) {
		json_key(w, "number");
		json_double(w, a->value_num);
	}
	if (a->value_ids)
		json_member_string(w, "ids", a->value_ids);
	if (a->measure)
		json_member_string(w, "measure", a->measure);
	json_end_object(w);
	return 0;
}

static int action_json(const struct action *a, void *ctx)
{
	struct json_writer *w = ctx;
	json_begin_object(w);
	json_member_int(w, "id", a->id);
	json_member_string(w, "text", a->text);
	json_member_string(w, "due", a->due_date);
	json_member_string(w, "status", action_status_name(a->status));
	json_member_string(w, "outcome", a->outcome == OUTCOME_NONE ? NULL
							: action_outcome_name(a->outcome));
	json_member_int(w, "planned_by", a->planned_by);
	json_end_object(w);
	return 0;
}

static void show_json(struct journal *j, const struct entry *e)
{
	struct px_buf b = PX_BUF_INIT;
	struct json_writer w;
	json_init(&w, &b, 1);
	json_begin_object(&w);
	json_member_int(&w, "id", e->id);
	json_member_string(&w, "uuid", e->uuid);
	json_member_string(&w, "frame", entry_frame_name(e->frame));
	json_member_string(&w, "title", e->title);
	json_member_string(&w, "date", e->occurred_at);
	if (e->frame == FRAME_PERIOD) {
		json_member_string(&w, "period_start", e->period_start);
		json_member_string(&w, "period_end", e->period_end);
	}
	json_member_string(&w, "created", e->created_at);
	json_member_string(&w, "updated", e->updated_at);
	json_member_string(&w, "deleted", e->deleted_at[0] ? e->deleted_at : NULL);
	json_member_bool(&w, "private", e->is_private);
	json_key(&w, "inquiry");
	if (e->inquiry_id)
		json_int(&w, e->inquiry_id);
	else
		json_null(&w);
	json_member_string(&w, "template", e->template_id);
	json_member_int(&w, "words", e->word_count);
	json_key(&w, "tags");
	json_begin_array(&w);
	for (size_t i = 0; i < e->tags.len; i++)
		json_string(&w, e->tags.items[i]);
	json_end_array(&w);
	json_key(&w, "people");
	json_begin_array(&w);
	for (size_t i = 0; i < e->people.len; i++)
		json_string(&w, e->people.items[i]);
	json_end_array(&w);
	json_member_string(&w, "body", e->body);
	json_key(&w, "answers");
	json_begin_array(&w);
	answer_list(j, e->id, answer_json, &w, NULL);
	json_end_array(&w);
	json_key(&w, "actions");
	json_begin_array(&w);
	action_list_for_entry(j, e->id, action_json, &w, NULL);
	json_end_array(&w);
	json_key(&w, "follows_up");
	json_begin_array(&w);
	action_list_followed_by(j, e->id, action_json, &w, NULL);
	json_end_array(&w);
	json_end_object(&w);
	fputs(b.data, stdout);
	px_buf_free(&b);
}

static int answer_text(const struct answer *a, void *ctx)
{
	(void)ctx;
	fputc('\n', stdout);
	cli_print_safe(stdout, a->title && *a->title ? a->title : a->step_id);
	fputc('\n', stdout);
	if (a->prompt && *a->prompt) {
		fputs("  Q: ", stdout);
		cli_print_safe(stdout, a->prompt);
		fputc('\n', stdout);
	}
	if (a->value_text) {
		char *safe = text_escape_controls(a->value_text);
		for (char *p = safe; *p;) {
			size_t n = strcspn(p, "\n");
			printf("  %.*s\n", (int)n, p);
			p += n + (p[n] == '\n');
		}
		free(safe);
	}
	return 0;
}

static int action_text(const struct action *a, void *ctx)
{
	const char *what = ctx;
	printf("  %s action %lld: ", what, (long long)a->id);
	cli_print_safe(stdout, a->text);
	printf(" (due %s, %s%s%s)\n", a->due_date, action_status_name(a->status),
	       a->outcome != OUTCOME_NONE ? ", " : "",
	       a->outcome != OUTCOME_NONE ? action_outcome_name(a->outcome) : "");
	return 0;
}

static void show_text(struct journal *j, const struct entry *e)
{
	if (e->title[0]) {
		cli_print_safe(stdout, e->title);
		fputc('\n', stdout);
	}
	printf("%s · %s · entry %lld · %d words", entry_frame_label(e->frame), e->occurred_at,
	       (long long)e->id, e->word_count);
	if (e->frame == FRAME_PERIOD)
		printf(" · period %s to %s", e->period_start, e->period_end);
	if (e->inquiry_id)
		printf(" · inquiry %lld", (long long)e->inquiry_id);
	if (e->is_private)
		fputs(" · private", stdout);
	if (e->deleted_at[0])
		fputs(" · IN THE TRASH", stdout);
	fputc('\n', stdout);
	if (e->tags.len) {
		fputs("tags:", stdout);
		for (size_t i = 0; i < e->tags.len; i++) {
			fputs(" #", stdout);
			cli_print_safe(stdout, e->tags.items[i]);
		}
		fputc('\n', stdout);
	}
	if (e->people.len) {
		fputs("people:", stdout);
		for (size_t i = 0; i < e->people.len; i++) {
			fputs(" @", stdout);
			cli_print_safe(stdout, e->people.items[i]);
		}
		fputc('\n', stdout);
	}
	if (e->template_id)
		printf("template: %s (version %d)\n", e->template_id, e->template_version);
	if (e->body[0]) {
		fputc('\n', stdout);
		cli_print_safe(stdout, e->body);
		fputc('\n', stdout);
	}
	answer_list(j, e->id, answer_text, NULL, NULL);
	struct px_error err;
	px_error_clear(&err);
	if (action_list_followed_by(j, e->id, NULL, NULL, &err) > 0) {
		printf("\nFollows up:\n");
		action_list_followed_by(j, e->id, action_text, (void *)"->", NULL);
	}
	if (action_list_for_entry(j, e->id, NULL, NULL, &err) > 0) {
		printf("\nPlanned:\n");
		action_list_for_entry(j, e->id, action_text, (void *)"->", NULL);
	}
}

int cmd_show(struct cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int json = 0, c;
	while ((c = cli_getopt("show", argc, argv, "h", longopts)) != -1) {
		if (c == 'h')
			return cli_help_for("show");
		if (c != 'o')
			return EXIT_USAGE;
		if (strcmp(optarg, "json") == 0)
			json = 1;
		else if (strcmp(optarg, "text") != 0)
			return cli_usage("show", "'%s' is not a format (text or json)", optarg);
	}
	if (optind != argc - 1)
		return cli_usage("show", optind >= argc ? "which entry? give its ID"
						       : "give exactly one entry ID");
	int64_t id;
	if (cli_parse_id("show", "an entry", argv[optind], &id))
		return EXIT_USAGE;
	struct journal *j = cli_journal(cli, 0);
	if (!j)
		return EXIT_FAILURE;
	struct entry e;
	struct px_error err;
	px_error_clear(&err);
	int rc = 0;
	if (entry_get(j, id, &e, &err) < 0)
		rc = cli_fail(&err);
	else if (json)
		show_json(j, &e);
	else
		show_text(j, &e);
	entry_free(&e);
	return rc;
}
