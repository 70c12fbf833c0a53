/*
 * json.h — writing JSON text into a px_buf.  Only writing: the importer has
 * its own reader.  Strings are escaped per RFC 8259 (control characters as
 * \uXXXX, so the output is safe to show in a terminal); invalid UTF-8 is
 * written as U+FFFD so the output is always valid JSON.
 *
 * A small state machine inserts commas: call json_begin_object, then for
 * each member json_key + a value, then json_end_object.
 */
#ifndef PRAXIS_JSON_H
#define PRAXIS_JSON_H

#include "praxis/buf.h"

#include <stdint.h>

#define JSON_MAX_DEPTH 32

struct json_writer {
	struct px_buf *out;
	int pretty;                   /* newlines and two-space indents */
	int depth;
	int count[JSON_MAX_DEPTH];    /* values written at each depth */
	int after_key;
};

void json_init(struct json_writer *w, struct px_buf *out, int pretty);
void json_begin_object(struct json_writer *w);
void json_end_object(struct json_writer *w);
void json_begin_array(struct json_writer *w);
void json_end_array(struct json_writer *w);
void json_key(struct json_writer *w, const char *key);
void json_string(struct json_writer *w, const char *s);     /* NULL → null */
void json_int(struct json_writer *w, int64_t v);
void json_double(struct json_writer *w, double v);
void json_bool(struct json_writer *w, int v);
void json_null(struct json_writer *w);
/* Key and value in one call. */
void json_member_string(struct json_writer *w, const char *key, const char *s);
void json_member_int(struct json_writer *w, const char *key, int64_t v);
void json_member_bool(struct json_writer *w, const char *key, int v);

/* Append S to OUT as a quoted JSON string. */
void json_quote(struct px_buf *out, const char *s);

#endif
