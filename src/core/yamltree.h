/*
 * yamltree.h — the core's private YAML reader: libyaml events turned into a
 * small tree of mappings, sequences and scalars that remembers where each
 * node starts (1-based line and column), so that every later complaint can
 * point at the exact place in the file.
 *
 * It reads the conservative subset of §4.9 and refuses the rest with one
 * error (the first problem found; nothing is built after it): anchors,
 * aliases, merge keys, explicit tags, more than one document, duplicate
 * keys, keys that are not plain text, NUL and control characters in text,
 * and nesting past TEMPLATE_MAX_DEPTH.  Mapping levels count; a sequence
 * counts only when it sits directly in another sequence (or at the top), so
 * `steps: [ {…} ]` is two levels, not three.
 *
 * All memory comes from the caller's arena; freeing the arena frees the
 * tree.  The buffer must already be valid UTF-8 (template_utf8_check).
 */
#ifndef PRAXIS_CORE_YAMLTREE_H
#define PRAXIS_CORE_YAMLTREE_H

#include <stdbool.h>
#include <stddef.h>

struct arena;

enum ynode_kind { YNODE_SCALAR, YNODE_MAP, YNODE_SEQ };

struct ynode {
	enum ynode_kind kind;
	int line, column;       /* 1-based start mark */
	const char *str;        /* scalar text, NUL-terminated, no NULs inside */
	size_t len;
	bool plain;             /* unquoted scalar (an empty plain scalar is null) */
	/* A comment right after a plain scalar on the line where it ends, without
	 * its '#', to the end of the line: `a: one #two` is "one" with comment
	 * "two".  NULL when there is none.  Kept because a '#' in unquoted text
	 * is easily meant as part of it (a #tag), and the reader should be told. */
	const char *comment;
	int comment_line, comment_column;   /* where its '#' is */
	struct ynode **kids;    /* seq: n items; map: key kids[2i], value kids[2i+1] */
	size_t n;
};

struct yerror {
	int line, column;
	char path[256];
	char msg[512];
};

/* Parse BUF into *ROOT (NULL for a stream with no document, e.g. an empty
 * file or only comments).  Returns 0, or -1 with ERR filled. */
int ytree_parse(struct arena *arena, const char *buf, size_t len, struct ynode **root,
		struct yerror *err);

/* The value for KEY in MAP, or NULL. */
const struct ynode *ymap_get(const struct ynode *map, const char *key);
/* The key node for KEY in MAP (for complaints about the key itself), or NULL. */
const struct ynode *ymap_key(const struct ynode *map, const char *key);
/* An empty plain scalar: `key:` with nothing after it. */
bool ynode_is_null(const struct ynode *n);
/* The first scalar under N, in file order, whose trailing comment starts
 * like a #tag (`a: A week of #rota changes.` is "A week of" and a
 * comment), or NULL: YAML's rule, but the words after the '#' were most
 * likely meant as text and would go without a sound.  *TAG_LEN is the
 * tag's length in bytes, after the comment's '#'. */
const struct ynode *ytree_comment_tag(const struct ynode *n, size_t *tag_len);
/* "a mapping", "a list", "text" — for messages. */
const char *ynode_kind_phrase(const struct ynode *n);

#endif
