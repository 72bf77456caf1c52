// One org-file item, as a node tree, into one model entity (format: docs/org-format.md).
#pragma once

#include "loader/yaml_fields.h"
#include "orgaudit/model.h"

namespace orgaudit::yaml {

void read_person(Fields& fields, NodeId map, Person& out);
void read_unit(Fields& fields, NodeId map, Unit& out);
void read_link(Fields& fields, NodeId map, Link& out);
// The `org:` block; values already set by an earlier file are kept (a conflict is a warning).
void read_org_block(Fields& fields, NodeId map, Org& org);

}  // namespace orgaudit::yaml
