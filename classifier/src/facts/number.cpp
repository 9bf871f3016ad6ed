#include "facts/number.hpp"

#include <cmath>
#include <string>

#include "facts/ascii.hpp"

namespace icp::facts {
namespace {

// Decodes one UTF-8 code point at `i` (advancing it); 0 on a bad byte.
char32_t next(std::string_view s, std::size_t& i) {
  auto b = static_cast<unsigned char>(s[i]);
  std::size_t n = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
  if (n == 0 || i + n > s.size()) {
    ++i;
    return 0;
  }
  char32_t c = n == 1 ? b : b & (0xFF >> (n + 1));
  for (std::size_t k = 1; k < n; ++k) c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  i += n;
  return c;
}

int digit(char32_t c) {
  if (c >= U'0' && c <= U'9') return static_cast<int>(c - U'0');
  if (c >= U'０' && c <= U'９') return static_cast<int>(c - U'０');
  switch (c) {
    case U'零':
    case U'〇':
      return 0;
    case U'一':
    case U'壹':
    case U'幺':
      return 1;
    case U'二':
    case U'贰':
    case U'貳':
    case U'两':
    case U'兩':
      return 2;
    case U'三':
    case U'叁':
    case U'參':
      return 3;
    case U'四':
    case U'肆':
      return 4;
    case U'五':
    case U'伍':
      return 5;
    case U'六':
    case U'陆':
    case U'陸':
      return 6;
    case U'七':
    case U'柒':
      return 7;
    case U'八':
    case U'捌':
      return 8;
    case U'九':
    case U'玖':
      return 9;
    default:
      return -1;
  }
}

bool arabic(char32_t c) {
  return (c >= U'0' && c <= U'9') || (c >= U'０' && c <= U'９');
}

double small_unit(char32_t c) {
  switch (c) {
    case U'十':
    case U'拾':
      return 10;
    case U'百':
    case U'佰':
      return 100;
    case U'千':
    case U'仟':
      return 1000;
    default:
      return 0;
  }
}

double big_unit(char32_t c) {
  switch (c) {
    case U'万':
    case U'萬':
      return 1e4;
    case U'亿':
    case U'億':
      return 1e8;
    default:
      return 0;
  }
}

std::size_t skip_spaces(std::string_view s, std::size_t i) {
  while (i < s.size()) {
    std::size_t j = i;
    char32_t c = next(s, j);
    if (c != U' ' && c != U'\t' && c != U'\u3000') break;
    i = j;
  }
  return i;
}

bool starts_with_any(std::string_view s, std::initializer_list<std::string_view> words, std::size_t& length) {
  for (auto w : words)
    if (s.substr(0, w.size()) == w) {
      length = w.size();
      return true;
    }
  return false;
}

// What follows a number, lower-cased, without spaces.
std::string rest_of(std::string_view text, const Number& n) {
  std::string rest;
  for (char ch : lower_ascii(text.substr(n.consumed)))
    if (ch != ' ') rest += ch;
  return rest;
}

}  // namespace

std::optional<Number> parse_number(std::string_view text) {
  std::size_t i = skip_spaces(text, 0);
  double total = 0, section = 0, current = 0;
  bool any = false, in_arabic = false, fraction = false;
  bool have_digit = false;  // a digit since the last unit: 十 alone means 一十
  double scale = 0.1;
  std::size_t end = i;
  while (i < text.size()) {
    std::size_t j = i;
    char32_t c = next(text, j);
    if (arabic(c)) {
      int d = digit(c);
      if (!in_arabic) current = 0;
      if (fraction) {
        current += d * scale;
        scale /= 10;
      } else {
        current = current * 10 + d;
      }
      in_arabic = any = have_digit = true;
    } else if (in_arabic && (c == U',' || c == U'，') && j < text.size() &&
               arabic(static_cast<unsigned char>(text[j]))) {
      // thousands separator inside Arabic digits
    } else if (in_arabic && !fraction && (c == U'.' || c == U'．') && j < text.size() &&
               arabic(static_cast<unsigned char>(text[j]))) {
      fraction = true;
    } else if (int d = digit(c); d >= 0) {
      current = d;
      in_arabic = false;
      any = true;
      have_digit = d != 0;  // 零 only holds a place: 一千零十
    } else if (double u = small_unit(c); u > 0) {
      section += (have_digit ? current : 1) * u;
      current = 0;
      in_arabic = fraction = have_digit = false;
      any = true;
    } else if (double u = big_unit(c); u > 0 && any) {
      section += current;
      total = u > 1e4 ? (total + section) * u : total + section * u;
      section = current = 0;
      in_arabic = fraction = have_digit = false;
    } else {
      break;
    }
    i = j;
    end = i;
  }
  if (!any) return std::nullopt;
  Number n{total + section + current, end, false};
  std::size_t length = 0;
  std::size_t k = skip_spaces(text, end);
  if (starts_with_any(text.substr(k), {"来", "多", "余", "几", "左右", "上下", "出头"}, length)) {
    n.approximate = true;
    n.consumed = k + length;
  }
  return n;
}

std::optional<double> parse_amount(std::string_view text) {
  // A currency before the number: "RMB 2 million", "人民币500万", "¥5,000,000".
  std::size_t start = skip_spaces(text, 0);
  for (std::string_view prefix : {"RMB", "rmb", "CNY", "cny", "人民币", "¥", "￥"})
    if (text.substr(start, prefix.size()) == prefix) {
      text.remove_prefix(start + prefix.size());
      break;
    }
  auto n = parse_number(text);
  if (!n) return std::nullopt;
  std::string rest = rest_of(text, *n);
  double value = n->value;
  // English scale words after Arabic digits: "2 million", "5m".
  for (auto [word, factor] : {std::pair<std::string_view, double>{"million", 1e6},
                              {"mn", 1e6},
                              {"m", 1e6},
                              {"billion", 1e9},
                              {"bn", 1e9},
                              {"k", 1e3},
                              {"thousand", 1e3}})
    if (rest.substr(0, word.size()) == word) {
      value *= factor;
      rest = rest.substr(word.size());
      break;
    }
  for (std::string_view other : {"美元", "美金", "usd", "us$", "$", "港币", "港元", "hkd", "欧元", "eur", "日元"})
    if (rest.find(other) != std::string::npos) return std::nullopt;
  const std::string_view allowed[] = {"", "元", "块", "元人民币", "人民币", "rmb", "cny", "yuan", "元整", "人民币元"};
  for (auto a : allowed)
    if (rest == a) return value;
  // "RMB 500万" etc.: currency before the number.
  return std::nullopt;
}

std::optional<double> parse_percent(std::string_view text) {
  std::string t = lower_ascii(text);
  std::size_t length = 0;
  std::size_t i = skip_spaces(t, 0);
  std::string_view view(t);
  if (starts_with_any(view.substr(i), {"一半", "half", "半数"}, length) && i + length == t.size()) return 50.0;
  if (starts_with_any(view.substr(i), {"百分之"}, length)) {
    auto n = parse_number(view.substr(i + length));
    if (n && rest_of(view.substr(i + length), *n).empty()) return n->value;
    return std::nullopt;
  }
  auto n = parse_number(view.substr(i));
  if (!n) return std::nullopt;
  std::string rest = rest_of(view.substr(i), *n);
  if (rest == "%" || rest == "％" || rest == "percent" || rest == "个百分点") return n->value;
  if (rest == "成") return n->value * 10;
  if (rest.empty()) return n->value <= 1.0 && view.find('.') != std::string_view::npos ? n->value * 100 : n->value;
  return std::nullopt;
}

std::optional<double> parse_count(std::string_view text) {
  auto n = parse_number(text);
  if (!n) return std::nullopt;
  std::string rest = rest_of(text, *n);
  const std::string_view allowed[] = {"",       "人",      "个",    "名",        "位",     "号人",   "个人",  "号",
                                      "people", "persons", "staff", "employees", "个员工", "名员工", "人左右"};
  for (auto a : allowed)
    if (rest == a) return std::floor(n->value) == n->value ? std::optional<double>(n->value) : std::nullopt;
  return std::nullopt;
}

std::optional<double> parse_months(std::string_view text) {
  std::string t = lower_ascii(text);
  std::size_t i = skip_spaces(t, 0);
  std::string_view view(t);
  if (view.substr(i) == "半年") return 6.0;
  auto n = parse_number(view.substr(i));
  if (!n) return std::nullopt;
  std::string rest = rest_of(view.substr(i), *n);
  if (rest.empty() || rest == "个月" || rest == "月" || rest == "months" || rest == "month") return n->value;
  if (rest == "年" || rest == "years" || rest == "year" || rest == "年整") return n->value * 12;
  if (rest == "年半") return n->value * 12 + 6;
  return std::nullopt;
}

}  // namespace icp::facts
