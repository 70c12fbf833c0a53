/*
 * template_arena.c — a bump allocator for everything a loaded template or
 * vocabulary owns: its YAML tree, its strings, its steps.  Templates are
 * read once and then only read from, so freeing the arena in one go is the
 * whole memory story, and no error path in the loader can leak.
 */
#include "template_impl.h"

#include <stdalign.h>
#include <string.h>

#include "praxis/buf.h"

#define ARENA_BLOCK 8192

struct arena_block {
	struct arena_block *next;
	size_t used, size;
	alignas(max_align_t) unsigned char data[];
};

static size_t align_up(size_t n)
{
	size_t a = alignof(max_align_t);
	return (n + a - 1) / a * a;
}

void *arena_alloc(struct arena *a, size_t size)
{
	size = align_up(size ? size : 1);
	struct arena_block *b = a->head;
	if (!b || b->size - b->used < size) {
		size_t cap = size > ARENA_BLOCK ? size : ARENA_BLOCK;
		b = px_xmalloc(sizeof *b + cap);
		b->size = cap;
		b->used = 0;
		/* A big allocation goes in its own block behind the current one, so
		 * the current block's free space is not abandoned. */
		if (a->head && cap > ARENA_BLOCK) {
			b->next = a->head->next;
			a->head->next = b;
		} else {
			b->next = a->head;
			a->head = b;
		}
	}
	void *p = b->data + b->used;
	b->used += size;
	memset(p, 0, size);
	return p;
}

void *arena_array(struct arena *a, size_t n, size_t size)
{
	if (size && n > ((size_t)-1) / 2 / size)
		abort();
	return arena_alloc(a, n * size);
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p = arena_alloc(a, n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *arena_strdup(struct arena *a, const char *s)
{
	return s ? arena_strndup(a, s, strlen(s)) : NULL;
}

void arena_free(struct arena *a)
{
	struct arena_block *b = a->head;
	while (b) {
		struct arena_block *next = b->next;
		free(b);
		b = next;
	}
	a->head = NULL;
}
