#pragma once
// A growable array stored in fixed blocks of 2^BlockBits elements: indexing is a shift and a
// mask, growing never moves an element (so a million-record table grows inside a snapshot at
// the cost of one allocation per block), and references stay valid while it grows.
// std::deque would do the same with blocks of only 512 bytes (3 task records each).
#include <cstddef>
#include <memory>
#include <vector>

namespace sf {

template <typename T, unsigned BlockBits = 12>
class ChunkedVector {
public:
    static constexpr std::size_t kBlock = std::size_t(1) << BlockBits;

    std::size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }

    T &operator[](std::size_t i) { return m_blocks[i >> BlockBits][i & (kBlock - 1)]; }
    const T &operator[](std::size_t i) const
    {
        return m_blocks[i >> BlockBits][i & (kBlock - 1)];
    }

    // Grows with default-constructed elements or shrinks (shrunk elements are reset to T{}).
    void resize(std::size_t n)
    {
        while (m_blocks.size() * kBlock < n)
            m_blocks.push_back(std::make_unique<T[]>(kBlock));
        for (std::size_t i = n; i < m_size; ++i)
            (*this)[i] = T{};
        m_size = n;
    }

    void push_back(T value)
    {
        resize(m_size + 1);
        (*this)[m_size - 1] = std::move(value);
    }

    void clear()
    {
        m_blocks.clear();
        m_size = 0;
    }

    template <typename F>
    void forEach(F &&f)
    {
        for (std::size_t i = 0; i < m_size; ++i)
            f((*this)[i]);
    }

    std::vector<T> toVector() const
    {
        std::vector<T> out;
        out.reserve(m_size);
        for (std::size_t i = 0; i < m_size; ++i)
            out.push_back((*this)[i]);
        return out;
    }

private:
    std::vector<std::unique_ptr<T[]>> m_blocks;
    std::size_t m_size = 0;
};

} // namespace sf
