#pragma once
// A growable array stored in fixed blocks of 2^BlockBits elements: indexing is a shift and a
// mask, growing never moves an element (so a million-record table grows inside a snapshot at
// the cost of one allocation per block), and references stay valid while it grows.
// std::deque would do the same with blocks of only 512 bytes (3 task records each).
// A new block's pages are backed in one call before it is filled (see core/prefault.h).
#include "core/prefault.h"
#include <cstddef>
#include <memory>
#include <new>
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
            m_blocks.push_back(newBlock());
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
    struct BlockDeleter {
        void operator()(T *p) const
        {
            std::destroy_n(p, kBlock);
            ::operator delete(p, std::align_val_t(alignof(T)));
        }
    };
    using Block = std::unique_ptr<T[], BlockDeleter>;

    static Block newBlock()
    {
        void *raw = ::operator new(sizeof(T) * kBlock, std::align_val_t(alignof(T)));
        prefaultForWrite(raw, sizeof(T) * kBlock);
        T *first = static_cast<T *>(raw);
        try {
            std::uninitialized_value_construct_n(first, kBlock);
        } catch (...) {
            ::operator delete(raw, std::align_val_t(alignof(T)));
            throw;
        }
        return Block(first);
    }

    std::vector<Block> m_blocks;
    std::size_t m_size = 0;
};

} // namespace sf
