#include "orgaudit/version.h"

namespace orgaudit {
const char* version() { return ORGAUDIT_VERSION; }
}  // namespace orgaudit
