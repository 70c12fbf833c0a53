/*
 * test_text.c — the pure text layer (src/core/text.c): UTF-8 checking with
 * the offset of the first bad byte, decoding, blank text, word counts on
 * known texts, tag and person names with their exact messages, the #tag and
 * @Name lexers, escaping for terminals, and display width, truncation and
 * padding with CJK, emoji and combining marks.
 *
 * main() sets the C.UTF-8 locale, as the faces do, because widths come from
 * wcwidth().  Helpers turn a result into one string (names found joined by
 * '|', "ok" or the error message) so each assertion is one line and a
 * failure shows both sides.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "praxis/buf.h"
#include "praxis/text.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- helpers -------------------------------------------------------------- */

/* "valid", or "bad at N" with the offset text_utf8_valid reports. */
static const char *utf8(const char *s, size_t len)
{
	static char out[32];
	size_t bad = (size_t)-1;
	if (text_utf8_valid(s, len, &bad))
		return "valid";
	snprintf(out, sizeof out, "bad at %zu", bad);
	return out;
}

/* "U+hhhh/N": the code point in hex and the bytes it took. */
static const char *decode(const char *s, size_t len)
{
	static char out[32];
	uint32_t cp = 0;
	size_t n = text_utf8_decode(s, len, &cp);
	snprintf(out, sizeof out, "U+%04X/%zu", (unsigned)cp, n);
	return out;
}

static const char *tag_check(const char *name)
{
	static char out[PX_ERROR_MSG_MAX];
	struct px_error err;
	px_error_clear(&err);
	if (text_tag_valid(name, &err) == 0)
		return "ok";
	assert_int_equal(err.code, PX_ERR_INVALID);
	snprintf(out, sizeof out, "%s", err.msg);
	return out;
}

static const char *person_check(const char *name)
{
	static char out[PX_ERROR_MSG_MAX];
	struct px_error err;
	px_error_clear(&err);
	if (text_person_valid(name, &err) == 0)
		return "ok";
	assert_int_equal(err.code, PX_ERR_INVALID);
	snprintf(out, sizeof out, "%s", err.msg);
	return out;
}

static void collect(const char *name, size_t len, void *ctx)
{
	struct px_buf *b = ctx;
	if (b->len)
		px_buf_addc(b, '|');
	px_buf_add(b, name, len);
}

/* The names a lexer finds, joined by '|' ("" for none). */
static const char *scan(void (*lexer)(const char *, text_name_fn *, void *), const char *text)
{
	static char out[512];
	struct px_buf b = PX_BUF_INIT;
	lexer(text, collect, &b);
	snprintf(out, sizeof out, "%s", b.data);
	px_buf_free(&b);
	return out;
}

#define TAGS(text) scan(text_scan_tags, (text))
#define PEOPLE(text) scan(text_scan_people, (text))

static const char *escaped(const char *s)
{
	static char out[512];
	char *e = text_escape_controls(s);
	snprintf(out, sizeof out, "%s", e);
	free(e);
	return out;
}

static const char *truncated(const char *s, int width, const char *ellipsis)
{
	static char out[256];
	char *t = text_truncate(s, width, ellipsis);
	assert_true(text_width(t) <= (width < 0 ? 0 : width));
	snprintf(out, sizeof out, "%s", t);
	free(t);
	return out;
}

static const char *padded(const char *s, int width)
{
	static char out[256];
	char *p = text_pad(s, width);
	snprintf(out, sizeof out, "%s", p);
	free(p);
	return out;
}

/* ---- UTF-8 ------------------------------------------------------------------ */

static void test_utf8_valid_text(void **state)
{
	(void)state;
	assert_string_equal(utf8("", 0), "valid");
	assert_string_equal(utf8("plain ascii", 11), "valid");
	assert_string_equal(utf8("caf\xc3\xa9", 5), "valid");                 /* é */
	assert_string_equal(utf8("\xe2\x82\xac", 3), "valid");                /* € */
	assert_string_equal(utf8("\xf0\x9f\x98\x80", 4), "valid");            /* U+1F600 */
	assert_string_equal(utf8("\xf4\x8f\xbf\xbf", 4), "valid");            /* U+10FFFF */
	assert_string_equal(utf8("\xef\xbf\xbd", 3), "valid");                /* a real U+FFFD */
	assert_string_equal(utf8("a\0b", 3), "valid");                        /* NUL is ASCII */
	assert_true(text_utf8_valid("\xc3", 1, NULL) == false);               /* BAD may be NULL */
}

static void test_utf8_invalid_offsets(void **state)
{
	(void)state;
	/* Overlong forms: '/' as two bytes, NUL as two, '/' as three, as four. */
	assert_string_equal(utf8("\xc0\xaf", 2), "bad at 0");
	assert_string_equal(utf8("ok\xc1\xbf", 4), "bad at 2");
	assert_string_equal(utf8("ab\xe0\x80\xaf", 5), "bad at 2");
	assert_string_equal(utf8("abc\xf0\x80\x80\xaf", 7), "bad at 3");
	/* UTF-16 surrogates written as UTF-8 (CESU): high and low halves. */
	assert_string_equal(utf8("a\xed\xa0\x80", 4), "bad at 1");
	assert_string_equal(utf8("ab\xed\xbf\xbf", 5), "bad at 2");
	/* Truncated sequences: at the end, and cut by an ASCII byte. */
	assert_string_equal(utf8("ab\xe2\x82", 4), "bad at 2");
	assert_string_equal(utf8("\xf0\x9f\x98", 3), "bad at 0");
	assert_string_equal(utf8("x\xe2\x82y", 4), "bad at 1");
	/* Past U+10FFFF, and lead bytes that can never start a character. */
	assert_string_equal(utf8("\xf4\x90\x80\x80", 4), "bad at 0");
	assert_string_equal(utf8("12\xf5\x80\x80\x80", 6), "bad at 2");
	assert_string_equal(utf8("\xff", 1), "bad at 0");
	/* A lone continuation byte after good text. */
	assert_string_equal(utf8("\xc3\xa9\x80", 3), "bad at 2");
	/* Only LEN bytes are looked at: the bad byte past it does not count. */
	assert_string_equal(utf8("ok\xff", 2), "valid");
}

static void test_utf8_decode(void **state)
{
	(void)state;
	assert_string_equal(decode("A", 1), "U+0041/1");
	assert_string_equal(decode("\xc3\xa9", 2), "U+00E9/2");
	assert_string_equal(decode("\xe2\x82\xac", 3), "U+20AC/3");
	assert_string_equal(decode("\xf0\x9f\x98\x80", 4), "U+1F600/4");
	assert_string_equal(decode("\xf4\x8f\xbf\xbf", 4), "U+10FFFF/4");
	/* Every invalid sequence is U+FFFD taking one byte, so loops advance. */
	assert_string_equal(decode("\xe2\x82\xac", 2), "U+FFFD/1");     /* truncated by LEN */
	assert_string_equal(decode("\xc0\x80", 2), "U+FFFD/1");         /* overlong NUL */
	assert_string_equal(decode("\xed\xbf\xbf", 3), "U+FFFD/1");     /* surrogate */
	assert_string_equal(decode("\xf4\x90\x80\x80", 4), "U+FFFD/1"); /* > U+10FFFF */
	assert_string_equal(decode("\x80", 1), "U+FFFD/1");
	assert_string_equal(decode("\xc3(", 2), "U+FFFD/1");
}

static void test_blank(void **state)
{
	(void)state;
	assert_true(text_is_blank(NULL));
	assert_true(text_is_blank(""));
	assert_true(text_is_blank(" \t\r\n\v\f"));
	assert_true(text_is_blank("\xc2\xa0\xe3\x80\x80\xe2\x80\x83")); /* NBSP, ideographic, em */
	assert_false(text_is_blank(" x "));
	assert_false(text_is_blank("."));
	assert_false(text_is_blank("\xff"));             /* bad bytes are not white space */
	assert_false(text_is_blank("\xe2\x80\x8b"));     /* zero-width space is not blank */
}

/* ---- words -------------------------------------------------------------------- */

static void test_word_count_latin(void **state)
{
	(void)state;
	assert_int_equal(text_word_count(NULL), 0);
	assert_int_equal(text_word_count(""), 0);
	assert_int_equal(text_word_count("   \n\t "), 0);
	assert_int_equal(text_word_count("one"), 1);
	assert_int_equal(text_word_count("  leading and trailing  "), 3);
	assert_int_equal(text_word_count("well-being matters"), 2);
	assert_int_equal(text_word_count("don't stop, won\xe2\x80\x99t stop"), 4);
	assert_int_equal(text_word_count("rock'n'roll"), 1);
	assert_int_equal(text_word_count("Hello, world. (Really?)"), 3);
	assert_int_equal(text_word_count("a - b -- c ... d"), 4);   /* dashes alone are not words */
	assert_int_equal(text_word_count(" -- ... !!! ? \xe2\x80\x94 "), 0);
	assert_int_equal(text_word_count("3 times in 2026"), 4);    /* numbers are words */
	assert_int_equal(text_word_count("caf\xc3\xa9 au lait"), 3);
	assert_int_equal(text_word_count("e\xcc\x81t\xc3\xa9 ici"), 2); /* combining accent */
	assert_int_equal(text_word_count("line one\nline two\r\nthree"), 5);
	assert_int_equal(text_word_count("non\xc2\xa0" "breaking"), 2);
	/* The first Gibbs prompt of a real entry, counted by hand: 13 words. */
	assert_int_equal(text_word_count("What happened? I handed over to Sam at 7 - too quickly, "
					 "I think."), 13);
}

static void test_word_count_scripts_and_symbols(void **state)
{
	(void)state;
	/* Each ideograph and kana is a word; punctuation between them is not. */
	assert_int_equal(text_word_count("\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e"), 3); /* 日本語 */
	assert_int_equal(text_word_count("\xe3\x82\xab\xe3\x82\xbf\xe3\x82\xab\xe3\x83\x8a"), 4);
	assert_int_equal(text_word_count("\xe6\x97\xa5\xe6\x9c\xac\xe3\x80\x82"), 2); /* 日本。 */
	/* Mixed: CJK ends the Latin run before it and after it. */
	assert_int_equal(text_word_count("I like \xe6\x9d\xb1\xe4\xba\xac a lot"), 6);
	assert_int_equal(text_word_count("\xe6\x9d\xb1\xe4\xba\xac" "tower"), 3);
	assert_int_equal(text_word_count("tower\xe6\x9d\xb1\xe4\xba\xac"), 3);
	/* Hangul is written with spaces between words: counted by runs. */
	assert_int_equal(text_word_count("\xec\x95\x88\xeb\x85\x95 world"), 2);
	/* Emoji alone are not words; beside a word they do not add one. */
	assert_int_equal(text_word_count("\xf0\x9f\x98\x80 \xf0\x9f\x98\x80"), 0);
	assert_int_equal(text_word_count("great\xf0\x9f\x98\x80 day \xf0\x9f\x8e\x89"), 2);
	/* Tags and people are words like any other. */
	assert_int_equal(text_word_count("#tag @Sam"), 2);
	assert_int_equal(text_word_count("Met @Sam about #delegation/trust."), 4);
	assert_int_equal(text_word_count("# Heading"), 1);
	/* Invalid bytes are not letters. */
	assert_int_equal(text_word_count("\xff\xfe ok"), 1);
}

/* ---- names -------------------------------------------------------------------- */

static void test_tag_valid(void **state)
{
	(void)state;
	assert_string_equal(tag_check("delegation"), "ok");
	assert_string_equal(tag_check("#delegation"), "ok");
	assert_string_equal(tag_check("power/expert"), "ok");
	assert_string_equal(tag_check("a/b/c"), "ok");
	assert_string_equal(tag_check("self-care"), "ok");
	assert_string_equal(tag_check("_draft"), "ok");
	assert_string_equal(tag_check("9lives"), "ok");
	assert_string_equal(tag_check("caf\xc3\xa9"), "ok");
	assert_string_equal(tag_check("\xe6\x97\xa5\xe6\x9c\xac"), "ok");
	char longest[TEXT_NAME_MAX + 2];
	memset(longest, 'a', TEXT_NAME_MAX);
	longest[TEXT_NAME_MAX] = '\0';
	assert_string_equal(tag_check(longest), "ok");
	longest[TEXT_NAME_MAX] = 'a';
	longest[TEXT_NAME_MAX + 1] = '\0';
	assert_string_equal(tag_check(longest), "tag name is longer than 64 bytes");

	assert_string_equal(tag_check(""), "tag '#': a tag needs a name after '#'");
	assert_string_equal(tag_check("#"), "tag '#': a tag needs a name after '#'");
	assert_string_equal(tag_check(NULL), "tag '#': a tag needs a name after '#'");
	assert_string_equal(tag_check("a b"), "tag '#a b': a space cannot be part of a name "
				      "(letters, digits, '_', '-' and '/' can)");
	assert_string_equal(tag_check("a.b"), "tag '#a.b': '.' cannot be part of a name "
				      "(letters, digits, '_', '-' and '/' can)");
	assert_string_equal(tag_check("##x"), "tag '##x': '#' cannot be part of a name "
				      "(letters, digits, '_', '-' and '/' can)");
	assert_string_equal(tag_check("a\xf0\x9f\x98\x80"),
			    "tag '#a\xf0\x9f\x98\x80': U+1F600 cannot be part of a name "
			    "(letters, digits, '_', '-' and '/' can)");
	assert_string_equal(tag_check("a\xc2\xa0" "b"), "tag '#a\xc2\xa0" "b': U+00A0 cannot be "
				      "part of a name (letters, digits, '_', '-' and '/' can)");
	/* A control character never reaches the message. */
	assert_string_equal(tag_check("a\tb"), "tag '#…': U+0009 cannot be part of a name "
				      "(letters, digits, '_', '-' and '/' can)");
	assert_string_equal(tag_check("bad\xff"), "tag name is not valid UTF-8");
	assert_string_equal(tag_check("power//x"), "tag '#power//x': a tag family has an empty part");
	assert_string_equal(tag_check("123"), "tag '#123': a tag cannot be only digits");
	assert_string_equal(tag_check("-x"), "tag '#-x': a name cannot start or end with '-' or '/'");
	assert_string_equal(tag_check("x-"), "tag '#x-': a name cannot start or end with '-' or '/'");
	assert_string_equal(tag_check("/x"), "tag '#/x': a name cannot start or end with '-' or '/'");
	assert_string_equal(tag_check("power/"),
			    "tag '#power/': a name cannot start or end with '-' or '/'");
}

static void test_person_valid(void **state)
{
	(void)state;
	assert_string_equal(person_check("Sam"), "ok");
	assert_string_equal(person_check("@Sam"), "ok");
	assert_string_equal(person_check("Jo-Ann"), "ok");
	assert_string_equal(person_check("Dr.Who"), "ok");
	assert_string_equal(person_check("sam_2"), "ok");
	assert_string_equal(person_check("Ren\xc3\xa9" "e"), "ok");
	assert_string_equal(person_check("\xc3\x89lodie"), "ok"); /* a non-ASCII first letter */

	assert_string_equal(person_check(""), "person '@': a person needs a name after '@'");
	assert_string_equal(person_check("@"), "person '@': a person needs a name after '@'");
	assert_string_equal(person_check("9lives"), "person '@9lives': a name starts with a letter");
	assert_string_equal(person_check("_x"), "person '@_x': a name starts with a letter");
	assert_string_equal(person_check("Sam."), "person '@Sam.': a name cannot end with '-' or '.'");
	assert_string_equal(person_check("Sam-"), "person '@Sam-': a name cannot end with '-' or '.'");
	assert_string_equal(person_check("O'Brien"), "person '@O'Brien': ''' cannot be part of a "
				      "name (letters, digits, '_', '-' and '.' can)");
	assert_string_equal(person_check("power/expert"), "person '@power/expert': '/' cannot be "
				      "part of a name (letters, digits, '_', '-' and '.' can)");
	assert_string_equal(person_check("x@y"), "person '@x@y': '@' cannot be part of a name "
				      "(letters, digits, '_', '-' and '.' can)");
	assert_string_equal(person_check("a\x1b[0m"), "person '@…': U+001B cannot be part of a "
				      "name (letters, digits, '_', '-' and '.' can)");
	assert_string_equal(person_check("\xc3"), "person name is not valid UTF-8");
	char longest[TEXT_NAME_MAX + 2];
	memset(longest, 'b', TEXT_NAME_MAX + 1);
	longest[TEXT_NAME_MAX + 1] = '\0';
	assert_string_equal(person_check(longest), "person name is longer than 64 bytes");
}

/* ---- the lexers ----------------------------------------------------------------- */

static void test_scan_tags_where_a_tag_starts(void **state)
{
	(void)state;
	assert_string_equal(TAGS(NULL), "");
	assert_string_equal(TAGS("#start middle #mid end #last"), "start|mid|last");
	/* Not tags: a language name, a URL fragment, an HTML entity, a heading. */
	assert_string_equal(TAGS("I write C# and F#."), "");
	assert_string_equal(TAGS("see page#top or http://x.org/#frag"), "");
	assert_string_equal(TAGS("it&#39;s fine"), "");
	assert_string_equal(TAGS("# Heading\n## Second\n\ntext"), "");
	assert_string_equal(TAGS("##double"), "");
	assert_string_equal(TAGS("x#y #"), "");
	/* After punctuation or a non-word character, a tag starts. */
	assert_string_equal(TAGS("(#a) \"#b\" [#c] \xe2\x80\x94#d"), "a|b|c|d");
	assert_string_equal(TAGS("line\n#next"), "next");
	/* A tag ends at the next '#': #x#y is one tag. */
	assert_string_equal(TAGS("#x#y"), "x");
	/* Just after CJK (a letter) no tag starts; a space first and it does. */
	assert_string_equal(TAGS("\xe6\x97\xa5\xe6\x9c\xac#tag"), "");
	assert_string_equal(TAGS("\xe6\x97\xa5\xe6\x9c\xac #tag"), "tag");
}

static void test_scan_tags_endings_and_families(void **state)
{
	(void)state;
	/* Sentence punctuation after a tag is not part of it. */
	assert_string_equal(TAGS("#a. #b, #c! #d? #e: #f;"), "a|b|c|d|e|f");
	assert_string_equal(TAGS("#a-b- and #c/"), "a-b|c");
	/* Families keep their '/', and a trailing '/' goes. */
	assert_string_equal(TAGS("#power/expert/ #power/referent"), "power/expert|power/referent");
	/* Names that fail text_tag_valid are skipped whole. */
	assert_string_equal(TAGS("#9 #2026 #power//x #-x ok"), "");
	char over[TEXT_NAME_MAX + 4];
	over[0] = '#';
	memset(over + 1, 'a', TEXT_NAME_MAX + 1);
	over[TEXT_NAME_MAX + 2] = '\0';
	assert_string_equal(TAGS(over), "");
	assert_string_equal(TAGS("#caf\xc3\xa9 #\xe6\x97\xa5\xe6\x9c\xac"),
			    "caf\xc3\xa9|\xe6\x97\xa5\xe6\x9c\xac");
}

static void test_scan_tags_invalid_utf8(void **state)
{
	(void)state;
	/* A bad byte ends a tag, like punctuation, and is never part of one. */
	assert_string_equal(TAGS("#ok\xff more"), "ok");
	assert_string_equal(TAGS("#bad\xffrest"), "bad");
	assert_string_equal(TAGS("#\xff"), "");
	assert_string_equal(TAGS("\xff#after"), "after");
	assert_string_equal(TAGS("#tr\xe2\x82"), "tr");
}

/* The scan jumps from sigil to sigil and looks back one character: that
 * character must be read exactly as decoding from the start would read it,
 * whatever bytes come before it. */
static void test_scan_character_before_sigil(void **state)
{
	(void)state;
	assert_string_equal(PEOPLE("caf\xc3\xa9@Sam"), "");              /* a letter: é */
	assert_string_equal(PEOPLE("\xe6\x97\xa5@Sam"), "");              /* a CJK letter */
	assert_string_equal(PEOPLE("\xf0\x90\x80\x80@Sam"), "");          /* a 4-byte letter */
	assert_string_equal(PEOPLE("a\xe2\x80\x94@Sam"), "Sam");          /* an em dash */
	assert_string_equal(PEOPLE("\xf0\x9f\x98\x80@Sam"), "Sam");       /* an emoji */
	assert_string_equal(PEOPLE("\xe2\x82@Sam"), "Sam");               /* a cut sequence */
	assert_string_equal(PEOPLE("\xc3\xa9\xa9@Sam"), "Sam");           /* a stray continuation */
	assert_string_equal(PEOPLE("\x80\x80\x80\x80\x80@Sam"), "Sam");   /* only continuations */
	assert_string_equal(PEOPLE("\xf0\x90\x80\x80\x80@Sam"), "Sam");   /* one too many */
	assert_string_equal(TAGS("x#a#b y#c \xc3\xa9#d \xe2\x80\x94#e"), "e");
	assert_string_equal(PEOPLE("@a@b @@c @d"), "a|d");
}

static void test_scan_people(void **state)
{
	(void)state;
	assert_string_equal(PEOPLE(NULL), "");
	assert_string_equal(PEOPLE("Asked @Sam and @Priya."), "Sam|Priya");
	assert_string_equal(PEOPLE("mail sam@example.com or <jo@x.org>"), "");
	assert_string_equal(PEOPLE("@Sam's idea, @Sam\xe2\x80\x99s too"), "Sam|Sam");
	assert_string_equal(PEOPLE("(@Jo-Ann) @Dr.Who. @a.b @Sam-"), "Jo-Ann|Dr.Who|a.b|Sam");
	assert_string_equal(PEOPLE("@1st @_x @ @Ann"), "Ann");
	assert_string_equal(PEOPLE("@\xc3\x89lodie: yes"), "\xc3\x89lodie");
	assert_string_equal(PEOPLE("@Sam\xff" "x"), "Sam");
	assert_string_equal(PEOPLE("#Sam is a tag"), "");
	assert_string_equal(TAGS("@Sam is a person"), "");
}

/* ---- terminals --------------------------------------------------------------------- */

static void test_escape_controls(void **state)
{
	(void)state;
	assert_string_equal(escaped(NULL), "");
	assert_string_equal(escaped("plain text"), "plain text");
	assert_string_equal(escaped("keeps\nnewline\tand tab"), "keeps\nnewline\tand tab");
	assert_string_equal(escaped("a\x1b[31mred\x1b[0m"), "a^[[31mred^[[0m");
	assert_string_equal(escaped("over\rwrite"), "over^Mwrite");
	assert_string_equal(escaped("bell\x07 bs\x08 nul-less \x01\x1f"), "bell^G bs^H nul-less ^A^_");
	assert_string_equal(escaped("del\x7f"), "del^?");
	/* C1 controls: CSI (U+009B) would start an escape sequence on some terminals. */
	assert_string_equal(escaped("c1\xc2\x9b" "2J \xc2\x85"), "c1<U+009B>2J <U+0085>");
	/* Bidirectional overrides and isolates that can disguise text. */
	assert_string_equal(escaped("abc\xe2\x80\xae" "fdp.exe"), "abc<U+202E>fdp.exe");
	assert_string_equal(escaped("\xe2\x80\xaa\xe2\x81\xa6x\xe2\x81\xa9"),
			    "<U+202A><U+2066>x<U+2069>");
	/* Invalid bytes become U+FFFD, one per bad byte; a real U+FFFD stays. */
	assert_string_equal(escaped("bad\xff\xc0!"), "bad\xef\xbf\xbd\xef\xbf\xbd!");
	assert_string_equal(escaped("\xef\xbf\xbd"), "\xef\xbf\xbd");
	assert_string_equal(escaped("cut\xe2\x82"), "cut\xef\xbf\xbd\xef\xbf\xbd");
	/* Ordinary non-ASCII passes untouched. */
	assert_string_equal(escaped("caf\xc3\xa9 \xe6\x97\xa5 \xf0\x9f\x98\x80"),
			    "caf\xc3\xa9 \xe6\x97\xa5 \xf0\x9f\x98\x80");
	/* Whatever went in, nothing that reaches the terminal is a control. */
	char *e = text_escape_controls("\x1b\x9b\xc2\x9b\r\x7f\xe2\x80\xae");
	for (const unsigned char *p = (const unsigned char *)e; *p; p++)
		assert_true(*p >= 0x20 && *p != 0x7f);
	assert_true(text_utf8_valid(e, strlen(e), NULL));
	free(e);
}

static void test_width(void **state)
{
	(void)state;
	assert_int_equal(text_width(NULL), 0);
	assert_int_equal(text_width(""), 0);
	assert_int_equal(text_width("abc"), 3);
	assert_int_equal(text_width("caf\xc3\xa9"), 4);
	assert_int_equal(text_width("\xe6\x97\xa5\xe6\x9c\xac"), 4);          /* 日本 */
	assert_int_equal(text_width("\xf0\x9f\x98\x80"), 2);                  /* emoji */
	assert_int_equal(text_width("e\xcc\x81"), 1);                         /* e + combining acute */
	assert_int_equal(text_width("a\xcc\x81\xcc\xa3" "b"), 2);             /* two marks on a */
	assert_int_equal(text_width("x\xff"), 2);                             /* a bad byte: one U+FFFD */
	assert_int_equal(text_width("tab\t"), 3);                             /* controls take none */
}

static void test_truncate(void **state)
{
	(void)state;
	assert_string_equal(truncated("hello", 5, "…"), "hello");
	assert_string_equal(truncated("hello world", 5, "…"), "hell…");
	assert_string_equal(truncated("hello world", 5, ""), "hello");
	assert_string_equal(truncated("hello world", 5, NULL), "hello");
	assert_string_equal(truncated(NULL, 3, "…"), "");
	assert_string_equal(truncated("abc", 0, "…"), "");
	assert_string_equal(truncated("abc", -4, "…"), "");
	/* CJK never splits and never overflows: 4 columns of room hold 日本. */
	assert_string_equal(truncated("\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e", 5, "…"),
			    "\xe6\x97\xa5\xe6\x9c\xac…");
	assert_string_equal(truncated("\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e", 4, "…"),
			    "\xe6\x97\xa5…");
	assert_string_equal(truncated("\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e", 1, ""), "");
	/* An ellipsis wider than the room is dropped rather than overflow. */
	assert_string_equal(truncated("\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e", 2, "..."),
			    "\xe6\x97\xa5");
	assert_string_equal(truncated("\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80", 3, ""),
			    "\xf0\x9f\x98\x80");
	/* Combining marks stay with their letter. */
	assert_string_equal(truncated("e\xcc\x81" "e\xcc\x81" "e\xcc\x81", 2, ""),
			    "e\xcc\x81" "e\xcc\x81");
	assert_string_equal(truncated("e\xcc\x81" "e\xcc\x81" "e\xcc\x81", 2, "…"), "e\xcc\x81…");
}

static void test_pad(void **state)
{
	(void)state;
	assert_string_equal(padded("ab", 4), "ab  ");
	assert_string_equal(padded(NULL, 2), "  ");
	assert_string_equal(padded("long", 2), "long");
	assert_string_equal(padded("long", -1), "long");
	assert_string_equal(padded("\xe6\x97\xa5\xe6\x9c\xac", 6), "\xe6\x97\xa5\xe6\x9c\xac  ");
	assert_string_equal(padded("\xf0\x9f\x98\x80", 3), "\xf0\x9f\x98\x80 ");
	assert_string_equal(padded("e\xcc\x81", 3), "e\xcc\x81  ");
	/* Padded cells line up: every one is exactly the column's width. */
	const char *cells[] = { "abc", "\xe6\x97\xa5", "e\xcc\x81", "\xf0\x9f\x98\x80" };
	for (size_t i = 0; i < sizeof cells / sizeof cells[0]; i++) {
		char *p = text_pad(cells[i], 6);
		assert_int_equal(text_width(p), 6);
		free(p);
	}
}

int main(void)
{
	if (!setlocale(LC_ALL, "C.UTF-8")) {
		fprintf(stderr, "test_text: the C.UTF-8 locale is missing\n");
		return 1;
	}
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_utf8_valid_text),
		cmocka_unit_test(test_utf8_invalid_offsets),
		cmocka_unit_test(test_utf8_decode),
		cmocka_unit_test(test_blank),
		cmocka_unit_test(test_word_count_latin),
		cmocka_unit_test(test_word_count_scripts_and_symbols),
		cmocka_unit_test(test_tag_valid),
		cmocka_unit_test(test_person_valid),
		cmocka_unit_test(test_scan_tags_where_a_tag_starts),
		cmocka_unit_test(test_scan_tags_endings_and_families),
		cmocka_unit_test(test_scan_tags_invalid_utf8),
		cmocka_unit_test(test_scan_character_before_sigil),
		cmocka_unit_test(test_scan_people),
		cmocka_unit_test(test_escape_controls),
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_truncate),
		cmocka_unit_test(test_pad),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
