// "Did you mean …?" for what a user typed: an option's name or a column's.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

namespace icp::cli {

// Edits between two words, counted in code points (UTF-8 in, so that 描述
// and 描叙 are one edit apart): insert, delete, replace, or swap two
// neighbours (--lnag is one edit from --lang). Invalid bytes count as one each.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate the user most likely meant, or "" when none is close: the
// same word in other ASCII case ("Description"), else the single nearest one
// within one edit for words of up to four code points and two for longer.
std::string closest(std::string_view typed, std::span<const std::string> candidates);

}  // namespace icp::cli
