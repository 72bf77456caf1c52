#include "yaml_rules/definition.h"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "config/rule_settings.h"
#include "scoring/scoring.h"
#include "util/diagnostic.h"
#include "util/text.h"

namespace orgaudit::yaml_rules {
namespace {

const std::vector<std::string> kFileKeys{"orgaudit-rules", "rules"};
const std::vector<std::string> kRuleKeys{"id", "summary", "severity", "dimension", "doc", "options",
                                         "select", "counts", "where", "message"};
const std::vector<std::string> kOptionKeys{"type", "default", "description"};
const std::vector<std::string> kCountKeys{"of", "where"};
constexpr std::size_t kMaxNodes = 1000;    // tests and combinators in one condition
constexpr std::size_t kMaxUnitSets = 64;   // in-unit tests in one rule

struct TestName {
  const char* name;
  Test test;
};
const TestName kTests[] = {{"is", Test::is},         {"is-not", Test::is_not},     {"above", Test::above},
                           {"below", Test::below},   {"at-least", Test::at_least}, {"at-most", Test::at_most},
                           {"in", Test::in},         {"not-in", Test::not_in},     {"like", Test::like},
                           {"exists", Test::exists}};

std::string near(const std::string& word, const std::vector<std::string>& candidates) {
  const std::string close = did_you_mean(word, candidates);
  return close.empty() ? "" : "; did you mean '" + close + "'?";
}

void check_keys(const YAML::Node& map, const std::vector<std::string>& known, const std::string& where,
                const std::string& file) {
  for (const auto& item : map) {
    if (!item.first.IsScalar()) fail_at(item.first, file, "a key in " + where + " must be a plain string");
    const std::string key = item.first.Scalar();
    if (std::find(known.begin(), known.end(), key) == known.end())
      fail_at(item.first, file, "unknown key '" + key + "' in " + where + near(key, known));
  }
}

bool kebab_case(const std::string& id) {
  const bool chars = std::all_of(id.begin(), id.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
  return chars && !id.empty() && id.front() != '-' && id.back() != '-' && id.find("--") == std::string::npos;
}

bool is_numeric(Test t) { return t == Test::above || t == Test::below || t == Test::at_least || t == Test::at_most; }

bool parse_finite(const std::string& text, double& out) {
  const std::string t = trim(text);
  const auto [end, error] = std::from_chars(t.data(), t.data() + t.size(), out);
  return !t.empty() && error == std::errc() && end == t.data() + t.size() && std::isfinite(out);
}

std::optional<bool> parse_flag(const std::string& text) {
  if (text == "true" || text == "yes" || text == "on") return true;
  if (text == "false" || text == "no" || text == "off") return false;
  return std::nullopt;
}

std::vector<std::string> unit_kind_names() {
  std::vector<std::string> names;
  for (UnitKind k : {UnitKind::unspecified, UnitKind::platform, UnitKind::emc, UnitKind::me, UnitKind::department,
                     UnitKind::shared_service, UnitKind::external_partner})
    names.push_back(to_string(k));
  return names;
}

OrgView::Needs needs_of(const RuleDefinition& def) {
  OrgView::Needs needs;
  auto note = [&needs](const std::vector<FieldRef>& fields) {
    for (const FieldRef& f : fields) {
      needs.sub_units |= f.id == FieldId::sub_units;
      needs.unit_depth |= f.id == FieldId::unit_depth;
    }
  };
  note(def.select.fields);
  note(def.where.fields);
  note(def.message_fields);
  for (const Count& c : def.counts) {
    note(c.where.fields);
    needs.people_by_unit |= c.of == Count::people;
    needs.sub_units |= c.of == Count::sub_units;
  }
  return needs;
}

// Reads one rule: its keys in order, conditions compiled against the fields of its subject.
class RuleReader {
 public:
  RuleReader(const YAML::Node& rule, const std::string& file) : rule_(rule), file_(file) {}

  std::shared_ptr<const RuleDefinition> read() {
    if (!rule_.IsMap()) fail_at(rule_, file_, "a rule must be a mapping with id, summary, dimension, select, where and message");
    check_keys(rule_, kRuleKeys, "a rule", file_);
    auto def = std::make_shared<RuleDefinition>();
    def_ = def.get();
    def->file = file_;
    def->line = static_cast<std::uint32_t>(rule_.Mark().line + 1);
    def->column = static_cast<std::uint32_t>(rule_.Mark().column + 1);
    read_id();
    def->summary = trim(required_text("summary", "a one-line summary, for 'orgaudit rules'"));
    if (const YAML::Node severity = rule_["severity"]) {
      const std::string text = scalar_text(severity, file_, "severity");
      const auto parsed = parse_severity(text);
      if (!parsed) fail_at(severity, file_, "severity must be error, warning or info, got '" + text + "'" + near(text, {"error", "warning", "info"}));
      def->severity = *parsed;
    }
    read_dimension();
    if (const YAML::Node doc = rule_["doc"]) def->doc = scalar_text(doc, file_, "doc");
    if (const YAML::Node options = rule_["options"]) read_options(options);
    read_select();
    if (const YAML::Node counts = rule_["counts"]) read_counts(counts);
    const YAML::Node where = rule_["where"];
    if (!where) fail_at(rule_, file_, "rule '" + def->id + "' needs 'where': the condition that makes a finding");
    def->where.subject = def->select.subject;
    def->where.root = compile(where, def->where, true);
    read_message();
    def->needs = needs_of(*def);
    return def;
  }

 private:
  std::string required_text(const char* key, const char* what) {
    const YAML::Node node = rule_[key];
    if (!node) fail_at(rule_, file_, "rule '" + def_->id + "' needs '" + key + "': " + what);
    return scalar_text(node, file_, key);
  }

  void read_id() {
    const YAML::Node id = rule_["id"];
    if (!id) fail_at(rule_, file_, "a rule needs an 'id', e.g. custom-sales-team-size");
    def_->id = scalar_text(id, file_, "id");
    const auto dash = def_->id.find('-');
    if (!kebab_case(def_->id) || dash == std::string::npos)
      fail_at(id, file_, "rule id '" + def_->id + "' must be kebab-case with a prefix and a name, e.g. 'custom-" +
                             (kebab_case(def_->id) ? def_->id : "sales-team-size") + "'");
    def_->pack = def_->id.substr(0, dash);
  }

  void read_dimension() {
    const std::string text = required_text("dimension", "the score it counts in, e.g. Span health");
    const std::vector<std::string>& known = standard_dimensions();
    if (std::find(known.begin(), known.end(), text) == known.end()) {
      std::string list;
      for (const std::string& d : known) list += (list.empty() ? "" : ", ") + d;
      fail_at(rule_["dimension"], file_, "unknown dimension '" + text + "'" + near(text, known) + " (one of " + list + ")");
    }
    def_->dimension = text;
  }

  void read_options(const YAML::Node& options) {
    if (!options.IsMap()) fail_at(options, file_, "'options' must map option names to {type, default, description}");
    const std::vector<std::string> types{"integer", "number", "string", "boolean", "list"};
    for (const auto& item : options) {
      const std::string name = scalar_text(item.first, file_, "an option name");
      if (!kebab_case(name)) fail_at(item.first, file_, "option name '" + name + "' must be kebab-case, e.g. max-span");
      const YAML::Node& spec = item.second;
      if (!spec.IsMap()) fail_at(spec, file_, "option '" + name + "' must be a mapping with type and default");
      check_keys(spec, kOptionKeys, "option '" + name + "'", file_);
      if (!spec["type"]) fail_at(spec, file_, "option '" + name + "' needs a 'type' (integer, number, string, boolean or list)");
      if (!spec["default"]) fail_at(spec, file_, "option '" + name + "' needs a 'default'");
      OptionSpec o;
      o.name = name;
      const std::string type = scalar_text(spec["type"], file_, "type");
      const auto t = std::find(types.begin(), types.end(), type);
      if (t == types.end()) fail_at(spec["type"], file_, "unknown option type '" + type + "'" + near(type, types) + " (integer, number, string, boolean or list)");
      o.type = static_cast<OptionType>(t - types.begin());
      o.default_value = default_text(spec["default"], o);
      if (spec["description"]) o.description = scalar_text(spec["description"], file_, "description");
      def_->options.push_back(std::move(o));
    }
  }

  std::string default_text(const YAML::Node& value, const OptionSpec& o) {
    if (o.type == OptionType::list && value.IsSequence()) {
      std::string joined;
      for (const YAML::Node& item : value) joined += (joined.empty() ? "" : ",") + scalar_text(item, file_, "a list item");
      return joined;
    }
    const std::string text = scalar_text(value, file_, "default");
    double number = 0;
    const bool ok = o.type == OptionType::integer ? parse_finite(text, number) && number == std::floor(number)
                    : o.type == OptionType::number ? parse_finite(text, number)
                    : o.type == OptionType::boolean ? parse_flag(text).has_value() : true;
    if (!ok) fail_at(value, file_, "the default of option '" + o.name + "' must be " +
                                      (o.type == OptionType::integer ? "an integer" : o.type == OptionType::number ? "a number" : "true or false") +
                                      ", got '" + text + "'");
    if (o.type == OptionType::boolean) return *parse_flag(text) ? "true" : "false";
    return text;
  }

  void read_select() {
    const YAML::Node select = rule_["select"];
    if (!select) fail_at(rule_, file_, "rule '" + def_->id + "' needs 'select': people or units, with an optional filter");
    YAML::Node filter;
    std::string what;
    if (select.IsScalar()) {
      what = select.Scalar();
    } else if (select.IsMap() && select.size() == 1) {
      what = select.begin()->first.Scalar();
      filter = select.begin()->second;
    } else {
      fail_at(select, file_, "'select' must be 'people' or 'units', or a mapping of one of them to a filter");
    }
    if (what != "people" && what != "units")
      fail_at(select.IsMap() ? select.begin()->first : select, file_, "'select' chooses 'people' or 'units', got '" + what + "'" + near(what, {"people", "units"}));
    def_->select.subject = what == "people" ? Subject::person : Subject::unit;
    def_->select.root = compile(filter, def_->select, false);
  }

  void read_counts(const YAML::Node& counts) {
    if (!counts.IsMap()) fail_at(counts, file_, "'counts' must map names to {of, where}");
    const Subject subject = def_->select.subject;
    const std::vector<std::string> of_names = subject == Subject::person ? std::vector<std::string>{"reports"}
                                                                         : std::vector<std::string>{"people", "sub-units", "members"};
    for (const auto& item : counts) {
      Count count;
      count.name = scalar_text(item.first, file_, "a count's name");
      FieldRef clash;
      std::string unused;
      if (!kebab_case(count.name) || resolve_field(count.name, subject, {}, clash, unused))
        fail_at(item.first, file_, "count name '" + count.name + "' must be kebab-case and not the name of a field");
      const YAML::Node& spec = item.second;
      if (!spec.IsMap()) fail_at(spec, file_, "count '" + count.name + "' must be a mapping with 'of' and 'where'");
      check_keys(spec, kCountKeys, "count '" + count.name + "'", file_);
      if (!spec["of"]) fail_at(spec, file_, "count '" + count.name + "' needs 'of': what it counts");
      const std::string of = scalar_text(spec["of"], file_, "of");
      const auto found = std::find(of_names.begin(), of_names.end(), of);
      if (found == of_names.end()) {
        std::string list;
        for (const std::string& n : of_names) list += (list.empty() ? "" : ", ") + n;
        fail_at(spec["of"], file_, "a " + std::string(to_string(subject)) + "'s count is of " + list + ", not '" + of + "'" + near(of, of_names));
      }
      count.of = subject == Subject::person ? Count::reports
                 : of == "people"           ? Count::people
                 : of == "sub-units"        ? Count::sub_units
                                            : Count::member_units;
      count.where.subject = count.of == Count::reports || count.of == Count::people ? Subject::person : Subject::unit;
      count.where.root = compile(spec["where"], count.where, false);
      def_->counts.push_back(std::move(count));
    }
  }

  std::vector<CountName> visible_counts(bool with_counts) const {
    std::vector<CountName> names;
    if (with_counts)
      for (std::uint32_t i = 0; i < def_->counts.size(); ++i) names.push_back({def_->counts[i].name, i});
    return names;
  }

  FieldRef field_at(const YAML::Node& key, const std::string& path, Subject subject, bool with_counts) {
    FieldRef field;
    std::string error;
    if (!resolve_field(path, subject, visible_counts(with_counts), field, error)) fail_at(key, file_, error);
    if (field.id == FieldId::metric &&
        std::find(def_->metric_series.begin(), def_->metric_series.end(), field.key) == def_->metric_series.end())
      def_->metric_series.push_back(field.key);
    return field;
  }

  std::uint32_t add(Condition& c, Node node, const YAML::Node& at) {
    // A rule is read once per entity: bound its work, whatever an untrusted file holds.
    if (c.nodes.size() >= kMaxNodes)
      fail_at(at, file_, "a condition of more than " + std::to_string(kMaxNodes) + " tests; split the rule");
    c.nodes.push_back(std::move(node));
    return static_cast<std::uint32_t>(c.nodes.size() - 1);
  }

  // One node for the condition written at `n`; its children first, so indices only point back.
  std::uint32_t compile(const YAML::Node& n, Condition& c, bool with_counts) {
    if (!n || n.IsNull()) return add(c, Node{}, rule_);
    if (!n.IsMap()) fail_at(n, file_, "a condition must be a mapping of fields to tests, or all, any, not, in-unit");
    std::vector<std::uint32_t> parts;
    for (const auto& item : n) {
      const std::string key = scalar_text(item.first, file_, "a condition's key");
      const YAML::Node& value = item.second;
      if (key == "all" || key == "any") {
        if (!value.IsSequence() || value.size() == 0) fail_at(value, file_, "'" + key + "' must be a list of conditions");
        Node node;
        node.kind = key == "all" ? Node::all : Node::any;
        for (const YAML::Node& child : value) node.children.push_back(compile(child, c, with_counts));
        parts.push_back(add(c, std::move(node), item.first));
      } else if (key == "not") {
        Node node;
        node.kind = Node::negate;
        node.children.push_back(compile(value, c, with_counts));
        parts.push_back(add(c, std::move(node), item.first));
      } else if (key == "in-unit") {
        UnitSet units;
        if (value.IsSequence())
          for (const YAML::Node& id : value) units.ids.push_back(literal_text(id));
        else if (const std::string id = scalar_text(value, file_, "in-unit"); id.size() > 1 && id[0] == '$' && id[1] != '$')
          units = unit_option(value, id.substr(1));
        else units.ids.push_back(literal_text(value));
        if (units.ids.empty() && !units.from_option) fail_at(value, file_, "'in-unit' names no unit");
        if (def_->unit_sets.size() >= kMaxUnitSets)  // each costs a pass over the units per check
          fail_at(item.first, file_, "more than " + std::to_string(kMaxUnitSets) + " in-unit tests in one rule; list the units in one");
        Node node;
        node.kind = Node::in_unit;
        node.in_unit_slot = static_cast<std::uint32_t>(def_->unit_sets.size());
        def_->unit_sets.push_back(std::move(units));
        parts.push_back(add(c, std::move(node), item.first));
      } else {
        const FieldRef field = field_at(item.first, key, c.subject, with_counts);
        c.fields.push_back(field);
        const auto index = static_cast<std::uint32_t>(c.fields.size() - 1);
        if (value.IsMap()) {
          for (const auto& test : value) parts.push_back(add(c, compare(test.first, test.second, field, index), test.first));
        } else {
          parts.push_back(add(c, compare(item.first, value, field, index, value.IsSequence() ? Test::in : Test::is), item.first));
        }
      }
    }
    if (parts.size() == 1) return parts.front();
    Node all;
    all.kind = Node::all;
    all.children = std::move(parts);
    return add(c, std::move(all), n);
  }

  Test test_named(const YAML::Node& key) {
    const std::string name = scalar_text(key, file_, "a test");
    std::vector<std::string> names;
    for (const TestName& t : kTests) {
      if (name == t.name) return t.test;
      names.push_back(t.name);
    }
    fail_at(key, file_, "unknown test '" + name + "'" + near(name, names) +
                            " (is, is-not, above, below, at-least, at-most, in, not-in, like, exists)");
  }

  Node compare(const YAML::Node& key, const YAML::Node& value, const FieldRef& field, std::uint32_t index,
               std::optional<Test> implied = std::nullopt) {
    Node node;
    node.kind = Node::compare;
    node.field = index;
    node.test = implied ? *implied : test_named(key);
    const Test t = node.test;
    const std::string& f = field.written;
    const bool numeric_text = field.id == FieldId::attribute;  // an attribute may hold a number
    if (field.type == ValueType::boolean && t != Test::is && t != Test::is_not && t != Test::exists)
      fail_at(key, file_, "'" + f + "' is true or false: test it with is, is-not or exists");
    if (t == Test::like && field.type != ValueType::text) fail_at(key, file_, "'like' matches text, and '" + f + "' is " + to_string(field.type));
    if (is_numeric(t) && field.type == ValueType::text && !numeric_text)
      fail_at(key, file_, "'" + f + "' is text; '" + std::string(implied ? "is" : key.Scalar()) + "' compares numbers");
    Operand& o = node.operand;
    if (t == Test::exists) {
      const auto flag = parse_flag(scalar_text(value, file_, "exists"));
      if (!flag) fail_at(value, file_, "'exists' must be true or false");
      o.flag = *flag;
      return node;
    }
    const bool list = t == Test::in || t == Test::not_in;
    const ValueType want = is_numeric(t) ? ValueType::number : field.type;
    if (value.IsScalar() && value.Scalar().size() > 1 && value.Scalar()[0] == '$' && value.Scalar()[1] != '$')
      return bind_later(value, node, want, list);
    if (list) {
      if (!value.IsSequence()) fail_at(value, file_, "'" + std::string(key.Scalar()) + "' needs a list of values (or a list option, $name)");
      for (const YAML::Node& item : value) {
        const std::string text = literal_text(item);
        check_kind_value(item, field, text);
        o.texts.push_back(text);
        if (want == ValueType::number) o.numbers.push_back(number_at(item, text, f));
      }
      sort_lists(o);
      return node;
    }
    const std::string text = literal_text(value);
    check_kind_value(value, field, text);
    o.text = text;
    if (want == ValueType::number) o.number = number_at(value, text, f);
    if (want == ValueType::boolean) {
      const auto flag = parse_flag(text);
      if (!flag) fail_at(value, file_, "'" + f + "' is true or false, got '" + text + "'");
      o.flag = *flag;
    }
    return node;
  }

  std::string literal_text(const YAML::Node& value) {
    const std::string text = scalar_text(value, file_, "a value");
    return text.rfind("$$", 0) == 0 ? text.substr(1) : text;  // $$ writes a literal dollar
  }

  double number_at(const YAML::Node& at, const std::string& text, const std::string& field) {
    double number = 0;
    if (!parse_finite(text, number)) fail_at(at, file_, "'" + field + "' is compared with a number here, got '" + text + "'");
    return number;
  }

  void check_kind_value(const YAML::Node& at, const FieldRef& field, const std::string& text) {
    if (field.id != FieldId::kind) return;
    const std::vector<std::string> kinds = unit_kind_names();
    if (std::find(kinds.begin(), kinds.end(), text) == kinds.end())
      fail_at(at, file_, "unknown unit kind '" + text + "'" + near(text, kinds) +
                             " (platform, emc, me, department, shared-service, external-partner, unspecified)");
  }

  // `$name`: the option's value, filled in per run (bind_options); its type must suit the test.
  Node bind_later(const YAML::Node& value, Node node, ValueType want, bool list) {
    const std::string name = value.Scalar().substr(1);
    const OptionSpec* spec = option_named(value, name);
    const OptionType t = spec->type;
    const bool fits = list ? t == OptionType::list
                           : want == ValueType::number ? t == OptionType::integer || t == OptionType::number
                           : want == ValueType::boolean ? t == OptionType::boolean
                                                        : t == OptionType::string || t == OptionType::integer || t == OptionType::number;
    if (!fits)
      fail_at(value, file_, "option '" + name + "' is " + to_string(t) + ", but this test needs " +
                                (list ? std::string("a list") : to_string(want)));
    node.operand.from_option = true;
    node.operand.option = static_cast<std::uint32_t>(spec - def_->options.data());
    return node;
  }

  UnitSet unit_option(const YAML::Node& at, const std::string& name) {
    const OptionSpec* spec = option_named(at, name);
    if (spec->type != OptionType::string && spec->type != OptionType::list)
      fail_at(at, file_, "option '" + name + "' is " + to_string(spec->type) + ", but 'in-unit' needs a unit id (string) or a list of them");
    UnitSet units;
    units.from_option = true;
    units.option = static_cast<std::uint32_t>(spec - def_->options.data());
    return units;
  }

  const OptionSpec* option_named(const YAML::Node& at, const std::string& name) {
    std::vector<std::string> names;
    for (const OptionSpec& o : def_->options) {
      if (o.name == name) return &o;
      names.push_back(o.name);
    }
    fail_at(at, file_, "unknown option '$" + name + "'" + near(name, names) +
                           (names.empty() ? " (the rule declares no options)" : ""));
  }

  void read_message() {
    const std::string text = required_text("message", "the finding's text, e.g. \"{name} manages {span} people\"");
    const YAML::Node at = rule_["message"];
    std::string literal;
    for (std::size_t i = 0; i < text.size(); ++i) {
      const char c = text[i];
      if ((c == '{' || c == '}') && i + 1 < text.size() && text[i + 1] == c) {
        literal += c;
        ++i;
        continue;
      }
      if (c == '}') fail_at(at, file_, "a '}' without its '{' in the message (write '}}' for a brace)");
      if (c != '{') {
        literal += c;
        continue;
      }
      const auto close = text.find('}', i);
      if (close == std::string::npos) fail_at(at, file_, "a '{' without its '}' in the message (write '{{' for a brace)");
      if (!literal.empty()) def_->message.push_back({MessagePiece::literal, std::move(literal), 0});
      literal.clear();
      def_->message.push_back(placeholder(at, text.substr(i + 1, close - i - 1)));
      i = close;
    }
    if (!literal.empty()) def_->message.push_back({MessagePiece::literal, std::move(literal), 0});
  }

  MessagePiece placeholder(const YAML::Node& at, const std::string& name) {
    const bool dollar = !name.empty() && name[0] == '$';
    const std::string bare = dollar ? name.substr(1) : name;
    for (std::uint32_t i = 0; i < def_->options.size(); ++i)
      if (def_->options[i].name == bare && (dollar || !resolves(name))) return {MessagePiece::option, bare, i};
    if (dollar) option_named(at, bare);
    FieldRef field;
    std::string error;
    if (!resolve_field(name, def_->select.subject, visible_counts(true), field, error)) {
      std::vector<std::string> options;
      for (const OptionSpec& o : def_->options) options.push_back(o.name);
      const std::string close = did_you_mean(name, options);
      fail_at(at, file_, "in the message's {" + name + "}: " + (close.empty() ? error : "unknown field or option '" + name + "'; did you mean '" + close + "'?"));
    }
    if (field.id == FieldId::metric &&
        std::find(def_->metric_series.begin(), def_->metric_series.end(), field.key) == def_->metric_series.end())
      def_->metric_series.push_back(field.key);
    def_->message_fields.push_back(field);
    return {MessagePiece::field, name, static_cast<std::uint32_t>(def_->message_fields.size() - 1)};
  }

  bool resolves(const std::string& name) const {
    FieldRef field;
    std::string error;
    return resolve_field(name, def_->select.subject, visible_counts(true), field, error);
  }

  const YAML::Node& rule_;
  const std::string& file_;
  RuleDefinition* def_ = nullptr;
};

}  // namespace

Definitions read_definitions(const YAML::Node& list, const std::string& file) {
  if (!list.IsSequence()) fail_at(list, file, "'rules' must be a list of rules, each starting '- id: ...'");
  Definitions out;
  for (const YAML::Node& rule : list) {
    auto def = RuleReader(rule, file).read();
    for (const auto& earlier : out)
      if (earlier->id == def->id)
        fail_at(rule, file, "rule '" + def->id + "' is defined twice: first at line " + std::to_string(earlier->line));
    out.push_back(std::move(def));
  }
  return out;
}

Definitions read_rule_file(const FileSystem& files, const std::string& path) {
  const YAML::Node root = load_settings_file(files, path);
  if (!root.IsMap()) fail_at(root, path, "a rule file must be a mapping with 'orgaudit-rules: 1' and 'rules:'");
  check_keys(root, kFileKeys, "the rule file", path);
  if (!root["orgaudit-rules"]) fail_at(root, path, "a rule file starts 'orgaudit-rules: 1'");
  if (scalar_text(root["orgaudit-rules"], path, "orgaudit-rules") != "1")
    fail_at(root["orgaudit-rules"], path, "unsupported rule file version (this orgaudit reads 1)");
  if (!root["rules"] || root["rules"].IsNull()) return {};
  return read_definitions(root["rules"], path);
}

std::string option_text(const OptionSpec& spec, const RuleOptions& values) {
  switch (spec.type) {
    case OptionType::integer: return std::to_string(values.get_int(spec.name));
    case OptionType::number: {
      std::string text = std::to_string(values.get_number(spec.name));
      text.erase(text.find_last_not_of('0') + 1);
      if (text.back() == '.') text.pop_back();
      return text;
    }
    case OptionType::boolean: return values.get_bool(spec.name) ? "true" : "false";
    case OptionType::string: return values.get_string(spec.name);
    case OptionType::list: {
      std::string joined;
      for (const std::string& item : values.get_list(spec.name)) joined += (joined.empty() ? "" : ", ") + item;
      return joined;
    }
  }
  return {};
}

void bind_options(const std::vector<OptionSpec>& specs, const RuleOptions& values, UnitSet& units) {
  if (!units.from_option) return;
  const OptionSpec& spec = specs[units.option];
  units.ids = spec.type == OptionType::list ? values.get_list(spec.name) : std::vector<std::string>{values.get_string(spec.name)};
}

void bind_options(const std::vector<OptionSpec>& specs, const RuleOptions& values, Condition& condition) {
  for (Node& node : condition.nodes) {
    Operand& o = node.operand;
    if (node.kind != Node::compare || !o.from_option) continue;
    const OptionSpec& spec = specs[o.option];
    switch (spec.type) {
      case OptionType::integer: o.number = static_cast<double>(values.get_int(spec.name)); break;
      case OptionType::number: o.number = values.get_number(spec.name); break;
      case OptionType::boolean: o.flag = values.get_bool(spec.name); break;
      case OptionType::string: break;
      case OptionType::list:
        o.texts = values.get_list(spec.name);
        o.numbers.clear();
        if (condition.fields[node.field].type == ValueType::number)
          for (const std::string& item : o.texts) {
            double n = 0;
            if (!parse_finite(item, n))
              throw OptionError("option '" + spec.name + "' is compared with numbers, but holds '" + item + "'");
            o.numbers.push_back(n);
          }
        sort_lists(o);
        break;
    }
    if (spec.type != OptionType::list) o.text = option_text(spec, values);
  }
}

}  // namespace orgaudit::yaml_rules
