/*
 * fuzz_date.c — the date expressions users type (date_parse_expr) and the
 * storage forms read back from the journal (datetime_parse_storage).
 *
 * Each input is parsed against three "nows" (an ordinary day and both ends
 * of the years praxis keeps, where offsets overflow) with both biases.
 * What date.h promises is checked: a success is a valid date in
 * 1900..9999 with a time in range when it has one; a failure is
 * PX_ERR_INVALID with a message; a storage form round-trips exactly.
 */
#include "fuzz.h"

#include "praxis/date.h"

static void check_datetime(const struct px_datetime *dt)
{
	FUZZ_CHECK(date_valid(&dt->date));
	if (dt->has_time) {
		FUZZ_CHECK(dt->hour >= 0 && dt->hour < 24);
		FUZZ_CHECK(dt->minute >= 0 && dt->minute < 60);
		FUZZ_CHECK(dt->second >= 0 && dt->second < 60);
	}
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
		for (int bias = DATE_PAST; bias <= DATE_FUTURE; bias++) {
			struct px_datetime out;
			struct px_error err;
			px_error_clear(&err);
			if (date_parse_expr(text, &nows[i], (enum date_bias)bias, &out, &err) == 0) {
				check_datetime(&out);
				char back[20];
				datetime_format(&out, back);
				struct px_datetime again;
				FUZZ_CHECK(datetime_parse_storage(back, &again) == 0);
			} else {
				FUZZ_CHECK(err.code == PX_ERR_INVALID);
				FUZZ_CHECK(err.msg[0] != '\0');
			}
		}
	}
	struct px_datetime st;
	if (datetime_parse_storage(text, &st) == 0) {
		check_datetime(&st);
		char back[20], day[11];
		if (st.has_time) {
			datetime_format(&st, back);
			FUZZ_CHECK(strcmp(back, text) == 0);
		} else {
			date_format(&st.date, day);
			FUZZ_CHECK(strcmp(day, text) == 0);
		}
	}
	free(text);
	return 0;
}
