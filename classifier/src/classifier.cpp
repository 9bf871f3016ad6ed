// Classifier: wires the lexicon, the text pipeline and the decision tree.
#include "icp/classifier.hpp"

#include <string>

#include "decide/as_of.hpp"
#include "decide/decide.hpp"
#include "decide/rules.hpp"
#include "facts/describe.hpp"
#include "facts/from_text.hpp"
#include "lexicon.hpp"
#include "operators/mentioned_bodies.hpp"
#include "permits/held_permits.hpp"
#include "presence/contact_channels.hpp"
#include "presence/site_names.hpp"
#include "prices/prices.hpp"
#include "readiness/readiness.hpp"
#include "roles/peer_exchange.hpp"
#include "roles/platform_roles.hpp"
#include "scope/scope_signals.hpp"
#include "signals/compiled_lexicon.hpp"
#include "signals/extract.hpp"
#include "text/char_offsets.hpp"
#include "text/normalize.hpp"
#include "text/segment.hpp"

namespace icp {
namespace {

lexicon::Lexicon load(const Options& options) {
  auto lexicon = options.lexicon_dir.empty() ? lexicon::load_builtin() : lexicon::load_directory(options.lexicon_dir);
  for (const auto& path : options.user_lexicons) lexicon::add_user_phrases(lexicon, lexicon::read_file(path));
  return lexicon;
}

// The evidence signal of a fact read from the text, e.g.
// "fact_registered_capital": made once, as Span::signal views static text.
std::string_view fact_signal(std::string_view name) {
  static const std::vector<std::string> signals = [] {
    std::vector<std::string> out;
    for (const auto& f : fact_catalogue()) out.push_back("fact_" + f.name);
    out.push_back("fact_headcount");
    return out;
  }();
  for (const auto& s : signals)
    if (std::string_view(s).substr(5) == name) return s;
  return "fact";
}

// The facts in play for Decision::facts: given by the caller, or read from
// the text with the words that said it.
std::vector<FactValue> fact_values(const Facts& given, const Facts& in_play, const facts::FromText& stated,
                                   const text::NormalizedText& normalized, std::string_view text) {
  text::CharOffsets chars(text);
  auto evidence = [&](const std::string& name) {
    Span span;
    for (const auto& found : stated.found)
      if (found.name == name) {
        auto [begin, end] = normalized.to_source(found.begin, found.end);
        span = {begin, end, std::string(text.substr(begin, end - begin)), fact_signal(name), false, false};
        span.begin_char = chars.at(begin);
        span.end_char = chars.at(end);
        break;
      }
    return span;
  };
  std::vector<FactValue> out;
  const auto given_names = facts::describe(given);
  for (const auto& [name, value] : facts::describe(in_play)) {
    bool from_text = true;
    for (const auto& g : given_names) from_text &= g.first != name;
    out.push_back({name, value, from_text, from_text ? evidence(name) : Span{}});
  }
  if (stated.headcount)
    out.push_back({"headcount", facts::describe_number(*stated.headcount), true, evidence("headcount")});
  return out;
}

}  // namespace

TextTooLongError::TextTooLongError(std::size_t size, std::size_t limit)
    : std::length_error("the text is " + std::to_string(size) + " bytes, over the limit of " + std::to_string(limit) +
                        " bytes"),
      size_(size),
      limit_(limit) {}
TextTooLongError::~TextTooLongError() = default;

AsOfError::AsOfError(const std::string& value)
    : std::invalid_argument("'" + value + "' is not a date written YYYY-MM-DD (for example 2019-06-01)") {}
AsOfError::~AsOfError() = default;

struct Classifier::Impl {
  explicit Impl(const Options& options)
      : lexicon(load(options)),
        compiled(lexicon, normalizer),
        max_text_bytes(options.max_text_bytes),
        as_of(options.as_of.empty() ? 0 : decide::parse_as_of(options.as_of)),
        as_of_text(options.as_of) {}

  text::Normalizer normalizer;
  text::WordSegmenter segmenter;
  lexicon::Lexicon lexicon;
  signals::CompiledLexicon compiled;
  std::size_t max_text_bytes;
  int as_of;  // yyyymmdd; 0: today, asked at each classify()
  std::string as_of_text;
};

Classifier::Classifier(const Options& options) : impl_(std::make_unique<const Impl>(options)) {}
Classifier::~Classifier() = default;
Classifier::Classifier(Classifier&&) noexcept = default;
Classifier& Classifier::operator=(Classifier&&) noexcept = default;

const std::string& Classifier::as_of() const {
  return impl_->as_of_text;
}

Decision Classifier::classify(std::string_view text) const {
  return classify(text, Facts{});
}

Decision Classifier::classify(std::string_view text, const Facts& given) const {
  return classify_on(text, given, impl_->as_of);
}

Decision Classifier::classify(std::string_view text, const Facts& given, std::string_view as_of) const {
  return classify_on(text, given, as_of.empty() ? impl_->as_of : decide::parse_as_of(as_of));
}

Decision Classifier::classify_on(std::string_view text, const Facts& given, int as_of) const {
  if (text.size() > impl_->max_text_bytes) throw TextTooLongError(text.size(), impl_->max_text_bytes);
  const auto normalized = impl_->normalizer.normalize(text);
  thread_local signals::Found found;  // one pass for both; reused, it keeps its capacity
  impl_->compiled.find(normalized.text, found);
  const auto scope = scope::read(normalized.text);
  // The readers add their hits to the lexicon's; the strengths are summed once, at the end.
  auto hits = signals::extract_hits(normalized, impl_->compiled, impl_->segmenter, found.phrases);
  hits = scope::with_scope(std::move(hits), scope);
  hits = roles::with_roles(std::move(hits), normalized.text);
  hits = roles::with_peer_exchange(std::move(hits), normalized.text);
  hits = prices::with_prices(std::move(hits), normalized.text);
  hits = operators::without_mentioned_bodies(std::move(hits), normalized.text);
  hits = presence::with_site_names(std::move(hits), normalized.text);
  hits = presence::without_contact_channels(std::move(hits), normalized.text);
  const signals::SignalSet signals(std::move(hits));
  const auto stated = facts::facts_from_text(normalized, found.keywords);
  const Facts in_play = facts::merge(stated.facts, given);
  const auto held = permits::read_held_permits(normalized.text);
  const int day = as_of ? as_of : decide::today_utc();
  auto decision = decide::decide(signals, normalized, text, in_play, held, scope, day);
  decision.as_of = decide::day_text(day);
  if (day < decide::kFirstRuleDay)
    decision.notes.push_back({"before_measures",
                              "所问日期早于2000年9月25日《互联网信息服务管理办法》施行：当时尚无ICP许可证与备案制度，"
                              "以上按《办法》施行之初的规则作出",
                              "The date asked about is before the Measures took effect on 2000-09-25: there was no "
                              "ICP licence or filing then; the answer follows the rules as they first applied"});
  else if (as_of && day > decide::newest_known_change())
    decision.notes.push_back({"after_known_changes",
                              "所问日期晚于本程序所知的最后一次规则变化（" +
                                  decide::day_text(decide::newest_known_change()) +
                                  "）：此后的变化未收录，请核对现行规定",
                              "The date asked about is after the newest change of the rules this program knows (" +
                                  decide::day_text(decide::newest_known_change()) +
                                  "): later changes are not in its data; check the "
                                  "rules in force"});
  if (normalized.text.empty())
    decision.notes.push_back(
        {"empty_text", "输入为空或只有空白、标记", "The input is empty or only whitespace and markup"});

  decision.facts = fact_values(given, in_play, stated, normalized, text);
  readiness::assess(decision, in_play, stated.headcount);
  return decision;
}

const std::string& Classifier::lexicon_hash() const noexcept {
  return impl_->lexicon.hash;
}
std::size_t Classifier::phrase_count() const noexcept {
  return impl_->lexicon.phrases.size();
}

const char* version() noexcept {
  return ICP_VERSION;
}

}  // namespace icp
