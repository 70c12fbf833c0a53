/*
 * sha256.h — a small SHA-256 (FIPS 180-4), used to fingerprint template
 * versions: the journal stores a template's text the first time an entry
 * uses it, keyed by this hash, so old entries keep their metadata after the
 * file changes.  Not for secrets: there is no constant-time promise.
 *
 * Call order: sha256_init, any number of sha256_update, sha256_final.  The
 * one-shot sha256_hex() fills a caller buffer of SHA256_HEX_SIZE bytes with
 * 64 lower-case hex digits and a NUL.
 */
#ifndef PRAXIS_SHA256_H
#define PRAXIS_SHA256_H

#include <stddef.h>
#include <stdint.h>

#define SHA256_DIGEST_SIZE 32
#define SHA256_HEX_SIZE 65

struct sha256_ctx {
	uint32_t state[8];
	uint64_t length;          /* bytes hashed so far */
	unsigned char block[64];
	size_t used;              /* bytes waiting in block */
};

void sha256_init(struct sha256_ctx *ctx);
void sha256_update(struct sha256_ctx *ctx, const void *data, size_t len);
void sha256_final(struct sha256_ctx *ctx, unsigned char digest[SHA256_DIGEST_SIZE]);
void sha256_hex(const void *data, size_t len, char hex[SHA256_HEX_SIZE]);

#endif
