#pragma once

#include "orgaudit/export.h"

namespace orgaudit {
// The orgaudit release, e.g. "0.1.0".
ORGAUDIT_API const char* version();
}  // namespace orgaudit
