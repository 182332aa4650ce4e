#include "data/mappedfile.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryFile>
#include <zlib.h>
#include <zstd.h>

#include <cerrno>
#include <cstring>
#include <unistd.h>
#include <vector>

namespace sf {

namespace {

constexpr std::size_t kBlock = 1 << 20; // decompression buffer: bounded memory for any input

bool isCancelled(const OpenControl &control)
{
    return control.cancel && control.cancel->load(std::memory_order_relaxed);
}

// Decompressed output goes straight to disk in blocks, reporting progress over the input.
class Inflater {
public:
    Inflater(std::string_view in, QTemporaryFile &out, const OpenControl &control)
        : m_in(in), m_out(out), m_control(control), m_buffer(kBlock)
    {
    }
    bool gunzip(QString *reason);
    bool unzstd(QString *reason);

private:
    bool write(std::size_t n, QString *reason)
    {
        if (n == 0) return true;
        if (m_out.write(m_buffer.data(), qint64(n)) != qint64(n)) {
            *reason = QStringLiteral("cannot write the decompressed temporary file: ")
                      + m_out.errorString();
            return false;
        }
        return true;
    }
    bool tick(std::size_t consumed, QString *reason)
    {
        if (isCancelled(m_control)) {
            *reason = QStringLiteral("cancelled");
            return false;
        }
        if (m_control.progress) m_control.progress(qint64(consumed), qint64(m_in.size()));
        return true;
    }

    std::string_view m_in;
    QTemporaryFile &m_out;
    const OpenControl &m_control;
    std::vector<char> m_buffer;
};

bool Inflater::gunzip(QString *reason)
{
    z_stream zs{};
    // 16 + MAX_WBITS: expect a gzip header and trailer (CRC and size are checked by zlib).
    if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK) {
        *reason = QStringLiteral("cannot initialise zlib");
        return false;
    }
    std::size_t pos = 0;
    bool ok = true;
    bool memberOpen = true;
    while (ok) {
        const std::size_t chunk = std::min(kBlock, m_in.size() - pos);
        zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(m_in.data() + pos));
        zs.avail_in = uInt(chunk);
        const std::size_t chunkStart = pos;
        bool streamEnd = false;
        do {
            zs.next_out = reinterpret_cast<Bytef *>(m_buffer.data());
            zs.avail_out = uInt(m_buffer.size());
            const int rc = inflate(&zs, Z_NO_FLUSH);
            if (rc == Z_STREAM_END) {
                streamEnd = true;
            } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
                const std::size_t at = chunkStart + (chunk - zs.avail_in);
                *reason = QStringLiteral("corrupt gzip stream at byte %1 (%2)")
                              .arg(at)
                              .arg(QString::fromUtf8(zs.msg ? zs.msg : "inflate error"));
                ok = false;
                break;
            }
            if (!write(m_buffer.size() - zs.avail_out, reason)) {
                ok = false;
                break;
            }
            if (streamEnd) break;
        } while (zs.avail_out == 0 || zs.avail_in > 0);
        if (!ok) break;
        pos = chunkStart + (chunk - zs.avail_in);
        if (streamEnd) {
            memberOpen = false;
            // Concatenated members (gzip a b > c) form one stream; trailing zero padding is
            // tolerated as gzip(1) does, anything else is an error.
            if (pos + 2 <= m_in.size() && uchar(m_in[pos]) == 0x1f && uchar(m_in[pos + 1]) == 0x8b) {
                inflateReset(&zs);
                memberOpen = true;
            } else {
                for (std::size_t i = pos; i < m_in.size(); ++i) {
                    if (m_in[i] != 0) {
                        *reason = QStringLiteral("trailing garbage after gzip stream at byte %1").arg(i);
                        ok = false;
                        break;
                    }
                }
                break;
            }
        }
        if (!ok || !tick(pos, reason)) {
            ok = false;
            break;
        }
        if (pos >= m_in.size() && memberOpen) {
            *reason = QStringLiteral("truncated gzip stream (ends at byte %1)").arg(m_in.size());
            ok = false;
        }
    }
    inflateEnd(&zs);
    return ok;
}

bool Inflater::unzstd(QString *reason)
{
    ZSTD_DCtx *ctx = ZSTD_createDCtx();
    if (!ctx) {
        *reason = QStringLiteral("cannot initialise zstd");
        return false;
    }
    std::size_t pos = 0;
    std::size_t last = 1; // 0 once a frame is complete and fully flushed
    bool ok = true;
    while (ok && pos < m_in.size()) {
        const std::size_t chunk = std::min(kBlock, m_in.size() - pos);
        ZSTD_inBuffer in{m_in.data() + pos, chunk, 0};
        do {
            ZSTD_outBuffer out{m_buffer.data(), m_buffer.size(), 0};
            last = ZSTD_decompressStream(ctx, &out, &in);
            if (ZSTD_isError(last)) {
                *reason = QStringLiteral("corrupt zstd stream at byte %1 (%2)")
                              .arg(pos + in.pos)
                              .arg(QString::fromUtf8(ZSTD_getErrorName(last)));
                ok = false;
                break;
            }
            if (!write(out.pos, reason)) {
                ok = false;
                break;
            }
            if (out.pos < out.size && in.pos == in.size) break;
        } while (true);
        pos += in.pos;
        if (ok && !tick(pos, reason)) ok = false;
    }
    if (ok && last != 0) {
        *reason = QStringLiteral("truncated zstd stream (ends at byte %1)").arg(m_in.size());
        ok = false;
    }
    ZSTD_freeDCtx(ctx);
    return ok;
}

} // namespace

struct MappedFile::Impl {
    QFile file;
    QTemporaryFile temp;
};

MappedFile::~MappedFile() = default;

bool MappedFile::read(std::int64_t offset, std::size_t size, char *out, QString *error) const
{
    if (offset < 0 || offset + std::int64_t(size) > std::int64_t(m_bytes.size())) {
        if (error) *error = m_path + QStringLiteral(": read outside the file");
        return false;
    }
    const int fd = m_compression.isEmpty() ? m_impl->file.handle() : m_impl->temp.handle();
    while (size > 0) {
        const ssize_t n = ::pread(fd, out, size, off_t(offset));
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            if (error)
                *error = m_path + QStringLiteral(": cannot be read at byte %1 (%2)")
                                      .arg(offset)
                                      .arg(n < 0 ? QString::fromLocal8Bit(std::strerror(errno))
                                                 : QStringLiteral("the file became shorter"));
            return false;
        }
        out += n;
        offset += n;
        size -= std::size_t(n);
    }
    return true;
}

std::shared_ptr<MappedFile> MappedFile::open(const QString &path, const OpenControl &control,
                                             QString *error)
{
    auto fail = [&](const QString &reason) {
        if (error) *error = path + QStringLiteral(": ") + reason;
        return std::shared_ptr<MappedFile>();
    };
    const QFileInfo fi(path);
    if (!fi.exists()) return fail(QStringLiteral("not found"));
    if (fi.isDir()) return fail(QStringLiteral("is a directory"));

    std::shared_ptr<MappedFile> mf(new MappedFile);
    mf->m_impl = std::make_unique<Impl>();
    mf->m_path = path;
    QFile &file = mf->m_impl->file;
    file.setFileName(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("cannot be read (") + file.errorString() + QStringLiteral(")"));
    if (file.size() == 0) return mf;
    const uchar *raw = file.map(0, file.size());
    if (!raw) return fail(QStringLiteral("cannot be mapped (") + file.errorString() + QStringLiteral(")"));
    const std::string_view bytes(reinterpret_cast<const char *>(raw), std::size_t(file.size()));

    const bool gzip = bytes.size() >= 2 && uchar(bytes[0]) == 0x1f && uchar(bytes[1]) == 0x8b;
    const bool zstd = bytes.size() >= 4 && uchar(bytes[0]) == 0x28 && uchar(bytes[1]) == 0xb5
                      && uchar(bytes[2]) == 0x2f && uchar(bytes[3]) == 0xfd;
    if (!gzip && !zstd) {
        mf->m_bytes = bytes;
        return mf;
    }

    mf->m_compression = gzip ? QStringLiteral("gzip") : QStringLiteral("zstd");
    QTemporaryFile &temp = mf->m_impl->temp;
    if (!temp.open())
        return fail(QStringLiteral("cannot create a temporary file for decompression (")
                    + temp.errorString() + QStringLiteral(")"));
    QString reason;
    Inflater inflater(bytes, temp, control);
    if (!(gzip ? inflater.gunzip(&reason) : inflater.unzstd(&reason))) return fail(reason);
    if (control.progress) control.progress(qint64(bytes.size()), qint64(bytes.size()));
    if (!temp.flush()) return fail(QStringLiteral("cannot write the decompressed temporary file"));
    file.unmap(const_cast<uchar *>(raw));
    file.close();
    if (temp.size() == 0) return mf;
    const uchar *plain = temp.map(0, temp.size());
    if (!plain)
        return fail(QStringLiteral("cannot map the decompressed data (") + temp.errorString()
                    + QStringLiteral(")"));
    mf->m_bytes = std::string_view(reinterpret_cast<const char *>(plain), std::size_t(temp.size()));
    return mf;
}

} // namespace sf
