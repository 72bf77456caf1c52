// --anonymize: replaces the personal data in an org with pseudonyms before any rule runs, so every
// message, report and map is written from the pseudonymised org and cannot leak what it never saw.
//
// Replaced (docs/config.md, "Anonymised reports"):
//   - person ids, everywhere they appear: people, managers, dotted lines, unit owners, right
//     holders, link ends, importers' issues (employee numbers are personal data, often guessable);
//   - person names;
//   - attributes, of people and of units, whose name marks them as personal (email, phone, name,
//     address, birth date, ...: see is_personal_attribute);
//   - inside free text (titles, unit and org names, other attributes): e-mail addresses, and the
//     full names of the org's people.
// Kept, because the structure is what the report is about: unit ids and names, titles, grades,
// FTE, flags, metrics, dates, the org's name and the input file names. A unique title ("Chief
// Executive") still points at one person: the report is pseudonymous, not anonymous.
#pragma once

#include <string_view>

#include "orgaudit/model.h"
#include "workflow/pseudonym.h"

namespace orgaudit {

// Whether an attribute with this name holds personal data. Matches whole words of the name
// ("Contact E-mail", "home_phone", "firstName"), so "hotel" or "telemetry" are not mistaken for
// "tel".
bool is_personal_attribute(std::string_view name);

// Whether a value looks like an e-mail address (something@domain.tld).
bool looks_like_email(std::string_view value);

// Pseudonymises a resolved `org` in place (unit ids are told apart from person ids through its
// index) and resolves it again. Structure (indices, metrics) is unchanged.
// Throws PseudonymKeyError if two distinct person ids would share a pseudonym (never seen; checked
// because a silent merge of two people would corrupt the audit).
void anonymize_org(Org& org, const Pseudonymizer& pseudonyms);

}  // namespace orgaudit
