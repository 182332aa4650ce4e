#pragma once
// Whether this build runs under AddressSanitizer (GCC defines __SANITIZE_ADDRESS__, clang
// answers __has_feature): memory that is reused or carved by hand for speed is left to the
// ordinary allocator then, so ASan still reports reads past it and after it is freed.
namespace sf {

#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool kAddressSanitizer = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr bool kAddressSanitizer = true;
#else
inline constexpr bool kAddressSanitizer = false;
#endif
#else
inline constexpr bool kAddressSanitizer = false;
#endif

} // namespace sf
