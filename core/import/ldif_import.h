// Reads an LDIF export (RFC 2849; docs/import.md) as `ldifde` (Active Directory) and `slapcat` or
// `ldapsearch -L` (OpenLDAP) write it: one person per entry, the `manager` attribute a DN.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "io/file_system.h"
#include "loader/input_formats.h"
#include "orgaudit/model.h"
#include "util/diagnostic.h"
#include "util/progress.h"

namespace orgaudit::import {

// The `ldif` input format. A person's id is the normalised form of its DN (normalise_dn), so a
// `manager` DN written with other case or spacing still matches. Disabled AD accounts
// (userAccountControl bit 2) are left out and counted in a warning; `directReports` is checked
// against the `manager` lines. Throws InputError for an empty file or one no entry could be loaded from.
void load_ldif(const FileSystem& files, const std::string& path, const LoadOptions& options, Org& org,
               std::vector<Diagnostic>& warnings, Progress& progress);

// A DN as LDAP compares it: attribute types and values in lower case, spaces around `,` `=` and
// `+` dropped and runs of spaces inside a value made one; `\,`-style and `\2C`-style escapes kept
// as one form (`\2c` becomes `\,`). "CN=Ada  Lovelace, OU=Users,DC=Example" -> "cn=ada lovelace,ou=users,dc=example".
std::string normalise_dn(std::string_view dn);
// The same into `out` (its room reused: a million entries need no allocation for it).
void normalise_dn(std::string_view dn, std::string& out);

// RFC 4648 base64 (padding optional, whitespace ignored); false when `text` is not base64.
bool decode_base64(std::string_view text, std::string& out);

}  // namespace orgaudit::import
