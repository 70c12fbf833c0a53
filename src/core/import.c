/*
 * import.c — reading a file in and deciding what it is, the one
 * transaction every import runs in, and the JSON helpers the importers
 * share: paths such as "entries[3].title", errors placed at a value, and
 * typed member access that names what was expected and what was found.
 */
#include "import_impl.h"

#include "db.h"
#include "praxis/buf.h"
#include "praxis/suggest.h"
#include "praxis/text.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The page cache an import runs with, as PRAGMA cache_size takes it. */
#define IMPORT_CACHE_KIB (-32768)

/* ---- formats ------------------------------------------------------------------ */

static const char *const format_names[] = {
	[IMPORT_GUESS] = "guess", [IMPORT_PRAXIS] = "praxis",
	[IMPORT_JRNL_JSON] = "jrnl-json", [IMPORT_JRNL_TXT] = "jrnl-txt",
};

const char *import_format_name(enum import_format f)
{
	return (unsigned)f <= IMPORT_JRNL_TXT ? format_names[f] : "";
}

int import_format_parse(const char *name, enum import_format *out, struct px_error *err)
{
	for (int i = IMPORT_GUESS; i <= IMPORT_JRNL_TXT; i++)
		if (strcmp(name, format_names[i]) == 0) {
			*out = (enum import_format)i;
			return 0;
		}
	if (strcmp(name, "json") == 0) {
		*out = IMPORT_PRAXIS;
		return 0;
	}
	const char *near = suggest_nearest(name, format_names + 1, 3);
	if (near)
		return px_error_set(err, PX_ERR_INVALID, "'%s' is not an import format (did you "
				    "mean '%s'?)", name, near);
	return px_error_set(err, PX_ERR_INVALID, "'%s' is not an import format (praxis, "
			    "jrnl-json or jrnl-txt)", name);
}

/* ---- paths and errors ------------------------------------------------------------ */

size_t jpath_key(struct jpath *p, const char *key)
{
	size_t before = p->len;
	int n = snprintf(p->text + p->len, sizeof p->text - p->len, "%s%s", p->len ? "." : "",
			 key);
	p->len = n < 0 ? p->len : p->len + (size_t)n < sizeof p->text ? p->len + (size_t)n
								     : sizeof p->text - 1;
	return before;
}

size_t jpath_index(struct jpath *p, size_t i)
{
	size_t before = p->len;
	int n = snprintf(p->text + p->len, sizeof p->text - p->len, "[%zu]", i);
	p->len = n < 0 ? p->len : p->len + (size_t)n < sizeof p->text ? p->len + (size_t)n
								     : sizeof p->text - 1;
	return before;
}

void jpath_back(struct jpath *p, size_t len)
{
	p->len = len;
	p->text[len] = '\0';
}

static int vfail(struct import_ctx *x, int line, int column, const struct jpath *p,
		 const char *fmt, va_list ap) __attribute__((format(printf, 5, 0)));

static int vfail(struct import_ctx *x, int line, int column, const struct jpath *p,
		 const char *fmt, va_list ap)
{
	struct px_buf msg = PX_BUF_INIT;
	if (p && p->len)
		px_buf_addf(&msg, "%s: ", p->text);
	px_buf_vaddf(&msg, fmt, ap);
	px_error_at(x->err, PX_ERR_SYNTAX, x->name, line, column, "%s", msg.data);
	px_buf_free(&msg);
	return -1;
}

int import_fail(struct import_ctx *x, const struct jv *v, const struct jpath *p,
		const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vfail(x, v ? v->line : 0, v ? v->column : 0, p, fmt, ap);
	va_end(ap);
	return -1;
}

int import_fail_line(struct import_ctx *x, int line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vfail(x, line, 0, NULL, fmt, ap);
	va_end(ap);
	return -1;
}

int import_fail_why(struct import_ctx *x, const struct jv *v, const struct jpath *p,
		    const struct px_error *why)
{
	int rc = import_fail(x, v, p, "%s", why->msg);
	/* Keep what kind of refusal it was (a database failure stays one). */
	if (why->code != PX_ERR_INVALID && why->code != PX_ERR_NOT_FOUND)
		x->err->code = why->code;
	else if (x->err->code == PX_ERR_SYNTAX)
		x->err->code = PX_ERR_INVALID;
	return rc;
}

/* ---- typed members ------------------------------------------------------------------ */

static const struct jv *member(struct import_ctx *x, const struct jv *obj, const struct jpath *p,
			       const char *key, unsigned flags, int *rc)
{
	const struct jv *v = jv_get(obj, key);
	*rc = 0;
	if (!v && !(flags & JGET_OPTIONAL))
		*rc = import_fail(x, obj, p, "'%s' is missing", key);
	if (v && v->type == JV_NULL && (flags & JGET_NULLABLE))
		return NULL;
	return v;
}

static int wrong_type(struct import_ctx *x, const struct jv *v, const struct jpath *p,
		      const char *key, const char *expected)
{
	struct jpath at = *p;
	jpath_key(&at, key);
	return import_fail(x, v, &at, "expected %s, found %s", expected, jv_type_phrase(v));
}

int jget_text(struct import_ctx *x, const struct jv *obj, const struct jpath *p,
	      const char *key, unsigned flags, const char **out)
{
	int rc;
	const struct jv *v = member(x, obj, p, key, flags, &rc);
	if (rc < 0 || !v)
		return rc;
	if (v->type != JV_STRING)
		return wrong_type(x, v, p, key, flags & JGET_NULLABLE ? "text or null" : "text");
	*out = v->u.str.s;
	return 0;
}

int jget_bool(struct import_ctx *x, const struct jv *obj, const struct jpath *p,
	      const char *key, unsigned flags, bool *out)
{
	int rc;
	const struct jv *v = member(x, obj, p, key, flags, &rc);
	if (rc < 0 || !v)
		return rc;
	if (v->type != JV_BOOL)
		return wrong_type(x, v, p, key, "true or false");
	*out = v->u.b;
	return 0;
}

int jget_int(struct import_ctx *x, const struct jv *obj, const struct jpath *p,
	     const char *key, unsigned flags, int64_t min, int64_t max, int64_t *out)
{
	int rc;
	const struct jv *v = member(x, obj, p, key, flags, &rc);
	if (rc < 0 || !v)
		return rc;
	if (v->type != JV_NUMBER || !v->is_int)
		return wrong_type(x, v, p, key, "a whole number");
	if (v->u.num.i < min || v->u.num.i > max) {
		struct jpath at = *p;
		jpath_key(&at, key);
		return import_fail(x, v, &at, "%lld is out of range (%lld to %lld)",
				   (long long)v->u.num.i, (long long)min, (long long)max);
	}
	*out = v->u.num.i;
	return 0;
}

int jget_kind(struct import_ctx *x, const struct jv *obj, const struct jpath *p,
	      const char *key, enum jv_type type, unsigned flags, const struct jv **out)
{
	int rc;
	*out = NULL;
	const struct jv *v = member(x, obj, p, key, flags, &rc);
	if (rc < 0 || !v)
		return rc;
	if (v->type != type)
		return wrong_type(x, v, p, key, type == JV_ARRAY ? "a list" : "an object");
	*out = v;
	return 0;
}

int jexpect(struct import_ctx *x, const struct jv *v, const struct jpath *p, enum jv_type type)
{
	if (v->type == type)
		return 0;
	struct jv want = { .type = (unsigned char)type };
	return import_fail(x, v, p, "expected %s, found %s", jv_type_phrase(&want),
			   jv_type_phrase(v));
}

int jknown_keys(struct import_ctx *x, const struct jv *obj, const struct jpath *p,
		const char *const *keys, size_t n)
{
	for (size_t i = 0; i < obj->u.obj.n; i++) {
		const struct jmember *m = &obj->u.obj.members[i];
		size_t k = 0;
		while (k < n && strcmp(keys[k], m->key) != 0)
			k++;
		if (k < n)
			continue;
		struct jv at = { .line = m->line, .column = m->column };
		const char *near = suggest_nearest(m->key, keys, n);
		if (near)
			return import_fail(x, &at, p, "'%.60s' is not a member here (did you mean "
					   "'%s'?)", m->key, near);
		return import_fail(x, &at, p, "'%.60s' is not a member here", m->key);
	}
	return 0;
}

/* ---- UUIDs ------------------------------------------------------------------------------- */

static size_t uuid_slot_of(const struct uuid_map *m, const char *uuid)
{
	uint64_t h = 1469598103934665603u;
	for (const char *p = uuid; *p; p++)
		h = (h ^ (unsigned char)*p) * 1099511628211u;
	size_t mask = m->cap - 1, i = (size_t)h & mask;
	while (m->slots[i].uuid && strcmp(m->slots[i].uuid, uuid) != 0)
		i = (i + 1) & mask;
	return i;
}

struct uuid_slot *uuid_find(const struct uuid_map *m, const char *uuid)
{
	if (!m->cap)
		return NULL;
	struct uuid_slot *s = &m->slots[uuid_slot_of(m, uuid)];
	return s->uuid ? s : NULL;
}

void uuid_put(struct uuid_map *m, const char *uuid, int64_t id, size_t index)
{
	if ((m->n + 1) * 2 > m->cap) {
		struct uuid_slot *old = m->slots;
		size_t old_cap = m->cap;
		m->cap = old_cap ? old_cap * 2 : 256;
		m->slots = px_xcalloc(m->cap, sizeof *m->slots);
		for (size_t i = 0; i < old_cap; i++)
			if (old[i].uuid)
				m->slots[uuid_slot_of(m, old[i].uuid)] = old[i];
		free(old);
	}
	struct uuid_slot *s = &m->slots[uuid_slot_of(m, uuid)];
	if (!s->uuid) {
		m->n++;
		s->uuid = px_xstrdup(uuid);
	}
	s->id = id;
	s->index = index;
}

void uuid_map_free(struct uuid_map *m)
{
	for (size_t i = 0; i < m->cap; i++)
		free(m->slots[i].uuid);
	free(m->slots);
	memset(m, 0, sizeof *m);
}

void import_step(struct import_ctx *x)
{
	x->done++;
	if (x->o && x->o->progress && (x->done % 256 == 0 || x->done == x->total))
		x->o->progress(x->done, x->total, x->o->ctx);
}

/* ---- the file --------------------------------------------------------------------------- */

static int too_large(const char *name, struct px_error *err)
{
	return px_error_at(err, PX_ERR_LIMIT, name, 0, 0, "is larger than %u MiB",
			   IMPORT_MAX_FILE / (1024 * 1024));
}

/* Everything FD has to give (at most IMPORT_MAX_FILE bytes, SIZE_HINT
 * expected), into *OUT; errors name NAME. */
static int read_fd(int fd, const char *name, size_t size_hint, char **out, size_t *len,
		   struct px_error *err)
{
	struct px_buf b = PX_BUF_INIT;
	px_buf_grow(&b, size_hint);
	char chunk[65536];
	ssize_t n;
	while ((n = read(fd, chunk, sizeof chunk)) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 || b.len + (size_t)n > IMPORT_MAX_FILE) {
			int e = errno;
			px_buf_free(&b);
			return n < 0 ? px_error_at(err, PX_ERR_IO, name, 0, 0, "%s", strerror(e))
				     : too_large(name, err);
		}
		px_buf_add(&b, chunk, (size_t)n);
	}
	*len = b.len;
	*out = px_buf_detach(&b);
	return 0;
}

static int read_all(const char *path, char **out, size_t *len, struct px_error *err)
{
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		return px_error_at(err, errno == ENOENT ? PX_ERR_NOT_FOUND : PX_ERR_IO, path, 0, 0,
				   "%s", errno == ELOOP ? "is a symbolic link; give the file it "
				   "points to" : strerror(errno));
	struct stat st;
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return px_error_at(err, PX_ERR_INVALID, path, 0, 0, "is not a regular file");
	}
	if ((uintmax_t)st.st_size > IMPORT_MAX_FILE) {
		close(fd);
		return too_large(path, err);
	}
	int rc = read_fd(fd, path, (size_t)st.st_size, out, len, err);
	close(fd);
	return rc;
}

/* Import the LEN bytes read into BUF (nothing when reading failed: GOT < 0), then free BUF. */
static int import_read(struct journal *j, int got, char *buf, size_t len, const char *name,
		       const struct import_options *o, struct import_summary *summary,
		       struct px_error *err)
{
	int rc = got < 0 ? -1 : import_buffer(j, buf, len, name, o, summary, err);
	free(buf);
	return rc;
}

int import_file(struct journal *j, const char *path, const struct import_options *o,
		struct import_summary *summary, struct px_error *err)
{
	char *buf = NULL;
	size_t len = 0;
	if (summary)
		memset(summary, 0, sizeof *summary);
	int got = read_all(path, &buf, &len, err);
	return import_read(j, got, buf, len, path, o, summary, err);
}

int import_stream(struct journal *j, int fd, const char *name, const struct import_options *o,
		  struct import_summary *summary, struct px_error *err)
{
	char *buf = NULL;
	size_t len = 0;
	if (summary)
		memset(summary, 0, sizeof *summary);
	/* Typed JSON is not what anyone means: say how to give the file. */
	if (isatty(fd))
		return px_error_at(err, PX_ERR_INVALID, name, 0, 0,
				   "is a terminal; pipe the file in (... | praxis import -)");
	/* Read to the end before the first write: a producer that dies half
	 * way leaves a truncated document, refused like a truncated file. */
	int got = read_fd(fd, name, 0, &buf, &len, err);
	return import_read(j, got, buf, len, name, o, summary, err);
}

/* What BUF looks like: JSON, a jrnl text journal, or neither. */
static enum import_format sniff(const char *buf, size_t len)
{
	size_t i = len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
	while (i < len && (buf[i] == ' ' || buf[i] == '\t' || buf[i] == '\r' || buf[i] == '\n'))
		i++;
	if (i < len && buf[i] == '{')
		return IMPORT_PRAXIS;   /* some JSON: which one, the document says */
	if (i < len && buf[i] == '[' && len - i > 5 && buf[i + 1] >= '0' && buf[i + 1] <= '9')
		return IMPORT_JRNL_TXT;
	return IMPORT_GUESS;
}

static int read_json(struct import_ctx *x, char *buf, size_t len, struct json_doc *doc)
{
	struct json_read_error jerr;
	if (json_read(buf, len, doc, &jerr) == 0)
		return 0;
	return px_error_at(x->err, PX_ERR_SYNTAX, x->name, jerr.line, jerr.column, "%s",
			   jerr.msg);
}

static int run_json(struct import_ctx *x, char *buf, size_t len, enum import_format f)
{
	struct json_doc doc;
	if (read_json(x, buf, len, &doc) < 0)
		return -1;
	int rc;
	if (doc.root.type != JV_OBJECT)
		rc = import_fail(x, &doc.root, NULL, "expected an object (a praxis or jrnl export), "
				 "found %s", jv_type_phrase(&doc.root));
	else if (f == IMPORT_GUESS || f == IMPORT_PRAXIS)
		rc = jv_get(&doc.root, "format") || f == IMPORT_PRAXIS ? import_praxis(x, &doc)
								      : import_jrnl_json(x, &doc);
	else
		rc = import_jrnl_json(x, &doc);
	json_doc_free(&doc);
	return rc;
}

static int dispatch(struct import_ctx *x, char *buf, size_t len)
{
	enum import_format f = x->o ? x->o->format : IMPORT_GUESS;
	enum import_format seen = sniff(buf, len);
	if (f == IMPORT_GUESS && seen == IMPORT_GUESS)
		return px_error_at(x->err, PX_ERR_INVALID, x->name, 0, 0,
				   "is neither praxis JSON nor a jrnl journal (JSON or text); "
				   "name the format if it is one");
	if (f == IMPORT_JRNL_TXT || (f == IMPORT_GUESS && seen == IMPORT_JRNL_TXT)) {
		x->sum->format = IMPORT_JRNL_TXT;
		return import_jrnl_txt(x, buf, len);
	}
	return run_json(x, buf, len, f);
}

/* A refusal quoting the file stays one line of valid UTF-8: newlines in a
 * quoted value (a JSON string may hold any) are folded, as template
 * diagnostics fold them, and a character cut short by a quote's length
 * limit ('%.40s') or by the message's own is left out. */
static void tidy_message(char *msg)
{
	size_t len = strlen(msg), out = 0;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t n = text_utf8_decode(msg + i, len - i, &cp);
		if (msg[i] == '\n' || msg[i] == '\r') {
			msg[out++] = ' ';
		} else if (cp != 0xFFFD || n > 1) {
			memmove(msg + out, msg + i, n);
			out += n;
		}
		i += n;
	}
	msg[out] = '\0';
}

int import_buffer(struct journal *j, char *buf, size_t len, const char *name,
		  const struct import_options *o, struct import_summary *summary,
		  struct px_error *err)
{
	struct import_summary local = { 0 };
	struct import_summary *sum = summary ? summary : &local;
	memset(sum, 0, sizeof *sum);
	struct import_ctx x = { .j = j, .name = name, .o = o, .sum = sum, .err = err };
	if (journal_begin(j, err) < 0)
		return -1;
	/* The search index rereads the segments it has just written as it
	 * merges them: SQLite's default 2 MiB cache spilled them and read them
	 * back (100k entries: a quarter more system time than with 32 MiB). */
	int cache = db_cache_set(j, IMPORT_CACHE_KIB);
	int rc = dispatch(&x, buf, len);
	if (rc == 0 && x.batch)
		rc = entry_batch_flush(x.batch, err);
	entry_batch_free(x.batch);
	if (rc < 0) {
		journal_rollback(j);
		db_cache_set(j, cache);
		memset(sum, 0, sizeof *sum);
		if (err)
			tidy_message(err->msg);
		return -1;
	}
	rc = journal_commit(j, err);
	db_cache_set(j, cache);
	if (rc < 0) {
		memset(sum, 0, sizeof *sum);
		return -1;
	}
	return 0;
}
