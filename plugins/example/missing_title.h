// example-missing-title: people and posts without a job title. One rule is one small class: what it
// declares about itself (info), its options read once (the constructor), and its check.
#pragma once

#include <orgaudit/rule.h>

namespace example {

class MissingTitle : public orgaudit::Rule {
 public:
  static orgaudit::RuleInfo info();
  explicit MissingTitle(const orgaudit::RuleOptions& options);
  void check(const orgaudit::CheckContext& context, orgaudit::FindingSink& sink) const override;

 private:
  bool ignore_vacant_;
};

}  // namespace example
