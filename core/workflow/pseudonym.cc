#include "workflow/pseudonym.h"

#include <cctype>
#include <stdexcept>

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/opensslv.h>

#include "util/runtime_library.h"

namespace orgaudit {
namespace {

#define ORGAUDIT_STRINGIZE(x) #x
#define ORGAUDIT_SONAME(version) "libcrypto.so." ORGAUDIT_STRINGIZE(version)

// OpenSSL's libcrypto, opened the first time a pseudonym is made rather than linked: mapping and
// relocating its 4.7 MB took 1.6 ms of every run's start-up (a fifth of a 10,000-person audit),
// and only --anonymize uses it (util/runtime_library.h). The headers give the signatures; the
// soname is the one they are of.
struct LibCrypto {
  decltype(&HMAC) hmac = nullptr;
  decltype(&EVP_sha256) sha256 = nullptr;

  static const LibCrypto& get() {
    static const LibCrypto loaded = open();
    return loaded;
  }

 private:
  static LibCrypto open() {
    static constexpr detail::RuntimeLibrary kLibCrypto{ORGAUDIT_SONAME(OPENSSL_SHLIB_VERSION), "libssl3"};
    void* library = detail::open_runtime_library<std::runtime_error>(kLibCrypto, "--anonymize needs OpenSSL's ",
                                                                     RTLD_NOW | RTLD_LOCAL);
    LibCrypto crypto;
    detail::find_symbol<std::runtime_error>(library, kLibCrypto, "OpenSSL", "HMAC", crypto.hmac);
    detail::find_symbol<std::runtime_error>(library, kLibCrypto, "OpenSSL", "EVP_sha256", crypto.sha256);
    return crypto;
  }
};

}  // namespace

Pseudonymizer::Pseudonymizer(std::string key) : key_(std::move(key)) {
  if (key_.empty()) throw PseudonymKeyError("the anonymisation key is empty");
}

std::string Pseudonymizer::digest(std::string_view domain, std::string_view value) const {
  std::string message;
  message.reserve(domain.size() + 1 + value.size());
  message.append(domain).push_back('\0');
  message.append(value);
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  // OpenSSL's one-shot HMAC: audited SHA-256 and HMAC rather than a hand-rolled one.
  const LibCrypto& crypto = LibCrypto::get();
  if (!crypto.hmac(crypto.sha256(), key_.data(), static_cast<int>(key_.size()),
            reinterpret_cast<const unsigned char*>(message.data()), message.size(), mac, &length))
    throw std::runtime_error("HMAC-SHA256 failed in OpenSSL");
  static const char kHex[] = "0123456789abcdef";
  std::string hex(2 * length, '0');
  for (unsigned int i = 0; i < length; ++i) {
    hex[2 * i] = kHex[mac[i] >> 4];
    hex[2 * i + 1] = kHex[mac[i] & 0xf];
  }
  return hex;
}

std::string Pseudonymizer::person_id(std::string_view id) const { return "p-" + digest("person-id", id).substr(0, 16); }

std::string Pseudonymizer::person_name(std::string_view id) const { return person_name_of_pseudonym(person_id(id)); }

std::string Pseudonymizer::person_name_of_pseudonym(const std::string& pseudonym) {
  return "Person " + pseudonym.substr(2, 8);
}

std::string Pseudonymizer::email(std::string_view address) const {
  return "person-" + digest("email", address).substr(0, 12) + "@example.invalid";
}

std::string Pseudonymizer::value(std::string_view field, std::string_view text) const {
  std::string domain = "value:";
  domain.append(field);
  std::string label(field);
  for (char& c : label)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '-';
  return (label.empty() ? std::string("value") : label) + "-" + digest(domain, text).substr(0, 10);
}

}  // namespace orgaudit
