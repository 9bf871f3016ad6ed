#include "serve/api.hpp"

#include <cctype>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <vector>

#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include "batch/batch_command.hpp"
#include "errors.hpp"
#include "facts_input.hpp"
#include "icp/errors.hpp"
#include "serve/page_files.hpp"
#include "serve/query.hpp"
#include "text_util.hpp"

namespace icp::cli::serve {
namespace json = boost::json;
namespace {

std::string_view path_of(std::string_view target) {
  return target.substr(0, target.find('?'));
}

// JSON, or what curl -d and a browser's plain fetch send by default: the body
// decides. Uploads (multipart, CSV) are refused with 415.
bool is_json_type(std::string_view content_type) {
  std::string type = lower_ascii(std::string(content_type.substr(0, content_type.find(';'))));
  while (!type.empty() && type.back() == ' ') type.pop_back();
  return type.empty() || type == "application/json" || type == "text/json" || type == "text/plain" ||
         type == "application/x-www-form-urlencoded";
}

ApiResponse json_body(std::string body) {
  ApiResponse r;
  r.body = std::move(body);
  return r;
}

ApiResponse method_not_allowed(std::string_view allow) {
  ApiResponse r = api_error(405, "method_not_allowed", "this path takes " + std::string(allow));
  r.allow = allow;
  return r;
}

// The API described for clients and generators (OpenAPI 3.0).
const char* const kOpenApi = R"({"openapi":"3.0.3",
"info":{"title":"icp-classify","description":"Does a business need a Chinese ICP licence, an ICP filing, or neither? Every answer with its evidence and legal basis.","version":"1"},
"paths":{
"/v1/classify":{"post":{"summary":"Classify one description","requestBody":{"required":true,"content":{"application/json":{"schema":{"$ref":"#/components/schemas/ClassifyRequest"}}}},
 "responses":{"200":{"description":"The decision: exactly the JSON of icp-classify --format json","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Decision"}}}},
  "400":{"$ref":"#/components/responses/Error"},"413":{"$ref":"#/components/responses/Error"},"415":{"$ref":"#/components/responses/Error"},"422":{"$ref":"#/components/responses/Error"}}}},
"/v1/batch":{"post":{"summary":"Classify every row of a CSV file, as icp-classify batch does","parameters":[
  {"name":"column","in":"query","schema":{"type":"string"},"description":"the description column by name or 1-based index; repeat to join several"},
  {"name":"encoding","in":"query","schema":{"type":"string","enum":["auto","utf-8","gb18030"]}},
  {"name":"format","in":"query","schema":{"type":"string","enum":["csv","jsonl","xlsx"]},"description":"xlsx: an Excel workbook as icp-classify batch -o NAME.xlsx writes it, sent once complete"},
  {"name":"lang","in":"query","schema":{"type":"string","enum":["zh","en"]}},
  {"name":"delimiter","in":"query","schema":{"type":"string"}},
  {"name":"no_header","in":"query","schema":{"type":"boolean"}},
  {"name":"sheet","in":"query","schema":{"type":"string"},"description":"for an .xlsx upload: the sheet by name or 1-based number"}],
 "requestBody":{"required":true,"content":{"text/csv":{"schema":{"type":"string","format":"binary"}},"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet":{"schema":{"type":"string","format":"binary"}}}},
 "responses":{"200":{"description":"the input rows in order with the icp_* columns (or JSON lines), as an attachment","content":{"text/csv":{},"application/x-ndjson":{},"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet":{}}},
  "400":{"$ref":"#/components/responses/Error"},"413":{"$ref":"#/components/responses/Error"},"422":{"$ref":"#/components/responses/Error"}}}},
"/v1/version":{"get":{"summary":"Program version and lexicon fingerprint","responses":{"200":{"description":"version","content":{"application/json":{"schema":{"type":"object","properties":{"version":{"type":"string"},"lexicon_hash":{"type":"string"},"phrases":{"type":"integer"}}}}}}}}},
"/healthz":{"get":{"summary":"Liveness","responses":{"200":{"description":"ok","content":{"application/json":{"schema":{"type":"object","properties":{"status":{"type":"string","enum":["ok"]}}}}}}}}},
"/v1/openapi.json":{"get":{"summary":"This description","responses":{"200":{"description":"OpenAPI 3 document"}}}}},
"components":{
"schemas":{
 "ClassifyRequest":{"type":"object","required":["text"],"properties":{
  "text":{"type":"string","description":"the business's own description, usually Chinese; at most 1 MiB of UTF-8"},
  "facts":{"type":"object","description":"company facts as --facts reads them, e.g. {\"registered_capital\":\"500万\",\"charges_users\":false}","additionalProperties":true},
  "lang":{"type":"string","enum":["zh","en"],"default":"zh","description":"language of reasons, notes and questions"},
  "summary":{"type":"boolean","default":false,"description":"add the keys summary (the --summary text) and questions"}}},
 "Decision":{"type":"object","description":"decision (license|filing|neither), categories, news_permit, preapprovals, preapproval_details, foreign_investment, planned, confidence, evidence (begin/end in UTF-8 bytes, begin_char/end_char in code points), trace, missing_facts, notes, facts, held_permits, readiness, materials, lang, version, lexicon_hash","additionalProperties":true},
 "Error":{"type":"object","properties":{"error":{"type":"object","properties":{"code":{"type":"string"},"message":{"type":"string"}}}}}},
"responses":{"Error":{"description":"an error","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Error"}}}}}}}
)";

// Only this server's own files, no inline code: the page cannot be made to
// run anything else, or be framed by another site.
constexpr const char* kContentSecurityPolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

std::optional<ApiResponse> page_file(std::string_view path) {
  if (path == "/" || path == "/index.html") path = "/index.html";
  for (std::size_t i = 0; i < page::file_count; ++i) {
    const page::File& f = page::files[i];
    if (path.substr(1) != f.name) continue;
    ApiResponse r;
    const std::string_view name = f.name;
    r.content_type = name.ends_with(".html")  ? "text/html; charset=utf-8"
                     : name.ends_with(".css") ? "text/css; charset=utf-8"
                                              : "text/javascript; charset=utf-8";
    r.body.assign(reinterpret_cast<const char*>(f.data), f.size);
    r.headers = {{"Content-Security-Policy", kContentSecurityPolicy}, {"Referrer-Policy", "no-referrer"}};
    return r;
  }
  return std::nullopt;
}

}  // namespace

ApiResponse api_error(int status, std::string_view code, std::string_view message) {
  json::object inner;
  inner["code"] = code;
  inner["message"] = to_valid_utf8(message);
  json::object outer;
  outer["error"] = std::move(inner);
  ApiResponse r;
  r.status = status;
  r.body = json::serialize(outer);
  return r;
}

Api::Api(const icp::Classifier& classifier, ReportMeta meta) : classifier_(classifier), meta_(std::move(meta)) {}

ApiResponse Api::handle(const ApiRequest& request) const {
  const std::string_view path = path_of(request.target);
  const bool get = request.method == "GET" || request.method == "HEAD";
  if (path == "/healthz") return get ? json_body(R"({"status":"ok"})") : method_not_allowed("GET");
  if (path == "/v1/version") {
    if (!get) return method_not_allowed("GET");
    json::object o;
    o["version"] = meta_.version;
    o["lexicon_hash"] = meta_.lexicon_hash;
    o["phrases"] = classifier_.phrase_count();
    return json_body(json::serialize(o));
  }
  if (path == "/v1/openapi.json") return get ? json_body(kOpenApi) : method_not_allowed("GET");
  if (path == "/v1/classify") return request.method == "POST" ? classify(request) : method_not_allowed("POST");
  if (path == "/v1/batch") return method_not_allowed("POST");  // a POST is read into a file by the server
  if (auto file = page_file(path)) return get ? std::move(*file) : method_not_allowed("GET");
  return api_error(404, "not_found", "no such path: " + std::string(path.substr(0, 200)));
}

namespace {

constexpr const char* kXlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

BatchAnswer batch_error(int status, std::string_view code, std::string_view message) {
  BatchAnswer a;
  const ApiResponse r = api_error(status, code, message);
  a.status = status;
  a.content_type = r.content_type;
  a.error_body = r.body;
  return a;
}

}  // namespace

namespace {

struct BatchPlan {
  BatchOptions options;
  Lang lang = Lang::zh;
  std::optional<BatchAnswer> error;
};

BatchPlan plan_of(std::string_view target) {
  BatchPlan plan;
  BatchOptions& options = plan.options;
  options.output = "-";
  options.quiet = true;
  options.force = true;
  for (const auto& [key, value] : query_of(target)) {
    if (key == "column") {
      options.columns.push_back(value);
    } else if (key == "encoding") {
      options.encoding = value;
    } else if (key == "format") {
      options.format = lower_ascii(value);
    } else if (key == "delimiter") {
      options.delimiter = value;
    } else if (key == "sheet") {
      options.sheet = value;
    } else if (key == "no_header") {
      options.no_header = value.empty() || value == "1" || value == "true";
    } else if (key == "lang") {
      const auto parsed = lang_from(value);
      if (!parsed) plan.error = batch_error(400, "invalid_request", "lang must be zh or en");
      if (parsed) plan.lang = *parsed;
    } else {
      plan.error =
          batch_error(400, "invalid_request",
                      "unknown parameter '" + key.substr(0, 100) +
                          "' (the parameters are column, encoding, format, delimiter, no_header, sheet, lang)");
    }
  }
  if (!plan.error && options.format != "csv" && options.format != "jsonl" && options.format != "xlsx")
    plan.error = batch_error(400, "invalid_request", "format must be csv, jsonl or xlsx");
  return plan;
}

}  // namespace

BatchAnswer Api::batch_head(std::string_view target) const {
  BatchPlan plan = plan_of(target);
  if (plan.error) return *plan.error;
  BatchAnswer a;
  const bool jsonl = plan.options.format == "jsonl";
  if (plan.options.format == "xlsx") {
    a.content_type = kXlsxType;
    a.filename = "icp-result.xlsx";
    return a;
  }
  a.content_type = jsonl ? "application/x-ndjson; charset=utf-8" : "text/csv; charset=utf-8";
  a.filename = jsonl ? "icp-result.jsonl" : "icp-result.csv";
  return a;
}

BatchAnswer Api::batch(std::string_view target, const std::string& input, std::ostream& output,
                       unsigned threads) const {
  BatchPlan plan = plan_of(target);
  if (plan.error) return *plan.error;
  plan.options.input = input;
  plan.options.jobs = threads;
  // The batch command names its input file; here that is a temporary file of the server's.
  auto about_upload = [&input](std::string message) {
    for (std::size_t at; (at = message.find(input)) != std::string::npos;)
      message.replace(at, input.size(), "the upload");
    return message;
  };
  // A workbook is a file, not a stream: written beside the upload (in the
  // request's own folder, removed with it), then sent whole.
  std::string book;
  if (plan.options.format == "xlsx") {
    const auto slash = input.find_last_of('/');
    book = (slash == std::string::npos ? std::string(".") : input.substr(0, slash)) + "/icp-result.xlsx";
    plan.options.output = book;
  }
  struct RemoveBook {
    const std::string& path;
    ~RemoveBook() {
      std::error_code ignored;
      if (!path.empty()) std::filesystem::remove(path, ignored);
    }
  } remove_book{book};
  std::istringstream no_input;
  std::ostringstream messages;
  try {
    // A bad input throws; it returns 0, 1 (rows carry icp_error) or 130 (stopped).
    const int status = run_batch_on(plan.options, classifier_, plan.lang, no_input, output, messages, false);
    if (status != 0 && status != 1)  // 1: some rows carry icp_error, which is an answer
      return batch_error(503, "interrupted", "the server is stopping: the batch was not finished");
    if (!book.empty()) {
      std::ifstream file(book, std::ios::binary);
      std::vector<char> buffer(1 << 16);
      while (file.read(buffer.data(), static_cast<std::streamsize>(buffer.size())) || file.gcount() > 0)
        output.write(buffer.data(), file.gcount());
      if (!file.eof() || !output) return batch_error(500, "io_error", "cannot send the workbook");
    }
  } catch (const UsageError& e) {
    return batch_error(400, "invalid_request", e.what());
  } catch (const InputError& e) {
    return batch_error(422, "unreadable_input", about_upload(e.what()));
  } catch (const IoError& e) {
    return batch_error(500, "io_error", about_upload(e.what()));
  } catch (const icp::FactError& e) {
    return batch_error(422, "invalid_fact", e.what());
  }
  return {};  // it ran: the caller has the content type from batch_head()
}

ApiResponse Api::classify(const ApiRequest& request) const {
  if (!is_json_type(request.content_type))
    return api_error(415, "unsupported_media_type", "send the request as application/json");
  boost::system::error_code ec;
  const json::value root = json::parse(request.body, ec);
  if (ec) return api_error(400, "invalid_json", "the body is not valid JSON: " + ec.message());
  if (!root.is_object()) return api_error(400, "invalid_request", "the body must be a JSON object with a \"text\"");
  const json::object& o = root.as_object();
  for (const auto& [key, value] : o)
    if (key != "text" && key != "facts" && key != "lang" && key != "summary")
      return api_error(
          400, "invalid_request",
          "unknown key \"" + std::string(key.substr(0, 100)) + "\" (the keys are text, facts, lang, summary)");
  const json::value* text = o.if_contains("text");
  if (!text || !text->is_string()) return api_error(400, "invalid_request", "\"text\" must be a string");
  Lang lang = Lang::zh;
  if (const json::value* l = o.if_contains("lang")) {
    const auto parsed = l->is_string() ? lang_from(l->as_string()) : std::nullopt;
    if (!parsed) return api_error(400, "invalid_request", "\"lang\" must be \"zh\" or \"en\"");
    lang = *parsed;
  }
  bool summary = false;
  if (const json::value* s = o.if_contains("summary")) {
    if (!s->is_bool()) return api_error(400, "invalid_request", "\"summary\" must be true or false");
    summary = s->as_bool();
  }
  icp::Facts facts;
  if (const json::value* f = o.if_contains("facts")) {
    if (!f->is_object())
      return api_error(400, "invalid_request", "\"facts\" must be an object of fact names and values");
    try {
      set_facts_from_json(facts, f->as_object());
    } catch (const icp::FactError& e) {
      return api_error(422, "invalid_fact", e.what());
    }
  }
  const std::string_view description = text->as_string();
  if (is_blank(description))
    return api_error(422, "empty_text",
                     "no text to classify: it is empty or holds only whitespace, control or zero-width characters");
  try {
    return json_body(decision_json_text(classifier_.classify(description, facts), lang, meta_, summary));
  } catch (const icp::TextTooLongError& e) {
    return api_error(413, "text_too_long", e.what());
  }
}

}  // namespace icp::cli::serve
