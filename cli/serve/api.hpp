// The HTTP API's logic, apart from the HTTP server (server.cpp holds Beast):
// a request's method, path, content type and body in, a status, content type
// and body out. Versioned under /v1/; errors are
// {"error": {"code": "...", "message": "..."}} with a fitting status.
//   GET  /healthz            {"status":"ok"}
//   GET  /v1/version         {"version", "lexicon_hash", "phrases"}
//   POST /v1/classify        {"text", "facts"?, "lang"?, "summary"?} → the JSON of --format json
//   GET  /v1/openapi.json    the OpenAPI 3 description of the above
//   GET  /, /app.css, /app.js the intake page (embedded; a strict Content-Security-Policy)
#pragma once

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

class Api {
 public:
  Api(const icp::Classifier& classifier, ReportMeta meta);
  // Thread-safe: one Api serves every connection.
  ApiResponse handle(const ApiRequest& request) const;

 private:
  ApiResponse classify(const ApiRequest& request) const;
  const icp::Classifier& classifier_;
  ReportMeta meta_;
};

}  // namespace icp::cli::serve
