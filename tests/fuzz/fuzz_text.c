/*
 * fuzz_text.c — the pure text layer (text.h): UTF-8 checking and
 * decoding, word counts, the #tag and @Name lexers and validators, and the
 * display layout that keeps terminals safe (escaping, width, truncation,
 * padding).
 *
 * Checked: decoding always moves forward and covers the input exactly;
 * every name a lexer finds lies inside the text and passes its validator;
 * escaped text is valid UTF-8 with no control character but newline and
 * tab, no C1 control and no bidirectional override; a truncation fits its
 * width and never splits a character; padding reaches its width.
 */
#include "fuzz.h"

#include "praxis/text.h"

#include <locale.h>

struct scan {
	const char *text;
	size_t len;
	int (*valid)(const char *name, struct px_error *err);
};

static void found(const char *name, size_t len, void *ctx)
{
	const struct scan *sc = ctx;
	FUZZ_CHECK(name >= sc->text && name + len <= sc->text + sc->len);
	FUZZ_CHECK(len >= 1 && len <= TEXT_NAME_MAX);
	char copy[TEXT_NAME_MAX + 1];
	memcpy(copy, name, len);
	copy[len] = '\0';
	FUZZ_CHECK(sc->valid(copy, NULL) == 0);
}

/* Escaped text may hold nothing that steers a terminal. */
static void check_safe(const char *s)
{
	size_t len = strlen(s);
	FUZZ_CHECK(text_utf8_valid(s, len, NULL));
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t n = text_utf8_decode(s + i, len - i, &cp);
		FUZZ_CHECK(cp >= 0x20 || cp == '\n' || cp == '\t');
		FUZZ_CHECK(cp != 0x7f && !(cp >= 0x80 && cp < 0xa0));
		FUZZ_CHECK(!(cp >= 0x202a && cp <= 0x202e) && !(cp >= 0x2066 && cp <= 0x2069));
		i += n;
	}
}

static void check_layout(const char *safe)
{
	static const int widths[] = { 0, 1, 2, 7, 40 };
	for (size_t i = 0; i < sizeof widths / sizeof widths[0]; i++) {
		char *cut = text_truncate(safe, widths[i], "…");
		FUZZ_CHECK(text_width(cut) <= widths[i]);
		FUZZ_CHECK(text_utf8_valid(cut, strlen(cut), NULL));
		free(cut);
		cut = text_truncate(safe, widths[i], "");
		FUZZ_CHECK(strncmp(cut, safe, strlen(cut)) == 0);
		free(cut);
		char *pad = text_pad(safe, widths[i]);
		FUZZ_CHECK(text_width(pad) >= widths[i]);
		free(pad);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int ready;
	if (!ready++)
		setlocale(LC_ALL, "C.UTF-8"); /* widths as the faces measure them */
	const char *raw = (const char *)data;
	size_t bad = 0;
	if (!text_utf8_valid(raw, size, &bad))
		FUZZ_CHECK(bad < size);
	for (size_t i = 0; i < size;) {
		uint32_t cp;
		size_t n = text_utf8_decode(raw + i, size - i, &cp);
		FUZZ_CHECK(n >= 1 && n <= 4 && n <= size - i && cp <= 0x10ffff);
		i += n;
	}
	char *text = fuzz_cstr(data, size);
	size_t len = strlen(text);
	(void)text_word_count(text);
	(void)text_is_blank(text);
	struct scan tags = { text, len, text_tag_valid }, people = { text, len, text_person_valid };
	text_scan_tags(text, found, &tags);
	text_scan_people(text, found, &people);
	struct px_error err;
	px_error_clear(&err);
	if (text_tag_valid(text, &err) < 0)
		FUZZ_CHECK(err.msg[0]);
	px_error_clear(&err);
	if (text_person_valid(text, &err) < 0)
		FUZZ_CHECK(err.msg[0]);
	char *safe = text_escape_controls(text);
	check_safe(safe);
	FUZZ_CHECK(text_width(safe) >= 0);
	check_layout(safe);
	free(safe);
	free(text);
	return 0;
}
