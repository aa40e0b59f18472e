#ifndef CCURL_H
#define CCURL_H
#include <curl/curl.h>
#include <stddef.h>

/* curl_easy_setopt and curl_easy_getinfo are variadic: Swift cannot call them directly. */
CURLcode ccurl_setopt_long(CURL *handle, CURLoption option, long value);
CURLcode ccurl_setopt_string(CURL *handle, CURLoption option, const char *value);
CURLcode ccurl_setopt_pointer(CURL *handle, CURLoption option, void *value);
CURLcode ccurl_setopt_off(CURL *handle, CURLoption option, curl_off_t value);

/* Callbacks are installed with typed signatures so Swift closures (@convention(c)) fit. */
typedef size_t (*ccurl_data_callback)(char *ptr, size_t size, size_t nmemb, void *userdata);
typedef int (*ccurl_progress_callback)(void *userdata, curl_off_t dltotal, curl_off_t dlnow,
                                       curl_off_t ultotal, curl_off_t ulnow);
CURLcode ccurl_set_write_callback(CURL *handle, ccurl_data_callback cb, void *userdata);
CURLcode ccurl_set_header_callback(CURL *handle, ccurl_data_callback cb, void *userdata);
/* The request body through a read callback and no seek callback, so libcurl cannot rewind it. */
CURLcode ccurl_set_read_callback(CURL *handle, ccurl_data_callback cb, void *userdata);
CURLcode ccurl_set_progress_callback(CURL *handle, ccurl_progress_callback cb, void *userdata);

CURLcode ccurl_getinfo_long(CURL *handle, CURLINFO info, long *value);
CURLcode ccurl_getinfo_double(CURL *handle, CURLINFO info, double *value);

#endif
