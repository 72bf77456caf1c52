#include "workflow/anonymize.h"

#include <cctype>
#include <unordered_set>

#include "workflow/text_scrub.h"
#include "model/import_log.h"

namespace orgaudit {
namespace {

// Words that make an attribute personal. Compared with whole words of the attribute's name.
const std::unordered_set<std::string> kPersonalWords{
    "name", "names", "surname", "forename", "firstname", "lastname", "fullname", "displayname",
    "givenname", "nickname", "email", "mail", "phone", "telephone", "tel", "mobile", "cell", "fax",
    "contact", "address", "postcode", "zip", "home", "personal", "birth", "birthday", "dob", "age",
    "gender", "sex", "ethnicity", "nationality", "nino", "ssn", "passport", "linkedin", "twitter",
    "salary"};

std::vector<std::string> words_of(std::string_view name) {
  std::vector<std::string> words(1);
  char previous = 0;
  for (char c : name) {
    const auto u = static_cast<unsigned char>(c);
    if (!std::isalnum(u)) {
      if (!words.back().empty()) words.emplace_back();
    } else {
      // camelCase: "firstName" is "first" "name".
      if (std::isupper(u) && std::islower(static_cast<unsigned char>(previous)) && !words.back().empty())
        words.emplace_back();
      words.back().push_back(static_cast<char>(std::tolower(u)));
    }
    previous = c;
  }
  if (words.back().empty()) words.pop_back();
  return words;
}

std::string pseudonymous_value(const Pseudonymizer& p, const Attribute& attribute) {
  if (attribute.value.empty()) return {};
  if (looks_like_email(attribute.value)) return p.email(attribute.value);
  return p.value(attribute.key, attribute.value);
}

// Free text may mention people: their e-mail addresses and full names are replaced in place.
void scrub(std::string& text, const Pseudonymizer& p, const NameScrubber& names) {
  scrub_emails(text, p);
  names.scrub(text);
}

// The same for an org's Text: the scrubbed copy is stored in the org.
void scrub(Org& org, Text& text, const Pseudonymizer& p, const NameScrubber& names) {
  std::string scrubbed = text.str();
  scrub(scrubbed, p, names);
  text = org.interned(scrubbed);
}

template <typename Attributes>
void anonymize_attributes(Org& org, Attributes& attributes, const Pseudonymizer& p, const NameScrubber& names) {
  for (Attribute& a : attributes) {
    if (is_personal_attribute(a.key)) a.value = org.interned(pseudonymous_value(p, a));
    else scrub(org, a.value, p, names);
  }
}

// Ids that may name a person or a unit (right holders, link ends): units keep their ids.
std::string person_or_unit(const Org& org, const std::string& id, const Pseudonymizer& p) {
  if (id.empty() || id == "self" || org.find_unit(id) != kNoIndex) return id;
  return p.person_id(id);
}

// Importers' messages quote the row's id ("id 'B72' is already used"): the quoted id becomes its
// pseudonym, and any name or address in the rest of the message is scrubbed like other free text.
void anonymize_import_issues(Org& org, const Pseudonymizer& p, const NameScrubber& names) {
  for (ImportIssue& issue : org.import_log->issues) {
    if (!issue.entity_id.empty() && org.find_unit(issue.entity_id) == kNoIndex) {
      const std::string quoted = "'" + issue.entity_id + "'";
      issue.entity_id = p.person_id(issue.entity_id);
      for (auto at = issue.message.find(quoted); at != std::string::npos; at = issue.message.find(quoted, at + 1))
        issue.message.replace(at, quoted.size(), "'" + issue.entity_id + "'");
    }
    scrub(issue.message, p, names);
  }
}

// `distinct_before`: how many distinct person ids the org had before they were replaced.
void check_no_collision(const Org& org, std::size_t distinct_before) {
  std::unordered_set<std::string> distinct_after;
  for (const Person& person : org.people) distinct_after.insert(person.id.str());
  if (distinct_after.size() < distinct_before)
    throw PseudonymKeyError("two person ids share a pseudonym under this key; choose another key");
}

}  // namespace

bool is_personal_attribute(std::string_view name) {
  const std::vector<std::string> words = words_of(name);
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (kPersonalWords.count(words[i])) return true;
    // "E-mail" splits into "e" "mail"; "first name" into two words: both are covered above.
    if (i + 1 < words.size() && kPersonalWords.count(words[i] + words[i + 1])) return true;
  }
  return false;
}

bool looks_like_email(std::string_view value) {
  const auto at = value.find('@');
  if (at == std::string_view::npos || at == 0) return false;
  const auto dot = value.find('.', at + 2);
  return dot != std::string_view::npos && dot + 1 < value.size() && value.find(' ') == std::string_view::npos;
}

void anonymize_org(Org& org, const Pseudonymizer& p) {
  // Every name is known before any text is scrubbed: a title may name someone further down.
  std::vector<std::string> ids(org.people.size());
  NameScrubber names;
  const std::size_t distinct_ids = org.person_ids.size();  // the lookup counts the original ids
  for (std::size_t i = 0; i < org.people.size(); ++i) {
    ids[i] = p.person_id(org.people[i].id);
    if (!org.people[i].name.empty()) names.add(org.people[i].name.str(), Pseudonymizer::person_name_of_pseudonym(ids[i]));
  }
  scrub(org.name, p, names);
  for (std::size_t i = 0; i < org.people.size(); ++i) {
    Person& person = org.people[i];
    person.id = org.text(ids[i]);
    if (!person.name.empty()) person.name = org.text(Pseudonymizer::person_name_of_pseudonym(ids[i]));
    scrub(org, person.title, p, names);
    if (!person.manager_id.empty()) person.manager_id = org.interned(p.person_id(person.manager_id));
    for (Text& dotted : person.dotted_ids) dotted = org.interned(p.person_id(dotted));
    if (person.approvers) {
      Approvers pseudonymous = *person.approvers;
      for (std::string* approver : {&pseudonymous.hiring_id, &pseudonymous.pay_id})
        if (!approver->empty()) *approver = p.person_id(*approver);
      person.approvers = std::make_shared<const Approvers>(std::move(pseudonymous));
    }
    anonymize_attributes(org, person.attributes, p, names);
  }
  for (Unit& unit : org.units) {
    scrub(unit.name, p, names);
    if (!unit.owner_id.empty()) unit.owner_id = p.person_id(unit.owner_id);
    if (unit.has_ecosystem()) {
      Rights& rights = unit.ecosystem().rights;
      for (RightHolder* right : {&rights.decision, &rights.people, &rights.pay})
        right->holder = person_or_unit(org, right->holder, p);
    }
    anonymize_attributes(org, unit.attributes, p, names);
  }
  for (Link& link : org.links) {
    link.from.id = person_or_unit(org, link.from.id, p);
    link.to.id = person_or_unit(org, link.to.id, p);
  }
  anonymize_import_issues(org, p, names);
  check_no_collision(org, distinct_ids);
  org.resolve();
}

}  // namespace orgaudit
