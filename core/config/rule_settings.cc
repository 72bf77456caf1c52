#include "config/rule_settings.h"

#include <sstream>

#include "loader/yaml_events.h"
#include "util/diagnostic.h"

namespace orgaudit {

void fail_at(const YAML::Node& node, const std::string& file, const std::string& message) {
  const YAML::Mark mark = node.Mark();
  throw InputError(Diagnostic{file, static_cast<std::uint32_t>(mark.line + 1),
                              static_cast<std::uint32_t>(mark.column + 1), message});
}

std::string scalar_text(const YAML::Node& node, const std::string& file, const std::string& what) {
  if (!node.IsScalar()) fail_at(node, file, what + " must be a single value");
  return node.Scalar();
}

namespace {

// Syntax only: the settings are read from yaml-cpp's tree.
class IgnoreEvents final : public yaml::EventSink {
 public:
  void document_start(const yaml::Mark&) override {}
  void document_end() override {}
  void null(const yaml::Mark&) override {}
  void scalar(const yaml::Mark&, std::string_view) override {}
  void start(yaml::Node::Kind, const yaml::Mark&) override {}
  void end() override {}
};

}  // namespace

YAML::Node load_settings_file(const FileSystem& files, const std::string& path) {
  const std::unique_ptr<FileBytes> bytes = read_all_within(files, path, kMaxSettingsFileBytes, "a config or profile file");
  const std::string text(bytes->view());
  std::vector<Diagnostic> no_warnings;  // the event reader warns of nothing
  const yaml::Source source(path, 0, no_warnings);
  std::istringstream in(text);
  IgnoreEvents ignore;
  yaml::read_events(in, source, ignore, [&](std::uint64_t offset) {
    std::istringstream again(text);
    return yaml::locate_byte(again, offset);
  });
  try {
    return YAML::Load(text);
  } catch (const YAML::Exception& e) {
    throw InputError(Diagnostic{path, static_cast<std::uint32_t>(e.mark.line + 1),
                                static_cast<std::uint32_t>(e.mark.column + 1), e.msg});
  }
}

namespace {

void read_one_rule(const std::string& id, const YAML::Node& setting, const std::string& file,
                   RuleSelection& selection) {
  if (setting.IsScalar()) {
    const std::string value = setting.Scalar();
    if (value == "on" || value == "true") selection.toggles.emplace_back(true, id);
    else if (value == "off" || value == "false") selection.toggles.emplace_back(false, id);
    else fail_at(setting, file, "rule '" + id + "': expected on, off or a mapping, got '" + value + "'");
    return;
  }
  if (!setting.IsMap()) fail_at(setting, file, "rule '" + id + "': expected on, off or a mapping");
  for (const auto& item : setting) {
    const std::string key = item.first.Scalar();
    const YAML::Node& value = item.second;
    if (key == "enabled") {
      const std::string text = scalar_text(value, file, "enabled");
      if (text != "true" && text != "false") fail_at(value, file, "enabled must be true or false");
      selection.toggles.emplace_back(text == "true", id);
    } else if (key == "severity") {
      const std::string text = scalar_text(value, file, "severity");
      const auto severity = parse_severity(text);
      if (!severity) fail_at(value, file, "severity must be error, warning or info, got '" + text + "'");
      selection.severities[id] = *severity;
    } else if (key == "options") {
      if (!value.IsMap()) fail_at(value, file, "options of '" + id + "' must be a mapping of name: value");
      for (const auto& option : value) {
        std::string text;
        if (option.second.IsSequence()) {
          // Lists travel as comma-separated text, the form --rule-option uses too.
          for (const auto& element : option.second)
            text += (text.empty() ? "" : ",") + scalar_text(element, file, "a list option's item");
        } else {
          text = scalar_text(option.second, file, "option '" + option.first.Scalar() + "'");
        }
        selection.options[id][option.first.Scalar()] = text;
      }
    } else {
      fail_at(item.first, file, "unknown key '" + key + "' in the settings of '" + id +
                                    "' (expected enabled, severity, options)");
    }
  }
}

}  // namespace

void read_rule_settings(const YAML::Node& rules, const std::string& file, RuleSelection& selection) {
  if (!rules) return;
  if (!rules.IsMap()) fail_at(rules, file, "'rules' must be a mapping of rule id (or pattern) to settings");
  for (const auto& item : rules) {
    if (!item.first.IsScalar()) fail_at(item.first, file, "a rule id must be a plain string");
    read_one_rule(item.first.Scalar(), item.second, file, selection);
  }
}

}  // namespace orgaudit
