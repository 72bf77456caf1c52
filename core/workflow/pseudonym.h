// Stable pseudonyms from a keyed hash (HMAC-SHA256), for reports shared outside HR.
//
// Keyed, because employee ids, names and e-mail addresses come from small, guessable spaces: an
// unkeyed hash of "E1042" is reversed by hashing E0000..E9999. Without the key nobody can run that
// search; with the same key every run, format and snapshot maps an id to the same pseudonym.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

namespace orgaudit {

// Thrown for an empty key; the CLI turns it into exit 2.
class PseudonymKeyError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Pseudonymizer {
 public:
  explicit Pseudonymizer(std::string key);

  // Lower-case hex of HMAC-SHA256(key, domain NUL value). The domain keeps pseudonyms of different
  // kinds of value apart, so a person's id and their e-mail never share a digest.
  std::string digest(std::string_view domain, std::string_view value) const;

  // "p-" and 64 bits of the digest: collisions stay unlikely (about 3e-8) even for a million people.
  std::string person_id(std::string_view id) const;
  // "Person " and the first 8 hex digits of the id's pseudonym, so a reader can match a name to its
  // id in a report. Derived from the id, not the name: two people called Jo Smith stay two people.
  std::string person_name(std::string_view id) const;
  // The same name from an id's pseudonym, so a million people cost one HMAC each, not two.
  static std::string person_name_of_pseudonym(const std::string& person_id_pseudonym);
  // An address in the reserved .invalid domain, so nothing is ever mailed by accident.
  std::string email(std::string_view address) const;
  // Another personal value (phone, address, ...): "<field>-" and 10 hex digits.
  std::string value(std::string_view field, std::string_view text) const;

 private:
  std::string key_;
};

}  // namespace orgaudit
