#include "loader/yaml_entities.h"

#include <string>
#include <vector>

#include "util/text.h"

namespace orgaudit::yaml {
namespace {

// Key lists double as did-you-mean candidates and, by position, as the dispatch enums below.
const std::vector<std::string> kPersonKeys = {
    "id", "name", "title", "grade", "manager", "dotted", "unit", "fte", "assistant",
    "contractor", "vacant", "user_facing", "external", "aggregate", "attributes", "hiring_approver",
    "pay_approver", "top"};
enum PersonKey { p_id, p_name, p_title, p_grade, p_manager, p_dotted, p_unit, p_fte, p_assistant,
                 p_contractor, p_vacant, p_user_facing, p_external, p_aggregate, p_attributes,
                 p_hiring_approver, p_pay_approver, p_top };

const std::vector<std::string> kUnitKeys = {
    "id", "name", "kind", "parent", "owner", "user_facing", "members", "rights", "metrics",
    "contract", "win_win", "attributes"};
enum UnitKey { u_id, u_name, u_kind, u_parent, u_owner, u_user_facing, u_members, u_rights,
               u_metrics, u_contract, u_win_win, u_attributes };

const std::vector<std::string> kLinkKeys = {"from", "to", "kind", "weight"};
enum LinkKey { l_from, l_to, l_kind, l_weight };

const std::vector<std::string> kOrgKeys = {"name", "as_of"};
const std::vector<std::string> kRightKeys = {"decision", "people", "pay"};
const std::vector<std::string> kContractKeys = {"updated", "objectives", "value_sharing",
                                                "loss_threshold"};
const std::vector<std::string> kWinWinSeries = {"user_resources", "resource_providers",
                                                "platform_value", "revenues", "costs",
                                                "marginal_gains"};
const std::vector<std::string> kUnitKinds = {"platform", "emc", "me", "department",
                                             "shared-service", "external-partner"};

int index_of(const std::string& key, const std::vector<std::string>& keys) {
  for (std::size_t i = 0; i < keys.size(); ++i)
    if (keys[i] == key) return static_cast<int>(i);
  return -1;
}

void expect_entity(Fields& f, NodeId map, const char* what) {
  if (f.node(map).kind != Node::mapping)
    f.fail(map, std::string("expected ") + what + " (a mapping with at least 'id'), got " +
                    kind_name(f.node(map).kind));
}

void set_flag(std::uint8_t& flags, PersonFlag flag, bool on) {
  flags = on ? static_cast<std::uint8_t>(flags | flag) : static_cast<std::uint8_t>(flags & ~flag);
}

void read_rights(Fields& f, NodeId value, Rights& rights) {
  if (f.node(value).kind == Node::null) return;
  f.expect(value, Node::mapping, "rights", "a mapping of decision/people/pay to 'self' or an id");
  rights.stated = true;
  for_each_entry(f.tree(), value, [&](NodeId key, NodeId holder) {
    int which = index_of(f.node(key).text, kRightKeys);
    if (which < 0) return f.unknown_key(key, "rights", kRightKeys);
    RightHolder& right = which == 0 ? rights.decision : which == 1 ? rights.people : rights.pay;
    if (f.node(holder).kind == Node::null) return;
    right.holder = f.id(holder, kRightKeys[which].c_str());
    right.where = f.where(holder);
  });
}

// `metrics:` and `win_win:`: a `periods` row of labels and one row of numbers per series.
void read_table(Fields& f, NodeId key, NodeId value, PeriodTable& table, bool win_win) {
  const char* field = win_win ? "win_win" : "metrics";
  if (f.node(value).kind == Node::null) return;
  f.expect(value, Node::mapping, field, "a mapping with 'periods' and one list of numbers per series");
  table.where = f.where(key);
  bool has_periods = false;
  for_each_entry(f.tree(), value, [&](NodeId name, NodeId row) {
    const std::string& series_name = f.node(name).text;
    if (series_name == "periods") {
      has_periods = true;
      f.expect(row, Node::sequence, "periods", "a list of period labels");
      for_each_item(f.tree(), row, [&](NodeId label) {
        if (f.node(label).kind != Node::scalar || f.node(label).text.empty())
          f.fail(label, "expected a period label (such as 2026-09) in 'periods'");
        table.periods.push_back(f.text(label, "periods"));
      });
      return;
    }
    if (win_win && index_of(series_name, kWinWinSeries) < 0)
      return f.unknown_key(name, "win_win", kWinWinSeries);
    f.expect(row, Node::sequence, series_name.c_str(), "a list of numbers, one per period");
    MetricSeries series;
    series.name = series_name;
    series.where = f.where(name);
    series.values.reserve(f.node(row).count);
    for_each_item(f.tree(), row, [&](NodeId item) {
      double number = f.number(item, series_name.c_str());
      if (number < 0 && series_name == "headcount")
        f.fail(item, "headcount cannot be negative, got " + f.node(item).text);
      series.values.push_back(number);
    });
    table.series.push_back(std::move(series));
  });
  if (!has_periods && !table.series.empty())
    f.fail(key, std::string("'") + field + "' has series but no 'periods' row to label them");
  for (const MetricSeries& series : table.series) {
    if (series.values.size() != table.periods.size())
      f.source().fail(series.where.line, series.where.column,
                      "'" + series.name + "' has " + std::to_string(series.values.size()) +
                          " values but 'periods' has " + std::to_string(table.periods.size()));
  }
}

void read_contract(Fields& f, NodeId key, NodeId value, EmcContract& contract) {
  if (f.node(value).kind == Node::null) return;
  f.expect(value, Node::mapping, "contract", "a mapping (updated, objectives, value_sharing, ...)");
  contract.present = true;
  contract.where = f.where(key);
  for_each_entry(f.tree(), value, [&](NodeId name, NodeId item) {
    switch (index_of(f.node(name).text, kContractKeys)) {
      case 0: contract.updated = f.date(item, "updated"); break;
      case 1: f.texts(item, "objectives", contract.objectives, false); break;
      case 2: contract.value_sharing = f.text(item, "value_sharing"); break;
      case 3: contract.loss_threshold = f.number(item, "loss_threshold"); break;
      default: f.unknown_key(name, "contract", kContractKeys);
    }
  });
}

void read_kind(Fields& f, NodeId value, Unit& unit) {
  if (f.node(value).kind == Node::null) return;
  f.expect(value, Node::scalar, "kind", "a unit kind");
  const std::string& text = f.node(value).text;
  if (std::optional<UnitKind> kind = parse_unit_kind(text)) {
    unit.kind = *kind;
    return;
  }
  std::string message = "unknown unit kind '" + text + "'";
  std::string suggestion = did_you_mean(text, kUnitKinds);
  if (!suggestion.empty()) message += "; did you mean '" + suggestion + "'?";
  message += " (expected one of platform, emc, me, department, shared-service, external-partner)";
  f.fail(value, std::move(message));
}

}  // namespace

void read_person(Fields& f, NodeId map, Person& p) {
  expect_entity(f, map, "a person");
  p.where = f.where(map);
  bool has_id = false;
  for_each_entry(f.tree(), map, [&](NodeId key, NodeId value) {
    int which = index_of(f.node(key).text, kPersonKeys);
    switch (which) {
      case p_id: p.id = f.pool().add(f.id(value, "id")), has_id = true; break;
      case p_name: p.name = f.pool().add(f.text(value, "name")); break;
      case p_title: p.title = f.pool().intern(f.text(value, "title")); break;
      case p_grade: p.grade = f.pool().intern(f.text(value, "grade")); break;
      case p_manager:
        p.manager_id = f.pool().intern(f.text(value, "manager"));
        p.manager_where = f.where(value);
        break;
      case p_dotted:
        f.texts(value, "dotted", p.dotted_ids, true);
        p.dotted_where = f.where(value);
        break;
      case p_unit: p.unit_id = f.pool().intern(f.text(value, "unit")); break;
      case p_fte:
        p.fte = f.number(value, "fte");
        if (p.fte < 0) f.fail(value, "'fte' cannot be negative, got " + f.node(value).text);
        break;
      case p_assistant: set_flag(p.flags, kAssistant, f.boolean(value, "assistant")); break;
      case p_contractor: set_flag(p.flags, kContractor, f.boolean(value, "contractor")); break;
      case p_vacant: set_flag(p.flags, kVacant, f.boolean(value, "vacant")); break;
      case p_user_facing: set_flag(p.flags, kUserFacing, f.boolean(value, "user_facing")); break;
      case p_external: set_flag(p.flags, kExternal, f.boolean(value, "external")); break;
      case p_aggregate: set_flag(p.flags, kAggregate, f.boolean(value, "aggregate")); break;
      case p_top: set_flag(p.flags, kDeclaredRoot, f.boolean(value, "top")); break;
      case p_attributes: f.attributes(value, p.attributes); break;
      case p_hiring_approver: p.set_approver(&Approvers::hiring_id, f.text(value, "hiring_approver")); break;
      case p_pay_approver: p.set_approver(&Approvers::pay_id, f.text(value, "pay_approver")); break;
      default: f.unknown_key(key, "person", kPersonKeys);
    }
  });
  if (!has_id) f.fail(map, "person has no 'id'");
}

void read_unit(Fields& f, NodeId map, Unit& u) {
  expect_entity(f, map, "a unit");
  u.where = f.where(map);
  bool has_id = false;
  for_each_entry(f.tree(), map, [&](NodeId key, NodeId value) {
    switch (index_of(f.node(key).text, kUnitKeys)) {
      case u_id: u.id = f.id(value, "id"), has_id = true; break;
      case u_name: u.name = f.text(value, "name"); break;
      case u_kind: read_kind(f, value, u); break;
      case u_parent:
        u.parent_id = f.text(value, "parent");
        u.parent_where = f.where(value);
        break;
      case u_owner:
        u.owner_id = f.text(value, "owner");
        u.owner_where = f.where(value);
        break;
      case u_user_facing: u.user_facing = f.boolean(value, "user_facing"); break;
      case u_members: f.texts(value, "members", u.member_ids, true); break;
      case u_rights: read_rights(f, value, u.ecosystem().rights); break;
      case u_metrics: read_table(f, key, value, u.ecosystem().metrics, false); break;
      case u_contract: read_contract(f, key, value, u.ecosystem().contract); break;
      case u_win_win: read_table(f, key, value, u.ecosystem().win_win, true); break;
      case u_attributes: f.attributes(value, u.attributes); break;
      default: f.unknown_key(key, "unit", kUnitKeys);
    }
  });
  if (!has_id) f.fail(map, "unit has no 'id'");
}

void read_link(Fields& f, NodeId map, Link& link) {
  if (f.node(map).kind != Node::mapping)
    f.fail(map, std::string("expected a link (a mapping with 'from' and 'to'), got ") +
                    kind_name(f.node(map).kind));
  link.where = f.where(map);
  bool has_from = false, has_to = false;
  for_each_entry(f.tree(), map, [&](NodeId key, NodeId value) {
    switch (index_of(f.node(key).text, kLinkKeys)) {
      case l_from: link.from.id = f.id(value, "from"), has_from = true; break;
      case l_to: link.to.id = f.id(value, "to"), has_to = true; break;
      case l_kind: {
        std::string kind = f.node(value).kind == Node::null ? "" : f.text(value, "kind");
        if (kind == "contract") link.kind = LinkKind::contract;
        else if (kind.empty() || kind == "collaboration") link.kind = LinkKind::collaboration;
        else {
          std::string suggestion = did_you_mean(kind, {"collaboration", "contract"});
          f.fail(value, "unknown link kind '" + kind + "'" +
                            (suggestion.empty() ? "" : "; did you mean '" + suggestion + "'?") +
                            " (expected collaboration or contract)");
        }
        break;
      }
      case l_weight:
        link.weight = f.number(value, "weight");
        if (link.weight <= 0) f.fail(value, "'weight' must be greater than 0, got " + f.node(value).text);
        break;
      default: f.unknown_key(key, "link", kLinkKeys);
    }
  });
  if (!has_from) f.fail(map, "link has no 'from'");
  if (!has_to) f.fail(map, "link has no 'to'");
}

void read_org_block(Fields& f, NodeId map, Org& org) {
  if (f.node(map).kind == Node::null) return;
  f.expect(map, Node::mapping, "org", "a mapping (name, as_of)");
  for_each_entry(f.tree(), map, [&](NodeId key, NodeId value) {
    switch (index_of(f.node(key).text, kOrgKeys)) {
      case 0: {
        std::string name = f.text(value, "name");
        if (org.name.empty()) org.name = std::move(name);
        else if (!name.empty() && name != org.name)
          f.source().warn(f.node(value).line, f.node(value).column,
                          "org name '" + name + "' differs from '" + org.name +
                              "' given by an earlier file; keeping '" + org.name + "'");
        break;
      }
      case 1: {
        Date as_of = f.date(value, "as_of");
        if (!org.as_of) org.as_of = as_of;
        else if (as_of.days_since_epoch() != org.as_of->days_since_epoch())
          f.source().warn(f.node(value).line, f.node(value).column,
                          "as_of " + as_of.to_string() + " differs from " + org.as_of->to_string() +
                              " given by an earlier file; keeping " + org.as_of->to_string());
        break;
      }
      default: f.unknown_key(key, "org", kOrgKeys);
    }
  });
}

}  // namespace orgaudit::yaml
