// Large XML exports without a DOM of the whole file. A light scanner walks the raw text (tags,
// comments, CDATA, processing instructions, quoted attribute values) and cuts out the subtrees of
// the record elements, which pugixml then parses a few megabytes at a time. Memory stays at the
// org model plus one batch, where a whole-document DOM of a million positions costs gigabytes.
//
// It applies when the mapping can be evaluated inside each record's subtree: selectors of the form
// `//Name`, and field paths that do not leave the record (no absolute paths, parent, sibling or
// ancestor axes, except ancestors that are records themselves, as HR-XML's unit of a position).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "util/parallel.h"
#include "import/xml_mapping.h"
#include "io/file_system.h"
#include "import/xml_records.h"

namespace orgaudit::import::xml {

// The element names to cut at (the outermost record elements): the person selector's, then the
// unit selector's when there is one; empty when `m` needs the whole document.
std::vector<std::string> stream_split_names(const Mapping& m);

// The name of the document's root element ("" when there is none), read from the raw text.
std::string root_element_name(std::string_view text);

// Reads every record of `text` into `records` in document order: in each batch the unit elements,
// then the person elements. Throws InputError (at `path`, with line and column) for malformed XML,
// nesting deeper than `max_depth`, or an element that never closes. With a second thread (by
// default from kParseThreadMinBytes on), one thread cuts the records out of the text while the
// other parses them and builds the people: the same org, issues and errors.
inline constexpr std::size_t kParseThreadMinBytes = 16u << 20;
void stream_records(FileBytes& bytes, const std::string& path, FileIndex file, const Mapping& m,
                    const std::vector<std::string>& split_names, unsigned max_depth, XmlRecords& records,
                    detail::Split parse_thread = detail::Split::by_size);

}  // namespace orgaudit::import::xml
