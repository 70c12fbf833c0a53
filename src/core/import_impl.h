/*
 * import_impl.h — what the importers share, private to the core: the
 * import context, JSON paths and errors that point at a value, typed
 * member access that refuses the wrong type with the place and path, and
 * the pieces jrnl needs (its tags as #tags, content-made UUIDs).
 *
 *   import.c         formats, reading the file, guessing, the transaction
 *   import_praxis.c  praxis JSON
 *   import_jrnl.c    jrnl's JSON export and its text journal
 */
#ifndef PRAXIS_CORE_IMPORT_IMPL_H
#define PRAXIS_CORE_IMPORT_IMPL_H

#include "jsonread.h"
#include "praxis/entry.h"
#include "praxis/import.h"

#include <stdbool.h>
#include <stdint.h>

struct import_ctx {
	struct journal *j;
	const char *name;           /* the file, for errors */
	const struct import_options *o;
	struct import_summary *sum;
	struct px_error *err;
	struct entry_batch *batch;
	size_t total, done;         /* entries in the file, and read so far */
};

/* A JSON path being walked: "entries[3].answers[0].text". */
struct jpath {
	char text[256];
	size_t len;
};

/* Append ".KEY" (just KEY at the top) or "[I]"; returns the length before,
 * for jpath_back. */
size_t jpath_key(struct jpath *p, const char *key);
size_t jpath_index(struct jpath *p, size_t i);
void jpath_back(struct jpath *p, size_t len);

/* Fail at value V (its line and column) of path P: "NAME:L:C: P: MESSAGE". */
int import_fail(struct import_ctx *x, const struct jv *v, const struct jpath *p,
		const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* Fail at LINE of a text file: "NAME:LINE: MESSAGE". */
int import_fail_line(struct import_ctx *x, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* A refusal of the core (WHY) placed at V and P. */
int import_fail_why(struct import_ctx *x, const struct jv *v, const struct jpath *p,
		    const struct px_error *why);

/* Members of OBJ (at path P) by type.  A missing member is an error
 * unless OPTIONAL (then *OUT is left as it was); JSON null is accepted as
 * absent when NULLABLE. */
enum jget_flags { JGET_REQUIRED = 0, JGET_OPTIONAL = 1, JGET_NULLABLE = 2 };
int jget_text(struct import_ctx *x, const struct jv *obj, const struct jpath *p,
	      const char *key, unsigned flags, const char **out);
int jget_bool(struct import_ctx *x, const struct jv *obj, const struct jpath *p,
	      const char *key, unsigned flags, bool *out);
int jget_int(struct import_ctx *x, const struct jv *obj, const struct jpath *p,
	     const char *key, unsigned flags, int64_t min, int64_t max, int64_t *out);
/* JV_ARRAY or JV_OBJECT members: *OUT is the member (NULL when absent or null). */
int jget_kind(struct import_ctx *x, const struct jv *obj, const struct jpath *p,
	      const char *key, enum jv_type type, unsigned flags, const struct jv **out);
/* V itself must be TYPE. */
int jexpect(struct import_ctx *x, const struct jv *v, const struct jpath *p, enum jv_type type);
/* Every member of OBJ is one of KEYS (else an error naming the nearest). */
int jknown_keys(struct import_ctx *x, const struct jv *obj, const struct jpath *p,
		const char *const *keys, size_t n);

/* UUIDs seen in a file, with the id each has in the journal and where in
 * the file it was (for "appears twice" errors). */
struct uuid_slot {
	char *uuid;                 /* NULL: an empty slot */
	int64_t id;
	size_t index;
};

struct uuid_map {
	struct uuid_slot *slots;
	size_t cap, n;
};

struct uuid_slot *uuid_find(const struct uuid_map *m, const char *uuid);
void uuid_put(struct uuid_map *m, const char *uuid, int64_t id, size_t index);
void uuid_map_free(struct uuid_map *m);

/* Count one entry read and tell the caller every few hundred. */
void import_step(struct import_ctx *x);

int import_praxis(struct import_ctx *x, const struct json_doc *doc);
int import_jrnl_json(struct import_ctx *x, const struct json_doc *doc);
int import_jrnl_txt(struct import_ctx *x, const char *buf, size_t len);

#endif
