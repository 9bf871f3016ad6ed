// The C API (icp/icp.h): a catch-all layer over icp::Classifier. Every entry
// point that can fail catches everything, records the message in a
// thread-local string and returns NULL.
#include <cstdlib>
#include <cstring>
#include <exception>
#include <new>
#include <string>
#include <string_view>
#include <vector>

#include "c_api/decision_json.hpp"
#include "icp/classifier.hpp"
#include "icp/icp.h"

#include "icp/facts.hpp"

static_assert(ICP_MAX_TEXT_BYTES == icp::kMaxTextBytes, "one limit for the C and the C++ API");

struct icp_classifier {
  icp::Classifier classifier;
};

namespace {

thread_local std::string last_error;

void set_error(const char* message) noexcept {
  try {
    last_error = message;
  } catch (...) {
    last_error.clear();  // out of memory: an empty message rather than none
  }
}

void clear_error() noexcept {
  last_error.clear();
}

// Runs `body`; on any exception records it and returns `failed`.
template <typename T, typename Body>
T guarded(T failed, Body&& body) noexcept {
  try {
    clear_error();
    return body();
  } catch (const std::bad_alloc&) {
    set_error("out of memory");
  } catch (const std::exception& e) {
    set_error(e.what());
  } catch (...) {
    set_error("unknown error");
  }
  return failed;
}

char* copy_out(const std::string& s) {
  auto* p = static_cast<char*>(std::malloc(s.size() + 1));
  if (p == nullptr) throw std::bad_alloc();
  std::memcpy(p, s.data(), s.size());
  p[s.size()] = '\0';
  return p;
}

}  // namespace

extern "C" {

icp_classifier* icp_classifier_create(const char* lexicon_dir, const char* const* user_lexicons,
                                      size_t user_lexicon_count) {
  return icp_classifier_create_as_of(lexicon_dir, user_lexicons, user_lexicon_count, nullptr);
}

icp_classifier* icp_classifier_create_as_of(const char* lexicon_dir, const char* const* user_lexicons,
                                            size_t user_lexicon_count, const char* as_of) {
  return guarded<icp_classifier*>(nullptr, [&]() -> icp_classifier* {
    icp::Options options;
    if (lexicon_dir != nullptr) options.lexicon_dir = lexicon_dir;
    if (as_of != nullptr) options.as_of = as_of;
    if (user_lexicon_count > 0 && user_lexicons == nullptr) {
      set_error("icp_classifier_create: user_lexicons is NULL but user_lexicon_count is not 0");
      return nullptr;
    }
    for (size_t i = 0; i < user_lexicon_count; ++i) {
      if (user_lexicons[i] == nullptr) {
        set_error("icp_classifier_create: user_lexicons holds a NULL path");
        return nullptr;
      }
      options.user_lexicons.emplace_back(user_lexicons[i]);
    }
    return new icp_classifier{icp::Classifier(options)};
  });
}

void icp_classifier_destroy(icp_classifier* classifier) {
  delete classifier;  // ~Classifier does not throw
}

namespace {

// icp_classify and icp_classify_facts: the same checks, the same answer.
char* classify_with(const char* function, const icp_classifier* classifier, const char* text, size_t length,
                    const char* const* facts, size_t fact_count, const char* lang) {
  return guarded<char*>(nullptr, [&]() -> char* {
    const std::string name = function;
    if (classifier == nullptr) {
      set_error((name + ": classifier is NULL").c_str());
      return nullptr;
    }
    if (text == nullptr && length != 0) {
      set_error((name + ": text is NULL but length is not 0").c_str());
      return nullptr;
    }
    if (length > ICP_MAX_TEXT_BYTES) {
      const std::string message = name + ": the text is " + std::to_string(length) + " bytes, over the limit of " +
                                  std::to_string(ICP_MAX_TEXT_BYTES) + " bytes (ICP_MAX_TEXT_BYTES)";
      set_error(message.c_str());
      return nullptr;
    }
    icp::c_api::Lang language = icp::c_api::Lang::zh;
    if (lang != nullptr && std::strcmp(lang, "en") == 0) {
      language = icp::c_api::Lang::en;
    } else if (lang != nullptr && std::strcmp(lang, "zh") != 0) {
      set_error((name + ": lang must be \"zh\" or \"en\"").c_str());
      return nullptr;
    }
    if (facts == nullptr && fact_count != 0) {
      set_error((name + ": facts is NULL but fact_count is not 0").c_str());
      return nullptr;
    }
    icp::Facts given;
    for (size_t i = 0; i < fact_count; ++i) {
      if (facts[i] == nullptr) {
        set_error((name + ": facts[" + std::to_string(i) + "] is NULL").c_str());
        return nullptr;
      }
      try {
        icp::set_fact(given, facts[i]);
      } catch (const icp::FactError& e) {
        set_error((name + ": facts[" + std::to_string(i) + "]: " + e.what()).c_str());
        return nullptr;
      }
    }
    const std::string_view input = text == nullptr ? std::string_view() : std::string_view(text, length);
    const icp::Decision decision = classifier->classifier.classify(input, given);
    return copy_out(
        icp::c_api::decision_json(decision, language, {icp::version(), classifier->classifier.lexicon_hash()}));
  });
}

}  // namespace

char* icp_classify(const icp_classifier* classifier, const char* text, size_t length, const char* lang) {
  return classify_with("icp_classify", classifier, text, length, nullptr, 0, lang);
}

char* icp_classify_facts(const icp_classifier* classifier, const char* text, size_t length, const char* const* facts,
                         size_t fact_count, const char* lang) {
  return classify_with("icp_classify_facts", classifier, text, length, facts, fact_count, lang);
}

void icp_free(char* json) {
  std::free(json);
}

const char* icp_last_error(void) {
  return last_error.c_str();
}

const char* icp_version(void) {
  return icp::version();
}

const char* icp_classifier_lexicon_hash(const icp_classifier* classifier) {
  return classifier == nullptr ? "" : classifier->classifier.lexicon_hash().c_str();
}

}  // extern "C"
