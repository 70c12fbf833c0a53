/*
 * export_flow.c — the questions between Browse's E and a file on disk (see
 * export_flow.h): format, private entries, names, file, replacing it.
 * Each answer's callback asks the next question or ends the flow; every
 * end frees the flow and leaves one line on the status line.  What is
 * exported and how is the core's (export.h); this only asks.
 */
#include "export_flow.h"

#include "prompt.h"

#include "praxis/buf.h"
#include "praxis/person.h"
#include "praxis/text.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct export_flow {
	struct export_selection sel;    /* its strings and ids are the flow's own */
	char *tag, *person, *query;
	int64_t *ids;
	size_t total;                   /* entries the list shows */
	size_t private;                 /* of which private */
	enum export_format format;
	int anonymise;
	char *path;                     /* as written to */
	char *typed;                    /* as typed, for the next export's default */
};

/* Remembered for the next export while praxis runs: the format chosen
 * last, and the file exported to last, as it was typed. */
static enum export_format last_format = EXPORT_MARKDOWN;
static char last_typed[QUESTION_MAX + 1];

static const struct {
	enum export_format format;
	const char *label;
} formats[] = {
	{ EXPORT_MARKDOWN, "Markdown (.md): to read, or to paste into coursework" },
	{ EXPORT_HTML, "HTML (.html): one file to read or print from a browser" },
	{ EXPORT_JSON, "praxis JSON (.json): everything, to import into another journal" },
	{ EXPORT_TEXT, "Plain text (.txt)" },
	{ EXPORT_DOCX, "Word (.docx), made by pandoc" },
	{ EXPORT_PDF, "PDF (.pdf), made by pandoc" },
};
#define N_FORMATS (sizeof formats / sizeof formats[0])

void export_flow_free(struct export_flow **slot)
{
	struct export_flow *f = *slot;
	if (!f)
		return;
	free(f->tag);
	free(f->person);
	free(f->query);
	free(f->ids);
	free(f->path);
	free(f->typed);
	free(f);
	*slot = NULL;
}

/* Esc at any question. */
static int cancelled(struct ui *ui, struct export_flow **slot)
{
	export_flow_free(slot);
	ui_status(ui, "Export cancelled: nothing written");
	return UI_HANDLED | UI_REDRAW;
}

/* Why nothing was written, as the flow ends. */
static int failed(struct ui *ui, struct export_flow **slot, const struct px_error *err)
{
	ui_error_px(ui, err);
	export_flow_free(slot);
	return UI_HANDLED | UI_REDRAW;
}

/* ---- the file -------------------------------------------------------------------- */

/* PATH as the status line shows it: under $HOME as ~/... */
static char *shown_path(const char *path)
{
	const char *home = getenv("HOME");
	size_t n = home ? strlen(home) : 0;
	while (n > 1 && home[n - 1] == '/')
		n--;
	struct px_buf b = PX_BUF_INIT;
	if (n > 1 && strncmp(path, home, n) == 0 && path[n] == '/')
		px_buf_addf(&b, "~%s", path + n);
	else
		px_buf_adds(&b, path);
	return px_buf_detach(&b);
}

/* TEXT (trimmed, not blank) as the path to write: a leading ~ is $HOME, a
 * relative name is made absolute.  NULL with ERR set when it cannot be. */
static char *resolve_path(const char *text, struct px_error *err)
{
	struct px_buf b = PX_BUF_INIT;
	if (text[0] == '~') {
		const char *home = getenv("HOME");
		if (text[1] != '\0' && text[1] != '/') {
			px_error_set(err, PX_ERR_INVALID, "'%s': only a leading ~/ is understood (your "
				     "home folder); write other folders out in full", text);
			return NULL;
		}
		if (!home || home[0] != '/') {
			px_error_set(err, PX_ERR_INVALID, "'%s': $HOME is not set, so ~ means nothing",
				     text);
			return NULL;
		}
		px_buf_addf(&b, "%s%s", home, text + 1);
	} else if (text[0] != '/') {
		char cwd[4096];
		if (getcwd(cwd, sizeof cwd))
			px_buf_addf(&b, "%s/", strcmp(cwd, "/") == 0 ? "" : cwd);
		px_buf_adds(&b, text);
	} else {
		px_buf_adds(&b, text);
	}
	return px_buf_detach(&b);
}

/* The folder PATH would be written in must be one: 0, or -1 with ERR set. */
static int check_folder(const char *path, struct px_error *err)
{
	char *dir = px_xstrdup(path);
	char *slash = strrchr(dir, '/');
	if (slash == dir)
		slash[1] = '\0';   /* "/name": the root */
	else if (slash)
		*slash = '\0';
	struct stat st;
	int rc = 0;
	char *shown = shown_path(dir);
	if (stat(dir, &st) != 0)
		rc = px_error_set(err, errno == ENOENT ? PX_ERR_NOT_FOUND : PX_ERR_IO,
				  "'%s': %s; nothing written", shown,
				  errno == ENOENT ? "no such folder" : strerror(errno));
	else if (!S_ISDIR(st.st_mode))
		rc = px_error_set(err, PX_ERR_INVALID, "'%s' is not a folder; nothing written", shown);
	free(shown);
	free(dir);
	return rc;
}

static const struct template_set *flow_templates(void *ctx)
{
	return ui_templates(ctx);
}

static void say_count(struct px_buf *b, size_t n, const char *one, const char *many)
{
	px_buf_addf(b, "%zu %s", n, n == 1 ? one : many);
}

struct progress {
	struct ui *ui;
	size_t total;
	enum export_format format;
};

/* The loop cannot draw while the export runs, and a large journal, or
 * pandoc, takes seconds: the status line says how far it has got. */
static void show_progress(size_t done, void *ctx)
{
	struct progress *p = ctx;
	bool converting = p->format == EXPORT_DOCX || p->format == EXPORT_PDF;
	if (done >= p->total && converting)
		ui_status_now(p->ui, "Exporting: pandoc is making the %s file…",
			      p->format == EXPORT_PDF ? "PDF" : "Word");
	else
		ui_status_now(p->ui, "Exporting: %zu of %zu %s…", done, p->total,
			      p->total == 1 ? "entry" : "entries");
}

/* Write the file and say what was written, or why not. */
static int run_export(struct ui *ui, struct export_flow **slot)
{
	struct export_flow *f = *slot;
	struct export_options o;
	export_options_init(&o);
	o.format = f->format;
	o.sel = f->sel;
	o.anonymise = f->anonymise;
	o.templates = flow_templates;
	o.templates_ctx = ui;
	struct progress p = { ui, f->sel.include_private ? f->total : f->total - f->private,
			      f->format };
	o.progress = show_progress;
	o.ctx = &p;
	show_progress(0, &p);
	struct export_report r;
	struct px_error err;
	px_error_clear(&err);
	if (export_to_path(ui->j, &o, f->path, &r, &err) < 0) {
		export_report_free(&r);
		return failed(ui, slot, &err);
	}
	struct px_buf b = PX_BUF_INIT;
	char *shown = shown_path(f->path);
	px_buf_adds(&b, "Exported ");
	say_count(&b, r.entries, "entry", "entries");
	px_buf_adds(&b, " (");
	say_count(&b, r.words, "word", "words");
	px_buf_addf(&b, ") to %s", shown);
	if (f->private && !f->sel.include_private)
		px_buf_addf(&b, "; %zu private left out", f->private);
	if (f->anonymise)
		px_buf_adds(&b, "; names anonymised");
	if (r.unread_templates)
		px_buf_addf(&b, "; %zu template version%s unreadable, so references are missing",
			    r.unread_templates, r.unread_templates == 1 ? "" : "s");
	ui_status(ui, "%s", b.data);
	px_buf_free(&b);
	snprintf(last_typed, sizeof last_typed, "%s", f->typed);
	free(shown);
	export_report_free(&r);
	export_flow_free(slot);
	return UI_HANDLED | UI_REDRAW;
}

static int replace_answered(struct ui *ui, void *ctx, int32_t key)
{
	struct export_flow **slot = ctx;
	if (!*slot)
		return 0;
	if (key == 0)
		return cancelled(ui, slot);
	if (key == 'y')
		return run_export(ui, slot);
	char *shown = shown_path((*slot)->path);
	ui_status(ui, "Nothing written: '%s' is as it was", shown);
	free(shown);
	export_flow_free(slot);
	return UI_HANDLED | UI_REDRAW;
}

/* Copy TEXT without the blanks around it. */
static char *trimmed(const char *text)
{
	const char *start = text + strspn(text, " \t");
	size_t n = strlen(start);
	while (n && (start[n - 1] == ' ' || start[n - 1] == '\t'))
		n--;
	return px_xstrndup(start, n);
}

static int path_answered(struct ui *ui, void *ctx, const char *text)
{
	struct export_flow **slot = ctx;
	struct export_flow *f = *slot;
	if (!f)
		return 0;
	if (!text)
		return cancelled(ui, slot);
	struct px_error err;
	px_error_clear(&err);
	char *typed = trimmed(text);
	if (!*typed) {
		free(typed);
		px_error_set(&err, PX_ERR_INVALID, "the export needs a file name; nothing written");
		return failed(ui, slot, &err);
	}
	f->path = resolve_path(typed, &err);
	f->typed = typed;
	if (!f->path || check_folder(f->path, &err) < 0)
		return failed(ui, slot, &err);
	struct stat st;
	if (stat(f->path, &st) != 0)
		return run_export(ui, slot);
	char *shown = shown_path(f->path);
	if (S_ISDIR(st.st_mode)) {
		px_error_set(&err, PX_ERR_INVALID,
			     "'%s' is a folder; give the export a file name", shown);
		free(shown);
		return failed(ui, slot, &err);
	}
	struct px_buf q = PX_BUF_INIT;
	px_buf_addf(&q, "'%s' exists: replace it? y yes · n no", shown);
	ui_ask_key(ui, q.data, "yn\r", replace_answered, slot);
	px_buf_free(&q);
	free(shown);
	return UI_HANDLED | UI_REDRAW;
}

/* The file exported to last with this format's ending, or
 * ~/praxis-export-DATE.EXT. */
static char *default_path(const struct ui *ui, enum export_format format)
{
	const char *ext = export_format_name(format);
	struct px_buf b = PX_BUF_INIT;
	if (last_typed[0]) {
		const char *base = strrchr(last_typed, '/');
		base = base ? base + 1 : last_typed;
		const char *dot = strrchr(base, '.');
		size_t keep = dot && dot != base ? (size_t)(dot - last_typed) : strlen(last_typed);
		px_buf_add(&b, last_typed, keep);
		px_buf_addf(&b, ".%s", ext);
	} else {
		px_buf_addf(&b, "~/praxis-export-%s.%s", ui->today, ext);
	}
	return px_buf_detach(&b);
}

static int ask_path(struct ui *ui, struct export_flow **slot)
{
	char *initial = default_path(ui, (*slot)->format);
	ui_ask_text(ui, "Export to (Esc cancels): ", initial, path_answered, NULL, slot);
	free(initial);
	return UI_HANDLED | UI_REDRAW;
}

/* ---- names and private entries ---------------------------------------------------------- */

static int names_answered(struct ui *ui, void *ctx, int32_t key)
{
	struct export_flow **slot = ctx;
	if (!*slot)
		return 0;
	if (key == 0)
		return cancelled(ui, slot);
	/* Enter anonymises: the choice that cannot name a colleague by mistake. */
	(*slot)->anonymise = key != 'k';
	return ask_path(ui, slot);
}

static int stop_at_first(const struct person *p, void *ctx)
{
	(void)p, (void)ctx;
	return 1;
}

static int ask_names(struct ui *ui, struct export_flow **slot)
{
	struct px_error err;
	px_error_clear(&err);
	/* JSON is for importing, and an anonymised export cannot be imported. */
	int people = (*slot)->format == EXPORT_JSON ? 0
						   : person_list(ui->j, stop_at_first, NULL, &err);
	if (people < 0)
		return failed(ui, slot, &err);
	if (people == 0)
		return ask_path(ui, slot);
	ui_ask_key(ui, "Colleagues' names: a anonymise (Enter; stand-ins, as coursework needs) "
		       "· k keep them", "ak\r", names_answered, slot);
	return UI_HANDLED | UI_REDRAW;
}

static int private_answered(struct ui *ui, void *ctx, int32_t key)
{
	struct export_flow **slot = ctx;
	if (!*slot)
		return 0;
	if (key == 0)
		return cancelled(ui, slot);
	struct export_flow *f = *slot;
	f->sel.include_private = key == 'y';
	if (!f->sel.include_private && f->private == f->total) {
		export_flow_free(slot);
		ui_status(ui, "Nothing written: every entry listed is private");
		return UI_HANDLED | UI_REDRAW;
	}
	return ask_names(ui, slot);
}

static int ask_private(struct ui *ui, struct export_flow **slot)
{
	struct export_flow *f = *slot;
	if (!f->private)
		return ask_names(ui, slot);
	struct px_buf q = PX_BUF_INIT;
	if (f->private == f->total)
		px_buf_addf(&q, "%s private: export %s anyway? y yes · n no",
			    f->total == 1 ? "The entry is" : "All these entries are",
			    f->total == 1 ? "it" : "them");
	else
		px_buf_addf(&q, "%zu of the %zu entries %s private: export %s too? y yes · n no",
			    f->private, f->total, f->private == 1 ? "is" : "are",
			    f->private == 1 ? "it" : "them");
	ui_ask_key(ui, q.data, "yn\r", private_answered, slot);
	px_buf_free(&q);
	return UI_HANDLED | UI_REDRAW;
}

/* ---- the format --------------------------------------------------------------------------- */

static int format_chosen(struct ui *ui, void *ctx, long index)
{
	struct export_flow **slot = ctx;
	if (!*slot)
		return 0;
	if (index < 0 || (size_t)index >= N_FORMATS)
		return cancelled(ui, slot);
	struct px_error err;
	px_error_clear(&err);
	enum export_format format = formats[index].format;
	if (export_format_ready(format, NULL, &err) < 0)
		return failed(ui, slot, &err);
	(*slot)->format = last_format = format;
	return ask_private(ui, slot);
}

static int ask_format(struct ui *ui, struct export_flow **slot)
{
	const char *items[N_FORMATS];
	char *marked[N_FORMATS] = { NULL };
	size_t selected = 0;
	for (size_t i = 0; i < N_FORMATS; i++) {
		items[i] = formats[i].label;
		if (export_format_ready(formats[i].format, NULL, NULL) < 0) {
			struct px_buf b = PX_BUF_INIT;
			px_buf_addf(&b, "%.*s: needs pandoc, which is not installed",
				    (int)strcspn(formats[i].label, ","), formats[i].label);
			items[i] = marked[i] = px_buf_detach(&b);
		}
		if (formats[i].format == last_format)
			selected = i;
	}
	size_t n = (*slot)->total;
	struct px_buf title = PX_BUF_INIT;
	px_buf_addf(&title, "Export the %zu entr%s listed as", n, n == 1 ? "y" : "ies");
	struct choose_args args = {
		.title = title.data,
		.items = items,
		.n = N_FORMATS,
		.selected = selected,
		.done = format_chosen,
		.ctx = slot,
	};
	int flags = ui_choose(ui, &args);
	px_buf_free(&title);
	for (size_t i = 0; i < N_FORMATS; i++)
		free(marked[i]);
	return flags;
}

/* ---- starting ------------------------------------------------------------------------------ */

static void copy_selection(struct export_flow *f, const struct export_selection *sel)
{
	f->sel = *sel;
	f->tag = sel->tag ? px_xstrdup(sel->tag) : NULL;
	f->person = sel->person ? px_xstrdup(sel->person) : NULL;
	f->query = sel->query ? px_xstrdup(sel->query) : NULL;
	f->sel.tag = f->tag;
	f->sel.person = f->person;
	f->sel.query = f->query;
	if (sel->ids) {
		f->ids = px_xmalloc((sel->n_ids + 1) * sizeof *f->ids);
		memcpy(f->ids, sel->ids, sel->n_ids * sizeof *f->ids);
	}
	f->sel.ids = f->ids;
}

int export_flow_start(struct ui *ui, struct export_flow **slot, const struct export_selection *sel)
{
	export_flow_free(slot);
	struct export_flow *f = px_xcalloc(1, sizeof *f);
	copy_selection(f, sel);
	*slot = f;
	struct px_error err;
	px_error_clear(&err);
	size_t shown_public = 0;
	f->sel.include_private = 1;
	if (export_count(ui->j, &f->sel, &f->total, &err) < 0)
		return failed(ui, slot, &err);
	f->sel.include_private = 0;
	if (export_count(ui->j, &f->sel, &shown_public, &err) < 0)
		return failed(ui, slot, &err);
	f->private = f->total - shown_public;
	if (f->total == 0) {
		export_flow_free(slot);
		ui_status(ui, "Nothing to export: the list is empty");
		return UI_HANDLED | UI_REDRAW;
	}
	return ask_format(ui, slot);
}
