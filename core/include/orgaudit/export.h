// What liborgaudit, the rule-pack SDK, exports. The library is built with hidden visibility, so only
// what is marked ORGAUDIT_API (and the inline code in these headers) is part of the SDK a pack links
// against; the rest of orgaudit is linked into the binary and is no pack's business.
#pragma once

#define ORGAUDIT_API __attribute__((visibility("default")))
