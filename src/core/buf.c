/*
 * buf.c — allocation wrappers and the growable string used across the core.
 */
#include "praxis/buf.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char px_buf_empty[1];

static void *check_alloc(void *p)
{
	if (!p)
		abort();
	return p;
}

void *px_xmalloc(size_t size) { return check_alloc(malloc(size ? size : 1)); }
void *px_xcalloc(size_t n, size_t size) { return check_alloc(calloc(n ? n : 1, size ? size : 1)); }
void *px_xrealloc(void *p, size_t size) { return check_alloc(realloc(p, size ? size : 1)); }

char *px_xstrdup(const char *s)
{
	return px_xstrndup(s, strlen(s));
}

char *px_xstrndup(const char *s, size_t n)
{
	size_t len = strnlen(s, n);
	char *copy = px_xmalloc(len + 1);
	memcpy(copy, s, len);
	copy[len] = '\0';
	return copy;
}

void px_grow(void **array, size_t *cap, size_t need, size_t size)
{
	if (need <= *cap)
		return;
	size_t n = *cap ? *cap : 8;
	while (n < need) {
		if (n > SIZE_MAX / 2 / size)
			abort();
		n *= 2;
	}
	*array = px_xrealloc(*array, n * size);
	*cap = n;
}

void px_buf_init(struct px_buf *b)
{
	b->data = px_buf_empty;
	b->len = b->cap = 0;
}

void px_buf_free(struct px_buf *b)
{
	if (b->cap)
		free(b->data);
	px_buf_init(b);
}

void px_buf_reset(struct px_buf *b)
{
	px_buf_truncate(b, 0);
}

void px_buf_grow(struct px_buf *b, size_t extra)
{
	if (extra > SIZE_MAX - b->len - 1)
		abort();
	size_t need = b->len + extra + 1;
	if (need <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 64;
	while (cap < need)
		cap = cap > SIZE_MAX / 2 ? need : cap * 2;
	if (b->cap) {
		b->data = px_xrealloc(b->data, cap);
	} else {
		b->data = px_xmalloc(cap);
		b->data[0] = '\0';
	}
	b->cap = cap;
}

void px_buf_add(struct px_buf *b, const void *data, size_t len)
{
	px_buf_grow(b, len);
	memcpy(b->data + b->len, data, len);
	b->len += len;
	b->data[b->len] = '\0';
}

void px_buf_adds(struct px_buf *b, const char *s)
{
	px_buf_add(b, s, strlen(s));
}

void px_buf_addc(struct px_buf *b, char c)
{
	/* One byte at a time is how escapers write: no copy call for it. */
	if (b->len + 2 > b->cap)
		px_buf_grow(b, 1);
	b->data[b->len++] = c;
	b->data[b->len] = '\0';
}

void px_buf_vaddf(struct px_buf *b, const char *fmt, va_list ap)
{
	va_list copy;
	va_copy(copy, ap);
	/* Format straight into the room there is; measure first only when it
	 * does not fit (or there is no room yet). */
	size_t room = b->cap > b->len ? b->cap - b->len : 0;
	int n = room ? vsnprintf(b->data + b->len, room, fmt, copy) : vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (n < 0) {
		if (room)
			b->data[b->len] = '\0';
		return;
	}
	if ((size_t)n >= room) {
		px_buf_grow(b, (size_t)n);
		vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	}
	b->len += (size_t)n;
}

void px_buf_addf(struct px_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	px_buf_vaddf(b, fmt, ap);
	va_end(ap);
}

void px_buf_truncate(struct px_buf *b, size_t len)
{
	if (len >= b->len)
		return;
	b->len = len;
	b->data[len] = '\0';
}

char *px_buf_detach(struct px_buf *b)
{
	char *s = b->cap ? b->data : px_xstrdup("");
	px_buf_init(b);
	return s;
}
