#include "html/rule_docs.h"

#include <sstream>

#include "html/html_escape.h"
#include "io/install_location.h"

namespace orgaudit::html {
namespace {

// `code`, **bold** and [text](target) inside one line; everything else escaped (in runs, so that
// multi-byte UTF-8 characters reach the escaper whole).
std::string inline_html(const std::string& line) {
  std::string out, plain;
  auto flush = [&] {
    out += escape(plain);
    plain.clear();
  };
  for (std::size_t i = 0; i < line.size();) {
    const char c = line[i];
    std::size_t end;
    if (c == '`' && (end = line.find('`', i + 1)) != std::string::npos) {
      flush();
      out += "<code>" + escape(line.substr(i + 1, end - i - 1)) + "</code>";
      i = end + 1;
    } else if (line.compare(i, 2, "**") == 0 && (end = line.find("**", i + 2)) != std::string::npos) {
      flush();
      out += "<strong>" + inline_html(line.substr(i + 2, end - i - 2)) + "</strong>";
      i = end + 2;
    } else if (c == '[' && (end = line.find("](", i)) != std::string::npos && line.find(')', end) != std::string::npos) {
      flush();
      out += inline_html(line.substr(i + 1, end - i - 1));
      i = line.find(')', end) + 1;
    } else {
      plain += c;
      ++i;
    }
  }
  flush();
  return out;
}

bool list_item(const std::string& line) { return line.rfind("- ", 0) == 0 || line.rfind("* ", 0) == 0; }

}  // namespace

std::string find_rule_doc(const FileSystem& files, const RegisteredRule& info) {
  if (!info.doc.empty()) return info.doc;  // a YAML rule carries its page
  const std::string data = installed_data_directory();
  const std::string page = data + "/rules/" + info.pack + "/" + info.id + ".md";
  if (data.empty() || files.kind_of(page) != FileKind::file) return {};
  std::ostringstream text;
  text << files.open_for_reading(page)->rdbuf();
  return text.str();
}

std::string doc_section_html(const std::string& markdown, const std::string& heading) {
  std::istringstream in(markdown);
  std::string line, out, paragraph;
  bool inside = false, in_list = false, in_code = false;
  auto flush = [&] {
    if (!paragraph.empty()) out += "<p>" + inline_html(paragraph) + "</p>\n";
    paragraph.clear();
    if (in_list) out += "</ul>\n";
    in_list = false;
  };
  while (std::getline(in, line)) {
    if (!in_code && line.rfind("## ", 0) == 0) {
      if (inside) break;
      inside = line.substr(3) == heading;
      continue;
    }
    if (!inside) continue;
    if (line.rfind("```", 0) == 0) {
      if (!in_code) flush(), out += "<pre>";
      else out += "</pre>\n";
      in_code = !in_code;
    } else if (in_code) {
      out += escape(line) + "\n";
    } else if (line.find_first_not_of(' ') == std::string::npos) {
      flush();
    } else if (list_item(line)) {
      if (!paragraph.empty() || !in_list) flush(), out += "<ul>\n", in_list = true;
      out += "<li>" + inline_html(line.substr(2)) + "</li>\n";
    } else if (in_list && line.rfind("  ", 0) == 0) {
      out.insert(out.size() - 6, " " + inline_html(line.substr(line.find_first_not_of(' '))));  // before "</li>\n"
    } else {
      if (in_list) flush();
      paragraph += (paragraph.empty() ? "" : " ") + line;
    }
  }
  if (in_code) out += "</pre>\n";
  flush();
  return out;
}

}  // namespace orgaudit::html
