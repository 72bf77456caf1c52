#pragma once

namespace orgaudit {
// The orgaudit release, e.g. "0.1.0".
const char* version();
}  // namespace orgaudit
