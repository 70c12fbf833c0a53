/*
 * export_txt.c — the plain-text export: no markup at all, headings
 * underlined to their width on screen, prompts indented after "Q:", so it
 * reads well in a terminal, an e-mail or a form that takes only text.
 */
#include "export_impl.h"

#include "praxis/text.h"

#include <stdlib.h>
#include <string.h>

/* HEADING (already clean) and a line of C under it as wide as it shows. */
static void txt_heading(struct px_buf *b, const char *heading, char c)
{
	px_buf_adds(b, heading);
	px_buf_addc(b, '\n');
	int w = text_width(heading);
	for (int i = 0; i < (w > 0 ? w : 1); i++)
		px_buf_addc(b, c);
	px_buf_adds(b, "\n\n");
}

static void txt_heading_of(struct px_buf *b, const char *prefix, const char *text, char c)
{
	struct px_buf h = PX_BUF_INIT;
	px_buf_adds(&h, prefix);
	xclean_s(&h, text);
	txt_heading(b, h.data, c);
	px_buf_free(&h);
}

static void txt_begin(struct export_ctx *x)
{
	struct px_buf *b = &x->out.buf;
	const struct export_options *o = x->o;
	txt_heading_of(b, "", o->title && *o->title ? o->title : "Learning journal", '=');
	xcover_byline(x, b, "\n");
	xcover_chosen(x, b);
	px_buf_addc(b, '\n');
	if (x->anon)
		px_buf_adds(b, "People are named by pseudonyms or roles.\n");
	px_buf_addc(b, '\n');
	if (!x->focus)
		return;
	txt_heading_of(b, "Inquiry: ", x->focus->question, '-');
	xinquiry_line(x->focus, b);
	xinquiry_totals(&x->focus_totals, b);
	px_buf_adds(b, "\n");
	if (x->focus->summary && *x->focus->summary) {
		px_buf_adds(b, "Summary: ");
		xclean_s(b, x->focus->summary);
		px_buf_addc(b, '\n');
	}
	px_buf_addc(b, '\n');
}

/* TEXT indented, the first line after LEAD. */
static void txt_indented(struct px_buf *b, const char *lead, const char *text)
{
	size_t pad = strlen(lead);
	bool first = true;
	for (const char *p = text; *p || first;) {
		size_t n = strcspn(p, "\n");
		if (first)
			px_buf_adds(b, lead);
		else
			for (size_t i = 0; i < pad; i++)
				px_buf_addc(b, ' ');
		xclean(b, p, n);
		px_buf_addc(b, '\n');
		first = false;
		p += n + (p[n] == '\n');
	}
}

/* With X, each action says which entry planned it. */
static void txt_action_list(struct export_ctx *x, struct px_buf *b,
			    const struct xaction *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const struct xaction *a = list[i];
		px_buf_adds(b, "  - ");
		xclean_s(b, a->text);
		if (x) {
			px_buf_adds(b, " (planned in ");
			xplanner(x, a, b);
			px_buf_adds(b, ")");
		}
		px_buf_adds(b, " \xe2\x80\x94 ");
		xaction_status(a, b);
		px_buf_addc(b, '\n');
	}
	px_buf_addc(b, '\n');
}

static bool txt_answer(struct px_buf *b, const struct xentry *e, const struct xanswer *a,
		       bool actions_shown)
{
	xclean_s(b, a->a.title && *a->a.title ? a->a.title : a->a.step_id);
	if (a->counted) {
		px_buf_adds(b, " (");
		xcount(b, a->words);
		px_buf_adds(b, a->words == 1 ? " word" : " words");
		if (a->step && a->step->words.target)
			px_buf_addf(b, "; target %d", a->step->words.target);
		px_buf_adds(b, ")");
	}
	px_buf_addc(b, '\n');
	if (a->a.prompt && *a->a.prompt)
		txt_indented(b, "  Q: ", a->a.prompt);
	if (strcmp(a->a.kind, "action") == 0 && !actions_shown && e->n_planned) {
		txt_action_list(NULL, b, e->planned, e->n_planned);
		return true;
	}
	if (strcmp(a->a.kind, "scale") == 0) {
		xscale_value(a, b);
		px_buf_addc(b, '\n');
	} else if (strcmp(a->a.kind, "recall") == 0) {
		txt_indented(b, "  \xe2\x80\x9c ", a->a.value_text ? a->a.value_text : "");
	} else if (a->a.value_text && *a->a.value_text) {
		xclean_s(b, a->a.value_text);
		px_buf_addc(b, '\n');
	}
	px_buf_addc(b, '\n');
	return false;
}

static void txt_context(struct export_ctx *x, struct px_buf *b, const struct xentry *e)
{
	if (e->inquiry && e->inquiry != x->focus) {
		px_buf_adds(b, "Inquiry: ");
		xclean_s(b, e->inquiry->question);
		px_buf_addc(b, '\n');
	}
	if (e->template_id) {
		px_buf_adds(b, "Template: ");
		xclean_s(b, e->tmpl && e->tmpl->t ? template_name(e->tmpl->t) : e->template_id);
		px_buf_addf(b, " (%s, version %d)\n", e->template_id, e->template_version);
	}
	if (e->n_tags) {
		px_buf_adds(b, "Tags:");
		for (size_t i = 0; i < e->n_tags; i++) {
			px_buf_adds(b, " #");
			xclean_s(b, e->tags[i]);
		}
		px_buf_addc(b, '\n');
	}
	if (e->n_people) {
		px_buf_adds(b, "People: ");
		for (size_t i = 0; i < e->n_people; i++) {
			px_buf_adds(b, i ? ", " : "");
			xclean_s(b, e->people_shown[i]);
		}
		px_buf_addc(b, '\n');
	}
	px_buf_addc(b, '\n');
}

static void txt_entry(struct export_ctx *x, const struct xentry *e)
{
	struct px_buf *b = &x->out.buf;
	struct px_buf h = PX_BUF_INIT;
	xheading(e, &h);
	px_buf_addc(b, '\n');
	txt_heading(b, h.data, '-');
	px_buf_free(&h);
	xmeta_line(x, e, b);
	px_buf_addc(b, '\n');
	txt_context(x, b, e);
	if (!text_is_blank(e->body)) {
		xclean_s(b, e->body);
		px_buf_adds(b, "\n\n");
	}
	bool actions_shown = false;
	for (size_t i = 0; i < e->n_answers; i++)
		actions_shown |= txt_answer(b, e, &e->answers[i], actions_shown);
	if (e->n_planned && !actions_shown) {
		px_buf_adds(b, "Actions:\n");
		txt_action_list(NULL, b, e->planned, e->n_planned);
	}
	if (e->n_follows) {
		px_buf_adds(b, "Follows up:\n");
		txt_action_list(x, b, e->follows, e->n_follows);
	}
}

static void txt_reference(const char *text, size_t len, bool italic, void *ctx)
{
	(void)italic;
	xclean(ctx, text, len);
}

static void txt_end(struct export_ctx *x)
{
	struct px_buf *b = &x->out.buf;
	px_buf_addc(b, '\n');
	txt_heading(b, "Word count", '-');
	xcount(b, x->entries);
	px_buf_adds(b, x->entries == 1 ? " entry, " : " entries, ");
	xcount(b, x->words);
	px_buf_adds(b, x->words == 1 ? " word. " : " words. ");
	px_buf_adds(b, xword_rule);
	px_buf_addc(b, '\n');
	size_t n = cite_list_count(x->cites);
	if (!n)
		return;
	px_buf_addc(b, '\n');
	txt_heading(b, "References", '-');
	if (x->adapted)
		px_buf_adds(b, "Prompts adapted from the works listed.\n\n");
	for (size_t i = 0; i < n; i++) {
		cite_format(cite_list_at(x->cites, i), txt_reference, b);
		px_buf_adds(b, i + 1 < n ? "\n\n" : "\n");
	}
}

const struct export_renderer export_txt_renderer = { txt_begin, txt_entry, txt_end, NULL };
