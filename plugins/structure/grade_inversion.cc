#include "grade_inversion.h"

#include <algorithm>
#include <cctype>
#include <string_view>
#include <utility>
#include <vector>

#include "orgaudit/message_text.h"

namespace orgaudit::structure {
namespace {

// Grades are compared without regard to ASCII case: "g6" in one export and "G6" in another are the
// same grade, and a user should not have to spell the order twice.
std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

RuleInfo GradeInversion::info() {
  return {"reports whose grade is equal to or above their manager's grade",
          Severity::warning,
          "Span health",
          {{"grade-order", OptionType::list, "SCS4,SCS3,SCS2,SCS1,G6,G7,SEO,HEO,EO,AO,AA",
            "grades from the most senior to the most junior (default: UK civil service); grades not "
            "listed are skipped"}}};
}

GradeInversion::GradeInversion(const RuleOptions& options) {
  const std::vector<std::string> order = options.get_list("grade-order");
  for (std::size_t i = 0; i < order.size(); ++i)
    rank_.emplace(lower(order[i]), static_cast<int>(i));  // a grade listed twice keeps its first place
}

int GradeInversion::rank_of(std::string_view grade) const {
  if (grade.empty()) return kUnranked;
  auto it = rank_.find(lower(grade));
  return it == rank_.end() ? kUnranked : it->second;
}

void GradeInversion::check(const CheckContext& context, FindingSink& sink) const {
  const Org& org = context.org;
  // Rank everyone once, so each reporting line costs two array reads rather than two lookups, and
  // take each manager in the same pass: a person is 144 bytes, so the lines are then walked in
  // arrays of 4 rather than through the people again.
  std::vector<int> rank(org.people.size(), kUnranked);
  std::vector<PersonIndex> manager_of(org.people.size());
  bool any_ranked = false;
  // An org uses a handful of grade spellings a million times: the last few are kept as written, so
  // most people cost a comparison of a short string rather than a lower-cased copy and a hash.
  constexpr std::size_t kRecent = 16;
  std::vector<std::pair<std::string_view, int>> recent;
  recent.reserve(kRecent);
  for (PersonIndex p = 0; p < org.people.size(); ++p) {
    const Person& person = org.people[p];
    manager_of[p] = person.manager;
    const std::string_view grade = person.grade;
    auto seen = std::find_if(recent.begin(), recent.end(), [&](const auto& r) { return r.first == grade; });
    if (seen == recent.end()) {
      if (recent.size() == kRecent) recent.pop_back();
      seen = recent.insert(recent.begin(), {grade, rank_of(grade)});
    }
    rank[p] = seen->second;
    any_ranked = any_ranked || rank[p] != kUnranked;
  }
  if (!any_ranked) {
    // Without grades (or with an order that names none of the grades used) the rule cannot tell an
    // inversion from a healthy line; it says so rather than passing the org.
    sink.not_assessed("grade (or a grade-order that matches the grades used)");
    return;
  }

  for (PersonIndex p = 0; p < org.people.size(); ++p) {
    const PersonIndex m = manager_of[p];
    // Self-management is structure-integrity's finding, not a grade question.
    if (m == kNoIndex || m == p || rank[p] == kUnranked || rank[m] == kUnranked) continue;
    sink.assessed({EntityRef::person, p});  // each reporting line, by the report who holds it
    if (rank[p] > rank[m]) continue;  // a larger position is more junior: the healthy case
    const Person& report = org.people[p];
    const Person& manager = org.people[m];
    // Equal grades count: the catalogue's "grade compression" is as much a finding as an inversion.
    const std::string relation = rank[p] == rank[m] ? " has the same grade as their manager "
                                                    : " is graded above their manager ";
    sink.report({EntityRef::person, p}, quoted(report) + " (" + report.grade + ")" + relation +
                                            quoted(manager) + " (" + manager.grade + ")")
        .key(rank[p] == rank[m] ? "same-grade" : "graded-above")
        .concerns({EntityRef::person, m})
        .related(manager.where, "manager: " + quoted(manager) + " (" + manager.grade + ")", {EntityRef::person, m});
  }
}

}  // namespace orgaudit::structure
