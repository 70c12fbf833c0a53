/*
 * buf.h — a growable, always NUL-terminated byte string, and the core's
 * allocation wrappers.
 *
 * Out of memory is the one condition the core does not return as an error:
 * px_xmalloc and friends abort().  praxis is a small interactive program;
 * every change to the journal is one SQLite transaction, so an abort leaves
 * the journal exactly as it was, and threading ENOMEM through every string
 * operation would cost more clarity than it buys.
 *
 * A zeroed struct px_buf (PX_BUF_INIT) is an empty buffer; `data` is then
 * a static "" and must not be written through until something is added.
 */
#ifndef PRAXIS_BUF_H
#define PRAXIS_BUF_H

#include <stdarg.h>
#include <stddef.h>

/* They never return NULL: saying so lets the compiler and the static
 * analysers (make lint) follow the code as it is. */
#define PX_NONNULL_RESULT __attribute__((returns_nonnull))
void *px_xmalloc(size_t size) PX_NONNULL_RESULT;
void *px_xcalloc(size_t n, size_t size) PX_NONNULL_RESULT;
void *px_xrealloc(void *p, size_t size) PX_NONNULL_RESULT;
char *px_xstrdup(const char *s) PX_NONNULL_RESULT;
char *px_xstrndup(const char *s, size_t n) PX_NONNULL_RESULT;
/* Grow *array (of *cap elements of SIZE bytes) to hold at least NEED. */
void px_grow(void **array, size_t *cap, size_t need, size_t size);

struct px_buf {
	char *data;
	size_t len;
	size_t cap;
};

extern char px_buf_empty[];
#define PX_BUF_INIT { px_buf_empty, 0, 0 }

void px_buf_init(struct px_buf *b);
void px_buf_free(struct px_buf *b);
void px_buf_reset(struct px_buf *b);            /* length 0, keep memory */
void px_buf_grow(struct px_buf *b, size_t extra);
void px_buf_add(struct px_buf *b, const void *data, size_t len);
void px_buf_adds(struct px_buf *b, const char *s);
void px_buf_addc(struct px_buf *b, char c);
void px_buf_addf(struct px_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void px_buf_vaddf(struct px_buf *b, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));
void px_buf_truncate(struct px_buf *b, size_t len);
/* Hand the string to the caller (who frees it); the buffer becomes empty. */
char *px_buf_detach(struct px_buf *b) PX_NONNULL_RESULT;

#endif
