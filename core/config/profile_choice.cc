#include "config/profile_choice.h"

#include <vector>

namespace orgaudit {
namespace {

std::string counted(std::size_t n, const char* singular, const char* plural) {
  return std::to_string(n) + " " + (n == 1 ? singular : plural);
}

}  // namespace

ProfileChoice choose_profile(const Org& org) {
  std::size_t platforms = 0, emcs = 0, mes = 0;
  for (const Unit& unit : org.units) {
    if (unit.kind == UnitKind::platform) ++platforms;
    else if (unit.kind == UnitKind::emc) ++emcs;
    else if (unit.kind == UnitKind::me) ++mes;
  }
  std::vector<std::string> declared;
  if (platforms) declared.push_back(counted(platforms, "platform", "platforms"));
  if (emcs) declared.push_back(counted(emcs, "EMC", "EMCs"));
  if (mes) declared.push_back(counted(mes, "ME", "MEs"));
  if (declared.empty()) return {kClassicProfile, "chosen: the org declares no platforms, EMCs or MEs"};
  std::string list;
  for (std::size_t i = 0; i < declared.size(); ++i)
    list += (i == 0 ? "" : i + 1 == declared.size() ? " and " : ", ") + declared[i];
  return {kRendanheyiProfile, "chosen: the org declares " + list};
}

}  // namespace orgaudit
