/*
 * keys.c — the request table expanded (names, groups, help sentences),
 * looking keys up in a screen's table, and naming keys for the help
 * screen.  See keys.h.
 */
#include "keys.h"

#include <stdio.h>
#include <string.h>

struct req_info {
	const char *name;
	enum req_group group;
	const char *help;
};

#define REQ_INFO_(id, name, group, help) [REQ_##id] = { name, group, help },
static const struct req_info requests[REQ_COUNT] = {
	[REQ_NONE] = { "", GROUP_GENERAL, "" },
	UI_REQUESTS(REQ_INFO_)
	[REQ_TICK] = { "", GROUP_GENERAL, "" },
	[REQ_FLUSH] = { "", GROUP_GENERAL, "" },
};
#undef REQ_INFO_

static const char *const group_names[GROUP_COUNT] = {
	[GROUP_MOVE] = "Moving",
	[GROUP_OPEN] = "Going places",
	[GROUP_WRITE] = "Writing",
	[GROUP_EDIT] = "Editing text",
	[GROUP_FIND] = "Finding",
	[GROUP_EXPORT] = "Exporting",
	[GROUP_ENTRY] = "This entry",
	[GROUP_INQUIRY] = "This inquiry",
	[GROUP_REVIEW] = "This review",
	[GROUP_GENERAL] = "Everywhere",
};

const char *req_name(enum req r)
{
	return r > REQ_NONE && r < REQ_COUNT ? requests[r].name : "";
}

enum req_group req_group(enum req r)
{
	return r > REQ_NONE && r < REQ_COUNT ? requests[r].group : GROUP_GENERAL;
}

const char *req_help(enum req r)
{
	return r > REQ_NONE && r < REQ_COUNT ? requests[r].help : "";
}

const char *req_group_name(enum req_group g)
{
	return g < GROUP_COUNT ? group_names[g] : "";
}

enum req req_by_name(const char *name)
{
	for (int r = REQ_NONE + 1; r < REQ_TICK; r++)
		if (strcmp(requests[r].name, name) == 0)
			return (enum req)r;
	return REQ_NONE;
}

enum req keymap_lookup(const struct keymap *m, int32_t key)
{
	for (size_t i = 0; i < m->len; i++)
		if (m->bindings[i].key == key)
			return m->bindings[i].req;
	return REQ_NONE;
}

int keymap_has(const struct keymap *m, enum req r)
{
	for (size_t i = 0; i < m->len; i++)
		if (m->bindings[i].req == r)
			return 1;
	return 0;
}

/* True when an earlier binding of R in M has the label NAME: the Return
 * key arrives as ^M or as the keypad's KEY_ENTER, both bound, both "Enter". */
static bool label_listed(const struct keymap *m, enum req r, size_t before, const char *name)
{
	for (size_t i = 0; i < before; i++) {
		if (m->bindings[i].req != r)
			continue;
		char other[24];
		key_label(m->bindings[i].key, other, sizeof other);
		if (strcmp(other, name) == 0)
			return true;
	}
	return false;
}

void keymap_keys_of(const struct keymap *m, enum req r, char *out, size_t size)
{
	size_t used = 0;
	out[0] = '\0';
	for (size_t i = 0; i < m->len; i++) {
		if (m->bindings[i].req != r)
			continue;
		char name[24];
		key_label(m->bindings[i].key, name, sizeof name);
		if (label_listed(m, r, i, name))
			continue;
		int n = snprintf(out + used, size - used, "%s%s", used ? ", " : "", name);
		if (n < 0 || (size_t)n >= size - used)
			break;
		used += (size_t)n;
	}
}

static const char *function_key_name(int code)
{
	static const struct {
		int code;
		const char *name;
	} names[] = {
		{ KEY_UP, "Up" },          { KEY_DOWN, "Down" },      { KEY_LEFT, "Left" },
		{ KEY_RIGHT, "Right" },    { KEY_HOME, "Home" },      { KEY_END, "End" },
		{ KEY_PPAGE, "PgUp" },     { KEY_NPAGE, "PgDn" },     { KEY_DC, "Delete" },
		{ KEY_IC, "Insert" },      { KEY_BACKSPACE, "Backspace" },
		{ KEY_ENTER, "Enter" },    { KEY_BTAB, "Shift-Tab" },
		{ UIK_CTRL_LEFT & ~UIK_FN, "^Left" }, { UIK_CTRL_RIGHT & ~UIK_FN, "^Right" },
		{ UIK_CTRL_HOME & ~UIK_FN, "^Home" }, { UIK_CTRL_END & ~UIK_FN, "^End" },
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (names[i].code == code)
			return names[i].name;
	return NULL;
}

void key_label(int32_t key, char *out, size_t size)
{
	if (key & UIK_FN) {
		int code = key & ~UIK_FN;
		const char *name = function_key_name(code);
		if (name)
			snprintf(out, size, "%s", name);
		else if (code >= KEY_F(1) && code <= KEY_F(12))
			snprintf(out, size, "F%d", code - KEY_F(0));
		else
			snprintf(out, size, "key %d", code);
		return;
	}
	if (key & UIK_META) {
		char inner[16];
		key_label(key & ~UIK_META, inner, sizeof inner);
		snprintf(out, size, "M-%s", inner);
		return;
	}
	switch (key) {
	case UIK_ENTER: snprintf(out, size, "Enter"); return;
	case UIK_ESC: snprintf(out, size, "Esc"); return;
	case UIK_TAB: snprintf(out, size, "Tab"); return;
	case UIK_DEL: snprintf(out, size, "Backspace"); return;
	case ' ': snprintf(out, size, "Space"); return;
	default: break;
	}
	if (key > 0 && key < 0x20)
		snprintf(out, size, "^%c", (char)(key + 0x40));
	else if (key > 0x20 && key < 0x7f)
		snprintf(out, size, "%c", (char)key);
	else
		snprintf(out, size, "U+%04X", (unsigned)key);
}

size_t key_text(int32_t key, char out[5])
{
	uint32_t c = (uint32_t)key;
	size_t n = 0;
	if (key < 0x20 || key == UIK_DEL || (c >= 0x80 && c < 0xA0) || c > 0x10FFFF ||
	    (c >= 0xD800 && c <= 0xDFFF)) {
		out[0] = '\0';
		return 0;   /* also every UIK_FN and UIK_META key: above U+10FFFF */
	}
	if (c < 0x80) {
		out[n++] = (char)c;
	} else if (c < 0x800) {
		out[n++] = (char)(0xC0 | (c >> 6));
		out[n++] = (char)(0x80 | (c & 0x3F));
	} else if (c < 0x10000) {
		out[n++] = (char)(0xE0 | (c >> 12));
		out[n++] = (char)(0x80 | ((c >> 6) & 0x3F));
		out[n++] = (char)(0x80 | (c & 0x3F));
	} else {
		out[n++] = (char)(0xF0 | (c >> 18));
		out[n++] = (char)(0x80 | ((c >> 12) & 0x3F));
		out[n++] = (char)(0x80 | ((c >> 6) & 0x3F));
		out[n++] = (char)(0x80 | (c & 0x3F));
	}
	out[n] = '\0';
	return n;
}
