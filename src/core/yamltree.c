/*
 * yamltree.c — libyaml's event stream turned into a node tree that keeps
 * each node's mark, refusing what the template format refuses (§4.9).
 *
 * The builder is a recursive descent over events; recursion is bounded by
 * the nesting limit, checked before descending, so hostile input cannot
 * exhaust the stack.  Duplicate keys are found with a small hash table per
 * mapping as each key arrives, so that the first problem in file order is
 * the one reported and a mapping of 50,000 keys costs linear time.
 */
#include "yamltree.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <yaml.h>

#include "praxis/template.h"
#include "praxis/text.h"
#include "template_impl.h"

enum yparent { YPARENT_NONE, YPARENT_MAP, YPARENT_SEQ };

struct ybuild {
	yaml_parser_t parser;
	struct arena *arena;
	const char *buf;
	size_t len;
	struct yerror *err;
	char path[256];
	size_t path_len;
	/* Where the comment finder last stood: libyaml's marks count characters
	 * by line and column, so a byte offset is found by walking forward from
	 * here (scalars come in file order, so the whole walk is linear). */
	size_t at_line, at_column, at_off;
};

static int yfail(struct ybuild *b, yaml_mark_t mark, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int yfail(struct ybuild *b, yaml_mark_t mark, const char *fmt, ...)
{
	va_list ap;
	b->err->line = (int)mark.line + 1;
	b->err->column = (int)mark.column + 1;
	snprintf(b->err->path, sizeof b->err->path, "%s", b->path);
	va_start(ap, fmt);
	vsnprintf(b->err->msg, sizeof b->err->msg, fmt, ap);
	va_end(ap);
	return -1;
}

/* libyaml's own complaint, with the mark of the problem.  Reader errors
 * carry a byte offset instead of a mark; the buffer is valid UTF-8 by now,
 * so they are rare (control characters), and the offset is turned into a
 * line and column here. */
static int syntax_error(struct ybuild *b)
{
	yaml_parser_t *p = &b->parser;
	yaml_mark_t mark = p->problem_mark;
	b->path[0] = '\0';
	if (p->error == YAML_MEMORY_ERROR)
		return yfail(b, mark, "out of memory while reading YAML");
	if (p->error == YAML_READER_ERROR) {
		mark.line = mark.column = 0;
		for (size_t i = 0; i < p->problem_offset && i < b->len; i++) {
			if (b->buf[i] == '\n') {
				mark.line++;
				mark.column = 0;
			} else if (((unsigned char)b->buf[i] & 0xC0) != 0x80) {
				mark.column++;
			}
		}
	}
	const char *problem = p->problem ? p->problem : "YAML syntax error";
	bool tab = p->error != YAML_READER_ERROR && mark.index < b->len &&
		   b->buf[mark.index] == '\t';
	if (p->context)
		return yfail(b, mark, "%s (%s at %d:%d)%s", problem, p->context,
			     (int)p->context_mark.line + 1, (int)p->context_mark.column + 1,
			     tab ? "; indent with spaces, not tabs" : "");
	return yfail(b, mark, "%s%s", problem, tab ? "; indent with spaces, not tabs" : "");
}

static int next_event(struct ybuild *b, yaml_event_t *ev)
{
	if (!yaml_parser_parse(&b->parser, ev))
		return syntax_error(b);
	return 0;
}

static size_t path_push_key(struct ybuild *b, const char *key)
{
	size_t old = b->path_len;
	size_t room = sizeof b->path - old;
	int n = snprintf(b->path + old, room, "%s%.40s", old ? "." : "", key);
	if (n > 0)
		b->path_len = (size_t)n < room ? old + (size_t)n : sizeof b->path - 1;
	return old;
}

static size_t path_push_index(struct ybuild *b, size_t i)
{
	size_t old = b->path_len;
	size_t room = sizeof b->path - old;
	int n = snprintf(b->path + old, room, "[%zu]", i);
	if (n > 0)
		b->path_len = (size_t)n < room ? old + (size_t)n : sizeof b->path - 1;
	return old;
}

static void path_pop(struct ybuild *b, size_t old)
{
	b->path_len = old;
	b->path[old] = '\0';
}

static struct ynode *new_node(struct ybuild *b, enum ynode_kind kind, yaml_mark_t mark)
{
	struct ynode *n = arena_alloc(b->arena, sizeof *n);
	n->kind = kind;
	n->line = (int)mark.line + 1;
	n->column = (int)mark.column + 1;
	n->str = "";
	return n;
}

/* Make room for COUNT children in N's array (doubling, from the arena). */
static void kids_reserve(struct ybuild *b, struct ynode *n, size_t *cap, size_t count)
{
	if (count <= *cap)
		return;
	size_t ncap = *cap ? 2 * *cap : 8;
	while (ncap < count)
		ncap *= 2;
	struct ynode **kids = arena_array(b->arena, ncap, sizeof *kids);
	if (n->kids)
		memcpy(kids, n->kids, *cap * sizeof *kids);
	n->kids = kids;
	*cap = ncap;
}

/* Anchors and tags may sit on any node; both are refused (§4.9). */
static int check_props(struct ybuild *b, const yaml_char_t *anchor, const yaml_char_t *tag,
		       yaml_mark_t mark)
{
	if (anchor)
		return yfail(b, mark, "anchors ('&%.40s') are not allowed in templates",
			     (const char *)anchor);
	if (tag) {
		const char *t = (const char *)tag;
		static const char core[] = "tag:yaml.org,2002:";
		if (strncmp(t, core, sizeof core - 1) == 0)
			return yfail(b, mark, "explicit tags ('!!%.40s') are not allowed; praxis "
				     "reads every value as text", t + sizeof core - 1);
		return yfail(b, mark, "explicit tags ('%.40s') are not allowed; praxis reads "
			     "every value as text", t);
	}
	return 0;
}

/* Text may hold tabs and newlines but no other control characters: a
 * prompt is drawn on a terminal, and NUL would cut the C string short. */
static int check_text(struct ybuild *b, const unsigned char *s, size_t len, yaml_mark_t mark)
{
	for (size_t i = 0; i < len; i++) {
		unsigned c = s[i];
		if (c == 0)
			return yfail(b, mark, "text contains a NUL character");
		if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7f)
			return yfail(b, mark, "text contains the control character U+%04X", c);
		if (c == 0xC2 && i + 1 < len && s[i + 1] >= 0x80 && s[i + 1] <= 0x9F)
			return yfail(b, mark, "text contains the control character U+%04X",
				     (unsigned)s[i + 1]);
	}
	return 0;
}

static struct ynode *build(struct ybuild *b, yaml_event_t *ev, int depth, enum yparent p);

/* Bytes of the line break at P (as libyaml counts them: CR LF, CR, LF,
 * NEL, LS, PS), or 0. */
static size_t line_break_len(const struct ybuild *b, size_t p)
{
	const unsigned char *s = (const unsigned char *)b->buf;
	size_t left = b->len - p;
	if (s[p] == '\r')
		return left > 1 && s[p + 1] == '\n' ? 2 : 1;
	if (s[p] == '\n')
		return 1;
	if (left > 1 && s[p] == 0xC2 && s[p + 1] == 0x85)
		return 2;
	if (left > 2 && s[p] == 0xE2 && s[p + 1] == 0x80 && (s[p + 2] == 0xA8 || s[p + 2] == 0xA9))
		return 3;
	return 0;
}

/* The byte offset of MARK, or b->len when it cannot be found. */
static size_t mark_offset(struct ybuild *b, yaml_mark_t mark)
{
	if (mark.line < b->at_line || (mark.line == b->at_line && mark.column < b->at_column))
		b->at_line = b->at_column = b->at_off = 0;
	while (b->at_off < b->len && b->at_line < mark.line) {
		size_t brk = line_break_len(b, b->at_off);
		if (brk) {
			b->at_line++;
			b->at_column = 0;
			b->at_off += brk;
		} else {
			b->at_off++;
		}
	}
	while (b->at_off < b->len && b->at_column < mark.column && !line_break_len(b, b->at_off)) {
		b->at_off++;
		while (b->at_off < b->len && ((unsigned char)b->buf[b->at_off] & 0xC0) == 0x80)
			b->at_off++;
		b->at_column++;
	}
	return b->at_line == mark.line && b->at_column == mark.column ? b->at_off : b->len;
}

/* Note the comment, if any, that follows plain scalar N ending at END. */
static void note_comment(struct ybuild *b, struct ynode *n, yaml_mark_t end)
{
	size_t p = mark_offset(b, end);
	size_t q = p;
	while (q < b->len && (b->buf[q] == ' ' || b->buf[q] == '\t'))
		q++;
	if (q == p || q >= b->len || b->buf[q] != '#')
		return;
	size_t e = q + 1;
	while (e < b->len && !line_break_len(b, e))
		e++;
	n->comment = arena_strndup(b->arena, b->buf + q + 1, e - q - 1);
	n->comment_line = (int)end.line + 1;
	n->comment_column = (int)(end.column + (q - p)) + 1;
}

static struct ynode *build_scalar(struct ybuild *b, yaml_event_t *ev)
{
	yaml_mark_t mark = ev->start_mark;
	int bad = check_props(b, ev->data.scalar.anchor, ev->data.scalar.tag, mark);
	if (!bad)
		bad = check_text(b, ev->data.scalar.value, ev->data.scalar.length, mark);
	struct ynode *n = NULL;
	if (!bad) {
		n = new_node(b, YNODE_SCALAR, mark);
		n->str = arena_strndup(b->arena, (const char *)ev->data.scalar.value,
				       ev->data.scalar.length);
		n->len = ev->data.scalar.length;
		n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
		if (n->plain)
			note_comment(b, n, ev->end_mark);
	}
	yaml_event_delete(ev);
	return n;
}

static struct ynode *build_seq(struct ybuild *b, yaml_event_t *ev, int depth, enum yparent p)
{
	yaml_mark_t mark = ev->start_mark;
	int level = p == YPARENT_MAP ? depth : depth + 1;
	int bad = check_props(b, ev->data.sequence_start.anchor, ev->data.sequence_start.tag, mark);
	yaml_event_delete(ev);
	if (bad)
		return NULL;
	if (level > TEMPLATE_MAX_DEPTH) {
		yfail(b, mark, "nesting deeper than %d levels", TEMPLATE_MAX_DEPTH);
		return NULL;
	}
	struct ynode *n = new_node(b, YNODE_SEQ, mark);
	size_t cap = 0;
	for (;;) {
		yaml_event_t item;
		if (next_event(b, &item))
			return NULL;
		if (item.type == YAML_SEQUENCE_END_EVENT) {
			yaml_event_delete(&item);
			return n;
		}
		size_t old = path_push_index(b, n->n);
		struct ynode *kid = build(b, &item, level, YPARENT_SEQ);
		if (!kid)
			return NULL;
		path_pop(b, old);
		kids_reserve(b, n, &cap, n->n + 1);
		n->kids[n->n++] = kid;
	}
}

/* Open-addressing set of the keys seen so far in one mapping. */
struct keyset {
	uint32_t *slots;     /* pair index + 1, 0 = empty */
	size_t cap, used;
};

static uint32_t key_hash(const char *s)
{
	uint32_t h = 2166136261u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static void keyset_insert(struct arena *a, struct keyset *ks, struct ynode *map, uint32_t idx);

static void keyset_grow(struct arena *a, struct keyset *ks, struct ynode *map)
{
	struct keyset bigger = { NULL, ks->cap ? 2 * ks->cap : 16, 0 };
	bigger.slots = arena_array(a, bigger.cap, sizeof *bigger.slots);
	for (size_t i = 0; i < ks->cap; i++)
		if (ks->slots[i])
			keyset_insert(a, &bigger, map, ks->slots[i] - 1);
	*ks = bigger;
}

static void keyset_insert(struct arena *a, struct keyset *ks, struct ynode *map, uint32_t idx)
{
	if (2 * (ks->used + 1) > ks->cap)
		keyset_grow(a, ks, map);
	size_t i = key_hash(map->kids[2 * idx]->str) & (ks->cap - 1);
	while (ks->slots[i])
		i = (i + 1) & (ks->cap - 1);
	ks->slots[i] = idx + 1;
	ks->used++;
}

/* The earlier key equal to KEY, or NULL. */
static const struct ynode *keyset_find(const struct keyset *ks, const struct ynode *map,
				       const char *key)
{
	if (!ks->cap)
		return NULL;
	size_t i = key_hash(key) & (ks->cap - 1);
	while (ks->slots[i]) {
		const struct ynode *k = map->kids[2 * (ks->slots[i] - 1)];
		if (strcmp(k->str, key) == 0)
			return k;
		i = (i + 1) & (ks->cap - 1);
	}
	return NULL;
}

/* A key: plain text only, not `<<`. */
static struct ynode *build_key(struct ybuild *b, yaml_event_t *ev)
{
	if (ev->type == YAML_SCALAR_EVENT) {
		bool merge = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
			     strcmp((const char *)ev->data.scalar.value, "<<") == 0 &&
			     !ev->data.scalar.tag && !ev->data.scalar.anchor;
		if (merge) {
			yfail(b, ev->start_mark, "merge keys ('<<') are not allowed in templates");
			yaml_event_delete(ev);
			return NULL;
		}
		return build_scalar(b, ev);
	}
	if (ev->type == YAML_ALIAS_EVENT)
		return build(b, ev, 0, YPARENT_MAP);
	yfail(b, ev->start_mark, "a key must be plain text, not %s",
	      ev->type == YAML_MAPPING_START_EVENT ? "a mapping" : "a list");
	yaml_event_delete(ev);
	return NULL;
}

static int map_add_pair(struct ybuild *b, struct ynode *n, size_t *cap, struct keyset *ks,
			struct ynode *key, int level)
{
	size_t old = path_push_key(b, key->str);
	const struct ynode *first = keyset_find(ks, n, key->str);
	if (first) {
		yaml_mark_t m = { 0, (size_t)key->line - 1, (size_t)key->column - 1 };
		return yfail(b, m, "duplicate key '%.40s' (first at line %d)", key->str, first->line);
	}
	yaml_event_t vev;
	if (next_event(b, &vev))
		return -1;
	struct ynode *value = build(b, &vev, level, YPARENT_MAP);
	if (!value)
		return -1;
	path_pop(b, old);
	/* keys and values side by side: kids[2i], kids[2i+1] */
	kids_reserve(b, n, cap, 2 * n->n + 2);
	n->kids[2 * n->n] = key;
	n->kids[2 * n->n + 1] = value;
	keyset_insert(b->arena, ks, n, (uint32_t)n->n);
	n->n++;
	return 0;
}

static struct ynode *build_map(struct ybuild *b, yaml_event_t *ev, int depth)
{
	yaml_mark_t mark = ev->start_mark;
	int level = depth + 1;
	int bad = check_props(b, ev->data.mapping_start.anchor, ev->data.mapping_start.tag, mark);
	yaml_event_delete(ev);
	if (bad)
		return NULL;
	if (level > TEMPLATE_MAX_DEPTH) {
		yfail(b, mark, "nesting deeper than %d levels", TEMPLATE_MAX_DEPTH);
		return NULL;
	}
	struct ynode *n = new_node(b, YNODE_MAP, mark);
	size_t cap = 0;
	struct keyset ks = { NULL, 0, 0 };
	for (;;) {
		yaml_event_t kev;
		if (next_event(b, &kev))
			return NULL;
		if (kev.type == YAML_MAPPING_END_EVENT) {
			yaml_event_delete(&kev);
			return n;
		}
		struct ynode *key = build_key(b, &kev);
		if (!key || map_add_pair(b, n, &cap, &ks, key, level))
			return NULL;
	}
}

/* Consumes EV (and every event of the node it starts). */
static struct ynode *build(struct ybuild *b, yaml_event_t *ev, int depth, enum yparent p)
{
	switch (ev->type) {
	case YAML_SCALAR_EVENT:
		return build_scalar(b, ev);
	case YAML_SEQUENCE_START_EVENT:
		return build_seq(b, ev, depth, p);
	case YAML_MAPPING_START_EVENT:
		return build_map(b, ev, depth);
	case YAML_ALIAS_EVENT:
		yfail(b, ev->start_mark, "aliases ('*%.40s') are not allowed in templates",
		      (const char *)ev->data.alias.anchor);
		break;
	default:
		yfail(b, ev->start_mark, "unexpected YAML structure");
		break;
	}
	yaml_event_delete(ev);
	return NULL;
}

/* STREAM-START, then nothing or one document, then STREAM-END. */
static int parse_stream(struct ybuild *b, struct ynode **root)
{
	yaml_event_t ev;
	if (next_event(b, &ev))
		return -1;
	yaml_event_delete(&ev);
	if (next_event(b, &ev))
		return -1;
	if (ev.type == YAML_STREAM_END_EVENT) {
		yaml_event_delete(&ev);
		return 0;
	}
	yaml_event_delete(&ev);
	if (next_event(b, &ev))
		return -1;
	struct ynode *node = build(b, &ev, 0, YPARENT_NONE);
	if (!node || next_event(b, &ev))
		return -1;
	yaml_event_delete(&ev);
	if (next_event(b, &ev))
		return -1;
	if (ev.type == YAML_DOCUMENT_START_EVENT) {
		yfail(b, ev.start_mark, "only one YAML document is allowed per file");
		yaml_event_delete(&ev);
		return -1;
	}
	yaml_event_delete(&ev);
	*root = node;
	return 0;
}

int ytree_parse(struct arena *arena, const char *buf, size_t len, struct ynode **root,
		struct yerror *err)
{
	struct ybuild b;
	memset(&b, 0, sizeof b);
	/* A byte-order mark (Notepad's habit) is no text.  libyaml, told the
	 * encoding, would read it as a character of the first line, putting that
	 * line one column out from the next and failing with a baffling error. */
	if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) {
		buf += 3;
		len -= 3;
	}
	b.arena = arena;
	b.buf = buf;
	b.len = len;
	b.err = err;
	*root = NULL;
	memset(err, 0, sizeof *err);
	if (!yaml_parser_initialize(&b.parser)) {
		snprintf(err->msg, sizeof err->msg, "out of memory while reading YAML");
		return -1;
	}
	yaml_parser_set_input_string(&b.parser, (const unsigned char *)buf, len);
	yaml_parser_set_encoding(&b.parser, YAML_UTF8_ENCODING);
	int rc = parse_stream(&b, root);
	yaml_parser_delete(&b.parser);
	return rc;
}

const struct ynode *ymap_get(const struct ynode *map, const char *key)
{
	if (!map || map->kind != YNODE_MAP)
		return NULL;
	for (size_t i = 0; i < map->n; i++)
		if (strcmp(map->kids[2 * i]->str, key) == 0)
			return map->kids[2 * i + 1];
	return NULL;
}

const struct ynode *ymap_key(const struct ynode *map, const char *key)
{
	if (!map || map->kind != YNODE_MAP)
		return NULL;
	for (size_t i = 0; i < map->n; i++)
		if (strcmp(map->kids[2 * i]->str, key) == 0)
			return map->kids[2 * i];
	return NULL;
}

bool ynode_is_null(const struct ynode *n)
{
	return n && n->kind == YNODE_SCALAR && n->plain && n->len == 0;
}

struct comment_tag {
	const char *text;      /* "#" and the comment */
	size_t len;            /* bytes of the tag at its start, 0 if none */
};

static void tag_at_start(const char *name, size_t len, void *ctx)
{
	struct comment_tag *ct = ctx;
	if (!ct->len && name == ct->text + 1)
		ct->len = len;
}

const struct ynode *ytree_comment_tag(const struct ynode *n, size_t *tag_len)
{
	if (!n)
		return NULL;
	if (n->kind == YNODE_SCALAR) {
		if (!n->comment)
			return NULL;
		char text[4 * TEXT_NAME_MAX + 8];
		snprintf(text, sizeof text, "#%s", n->comment);
		struct comment_tag ct = { text, 0 };
		text_scan_tags(text, tag_at_start, &ct);
		*tag_len = ct.len;
		return ct.len ? n : NULL;
	}
	size_t count = n->kind == YNODE_MAP ? 2 * n->n : n->n;
	for (size_t i = 0; i < count; i++) {
		const struct ynode *found = ytree_comment_tag(n->kids[i], tag_len);
		if (found)
			return found;
	}
	return NULL;
}

const char *ynode_kind_phrase(const struct ynode *n)
{
	if (!n)
		return "nothing";
	switch (n->kind) {
	case YNODE_MAP:
		return "a mapping";
	case YNODE_SEQ:
		return "a list";
	case YNODE_SCALAR:
		break;
	}
	return ynode_is_null(n) ? "nothing" : "text";
}
