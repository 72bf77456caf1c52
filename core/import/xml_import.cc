#include "import/xml_import.h"

#include "import/csv_import.h"
#include "import/xml_guard.h"
#include "import/xml_mapping.h"
#include "import/xml_records.h"
#include "import/xml_stream.h"

namespace orgaudit::import {
namespace {

using xml::LineIndex;

class DomLocator final : public xml::Locator {
 public:
  DomLocator(const char* buffer, std::size_t size, const LineIndex& lines, FileIndex file)
      : buffer_(buffer), size_(size), lines_(lines), file_(file) {}

  SourceLocation at(const char* text, const SourceLocation& fallback) const override {
    if (!text || text < buffer_ || text >= buffer_ + size_) return fallback;
    return lines_.locate(file_, static_cast<std::size_t>(text - buffer_));
  }
  using Locator::at;

 protected:
  const char* buffer() const override { return buffer_; }

 private:
  const char* buffer_;
  std::size_t size_;
  const LineIndex& lines_;
  FileIndex file_;
};

// A mapping that looks outside each record (absolute paths, parents, siblings) needs the whole
// document in memory: pugixml's DOM, parsed in place in the file's private mapping.
void dom_records(FileBytes& bytes, const std::string& path, FileIndex file, const xml::Mapping& m,
                 unsigned max_depth, xml::XmlRecords& records) {
  const LineIndex lines(bytes.view());  // before parsing: in-place parsing overwrites line breaks
  pugi::xml_document doc;
  const pugi::xml_parse_result parsed = doc.load_buffer_inplace(bytes.data(), bytes.size(), pugi::parse_default, pugi::encoding_auto);
  if (!parsed) {
    const SourceLocation at = lines.locate(file, static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, parsed.offset)));
    throw InputError(Diagnostic{path, at.line, at.column, std::string("malformed XML: ") + parsed.description()});
  }
  xml::check_depth(doc, max_depth, path, lines);
  const DomLocator locate(bytes.data(), bytes.size(), lines, file);
  if (!m.unit_selector.empty())
    for (const pugi::xpath_node& n : doc.select_nodes(m.unit_selector.c_str()))
      if (n.node()) records.unit(n.node(), locate);
  for (const pugi::xpath_node& n : doc.select_nodes(m.person_selector.c_str()))
    if (n.node()) records.person(n.node(), locate);
}

}  // namespace

void load_xml(const FileSystem& files, const std::string& path, const LoadOptions& options, Org& org,
              std::vector<Diagnostic>& warnings, Progress& progress) {
  load_xml(files, path, options, org, warnings, progress, detail::Split::by_size);
}

void load_xml(const FileSystem& files, const std::string& path, const LoadOptions& options, Org& org,
              std::vector<Diagnostic>&, Progress& progress, detail::Split parse_thread) {
  check_input_size(files, path, options);
  const std::unique_ptr<FileBytes> bytes = files.read_all(path);
  const std::string_view text = bytes->view();
  xml::check_prolog(text, path);
  const std::string root = xml::root_element_name(text);
  if (root.empty()) throw InputError(Diagnostic{path, 0, 0, "no root element: the file holds no XML element"});
  const xml::Mapping m = xml::make_mapping(options.preset, options.columns, root, path, options.columns_source);
  const std::string phase = loading_phase(path);
  progress.update(phase, 0, text.size());

  const FileIndex file = org.add_file(path);
  xml::XmlRecords records(org, file, m, text, options.limits);
  const std::vector<std::string> split = xml::stream_split_names(m);
  if (!split.empty()) xml::stream_records(*bytes, path, file, m, split, options.max_xml_depth, records, parse_thread);
  else dom_records(*bytes, path, file, m, options.max_xml_depth, records);
  records.finish(path, root);
  progress.update(phase, text.size(), text.size());
}

}  // namespace orgaudit::import
