/*
 * entry_text.c — an entry as the one text an editor holds: "# Title", a
 * blank line, the body (see entry.h).  Both faces and both editors (the
 * UI's own and $EDITOR) use this, so a title typed in one reads back the
 * same in the other.
 */
#include "praxis/entry.h"

#include "praxis/buf.h"

#include <stdlib.h>
#include <string.h>

void entry_split_text(struct entry *e, const char *text)
{
	const char *body = text ? text : "";
	while (*body == '\n')
		body++;
	if (body[0] == '#' && body[1] == ' ' && !e->title[0]) {
		const char *nl = strchr(body, '\n');
		size_t len = nl ? (size_t)(nl - body) : strlen(body);
		char *title = px_xstrndup(body + 2, len - 2);
		size_t n = strlen(title);
		while (n > 0 && strchr(" \t\r", title[n - 1]))
			title[--n] = '\0';
		entry_set(&e->title, title);
		free(title);
		body = nl ? nl + 1 : body + len;
		while (*body == '\n')
			body++;
	}
	char *copy = px_xstrdup(body);
	size_t n = strlen(copy);
	while (n > 0 && strchr(" \t\r\n", copy[n - 1]))
		copy[--n] = '\0';
	free(e->body);
	e->body = copy;
}

char *entry_join_text(const struct entry *e)
{
	struct px_buf b = PX_BUF_INIT;
	if (e->title && e->title[0])
		px_buf_addf(&b, "# %s\n\n", e->title);
	px_buf_adds(&b, e->body ? e->body : "");
	px_buf_addc(&b, '\n');
	return px_buf_detach(&b);
}
