/*
 * linemode.c — running a template in the terminal without the full UI
 * (REFLECTION.md §4.10), or unattended from an answers file, over the same
 * prompt engine the UI drives.
 *
 * Line mode reads standard input a line at a time, so it works the same
 * typed by hand or piped from a script.  In any step a line holding only
 * "<" goes back one step; end of input stops the run and keeps it as a
 * draft.  Text steps read until a line holding only "." (or end of input);
 * an empty answer skips a step that is not required.
 */
#include "cli.h"

#include "praxis/buf.h"
#include "praxis/engine.h"
#include "praxis/template.h"
#include "praxis/text.h"

#include <stdlib.h>
#include <string.h>

/* ---- the template set ----------------------------------------------------------- */

struct template_set *cli_templates(struct cli *cli)
{
	if (!cli->templates) {
		cli->template_diags = template_diags_new();
		cli->templates = template_set_load_default(cli->template_diags);
	}
	return cli->templates;
}

int cli_template_missing(struct cli *cli, const struct px_error *err)
{
	size_t bad = cli->template_diags ? template_diags_errors(cli->template_diags) : 0;
	if (!bad)
		return cli_fail(err);
	char line[PX_ERROR_WHERE_MAX + PX_ERROR_MSG_MAX + 32];
	px_error_format(err, line, sizeof line);
	return cli_failf("%s (some template files have errors: 'praxis templates check' lists "
			 "them)", line);
}

/* ---- reading input ------------------------------------------------------------------- */

enum got { GOT_LINE, GOT_BACK, GOT_EOF };

/* One line of input without its newline into *LINE (reused buffer). */
static enum got read_line(struct px_buf *line)
{
	px_buf_reset(line);
	int c;
	while ((c = getchar()) != EOF && c != '\n')
		px_buf_addc(line, (char)c);
	if (c == EOF && line->len == 0)
		return GOT_EOF;
	if (line->len && line->data[line->len - 1] == '\r')
		px_buf_truncate(line, line->len - 1);
	return strcmp(line->data, "<") == 0 ? GOT_BACK : GOT_LINE;
}

/* Text: lines until "." alone or end of input. */
static enum got read_text(struct px_buf *text)
{
	struct px_buf line = PX_BUF_INIT;
	enum got g;
	int lines = 0;
	px_buf_reset(text);
	while ((g = read_line(&line)) != GOT_EOF) {
		if (g == GOT_BACK && lines == 0)
			break;
		if (strcmp(line.data, ".") == 0) {
			g = GOT_LINE;
			break;
		}
		if (lines++)
			px_buf_addc(text, '\n');
		px_buf_add(text, line.data, line.len);
	}
	if (g == GOT_EOF && lines)
		g = GOT_LINE;
	px_buf_free(&line);
	return g;
}

/* ---- showing a step ---------------------------------------------------------------------- */

static void print_indented(const char *text, const char *indent)
{
	char *safe = text_escape_controls(text);
	for (char *p = safe; *p;) {
		size_t n = strcspn(p, "\n");
		printf("%s%.*s\n", indent, (int)n, p);
		p += n + (p[n] == '\n');
	}
	free(safe);
}

static const char *kind_hint(const struct template_step *st)
{
	switch (st->kind) {
	case TEMPLATE_TEXT: return "write your answer; a line with only '.' ends it";
	case TEMPLATE_SCALE: return NULL;
	case TEMPLATE_CHOICE: case TEMPLATE_OUTCOME: return "type a number or an id";
	case TEMPLATE_MULTI: return "type numbers or ids, separated by commas";
	case TEMPLATE_TAGS: return "tags, separated by commas";
	case TEMPLATE_PEOPLE: return "names, separated by commas";
	case TEMPLATE_DATE: return "a date: today, friday, +7d, 2026-03-20";
	case TEMPLATE_ACTION: return "what will you try? an empty line when done";
	case TEMPLATE_RECALL: case TEMPLATE_INFO: break;
	}
	return NULL;
}

static void show_step(struct engine *e)
{
	const struct template_step *st = engine_step(e);
	size_t cur, total;
	engine_progress(e, &cur, &total);
	printf("\n[%zu/%zu] ", cur, total);
	print_indented(engine_title(e), "");
	const char *prompt = engine_prompt(e);
	if (*prompt)
		print_indented(prompt, "");
	const char *guidance = engine_guidance(e);
	if (*guidance)
		print_indented(guidance, "  ");
	if (st->kind == TEMPLATE_RECALL) {
		const char *source;
		const char *text = engine_recall(e, &source);
		print_indented(text, "  > ");
		if (*source)
			print_indented(source, "    — ");
	}
	size_t n;
	const struct template_option *opts = engine_options(e, &n);
	for (size_t i = 0; i < n; i++) {
		printf("  %2zu) %s", i + 1, opts[i].id);
		if (strcmp(opts[i].label, opts[i].id) != 0) {
			fputs(" — ", stdout);
			cli_print_safe(stdout, opts[i].label);
		}
		fputc('\n', stdout);
	}
	if (st->kind == TEMPLATE_SCALE) {
		printf("  %d", st->scale_min);
		if (st->scale_low)
			printf(" (%s)", st->scale_low);
		printf(" to %d", st->scale_max);
		if (st->scale_high)
			printf(" (%s)", st->scale_high);
		fputc('\n', stdout);
	}
	const char *hint = kind_hint(st);
	if (hint)
		printf("  (%s%s)\n", hint, st->required ? "" : "; empty skips");
	fflush(stdout);
}

/* ---- one step ------------------------------------------------------------------------------ */

/* Read the actions of an action step: text line, then due date line. */
static enum got read_actions(const struct template_step *st, struct px_strlist *texts,
			     struct px_strlist *dues)
{
	struct px_buf line = PX_BUF_INIT;
	size_t max = st->max ? st->max : 1;
	enum got g = GOT_LINE;
	for (size_t i = 0; i < max; i++) {
		printf("  action %zu: ", i + 1);
		fflush(stdout);
		if ((g = read_line(&line)) != GOT_LINE || text_is_blank(line.data))
			break;
		strlist_add(texts, line.data);
		printf("  due (%s): ", st->dates.def ? st->dates.def : "+7d");
		fflush(stdout);
		if ((g = read_line(&line)) == GOT_EOF)
			g = GOT_LINE;
		strlist_add(dues, g == GOT_LINE ? line.data : "");
		if (g == GOT_BACK)
			break;
	}
	if (g == GOT_EOF && texts->len)
		g = GOT_LINE;
	px_buf_free(&line);
	return g;
}

/* Ask the current step once.  0: answered (or moved back); 1: input ended;
 * -1 the answer was refused (already printed: ask again); 2: taken, but
 * the draft could not be saved (already printed). */
static int ask_step(struct engine *e)
{
	const struct template_step *st = engine_step(e);
	struct engine_value v = { 0 };
	struct px_error err;
	px_error_clear(&err);
	struct px_buf text = PX_BUF_INIT;
	struct px_strlist texts = { 0 }, dues = { 0 };
	struct engine_action_plan plans[TEMPLATE_MAX_ACTIONS];
	enum got g = GOT_LINE;
	if (st->kind == TEMPLATE_TEXT) {
		g = read_text(&text);
		v.text = text.data;
	} else if (st->kind == TEMPLATE_ACTION) {
		g = read_actions(st, &texts, &dues);
		for (size_t i = 0; i < texts.len; i++)
			plans[i] = (struct engine_action_plan){ texts.items[i], dues.items[i] };
		v.actions = plans;
		v.n_actions = texts.len;
	} else if (st->kind != TEMPLATE_INFO && st->kind != TEMPLATE_RECALL) {
		fputs("> ", stdout);
		fflush(stdout);
		g = read_line(&text);
		v.text = text.data;
	}
	int rc = 0;
	if (g == GOT_EOF) {
		rc = 1;
	} else if (g == GOT_BACK) {
		if (engine_back(e, &err) < 0)
			rc = -1;
	} else if (engine_answer(e, &v, &err) < 0) {
		rc = -1;
	}
	if (rc < 0) {
		cli_fail(&err);
		/* Only a refused answer is INVALID; anything else failed while
		 * saving the draft, after the engine had taken the answer. */
		if (err.code != PX_ERR_INVALID)
			rc = 2;
	}
	px_buf_free(&text);
	strlist_free(&texts);
	strlist_free(&dues);
	return rc;
}

/* ---- the whole run ---------------------------------------------------------------------------- */

static int report_finished(struct cli *cli, int64_t id)
{
	struct journal *j = cli_journal(cli, 0);
	struct entry en;
	struct px_error err;
	px_error_clear(&err);
	if (!j || entry_get(j, id, &en, &err) < 0)
		return 0;
	printf("saved entry %lld: ", (long long)id);
	cli_print_safe(stdout, en.title);
	printf(" (%d words)\n", en.word_count);
	entry_free(&en);
	return 0;
}

/* The run's answers as Markdown, for a recovery file. */
static char *answers_text(struct engine *e)
{
	const struct template *t = engine_template(e);
	struct px_buf b = PX_BUF_INIT;
	px_buf_addf(&b, "# %s: answers praxis could not save\n\n"
		    "('praxis new --template %s' starts the run again; these are your words.)\n",
		    template_name(t), template_id(t));
	for (size_t i = 0; i < template_step_count(t); i++)
		if (engine_answered(e, i))
			px_buf_addf(&b, "\n## %s\n\n%s\n", template_step_at(t, i)->title,
				    engine_answer_text(e, i));
	return px_buf_detach(&b);
}

/* The run stops short: say where its answers are.  UNSAVED: the last save
 * of the draft failed, so the draft (if any) lacks answers. */
static int keep_draft(struct engine *e, int unsaved)
{
	if (unsaved) {
		char *text = answers_text(e);
		cli_recover("run", text);
		free(text);
		return EXIT_FAILURE;
	}
	if (engine_draft_id(e) == 0)
		return cli_failf("stopped before the first answer; nothing was written");
	fprintf(stderr, "praxis: stopped; your answers are kept as draft %lld "
		"('praxis new --resume %lld' continues)\n",
		(long long)engine_draft_id(e), (long long)engine_draft_id(e));
	return EXIT_FAILURE;
}

static int run_interactive(struct engine *e, int *unsaved)
{
	struct px_error err;
	px_error_clear(&err);
	while (engine_step(e)) {
		const struct template_step *st = engine_step(e);
		show_step(e);
		if (st->kind == TEMPLATE_INFO || st->kind == TEMPLATE_RECALL) {
			if (engine_answer(e, &(struct engine_value){ 0 }, &err) < 0)
				return cli_fail(&err);
			continue;
		}
		int rc = ask_step(e);
		if (rc == 1)
			return keep_draft(e, *unsaved);
		if (rc == 0 || rc == 2)
			*unsaved = rc == 2;
	}
	return 0;
}

static int run_answers(struct engine *e, const char *path)
{
	char *buf = NULL;
	size_t len = 0;
	struct px_error err;
	px_error_clear(&err);
	if (editor_read_file(path, ENGINE_MAX_ANSWERS_FILE, &buf, &len, &err) < 0)
		return cli_fail(&err);
	int rc = engine_run_answers(e, buf, len, path, &err);
	free(buf);
	if (rc < 0) {
		cli_fail(&err);
		/* The file still holds every answer: a half-run draft would only
		 * be clutter. */
		engine_discard(e, NULL);
		return EXIT_FAILURE;
	}
	return 0;
}

int cli_run_engine(struct cli *cli, struct engine *e, const char *answers)
{
	int unsaved = 0;
	int rc = answers ? run_answers(e, answers) : run_interactive(e, &unsaved);
	if (rc != 0)
		return rc;
	struct px_error err;
	px_error_clear(&err);
	int64_t id = 0;
	if (engine_finish(e, &id, &err) < 0) {
		cli_fail(&err);
		if (!answers && (engine_draft_id(e) || unsaved))
			keep_draft(e, unsaved);
		else
			engine_discard(e, NULL);
		return EXIT_FAILURE;
	}
	return report_finished(cli, id);
}
