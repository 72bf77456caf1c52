# orgaudit_add_pack(name sources...): a rule pack, the one way every pack is built, built-in or not
# (the package config installs this file for third parties). A MODULE named orgaudit-<name>.so,
# linked to the SDK, with hidden visibility so the entry point is all it exports.
function(orgaudit_add_pack name)
  add_library(${name} MODULE ${ARGN})
  target_link_libraries(${name} PRIVATE orgaudit::sdk)
  set_target_properties(${name} PROPERTIES PREFIX "" OUTPUT_NAME "orgaudit-${name}"
                        CXX_VISIBILITY_PRESET hidden VISIBILITY_INLINES_HIDDEN ON)
endfunction()
