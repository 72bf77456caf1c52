// The `# yaml-language-server: $schema=...` first line of the YAML files orgaudit writes (`init`,
// `convert`), so editors with the YAML language server validate and complete them.
#pragma once

#include <string>

namespace orgaudit::cli {

// "# yaml-language-server: $schema=file:///.../NAME\n" for a schema of schema/ (NAME is
// orgaudit-org.schema.json or orgaudit-config.schema.json): the one installed beside this binary
// (<prefix>/share/orgaudit/schemas/), else the source tree's when running from a build directory,
// else the package's location, which is also the schema's $id.
std::string schema_line(const std::string& schema_name);

}  // namespace orgaudit::cli
