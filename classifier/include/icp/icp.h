/* icp.h: the C API of the ICP classifier, for C and foreign-function callers
 * (Python ctypes/cffi, Go cgo, Rust, Java FFM, .NET P/Invoke...).
 *
 *   icp_classifier* c = icp_classifier_create(NULL, NULL, 0);
 *   if (!c) { fprintf(stderr, "%s\n", icp_last_error()); return 1; }
 *   char* json = icp_classify(c, text, strlen(text), "en");
 *   if (json) { puts(json); icp_free(json); }
 *   icp_classifier_destroy(c);
 *
 * The same library serves the C++ API (icp/classifier.hpp); this is a thin
 * layer over it. The header is valid C89, C99 and C++.
 *
 * Errors. No C++ exception crosses this API. A call that fails returns NULL
 * and sets a message that icp_last_error() returns on the same thread.
 *
 * Threads. An icp_classifier is immutable after creation: icp_classify() and
 * icp_classifier_lexicon_hash() may be called concurrently from any number
 * of threads on one shared classifier. icp_classifier_destroy() must not
 * overlap with other calls on the same classifier.
 *
 * Memory. Strings returned by icp_classify() belong to the caller, who frees
 * them with icp_free() (not free(): the library may use another allocator).
 * Strings returned by icp_version(), icp_classifier_lexicon_hash() and
 * icp_last_error() belong to the library; see each function for how long
 * they stay valid.
 *
 * Text. All strings are UTF-8. The classified text is passed as a pointer and
 * a length, so it may contain NUL bytes and need not be NUL-terminated;
 * invalid UTF-8 in it is tolerated (and noted in the answer). */
#ifndef ICP_ICP_H
#define ICP_ICP_H

#include <stddef.h>

#include "icp/export.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The longest text icp_classify() takes, in bytes: 1 MiB, as the C++ API's
 * icp::kMaxTextBytes and the command line. */
#define ICP_MAX_TEXT_BYTES ((size_t)1 << 20)

/* A loaded, compiled lexicon ready to classify. Opaque. */
typedef struct icp_classifier icp_classifier;

/* Creates a classifier.
 *   lexicon_dir         NULL or "" for the lexicon built into the library, or
 *                       a folder laid out like data/lexicon (signals.tsv and
 *                       phrases/ *.tsv; the package installs a copy in
 *                       share/icp_classifier/lexicon).
 *   user_lexicons       NULL, or an array of user_lexicon_count paths of
 *                       phrase files added on top of the lexicon, in order.
 *   user_lexicon_count  number of entries of user_lexicons.
 * Returns NULL on failure: a file cannot be read or is malformed
 * (icp_last_error() then reads "FILE:LINE: MESSAGE"), or out of memory.
 * Loading takes about a tenth of a second: create once, classify many
 * times. */
ICP_API icp_classifier* icp_classifier_create(const char* lexicon_dir, const char* const* user_lexicons,
                                              size_t user_lexicon_count);

/* As icp_classifier_create, applying the rules in force on as_of
 * ("YYYY-MM-DD", e.g. "2019-06-01"; NULL or "" for today), as
 * `icp-classify --as-of`. Returns NULL with icp_last_error() naming the value
 * when as_of is not such a date. */
ICP_API icp_classifier* icp_classifier_create_as_of(const char* lexicon_dir, const char* const* user_lexicons,
                                                    size_t user_lexicon_count, const char* as_of);

/* Destroys a classifier. NULL is allowed and does nothing. */
ICP_API void icp_classifier_destroy(icp_classifier* classifier);

/* Classifies text[0, length) and returns the decision as one line of JSON
 * (UTF-8, no trailing newline), the same object as
 * `icp-classify --format json`:
 *   decision             "license" | "filing" | "neither"
 *   categories           B25 sub-categories 1-5, ascending
 *   news_permit          true when the news information permit is needed
 *   preapprovals         sector names, e.g. ["news", "education"]
 *   preapproval_details  [{sector, still_required, standing, evidence}]
 *   foreign_investment, planned   booleans
 *   confidence           0-1
 *   evidence             [{begin, end, text, signal, negated, planned}];
 *                        begin/end are byte offsets into `text`
 *   trace                [{step, rule, basis, citation, reason, evidence}]
 *   missing_facts        [{id, question}]
 *   notes                [{id, text}]
 *   facts                [{name, value, source, evidence?}]: the company
 *                        facts read from the text ("source": "text")
 *   held_permits         [{kind, number, commercial?, evidence}]: licences
 *                        and filings the text shows are held (京ICP证…号,
 *                        B2-…, 京ICP备…号); commercial only for a drug
 *                        information certificate that says 经营性/非经营性
 *   readiness            {applicable, ready, unmet, conditions, materials}
 *   lang, version, lexicon_hash
 * Evidence texts are the caller's bytes with invalid UTF-8 sequences replaced
 * by U+FFFD, so the JSON is always valid UTF-8.
 *   lang   "zh" or "en": the language of reason, standing, question and note
 *          texts; NULL means "zh".
 * Returns a string to release with icp_free(), or NULL on failure (NULL
 * classifier, NULL text with a nonzero length, a length over
 * ICP_MAX_TEXT_BYTES, unknown lang, out of memory); bad or empty text is not
 * a failure. A text over the limit fails at once, without being read:
 * icp_last_error() then reads "icp_classify: the text is N bytes, over the
 * limit of 1048576 bytes (ICP_MAX_TEXT_BYTES)". Thread-safe. */
ICP_API char* icp_classify(const icp_classifier* classifier, const char* text, size_t length, const char* lang);

/* icp_classify() with company facts, as `icp-classify --fact` takes them: an
 * array of fact_count strings "NAME=VALUE" (also "NAME：VALUE"; Chinese
 * aliases work as NAME), e.g. {"registered_capital=500万", "charges_users=否",
 * "province=浙江"}. The answer's readiness, materials and decision use them
 * (an answered question can change the decision), and its "facts" list them
 * with "source": "given". Fails (NULL) like icp_classify(), and also on an
 * unknown fact or a value that cannot be read: icp_last_error() then names
 * the entry, the fact and the accepted forms. Thread-safe. */
ICP_API char* icp_classify_facts(const icp_classifier* classifier, const char* text, size_t length,
                                 const char* const* facts, size_t fact_count, const char* lang);

/* Frees a string returned by icp_classify(). NULL is allowed. */
ICP_API void icp_free(char* json);

/* The message of the last failed call made on this thread, or "" if the last
 * call that can fail succeeded. Each thread has its own; the string stays
 * valid until the next call into this API on the same thread. Never NULL. */
ICP_API const char* icp_last_error(void);

/* The library version, e.g. "0.1.0". A static string. */
ICP_API const char* icp_version(void);

/* The classifier's lexicon fingerprint (16 hex digits; user phrase files
 * included). Valid until the classifier is destroyed; "" for NULL. */
ICP_API const char* icp_classifier_lexicon_hash(const icp_classifier* classifier);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* ICP_ICP_H */
