#ifndef COPENSSL_H
#define COPENSSL_H
#include <stddef.h>
#include <stdint.h>

/* SHA-256 of a buffer; out must hold 32 bytes. Returns 1 on success. */
int copenssl_sha256(const void *data, size_t length, uint8_t *out);
/* HMAC-SHA-256; out must hold 32 bytes. Returns 1 on success. */
int copenssl_hmac_sha256(const void *key, size_t key_length, const void *data, size_t length, uint8_t *out);

/* Incremental SHA-256 for large bodies. */
typedef struct copenssl_sha256_ctx copenssl_sha256_ctx;
copenssl_sha256_ctx *copenssl_sha256_new(void);
int copenssl_sha256_update(copenssl_sha256_ctx *ctx, const void *data, size_t length);
int copenssl_sha256_final(copenssl_sha256_ctx *ctx, uint8_t *out);
void copenssl_sha256_free(copenssl_sha256_ctx *ctx);


#endif
