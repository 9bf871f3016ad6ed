// Input encodings of the batch command: UTF-8 (with or without a BOM) and
// GB18030 (a superset of GBK and GB2312, what Excel on Chinese Windows
// writes), decoded with ICU's converters. Output is always UTF-8.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace icp::cli::batch {

enum class Encoding { automatic, utf8, gb18030 };

// "auto" | "utf-8" (also "utf8") | "gb18030" (also "gbk", "gb2312"); nullopt otherwise.
std::optional<Encoding> parse_encoding(std::string_view name);
const char* encoding_name(Encoding e);

// Guesses the encoding of the first bytes of a file (after any BOM): UTF-8
// when they hold no invalid UTF-8 (ASCII included) or when valid multi-byte
// sequences outnumber invalid ones two to one (a UTF-8 file with a few bad
// bytes); GB18030 otherwise. A sequence cut off at the end of `head` is not
// counted against UTF-8.
Encoding detect_encoding(std::string_view head);

// Byte offset of the first invalid UTF-8 sequence in `bytes` (strict RFC 3629:
// no overlongs, surrogates or code points above U+10FFFF), or nullopt.
std::optional<std::size_t> first_invalid_utf8(std::string_view bytes);

// A field decoded to UTF-8; see Decoder::decode_view.
struct Decoded {
  std::string_view text;
  bool ok = true;
  std::size_t bad_offset = 0;  // of the first bad byte, when !ok
};

// Decodes one field. Not thread-safe: one Decoder per thread.
class Decoder {
 public:
  explicit Decoder(Encoding encoding);  // utf8 or gb18030
  ~Decoder();
  Decoder(const Decoder&) = delete;
  Decoder& operator=(const Decoder&) = delete;

  // The field as UTF-8. Returns false if `bytes` holds bytes that are not
  // valid in the encoding; `out` then has them replaced by U+FFFD (UTF-8
  // input: `out` is the bytes unchanged) and `bad_offset` is the offset of
  // the first bad byte.
  bool decode(std::string_view bytes, std::string& out, std::size_t& bad_offset);

  // The same without a copy where none is needed: for UTF-8 input `text` is
  // `bytes` itself (bad bytes included, as decode() leaves them); otherwise
  // it views `scratch`, which holds the decoded field.
  Decoded decode_view(std::string_view bytes, std::string& scratch);

 private:
  // GB18030 → UTF-8 by ICU, as decode() describes.
  bool convert(std::string_view bytes, std::string& out, std::size_t& bad_offset);

  Encoding encoding_;
  struct Icu;
  std::unique_ptr<Icu> icu_;
};

}  // namespace icp::cli::batch
