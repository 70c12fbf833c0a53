/*
 * text.h — the pure text layer: UTF-8 checking and decoding, words, the
 * `#tag` and `@Name` lexers, and display width for aligned output.
 *
 * Nothing here touches the journal or the terminal.  Every function accepts
 * any bytes: invalid UTF-8 is measured and shown as U+FFFD, never read past.
 * Display width is the width the terminal will give a character, taken from
 * the C library's wcwidth() under the caller's locale (the faces call
 * setlocale); a character wcwidth cannot measure counts as one column, so
 * output never collapses in a non-UTF-8 locale.
 *
 * Returned `char *` strings are the caller's to free.
 */
#ifndef PRAXIS_TEXT_H
#define PRAXIS_TEXT_H

#include "praxis/error.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The longest tag or person name, in bytes, without its '#' or '@'. */
#define TEXT_NAME_MAX 64

/* True when the LEN bytes of S are valid UTF-8 (shortest form, no surrogates,
 * at most U+10FFFF).  When not, *BAD (may be NULL) is the offset of the first
 * byte that is wrong. */
bool text_utf8_valid(const char *s, size_t len, size_t *bad);

/* Decode one character from the LEN (> 0) bytes at S into *CP and return how
 * many bytes it took.  An invalid sequence yields U+FFFD and takes one byte,
 * so a loop over any input always moves forward. */
size_t text_utf8_decode(const char *s, size_t len, uint32_t *cp);

/* True for NULL, "" and text of white space only. */
bool text_is_blank(const char *s);

/* Words as a tutor counts them: a run of non-space characters with at least
 * one letter or digit is one word ("well-being", "don't", "#tag", "@Sam"),
 * punctuation alone is none, and each CJK ideograph or kana is a word of its
 * own (Chinese and Japanese do not separate words by spaces; Korean does, so
 * hangul is counted by runs like Latin).  NULL counts 0. */
size_t text_word_count(const char *s);

/* True for the characters of scripts written without spaces between
 * words (CJK ideographs, hiragana, katakana): each one is a word for
 * text_word_count, and the search index keeps a run of them as one word. */
bool text_is_cjk(uint32_t cp);

/* True when CP is a letter or digit as text_word_count and the name lexers
 * see it: ASCII letters and digits, and anything outside ASCII that is not
 * a space, punctuation, a symbol, an emoji or an invisible mark. */
bool text_is_word_char(uint32_t cp);

/* Check a tag name (one leading '#' allowed): 1 to TEXT_NAME_MAX bytes of
 * letters, digits, '_', '-' and '/' (for families such as power/expert), not
 * starting or ending with '-' or '/', no empty family part, not only digits.
 * Returns 0, or -1 with ERR saying what is wrong. */
int text_tag_valid(const char *name, struct px_error *err);

/* Check a person's name (one leading '@' allowed): 1 to TEXT_NAME_MAX bytes,
 * starting with a letter, then letters, digits, '_', '-' and '.', not ending
 * with '.' or '-'.  Returns 0, or -1 with ERR. */
int text_person_valid(const char *name, struct px_error *err);

/* Called with each name found, pointing into the scanned text, without the
 * sigil, LEN bytes long. */
typedef void text_name_fn(const char *name, size_t len, void *ctx);

/* Call FN for every #tag in TEXT (NULL allowed).  A '#' starts a tag only at
 * the start of the text or after a character that cannot be part of a word
 * (so "C#", "page#top" and "&#39;" are not tags, nor Markdown's "# Heading");
 * trailing '-' and '/' are not part of the tag; anything that does not pass
 * text_tag_valid is skipped. */
void text_scan_tags(const char *text, text_name_fn *fn, void *ctx);

/* As text_scan_tags for @Name mentions; "sam@example.com" is not one, and a
 * name stops before an apostrophe ("@Sam's" mentions Sam). */
void text_scan_people(const char *text, text_name_fn *fn, void *ctx);

/* A copy of S (NULL gives "") safe to send to a terminal: control
 * characters other than newline and tab shown in caret form ("^[" for
 * ESC, "^M" for CR, "^?" for DEL), C1 controls and the bidirectional
 * overrides that can disguise text as "<U+009B>", and invalid UTF-8 as
 * U+FFFD.  Nothing the input holds can move the cursor or change colours. */
char *text_escape_controls(const char *s) __attribute__((returns_nonnull));

/* Columns one character takes on a terminal: wcwidth() under the caller's
 * locale, 1 where wcwidth cannot measure it, 0 for combining marks and
 * other zero-width characters, and 0 for controls (escape them first).
 * Every other width in praxis is a sum of these. */
int text_char_width(uint32_t cp);

/* Columns S takes on a terminal (NULL is 0).  Controls count as the width of
 * their escaped form would not: call on escaped text. */
int text_width(const char *s);

/* The longest prefix of S that fits in WIDTH columns; when S is cut,
 * ELLIPSIS (may be "") is appended and counted in WIDTH.  Never splits a
 * character, never returns more than WIDTH columns (WIDTH < 0 is 0). */
char *text_truncate(const char *s, int width, const char *ellipsis) __attribute__((returns_nonnull));

/* S padded with spaces on the right to WIDTH columns (unchanged if wider). */
char *text_pad(const char *s, int width) __attribute__((returns_nonnull));

#endif
