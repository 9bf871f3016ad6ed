/* ICP_API marks the library's public symbols (C and C++).
 *
 * The library is built with -fvisibility=hidden: only declarations carrying
 * ICP_API (the C++ API of icp/classifier.hpp, icp/decision.hpp,
 * icp/errors.hpp, icp/facts.hpp and icp/rules.hpp, and the C API of icp/icp.h) are exported from the shared
 * library; everything else, including the ICU-facing internals, stays
 * private to it.
 *
 * Consumers define nothing on ELF and Mach-O, where the macro is the same
 * for both libraries. On Windows the static library needs ICP_STATIC (no
 * dllimport): the CMake package's static target defines it; a pkg-config
 * user linking the static library there defines it by hand. This header is
 * valid C89 and C++. */
#ifndef ICP_EXPORT_H
#define ICP_EXPORT_H

#if defined(_WIN32) || defined(__CYGWIN__)
#if defined(ICP_STATIC)
#define ICP_API
#elif defined(ICP_BUILDING_LIBRARY)
#define ICP_API __declspec(dllexport)
#else
#define ICP_API __declspec(dllimport)
#endif
#elif defined(__GNUC__) || defined(__clang__)
#define ICP_API __attribute__((visibility("default")))
#else
#define ICP_API
#endif

#endif /* ICP_EXPORT_H */
