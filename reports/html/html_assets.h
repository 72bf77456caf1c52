// report.css and report.js, inlined into every report (generated from html_assets.cc.in).
#pragma once

namespace orgaudit::html {

extern const char* const kReportCss;
extern const char* const kReportJs;

}  // namespace orgaudit::html
