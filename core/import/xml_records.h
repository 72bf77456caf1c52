// Turns XML unit and person elements into org entities by a Mapping, one element at a time, so
// the same code serves a whole-document parse and a streamed one (xml_stream.h).
#pragma once

#include <deque>
#include <string>
#include <unordered_map>
#include <vector>

#include <pugixml.hpp>

#include "import/row_builder.h"
#include "import/xml_mapping.h"
#include "orgaudit/model.h"

namespace orgaudit::import::xml {

// Where a string of the parsed buffer is in the file.
class Locator {
 public:
  virtual ~Locator() = default;
  // `text` points into the buffer pugixml parsed; null or outside it gives `fallback`.
  virtual SourceLocation at(const char* text, const SourceLocation& fallback) const = 0;
  SourceLocation at(pugi::xml_node node) const;

 protected:
  virtual const char* buffer() const = 0;
};

class XmlRecords final : private FieldPlaces {
 public:
  // `text` is what the elements are read from: whether it is all valid UTF-8 (else values that are
  // not are repaired) is checked when its first element is read, on the thread that reads it.
  XmlRecords(Org& org, FileIndex file, const Mapping& mapping, std::string_view text, const RecordLimits& limits);
  // A streamed export: the next elements come from `batch` (their records, copied out of the file),
  // which is checked for UTF-8 in its turn, so no thread reads the whole mapped file ahead of the
  // scanner (its pages would all be resident at once).
  void read_from(std::string_view batch) {
    text_ = batch;
    utf8_checked_ = false;
  }

  // `slots`, when given, are the element's children as Children::find found them for the
  // mapping's first_steps; else they are found here.
  void unit(pugi::xml_node node, const Locator& locate, const pugi::xml_node* slots = nullptr);
  void person(pugi::xml_node node, const Locator& locate, const pugi::xml_node* slots = nullptr);
  std::size_t persons() const { return persons_; }  // person elements read so far
  std::size_t units() const { return units_; }      // unit elements read so far
  // Room for `people` more people and `units` more units, so a large export does not regrow (and
  // copy) them.
  void reserve(std::size_t people, std::size_t units) {
    builder_.reserve(people);
    org_.units.reserve(org_.units.size() + units);
  }
  // After the last element: lines named by person (HR-XML ReportsToPerson) become lines to the
  // positions those people hold; the encoding issue. Throws InputError when no person loaded.
  void finish(const std::string& path, const std::string& root);

 private:
  // The value of `path` under `context`; `at` gets where it lies in the parsed buffer (or null).
  std::string_view read(const FieldPath& path, pugi::xml_node context, const char*& at);
  std::string_view read(const FieldPath& path, pugi::xml_node context, const Locator& locate,
                        const SourceLocation& fallback, SourceLocation& where);
  SourceLocation of(int column) const override;
  void check_utf8();

  struct PersonLines {
    PersonIndex person;
    std::string manager;
    std::vector<std::string> dotted;
  };

  Org& org_;
  const Mapping& m_;
  std::string_view text_;
  bool utf8_checked_ = false, utf8_ = true;
  std::vector<std::string> header_;
  Layout layout_;
  RowBuilder builder_;
  std::deque<std::string> storage_;  // computed or repaired values of the current element
  std::string computed_;             // where a path computes its value
  Children children_;                // the current element's
  std::vector<std::string_view> values_;
  std::vector<const char*> at_;       // where each value of the current person lies
  const Locator* locate_ = nullptr;   // for the current person
  SourceLocation record_;             // the current person element
  std::unordered_map<std::string, PersonIndex> position_of_;  // incumbent person id -> position
  std::vector<PersonLines> by_person_;
  std::size_t persons_ = 0, units_ = 0;
  std::size_t repaired_ = 0;
  SourceLocation first_repair_;
};

}  // namespace orgaudit::import::xml
