// The one org model every loader fills and every rule reads.
//
// Entities refer to each other by id as written in the input (`manager_id`, `unit_id`, ...); the
// core resolves those ids to indices once (Org::resolve) so rules never look strings up again.
#pragma once

#include <cstdint>
#include <functional>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "orgaudit/date.h"
#include "orgaudit/export.h"
#include "orgaudit/id_lookup.h"
#include "orgaudit/source_location.h"
#include "orgaudit/text.h"

namespace orgaudit {

using PersonIndex = std::uint32_t;
using UnitIndex = std::uint32_t;

// Free-form attributes (location, cost centre, function...) kept in input order.
struct Attribute {
  Text key;
  Text value;
};

enum PersonFlag : std::uint8_t {
  kAssistant = 1u << 0,
  kContractor = 1u << 1,
  kVacant = 1u << 2,
  kUserFacing = 1u << 3,
  kExternal = 1u << 4,
  // Not an individual: an aggregate of `fte` posts (UK organogram junior rows). An aggregate is a
  // senior post's junior command, not its direct reports: it counts in unit FTE, never in spans or
  // layers (docs/import.md, "UK organograms").
  kAggregate = 1u << 5,
  // At the top by the input's own word (an organogram's `XX`: reports outside the organisation),
  // so a root that is meant, not an extra root to fix.
  kDeclaredRoot = 1u << 6,
};

// A person or a post (position-based exports keep vacant posts in the tree).
// Who approves a person's hiring and pay, where the HR system records it: the rule catalogue's
// alternative to an ME's `rights` block for its people and pay rights. Ids as written.
struct Approvers {
  std::string hiring_id;
  std::string pay_id;
  // Filled by Org::resolve(): the people those ids name (kNoIndex for none, or no such person).
  PersonIndex hiring = kNoIndex;
  PersonIndex pay = kNoIndex;
};

// Strings are Text held by the org (Org::text, Org::interned) and short lists SmallLists, so that a
// person costs 144 bytes here, not 336: a 3-million-person export fits a laptop.
struct Person {
  Text id;
  Text name;
  Text title;
  Text grade;
  Text manager_id;  // solid line, as written; empty for a root
  SmallList<Text> dotted_ids;
  Text unit_id;
  // Null when none is recorded. Few exports carry approvers, so they are kept out of line: a million
  // people without them cost a pointer each, not two strings. Copies of a person share the record,
  // so it is replaced (set_approver), never changed in place.
  std::shared_ptr<const Approvers> approvers;
  double fte = 1.0;
  SmallList<Attribute> attributes;

  SourceLocation where;          // the entity itself
  SourceLocation manager_where;  // the manager field, for "manager not found"
  SourceLocation dotted_where;   // the dotted-line field, for "dotted-line manager not found"

  std::uint8_t flags = 0;  // PersonFlag bits; placed here, beside the 4-byte fields, to save padding

  // Filled by Org::resolve().
  PersonIndex manager = kNoIndex;
  UnitIndex unit = kNoIndex;
  SmallList<PersonIndex> dotted;

  bool has(PersonFlag flag) const { return (flags & flag) != 0; }

  // The approver id in `which` (&Approvers::hiring_id or &Approvers::pay_id); empty when none.
  std::string_view approver(std::string Approvers::*which) const {
    return approvers ? std::string_view(approvers.get()->*which) : std::string_view();
  }
  // The approver in `which` (&Approvers::hiring or &Approvers::pay) as resolved; kNoIndex when none.
  PersonIndex approver(PersonIndex Approvers::*which) const { return approvers ? approvers.get()->*which : kNoIndex; }
  // Sets one approver id; an empty id leaves the record as it is.
  void set_approver(std::string Approvers::*which, std::string id) {
    if (id.empty()) return;
    auto next = approvers ? std::make_shared<Approvers>(*approvers) : std::make_shared<Approvers>();
    (*next).*which = std::move(id);
    approvers = std::move(next);
  }
};

enum class UnitKind : std::uint8_t {
  unspecified,
  platform,
  emc,
  me,
  department,
  shared_service,
  external_partner,
};

ORGAUDIT_API const char* to_string(UnitKind kind);
ORGAUDIT_API std::optional<UnitKind> parse_unit_kind(const std::string& text);

// Who holds one of an ME's three rights: "self", or the id of the holder (a unit or a person).
struct RightHolder {
  std::string holder;  // empty: not stated
  SourceLocation where;
  // Filled by Org::resolve(): the unit the id names or, when no unit has it, the person (kNoIndex
  // for "self", for nobody, and in the other field).
  UnitIndex unit = kNoIndex;
  PersonIndex person = kNoIndex;

  bool stated() const { return !holder.empty(); }
  bool held_by_self() const { return holder == "self"; }
};

// Rendanheyi's three rights of a micro-enterprise.
struct Rights {
  RightHolder decision;
  RightHolder people;
  RightHolder pay;
  bool stated = false;
};

// One named series of per-period values (headcount, revenue, user_feedback, ...).
struct MetricSeries {
  std::string name;
  std::vector<double> values;
  SourceLocation where;
};

// Values per period; `periods` labels the columns ("2026-09", "2026-Q3", ...).
struct PeriodTable {
  std::vector<std::string> periods;
  std::vector<MetricSeries> series;
  SourceLocation where;

  bool empty() const { return series.empty(); }
  ORGAUDIT_API const MetricSeries* find(const std::string& name) const;
};

// The contract that binds an EMC's members: updated monthly, with joint objectives and value sharing.
struct EmcContract {
  bool present = false;
  std::optional<Date> updated;
  std::vector<std::string> objectives;
  std::string value_sharing;
  std::optional<double> loss_threshold;
  SourceLocation where;
};

// What a self-governing unit records beyond its place in the tree: an ME's three rights, its
// metrics, an EMC's contract and win-win statement. Most units of an HR export are departments
// with none of these, so a unit keeps them out of line (Unit::ecosystem).
struct EcosystemRecords {
  Rights rights;
  PeriodTable metrics;
  EmcContract contract;
  PeriodTable win_win;  // win-win value-added statement, one series per element
};

namespace detail {

// An optional value on the heap, copied with its owner: one pointer where the value is absent.
template <typename T>
class Boxed {
 public:
  Boxed() = default;
  Boxed(const Boxed& other) : value_(other.value_ ? std::make_unique<T>(*other.value_) : nullptr) {}
  Boxed(Boxed&&) noexcept = default;
  Boxed& operator=(const Boxed& other) {
    if (this != &other) value_ = other.value_ ? std::make_unique<T>(*other.value_) : nullptr;
    return *this;
  }
  Boxed& operator=(Boxed&&) noexcept = default;

  const T* get() const { return value_.get(); }
  T& get_or_make() {
    if (!value_) value_ = std::make_unique<T>();
    return *value_;
  }

 private:
  std::unique_ptr<T> value_;
};

ORGAUDIT_API const EcosystemRecords& no_ecosystem_records();  // all empty: what a department has

}  // namespace detail

struct Unit {
  std::string id;
  std::string name;
  UnitKind kind = UnitKind::unspecified;
  std::string parent_id;
  std::string owner_id;  // a person id
  bool user_facing = false;
  std::vector<std::string> member_ids;  // an EMC's member units (MEs, external partners)
  SmallList<Attribute> attributes;
  // An HR export's view of a unit (a value in a unit column, an XML OrganizationUnit) rather than an
  // org-chart-as-code definition: a definition of the same id in another input replaces it, and
  // its owner, when the export names none, is inferred from the reporting lines.
  bool implied = false;

  SourceLocation where;
  SourceLocation parent_where;
  SourceLocation owner_where;

  // Filled by Org::resolve().
  UnitIndex parent = kNoIndex;
  PersonIndex owner = kNoIndex;
  std::vector<UnitIndex> members;

  const Rights& rights() const { return records().rights; }
  const PeriodTable& metrics() const { return records().metrics; }
  const EmcContract& contract() const { return records().contract; }
  const PeriodTable& win_win() const { return records().win_win; }
  // The records to fill or change, made on first use; readers use the accessors above, which make
  // nothing.
  EcosystemRecords& ecosystem() { return ecosystem_.get_or_make(); }
  bool has_ecosystem() const { return ecosystem_.get() != nullptr; }

 private:
  const EcosystemRecords& records() const {
    return ecosystem_.get() ? *ecosystem_.get() : detail::no_ecosystem_records();
  }

  detail::Boxed<EcosystemRecords> ecosystem_;
};

// A lateral tie, between people or between units.
enum class LinkKind : std::uint8_t { collaboration, contract };

ORGAUDIT_API const char* to_string(LinkKind kind);

struct LinkEnd {
  std::string id;
  bool is_unit = false;                // filled by resolve(): which namespace the id was found in
  std::uint32_t index = kNoIndex;      // person or unit index
};

struct Link {
  LinkKind kind = LinkKind::collaboration;
  LinkEnd from;
  LinkEnd to;
  double weight = 1.0;
  SourceLocation where;
};

// An id that names no entity, or names two: kept for structure-integrity rather than failing loads
// from sources (HR exports) where one bad row must not refuse the whole file.
struct ReferenceProblem {
  enum Kind : std::uint8_t { unknown_manager, unknown_dotted_manager, unknown_unit, unknown_parent_unit,
                             unknown_owner, unknown_member, unknown_link_end, duplicate_person,
                             duplicate_unit };
  Kind kind;
  std::string id;           // the id that could not be resolved or was repeated
  bool is_unit_entity;      // which entity carries the reference
  std::uint32_t entity;     // its index
  SourceLocation where;     // the offending field
  std::uint32_t first_use = kNoIndex;  // duplicate_*: the earlier entity the id resolves to
};

namespace detail {

struct ImportLog;  // the host's (core/model/import_log.h): what importers could not use

// Holds the host's import log with the org, copied with it. Not part of the SDK: a pack sees that
// the log exists, not what is in it; the host's import-* rules report it.
class ORGAUDIT_API ImportLogHandle {
 public:
  ImportLogHandle();
  ~ImportLogHandle();
  ImportLogHandle(const ImportLogHandle& other);
  ImportLogHandle(ImportLogHandle&& other) noexcept;
  ImportLogHandle& operator=(const ImportLogHandle& other);
  ImportLogHandle& operator=(ImportLogHandle&& other) noexcept;

  ImportLog* operator->() { return log_.get(); }
  const ImportLog* operator->() const { return log_.get(); }

 private:
  std::unique_ptr<ImportLog> log_;
};

}  // namespace detail

// Who an org counts: individuals (people and posts) and, apart, aggregate rows with their FTE.
struct Headcount {
  std::size_t people = 0;          // individuals: every person not an aggregate
  std::size_t aggregate_rows = 0;
  double aggregate_fte = 0;
};

struct Org {
  std::string name;
  std::optional<Date> as_of;
  std::vector<std::string> files;  // indexed by SourceLocation::file
  std::vector<Person> people;
  std::vector<Unit> units;
  std::vector<Link> links;
  // The characters of every Text in this org; its copies share them (copies only add texts).
  detail::TextPoolHandle texts;
  detail::ImportLogHandle import_log;  // the host's: rows HR-export importers read and could not use

  // Filled by resolve(): where each id's first entity is (find_person, find_unit).
  IdLookup person_ids;
  IdLookup unit_ids;
  std::vector<ReferenceProblem> reference_problems;

  ORGAUDIT_API FileIndex add_file(const std::string& path);
  const std::string& file_of(const SourceLocation& where) const { return files.at(where.file); }

  // A Text of this org: `text` stores each call's characters (ids, names), `interned` once per
  // distinct value (titles, grades, unit ids, attribute keys and values).
  Text text(std::string_view characters) { return texts->add(characters); }
  Text interned(std::string_view characters) { return texts->intern(characters); }

  ORGAUDIT_API PersonIndex find_person(std::string_view id) const;
  ORGAUDIT_API Headcount headcount() const;
  ORGAUDIT_API UnitIndex find_unit(std::string_view id) const;

  // Builds the id indexes and turns every id reference into an index. Never throws on bad data:
  // what cannot be resolved is recorded in reference_problems for structure-integrity to report.
  ORGAUDIT_API void resolve();
};

// The org's size in words, as every report heads it: "979 people", or, when aggregate rows stand
// for junior staff, "216 senior posts and 1,683 junior FTE" (rows are not people). A report has
// the headcount its run counted (RunResult::headcount); the Org forms count it here.
ORGAUDIT_API std::string headcount_text(const Headcount& headcount);
ORGAUDIT_API std::string headcount_text(const Org& org);
// "979 people and 18 units", or "216 senior posts and 1,683 junior FTE in 18 units".
ORGAUDIT_API std::string headcount_and_units_text(const Headcount& headcount, std::size_t units);
ORGAUDIT_API std::string headcount_and_units_text(const Org& org);

}  // namespace orgaudit
