/*
 * import_jrnl.c — journals kept with jrnl (jrnl.sh): its JSON export and
 * its own text file, as import.h describes them.  Both read into the same
 * step: one note per entry, jrnl's @tags written as praxis #tags, a UUID
 * made from the entry's date, title and body so a second import of the
 * same journal skips what the first added.
 *
 * The text file is read as jrnl 4 reads it: an entry starts at a line
 * "[DATE] " whose DATE parses; its first line (without a trailing " *",
 * which stars it) is the title and the rest, trimmed, the body.  A
 * bracketed line that does not look like a date is text; one that looks
 * like a date (four digits and a dash) but does not parse is an error, so
 * a mistyped date never merges two entries silently.
 */
#include "import_impl.h"

#include "praxis/buf.h"
#include "praxis/date.h"
#include "praxis/sha256.h"
#include "praxis/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- what both formats share ------------------------------------------------------ */

/* A UUID of RFC 9562 version 8 from the SHA-256 of the entry's content. */
static void content_uuid(const char *at, const char *title, const char *body, char out[37])
{
	struct px_buf b = PX_BUF_INIT;
	px_buf_adds(&b, "jrnl");
	px_buf_addc(&b, '\0');
	px_buf_adds(&b, at);
	px_buf_addc(&b, '\0');
	px_buf_adds(&b, title);
	px_buf_addc(&b, '\0');
	px_buf_adds(&b, body);
	char hex[SHA256_HEX_SIZE];
	sha256_hex(b.data, b.len, hex);
	px_buf_free(&b);
	static const char digits[] = "0123456789abcdef";
	hex[12] = '8';
	hex[16] = digits[8 + (strchr(digits, hex[16]) - digits) % 4];
	snprintf(out, 37, "%.8s-%.4s-%.4s-%.4s-%.12s", hex, hex + 8, hex + 12, hex + 16, hex + 20);
}

struct sigils {
	const char *text;
	struct px_buf *marks;       /* offsets of the '@' praxis would read as mentions */
};

static void note_mention(const char *name, size_t len, void *ctx)
{
	(void)len;
	struct sigils *s = ctx;
	size_t at = (size_t)(name - s->text) - 1;
	px_buf_add(s->marks, &at, sizeof at);
}

/* TEXT with every @word that praxis would take for a person written #word:
 * in jrnl an @word is a tag. */
static char *hash_tags(const char *text)
{
	struct px_buf marks = PX_BUF_INIT;
	struct sigils s = { text, &marks };
	text_scan_people(text, note_mention, &s);
	char *out = px_xstrdup(text);
	for (size_t i = 0; i + sizeof(size_t) <= marks.len; i += sizeof(size_t)) {
		size_t at;
		memcpy(&at, marks.data + i, sizeof at);
		out[at] = '#';
	}
	px_buf_free(&marks);
	return out;
}

/* Where an entry came from, for errors: a JSON value or a text line. */
struct origin {
	const struct jv *v;
	struct jpath *p;
	int line;
};

static int fail_why(struct import_ctx *x, const struct origin *o, const struct px_error *why)
{
	if (o->v)
		return import_fail_why(x, o->v, o->p, why);
	int rc = import_fail_line(x, o->line, "%s", why->msg);
	x->err->code = why->code == PX_ERR_INVALID || why->code == PX_ERR_NOT_FOUND
			       ? PX_ERR_INVALID : why->code;
	return rc;
}

struct jrnl_entry {
	char at[20];                /* 'YYYY-MM-DD HH:MM:SS' */
	const char *title, *body;
	bool starred;
	const char *const *tags;    /* as jrnl listed them ("@work"), may be NULL */
	size_t n_tags;
};

static void collect_tag(const char *name, size_t len, void *ctx)
{
	char *copy = px_xstrndup(name, len);
	strlist_add_unique(ctx, copy);
	free(copy);
}

/* jrnl's listed tags that the text does not carry (and praxis can hold). */
static void listed_tags(const struct jrnl_entry *je, struct entry *e)
{
	struct px_strlist found = { 0 };
	text_scan_tags(e->title, collect_tag, &found);
	text_scan_tags(e->body, collect_tag, &found);
	for (size_t i = 0; i < je->n_tags; i++) {
		const char *t = je->tags[i];
		if (*t == '@' || *t == '#')
			t++;
		bool in_text = false;
		for (size_t k = 0; k < found.len && !in_text; k++)
			in_text = strcasecmp(found.items[k], t) == 0;
		if (!in_text && text_tag_valid(t, NULL) == 0)
			strlist_add_unique(&e->tags, t);
	}
	strlist_free(&found);
}

/* What one jrnl import keeps as it goes. */
struct jrnl_run {
	struct import_ctx *x;
	struct uuid_map seen;       /* the entries of this file */
	bool journal_has_entries;
};

static int jrnl_begin(struct jrnl_run *r, struct import_ctx *x)
{
	int64_t count = 0;
	r->x = x;
	if (entry_count(x->j, &count, x->err) < 0)
		return -1;
	r->journal_has_entries = count > 0;
	return entry_batch_new(x->j, &x->batch, x->err);
}

/* Is entry UUID one this import or the journal has already? */
static int already_there(struct jrnl_run *r, const char *uuid, bool *yes, struct px_error *why)
{
	int64_t id = 0;
	*yes = uuid_find(&r->seen, uuid) != NULL;
	if (!*yes && r->journal_has_entries && entry_find_uuid(r->x->j, uuid, &id, why) < 0)
		return -1;
	*yes = *yes || id != 0;
	return 0;
}

static int add_entry(struct jrnl_run *r, const struct jrnl_entry *je, const struct origin *o)
{
	struct import_ctx *x = r->x;
	struct entry e;
	entry_init(&e);
	content_uuid(je->at, je->title, je->body, e.uuid);
	char *title = hash_tags(je->title), *body = hash_tags(je->body);
	free(e.title);
	free(e.body);
	e.title = title;
	e.body = body;
	snprintf(e.occurred_at, sizeof e.occurred_at, "%s", je->at);
	e.starred = je->starred;
	listed_tags(je, &e);
	bool skip;
	struct px_error why;
	px_error_clear(&why);
	int rc = already_there(r, e.uuid, &skip, &why);
	if (rc == 0 && skip) {
		x->sum->entries.skipped++;
	} else if (rc == 0 && entry_batch_add(x->batch, &e, NULL, 0, &why) == 0) {
		x->sum->entries.added++;
		uuid_put(&r->seen, e.uuid, e.id, 0);
	} else {
		rc = fail_why(x, o, &why);
	}
	entry_free(&e);
	import_step(x);
	return rc;
}

static void count_names(struct import_ctx *x)
{
	struct entry_batch_counts c;
	entry_batch_counts(x->batch, &c);
	x->sum->tags = (struct import_counts){ c.tags_added, c.tags_found };
	x->sum->people = (struct import_counts){ c.people_added, c.people_found };
}

/* ---- jrnl's JSON export --------------------------------------------------------------------- */

/* 'YYYY-MM-DD' and 'HH:MM[:SS]' into a storage date-time. */
static int join_when(const char *date, const char *time, char out[20])
{
	struct px_datetime dt;
	char text[32];
	size_t n = strlen(time);
	if (strlen(date) != 10 || (n != 5 && n != 8))
		return -1;
	snprintf(text, sizeof text, "%s %s%s", date, time, n == 5 ? ":00" : "");
	if (datetime_parse_storage(text, &dt) < 0 || !dt.has_time)
		return -1;
	datetime_format(&dt, out);
	return 0;
}

static int json_tags(struct import_ctx *x, const struct jv *v, struct jpath *p,
		     const char ***out, size_t *n)
{
	const struct jv *tags;
	*out = NULL;
	*n = 0;
	if (jget_kind(x, v, p, "tags", JV_ARRAY, JGET_OPTIONAL, &tags) < 0)
		return -1;
	if (!tags)
		return 0;
	*out = px_xcalloc(tags->u.arr.n + 1, sizeof **out);
	for (size_t i = 0; i < tags->u.arr.n; i++) {
		size_t back = jpath_key(p, "tags");
		jpath_index(p, i);
		if (jexpect(x, &tags->u.arr.items[i], p, JV_STRING) < 0)
			return -1;
		jpath_back(p, back);
		(*out)[(*n)++] = tags->u.arr.items[i].u.str.s;
	}
	return 0;
}

static int json_entry(struct jrnl_run *r, const struct jv *v, struct jpath *p)
{
	struct import_ctx *x = r->x;
	struct jrnl_entry je = { .title = "", .body = "" };
	const char *date, *time;
	const char **tags = NULL;
	int rc = -1;
	if (jexpect(x, v, p, JV_OBJECT) == 0 && jget_text(x, v, p, "title", 0, &je.title) == 0 &&
	    jget_text(x, v, p, "body", JGET_OPTIONAL, &je.body) == 0 &&
	    jget_text(x, v, p, "date", 0, &date) == 0 && jget_text(x, v, p, "time", 0, &time) == 0 &&
	    jget_bool(x, v, p, "starred", JGET_OPTIONAL, &je.starred) == 0 &&
	    json_tags(x, v, p, &tags, &je.n_tags) == 0) {
		je.tags = tags;
		if (join_when(date, time, je.at) < 0) {
			jpath_key(p, "date");
			rc = import_fail(x, jv_get(v, "date"), p, "'%.20s %.20s' is not a valid date "
					 "and time", date, time);
		} else {
			struct origin o = { v, p, 0 };
			rc = add_entry(r, &je, &o);
		}
	}
	free(tags);
	return rc;
}

int import_jrnl_json(struct import_ctx *x, const struct json_doc *doc)
{
	const struct jv *root = &doc->root, *list, *tags;
	struct jpath p = { "", 0 };
	struct jrnl_run r = { 0 };
	x->sum->format = IMPORT_JRNL_JSON;
	if (jget_kind(x, root, &p, "entries", JV_ARRAY, 0, &list) < 0 ||
	    jget_kind(x, root, &p, "tags", JV_OBJECT, JGET_OPTIONAL, &tags) < 0 ||
	    jrnl_begin(&r, x) < 0)
		return -1;
	x->total = list->u.arr.n;
	int rc = 0;
	for (size_t i = 0; rc == 0 && i < list->u.arr.n; i++) {
		jpath_back(&p, 0);
		jpath_key(&p, "entries");
		jpath_index(&p, i);
		rc = json_entry(&r, &list->u.arr.items[i], &p);
	}
	if (rc == 0)
		count_names(x);
	uuid_map_free(&r.seen);
	return rc;
}

/* ---- jrnl's text journal -------------------------------------------------------------------- */

/* Digits at S (exactly N of them). */
static int digits_n(const char *s, int n, int *out)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

/* jrnl's header dates: 'YYYY-MM-DD HH:MM[:SS][ AM|PM]' (LEN bytes at S). */
static int parse_header_date(const char *s, size_t len, char out[20])
{
	struct px_datetime dt = { .has_time = 1 };
	int y, mo, d, h, mi, sec = 0;
	if (len < 16 || digits_n(s, 4, &y) < 0 || s[4] != '-' || digits_n(s + 5, 2, &mo) < 0 ||
	    s[7] != '-' || digits_n(s + 8, 2, &d) < 0 || s[10] != ' ' ||
	    digits_n(s + 11, 2, &h) < 0 || s[13] != ':' || digits_n(s + 14, 2, &mi) < 0)
		return -1;
	size_t i = 16;
	if (i < len && s[i] == ':') {
		if (len < 19 || digits_n(s + 17, 2, &sec) < 0)
			return -1;
		i = 19;
	}
	if (i < len) {
		if (len - i != 3 || s[i] != ' ' || (s[i + 2] != 'M' && s[i + 2] != 'm'))
			return -1;
		char half = s[i + 1];
		if ((half != 'A' && half != 'a' && half != 'P' && half != 'p') || h < 1 || h > 12)
			return -1;
		h = h % 12 + (half == 'P' || half == 'p' ? 12 : 0);
	}
	dt.date = (struct px_date){ y, mo, d };
	dt.hour = h;
	dt.minute = mi;
	dt.second = sec;
	if (!date_valid(&dt.date) || h > 23 || mi > 59 || sec > 59)
		return -1;
	datetime_format(&dt, out);
	return 0;
}

enum header { NOT_HEADER, HEADER, BAD_HEADER };

/* Is LINE (LEN bytes) "[DATE] ..."?  *TEXT is where the entry's text starts. */
static enum header header_of(const char *line, size_t len, char at[20], size_t *text)
{
	if (len < 2 || line[0] != '[')
		return NOT_HEADER;
	const char *close = memchr(line, ']', len);
	if (!close || (size_t)(close - line) + 1 >= len || close[1] != ' ')
		return NOT_HEADER;
	size_t n = (size_t)(close - line) - 1;
	if (parse_header_date(line + 1, n, at) == 0) {
		*text = (size_t)(close - line) + 2;
		return HEADER;
	}
	int year;
	/* Four digits and a dash: meant as a date. */
	return n >= 5 && digits_n(line + 1, 4, &year) == 0 && line[5] == '-' ? BAD_HEADER
									   : NOT_HEADER;
}

static bool is_space_byte(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* jrnl's split of an entry's text: a first line ending in '*' stars it;
 * the first line is the title (or, with no line break, the first
 * sentence) and the rest, trimmed, the body.  TEXT is rewritten. */
static void split_entry(char *text, struct jrnl_entry *je)
{
	size_t n = strcspn(text, "\n");
	char *first_end = text + n;
	char *e = first_end;
	while (e > text && is_space_byte(e[-1]))
		e--;
	if (e > text && e[-1] == '*') {
		je->starred = true;
		while (e > text && (e[-1] == '*' || e[-1] == ' '))
			e--;
	}
	char *rest = *first_end ? first_end + 1 : first_end;
	if (!*first_end) {
		/* One line: its first sentence is the title. */
		for (char *p = text; p < e; p++)
			if ((*p == '.' || *p == '!' || *p == '?') && p + 1 < e && is_space_byte(p[1])) {
				rest = p + 1;
				e = p + 1;
				break;
			}
	}
	*e = '\0';
	char *t = text;
	while (is_space_byte(*t) || *t == '*')
		t++;
	while (is_space_byte(*rest))
		rest++;
	char *end = rest + strlen(rest);
	while (end > rest && is_space_byte(end[-1]))
		*--end = '\0';
	je->title = t;
	je->body = rest;
}

struct txt_entry {
	char at[20];
	int line;                   /* of its header */
	struct px_buf text;
};

static int finish_txt_entry(struct jrnl_run *r, struct txt_entry *t)
{
	struct jrnl_entry je = { .title = "", .body = "" };
	memcpy(je.at, t->at, sizeof je.at);
	char *text = px_buf_detach(&t->text);
	split_entry(text, &je);
	struct origin o = { NULL, NULL, t->line };
	int rc = add_entry(r, &je, &o);
	free(text);
	return rc;
}

/* One line of the file: a header starts an entry, anything else is text. */
static int txt_line(struct jrnl_run *r, const char *line, size_t len, int lineno,
		    struct txt_entry *cur, bool *open)
{
	struct import_ctx *x = r->x;
	size_t bad;
	if (memchr(line, '\0', len))
		return import_fail_line(x, lineno, "a NUL byte in the text");
	if (!text_utf8_valid(line, len, &bad))
		return import_fail_line(x, lineno, "invalid UTF-8 (byte 0x%02x at column %zu)",
					(unsigned char)line[bad], bad + 1);
	char at[20];
	size_t start;
	enum header h = header_of(line, len, at, &start);
	if (h == BAD_HEADER) {
		int shown = (int)((const char *)memchr(line, ']', len) - line - 1);
		return import_fail_line(x, lineno, "'%.*s' is not a valid date and time (jrnl "
					"writes YYYY-MM-DD HH:MM[:SS] with AM or PM or without)",
					shown < 60 ? shown : 60, line + 1);
	}
	if (h == HEADER) {
		if (*open && finish_txt_entry(r, cur) < 0)
			return -1;
		memcpy(cur->at, at, sizeof cur->at);
		cur->line = lineno;
		px_buf_reset(&cur->text);
		px_buf_add(&cur->text, line + start, len - start);
		*open = true;
		return 0;
	}
	if (!*open) {
		for (size_t i = 0; i < len; i++)
			if (!is_space_byte(line[i]))
				return import_fail_line(x, lineno, "expected an entry, a line such as "
							"'[2026-03-10 09:00] Title'");
		return 0;
	}
	px_buf_addc(&cur->text, '\n');
	px_buf_add(&cur->text, line, len);
	return 0;
}

int import_jrnl_txt(struct import_ctx *x, const char *buf, size_t len)
{
	struct jrnl_run r = { 0 };
	x->sum->format = IMPORT_JRNL_TXT;
	if (jrnl_begin(&r, x) < 0)
		return -1;
	struct txt_entry cur = { .text = PX_BUF_INIT };
	bool open = false;
	int rc = 0, lineno = 0;
	size_t i = len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
	while (rc == 0 && i < len) {
		const char *nl = memchr(buf + i, '\n', len - i);
		size_t n = nl ? (size_t)(nl - (buf + i)) : len - i;
		size_t keep = n && buf[i + n - 1] == '\r' ? n - 1 : n;
		rc = txt_line(&r, buf + i, keep, ++lineno, &cur, &open);
		i += n + (nl != NULL);
	}
	if (rc == 0 && open)
		rc = finish_txt_entry(&r, &cur);
	else if (rc == 0)
		rc = import_fail_line(x, lineno ? lineno : 1, "holds no jrnl entries (lines such as "
				      "'[2026-03-10 09:00] Title')");
	if (rc == 0)
		count_names(x);
	px_buf_free(&cur.text);
	uuid_map_free(&r.seen);
	return rc;
}
