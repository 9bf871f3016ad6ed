#include "batch/encoding.hpp"

#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <vector>

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

namespace {

// Length of the valid UTF-8 sequence at s[i], 0 if invalid, -1 if cut off by the end.
int utf8_sequence(std::string_view s, std::size_t i) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = b(i);
  if (c < 0x80) return 1;
  int n;
  unsigned char lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  for (int k = 1; k < n; ++k) {
    if (i + k >= s.size()) return -1;
    const unsigned char t = b(i + k);
    if (k == 1 ? (t < lo || t > hi) : (t < 0x80 || t > 0xBF)) return 0;
  }
  return n;
}

}  // namespace

std::optional<std::size_t> first_invalid_utf8(std::string_view bytes) {
  // The same fast paths as the library's text::valid_utf8_prefix (a private
  // header): ASCII runs eight bytes at a time, three-byte sequences (CJK)
  // four at a time; anything else one sequence at a time.
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const std::size_t n = bytes.size();
  std::size_t i = 0;
  while (i < n) {
    const unsigned c = p[i];
    if (c < 0x80) {
      ++i;
      for (std::uint64_t w; i + 8 <= n; i += 8) {
        std::memcpy(&w, p + i, 8);
        if (w & 0x8080808080808080ull) break;
      }
      continue;
    }
    if ((c & 0xF0) == 0xE0 && i + 2 < n) {
      // Four three-byte sequences at once while leads are E1..EC or EE..EF
      // (E0 and ED, which limit their second byte, take the check below).
      const std::size_t start = i;
      if constexpr (std::endian::native == std::endian::little) {  // the masks are little-endian
        for (std::uint64_t w0, w1; i + 12 <= n; i += 12) {
          std::memcpy(&w0, p + i, 8);      // bytes 0..7: leads at 0, 3, 6
          std::memcpy(&w1, p + i + 4, 8);  // bytes 4..11: lead at 9
          if ((w0 & 0xC0F0C0C0F0C0C0F0ull) != 0x80E08080E08080E0ull ||
              (w1 & 0xC0C0F0C0C0F0C0C0ull) != 0x8080E08080E08080ull)
            break;
          // The leads' low nibbles in bytes 0, 1, 3, 6; none may be 0 or D.
          const std::uint64_t x = (w0 & 0x000F00000F00000Full) | ((w1 >> 32) & 0x0F00u);
          constexpr std::uint64_t kAdd = 0x000F00000F000F0Full, kCarry = 0x0010000010001010ull;
          if (((x + kAdd) & kCarry) != kCarry || (((x ^ 0x000D00000D000D0Dull) + kAdd) & kCarry) != kCarry) break;
        }
      }
      if (i != start) continue;  // look at what stopped the run afresh
      const unsigned b1 = p[i + 1], b2 = p[i + 2];
      // The code point's top ten bits: below 0x20 is overlong (E0 80..9F),
      // 0x360..0x37F a surrogate (ED A0..BF).
      const unsigned top = ((c & 0x0Fu) << 6) | (b1 & 0x3Fu);
      if ((b1 & 0xC0) != 0x80 || (b2 & 0xC0) != 0x80 || top < 0x20 || (top - 0x360) < 0x20) return i;
      i += 3;
      continue;
    }
    const int k = utf8_sequence(bytes, i);
    if (k <= 0) return i;
    i += static_cast<std::size_t>(k);
  }
  return std::nullopt;
}

Encoding detect_encoding(std::string_view head) {
  std::size_t valid_multibyte = 0, invalid = 0;
  for (std::size_t i = 0; i < head.size();) {
    const int n = utf8_sequence(head, i);
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
    if (auto bad = first_invalid_utf8(bytes)) return {bytes, false, *bad};
    return {bytes, true, 0};
  }
  if (std::none_of(bytes.begin(), bytes.end(), [](char c) { return (c & 0x80) != 0; })) return {bytes, true, 0};
  Decoded d{{}, true, 0};
  d.ok = decode(bytes, scratch, d.bad_offset);
  d.text = scratch;
  return d;
}

bool Decoder::decode(std::string_view bytes, std::string& out, std::size_t& bad_offset) {
  out.clear();
  if (encoding_ == Encoding::utf8) {
    out.assign(bytes);
    if (auto bad = first_invalid_utf8(bytes)) {
      bad_offset = *bad;
      return false;
    }
    return true;
  }
  // Pure ASCII is the same in GB18030.
  if (std::none_of(bytes.begin(), bytes.end(), [](char c) { return (c & 0x80) != 0; })) {
    out.assign(bytes);
    return true;
  }
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
  // UTF-16 → UTF-8 (unpaired surrogates cannot come out of the converter).
  out.reserve(static_cast<std::size_t>(n) * 3);
  for (int32_t i = 0; i < n; ++i) {
    std::uint32_t c = icu_->utf16[static_cast<std::size_t>(i)];
    if (c >= 0xD800 && c <= 0xDBFF && i + 1 < n) {
      const std::uint32_t d = icu_->utf16[static_cast<std::size_t>(i) + 1];
      if (d >= 0xDC00 && d <= 0xDFFF) {
        c = 0x10000 + ((c - 0xD800) << 10) + (d - 0xDC00);
        ++i;
      }
    }
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
    } else if (c < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (c >> 6)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
      out.push_back(static_cast<char>(0xE0 | (c >> 12)));
      out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xF0 | (c >> 18)));
      out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
  }
  return ok;
}

}  // namespace icp::cli::batch
