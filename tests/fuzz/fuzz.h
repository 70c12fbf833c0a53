/*
 * fuzz.h — what every fuzz target shares.  A target is one file
 * tests/fuzz/fuzz_NAME.c defining LLVMFuzzerTestOneInput, with its seed
 * corpus in tests/fuzz/corpus/NAME/; the Makefile finds both by name, so
 * adding a parser to fuzz (an importer, say) is adding that file and that
 * folder.  The same target is built twice: with clang and libFuzzer for
 * `make fuzz`, and with the project's compiler and sanitizers against
 * replay.c, which `make check` uses to replay every corpus.
 *
 * Targets check what the headers promise, not just "no crash": a broken
 * promise calls fuzz_fail(), which aborts so that both builds report it.
 */
#ifndef PRAXIS_FUZZ_H
#define PRAXIS_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define fuzz_fail(...) (fprintf(stderr, "fuzz: " __VA_ARGS__), fputc('\n', stderr), abort())
#define FUZZ_CHECK(cond) \
	((cond) ? (void)0 : fuzz_fail("%s:%d: %s does not hold", __FILE__, __LINE__, #cond))

/* DATA as a NUL-terminated string (the parsers take C strings; input after
 * a NUL byte is what a command line could not pass anyway).  Caller frees. */
static inline char *fuzz_cstr(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	if (!s)
		abort();
	if (size)
		memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

#endif
