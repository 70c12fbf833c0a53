/*
 * fuzz_import_jrnl_json.c — jrnl's JSON export (`jrnl --export json`,
 * import_jrnl.c): entries with title, body, date, time, tags and a star,
 * each made a note with a UUID from its content.  The input is imported
 * with the format named; fuzz_import.h says what is checked.
 */
#include "fuzz_import.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_import(data, size, IMPORT_JRNL_JSON, "fuzz.json");
}
