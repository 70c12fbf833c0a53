/*
 * template_diag.c — the list of problems found while loading templates and
 * vocabularies, and the validation context's way of adding to it.
 *
 * A diagnostic owns one allocation holding its file, path and message, so
 * the list can outlive the templates and trees it talks about.  Within a
 * file, diagnostics are sorted by position at the end of loading, so a
 * user reads them top to bottom whichever pass found them.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "praxis/buf.h"
#include "template_impl.h"

struct diag_item {
	struct template_diag d;
	size_t seq;           /* order of arrival: ties keep it */
};

struct template_diags {
	struct diag_item *items;
	size_t n, cap;
	size_t errors;
};

struct template_diags *template_diags_new(void)
{
	return px_xcalloc(1, sizeof(struct template_diags));
}

void template_diags_free(struct template_diags *diags)
{
	if (!diags)
		return;
	for (size_t i = 0; i < diags->n; i++)
		free((void *)diags->items[i].d.file);
	free(diags->items);
	free(diags);
}

size_t template_diags_count(const struct template_diags *diags)
{
	return diags ? diags->n : 0;
}

size_t template_diags_errors(const struct template_diags *diags)
{
	return diags ? diags->errors : 0;
}

const struct template_diag *template_diags_get(const struct template_diags *diags, size_t i)
{
	return diags && i < diags->n ? &diags->items[i].d : NULL;
}

char *template_diag_format(const struct template_diag *d)
{
	struct px_buf b = PX_BUF_INIT;
	px_buf_adds(&b, d->file);
	if (d->line > 0)
		px_buf_addf(&b, ":%d:%d", d->line, d->column > 0 ? d->column : 1);
	px_buf_adds(&b, ": ");
	if (d->path[0])
		px_buf_addf(&b, "%s: ", d->path);
	if (d->severity == TEMPLATE_WARNING)
		px_buf_adds(&b, "warning: ");
	px_buf_adds(&b, d->message);
	return px_buf_detach(&b);
}

void diags_add(struct template_diags *d, enum template_severity sev, const char *file,
	       int line, int column, const char *path, const char *msg)
{
	if (!d)
		return;
	size_t lf = strlen(file) + 1, lp = strlen(path) + 1, lm = strlen(msg) + 1;
	char *mem = px_xmalloc(lf + lp + lm);
	memcpy(mem, file, lf);
	memcpy(mem + lf, path, lp);
	memcpy(mem + lf + lp, msg, lm);
	/* A diagnostic is one line (faces print it after "praxis: "), but it may
	 * quote a multi-line scalar from the file: fold its newlines. */
	for (char *p = mem; p < mem + lf + lp + lm; p++)
		if (*p == '\n')
			*p = ' ';
	px_grow((void **)&d->items, &d->cap, d->n + 1, sizeof *d->items);
	struct diag_item *it = &d->items[d->n];
	it->d.severity = sev;
	it->d.file = mem;
	it->d.path = mem + lf;
	it->d.message = mem + lf + lp;
	it->d.line = line;
	it->d.column = column;
	it->seq = d->n;
	d->n++;
	if (sev == TEMPLATE_ERROR)
		d->errors++;
}

static int diag_cmp(const void *a, const void *b)
{
	const struct diag_item *x = a, *y = b;
	if (x->d.line != y->d.line)
		return x->d.line < y->d.line ? -1 : 1;
	if (x->d.column != y->d.column)
		return x->d.column < y->d.column ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

void diags_sort_from(struct template_diags *d, size_t start)
{
	if (!d || start >= d->n)
		return;
	qsort(d->items + start, d->n - start, sizeof *d->items, diag_cmp);
}

static void vdiag_v(struct vctx *c, enum template_severity sev, const struct ynode *at,
		    const char *path, const char *fmt, va_list ap)
	__attribute__((format(printf, 5, 0)));

static void vdiag_v(struct vctx *c, enum template_severity sev, const struct ynode *at,
		    const char *path, const char *fmt, va_list ap)
{
	char msg[1024];
	int line = at ? at->line : 1, column = at ? at->column : 1;
	if (vquiet(c)) {
		c->errors += sev == TEMPLATE_ERROR;
		return;
	}
	if (sev == TEMPLATE_ERROR && ++c->errors == TEMPLATE_MAX_ERRORS) {
		snprintf(msg, sizeof msg, "more than %d problems; the rest are not listed",
			 TEMPLATE_MAX_ERRORS - 1);
		diags_add(c->diags, sev, c->file, line, column, path ? path : "", msg);
		return;
	}
	vsnprintf(msg, sizeof msg, fmt, ap);
	diags_add(c->diags, sev, c->file, line, column, path ? path : "", msg);
}

bool vquiet(const struct vctx *c)
{
	return c->errors >= TEMPLATE_MAX_ERRORS;
}

void vdiag(struct vctx *c, enum template_severity sev, const struct ynode *at,
	   const char *path, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vdiag_v(c, sev, at, path, fmt, ap);
	va_end(ap);
}

void verror(struct vctx *c, const struct ynode *at, const char *path, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vdiag_v(c, TEMPLATE_ERROR, at, path, fmt, ap);
	va_end(ap);
}

void vwarn(struct vctx *c, const struct ynode *at, const char *path, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vdiag_v(c, TEMPLATE_WARNING, at, path, fmt, ap);
	va_end(ap);
}
