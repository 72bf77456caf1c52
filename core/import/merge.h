// Several inputs, one org: people from an HR export, units, rights and contracts from YAML. Each
// input is read into a part of its own and merged here, so the rule is the same whatever the
// formats: an id is defined by one input; the others may refer to it.
#pragma once

#include <string>
#include <vector>

#include "orgaudit/model.h"
#include "util/diagnostic.h"

namespace orgaudit::import {

// Adds `part` (read from `path`) to `org`. `part.files` must extend `org.files` (load each part
// with a copy of org.files). A person or unit id defined by both is an InputError at the second
// definition naming the first and what differs; an implied unit (made from an export's unit
// column) gives way to a definition of the same id. The org's name and as-of date come from the
// first input that gives them; a different value later is a warning.
void merge_into(Org& org, Org&& part, const std::string& path, std::vector<Diagnostic>& warnings);

// After Org::resolve(): implied units with no owner get one, inferred from the reporting lines.
// The owner is the member whose manager is outside the unit and who has most direct reports
// inside it (the first in input order on a tie); a unit of aggregate rows only (organogram junior
// posts) is owned by the senior post most of them report to.
void infer_unit_owners(Org& org);

// Warnings for implied units when other inputs define units: a unit-column value that matches no
// definition is probably a name where an id was meant, so it is named rather than kept silently.
void warn_unmatched_units(const Org& org, std::vector<Diagnostic>& warnings);

}  // namespace orgaudit::import
