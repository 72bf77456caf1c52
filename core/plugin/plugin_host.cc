#include "plugin/plugin_host.h"

#include <algorithm>
#include <dlfcn.h>
#include <filesystem>
#include <optional>

#include "io/install_location.h"
#include "orgaudit/plugin.h"
#include "util/text.h"

namespace orgaudit {

namespace fs = std::filesystem;

namespace {

// The dlopen handle of a pack being loaded: closed on every way out but success.
class OpenLibrary {
 public:
  explicit OpenLibrary(void* handle) : handle_(handle) {}
  OpenLibrary(const OpenLibrary&) = delete;
  OpenLibrary& operator=(const OpenLibrary&) = delete;
  ~OpenLibrary() {
    if (handle_) ::dlclose(handle_);
  }
  void* symbol(const char* name) const { return ::dlsym(handle_, name); }
  // Keeps the module loaded for good: rule objects and their vtables live in it.
  void keep() { handle_ = nullptr; }

 private:
  void* handle_;
};

std::string version_mismatch_message(const std::string& path, std::uint32_t pack_version) {
  return "plugin '" + path + "' was built for plugin API version " + std::to_string(pack_version) +
         ", but this orgaudit provides version " + std::to_string(ORGAUDIT_PLUGIN_API_VERSION) +
         "; rebuild the pack against this SDK";
}

struct LayoutField {
  const char* what;
  std::uint32_t orgaudit_abi_layout::*value;
};

constexpr LayoutField kLayoutFields[] = {
    {"libstdc++ string ABI (_GLIBCXX_USE_CXX11_ABI)", &orgaudit_abi_layout::libstdcxx_abi},
    {"debug containers (_GLIBCXX_DEBUG)", &orgaudit_abi_layout::debug_containers},
    {"sizeof(orgaudit::Org)", &orgaudit_abi_layout::org},
    {"sizeof(orgaudit::Person)", &orgaudit_abi_layout::person},
    {"sizeof(orgaudit::Unit)", &orgaudit_abi_layout::unit},
    {"sizeof(orgaudit::Link)", &orgaudit_abi_layout::link},
    {"sizeof(orgaudit::OrgMetrics)", &orgaudit_abi_layout::org_metrics},
    {"sizeof(orgaudit::ReportingMetrics)", &orgaudit_abi_layout::reporting_metrics},
    {"sizeof(orgaudit::UnitMetrics)", &orgaudit_abi_layout::unit_metrics},
    {"sizeof(orgaudit::NetworkMetrics)", &orgaudit_abi_layout::network_metrics},
    {"sizeof(orgaudit::CheckContext)", &orgaudit_abi_layout::check_context},
    {"sizeof(orgaudit::FindingBuilder)", &orgaudit_abi_layout::finding_builder},
    {"sizeof(orgaudit::SourceLocation)", &orgaudit_abi_layout::source_location},
    {"sizeof(orgaudit::EntityRef)", &orgaudit_abi_layout::entity_ref},
};

// Every field where the pack's build and this orgaudit's differ, with both values; empty when none.
std::string layout_differences(const orgaudit_abi_layout& pack, const orgaudit_abi_layout& host) {
  std::string differences;
  for (const LayoutField& field : kLayoutFields)
    if (pack.*field.value != host.*field.value)
      differences += std::string(differences.empty() ? "" : "; ") + field.what + " is " +
                     std::to_string(pack.*field.value) + " in the pack but " +
                     std::to_string(host.*field.value) + " in this orgaudit";
  return differences;
}

// The host's side of one pack's registration. Rules are staged and reach the catalog only when the
// whole pack registered, so a failing pack leaves nothing behind that points into its closed module.
// The C callbacks catch everything: no host exception unwinds through the pack.
class Registration {
 public:
  Registration(const RuleCatalog& catalog, std::string pack_name, std::string path)
      : catalog_(catalog), pack_name_(std::move(pack_name)), path_(std::move(path)) {}

  orgaudit_registrar registrar() { return orgaudit_registrar{this, &add_rule, &fail, &retire_rule}; }

  // Throws the first refusal or failure the pack met; otherwise adds its rules to the catalog.
  std::size_t commit(RuleCatalog& catalog) {
    if (failure_) throw *failure_;
    catalog.begin_pack(pack_name_, path_);
    for (StagedRule& rule : staged_) catalog.add(std::move(rule.id), std::move(rule.info), std::move(rule.factory));
    for (auto& [retired_id, merged_into] : retired_) catalog.retire(std::move(retired_id), std::move(merged_into));
    return staged_.size();
  }

 private:
  static void add_rule(void* host, const orgaudit_rule_decl* rule) noexcept {
    auto* self = static_cast<Registration*>(host);
    if (self->failure_) return;  // the first problem is the one reported
    try {
      self->stage(*rule);
    } catch (const PluginError& e) {
      self->failure_ = e;
    } catch (const std::exception& e) {
      self->failure_ = PluginError(PluginError::registration_failed,
                                   "plugin '" + self->path_ + "' failed while registering its rules: " + e.what());
    }
  }

  static void retire_rule(void* host, const char* retired_id, const char* merged_into) noexcept {
    auto* self = static_cast<Registration*>(host);
    if (self->failure_) return;
    try {
      if (!retired_id || !merged_into)
        throw PluginError(PluginError::registration_failed,
                          "plugin '" + self->path_ + "' retired a rule without naming it and its successor");
      self->retired_.emplace_back(retired_id, merged_into);
    } catch (const PluginError& e) {
      self->failure_ = e;
    } catch (const std::exception& e) {
      self->failure_ = PluginError(PluginError::registration_failed,
                                   "plugin '" + self->path_ + "' failed while registering its rules: " + e.what());
    }
  }

  static void fail(void* host, const char* message) noexcept {
    auto* self = static_cast<Registration*>(host);
    if (self->failure_) return;
    try {
      self->failure_ = PluginError(PluginError::registration_failed, "plugin '" + self->path_ +
                                                                         "' failed while registering its rules: " +
                                                                         (message ? message : "no reason given"));
    } catch (...) {
      // Out of memory while describing the failure: loading still fails, with the generic message.
      self->failure_ = PluginError(PluginError::registration_failed, "plugin failed while registering its rules");
    }
  }

  void stage(const orgaudit_rule_decl& rule) {
    auto text = [](const char* value) { return std::string(value ? value : ""); };
    const std::string id = text(rule.id);
    check_id(id);
    RuleInfo info;
    info.summary = text(rule.summary);
    info.default_severity = static_cast<Severity>(rule.default_severity);
    info.dimension = text(rule.dimension);
    for (std::uint32_t i = 0; i < rule.option_count; ++i) {
      const orgaudit_option_decl& o = rule.options[i];
      info.options.push_back({text(o.name), static_cast<OptionType>(o.type), text(o.default_value), text(o.description)});
    }
    const bool staged_twice =
        std::any_of(staged_.begin(), staged_.end(), [&](const StagedRule& staged) { return staged.id == id; });
    if (staged_twice)
      throw PluginError(PluginError::duplicate_rule, "duplicate rule id: rule '" + id + "' is registered twice by " + path_);
    if (const std::string* other = catalog_.source_of(id))
      throw PluginError(PluginError::duplicate_rule, "duplicate rule id: rule '" + id + "' is registered by both " +
                                                         *other + " and " + path_);
    const orgaudit_create_rule_fn create = rule.create;
    staged_.push_back({id, std::move(info), [create](const RuleOptions& options) {
                         char error[512] = "";
                         Rule* made = create(&options, error, sizeof error);
                         // A rule refuses its options in its constructor (a value out of range).
                         if (!made) throw OptionError(error);
                         return std::unique_ptr<Rule>(made);
                       }});
  }

  // plugin.h promises every id of a pack starts with its name: a pack cannot take over another's rules.
  void check_id(const std::string& id) const {
    const std::string prefix = pack_name_ + "-";
    if (id.size() <= prefix.size() || id.compare(0, prefix.size(), prefix) != 0)
      throw PluginError(PluginError::rule_outside_pack,
                        "plugin '" + path_ + "' (pack '" + pack_name_ + "') registers rule '" + id +
                            "', outside its prefix: every rule id of the pack must start with '" + prefix + "'");
    const bool kebab = std::all_of(id.begin(), id.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
    if (!kebab || id.back() == '-' || id.find("--") != std::string::npos)
      throw PluginError(PluginError::rule_outside_pack, "plugin '" + path_ + "' registers rule '" + id +
                                                            "', which is not kebab-case (a-z, 0-9, single dashes)");
  }

  const RuleCatalog& catalog_;
  std::string pack_name_;
  std::string path_;
  struct StagedRule {
    std::string id;
    RuleInfo info;
    RuleFactory factory;
  };
  std::vector<StagedRule> staged_;
  std::vector<std::pair<std::string, std::string>> retired_;  // retired id -> the rule that took its findings
  std::optional<PluginError> failure_;
};

}  // namespace

void PluginHost::load_file(const std::string& path, RuleCatalog& catalog) {
  const FileKind kind = files_->kind_of(path);
  if (kind != FileKind::file)
    throw PluginError(PluginError::file_not_found,
                      "plugin '" + path + "': " + (kind == FileKind::missing ? "file not found" : "not a regular file"));
  // RTLD_LOCAL keeps two packs' internal symbols apart; RTLD_NOW surfaces missing symbols here
  // rather than in the middle of a run.
  void* handle = ::dlopen(fs::absolute(path).c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!handle) {
    const char* why = ::dlerror();
    throw PluginError(PluginError::not_loadable, "plugin '" + path + "' cannot be loaded: " +
                                                     (why ? why : "unknown reason"));
  }
  OpenLibrary library(handle);
  auto describe = reinterpret_cast<orgaudit_describe_pack_fn>(library.symbol(ORGAUDIT_PACK_ENTRY_POINT));
  if (!describe) {
    if (auto legacy = reinterpret_cast<orgaudit_legacy_get_pack_info_fn>(library.symbol(ORGAUDIT_LEGACY_PACK_ENTRY_POINT)))
      throw PluginError(PluginError::version_mismatch, version_mismatch_message(path, legacy().api_version));
    throw PluginError(PluginError::missing_entry_point,
                      "'" + path + "' is not an orgaudit rule pack: it does not export '" +
                          ORGAUDIT_PACK_ENTRY_POINT + "'");
  }
  const orgaudit_pack_info* info = describe();
  if (!info)
    throw PluginError(PluginError::registration_failed, "plugin '" + path + "' returned no pack information");
  if (info->api_version != ORGAUDIT_PLUGIN_API_VERSION)
    throw PluginError(PluginError::version_mismatch, version_mismatch_message(path, info->api_version));
  const std::string differences = layout_differences(info->layout, abi_layout());
  if (!differences.empty())
    throw PluginError(PluginError::layout_mismatch,
                      "plugin '" + path + "' was built against a different SDK layout (plugin API version " +
                          std::to_string(ORGAUDIT_PLUGIN_API_VERSION) + " on both sides): " + differences +
                          "; rebuild the pack against this orgaudit's SDK, with the same compiler and standard library");
  if (!info->pack_name || !*info->pack_name || !info->register_rules)
    throw PluginError(PluginError::registration_failed,
                      "plugin '" + path + "' returned incomplete pack information (no name or no register function)");

  LoadedPack pack{info->pack_name, info->pack_version ? info->pack_version : "", path, 0};
  Registration registration(catalog, pack.name, path);
  const orgaudit_registrar registrar = registration.registrar();
  info->register_rules(&registrar);
  pack.rule_count = registration.commit(catalog);
  library.keep();
  packs_.push_back(std::move(pack));
}

void PluginHost::load_directory(const std::string& directory, RuleCatalog& catalog) {
  if (files_->kind_of(directory) != FileKind::directory)
    throw PluginError(PluginError::file_not_found, "plugin directory '" + directory + "' not found");
  // list_directory's names are sorted: packs load in name order.
  for (const std::string& name : files_->list_directory(directory))
    if (glob_match("orgaudit-*.so", name)) load_file((fs::path(directory) / name).string(), catalog);
}

std::string PluginHost::installed_directory() { return installed_plugin_directory(); }

std::vector<std::string> PluginHost::search_path(const std::vector<std::string>& command_line_dirs,
                                                 const char* environment_path) {
  std::vector<std::string> dirs = command_line_dirs;
  if (environment_path)
    for (const std::string& dir : split(environment_path, ':'))
      if (!dir.empty()) dirs.push_back(dir);
  return dirs;
}

}  // namespace orgaudit
