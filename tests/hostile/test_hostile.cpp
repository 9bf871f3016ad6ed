// The hostile-input table: each row is a shell command run on the real
// binary (in a fresh folder), the input it generates, the exit status and a
// pattern for standard error it must give, and the invariants checked after
// it: the input unchanged, the previous output unchanged, no temporary file
// left, every row present (in order), plus a row's own checks.
//
// In the commands, $BIN is the binary, $DIR the work folder (the current
// folder), $IN its in.csv and $OUT its out.csv; $CAP is a folder outside
// $DIR for files a command wants to keep aside. Standard output and error of
// the command go to $CAP/stdout and $CAP/stderr unless it redirects them.
// ICP_HOSTILE_BINARY=PATH runs the table on another binary; ICP_HOSTILE_SKIP
// (a regex of row names) leaves rows out — as root, leave out the /dev/std*
// rows for an older binary, which would rename its output over /dev/stdout.
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <functional>
#include <iostream>
#include <optional>
#include <regex>
#include <string>
#include <vector>

#include "../batch/batch_test_support.hpp"

// Rows leave their trailing members (rows_at, check, skip) to the defaults.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

namespace {
namespace fs = std::filesystem;
using batch_test::parse_csv;
using batch_test::slurp;
using batch_test::spit;

enum Invariant : unsigned {
  kInputSame = 1,     // $IN holds the same bytes as before
  kPreviousSame = 2,  // $OUT (when it existed) holds the same bytes as before
  kNoTemp = 4,        // no *.icp-tmp-* file anywhere under $DIR
  kEveryRow = 8,      // `rows_at` holds the header and every input row, in order
  kNoPartial = 16,    // no *.partial file under $DIR
};

struct Fixture {
  fs::path dir, cap;
  int rows = 3;  // rows the default input has
  std::string file(const std::string& name) const { return (dir / name).string(); }
  void write(const std::string& name, const std::string& bytes) const { spit(dir / name, bytes); }
};

// "id,简介" and `n` rows whose id is the row number.
std::string rows_csv(int n) {
  static const char* const kTexts[] = {"论坛靠广告盈利", "我们在淘宝开了店，没有自己的网站", "公司官网，展示产品",
                                       "在线教育平台，用户付费购买课程"};
  std::string csv = "id,简介\n";
  for (int i = 1; i <= n; ++i) csv += std::to_string(i) + "," + kTexts[i % 4] + "\n";
  return csv;
}

struct Row {
  const char* name;                           // what it tries (issue 14 item)
  std::function<void(Fixture&)> setup;        // the input and files before; default: $IN with 3 rows
  std::string command;                        // run by /bin/sh in $DIR
  int status;                                 // expected exit status
  std::string stderr_pattern;                 // ECMAScript regex searched in standard error ("" matches)
  unsigned invariants;                        // Invariant flags
  std::string rows_at = "out.csv";            // for kEveryRow: a file under $DIR, or "@stdout"
  std::function<void(const Fixture&)> check;  // further checks
  std::function<std::string()> skip;          // a reason to skip this row here, or ""
};

// Two symbolic links that point at each other: opening either is ELOOP.
void link_loop(const Fixture& f, const char* a, const char* b) {
  fs::create_symlink(f.dir / b, f.dir / a);
  fs::create_symlink(f.dir / a, f.dir / b);
}

std::string dead_pid() {
  return "2147480000";
}  // above any pid_max: no such process

// Shell functions the commands may use.
// interrupt SIG [CMD]: a batch run on $IN fed through a FIFO that stays open,
// so that the run waits for more; CMD runs while it waits, then SIG comes.
constexpr const char* kPrelude = R"sh(interrupt() {
  mkfifo "$CAP/feed" || exit 98
  "$BIN" batch "$CAP/feed" -q -o "$OUT" & p=$!
  exec 3> "$CAP/feed"
  cat "$IN" >&3
  sleep 0.4
  if [ -n "$2" ]; then (cd "$DIR" && eval "$2"); fi
  kill -"$1" $p
  (sleep 3; kill -KILL $p 2>/dev/null) & w=$!  # a binary that ignores the signal must not hang the table
  wait $p; s=$?
  kill $w 2>/dev/null
  exec 3>&-
  return $s
}
PY=$(command -v /usr/bin/python3 || command -v python3)
)sh";

const std::vector<Row>& table() {
  static const std::vector<Row> rows = {
      // 1. The output is the input.
      {"output is the input, same name",
       {},
       R"("$BIN" batch "$IN" -q -o "$IN")",
       2,
       "the output .*in\\.csv is the input .*in\\.csv",
       kInputSame | kNoTemp | kNoPartial},
      {"output is the input, another spelling",
       {},
       R"("$BIN" batch in.csv -q -o ./in.csv)",
       2,
       "is the input in\\.csv",
       kInputSame | kNoTemp | kNoPartial},
      {"output is a symbolic link to the input", [](Fixture& f) { fs::create_symlink("in.csv", f.dir / "link.csv"); },
       R"("$BIN" batch in.csv -q -o link.csv)", 2, "the output link\\.csv is the input in\\.csv",
       kInputSame | kNoTemp | kNoPartial, "", [](const Fixture& f) { CHECK(fs::is_symlink(f.dir / "link.csv")); }},
      {"output is a hard link to the input",
       [](Fixture& f) { fs::create_hard_link(f.dir / "in.csv", f.dir / "hard.csv"); },
       R"("$BIN" batch in.csv -q -o hard.csv)", 2, "the output hard\\.csv is the input", kInputSame | kNoTemp},
      {"standard input is the output file",
       {},
       R"("$BIN" batch - -q -o "$IN" < "$IN")",
       2,
       "is the input standard input",
       kInputSame | kNoTemp},
      {"/dev/stdout opened on the input (1<>)",
       {},
       R"("$BIN" batch "$IN" -q -o /dev/stdout 1<> "$IN")",
       2,
       "the output /dev/stdout is the input",
       kInputSame | kNoTemp},

      // 2. Symbolic links are written through.
      {"-o a symbolic link: the target is replaced, the link kept",
       [](Fixture& f) {
         f.write("real.csv", "old\n");
         fs::create_symlink("real.csv", f.dir / "out.csv");
       },
       R"("$BIN" batch "$IN" -q -o "$OUT")", 0, "^$", kInputSame | kNoTemp | kEveryRow, "real.csv",
       [](const Fixture& f) { CHECK(fs::is_symlink(f.dir / "out.csv")); }},
      {"-o a dangling symbolic link: its target is created",
       [](Fixture& f) { fs::create_symlink("new.csv", f.dir / "out.csv"); }, R"("$BIN" batch "$IN" -q -o "$OUT")", 0,
       "^$", kInputSame | kNoTemp | kEveryRow, "new.csv",
       [](const Fixture& f) { CHECK(fs::read_symlink(f.dir / "out.csv") == "new.csv"); }},
      {"-o a link into another folder: the temporary goes beside the target",
       [](Fixture& f) {
         fs::create_directory(f.dir / "sub");
         f.write("sub/real.csv", "old\n");
         fs::create_symlink("sub/real.csv", f.dir / "out.csv");
       },
       R"("$BIN" batch "$IN" -q -o "$OUT")", 0, "^$", kInputSame | kNoTemp | kEveryRow, "sub/real.csv",
       [](const Fixture& f) { CHECK(fs::is_symlink(f.dir / "out.csv")); }},
      {"-o a chain of links",
       [](Fixture& f) {
         f.write("real.csv", "old\n");
         fs::create_symlink("real.csv", f.dir / "b.csv");
         fs::create_symlink(f.dir / "b.csv", f.dir / "out.csv");  // absolute, then relative
       },
       R"("$BIN" batch "$IN" -q -o "$OUT")", 0, "^$", kNoTemp | kEveryRow, "real.csv",
       [](const Fixture& f) { CHECK((fs::is_symlink(f.dir / "out.csv") && fs::is_symlink(f.dir / "b.csv"))); }},
      {"-o a symbolic link loop (ELOOP)",
       [](Fixture& f) {
         fs::create_symlink("loop2", f.dir / "out.csv");
         fs::create_symlink("out.csv", f.dir / "loop2");
       },
       R"("$BIN" batch "$IN" -q -o "$OUT")", 4, "cannot open the output .*out\\.csv: Too many levels of symbolic links",
       kInputSame | kNoTemp},

      // 3. Read-only files, permissions.
      {"a read-only (0444) output is refused",
       [](Fixture& f) {
         f.write("out.csv", "precious\n");
         fs::permissions(f.dir / "out.csv", fs::perms(0444));
       },
       R"("$BIN" batch "$IN" -q -o "$OUT")", 2,
       "refusing to replace .*out\\.csv: it is read-only \\(mode 0444\\).*--force",
       kInputSame | kPreviousSame | kNoTemp},
      {"--force replaces a read-only output and keeps it read-only",
       [](Fixture& f) {
         f.write("out.csv", "precious\n");
         fs::permissions(f.dir / "out.csv", fs::perms(0444));
       },
       R"("$BIN" batch "$IN" -q --force -o "$OUT")", 0, "^$", kInputSame | kNoTemp | kEveryRow, "out.csv",
       [](const Fixture& f) { CHECK(fs::status(f.dir / "out.csv").permissions() == fs::perms(0444)); }},
      {"the permissions of a replaced file are kept (0640)",
       [](Fixture& f) {
         f.write("out.csv", "old\n");
         fs::permissions(f.dir / "out.csv", fs::perms(0640));
       },
       R"(umask 077; "$BIN" batch "$IN" -q -o "$OUT")", 0, "^$", kNoTemp | kEveryRow, "out.csv",
       [](const Fixture& f) { CHECK(fs::status(f.dir / "out.csv").permissions() == fs::perms(0640)); }},
      {"a read-only target behind a symbolic link is refused",
       [](Fixture& f) {
         f.write("ro.csv", "precious\n");
         fs::permissions(f.dir / "ro.csv", fs::perms(0444));
         fs::create_symlink("ro.csv", f.dir / "out.csv");
       },
       R"("$BIN" batch "$IN" -q -o "$OUT")", 2, "read-only", kInputSame | kNoTemp, "",
       [](const Fixture& f) { CHECK(slurp(f.file("ro.csv")) == "precious\n"); }},

      // 4. Streams, by what they are.
      {"-o /dev/stdout with standard output a regular file: written in place",
       [](Fixture& f) { f.write("out.csv", "old contents that are longer than nothing\n"); },
       R"(ls -l /dev/stdout > "$CAP/before"; "$BIN" batch "$IN" -q -o /dev/stdout > "$OUT";
          s=$?; ls -l /dev/stdout > "$CAP/after"; exit $s)",
       0, "^$", kInputSame | kNoTemp | kEveryRow, "out.csv",
       [](const Fixture& f) {
         CHECK(fs::is_symlink("/dev/stdout"));
         CHECK(slurp((f.cap / "before").string()) == slurp((f.cap / "after").string()));
       }},
      {"-o /proc/self/fd/1 with standard output a regular file",
       {},
       R"("$BIN" batch "$IN" -q -o /proc/self/fd/1 > "$OUT")",
       0,
       "^$",
       kInputSame | kNoTemp | kEveryRow},
      {"-o /dev/stderr with standard error a regular file",
       {},
       R"("$BIN" batch "$IN" -q -o /dev/stderr 2> "$OUT")",
       0,
       "",
       kInputSame | kNoTemp | kEveryRow},
      {"-o /dev/fd/3 with descriptor 3 a regular file",
       {},
       R"("$BIN" batch "$IN" -q -o /dev/fd/3 3> "$OUT")",
       0,
       "^$",
       kInputSame | kNoTemp | kEveryRow},
      {"-o /dev/stdout into a pipe",
       {},
       R"({ "$BIN" batch "$IN" -q -o /dev/stdout; echo $? > "$CAP/status"; } | cat > "$OUT"; exit $(cat "$CAP/status"))",
       0,
       "^$",
       kInputSame | kNoTemp | kEveryRow},
      {"-o a named pipe (FIFO): written in place, never replaced",
       [](Fixture& f) { ::mkfifo(f.file("fifo").c_str(), 0600); },
       R"(cat fifo > "$OUT" & "$BIN" batch "$IN" -q -o fifo; s=$?; wait; exit $s)", 0, "^$",
       kInputSame | kNoTemp | kEveryRow, "out.csv", [](const Fixture& f) { CHECK(fs::is_fifo(f.dir / "fifo")); }},
      {"-o /dev/null: a character device, written in place",
       {},
       R"("$BIN" batch "$IN" -q -o /dev/null)",
       0,
       "^$",
       kInputSame | kNoTemp,
       "",
       [](const Fixture&) { CHECK(fs::is_character_file("/dev/null")); }},
      {"-o a socket (standard output a socketpair)",
       {},
       R"("$PY" -c 'import socket,subprocess,sys,os
a,b=socket.socketpair()
p=subprocess.Popen([os.environ["BIN"],"batch",os.environ["IN"],"-q","-o","/dev/stdout"],stdout=b)
b.close()
data=b"".join(iter(lambda: a.recv(65536), b""))
open(os.environ["OUT"],"wb").write(data)
sys.exit(p.wait())')",
       0,
       "^$",
       kInputSame | kNoTemp | kEveryRow,
       "out.csv",
       {},
       [] {
         return std::system("/usr/bin/python3 -c 'import socket' >/dev/null 2>&1") == 0 ||
                        std::system("python3 -c 'import socket' >/dev/null 2>&1") == 0
                    ? ""
                    : "python3 is not installed";
       }},

      // 5. Fatal input errors and interrupts leave the previous output alone.
      {"an unterminated quote: OUT kept, the rows before it in OUT.partial",
       [](Fixture& f) {
         f.write("in.csv", rows_csv(2) + "3,\"never closed\n");
         f.write("out.csv", "previous good output\n");
       },
       R"("$BIN" batch "$IN" -q -o "$OUT")", 2,
       "line 4: unterminated quoted field.*; the 2 rows before it were written to .*out\\.csv\\.partial and "
       ".*out\\.csv "
       "was left as it was",
       kInputSame | kPreviousSame | kNoTemp, "",
       [](const Fixture& f) { CHECK(parse_csv(slurp(f.file("out.csv.partial"))).size() == 3); }},
      {"an unterminated quote with no previous output: only OUT.partial",
       [](Fixture& f) { f.write("in.csv", rows_csv(1) + "2,\"never closed\n"); }, R"("$BIN" batch "$IN" -q -o "$OUT")",
       2, "unterminated quoted field", kInputSame | kNoTemp, "",
       [](const Fixture& f) {
         CHECK(!fs::exists(f.dir / "out.csv"));
         CHECK(parse_csv(slurp(f.file("out.csv.partial"))).size() == 2);
       }},
      {"a usage error after the output was opened (bad --column)", [](Fixture& f) { f.write("out.csv", "previous\n"); },
       R"("$BIN" batch "$IN" -q --column nope -o "$OUT")", 2, "no column named 'nope'",
       kInputSame | kPreviousSame | kNoTemp | kNoPartial},
      {"the input is a folder",
       [](Fixture& f) {
         fs::create_directory(f.dir / "folder");
         f.write("out.csv", "previous\n");
       },
       R"("$BIN" batch folder -q -o "$OUT")", 2, "folder is a directory", kPreviousSame | kNoTemp | kNoPartial},

      // 6. Signals, temporary names, long names, stale temporaries.
      // The input is a pipe that stays open; the signal comes while the run waits on it.
      {"SIGINT: OUT kept, no temporary; the temporary's name says who and when",
       [](Fixture& f) { f.write("out.csv", "previous\n"); }, R"(interrupt INT 'ls -A > "$CAP/listing"')", 130,
       "interrupted \\(signal 2\\).*out\\.csv was left as it was", kInputSame | kPreviousSame | kNoTemp | kNoPartial,
       "",
       [](const Fixture& f) {
         const std::string listing = slurp((f.cap / "listing").string());
         CAPTURE(listing);
         CHECK(
             std::regex_search(listing, std::regex("(^|\n)\\.out\\.csv\\.icp-tmp-[0-9]+-[0-9]{10}-[A-Za-z0-9]{6}\n")));
       }},
      {"SIGTERM: OUT kept, no temporary", [](Fixture& f) { f.write("out.csv", "previous\n"); }, R"(interrupt TERM)",
       130, "interrupted \\(signal 15\\)", kInputSame | kPreviousSame | kNoTemp | kNoPartial},
      {"SIGHUP is handled like SIGINT", [](Fixture& f) { f.write("out.csv", "previous\n"); }, R"(interrupt HUP)", 130,
       "interrupted \\(signal 1\\)", kInputSame | kPreviousSame | kNoTemp | kNoPartial},
      {"SIGQUIT is handled like SIGINT", [](Fixture& f) { f.write("out.csv", "previous\n"); }, R"(interrupt QUIT)", 130,
       "interrupted \\(signal 3\\)", kInputSame | kPreviousSame | kNoTemp | kNoPartial},
      {"under nohup (SIGHUP ignored at the start) a hangup is ignored and the run completes",
       [](Fixture& f) { ::mkfifo((f.cap / "feed").c_str(), 0600); },
       R"((trap '' HUP; exec "$BIN" batch "$CAP/feed" -q -o "$OUT") & p=$!
          exec 3> "$CAP/feed"; cat "$IN" >&3; sleep 0.4; kill -HUP $p; sleep 0.1; exec 3>&-; wait $p)",
       0, "^$", kInputSame | kNoTemp | kEveryRow},
      {"a 250-byte output name: the temporary's name still fits NAME_MAX",
       {},
       "\"$BIN\" batch \"$IN\" -q -o " + std::string(246, 'n') + ".csv",
       0,
       "^$",
       kInputSame | kNoTemp | kEveryRow,
       std::string(246, 'n') + ".csv"},
      {"an 85-character Chinese output name (255 bytes)",
       {},
       [] {
         std::string name;
         for (int i = 0; i < 85; ++i) name += "简";
         return "\"$BIN\" batch \"$IN\" -q -o " + name;
       }(),
       0,
       "^$",
       kInputSame | kNoTemp | kEveryRow,
       [] {
         std::string name;
         for (int i = 0; i < 85; ++i) name += "简";
         return name;
       }()},
      {"a stale temporary of a dead process is removed and mentioned",
       [](Fixture& f) { f.write(".out.csv.icp-tmp-" + dead_pid() + "-1000000000-AbC123", std::string(1000, 'x')); },
       R"("$BIN" batch "$IN" -o "$OUT")", 0,
       "removed the stale temporary file .*\\.out\\.csv\\.icp-tmp-2147480000-1000000000-AbC123 \\(1000 bytes, left by "
       "process 2147480000",
       kInputSame | kNoTemp | kEveryRow},
      {"temporaries of a live process, of a later time or of another file are kept",
       [](Fixture& f) {
         const std::string later = std::to_string(std::time(nullptr) + 100000);
         f.write(".out.csv.icp-tmp-" + std::to_string(::getpid()) + "-1000000000-live01", "x");
         f.write(".out.csv.icp-tmp-" + dead_pid() + "-" + later + "-later1", "x");
         f.write(".other.csv.icp-tmp-" + dead_pid() + "-1000000000-other1", "x");
       },
       R"("$BIN" batch "$IN" -o "$OUT" && rm .out.csv.icp-tmp-*-live01 .out.csv.icp-tmp-*-later1 .other.csv.icp-tmp-*)",
       0, "^icp-classify batch: 3 rows", kInputSame | kNoTemp | kEveryRow},

      // 7. I/O errors: the path, the operating system's reason, exit 4.
      {"-o /dev/full (ENOSPC)",
       {},
       R"("$BIN" batch "$IN" -q -o /dev/full)",
       4,
       "cannot write /dev/full: No space left on device",
       kInputSame | kNoTemp},
      {"standard output is /dev/full",
       {},
       R"("$BIN" batch "$IN" -q > /dev/full)",
       4,
       "cannot write standard output: No space left on device",
       kInputSame | kNoTemp},
      {"standard output is closed",
       {},
       R"("$BIN" batch "$IN" -q >&-)",
       4,
       "cannot write standard output: Bad file descriptor",
       kInputSame | kNoTemp},
      {"standard output is a pipe nobody reads (EPIPE)",
       [](Fixture& f) {
         f.rows = 3000;
         f.write("in.csv", rows_csv(f.rows));
       },
       R"({ "$BIN" batch "$IN" -q; echo $? > "$CAP/status"; } | true; exit $(cat "$CAP/status"))", 4,
       "cannot write standard output: Broken pipe", kInputSame | kNoTemp},
      {"-o in a folder that does not exist (ENOENT)",
       {},
       R"("$BIN" batch "$IN" -q -o nodir/out.csv)",
       4,
       "cannot create a temporary file in nodir for the output nodir/out\\.csv: No such file or directory",
       kInputSame | kNoTemp},
      {"-o a folder (EISDIR)", [](Fixture& f) { fs::create_directory(f.dir / "folder"); },
       R"("$BIN" batch "$IN" -q -o folder)", 4, "cannot write the output folder: Is a directory", kInputSame | kNoTemp},
      {"-o in a folder that cannot be written (EACCES)",
       [](Fixture& f) {
         fs::create_directory(f.dir / "locked");
         fs::permissions(f.dir / "locked", fs::perms(0555));
       },
       R"("$BIN" batch "$IN" -q -o locked/out.csv)",
       4,
       "in locked for the output locked/out\\.csv: Permission denied",
       kInputSame | kNoTemp,
       "",
       {},
       [] { return ::geteuid() == 0 ? "root writes any folder" : ""; }},
      {"-o on a read-only file system (EROFS): exit 4 with the system's reason",
       [](Fixture& f) { fs::create_directory(f.dir / "ro"); },
       R"(unshare -rm sh -c 'mount --bind ro ro && mount -o remount,bind,ro ro && exec "$BIN" batch "$IN" -q -o ro/out.csv')",
       4,
       "for the output ro/out\\.csv: Read-only file system",
       kInputSame | kNoTemp,
       "",
       {},
       [] {
         // A mount namespace of one's own: not every machine (or container) allows it.
         return std::system("unshare -rm true >/dev/null 2>&1") == 0 ? "" : "unshare -rm is not allowed here";
       }},
      {"-o under a path component that is a file (ENOTDIR)",
       {},
       R"("$BIN" batch "$IN" -q -o in.csv/out.csv)",
       4,
       "in\\.csv/out\\.csv: Not a directory",
       kInputSame | kNoTemp},
      {"the plain command with standard output /dev/full",
       {},
       R"("$BIN" "论坛靠广告盈利" > /dev/full)",
       4,
       "^icp-classify: cannot write standard output: No space left on device\n$",
       kInputSame},
      {"the plain command, JSON, standard output closed",
       {},
       R"("$BIN" --format json "论坛靠广告盈利" >&-)",
       4,
       "^icp-classify: cannot write standard output: Bad file descriptor\n$",
       kInputSame},
      {"--help into a pipe nobody reads (EPIPE)",
       {},
       R"({ sleep 0.3; "$BIN" --help; echo $? > "$CAP/status"; } | true; exit $(cat "$CAP/status"))",
       4,
       "cannot write standard output: Broken pipe",
       kInputSame},

      // Messages quoting user input: bounded, control characters escaped.
      {"a 100 KB --column name with escape codes",
       {},
       R"sh("$BIN" batch "$IN" -q --column "$(printf '\033[31m'; head -c 100000 /dev/zero | tr '\0' x)")sh",
       2,
       "no column named '\\\\x1b\\[31mx{195}…'",
       kInputSame | kNoTemp,
       "",
       [](const Fixture& f) {
         const std::string err = slurp((f.cap / "stderr").string());
         CHECK(err.size() < 1000);
         CHECK(err.find('\x1b') == std::string::npos);
       }},
      {"an -o path with control characters in a missing folder",
       {},
       R"sh("$BIN" batch "$IN" -q -o "$(printf 'no\033]0;pwned\007dir/out.csv')")sh",
       4,
       "no\\\\x1b\\]0;pwned\\\\x07dir/out\\.csv: No such file or directory",
       kInputSame | kNoTemp,
       "",
       [](const Fixture& f) {
         const std::string err = slurp((f.cap / "stderr").string());
         CHECK(err.find('\x1b') == std::string::npos);
         CHECK(err.find('\x07') == std::string::npos);
       }},
      {"a 100 KB --fact value",
       {},
       R"sh("$BIN" --fact "registered_capital=$(head -c 100000 /dev/zero | tr '\0' 9)x" "论坛")sh",
       2,
       "^icp-classify: fact error",
       kInputSame,
       "",
       [](const Fixture& f) { CHECK(slurp((f.cap / "stderr").string()).size() < 4000); }},

      // 8. Validation (issue 14 item 5): facts in range, counts that fit, a BOM, columns, empty text.
      {"--fact foreign_share=200% is refused, naming the fact and the range",
       {},
       R"("$BIN" --fact foreign_share=200% "论坛靠广告盈利")",
       2,
       "^icp-classify: fact error: fact foreign_share: \"200%\" is out of range; accepted: 0–100% or 0–1\n$",
       kInputSame},
      {"--fact 外资比例=百分之一百五十 (an alias, Chinese numerals) is refused",
       {},
       R"("$BIN" --fact 外资比例=百分之一百五十 "论坛靠广告盈利")",
       2,
       "fact foreign_share: .*out of range; accepted: 0–100% or 0–1",
       kInputSame},
      {"a facts file with foreign_share 150 (a JSON number) is refused",
       [](Fixture& f) { f.write("facts.json", R"({"foreign_share": 150})"); },
       R"("$BIN" --facts facts.json "论坛靠广告盈利")", 2, "fact foreign_share: \"150\" is out of range", kInputSame},
      {"--fact insured_staff=18446744073709551617 is refused, not rounded",
       {},
       R"("$BIN" --fact insured_staff=18446744073709551617 "论坛靠广告盈利")",
       2,
       "fact insured_staff: \"18446744073709551617\" is out of range; accepted: a whole number from 0 to "
       "9007199254740991",
       kInputSame},
      {"a facts file with insured_staff 18446744073709551617 (past uint64) is refused",
       [](Fixture& f) { f.write("facts.json", R"({"insured_staff": 18446744073709551617})"); },
       R"("$BIN" --facts facts.json "论坛靠广告盈利")", 2,
       "fact insured_staff: \"18446744073709551616\" is out of range", kInputSame},
      {"--fact insured_months past 2^53 is refused",
       {},
       R"("$BIN" --fact insured_months=9007199254740993个月 "论坛靠广告盈利")",
       2,
       "fact insured_months: .*out of range",
       kInputSame},
      {"a facts file starting with a UTF-8 BOM is read",
       [](Fixture& f) {
         f.write("facts.json", "\xEF\xBB\xBF{\"registered_capital\": \"500万\", \"insured_staff\": 3}");
       },
       R"("$BIN" --format json --facts facts.json "论坛靠广告盈利" > "$CAP/report")", 0, "^$", kInputSame, "",
       [](const Fixture& f) {
         const std::string report = slurp((f.cap / "report").string());
         CHECK(report.find("\"registered_capital\"") != std::string::npos);
         CHECK(report.find("5000000") != std::string::npos);
       }},
      {"batch --facts with a BOM is read",
       [](Fixture& f) { f.write("facts.json", "\xEF\xBB\xBF{\"insured_staff\": 3}"); },
       R"("$BIN" batch "$IN" -q --facts facts.json -o "$OUT")", 0, "^$", kInputSame | kNoTemp | kEveryRow},
      {"batch --fact foreign_share=200%: refused before any output",
       [](Fixture& f) { f.write("out.csv", "previous\n"); },
       R"("$BIN" batch "$IN" -q --fact foreign_share=200% -o "$OUT")", 2, "fact foreign_share: .*0–100% or 0–1",
       kInputSame | kPreviousSame | kNoTemp | kNoPartial},
      {"a batch fact column with 200%: that row's icp_error names the range",
       [](Fixture& f) {
         f.write("in.csv",
                 "id,简介,foreign_share\n1,论坛靠广告盈利,200%\n2,公司官网，展示产品,40%\n3,公司官网，展示产品,\n");
       },
       R"("$BIN" batch "$IN" -q -o "$OUT")", 1, "^$", kInputSame | kNoTemp, "",
       [](const Fixture& f) {
         const auto records = parse_csv(slurp(f.file("out.csv")));
         REQUIRE(records.size() == 4);
         CHECK(records[1].back().find("fact foreign_share: \"200%\" is out of range; accepted: 0–100% or 0–1") !=
               std::string::npos);
         CHECK(records[2].back().empty());
       }},
      {"batch --column 9 on a 3-column file: exit 2 naming the index and the columns",
       [](Fixture& f) {
         f.write("in.csv", "id,简介,备注\n1,论坛靠广告盈利,a\n2,公司官网，展示产品,b\n3,公司官网，展示产品,c\n");
         f.write("out.csv", "previous\n");
       },
       R"("$BIN" batch "$IN" -q --column 9 -o "$OUT")", 2,
       "--column 9: out of range, the input has 3 columns \\(the header has: ",
       kInputSame | kPreviousSame | kNoTemp | kNoPartial},
      {"batch --no-header --column 3 on a 2-column file",
       {},
       R"("$BIN" batch "$IN" -q --no-header --column 3 -o "$OUT")",
       2,
       "--column 3: out of range, the input has 2 columns\n",
       kInputSame | kNoTemp | kNoPartial},
      {"batch --column with a 20-digit index is out of range, not clamped",
       {},
       R"("$BIN" batch "$IN" -q --column 99999999999999999999 -o "$OUT")",
       2,
       "--column 99999999999999999999: out of range, the input has 2 columns",
       kInputSame | kNoTemp | kNoPartial},
      {"batch: a row of zero-width characters only is an empty description",
       [](Fixture& f) {
         f.write(
             "in.csv",
             "id,简介\n1,论坛靠广告盈利\n2,\xE2\x80\x8B\xE2\x80\x8C\xE2\x80\x8D\xEF\xBB\xBF\xE2\x81\xA0\n3,\x01\x7F\n");
       },
       R"("$BIN" batch "$IN" -q -o "$OUT")", 1, "^$", kInputSame | kNoTemp | kEveryRow, "out.csv",
       [](const Fixture& f) {
         const auto records = parse_csv(slurp(f.file("out.csv")));
         REQUIRE(records.size() == 4);
         CHECK(records[1][2] == "需要许可证");
         CHECK(records[2][2].empty());
         CHECK(records[2].back() == "empty description");
         CHECK(records[2][1] == "\xE2\x80\x8B\xE2\x80\x8C\xE2\x80\x8D\xEF\xBB\xBF\xE2\x81\xA0");  // kept as it was
         CHECK(records[3].back() == "empty description");
       }},
      {"batch: \\n\\r line ends make no phantom empty rows (issue 14 item 2)",
       [](Fixture& f) {
         f.write("in.csv", "id,text\n\r1,论坛靠广告盈利\n\r2,我们是一家餐馆\n\r");
         f.rows = 2;
       },
       R"("$BIN" batch "$IN" -q -o "$OUT")", 0, "^$", kInputSame | kNoTemp | kEveryRow, "out.csv",
       [](const Fixture& f) {
         const auto records = parse_csv(slurp(f.file("out.csv")));
         REQUIRE(records.size() == 3);
         CHECK(records[1][0] == "1");
         CHECK(records[2][0] == "2");
       }},
      {"one text of zero-width characters only: empty input, exit 2",
       {},
       R"sh("$BIN" "$(printf '\342\200\213\342\200\215\342\201\240')")sh",
       2,
       "^icp-classify: no text to classify: the description is empty or holds only whitespace, control or "
       "zero-width characters\n$",
       kInputSame},
      {"standard input of control characters and bidi marks only: empty input, exit 2",
       {},
       R"(printf '\001\002\033\342\200\216\342\200\256\r\n' | "$BIN" --format json)",
       2,
       "no text to classify",
       kInputSame},

      // 9. Bounded size (issue 14 item 4): 1 MiB per description, refused at once.
      {"standard input of 3 MiB: exit 2, read no further than the limit",
       {},
       R"(head -c 3145728 /dev/zero | tr '\0' a | "$BIN" --format json)",
       2,
       "^icp-classify: the description is more than 1048576 bytes, over the limit of 1048576 bytes \\(1 MiB\\)",
       kInputSame,
       "",
       [](const Fixture& f) { CHECK(slurp((f.cap / "stderr").string()).size() < 400); }},
      {"standard input without end (yes | icp-classify) ends with exit 2",
       {},
       R"(yes 论坛靠广告盈利 | "$BIN")",
       2,
       "over the limit of 1048576 bytes",
       kInputSame},
      {"--ask with answers that never make sense (yes 乱七八糟 | icp-classify --ask) ends",
       {},
       R"(yes 乱七八糟 | "$BIN" --ask 论坛靠广告盈利 > "$CAP/report" 2> "$CAP/prompts")",
       0,
       "^$",
       kInputSame,
       "",
       [](const Fixture& f) {
         CHECK(slurp((f.cap / "prompts").string()).find("已跳过此问题") != std::string::npos);
         CHECK(slurp((f.cap / "report").string()).find("结论：") == 0);  // the answer alone on standard output
       }},
      {"a description of exactly 1 MiB is still answered",
       {},
       R"({ head -c 1048555 /dev/zero | tr '\0' ' '; printf '论坛靠广告盈利'; } | "$BIN" --format json > "$CAP/report")",
       0,
       "^$",
       kInputSame,
       "",
       [](const Fixture& f) { CHECK(slurp((f.cap / "report").string()).find("\"license\"") != std::string::npos); }},
      {"a 1 MiB description repeating one phrase: its JSON lists the first 1,000 spans and counts the rest",
       {},
       R"cmd("$PY" -c "print('论坛收费' * 87000, end='')" | "$BIN" --format json > "$CAP/report")cmd",
       0,
       "^$",
       kInputSame,
       "",
       [](const Fixture& f) {
         const std::string report = slurp((f.cap / "report").string());
         CHECK(report.size() < 400000);  // not the 25 MB of every occurrence
         CHECK(report.find("\"evidence_omitted\":") != std::string::npos);
       }},
      {"eval: a case over 1 MiB is a usage error naming the limit, not an internal error",
       [](Fixture& f) {
         f.write("cases.tsv",
                 "id\ttext\tdecision\tcategories\tnews_permit\tpreapprovals\tforeign\tcertain\tnote\n"
                 "x-1\t" +
                     std::string(1100000, 'a') + "\tneither\t\tno\t\tno\tyes\thuge\n");
       },
       R"("$BIN" eval cases.tsv)", 2, "^icp-classify: the text is 1100000 bytes, over the limit of 1048576 bytes\n$",
       kInputSame},

      // 10. Strict UTF-8 in lexicon files, with file:line.
      {"--lexicon a loop of symbolic links: exit 2 with the system's reason, not an internal error",
       [](Fixture& f) { link_loop(f, "loop1", "loop2"); }, R"("$BIN" --lexicon loop1 "论坛靠广告盈利")", 2,
       "^icp-classify: lexicon error: loop1: cannot open the folder: Too many levels of symbolic links\n$", kInputSame},
      {"--user-lexicon a loop of symbolic links names the file and the reason",
       [](Fixture& f) { link_loop(f, "u1.tsv", "u2.tsv"); }, R"("$BIN" --user-lexicon u1.tsv "论坛靠广告盈利")", 2,
       "^icp-classify: lexicon error: u1\\.tsv: cannot open file: Too many levels of symbolic links\n$", kInputSame},
      {"a user lexicon with an overlong (C0 AF) names file:line",
       [](Fixture& f) { f.write("u.tsv", "# icp-lexicon phrases v1\n论坛\xC0\xAF\tforum\t2\n"); },
       R"("$BIN" --user-lexicon u.tsv "论坛靠广告盈利")", 2,
       "^icp-classify: lexicon error: u\\.tsv:2: not valid UTF-8 at byte 7 of the line", kInputSame},
      {"a user lexicon with a surrogate (ED A0 80) names file:line",
       [](Fixture& f) { f.write("u.tsv", "# icp-lexicon phrases v1\n# a comment\n论坛\xED\xA0\x80\tforum\t2\n"); },
       R"("$BIN" --user-lexicon u.tsv "论坛靠广告盈利")", 2, "lexicon error: u\\.tsv:3: not valid UTF-8", kInputSame},
      {"a user lexicon with a code point past U+10FFFF (F4 90 80 80) names file:line",
       [](Fixture& f) { f.write("u.tsv", "# icp-lexicon phrases v1\n\xF4\x90\x80\x80\tforum\t2\n"); },
       R"("$BIN" --user-lexicon u.tsv "论坛靠广告盈利")", 2, "lexicon error: u\\.tsv:2: not valid UTF-8 at byte 1",
       kInputSame},
  };
  return rows;
}

bool has_file_containing(const fs::path& dir, const std::string& part) {
  for (const auto& entry : fs::recursive_directory_iterator(dir, fs::directory_options::skip_permission_denied))
    if (entry.path().filename().string().find(part) != std::string::npos) return true;
  return false;
}

void run_row(const Row& row) {
  batch_test::TempDir root;
  Fixture f;
  f.dir = root.path() / "w";
  f.cap = root.path() / "cap";
  fs::create_directory(f.dir);
  fs::create_directory(f.cap);
  f.write("in.csv", rows_csv(f.rows));
  if (row.setup) row.setup(f);
  const std::string input_before = slurp(f.file("in.csv"));
  std::optional<std::string> previous;
  if (fs::is_regular_file(fs::symlink_status(f.dir / "out.csv"))) previous = slurp(f.file("out.csv"));

  // ICP_HOSTILE_BINARY runs the table on another build (to see it fail before a fix).
  const char* other = std::getenv("ICP_HOSTILE_BINARY");
  ::setenv("BIN", other && *other ? other : ICP_CLI_BINARY, 1);
  ::setenv("DIR", f.dir.c_str(), 1);
  ::setenv("IN", f.file("in.csv").c_str(), 1);
  ::setenv("OUT", f.file("out.csv").c_str(), 1);
  ::setenv("CAP", f.cap.c_str(), 1);
  const std::string script = (f.cap / "command.sh").string();
  spit(script, std::string(kPrelude) + "cd \"$DIR\" || exit 99\n" + row.command + "\n");
  const std::string shell = "sh " + cli_test::quote(script) + " > " + cli_test::quote((f.cap / "stdout").string()) +
                            " 2> " + cli_test::quote((f.cap / "stderr").string());
  const int raw = std::system(shell.c_str());
  const int status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  const std::string err = slurp((f.cap / "stderr").string());
  CAPTURE(row.command);
  CAPTURE(err);
  CHECK(status == row.status);
  CHECK_MESSAGE(std::regex_search(err, std::regex(row.stderr_pattern)), "stderr pattern: " << row.stderr_pattern);
  if (row.invariants & kInputSame) CHECK_MESSAGE(slurp(f.file("in.csv")) == input_before, "the input changed");
  if ((row.invariants & kPreviousSame) && previous)
    CHECK_MESSAGE(slurp(f.file("out.csv")) == *previous, "the previous output changed");
  if (row.invariants & kNoTemp) CHECK_MESSAGE(!has_file_containing(f.dir, ".icp-tmp-"), "a temporary was left");
  if (row.invariants & kNoPartial) CHECK_MESSAGE(!has_file_containing(f.dir, ".partial"), "a .partial was left");
  if (row.invariants & kEveryRow) {
    const std::string bytes =
        row.rows_at == "@stdout" ? slurp((f.cap / "stdout").string()) : slurp(f.file(row.rows_at));
    const auto records = parse_csv(bytes);
    CHECK_MESSAGE(records.size() == static_cast<std::size_t>(f.rows) + 1, "rows in " << row.rows_at);
    if (records.size() == static_cast<std::size_t>(f.rows) + 1) {
      CHECK(records[0].at(2) == "icp_decision");
      bool in_order = true;
      for (int i = 1; i <= f.rows; ++i) in_order &= records[static_cast<std::size_t>(i)].at(0) == std::to_string(i);
      CHECK_MESSAGE(in_order, "rows out of order");
    }
  }
  if (row.check) row.check(f);
}

}  // namespace

TEST_CASE("the hostile-input table") {
  std::size_t ran = 0, skipped = 0;
  for (const Row& row : table()) {
    const char* skip = std::getenv("ICP_HOSTILE_SKIP");  // a regex of row names not to run
    const std::string why = skip && *skip && std::regex_search(std::string(row.name), std::regex(skip))
                                ? "ICP_HOSTILE_SKIP"
                            : row.skip ? row.skip()
                                       : "";
    if (!why.empty()) {
      MESSAGE("skipped: " << std::string(row.name) << " (" << why << ")");
      ++skipped;
      continue;
    }
    const std::string name = row.name;
    INFO("row: " << name);
    const auto t0 = std::chrono::steady_clock::now();
    run_row(row);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (std::getenv("ICP_HOSTILE_TIMES")) MESSAGE(name << ": " << seconds << " s");
    ++ran;
  }
  MESSAGE(ran << " rows run, " << skipped << " skipped");
  CHECK(table().size() >= 60);
}
