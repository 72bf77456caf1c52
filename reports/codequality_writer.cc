// GitLab Code Quality (`artifacts:reports:codequality`): a JSON array of issues, the subset of the
// Code Climate format GitLab reads: description, check_name, fingerprint, severity, location.path and
// location.lines.begin. The merge request widget lists the issues a change adds or fixes, so only
// open findings are written: not the suppressed or baselined ones, and not the tool's "not
// assessed" notes, which are about missing data rather than the org.
#include <string>

#include "json.h"
#include "report.h"

namespace orgaudit {
namespace {

// GitLab's scale is info, minor, major, critical, blocker; an error marks the org's data or
// structure as wrong (critical), a warning is a structural smell (major).
const char* codequality_severity(Severity severity) {
  switch (severity) {
    case Severity::error: return "critical";
    case Severity::warning: return "major";
    case Severity::info: break;
  }
  return "info";
}

void write_issue(JsonWriter& w, const Org& org, const Finding& f) {
  w.begin_object();
  w.key("type").value("issue");
  w.key("description").value(f.message);
  w.key("check_name").value(f.rule_id);
  // From the rule and entities, never the position: an issue keeps its identity when the file is
  // reformatted, so GitLab does not report it fixed and new again.
  w.key("fingerprint").value(f.fingerprint);
  w.key("severity").value(codequality_severity(f.severity));
  w.key("location").begin_object();
  w.key("path").value(f.where.file < org.files.size() ? org.files[f.where.file] : std::string());
  // GitLab needs a line; a finding about the whole org (no line known) sits on the first.
  w.key("lines").begin_object().key("begin").value(f.where.known() ? f.where.line : 1u).end_object();
  w.end_object();
  w.end_object();
}

}  // namespace

std::string write_codequality(const ReportInput& input, const WriteOptions&) {
  JsonWriter w;
  w.begin_array();
  for (const Finding& f : input.run.findings)
    if (f.counts() && !f.not_assessed_note) write_issue(w, input.org, f);
  w.end_array();
  return w.take() + "\n";
}

}  // namespace orgaudit
