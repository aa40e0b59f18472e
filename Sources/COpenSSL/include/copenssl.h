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

/* RSASSA-PKCS1-v1_5 with SHA-256 (JWS "RS256") under the public key (n, e), both big-endian
   unsigned. Returns 1 when the signature is valid, 0 when it is not, -1 when the key cannot be
   built. */
int copenssl_rsa_verify_sha256(const uint8_t *n, size_t n_length, const uint8_t *e, size_t e_length,
                               const void *message, size_t message_length,
                               const uint8_t *signature, size_t signature_length);

/* Arithmetic on big-endian unsigned integers through libcrypto's BIGNUM. */
typedef enum {
    COPENSSL_BN_ADD = 1,     /* a + b */
    COPENSSL_BN_MUL = 2,     /* a * b */
    COPENSSL_BN_MOD = 3,     /* a mod m */
    COPENSSL_BN_MOD_ADD = 4, /* (a + b) mod m */
    COPENSSL_BN_MOD_SUB = 5, /* (a - b) mod m, never negative */
    COPENSSL_BN_MOD_MUL = 6, /* (a * b) mod m */
    COPENSSL_BN_MOD_EXP = 7  /* a ^ b mod m, in constant time */
} copenssl_bn_op;

/* Applies op; m is ignored by the operations without a modulus. The result is written big-endian
   without leading zeros to out (capacity out_capacity) and its length to out_length (0 for zero).
   Returns 1 on success, 0 on failure (no room, zero modulus, out of memory). */
int copenssl_bn_apply(copenssl_bn_op op, const uint8_t *a, size_t a_length, const uint8_t *b, size_t b_length,
                      const uint8_t *m, size_t m_length, uint8_t *out, size_t out_capacity, size_t *out_length);

/* Fills out with cryptographically strong random bytes. Returns 1 on success. */
int copenssl_random_bytes(uint8_t *out, size_t length);

#endif
