#include "rule_help.h"

#include <sstream>
#include <vector>

namespace orgaudit {
namespace {

constexpr const char* kHelpSections[] = {"What it flags", "Why", "How to fix"};

// The lines of one "## heading" section, without the heading; headings inside code blocks are text.
std::vector<std::string> section_lines(const std::string& markdown, const std::string& heading) {
  std::istringstream in(markdown);
  std::vector<std::string> lines;
  bool inside = false, in_code = false;
  for (std::string line; std::getline(in, line);) {
    if (!in_code && line.rfind("## ", 0) == 0) {
      if (inside) break;
      inside = line.substr(3) == heading;
      continue;
    }
    if (line.rfind("```", 0) == 0) in_code = !in_code;
    if (inside) lines.push_back(line);
  }
  while (!lines.empty() && lines.back().find_first_not_of(' ') == std::string::npos) lines.pop_back();
  while (!lines.empty() && lines.front().find_first_not_of(' ') == std::string::npos) lines.erase(lines.begin());
  return lines;
}

bool has_scheme(const std::string& target) {
  const auto colon = target.find(':');
  return colon != std::string::npos && colon > 0 && target.find_first_of("/#?") > colon;
}

// [text](target): kept when the target has a scheme, else only the text. In plain text, a kept
// link reads "text (target)"; `code` and **bold** lose their marks.
std::string inline_text(const std::string& line, bool markdown) {
  std::string out;
  for (std::size_t i = 0; i < line.size();) {
    std::size_t close, end;
    if (line[i] == '[' && (close = line.find("](", i)) != std::string::npos &&
        (end = line.find(')', close)) != std::string::npos) {
      const std::string text = line.substr(i + 1, close - i - 1), target = line.substr(close + 2, end - close - 2);
      if (has_scheme(target)) out += markdown ? line.substr(i, end + 1 - i) : inline_text(text, false) + " (" + target + ")";
      else out += inline_text(text, markdown);
      i = end + 1;
    } else if (!markdown && (line[i] == '`' || line.compare(i, 2, "**") == 0)) {
      i += line[i] == '`' ? 1 : 2;
    } else {
      out += line[i++];
    }
  }
  return out;
}

std::string render(const std::vector<std::string>& lines, bool markdown) {
  std::string out;
  bool in_code = false;
  for (const std::string& line : lines) {
    const bool fence = line.rfind("```", 0) == 0;
    if (fence) in_code = !in_code;
    if (fence && !markdown) continue;
    out += (in_code || fence ? line : inline_text(line, markdown)) + "\n";
  }
  return out;
}

}  // namespace

RuleHelp rule_help(const RuleInfo& info, const std::string& page_markdown) {
  RuleHelp help;
  for (const char* heading : kHelpSections) {
    const std::vector<std::string> lines = section_lines(page_markdown, heading);
    if (lines.empty()) continue;
    if (!help.markdown.empty()) help.markdown += "\n", help.text += "\n";
    help.markdown += std::string("## ") + heading + "\n\n" + render(lines, true);
    help.text += std::string(heading) + "\n\n" + render(lines, false);
    if (help.full_description.empty()) {
      for (const std::string& line : lines) {
        if (line.find_first_not_of(' ') == std::string::npos) break;
        help.full_description += (help.full_description.empty() ? "" : " ") + inline_text(line, false);
      }
    }
  }
  // A paragraph that introduces a table or list ("... with the reason:") reads as cut off alone: its
  // sentences before the last stand for it, or the summary when it is one sentence.
  if (!help.full_description.empty() && help.full_description.back() == ':') {
    const auto last_sentence = help.full_description.rfind(". ");
    help.full_description = last_sentence == std::string::npos ? "" : help.full_description.substr(0, last_sentence + 1);
  }
  if (help.full_description.empty()) help.full_description = info.summary;
  if (help.text.empty()) help.text = help.markdown = info.summary;
  return help;
}

}  // namespace orgaudit
