/*
 * error.c — filling and formatting struct px_error.  See error.h for why
 * only the first error is kept.
 */
#include "praxis/error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void px_error_clear(struct px_error *err)
{
	if (!err)
		return;
	err->code = PX_OK;
	err->where[0] = '\0';
	err->line = err->column = 0;
	err->msg[0] = '\0';
}

static void error_vset(struct px_error *err, enum px_error_code code, const char *where,
		       int line, int column, const char *fmt, va_list ap)
{
	if (!err || err->code != PX_OK)
		return;
	err->code = code;
	snprintf(err->where, sizeof err->where, "%s", where ? where : "");
	err->line = line;
	err->column = column;
	vsnprintf(err->msg, sizeof err->msg, fmt, ap);
}

int px_error_set(struct px_error *err, enum px_error_code code, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	error_vset(err, code, NULL, 0, 0, fmt, ap);
	va_end(ap);
	return -1;
}

int px_error_at(struct px_error *err, enum px_error_code code, const char *where,
		int line, int column, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	error_vset(err, code, where, line, column, fmt, ap);
	va_end(ap);
	return -1;
}

void px_error_locate(struct px_error *err, const char *where, int line, int column)
{
	if (!err || err->code == PX_OK)
		return;
	snprintf(err->where, sizeof err->where, "%s", where ? where : "");
	err->line = line;
	err->column = column;
}

void px_error_format(const struct px_error *err, char *out, size_t size)
{
	if (!err || err->code == PX_OK) {
		snprintf(out, size, "no error");
	} else if (err->where[0] && err->line > 0 && err->column > 0) {
		snprintf(out, size, "%s:%d:%d: %s", err->where, err->line, err->column, err->msg);
	} else if (err->where[0] && err->line > 0) {
		snprintf(out, size, "%s:%d: %s", err->where, err->line, err->msg);
	} else if (err->where[0]) {
		snprintf(out, size, "%s: %s", err->where, err->msg);
	} else {
		snprintf(out, size, "%s", err->msg);
	}
}

const char *px_error_code_name(enum px_error_code code)
{
	static const char *const names[] = {
		[PX_OK] = "ok",
		[PX_ERR_INVALID] = "invalid",
		[PX_ERR_NOT_FOUND] = "not-found",
		[PX_ERR_IO] = "io",
		[PX_ERR_DB] = "database",
		[PX_ERR_BUSY] = "busy",
		[PX_ERR_READONLY] = "read-only",
		[PX_ERR_VERSION] = "version",
		[PX_ERR_NOT_JOURNAL] = "not-journal",
		[PX_ERR_CORRUPT] = "corrupt",
		[PX_ERR_NOMEM] = "no-memory",
		[PX_ERR_SYNTAX] = "syntax",
		[PX_ERR_LIMIT] = "limit",
		[PX_ERR_UNSAFE] = "unsafe",
	};
	if ((size_t)code < sizeof names / sizeof names[0] && names[code])
		return names[code];
	return "unknown";
}
