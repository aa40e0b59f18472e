#include "copenssl.h"
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/sha.h>

int copenssl_sha256(const void *data, size_t length, uint8_t *out) {
    return SHA256((const unsigned char *)data, length, out) != NULL;
}

int copenssl_hmac_sha256(const void *key, size_t key_length, const void *data, size_t length, uint8_t *out) {
    unsigned int out_length = 32;
    return HMAC(EVP_sha256(), key, (int)key_length, (const unsigned char *)data, length, out, &out_length) != NULL;
}

struct copenssl_sha256_ctx { EVP_MD_CTX *md; };

copenssl_sha256_ctx *copenssl_sha256_new(void) {
    EVP_MD_CTX *md = EVP_MD_CTX_new();
    if (!md) return NULL;
    if (EVP_DigestInit_ex(md, EVP_sha256(), NULL) != 1) { EVP_MD_CTX_free(md); return NULL; }
    copenssl_sha256_ctx *ctx = OPENSSL_malloc(sizeof(*ctx));
    if (!ctx) { EVP_MD_CTX_free(md); return NULL; }
    ctx->md = md;
    return ctx;
}
int copenssl_sha256_update(copenssl_sha256_ctx *ctx, const void *data, size_t length) {
    return EVP_DigestUpdate(ctx->md, data, length);
}
int copenssl_sha256_final(copenssl_sha256_ctx *ctx, uint8_t *out) {
    unsigned int n = 32;
    return EVP_DigestFinal_ex(ctx->md, out, &n);
}
void copenssl_sha256_free(copenssl_sha256_ctx *ctx) {
    if (!ctx) return;
    EVP_MD_CTX_free(ctx->md);
    OPENSSL_free(ctx);
}
