/*
 * fuzz_import_praxis.c — praxis JSON (an export, import_praxis.c): every
 * member typed and checked, links by UUID to the file or the journal,
 * records already there skipped.  The input is imported with the format
 * named; fuzz_import.h says what is checked, from the place of a refusal
 * to an export of the result coming back byte for byte.
 */
#include "fuzz_import.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_import(data, size, IMPORT_PRAXIS, "fuzz.json");
}
