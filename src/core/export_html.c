/*
 * export_html.c — the HTML export: one self-contained file (no script, no
 * outside resource; a Content-Security-Policy says so to the browser) with
 * a quiet stylesheet for the screen and a print one for paper.  Every
 * string from the journal is escaped; bodies and answers are paragraphs
 * split at blank lines, their line breaks kept by the stylesheet rather
 * than interpreted as Markdown.
 */
#include "export_impl.h"

#include "praxis/text.h"

#include <string.h>

static const char html_head[] =
	"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
	"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	"<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
	"style-src 'unsafe-inline'\">\n<meta name=\"generator\" content=\"praxis\">\n";

static const char html_style[] =
	"<style>\n"
	"body { font-family: Georgia, \"Times New Roman\", serif; max-width: 42em;"
	" margin: 2em auto; padding: 0 1em; line-height: 1.5; color: #111; background: #fff; }\n"
	"h1, h2, h3 { font-family: \"Helvetica Neue\", Arial, sans-serif; line-height: 1.25; }\n"
	"h1 { font-size: 1.8em; margin-bottom: 0.3em; }\n"
	"h2 { font-size: 1.35em; margin: 1.6em 0 0.3em; }\n"
	"h3 { font-size: 1.05em; margin: 1.4em 0 0.3em; }\n"
	".cover p, .meta, .context, .words { color: #444; font-size: 0.92em; }\n"
	".meta { font-style: italic; margin-top: 0; }\n"
	".prompt { margin: 0.3em 0 0.6em; padding-left: 0.8em; border-left: 3px solid #bbb;"
	" color: #444; font-style: italic; }\n"
	".prompt p, .body p, .answer p, .recall p { white-space: pre-wrap; margin: 0 0 0.8em; }\n"
	".recall { margin: 0.3em 0 0.8em; padding-left: 0.8em; border-left: 3px solid #ddd; }\n"
	"article.entry { border-top: 1px solid #ccc; margin-top: 2.5em; }\n"
	".references p { padding-left: 2em; text-indent: -2em; }\n"
	"@media print {\n"
	"  body { max-width: none; margin: 0; padding: 0; font-size: 11pt; color: #000; }\n"
	"  .cover p, .meta, .context, .words, .prompt { color: #000; }\n"
	"  h2, h3 { break-after: avoid; page-break-after: avoid; }\n"
	"  .prompt, .step h3 { break-inside: avoid; page-break-inside: avoid; }\n"
	"  article.entry { border-top: 0.5pt solid #000; }\n"
	"  @page { margin: 2cm; }\n"
	"}\n</style>\n</head>\n<body>\n";

static void html_begin(struct export_ctx *x)
{
	struct px_buf *b = &x->out.buf;
	const struct export_options *o = x->o;
	const char *title = o->title && *o->title ? o->title : "Learning journal";
	px_buf_adds(b, html_head);
	px_buf_adds(b, "<title>");
	xhtml_s(b, title);
	px_buf_adds(b, "</title>\n");
	px_buf_adds(b, html_style);
	px_buf_adds(b, "<header class=\"cover\">\n<h1>");
	xhtml_s(b, title);
	px_buf_adds(b, "</h1>\n");
	if (o->author || o->course) {
		px_buf_adds(b, "<p>");
		xhtml_s(b, o->author);
		px_buf_adds(b, o->author && o->course ? " \xc2\xb7 " : "");
		xhtml_s(b, o->course);
		px_buf_adds(b, "</p>\n");
	}
	px_buf_adds(b, x->selection[0] ? "<p>Entries: " : "<p>All entries");
	xhtml_s(b, x->selection);
	px_buf_adds(b, ". Exported ");
	xdate_human(b, x->now, false);
	px_buf_adds(b, x->anon ? ". People are named by pseudonyms or roles.</p>\n</header>\n"
			       : ".</p>\n</header>\n");
	if (!x->focus)
		return;
	px_buf_adds(b, "<section class=\"inquiry\">\n<h2>Inquiry: ");
	xhtml_s(b, x->focus->question);
	px_buf_adds(b, "</h2>\n<p class=\"meta\">");
	struct px_buf line = PX_BUF_INIT;
	xinquiry_line(x->focus, &line);
	xhtml_s(b, line.data);
	px_buf_free(&line);
	xinquiry_totals(&x->focus_totals, b);
	px_buf_adds(b, "</p>\n");
	if (x->focus->summary && *x->focus->summary) {
		px_buf_adds(b, "<p><strong>Summary.</strong> ");
		xhtml_s(b, x->focus->summary);
		px_buf_adds(b, "</p>\n");
	}
	px_buf_adds(b, "</section>\n");
}

/* TEXT as paragraphs, split at blank lines. */
static void html_paragraphs(struct px_buf *b, const char *text)
{
	const char *p = text;
	while (*p) {
		while (*p == '\n' || *p == '\r')
			p++;
		if (!*p)
			break;
		const char *end = strstr(p, "\n\n");
		size_t n = end ? (size_t)(end - p) : strlen(p);
		while (n && (p[n - 1] == '\n' || p[n - 1] == '\r'))
			n--;
		px_buf_adds(b, "<p>");
		xhtml(b, p, n);
		px_buf_adds(b, "</p>\n");
		p = end ? end + 2 : p + strlen(p);
	}
}

/* An escaped copy of a line built with the shared wording helpers. */
static void html_line(struct px_buf *b, void (*make)(const struct xaction *, struct px_buf *),
		      const struct xaction *a)
{
	struct px_buf line = PX_BUF_INIT;
	make(a, &line);
	xhtml_s(b, line.data);
	px_buf_free(&line);
}

/* With X, each action says which entry planned it. */
static void html_actions(struct export_ctx *x, struct px_buf *b,
			 const struct xaction *const *list, size_t n)
{
	px_buf_adds(b, "<ul>\n");
	for (size_t i = 0; i < n; i++) {
		const struct xaction *a = list[i];
		px_buf_adds(b, "<li>");
		xhtml_s(b, a->text);
		if (x) {
			struct px_buf p = PX_BUF_INIT;
			xplanner(x, a, &p);
			px_buf_adds(b, " (planned in ");
			xhtml_s(b, p.data);
			px_buf_adds(b, ")");
			px_buf_free(&p);
		}
		px_buf_adds(b, " \xe2\x80\x94 ");
		html_line(b, xaction_status, a);
		px_buf_adds(b, "</li>\n");
	}
	px_buf_adds(b, "</ul>\n");
}

static void html_step_head(struct px_buf *b, const struct xanswer *a)
{
	px_buf_adds(b, "<section class=\"step\">\n<h3>");
	xhtml_s(b, a->a.title && *a->a.title ? a->a.title : a->a.step_id);
	if (a->counted) {
		px_buf_adds(b, " <span class=\"words\">(");
		xcount(b, a->words);
		px_buf_adds(b, a->words == 1 ? " word" : " words");
		if (a->step && a->step->words.target)
			px_buf_addf(b, "; target %d", a->step->words.target);
		px_buf_adds(b, ")</span>");
	}
	px_buf_adds(b, "</h3>\n");
	if (a->a.prompt && *a->a.prompt) {
		px_buf_adds(b, "<blockquote class=\"prompt\">\n");
		html_paragraphs(b, a->a.prompt);
		px_buf_adds(b, "</blockquote>\n");
	}
}

static bool html_answer(struct px_buf *b, const struct xentry *e, const struct xanswer *a,
			bool actions_shown)
{
	html_step_head(b, a);
	bool shown = false;
	if (strcmp(a->a.kind, "action") == 0 && !actions_shown && e->n_planned) {
		html_actions(NULL, b, e->planned, e->n_planned);
		shown = true;
	} else if (strcmp(a->a.kind, "scale") == 0) {
		struct px_buf v = PX_BUF_INIT;
		xscale_value(a, &v);
		px_buf_adds(b, "<div class=\"answer\"><p>");
		xhtml_s(b, v.data);
		px_buf_adds(b, "</p></div>\n");
		px_buf_free(&v);
	} else if (a->a.value_text && *a->a.value_text) {
		bool recall = strcmp(a->a.kind, "recall") == 0;
		px_buf_adds(b, recall ? "<blockquote class=\"recall\">\n" : "<div class=\"answer\">\n");
		html_paragraphs(b, a->a.value_text);
		px_buf_adds(b, recall ? "</blockquote>\n" : "</div>\n");
	}
	px_buf_adds(b, "</section>\n");
	return shown;
}

static void html_context(struct export_ctx *x, struct px_buf *b, const struct xentry *e)
{
	const char *sep = "<p class=\"context\">";
	if (e->inquiry && e->inquiry != x->focus) {
		px_buf_addf(b, "%sInquiry: ", sep);
		xhtml_s(b, e->inquiry->question);
		sep = "<br>\n";
	}
	if (e->template_id) {
		px_buf_addf(b, "%sTemplate: ", sep);
		xhtml_s(b, e->tmpl && e->tmpl->t ? template_name(e->tmpl->t) : e->template_id);
		px_buf_adds(b, " (");
		xhtml_s(b, e->template_id);
		px_buf_addf(b, ", version %d)", e->template_version);
		sep = "<br>\n";
	}
	if (e->n_tags) {
		px_buf_addf(b, "%sTags:", sep);
		for (size_t i = 0; i < e->n_tags; i++) {
			px_buf_adds(b, " #");
			xhtml_s(b, e->tags[i]);
		}
		sep = "<br>\n";
	}
	if (e->n_people) {
		px_buf_addf(b, "%sPeople: ", sep);
		for (size_t i = 0; i < e->n_people; i++) {
			px_buf_adds(b, i ? ", " : "");
			xhtml_s(b, e->people_shown[i]);
		}
		sep = "<br>\n";
	}
	if (sep[0] == '<' && sep[1] == 'b')
		px_buf_adds(b, "</p>\n");
}

static void html_entry(struct export_ctx *x, const struct xentry *e)
{
	struct px_buf *b = &x->out.buf, line = PX_BUF_INIT;
	px_buf_adds(b, "<article class=\"entry\" id=\"entry-");
	xhtml_s(b, e->uuid);
	px_buf_adds(b, "\">\n<h2>");
	xheading(e, &line);
	xhtml_s(b, line.data);
	px_buf_adds(b, "</h2>\n<p class=\"meta\">");
	px_buf_reset(&line);
	xmeta_line(x, e, &line);
	xhtml_s(b, line.data);
	px_buf_free(&line);
	px_buf_adds(b, "</p>\n");
	html_context(x, b, e);
	if (!text_is_blank(e->body)) {
		px_buf_adds(b, "<div class=\"body\">\n");
		html_paragraphs(b, e->body);
		px_buf_adds(b, "</div>\n");
	}
	bool shown = false;
	for (size_t i = 0; i < e->n_answers; i++)
		shown |= html_answer(b, e, &e->answers[i], shown);
	if (e->n_planned && !shown) {
		px_buf_adds(b, "<section class=\"actions\">\n<h3>Actions</h3>\n");
		html_actions(NULL, b, e->planned, e->n_planned);
		px_buf_adds(b, "</section>\n");
	}
	if (e->n_follows) {
		px_buf_adds(b, "<section class=\"follows\">\n<h3>Follows up</h3>\n");
		html_actions(x, b, e->follows, e->n_follows);
		px_buf_adds(b, "</section>\n");
	}
	px_buf_adds(b, "</article>\n");
}

static void html_reference(const char *text, size_t len, bool italic, void *ctx)
{
	struct px_buf *b = ctx;
	px_buf_adds(b, italic ? "<i>" : "");
	xhtml(b, text, len);
	px_buf_adds(b, italic ? "</i>" : "");
}

static void html_end(struct export_ctx *x)
{
	struct px_buf *b = &x->out.buf;
	px_buf_adds(b, "<section class=\"wordcount\">\n<h2>Word count</h2>\n<p>");
	xcount(b, x->entries);
	px_buf_adds(b, x->entries == 1 ? " entry, " : " entries, ");
	xcount(b, x->words);
	px_buf_adds(b, x->words == 1 ? " word. " : " words. ");
	xhtml_s(b, xword_rule);
	px_buf_adds(b, "</p>\n</section>\n");
	size_t n = cite_list_count(x->cites);
	if (n) {
		px_buf_adds(b, "<section class=\"references\">\n<h2>References</h2>\n");
		if (x->adapted)
			px_buf_adds(b, "<p>Prompts adapted from the works listed.</p>\n");
		for (size_t i = 0; i < n; i++) {
			px_buf_adds(b, "<p>");
			cite_format(cite_list_at(x->cites, i), html_reference, b);
			px_buf_adds(b, "</p>\n");
		}
		px_buf_adds(b, "</section>\n");
	}
	px_buf_adds(b, "</body>\n</html>\n");
}

const struct export_renderer export_html_renderer = { html_begin, html_entry, html_end, NULL };
