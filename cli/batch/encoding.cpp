#include "batch/encoding.hpp"

#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/ustring.h>

#include <algorithm>
#include <cstdint>
#include <stdexcept>
#include <vector>

#include "utf8_scan.hpp"

namespace icp::cli::batch {

std::optional<Encoding> parse_encoding(std::string_view name) {
  if (name == "auto") return Encoding::automatic;
  if (name == "utf-8" || name == "utf8" || name == "UTF-8") return Encoding::utf8;
  if (name == "gb18030" || name == "GB18030" || name == "gbk" || name == "GBK" || name == "gb2312")
    return Encoding::gb18030;
  return std::nullopt;
}

const char* encoding_name(Encoding e) {
  switch (e) {
    case Encoding::automatic:
      return "auto";
    case Encoding::utf8:
      return "utf-8";
    case Encoding::gb18030:
      return "gb18030";
  }
  return "?";
}

std::optional<std::size_t> first_invalid_utf8(std::string_view bytes) {
  const std::size_t valid = utf8::valid_prefix(bytes);
  if (valid == bytes.size()) return std::nullopt;
  return valid;
}

Encoding detect_encoding(std::string_view head) {
  std::size_t valid_multibyte = 0, invalid = 0;
  for (std::size_t i = 0; i < head.size();) {
    const int n = utf8::sequence_length(head, i);
    if (n < 0) break;  // cut off at the end of the sample
    if (n == 0) {
      ++invalid;
      ++i;
      continue;
    }
    if (n > 1) ++valid_multibyte;
    i += static_cast<std::size_t>(n);
  }
  if (invalid == 0 || valid_multibyte >= 2 * invalid) return Encoding::utf8;
  return Encoding::gb18030;
}

struct Decoder::Icu {
  UConverter* converter = nullptr;
  std::vector<UChar> utf16;
  ~Icu() {
    if (converter) ucnv_close(converter);
  }
};

Decoder::Decoder(Encoding encoding) : encoding_(encoding) {
  if (encoding_ == Encoding::automatic) throw std::logic_error("Decoder: detect the encoding first");
  if (encoding_ != Encoding::gb18030) return;
  icu_ = std::make_unique<Icu>();
  UErrorCode ec = U_ZERO_ERROR;
  icu_->converter = ucnv_open("gb18030", &ec);
  if (U_FAILURE(ec))
    throw std::runtime_error(std::string("ICU: cannot open the GB18030 converter: ") + u_errorName(ec));
}

Decoder::~Decoder() = default;

Decoded Decoder::decode_view(std::string_view bytes, std::string& scratch) {
  if (encoding_ == Encoding::utf8) {
    const auto bad = first_invalid_utf8(bytes);
    return {bytes, !bad, bad.value_or(0)};
  }
  // Pure ASCII is the same in GB18030.
  if (std::none_of(bytes.begin(), bytes.end(), [](char c) { return (c & 0x80) != 0; })) return {bytes, true, 0};
  Decoded d{{}, true, 0};
  d.ok = convert(bytes, scratch, d.bad_offset);
  d.text = scratch;
  return d;
}

bool Decoder::decode(std::string_view bytes, std::string& out, std::size_t& bad_offset) {
  const Decoded d = decode_view(bytes, out);
  if (d.text.data() != out.data()) out.assign(d.text);
  if (!d.ok) bad_offset = d.bad_offset;
  return d.ok;
}

bool Decoder::convert(std::string_view bytes, std::string& out, std::size_t& bad_offset) {
  out.clear();
  UConverter* cnv = icu_->converter;
  // First pass: stop at the first bad byte to find it.
  bool ok = true;
  {
    UErrorCode ec = U_ZERO_ERROR;
    ucnv_reset(cnv);
    ucnv_setToUCallBack(cnv, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &ec);
    icu_->utf16.resize(bytes.size() + 1);
    const char* src = bytes.data();
    UChar* dst = icu_->utf16.data();
    ucnv_toUnicode(cnv, &dst, dst + icu_->utf16.size(), &src, bytes.data() + bytes.size(), nullptr, true, &ec);
    if (U_FAILURE(ec)) {
      ok = false;
      // `src` is past the bad sequence; ICU keeps its bytes for ucnv_getInvalidChars.
      char invalid[32];
      int8_t len = sizeof invalid;
      UErrorCode ec2 = U_ZERO_ERROR;
      ucnv_getInvalidChars(cnv, invalid, &len, &ec2);
      const auto consumed = static_cast<std::size_t>(src - bytes.data());
      bad_offset = consumed >= static_cast<std::size_t>(len) ? consumed - static_cast<std::size_t>(len) : 0;
    }
  }
  // Second pass: substitute U+FFFD for bad bytes.
  UErrorCode ec = U_ZERO_ERROR;
  ucnv_reset(cnv);
  ucnv_setToUCallBack(cnv, UCNV_TO_U_CALLBACK_SUBSTITUTE, nullptr, nullptr, nullptr, &ec);
  icu_->utf16.resize(2 * bytes.size() + 2);
  const int32_t n = ucnv_toUChars(cnv, icu_->utf16.data(), static_cast<int32_t>(icu_->utf16.size()), bytes.data(),
                                  static_cast<int32_t>(bytes.size()), &ec);
  if (U_FAILURE(ec)) throw std::runtime_error(std::string("ICU: GB18030 decoding failed: ") + u_errorName(ec));
  // UTF-16 → UTF-8 (the converter never makes unpaired surrogates).
  out.resize(static_cast<std::size_t>(n) * 3);
  int32_t length = 0;
  u_strToUTF8(out.data(), static_cast<int32_t>(out.size()), &length, icu_->utf16.data(), n, &ec);
  if (U_FAILURE(ec)) throw std::runtime_error(std::string("ICU: GB18030 decoding failed: ") + u_errorName(ec));
  out.resize(static_cast<std::size_t>(length));
  return ok;
}

}  // namespace icp::cli::batch
