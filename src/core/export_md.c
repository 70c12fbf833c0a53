/*
 * export_md.c — the Markdown export: readable as it stands and the source
 * pandoc converts to DOCX and PDF.  Bodies and answers are the learner's
 * Markdown and go in as written (cleaned of control characters); prompts
 * are block quotes; each entry is a level-two heading after a rule, each
 * answered step a level-three heading with its word count.
 */
#include "export_impl.h"

#include "praxis/text.h"

#include <string.h>

static void md_begin(struct export_ctx *x)
{
	struct px_buf *b = &x->out.buf;
	const struct export_options *o = x->o;
	px_buf_adds(b, "# ");
	xclean_s(b, o->title && *o->title ? o->title : "Learning journal");
	px_buf_adds(b, "\n\n");
	xcover_byline(x, b, "\n\n");
	xcover_chosen(x, b);
	if (x->anon)
		px_buf_adds(b, " People are named by pseudonyms or roles.");
	px_buf_adds(b, "\n\n");
	if (!x->focus)
		return;
	const struct xinquiry *q = x->focus;
	px_buf_adds(b, "## Inquiry: ");
	xclean_s(b, q->question);
	px_buf_adds(b, "\n\n");
	xinquiry_line(q, b);
	xinquiry_totals(&x->focus_totals, b);
	px_buf_adds(b, "\n\n");
	if (q->summary && *q->summary) {
		px_buf_adds(b, "**Summary.** ");
		xclean_s(b, q->summary);
		px_buf_adds(b, "\n\n");
	}
}

/* TEXT as a block quote, line by line. */
static void md_quote(struct px_buf *b, const char *text)
{
	for (const char *p = text; *p;) {
		size_t n = strcspn(p, "\n");
		px_buf_adds(b, n ? "> " : ">");
		xclean(b, p, n);
		px_buf_addc(b, '\n');
		p += n + (p[n] == '\n');
	}
	px_buf_addc(b, '\n');
}

static void md_actions(struct px_buf *b, const struct xentry *e)
{
	for (size_t i = 0; i < e->n_planned; i++) {
		const struct xaction *a = e->planned[i];
		px_buf_adds(b, "- ");
		xclean_s(b, a->text);
		px_buf_adds(b, " \xe2\x80\x94 ");
		xaction_status(a, b);
		px_buf_addc(b, '\n');
	}
	px_buf_addc(b, '\n');
}

static void md_step_heading(struct px_buf *b, const struct xanswer *a)
{
	px_buf_adds(b, "### ");
	xclean_s(b, a->a.title && *a->a.title ? a->a.title : a->a.step_id);
	if (a->counted) {
		px_buf_adds(b, " (");
		xcount(b, a->words);
		px_buf_adds(b, a->words == 1 ? " word" : " words");
		if (a->step && a->step->words.target)
			px_buf_addf(b, "; target %d", a->step->words.target);
		px_buf_adds(b, ")");
	}
	px_buf_adds(b, "\n\n");
	if (a->a.prompt && *a->a.prompt)
		md_quote(b, a->a.prompt);
}

/* One answer; returns whether it showed the entry's actions. */
static bool md_answer(struct px_buf *b, const struct xentry *e, const struct xanswer *a,
		      bool actions_shown)
{
	md_step_heading(b, a);
	const char *kind = a->a.kind;
	if (strcmp(kind, "action") == 0 && !actions_shown && e->n_planned) {
		md_actions(b, e);
		return true;
	}
	if (strcmp(kind, "scale") == 0) {
		xscale_value(a, b);
		px_buf_adds(b, "\n\n");
	} else if (strcmp(kind, "recall") == 0) {
		md_quote(b, a->a.value_text ? a->a.value_text : "");
	} else if (a->a.value_text && *a->a.value_text) {
		xclean_s(b, a->a.value_text);
		px_buf_adds(b, "\n\n");
	}
	return false;
}

static void md_names(struct px_buf *b, const char *label, const char **names, size_t n,
		     const char *sigil, const char *sep)
{
	if (!n)
		return;
	px_buf_adds(b, label);
	for (size_t i = 0; i < n; i++) {
		px_buf_adds(b, i ? sep : "");
		px_buf_adds(b, sigil);
		xclean_s(b, names[i]);
	}
	px_buf_adds(b, "  \n");
}

static void md_context(struct export_ctx *x, struct px_buf *b, const struct xentry *e)
{
	if (e->inquiry && e->inquiry != x->focus) {
		px_buf_adds(b, "Inquiry: ");
		xclean_s(b, e->inquiry->question);
		px_buf_adds(b, "  \n");
	}
	if (e->template_id) {
		px_buf_adds(b, "Template: ");
		xclean_s(b, e->tmpl && e->tmpl->t ? template_name(e->tmpl->t) : e->template_id);
		px_buf_addf(b, " (%s, version %d)  \n", e->template_id, e->template_version);
	}
	md_names(b, "Tags: ", e->tags, e->n_tags, "#", " ");
	md_names(b, "People: ", e->people_shown, e->n_people, "", ", ");
	px_buf_addc(b, '\n');
}

static void md_follows(struct export_ctx *x, struct px_buf *b, const struct xentry *e)
{
	if (!e->n_follows)
		return;
	px_buf_adds(b, "Follows up:\n\n");
	for (size_t i = 0; i < e->n_follows; i++) {
		const struct xaction *a = e->follows[i];
		px_buf_adds(b, "- ");
		xclean_s(b, a->text);
		px_buf_adds(b, " (planned in ");
		xplanner(x, a, b);
		px_buf_adds(b, ") \xe2\x80\x94 ");
		xaction_status(a, b);
		px_buf_addc(b, '\n');
	}
	px_buf_addc(b, '\n');
}

static void md_entry(struct export_ctx *x, const struct xentry *e)
{
	struct px_buf *b = &x->out.buf;
	px_buf_adds(b, "---\n\n## ");
	xheading(e, b);
	px_buf_adds(b, "\n\n*");
	xmeta_line(x, e, b);
	px_buf_adds(b, "*\n\n");
	md_context(x, b, e);
	if (!text_is_blank(e->body)) {
		xclean_s(b, e->body);
		px_buf_adds(b, "\n\n");
	}
	bool actions_shown = false;
	for (size_t i = 0; i < e->n_answers; i++)
		actions_shown |= md_answer(b, e, &e->answers[i], actions_shown);
	if (e->n_planned && !actions_shown) {
		px_buf_adds(b, "### Actions\n\n");
		md_actions(b, e);
	}
	md_follows(x, b, e);
}

static void md_reference(const char *text, size_t len, bool italic, void *ctx)
{
	struct px_buf *b = ctx;
	if (italic)
		px_buf_addc(b, '*');
	xclean(b, text, len);
	if (italic)
		px_buf_addc(b, '*');
}

static void md_end(struct export_ctx *x)
{
	struct px_buf *b = &x->out.buf;
	px_buf_adds(b, "---\n\n## Word count\n\n");
	xcount(b, x->entries);
	px_buf_adds(b, x->entries == 1 ? " entry, " : " entries, ");
	xcount(b, x->words);
	px_buf_adds(b, x->words == 1 ? " word. " : " words. ");
	px_buf_adds(b, xword_rule);
	px_buf_adds(b, "\n");
	size_t n = cite_list_count(x->cites);
	if (!n)
		return;
	px_buf_adds(b, "\n## References\n\n");
	if (x->adapted)
		px_buf_adds(b, "Prompts adapted from the works listed.\n\n");
	for (size_t i = 0; i < n; i++) {
		cite_format(cite_list_at(x->cites, i), md_reference, b);
		px_buf_adds(b, i + 1 < n ? "\n\n" : "\n");
	}
}

const struct export_renderer export_md_renderer = { md_begin, md_entry, md_end, NULL };
