/*
 * jsonread.h — the core's private JSON reader, for import: strict RFC 8259
 * parsed into a small read-only tree that remembers where each value
 * starts (1-based line and column, the column counted in characters), so
 * every later complaint about a value can point at it.
 *
 * Strict means a document is refused, with the place and the reason of
 * the first problem, for anything RFC 8259 does not allow or praxis cannot
 * keep: trailing commas, comments, single quotes, NaN and Infinity,
 * leading zeros, raw control characters and invalid escapes in strings,
 * lone UTF-16 surrogates, invalid UTF-8 anywhere, text after the value,
 * duplicate keys in one object, "\u0000" (a string is handed on as C text),
 * and nesting deeper than JSON_READ_MAX_DEPTH.  A UTF-8 byte order mark at
 * the very start is skipped.
 *
 * The reader works in place: json_read() decodes every string inside the
 * caller's buffer (decoded text is never longer than its escaped form) and
 * NUL-terminates it there, so the tree points into BUF, which must stay
 * alive and unchanged as long as the document.  Nodes come from the
 * document's own blocks; json_doc_free() releases them all.  Reading a
 * 100 MB export costs about the file again in nodes.
 */
#ifndef PRAXIS_CORE_JSONREAD_H
#define PRAXIS_CORE_JSONREAD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define JSON_READ_MAX_DEPTH 64

enum jv_type { JV_NULL, JV_BOOL, JV_NUMBER, JV_STRING, JV_ARRAY, JV_OBJECT };

struct jmember;

struct jv {
	unsigned char type;          /* enum jv_type */
	bool is_int;                 /* JV_NUMBER written as an integer that fits int64 */
	int line, column;
	union {
		bool b;                              /* JV_BOOL */
		struct { double d; int64_t i; } num; /* JV_NUMBER: i when is_int */
		struct { const char *s; size_t len; } str;          /* JV_STRING */
		struct { struct jv *items; size_t n; } arr;         /* JV_ARRAY */
		struct { struct jmember *members; size_t n; } obj;  /* JV_OBJECT */
	} u;
};

struct jmember {
	const char *key;             /* decoded, NUL-terminated */
	size_t key_len;
	int line, column;            /* where the key starts */
	struct jv value;
};

struct json_block;

struct json_doc {
	struct jv root;
	struct json_block *blocks;
};

struct json_read_error {
	int line, column;            /* 1-based */
	char msg[256];               /* lower case, no full stop */
};

/* Parse the LEN bytes of BUF (no NUL needed; BUF is rewritten in place, see
 * above) into DOC.  Returns 0, or -1 with ERR filled and DOC empty (still
 * safe to json_doc_free). */
int json_read(char *buf, size_t len, struct json_doc *doc, struct json_read_error *err);
void json_doc_free(struct json_doc *doc);

/* The value of KEY in object OBJ, or NULL (also when OBJ is not an object). */
const struct jv *jv_get(const struct jv *obj, const char *key);
/* "null", "true or false", "a number", "text", "a list", "an object":
 * what a value is, for messages. */
const char *jv_type_phrase(const struct jv *v);

#endif
