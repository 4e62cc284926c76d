// send-timing: a thank-you note sent more than 48 hours after the interview
// (info from 24 hours), a check-in sent sooner than 3 business days after it,
// or a message dated before the interview.
#include <ctime>

#include "fulint/config.hpp"
#include "rules/common.hpp"

namespace fulint::rules {
namespace {

constexpr int64_t kHour = 3600;
constexpr int64_t kDay = 24 * kHour;

std::tm local(int64_t t) {
  std::time_t tt = static_cast<std::time_t>(t);
  std::tm tm{};
  localtime_r(&tt, &tm);
  return tm;
}

// "Fri 20 Nov 2026 14:00" (local time, as dates without a zone are read).
std::string show_time(int64_t t) {
  std::tm tm = local(t);
  char buf[64];
  std::strftime(buf, sizeof buf, "%a %d %b %Y %H:%M", &tm);
  return buf;
}

// Days since 1970-01-01 of the local calendar date of t.
int64_t local_day(int64_t t) {
  std::tm tm = local(t);
  // days_from_civil (H. Hinnant)
  int64_t y = tm.tm_year + 1900;
  const int64_t m = tm.tm_mon + 1, d = tm.tm_mday;
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

// Monday to Friday dates in (from, to], by local calendar date.
int64_t business_days_between(int64_t from, int64_t to) {
  int64_t a = local_day(from), b = local_day(to), n = 0;
  for (int64_t d = a + 1; d <= b && n < 1000; ++d) {
    int64_t wd = ((d % 7) + 7 + 4) % 7;  // 1970-01-01 was a Thursday (4); 0 = Sunday
    if (wd != 0 && wd != 6) ++n;
  }
  return n;
}

std::string plural(int64_t n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

// "3 days (74 hours)" / "30 hours" / "45 minutes".
std::string show_span(int64_t secs) {
  if (secs < kHour) return plural(secs / 60, "minute", "minutes");
  int64_t hours = secs / kHour;
  if (secs < 2 * kDay) return plural(hours, "hour", "hours");
  return plural(secs / kDay, "day", "days") + " (" + std::to_string(hours) + " hours)";
}

class Rule_ final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static constexpr OptionSpec kOptions[] = {
        {"late_hours", OptionType::Int, "48", "Hours after the interview past which a thank-you note is late (warning)"},
        {"info_hours", OptionType::Int, "24", "Hours after the interview past which a thank-you note is noted as slow (info)"},
        {"check_in_business_days", OptionType::Int, "3",
         "Business days (Monday to Friday) to wait after the interview before a check-in"},
    };
    static const RuleMeta m{
        .id = "send-timing",
        .group = Group::Sending,
        .severity = Severity::Warning,
        .summary = "Sent too late after the interview (over 48 hours), or a check-in sent too soon (under 3 business days)",
        .options = kOptions,
    };
    return m;
  }

  void check(const Context& ctx, Reporter& out) const override {
    const Facts& f = ctx.facts;
    if (!f.interview_time || !f.message_time) return;
    const Document& doc = ctx.doc;
    const int64_t interview = *f.interview_time, sent = *f.message_time;
    const int64_t diff = sent - interview;
    const Header* date = doc.header("Date");
    const bool dated = date && parse_time(date->value).has_value();
    const std::string when = "the interview on " + show_time(interview);

    auto emit = [&](std::string msg) -> Diagnostic& {
      if (dated) return out.report_raw(date->raw_value, std::move(msg));
      if (const Header* h = doc.header("X-Interview-Date"); h && f.interview_time_source.starts_with("X-Interview"))
        return out.report_raw(h->raw_value, std::move(msg));
      if (const Part* s = doc.subject()) return out.report(s->span, std::move(msg));
      return out.report(body_anchor(doc), std::move(msg));
    };
    if (diff < 0) {
      if (dated)
        emit("This message is dated " + show_time(sent) + ", " + show_span(-diff) + " before " + when + " (" +
             f.interview_time_source + "); check the Date: header and the interview date");
      else
        emit("The message time " + show_time(sent) + " is " + show_span(-diff) + " before " + when + " (" +
             f.interview_time_source + "); send it after the interview, or check the interview date");
      return;
    }
    if (f.check_in) {
      const int64_t need = ctx.opt_int("check_in_business_days");
      const int64_t bd = business_days_between(interview, sent);
      if (bd >= need) return;
      emit("This check-in is sent " + plural(bd, "business day", "business days") + " after " + when + " (on " +
           show_time(sent) + "); wait at least " + plural(need, "business day", "business days") +
           " before asking for news, or you may come across as impatient");
      return;
    }
    const int64_t late = ctx.opt_int("late_hours"), slow = ctx.opt_int("info_hours");
    if (diff > late * kHour) {
      emit("Sent " + show_span(diff) + " after " + when + "; a thank-you note should go out within " +
           std::to_string(late) + " hours, while the conversation is fresh");
    } else if (diff > slow * kHour) {
      const Severity configured = out.severity();
      if (configured < Severity::Info) out.set_severity(Severity::Info);
      emit("Sent " + show_span(diff) + " after " + when + "; aim to send a thank-you note within " +
           std::to_string(slow) + " hours of the interview");
      out.set_severity(configured);
    }
  }
};

}  // namespace

FULINT_RULE_INSTANCE(send_timing, Rule_)

}  // namespace fulint::rules
