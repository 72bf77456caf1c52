// What the Rendanheyi rules share: how they name entities and numbers in messages, and how they read
// per-period series (metrics and win-win statements). Graph facts (distances to users, lateral ties,
// E-I inputs, single bridges) are not here: the core computes them once (OrgMetrics::network).
//
// Names are untrusted input; they are embedded raw, and each output writer escapes for its syntax.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "orgaudit/message_text.h"
#include "orgaudit/model.h"

namespace orgaudit::rendanheyi {

// ---- naming (quoted() and count_of() are the SDK's, orgaudit/message_text.h) -----------------------

// "'Name' (title)" when the record has a title: which post a consultant is talking about.
std::string person_with_title(const Person& person);

// "a", "a and b", "a, b and c".
std::string joined(const std::vector<std::string>& items);

// A number as a person writes it: 17, 16.5, 4.25, -0.71 (at most two decimals, no trailing zeros).
std::string number(double value);

// "+84%", "-1%", "0%".
std::string percent_change(double from, double to);

// ---- units ----------------------------------------------------------------------------------------

// Micro-enterprises, EMCs, ... in the file's order.
std::vector<UnitIndex> units_of_kind(const Org& org, UnitKind kind);

bool is_person_of(const Org& org, PersonIndex person, UnitIndex unit);

// ---- per-period series ----------------------------------------------------------------------------

// How many periods at the end of the series each fell below the one before: [4.6, 4.4, 4.1] -> 2.
std::size_t trailing_falls(const std::vector<double>& values);

// How many periods at the end of the series are zero (or less): [1, 0, 0] -> 2.
std::size_t trailing_zeros(const std::vector<double>& values);

// Profit per period: the `profit` series, else `revenue` minus `costs` (empty when neither is there).
std::vector<double> profit_per_period(const PeriodTable& table);

// How many periods at the end of the series made a loss (profit below zero).
std::size_t trailing_losses(const std::vector<double>& profit);

// The label of period i, or "period i+1" when the table has no labels for it.
std::string period_label(const PeriodTable& table, std::size_t i);

}  // namespace orgaudit::rendanheyi
