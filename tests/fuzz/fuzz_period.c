/*
 * fuzz_period.c — the periods users type for list filters and reviews
 * (date_parse_range), and what is made of a period once parsed: the one
 * before it (date_range_previous) and its label (date_range_label).
 *
 * Checked as date.h promises: a parsed period has valid ends in order; a
 * failure is PX_ERR_INVALID with a message; the label is valid UTF-8 that
 * fits the 64 bytes the header says suffice; the previous period ends the
 * day before this one starts.
 */
#include "fuzz.h"

#include "praxis/date.h"
#include "praxis/text.h"

static void check_range(const struct px_date_range *r)
{
	FUZZ_CHECK(date_valid(&r->from) && date_valid(&r->to));
	FUZZ_CHECK(date_compare(&r->from, &r->to) <= 0);
	char label[64];
	memset(label, 'x', sizeof label);
	date_range_label(r, label, sizeof label);
	size_t len = strnlen(label, sizeof label);
	FUZZ_CHECK(len < sizeof label);
	FUZZ_CHECK(text_utf8_valid(label, len, NULL));
	struct px_date_range prev;
	date_range_previous(r, &prev);
	FUZZ_CHECK(date_compare(&prev.from, &prev.to) <= 0);
	FUZZ_CHECK(date_days_between(&prev.to, &r->from) == 1);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct px_datetime nows[] = {
		{ { 2026, 3, 10 }, 9, 0, 0, 1 },
		{ { 1900, 1, 1 }, 0, 0, 0, 1 },
		{ { 9999, 12, 31 }, 23, 59, 59, 1 },
	};
	char *text = fuzz_cstr(data, size);
	for (size_t i = 0; i < sizeof nows / sizeof nows[0]; i++) {
		struct px_date_range r;
		struct px_error err;
		px_error_clear(&err);
		if (date_parse_range(text, &nows[i], &r, &err) == 0) {
			check_range(&r);
		} else {
			FUZZ_CHECK(err.code == PX_ERR_INVALID);
			FUZZ_CHECK(err.msg[0] != '\0');
		}
	}
	free(text);
	return 0;
}
