#pragma once
// Wall-clock bounds in tests are written for an optimised build; sanitizers slow code down by
// a known factor, so timing assertions scale their bound by this instead of being dropped.
namespace sf::test {

constexpr double timingSlack()
{
#if defined(__SANITIZE_THREAD__)
    return 10.0;
#elif defined(__SANITIZE_ADDRESS__)
    return 4.0;
#else
    return 1.0;
#endif
}

} // namespace sf::test
