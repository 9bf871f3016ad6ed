// The HTTP API's logic, apart from the HTTP server (server.cpp holds Beast):
// a request's method, path, content type and body in, a status, content type
// and body out. Versioned under /v1/; errors are
// {"error": {"code": "...", "message": "..."}} with a fitting status.
//   GET  /healthz            {"status":"ok"}
//   GET  /v1/version         {"version", "lexicon_hash", "phrases"}
//   POST /v1/classify        {"text", "facts"?, "lang"?, "summary"?} → the JSON of --format json
//   POST /v1/batch?column=&encoding=&format=csv|jsonl&lang=&delimiter=&no_header=
//                            a CSV upload → the batch command's output (server.cpp keeps both in files)
//   GET  /v1/openapi.json    the OpenAPI 3 description of the above
//   GET  /, /app.css, /app.js the intake page (embedded; a strict Content-Security-Policy)
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "icp/classifier.hpp"
#include "report_json.hpp"

namespace icp::cli::serve {

struct ApiRequest {
  std::string_view method;        // "GET", "POST" …
  std::string_view target;        // "/v1/classify?x=y"
  std::string_view content_type;  // the header's value, "" when absent
  std::string_view body;
};

struct ApiResponse {
  int status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::string body;
  std::string allow;                                         // for 405: the methods the path takes
  std::vector<std::pair<std::string, std::string>> headers;  // more, e.g. the page's Content-Security-Policy
};

// A JSON error body: {"error":{"code":CODE,"message":MESSAGE}}.
ApiResponse api_error(int status, std::string_view code, std::string_view message);

// POST /v1/batch: the upload has been saved to `input`; the batch command's
// output goes to a stream that the server sends on as it comes; the answer
// says whether it ran, or carries the error body.
struct BatchAnswer {
  int status = 200;
  std::string content_type;  // of the file, or of the error
  std::string error_body;    // set when status is not 200
  std::string filename;      // for Content-Disposition: icp-result.csv / .jsonl / .xlsx
  std::uint64_t rows = 0;
};

class Api {
 public:
  Api(const icp::Classifier& classifier, ReportMeta meta);
  // Thread-safe: one Api serves every connection.
  ApiResponse handle(const ApiRequest& request) const;
  // The query parameters of /v1/batch as the batch command's options:
  // column (repeatable), encoding, format=csv|jsonl|xlsx, lang, delimiter, no_header.
  // Runs on the caller's thread; threads: the batch's workers.
  BatchAnswer batch(std::string_view target, const std::string& input, std::ostream& output, unsigned threads) const;
  // The same parameters checked without running: the content type and file
  // name of the answer, or the error (an unknown parameter, a bad lang).
  BatchAnswer batch_head(std::string_view target) const;

 private:
  ApiResponse classify(const ApiRequest& request) const;
  const icp::Classifier& classifier_;
  ReportMeta meta_;
};

}  // namespace icp::cli::serve
