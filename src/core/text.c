/*
 * text.c — the pure text layer (see text.h): UTF-8, words, the tag and
 * person lexers, escaping for terminals and display width.
 *
 * Character classes are deliberately coarse and locale-free: anything
 * outside ASCII that is not a space, punctuation or a symbol block counts
 * as a letter, so names and words in any script work without a Unicode
 * database, and the same bytes always give the same tags whatever the
 * user's locale.  Only display width asks the C library (wcwidth), because
 * it must agree with what the terminal and curses will do.
 */
#include "praxis/text.h"

#include "praxis/buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

/* ---- UTF-8 ------------------------------------------------------------------ */

size_t text_utf8_decode(const char *s, size_t len, uint32_t *cp)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned char c = p[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	size_t n;
	uint32_t v, min;
	if (c >= 0xc2 && c <= 0xdf) {
		n = 2, v = c & 0x1f, min = 0x80;
	} else if (c >= 0xe0 && c <= 0xef) {
		n = 3, v = c & 0x0f, min = 0x800;
	} else if (c >= 0xf0 && c <= 0xf4) {
		n = 4, v = c & 0x07, min = 0x10000;
	} else {
		*cp = 0xFFFD;
		return 1;
	}
	if (len < n) {
		*cp = 0xFFFD;
		return 1;
	}
	for (size_t i = 1; i < n; i++) {
		if ((p[i] & 0xc0) != 0x80) {
			*cp = 0xFFFD;
			return 1;
		}
		v = (v << 6) | (p[i] & 0x3f);
	}
	if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
		*cp = 0xFFFD;
		return 1;
	}
	*cp = v;
	return n;
}

/* Decode at S+I, also telling whether the bytes were a real character (a
 * literal U+FFFD in the text is valid; a bad byte decoded to it is not). */
static size_t decode_checked(const char *s, size_t len, uint32_t *cp, bool *ok)
{
	size_t n = text_utf8_decode(s, len, cp);
	*ok = !(*cp == 0xFFFD && n == 1);
	return n;
}

bool text_utf8_valid(const char *s, size_t len, size_t *bad)
{
	size_t i = 0;
	while (i < len) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		uint32_t cp;
		bool ok;
		size_t n = decode_checked(s + i, len - i, &cp, &ok);
		if (!ok) {
			if (bad)
				*bad = i;
			return false;
		}
		i += n;
	}
	return true;
}

/* ---- character classes ------------------------------------------------------- */

static bool is_space(uint32_t cp)
{
	return cp == ' ' || (cp >= '\t' && cp <= '\r') || cp == 0xA0 || cp == 0x1680 ||
	       (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 ||
	       cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

static bool is_ascii_alnum(uint32_t cp)
{
	return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
}

/* Scripts written without spaces between words: each character is a word. */
bool text_is_cjk(uint32_t cp)
{
	return (cp >= 0x3040 && cp <= 0x30FF) ||   /* hiragana, katakana */
	       (cp >= 0x3400 && cp <= 0x4DBF) ||   /* CJK extension A */
	       (cp >= 0x4E00 && cp <= 0x9FFF) ||   /* CJK unified ideographs */
	       (cp >= 0xF900 && cp <= 0xFAFF) ||   /* compatibility ideographs */
	       (cp >= 0x20000 && cp <= 0x3FFFF);   /* supplementary ideographs */
}

/* Outside ASCII: everything but spaces, punctuation, symbols, emoji and the
 * invisible formatting characters is taken as a letter. */
static bool is_letter(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
	if (cp < 0xC0)                                 /* C1, Latin-1 punctuation */
		return cp == 0xAA || cp == 0xB5 || cp == 0xBA;
	if (cp == 0xD7 || cp == 0xF7 || cp == 0xFFFD || cp == 0xFEFF)
		return false;
	if (is_space(cp))
		return false;
	return !((cp >= 0x2000 && cp <= 0x2BFF) ||     /* punctuation, arrows, symbols */
		 (cp >= 0x3000 && cp <= 0x303F) ||     /* CJK punctuation */
		 (cp >= 0xFE30 && cp <= 0xFE4F) ||     /* CJK compatibility forms */
		 (cp >= 0xFF00 && cp <= 0xFF0F) ||     /* fullwidth punctuation */
		 (cp >= 0xFF1A && cp <= 0xFF20) ||
		 (cp >= 0xFE00 && cp <= 0xFE0F) ||     /* variation selectors */
		 (cp >= 0x1F000 && cp <= 0x1FAFF) ||   /* emoji and pictographs */
		 (cp >= 0xE000 && cp <= 0xF8FF));      /* private use */
}

static bool is_word_char(uint32_t cp)
{
	return is_ascii_alnum(cp) || is_letter(cp);
}

bool text_is_word_char(uint32_t cp)
{
	return is_word_char(cp);
}

bool text_is_blank(const char *s)
{
	if (!s)
		return true;
	size_t len = strlen(s);
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		i += text_utf8_decode(s + i, len - i, &cp);
		if (!is_space(cp))
			return false;
	}
	return true;
}

/* ASCII bytes by what they mean to a word count, as the rules below decide
 * them ('1' white space, '2' letter or digit, '0' anything else): most text
 * is ASCII, and a table lookup without branches is several times faster
 * than decoding every byte. */
static const char ascii_word_class[129] =
	"00000000011111000000000000000000"
	"10000000000000002222222222000000"
	"02222222222222222222222222200000"
	"02222222222222222222222222200000";

size_t text_word_count(const char *s)
{
	if (!s)
		return 0;
	size_t len = strlen(s), words = 0;
	bool run_counts = false;   /* the current run of non-space has a letter */
	for (size_t i = 0; i < len;) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80) {
			/* The same rules as below, for the characters that need no decoding. */
			int k = ascii_word_class[c] - '0';
			bool space = k == 1;
			words += space & run_counts;
			run_counts = (!space) & (run_counts | (k == 2));
			i++;
			continue;
		}
		uint32_t cp;
		i += text_utf8_decode(s + i, len - i, &cp);
		if (is_space(cp)) {
			words += run_counts;
			run_counts = false;
		} else if (text_is_cjk(cp)) {
			/* An ideograph is a word; it also ends any Latin run before it. */
			words += run_counts + 1;
			run_counts = false;
		} else {
			run_counts = run_counts || is_word_char(cp);
		}
	}
	return words + run_counts;
}

/* ---- names: tags and people ------------------------------------------------- */

enum name_kind { NAME_TAG, NAME_PERSON };

static bool name_char(enum name_kind k, uint32_t cp)
{
	if (is_word_char(cp) || cp == '_' || cp == '-')
		return true;
	return k == NAME_TAG ? cp == '/' : cp == '.';
}

enum name_problem {
	NAME_OK, NAME_EMPTY, NAME_TOO_LONG, NAME_NOT_UTF8, NAME_BAD_CHAR,
	NAME_EMPTY_PART, NAME_DIGITS_ONLY, NAME_BAD_START, NAME_BAD_END,
};

/* What is wrong with the LEN bytes of NAME as a tag or person.  BAD
 * receives the offending character for NAME_BAD_CHAR. */
static enum name_problem name_problem(enum name_kind k, const char *name, size_t len,
				      uint32_t *bad)
{
	if (len == 0)
		return NAME_EMPTY;
	if (len > TEXT_NAME_MAX)
		return NAME_TOO_LONG;
	size_t off;
	if (!text_utf8_valid(name, len, &off))
		return NAME_NOT_UTF8;
	bool digits_only = true;
	uint32_t first = 0, last = 0, prev = 0;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		i += text_utf8_decode(name + i, len - i, &cp);
		if (!name_char(k, cp)) {
			*bad = cp;
			return NAME_BAD_CHAR;
		}
		if (k == NAME_TAG && cp == '/' && prev == '/')
			return NAME_EMPTY_PART;
		if (!(cp >= '0' && cp <= '9'))
			digits_only = false;
		if (!first)
			first = cp;
		last = prev = cp;
	}
	if (k == NAME_TAG) {
		if (first == '-' || first == '/' || last == '-' || last == '/')
			return NAME_BAD_END;
		if (digits_only)
			return NAME_DIGITS_ONLY;
	} else {
		if (!is_letter(first))
			return NAME_BAD_START;
		if (last == '.' || last == '-')
			return NAME_BAD_END;
	}
	return NAME_OK;
}

static void describe_char(uint32_t cp, char *out, size_t size)
{
	if (cp == ' ')
		snprintf(out, size, "a space");
	else if (cp < 0x20 || cp == 0x7f || is_space(cp))
		snprintf(out, size, "U+%04X", (unsigned)cp);
	else if (cp < 0x80)
		snprintf(out, size, "'%c'", (char)cp);
	else
		snprintf(out, size, "U+%04X", (unsigned)cp);
}

static int name_check(enum name_kind k, const char *name, struct px_error *err)
{
	const char sigil = k == NAME_TAG ? '#' : '@';
	const char *what = k == NAME_TAG ? "tag" : "person";
	if (!name)
		name = "";
	if (name[0] == sigil)
		name++;
	size_t len = strlen(name);
	uint32_t bad = 0;
	enum name_problem p = name_problem(k, name, len, &bad);
	if (p == NAME_OK)
		return 0;
	/* The name goes into the message only when it is short and printable. */
	char shown[TEXT_NAME_MAX + 8];
	if (p == NAME_TOO_LONG || p == NAME_NOT_UTF8 || (p == NAME_BAD_CHAR && bad < 0x20))
		snprintf(shown, sizeof shown, "%c…", sigil);
	else
		snprintf(shown, sizeof shown, "%c%s", sigil, name);
	const char other = k == NAME_TAG ? '/' : '.';
	char c[16];
	switch (p) {
	case NAME_EMPTY:
		return px_error_set(err, PX_ERR_INVALID, "%s '%c': a %s needs a name after '%c'",
				    what, sigil, what, sigil);
	case NAME_TOO_LONG:
		return px_error_set(err, PX_ERR_INVALID, "%s name is longer than %d bytes", what,
				    TEXT_NAME_MAX);
	case NAME_NOT_UTF8:
		return px_error_set(err, PX_ERR_INVALID, "%s name is not valid UTF-8", what);
	case NAME_BAD_CHAR:
		describe_char(bad, c, sizeof c);
		return px_error_set(err, PX_ERR_INVALID,
				    "%s '%s': %s cannot be part of a name (letters, digits, "
				    "'_', '-' and '%c' can)", what, shown, c, other);
	case NAME_EMPTY_PART:
		return px_error_set(err, PX_ERR_INVALID, "tag '%s': a tag family has an empty part",
				    shown);
	case NAME_DIGITS_ONLY:
		return px_error_set(err, PX_ERR_INVALID, "tag '%s': a tag cannot be only digits",
				    shown);
	case NAME_BAD_START:
		return px_error_set(err, PX_ERR_INVALID, "person '%s': a name starts with a letter",
				    shown);
	case NAME_BAD_END:
	case NAME_OK:
		break;
	}
	return px_error_set(err, PX_ERR_INVALID, "%s '%s': a name cannot %s with '-' or '%c'",
			    what, shown, k == NAME_TAG ? "start or end" : "end", other);
}

int text_tag_valid(const char *name, struct px_error *err)
{
	return name_check(NAME_TAG, name, err);
}

int text_person_valid(const char *name, struct px_error *err)
{
	return name_check(NAME_PERSON, name, err);
}

/* Characters after which a sigil does not start a name: anything that
 * would make it part of a word, a URL, an address or an HTML entity. */
static bool blocks_sigil(uint32_t prev)
{
	return is_word_char(prev) || prev == '_' || prev == '&' || prev == '#' || prev == '@' ||
	       prev == '/' || prev == '\\' || prev == '.' || prev == '-';
}

/* The character that ends just before byte POS of TEXT, as decoding TEXT
 * from its start would see it (POS > 0).  A byte that is not a UTF-8
 * continuation is never inside another character, so decoding forward from
 * the last such byte at most three bytes back meets the same boundaries;
 * past four continuation bytes the last one can only have been an error. */
static uint32_t char_before(const char *text, size_t pos)
{
	size_t j = pos - 1;
	while (j > 0 && pos - j < 4 && ((unsigned char)text[j] & 0xC0) == 0x80)
		j--;
	uint32_t cp = 0xFFFD;
	while (j < pos)
		j += text_utf8_decode(text + j, pos - j, &cp);
	return cp;
}

static void scan_names(enum name_kind k, const char *text, text_name_fn *fn, void *ctx)
{
	if (!text)
		return;
	const char sigil = k == NAME_TAG ? '#' : '@';
	size_t len = strlen(text);
	/* Only the sigils matter: jump from one to the next rather than
	 * decoding every character on the way. */
	for (size_t i = 0; i < len;) {
		const char *hit = memchr(text + i, sigil, len - i);
		if (!hit)
			break;
		size_t at = (size_t)(hit - text);
		uint32_t prev = at > 0 ? char_before(text, at) : 0;
		if (prev && blocks_sigil(prev)) {
			i = at + 1;
			continue;
		}
		size_t start = at + 1, end = start;
		while (end < len) {
			uint32_t c;
			size_t m = text_utf8_decode(text + end, len - end, &c);
			if (!name_char(k, c) || (c == 0xFFFD && m == 1))
				break;
			end += m;
		}
		size_t stop = end;
		/* Sentence punctuation after a name is not part of it. */
		while (stop > start && (text[stop - 1] == '-' || text[stop - 1] == '.' ||
					(k == NAME_TAG && text[stop - 1] == '/')))
			stop--;
		uint32_t bad;
		if (stop > start && name_problem(k, text + start, stop - start, &bad) == NAME_OK)
			fn(text + start, stop - start, ctx);
		i = end > start ? end : start;
	}
}

void text_scan_tags(const char *text, text_name_fn *fn, void *ctx)
{
	scan_names(NAME_TAG, text, fn, ctx);
}

void text_scan_people(const char *text, text_name_fn *fn, void *ctx)
{
	scan_names(NAME_PERSON, text, fn, ctx);
}

/* ---- terminals --------------------------------------------------------------- */

static bool is_disguising(uint32_t cp)
{
	return (cp >= 0x80 && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) ||
	       (cp >= 0x2066 && cp <= 0x2069);
}

char *text_escape_controls(const char *s)
{
	if (!s)
		return px_xstrdup("");
	size_t len = strlen(s);
	struct px_buf b = PX_BUF_INIT;
	px_buf_grow(&b, len);
	for (size_t i = 0; i < len;) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x20 && c < 0x7f) {
			size_t run = i;
			while (run < len && (unsigned char)s[run] >= 0x20 && (unsigned char)s[run] < 0x7f)
				run++;
			px_buf_add(&b, s + i, run - i);
			i = run;
			continue;
		}
		if (c == '\n' || c == '\t') {
			px_buf_addc(&b, (char)c);
			i++;
			continue;
		}
		if (c < 0x20 || c == 0x7f) {
			px_buf_addc(&b, '^');
			px_buf_addc(&b, c == 0x7f ? '?' : (char)(c + 0x40));
			i++;
			continue;
		}
		uint32_t cp;
		bool ok;
		size_t n = decode_checked(s + i, len - i, &cp, &ok);
		if (!ok)
			px_buf_adds(&b, "\xef\xbf\xbd");
		else if (is_disguising(cp))
			px_buf_addf(&b, "<U+%04X>", (unsigned)cp);
		else
			px_buf_add(&b, s + i, n);
		i += n;
	}
	return px_buf_detach(&b);
}

int text_char_width(uint32_t cp)
{
	if (cp < 0x20 || cp == 0x7f)
		return 0;
	if (cp < 0x7f)
		return 1;
	int w = wcwidth((wchar_t)cp);
	return w < 0 ? 1 : w;
}

int text_width(const char *s)
{
	if (!s)
		return 0;
	size_t len = strlen(s);
	int w = 0;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		i += text_utf8_decode(s + i, len - i, &cp);
		w += text_char_width(cp);
	}
	return w;
}

char *text_truncate(const char *s, int width, const char *ellipsis)
{
	if (!s)
		s = "";
	if (!ellipsis)
		ellipsis = "";
	if (width < 0)
		width = 0;
	if (text_width(s) <= width)
		return px_xstrdup(s);
	int ew = text_width(ellipsis);
	int room = width - ew;
	if (room < 0) {
		room = width;
		ellipsis = "";
	}
	size_t len = strlen(s), i = 0;
	int used = 0;
	while (i < len) {
		uint32_t cp;
		size_t n = text_utf8_decode(s + i, len - i, &cp);
		int cw = text_char_width(cp);
		if (used + cw > room)
			break;
		used += cw;
		i += n;
	}
	struct px_buf b = PX_BUF_INIT;
	px_buf_add(&b, s, i);
	px_buf_adds(&b, ellipsis);
	return px_buf_detach(&b);
}

char *text_pad(const char *s, int width)
{
	if (!s)
		s = "";
	struct px_buf b = PX_BUF_INIT;
	px_buf_adds(&b, s);
	for (int w = text_width(s); w < width; w++)
		px_buf_addc(&b, ' ');
	return px_buf_detach(&b);
}
