/*
 * export_out.c — the export's output side: a buffer written out to the
 * descriptor in large pieces, the cleaning and escaping every string goes
 * through on its way into a document, and the small pieces of wording the
 * document formats share (an entry's meta line, an action's status, a
 * scale, the word-count rule), so Markdown, HTML and text say the same.
 *
 * Cleaning copies runs of ordinary bytes whole, found through a table,
 * because an export passes the whole journal's text through here.
 */
#include "export_impl.h"

#include "praxis/text.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* ---- the buffer ----------------------------------------------------------- */

void xout_flush(struct xout *o)
{
	size_t done = 0;
	while (!o->error && done < o->buf.len) {
		ssize_t n = write(o->fd, o->buf.data + done, o->buf.len - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			o->error = n < 0 ? errno : EIO;
			break;
		}
		done += (size_t)n;
	}
	px_buf_reset(&o->buf);
}

void xout_step(struct xout *o)
{
	if (o->buf.len >= XOUT_FLUSH_AT)
		xout_flush(o);
}

/* ---- cleaning and escaping ---------------------------------------------------- */

/* Byte classes: 0 copied as it is, 1 looked at (a control character, a C1
 * lead byte, CR), 2 escaped in HTML. */
static unsigned char byte_class[256];
static bool classes_ready;

static void init_classes(void)
{
	if (classes_ready)
		return;
	for (unsigned c = 0; c < 256; c++)
		byte_class[c] = (c < 0x20 && c != '\t' && c != '\n') || c == 0x7f || c == 0xc2;
	byte_class['&'] = byte_class['<'] = byte_class['>'] = 2;
	byte_class['"'] = byte_class['\''] = 2;
	classes_ready = true;
}

#define REPLACEMENT "\xef\xbf\xbd"

/* The byte at S[I] of class 1: what to write, and how many bytes it took. */
static size_t clean_one(struct px_buf *b, const char *s, size_t i, size_t len)
{
	unsigned char c = (unsigned char)s[i];
	if (c == 0xc2) {
		if (i + 1 < len && (unsigned char)s[i + 1] >= 0x80 && (unsigned char)s[i + 1] <= 0x9f) {
			px_buf_adds(b, REPLACEMENT);   /* a C1 control */
			return 2;
		}
		px_buf_addc(b, (char)c);
		return 1;
	}
	if (c == '\r' && i + 1 < len && s[i + 1] == '\n')
		return 1;                              /* CRLF reads as a line break */
	px_buf_adds(b, REPLACEMENT);
	return 1;
}

#define ONES 0x0101010101010101u
#define HIGHS 0x8080808080808080u

static uint64_t has_zero(uint64_t v)
{
	return (v - ONES) & ~v & HIGHS;
}

static uint64_t has_byte(uint64_t v, unsigned char c)
{
	return has_zero(v ^ (ONES * c));
}

/* Whether the 8 bytes in V may hold one to look at: any byte below 0x20,
 * DEL, 0xc2 (a C1 control's lead byte) and, for HTML, & < > " '.  Eight
 * bytes at a time: an export runs every body through here. */
static bool chunk_needs_look(uint64_t v, bool html)
{
	uint64_t hit = ((v - ONES * 0x20) & ~v & HIGHS) | has_byte(v, 0x7f) | has_byte(v, 0xc2);
	if (html)
		hit |= has_byte(v, '&') | has_byte(v, '<') | has_byte(v, '>') | has_byte(v, '"') |
		       has_byte(v, '\'');
	return hit != 0;
}

/* The first byte at or after I that is not copied as it is. */
static size_t plain_run_end(const char *s, size_t i, size_t len, bool html)
{
	unsigned char stop = html ? 0 : 1;
	for (;;) {
		while (i + 8 <= len) {
			uint64_t v;
			memcpy(&v, s + i, 8);
			if (chunk_needs_look(v, html))
				break;
			i += 8;
		}
		size_t end = i + 8 < len ? i + 8 : len;
		for (; i < end; i++)
			if (html ? byte_class[(unsigned char)s[i]] != stop
				 : byte_class[(unsigned char)s[i]] == stop)
				return i;
		if (i >= len)
			return len;
	}
}

static void copy_clean(struct px_buf *b, const char *s, size_t len, bool html)
{
	init_classes();
	px_buf_grow(b, len);
	for (size_t i = 0; i < len;) {
		size_t run = plain_run_end(s, i, len, html);
		if (run > i) {
			px_buf_add(b, s + i, run - i);
			i = run;
			continue;
		}
		switch (s[i]) {
		case '&': px_buf_adds(b, "&amp;"); i++; break;
		case '<': px_buf_adds(b, "&lt;"); i++; break;
		case '>': px_buf_adds(b, "&gt;"); i++; break;
		case '"': px_buf_adds(b, "&quot;"); i++; break;
		case '\'': px_buf_adds(b, "&#39;"); i++; break;
		default: i += clean_one(b, s, i, len); break;
		}
	}
}

void xclean(struct px_buf *b, const char *s, size_t len)
{
	copy_clean(b, s, len, false);
}

void xclean_s(struct px_buf *b, const char *s)
{
	if (s)
		copy_clean(b, s, strlen(s), false);
}

void xhtml(struct px_buf *b, const char *s, size_t len)
{
	copy_clean(b, s, len, true);
}

void xhtml_s(struct px_buf *b, const char *s)
{
	if (s)
		copy_clean(b, s, strlen(s), true);
}

/* ---- dates and numbers ---------------------------------------------------------- */

static int two(const char *p)
{
	return (p[0] - '0') * 10 + (p[1] - '0');
}

static bool digits_at(const char *s, const char *shape)
{
	for (size_t i = 0; shape[i]; i++)
		if (shape[i] == 'd' ? (s[i] < '0' || s[i] > '9') : s[i] != shape[i])
			return false;
	return true;
}

static void add_number(struct px_buf *b, unsigned v, int width)
{
	char digits[12];
	int n = 0;
	do {
		digits[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v && n < 11);
	while (n < width && n < 11)
		digits[n++] = '0';
	while (n > 0)
		px_buf_addc(b, digits[--n]);
}

/* Written without printf: every entry has a date or two, and formatting
 * them was a tenth of an export's time. */
void xdate_human(struct px_buf *b, const char *stored, bool with_time)
{
	static const char days[] = "MonTueWedThuFriSatSun";
	static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
	size_t len = stored ? strlen(stored) : 0;
	struct px_date d = { 0, 0, 0 };
	if ((len == 10 || len >= 19) && digits_at(stored, "dddd-dd-dd"))
		d = (struct px_date){ two(stored) * 100 + two(stored + 2), two(stored + 5),
				      two(stored + 8) };
	bool timed = len >= 19 && digits_at(stored + 10, " dd:dd:dd");
	if (!date_valid(&d) || (len > 10 && !timed)) {
		xclean_s(b, stored);
		return;
	}
	px_buf_add(b, days + 3 * (date_weekday(&d) - 1), 3);
	px_buf_addc(b, ' ');
	add_number(b, (unsigned)d.day, 1);
	px_buf_addc(b, ' ');
	px_buf_add(b, months + 3 * (d.month - 1), 3);
	px_buf_addc(b, ' ');
	add_number(b, (unsigned)d.year, 4);
	if (with_time && timed && strncmp(stored + 11, "00:00:00", 8) != 0) {
		px_buf_addc(b, ' ');
		px_buf_add(b, stored + 11, 5);
	}
}

void xcount(struct px_buf *b, size_t n)
{
	char digits[32];
	int len = 0;
	do {
		digits[len++] = (char)('0' + n % 10);
		n /= 10;
	} while (n);
	for (int i = len - 1; i >= 0; i--) {
		px_buf_addc(b, digits[i]);
		if (i && i % 3 == 0)
			px_buf_addc(b, ',');
	}
}

/* ---- shared wording ------------------------------------------------------------------ */

const char xword_rule[] =
	"Word counts are of the learner's own words: entry bodies, written answers and planned "
	"actions. Titles, prompts, headings, dates, choices, scales and the references are not "
	"counted.";

static void capitalised(struct px_buf *b, const char *s)
{
	if (s[0] >= 'a' && s[0] <= 'z') {
		px_buf_addc(b, (char)(s[0] - 32));
		s++;
	}
	px_buf_adds(b, s);
}

void xmeta_line(const struct export_ctx *x, const struct xentry *e, struct px_buf *b)
{
	(void)x;
	capitalised(b, entry_frame_label(e->frame));
	px_buf_adds(b, " \xc2\xb7 ");
	if (e->frame == FRAME_PERIOD && e->period_start && e->period_end) {
		xdate_human(b, e->period_start, false);
		px_buf_adds(b, " to ");
		xdate_human(b, e->period_end, false);
	} else {
		xdate_human(b, e->occurred_at, true);
	}
	px_buf_adds(b, " \xc2\xb7 ");
	xcount(b, e->words);
	px_buf_adds(b, e->words == 1 ? " word" : " words");
	if (e->starred)
		px_buf_adds(b, " \xc2\xb7 starred");
	if (e->is_private)
		px_buf_adds(b, " \xc2\xb7 private");
}

void xheading(const struct xentry *e, struct px_buf *b)
{
	if (!text_is_blank(e->title)) {
		xclean_s(b, e->title);
		return;
	}
	px_buf_adds(b, "Entry of ");
	xdate_human(b, e->occurred_at, false);
}

void xaction_status(const struct xaction *a, struct px_buf *b)
{
	px_buf_adds(b, "due ");
	xdate_human(b, a->due_date, false);
	px_buf_adds(b, " \xc2\xb7 ");
	px_buf_adds(b, action_status_name(a->status));
	if (a->outcome != OUTCOME_NONE && !(a->status == ACTION_DROPPED &&
					    a->outcome == OUTCOME_DROPPED)) {
		px_buf_adds(b, ", ");
		px_buf_adds(b, action_outcome_name(a->outcome));
	}
	if (a->followed_up_by && a->follower_shown) {
		px_buf_adds(b, " \xc2\xb7 followed up by \xe2\x80\x98");
		if (text_is_blank(a->follower_title))
			px_buf_adds(b, "an entry");
		else
			xclean_s(b, a->follower_title);
		px_buf_adds(b, "\xe2\x80\x99 (");
		xdate_human(b, a->follower_at, false);
		px_buf_adds(b, ")");
	}
}

void xplanner(struct export_ctx *x, const struct xaction *a, struct px_buf *b)
{
	const struct xseen *p = xgather_entry(x, a->planned_by);
	if (!p || !p->shown) {
		px_buf_adds(b, "an entry");
		return;
	}
	px_buf_adds(b, "\xe2\x80\x98");
	if (text_is_blank(p->title))
		px_buf_adds(b, "an entry");
	else
		xclean_s(b, p->title);
	px_buf_adds(b, "\xe2\x80\x99, ");
	xdate_human(b, p->occurred_at, false);
}

void xscale_value(const struct xanswer *a, struct px_buf *b)
{
	if (!a->a.has_num) {
		xclean_s(b, a->a.value_text);
		return;
	}
	px_buf_addf(b, "%g", a->a.value_num);
	const struct template_step *st = a->step;
	if (!st || st->kind != TEMPLATE_SCALE)
		return;
	px_buf_addf(b, " (on a scale of %d to %d", st->scale_min, st->scale_max);
	if (st->scale_low && st->scale_high) {
		px_buf_adds(b, ": ");
		xclean_s(b, st->scale_low);
		px_buf_adds(b, " \xe2\x80\x93 ");
		xclean_s(b, st->scale_high);
	}
	px_buf_adds(b, ")");
}

static void counted(struct px_buf *b, int n, const char *one, const char *many)
{
	xcount(b, n > 0 ? (size_t)n : 0);
	px_buf_addc(b, ' ');
	px_buf_adds(b, n == 1 ? one : many);
}

void xinquiry_totals(const struct chain_totals *t, struct px_buf *b)
{
	px_buf_adds(b, " \xc2\xb7 ");
	counted(b, t->steps, "entry", "entries");
	px_buf_adds(b, ", ");
	counted(b, t->actions, "action", "actions");
	px_buf_adds(b, ", ");
	counted(b, t->cycles_closed, "cycle closed", "cycles closed");
}

void xcover_byline(const struct export_ctx *x, struct px_buf *b, const char *end)
{
	const struct export_options *o = x->o;
	if (!o->author && !o->course)
		return;
	xclean_s(b, o->author);
	px_buf_adds(b, o->author && o->course ? " \xc2\xb7 " : "");
	xclean_s(b, o->course);
	px_buf_adds(b, end);
}

void xcover_chosen(const struct export_ctx *x, struct px_buf *b)
{
	px_buf_adds(b, x->selection[0] ? "Entries: " : "All entries");
	xclean_s(b, x->selection);
	px_buf_adds(b, ". Exported ");
	xdate_human(b, x->now, false);
	px_buf_adds(b, ".");
}

void xinquiry_line(const struct xinquiry *q, struct px_buf *b)
{
	px_buf_adds(b, "Opened ");
	xdate_human(b, q->opened_at, false);
	if (q->status == INQUIRY_CLOSED && q->closed_at[0]) {
		px_buf_adds(b, ", closed ");
		xdate_human(b, q->closed_at, false);
	} else {
		px_buf_adds(b, ", open");
	}
}
