// Streams the records of an identity-directory JSON export (SCIM, Microsoft Graph) through
// nlohmann-json's SAX parser, with the byte offset of every value, so a million users are never
// one document tree and every finding can point at the value it is about.
//
// Records are found where directory exports put them: the elements of a top-level array, the
// elements of a page's `Resources` (SCIM ListResponse) or `value` (Graph) array, or a top-level
// object that is neither (JSON Lines, one resource per line). Several documents may follow one
// another (JSON Lines, Graph pages concatenated).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "import/text_locator.h"

namespace orgaudit::import::json {

struct Scalar {
  enum Type { null, boolean, number, string } type = null;
  std::string_view text;  // a string's value or a number as written; "true"/"false"; empty for null
};

class RecordSink {
 public:
  virtual ~RecordSink() = default;
  // A record starts at byte `offset` (its `{`).
  virtual void begin(std::size_t offset) = 0;
  // One scalar of the current record: `pointer` is its JSON Pointer from the record
  // ("/name/givenName", "/emails/0/value"), `offset` where the value starts.
  virtual void scalar(std::string_view pointer, const Scalar& value, std::size_t offset) = 0;
  // The current record ends; `top_level`: it was a whole document rather than an element of a page.
  virtual void end(bool top_level) = 0;
  // A top-level object turned out to be a page (it holds a `Resources` or `value` array): what was
  // read of it as a record is dropped. The page's records follow.
  virtual void page(std::size_t offset) = 0;
  // A page ended; `next_link` is its `@odata.nextLink` (Graph), empty when none.
  virtual void page_end(std::string_view next_link) { (void)next_link; }
};

// Feeds every record of `text` to `sink`. Throws InputError at `path`:line:col (by `locate`) for
// malformed JSON (truncated, invalid UTF-8, a bad escape), or a top-level value that is not an
// object or array.
void read_records(std::string_view text, const std::string& path, const TextLocator& locate, RecordSink& sink);

}  // namespace orgaudit::import::json
