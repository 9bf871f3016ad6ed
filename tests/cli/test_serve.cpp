// icp-classify serve (issue 10): the real server on a random loopback port,
// driven over plain sockets — every endpoint, every error status, the body
// limit, keep-alive, a slow client beside a fast one, graceful shutdown with
// a request in flight, and /v1/classify equal to --format json.
#include <doctest/doctest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "cli_test_support.hpp"
#include "serve/query.hpp"

using namespace cli_test;

namespace {

// The server as a child process; its port read from the "listening on" line.
class ServerProcess {
 public:
  explicit ServerProcess(std::vector<std::string> extra = {}) {
    int err[2];
    REQUIRE(pipe(err) == 0);
    std::vector<std::string> args = {ICP_CLI_BINARY, "serve", "--listen", "127.0.0.1:0", "--jobs", "2"};
    args.insert(args.end(), extra.begin(), extra.end());
    pid_ = fork();
    REQUIRE(pid_ >= 0);
    if (pid_ == 0) {
      dup2(err[1], 2);
      close(err[0]);
      close(err[1]);
      std::vector<char*> argv;
      for (auto& a : args) argv.push_back(a.data());
      argv.push_back(nullptr);
      execv(argv[0], argv.data());
      _exit(127);
    }
    close(err[1]);
    err_ = err[0];
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (log_.find("\n") == std::string::npos && std::chrono::steady_clock::now() < deadline) read_log(200);
    const auto at = log_.find("127.0.0.1:");
    REQUIRE_MESSAGE(at != std::string::npos, log_);
    port_ = std::stoi(log_.substr(at + 10));
  }
  ~ServerProcess() {
    if (!waited_) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    close(err_);
  }
  int port() const { return port_; }
  void signal(int sig) { kill(pid_, sig); }
  // The exit status, waiting at most 20 s (-1 if it had to be killed).
  int wait() {
    waited_ = true;
    const int status = wait_for_exit(pid_, std::chrono::seconds(20), [this] { read_log(20); });
    read_log(0);
    return status;
  }
  const std::string& log() const { return log_; }

 private:
  void read_log(int timeout_ms) {
    pollfd p{err_, POLLIN, 0};
    if (poll(&p, 1, timeout_ms) <= 0) return;
    char buffer[4096];
    const ssize_t n = read(err_, buffer, sizeof buffer);
    if (n > 0) log_.append(buffer, static_cast<std::size_t>(n));
  }
  pid_t pid_ = -1;
  int err_ = -1;
  int port_ = 0;
  bool waited_ = false;
  std::string log_;
};

int connect_to(int port) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
  timeval timeout{20, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  return fd;
}

void send_all(int fd, const std::string& bytes) {
  std::size_t sent = 0;
  while (sent < bytes.size()) {
    const ssize_t n = ::send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) return;  // the server may close early (413): the answer is read anyway
    sent += static_cast<std::size_t>(n);
  }
}

struct Reply {
  int status = 0;
  std::string headers;
  std::string body;
};

// Reads one response from `fd`: Content-Length framed, or chunked (the
// batch's rows, sent as they come). `complete` says whether a chunked body
// ended with its last chunk.
Reply read_reply(int fd, bool* complete = nullptr) {
  std::string data;
  char buffer[65536];
  std::size_t header_end;
  auto more = [&]() {
    const ssize_t n = recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) return false;
    data.append(buffer, static_cast<std::size_t>(n));
    return true;
  };
  while ((header_end = data.find("\r\n\r\n")) == std::string::npos)
    if (!more()) return {};
  Reply r;
  r.headers = data.substr(0, header_end + 2);
  r.status = std::stoi(r.headers.substr(9, 3));
  data.erase(0, header_end + 4);
  if (r.headers.find("Transfer-Encoding: chunked") != std::string::npos) {
    for (;;) {
      std::size_t line_end;
      while ((line_end = data.find("\r\n")) == std::string::npos)
        if (!more()) return r;  // cut short
      const std::size_t size = std::stoul(data.substr(0, line_end), nullptr, 16);
      while (data.size() < line_end + 2 + size + 2)
        if (!more()) return r;
      r.body += data.substr(line_end + 2, size);
      data.erase(0, line_end + 2 + size + 2);
      if (size == 0) {
        if (complete) *complete = true;
        return r;
      }
    }
  }
  std::size_t length = 0;
  if (const auto at = r.headers.find("Content-Length: "); at != std::string::npos)
    length = std::stoul(r.headers.substr(at + 16));
  r.body = data;
  while (r.body.size() < length) {
    const ssize_t n = recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) break;
    r.body.append(buffer, static_cast<std::size_t>(n));
  }
  return r;
}

std::string request(const std::string& method, const std::string& path, const std::string& body = "",
                    const std::string& type = "application/json", bool keep_alive = false) {
  std::string r = method + " " + path + " HTTP/1.1\r\nHost: test\r\n";
  if (!type.empty()) r += "Content-Type: " + type + "\r\n";
  if (!body.empty() || method == "POST") r += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  if (!keep_alive) r += "Connection: close\r\n";
  return r + "\r\n" + body;
}

Reply call(int port, const std::string& method, const std::string& path, const std::string& body = "",
           const std::string& type = "application/json") {
  const int fd = connect_to(port);
  send_all(fd, request(method, path, body, type));
  Reply r = read_reply(fd);
  close(fd);
  return r;
}

std::string error_code(const Reply& r) {
  return std::string(boost::json::parse(r.body).at("error").at("code").as_string());
}

std::string classify_body(const std::string& text, const std::string& extra = "") {
  return "{\"text\":" + boost::json::serialize(boost::json::value(text)) + extra + "}";
}

}  // namespace

TEST_CASE("serve: health, version, OpenAPI, and classify equal to --format json on the case tables") {
  ServerProcess server;
  const int port = server.port();
  const Reply health = call(port, "GET", "/healthz");
  CHECK(health.status == 200);
  CHECK(health.body == R"({"status":"ok"})");
  const Reply version = call(port, "GET", "/v1/version");
  CHECK(version.status == 200);
  const std::string cli_version = run_cli({"--version"}).out;  // "icp-classify 0.1.0\nlexicon HASH (N phrases)"
  CHECK(cli_version.find(std::string(boost::json::parse(version.body).at("version").as_string())) == 13);
  CHECK(cli_version.find(std::string(boost::json::parse(version.body).at("lexicon_hash").as_string())) !=
        std::string::npos);
  const Reply openapi = call(port, "GET", "/v1/openapi.json");
  CHECK(openapi.status == 200);
  CHECK(boost::json::parse(openapi.body).at("paths").as_object().contains("/v1/classify"));

  // Every text of the case tables, through one keep-alive connection.
  std::vector<std::string> texts;
  for (const auto& entry : std::filesystem::directory_iterator(ICP_CASES_DIR)) {
    std::ifstream in(entry.path());
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line))
      if (!line.empty() && line[0] != '#')
        texts.push_back(line.substr(line.find('\t') + 1, line.find('\t', line.find('\t') + 1) - line.find('\t') - 1));
  }
  REQUIRE(texts.size() > 100);
  const int fd = connect_to(port);
  int compared = 0;
  for (std::size_t i = 0; i < texts.size(); i += 3) {
    if (texts[i].empty()) continue;
    const char* lang = i % 2 ? "en" : "zh";
    send_all(fd, request("POST", "/v1/classify", classify_body(texts[i], std::string(",\"lang\":\"") + lang + "\""),
                         "application/json", true));
    const Reply r = read_reply(fd);
    REQUIRE(r.status == 200);
    CHECK(r.headers.find("Connection: close") == std::string::npos);
    CHECK_MESSAGE(r.body + "\n" == run_cli({"--format", "json", "--lang", lang, "--text", texts[i]}).out, texts[i]);
    ++compared;
  }
  close(fd);
  CHECK(compared > 30);

  // Facts and the summary, as --fact and --summary give them.
  const Reply facts =
      call(port, "POST", "/v1/classify",
           classify_body("论坛靠广告盈利",
                         R"(,"facts":{"registered_capital":"500万","charges_users":false},"summary":true)"));
  CHECK(facts.status == 200);
  CHECK(facts.body + "\n" == run_cli({"--format", "json", "--summary", "--fact", "registered_capital=500万", "--fact",
                                      "charges_users=否", "论坛靠广告盈利"})
                                 .out);
}

TEST_CASE("serve: errors are JSON with a fitting status") {
  ServerProcess server;
  const int port = server.port();
  const Reply missing = call(port, "GET", "/nope");
  CHECK(missing.status == 404);
  CHECK(error_code(missing) == "not_found");
  const Reply wrong = call(port, "GET", "/v1/classify");
  CHECK(wrong.status == 405);
  CHECK(wrong.headers.find("Allow: POST") != std::string::npos);
  CHECK(error_code(call(port, "POST", "/v1/classify", "{not json")) == "invalid_json");
  CHECK(call(port, "POST", "/v1/classify", "{not json").status == 400);
  CHECK(error_code(call(port, "POST", "/v1/classify", R"({"txt":"x"})")) == "invalid_request");
  CHECK(error_code(call(port, "POST", "/v1/classify", R"({"text":1})")) == "invalid_request");
  CHECK(error_code(call(port, "POST", "/v1/classify", R"({"text":"x","lang":"fr"})")) == "invalid_request");
  const Reply fact = call(port, "POST", "/v1/classify", R"({"text":"论坛","facts":{"registered_capital":"很多"}})");
  CHECK(fact.status == 422);
  CHECK(error_code(fact) == "invalid_fact");
  CHECK(error_code(call(port, "POST", "/v1/classify", R"({"text":"  "})")) == "empty_text");
  const Reply upload = call(port, "POST", "/v1/classify", "a,b\n", "multipart/form-data; boundary=x");
  CHECK(upload.status == 415);
  // Over the body limit: 413 at once, from the Content-Length.
  const Reply big = call(port, "POST", "/v1/classify", std::string(9u << 20, 'x'));
  CHECK(big.status == 413);
  CHECK(error_code(big) == "body_too_large");
  // A description over 1 MiB inside a body under the limit.
  const Reply text = call(port, "POST", "/v1/classify", classify_body(std::string((1u << 20) + 10, 'a')));
  CHECK(text.status == 413);
  CHECK(error_code(text) == "text_too_long");
  // Still serving after all that.
  CHECK(call(port, "GET", "/healthz").status == 200);
}

TEST_CASE("serve: a slow client does not block another; SIGTERM lets a request in flight finish, exit 0") {
  ServerProcess server;
  const int port = server.port();
  const int slow = connect_to(port);
  send_all(slow, "POST /v1/classify HTTP/1.1\r\nHost: t\r\nContent-Length: 100\r\n\r\n{\"te");  // and then nothing
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < 5; ++i) CHECK(call(port, "POST", "/v1/classify", classify_body("论坛靠广告盈利")).status == 200);
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));

  // A long description in flight when SIGTERM comes: it is still answered.
  std::string text;
  while (text.size() < 600'000) text += "我们做一个论坛，用户发帖讨论装修经验，平台靠广告盈利。";
  // The connection is accepted and served once first, so that the request
  // below is read by a live session; SIGTERM then comes while it is being read
  // or answered (or after: either way it must be answered).
  const int busy = connect_to(port);
  send_all(busy, request("GET", "/healthz", "", "", true));
  REQUIRE(read_reply(busy).status == 200);
  send_all(busy, request("POST", "/v1/classify", classify_body(text)));
  std::this_thread::sleep_for(std::chrono::milliseconds(150));
  server.signal(SIGTERM);
  const Reply r = read_reply(busy);
  CHECK(r.status == 200);
  CHECK(r.body.find("\"decision\":\"license\"") == 1);
  close(busy);
  close(slow);
  CHECK(server.wait() == 0);
  CHECK(server.log().find("stopped (signal 15)") != std::string::npos);
}

TEST_CASE("serve: --listen is checked; --listen is for serve only") {
  CHECK(run_cli({"serve", "--listen", "localhost:80x"}).code == 2);
  CHECK(run_cli({"serve", "--listen", "nohost:8080"}).code == 2);
  CHECK(run_cli({"serve", "--listen", "127.0.0.1:70000"}).code == 2);
  CHECK(run_cli({"--listen", "127.0.0.1:8080", "论坛"}).code == 2);
  CHECK(run_cli({"serve", "extra"}).code == 2);
}

namespace {

std::size_t upload_folders() {
  std::size_t n = 0;
  for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::temp_directory_path()))
    if (entry.path().filename().string().starts_with("icp-serve-")) ++n;
  return n;
}

}  // namespace

TEST_CASE("serve: POST /v1/batch answers exactly what the batch command writes, and cleans up") {
  ServerProcess server;
  const int port = server.port();
  TempDir dir;
  // Written for this test, with a quoted field and a blank description.
  std::string csv = "编号,简介,备注\n";
  for (int i = 0; i < 300; ++i)
    csv += std::to_string(i) + "," +
           (i % 3 == 0   ? "\"论坛，用户发帖，靠广告盈利\""
            : i % 3 == 1 ? "本公司官网展示产品"
                         : "") +
           ",x\n";
  const std::string input = dir.write("clients.csv", csv);
  const std::size_t folders_before = upload_folders();

  const Reply r = call(port, "POST", "/v1/batch", csv, "text/csv");
  REQUIRE(r.status == 200);
  CHECK(r.headers.find("Transfer-Encoding: chunked") != std::string::npos);  // rows as they come
  CHECK(r.headers.find("Content-Type: text/csv; charset=utf-8") != std::string::npos);
  CHECK(r.headers.find("attachment; filename=\"icp-result.csv\"") != std::string::npos);
  const std::string expected_file = dir.file("expected.csv");
  CHECK(run_cli({"batch", input, "-q", "-o", expected_file}).code == 1);  // the blank descriptions are row errors
  CHECK(r.body == slurp(expected_file));

  // Options as query parameters: a column by its (URL-encoded) name, JSON lines, English.
  const Reply lines = call(port, "POST", "/v1/batch?format=jsonl&lang=en&column=%E7%AE%80%E4%BB%8B", csv, "text/csv");
  REQUIRE(lines.status == 200);
  CHECK(lines.headers.find("application/x-ndjson") != std::string::npos);
  const std::string expected_lines = dir.file("expected.jsonl");
  run_cli({"batch", input, "-q", "--format", "jsonl", "--lang", "en", "--column", "简介", "-o", expected_lines});
  CHECK(lines.body == slurp(expected_lines));

  // Errors: as the batch command says them, in JSON.
  const Reply column = call(port, "POST", "/v1/batch?column=nope", csv, "text/csv");
  CHECK(column.status == 400);
  CHECK(column.body.find("the header has: 编号, 简介, 备注") != std::string::npos);
  CHECK(call(port, "POST", "/v1/batch?colour=red", csv, "text/csv").status == 400);
  const Reply zip =
      call(port, "POST", "/v1/batch", std::string("PK\x03\x04", 4) + std::string(100, '\0'), "application/zip");
  CHECK(zip.status == 422);
  CHECK(error_code(zip) == "unreadable_input");
  CHECK(zip.body.find("the upload") != std::string::npos);  // not the server's temporary path
  CHECK(zip.body.find("icp-serve-") == std::string::npos);
  CHECK(call(port, "GET", "/v1/batch").status == 405);
  // An Excel workbook is read like the batch command reads it; the answer is CSV.
  const std::string workbook = slurp(std::string(ICP_SOURCE_DIR) + "/tests/batch/xlsx/openpyxl.xlsx");
  const Reply excel = call(port, "POST", "/v1/batch?sheet=%E5%AE%A2%E6%88%B7", workbook,
                           "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  REQUIRE(excel.status == 200);
  CHECK(excel.body.rfind("客户编号,简介,注册资本,成立日期,已上市,比例,icp_decision,", 0) == 0);
  // format=xlsx: the workbook back, as the batch command writes it, sent once complete.
  const Reply book = call(port, "POST", "/v1/batch?format=xlsx&lang=en", workbook,
                          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  REQUIRE(book.status == 200);
  CHECK(book.headers.find("Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet") !=
        std::string::npos);
  CHECK(book.headers.find("attachment; filename=\"icp-result.xlsx\"") != std::string::npos);
  CHECK(book.body.rfind("PK\x03\x04", 0) == 0);
  const std::string got = dir.write("got.xlsx", book.body);
  const std::string expected_book = dir.file("expected-via-cli.csv");
  run_cli({"batch", got, "-q", "--lang", "en", "-o", expected_book});
  const std::string from_cli = dir.file("from-cli.csv");
  run_cli(
      {"batch", std::string(ICP_SOURCE_DIR) + "/tests/batch/xlsx/openpyxl.xlsx", "-q", "--lang", "en", "-o", from_cli});
  CHECK(slurp(expected_book) == slurp(from_cli));  // the same rows: a rerun replaces its icp_* columns
  CHECK(call(port, "POST", "/v1/batch?format=xls", csv, "text/csv").status == 400);

  // A client that asks for "100 Continue" first (curl does over 1 MiB) gets it.
  const int fd = connect_to(port);
  send_all(fd, "POST /v1/batch HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\nContent-Length: " +
                   std::to_string(csv.size()) + "\r\nConnection: close\r\n\r\n");
  char interim[64] = {};
  REQUIRE(recv(fd, interim, sizeof interim - 1, 0) > 0);
  CHECK(std::string(interim).rfind("HTTP/1.1 100 Continue", 0) == 0);
  send_all(fd, csv);
  CHECK(read_reply(fd).body == slurp(expected_file));
  close(fd);
  // Every upload's folder is gone (the last one once its answer is sent).
  for (int i = 0; i < 100 && upload_folders() != folders_before; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  CHECK(upload_folders() == folders_before);
}

TEST_CASE("serve: query strings are decoded as browsers and curl encode them") {
  using namespace icp::cli::serve;
  CHECK(url_decode("%E7%AE%80%E4%BB%8B") == "简介");
  CHECK(url_decode("a+b%2Bc%zz%4") == "a b+c%zz%4");
  CHECK(url_encode("简介 a&b") == "%E7%AE%80%E4%BB%8B%20a%26b");
  const auto q = query_of("/v1/batch?column=1&column=%E7%AE%80%E4%BB%8B&no_header&=x&format=jsonl");
  REQUIRE(q.size() == 5);
  CHECK(q[1].second == "简介");
  CHECK(q[2] == std::pair<std::string, std::string>{"no_header", ""});
  CHECK(q[3].first.empty());
  CHECK(query_of("/healthz").empty());
}

TEST_CASE("serve: over --max-connections a connection is answered 503 and closed; the others go on") {
  ServerProcess server({"--max-connections", "2"});
  const int port = server.port();
  const int a = connect_to(port);
  const int b = connect_to(port);
  send_all(a, request("GET", "/healthz", "", "", true));
  CHECK(read_reply(a).status == 200);  // a and b are open (keep-alive)
  send_all(b, request("GET", "/healthz", "", "", true));
  CHECK(read_reply(b).status == 200);
  const Reply third = call(port, "GET", "/healthz");
  CHECK(third.status == 503);
  CHECK(error_code(third) == "too_many_connections");
  send_all(a, request("GET", "/healthz", "", "", true));
  CHECK(read_reply(a).status == 200);
  close(a);
  close(b);
  // Room again once they are closed.
  bool served = false;
  for (int i = 0; i < 50 && !served; ++i) {
    served = call(port, "GET", "/healthz").status == 200;
    if (!served) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  CHECK(served);
}

TEST_CASE("serve: a batch that fails after rows were sent ends without its last chunk") {
  ServerProcess server;
  std::string csv = "id,text\n";
  for (int i = 0; i < 400; ++i)
    csv += std::to_string(i) + ",论坛靠广告盈利，用户发帖\n";  // well over one 64 KiB chunk out
  csv += "400,\"an unterminated quote\n401,x\n";
  const int fd = connect_to(server.port());
  send_all(fd, request("POST", "/v1/batch", csv, "text/csv"));
  bool complete = false;
  const Reply r = read_reply(fd, &complete);
  close(fd);
  CHECK(r.status == 200);
  CHECK(r.body.rfind("id,text,icp_decision", 0) == 0);
  CHECK_FALSE(complete);  // the client can tell the answer is incomplete
  // An error found before any output (here a workbook, not CSV) is a JSON error.
  const Reply early =
      call(server.port(), "POST", "/v1/batch", std::string("PK\x03\x04", 4) + std::string(64, 'x'), "text/csv");
  CHECK(early.status == 422);
  CHECK(error_code(early) == "unreadable_input");
}
