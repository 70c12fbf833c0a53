/*
 * fuzz_import_jrnl_txt.c — jrnl's own text journal (import_jrnl.c):
 * "[DATE] Title" lines in jrnl's time formats, each followed by its body,
 * read line by line with the line of every refusal.  The input is
 * imported with the format named; fuzz_import.h says what is checked.
 */
#include "fuzz_import.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_import(data, size, IMPORT_JRNL_TXT, "fuzz.txt");
}
