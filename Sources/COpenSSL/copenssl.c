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

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/param_build.h>
#include <openssl/rand.h>

static EVP_PKEY *rsa_public_key(const uint8_t *n, size_t n_length, const uint8_t *e, size_t e_length) {
    EVP_PKEY *key = NULL;
    BIGNUM *bn_n = BN_bin2bn(n, (int)n_length, NULL);
    BIGNUM *bn_e = BN_bin2bn(e, (int)e_length, NULL);
    OSSL_PARAM_BLD *build = OSSL_PARAM_BLD_new();
    OSSL_PARAM *params = NULL;
    EVP_PKEY_CTX *ctx = NULL;
    if (!bn_n || !bn_e || !build) goto done;
    if (!OSSL_PARAM_BLD_push_BN(build, OSSL_PKEY_PARAM_RSA_N, bn_n)) goto done;
    if (!OSSL_PARAM_BLD_push_BN(build, OSSL_PKEY_PARAM_RSA_E, bn_e)) goto done;
    params = OSSL_PARAM_BLD_to_param(build);
    ctx = EVP_PKEY_CTX_new_from_name(NULL, "RSA", NULL);
    if (!params || !ctx) goto done;
    if (EVP_PKEY_fromdata_init(ctx) != 1) goto done;
    if (EVP_PKEY_fromdata(ctx, &key, EVP_PKEY_PUBLIC_KEY, params) != 1) key = NULL;
done:
    EVP_PKEY_CTX_free(ctx);
    OSSL_PARAM_free(params);
    OSSL_PARAM_BLD_free(build);
    BN_free(bn_n);
    BN_free(bn_e);
    return key;
}

int copenssl_rsa_verify_sha256(const uint8_t *n, size_t n_length, const uint8_t *e, size_t e_length,
                               const void *message, size_t message_length,
                               const uint8_t *signature, size_t signature_length) {
    EVP_PKEY *key = rsa_public_key(n, n_length, e, e_length);
    if (!key) return -1;
    EVP_MD_CTX *md = EVP_MD_CTX_new();
    int result = -1;
    if (md && EVP_DigestVerifyInit(md, NULL, EVP_sha256(), NULL, key) == 1) {
        result = EVP_DigestVerify(md, signature, signature_length, message, message_length) == 1 ? 1 : 0;
    }
    EVP_MD_CTX_free(md);
    EVP_PKEY_free(key);
    return result;
}

int copenssl_bn_apply(copenssl_bn_op op, const uint8_t *a, size_t a_length, const uint8_t *b, size_t b_length,
                      const uint8_t *m, size_t m_length, uint8_t *out, size_t out_capacity, size_t *out_length) {
    int ok = 0;
    BN_CTX *ctx = BN_CTX_new();
    BIGNUM *x = BN_bin2bn(a, (int)a_length, NULL);
    BIGNUM *y = BN_bin2bn(b, (int)b_length, NULL);
    BIGNUM *mod = BN_bin2bn(m, (int)m_length, NULL);
    BIGNUM *r = BN_new();
    if (!ctx || !x || !y || !mod || !r) goto done;
    int needs_modulus = op != COPENSSL_BN_ADD && op != COPENSSL_BN_MUL;
    if (needs_modulus && BN_is_zero(mod)) goto done;
    switch (op) {
    case COPENSSL_BN_ADD: ok = BN_add(r, x, y); break;
    case COPENSSL_BN_MUL: ok = BN_mul(r, x, y, ctx); break;
    case COPENSSL_BN_MOD: ok = BN_nnmod(r, x, mod, ctx); break;
    case COPENSSL_BN_MOD_ADD: ok = BN_mod_add(r, x, y, mod, ctx); break;
    case COPENSSL_BN_MOD_SUB: ok = BN_mod_sub(r, x, y, mod, ctx); break;
    case COPENSSL_BN_MOD_MUL: ok = BN_mod_mul(r, x, y, mod, ctx); break;
    case COPENSSL_BN_MOD_EXP:
        BN_set_flags(y, BN_FLG_CONSTTIME);
        ok = BN_mod_exp(r, x, y, mod, ctx);
        break;
    default: ok = 0;
    }
    if (!ok) goto done;
    size_t size = (size_t)BN_num_bytes(r);
    if (size > out_capacity) { ok = 0; goto done; }
    BN_bn2bin(r, out);
    *out_length = size;
done:
    BN_clear_free(x);
    BN_clear_free(y);
    BN_free(mod);
    BN_clear_free(r);
    BN_CTX_free(ctx);
    return ok;
}

int copenssl_random_bytes(uint8_t *out, size_t length) {
    return RAND_bytes(out, (int)length) == 1;
}
