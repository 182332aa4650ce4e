// Fuzzes compressed input (.gz and .zst, detected by magic bytes) and the CSV layer behind it.
// The first byte picks the mode:
// - raw: the gzip or zstd magic followed by the fuzz bytes, so the decompressors see corrupt,
//   truncated and hostile streams; opening must succeed or fail with a message naming the file;
// - valid: the fuzz bytes compressed properly (one or two gzip members / zstd frames, any
//   level, optional zero padding after gzip), so opening must give exactly the fuzz bytes and a
//   dataset identical to the same bytes opened uncompressed (dialect, schema, index, every
//   record and reject, whole and chunked), except that a compressed SQLite database is refused
//   with a message saying so;
// - truncated: a valid stream cut short, which must fail with a message.
// The decompressed temporary file is capped (RLIMIT_FSIZE, with SIGXFSZ ignored) so a small
// input that inflates to gigabytes makes the write fail, which must also be a clean error.
#include "common.h"

#include "data/mappedfile.h"
#include "data/sqlitesource.h"

#include <csignal>
#include <sys/resource.h>
#include <zlib.h>
#include <zstd.h>

#include <string>

using namespace sf::fuzz;

namespace {

constexpr rlim_t kMaxFileBytes = 16 << 20;

std::string gzip(std::string_view in, int level)
{
    z_stream zs{};
    if (deflateInit2(&zs, level, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        std::abort();
    std::string out(deflateBound(&zs, uLong(in.size())) + 32, '\0');
    zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(in.data()));
    zs.avail_in = uInt(in.size());
    zs.next_out = reinterpret_cast<Bytef *>(out.data());
    zs.avail_out = uInt(out.size());
    if (deflate(&zs, Z_FINISH) != Z_STREAM_END) std::abort();
    out.resize(zs.total_out);
    deflateEnd(&zs);
    return out;
}

std::string zstd(std::string_view in, int level)
{
    std::string out(ZSTD_compressBound(in.size()), '\0');
    const std::size_t n = ZSTD_compress(out.data(), out.size(), in.data(), in.size(), level);
    if (ZSTD_isError(n)) std::abort();
    out.resize(n);
    return out;
}

Read readAll(const sf::DataSource &src, std::int64_t step)
{
    Read all;
    const std::int64_t rows = src.rowCount();
    for (std::int64_t first = 0; first < rows; first += step) {
        sf::RejectSink sink;
        sf::ChunkRange range;
        range.firstRow = first;
        range.rowCount = step;
        Read part = drain(*src.reader(range, sink), sink, std::min(step, rows - first));
        all.records.insert(all.records.end(), part.records.begin(), part.records.end());
        all.rejects.insert(all.rejects.end(), part.rejects.begin(), part.rejects.end());
    }
    return all;
}

void checkFailure(const std::unique_ptr<sf::DataSource> &src, const QString &path,
                  const QString &error)
{
    if (src) return;
    check(error.startsWith(path + QStringLiteral(": ")) && error.size() > path.size() + 2,
          "a failed open says why, naming the file");
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    // Writes past the cap fail with EFBIG instead of killing the process.
    std::signal(SIGXFSZ, SIG_IGN);
    rlimit limit{kMaxFileBytes, kMaxFileBytes};
    setrlimit(RLIMIT_FSIZE, &limit);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size < 2 || size > 64 * 1024 + 2) return 0;
    const std::uint8_t mode = data[0];
    const std::uint8_t extra = data[1];
    const std::string_view bytes(reinterpret_cast<const char *>(data + 2), size - 2);
    const bool useZstd = mode & 1;
    const QString path = scratchPath("compressed", useZstd ? ".csv.zst" : ".csv.gz");
    sf::SourceOptions options; // what a user gets: everything sniffed
    QString error;

    switch ((mode >> 1) % 3) {
    case 0: { // raw stream bytes after the magic
        const std::string magic =
            useZstd ? std::string("\x28\xb5\x2f\xfd", 4) : std::string("\x1f\x8b", 2);
        if (!writeFile(path, magic + std::string(bytes))) return 0;
        auto src = sf::openDataSource(path, options, {}, &error);
        checkFailure(src, path, error);
        if (src) {
            check(src->info().compression ==
                      (useZstd ? QStringLiteral("zstd") : QStringLiteral("gzip")),
                  "the compression is reported");
            const Read whole = readAll(*src, std::max<std::int64_t>(1, src->rowCount()));
            checkAccounting(whole, src->rowCount());
        }
        return 0;
    }
    case 1: { // a valid stream: must equal the plain file
        const int level = useZstd ? 1 + (extra & 7) : (extra & 7) + 1;
        const bool twoParts = extra & 8;
        const std::size_t cut = twoParts ? bytes.size() / 2 : bytes.size();
        std::string stream =
            useZstd ? zstd(bytes.substr(0, cut), level) : gzip(bytes.substr(0, cut), level);
        if (twoParts)
            stream += useZstd ? zstd(bytes.substr(cut), level) : gzip(bytes.substr(cut), level);
        if (!useZstd && (extra & 16)) stream.append(std::size_t(1 + (extra >> 5)), '\0');
        if (!writeFile(path, stream)) return 0;
        QString mapError;
        auto mapped = sf::MappedFile::open(path, {}, &mapError);
        check(mapped != nullptr, "a valid stream decompresses");
        check(mapped->bytes() == bytes, "decompression gives back the bytes that were compressed");
        mapped.reset();

        if (sf::looksLikeSqlite(bytes)) { // plain, it would open as a database
            auto src = sf::openDataSource(path, options, {}, &error);
            check(!src && error.contains(
                              QStringLiteral("-compressed SQLite database: decompress it first")),
                  "a compressed SQLite database says so");
            return 0;
        }
        const QString plainPath = scratchPath("compressed_plain", ".csv");
        if (!writeFile(plainPath, bytes)) return 0;
        QString plainError;
        auto plain = sf::openDataSource(plainPath, options, {}, &plainError);
        auto src = sf::openDataSource(path, options, {}, &error);
        checkFailure(src, path, error);
        check(!src == !plain, "compressed and plain open alike");
        if (!src) {
            check(error.mid(path.size()) == plainError.mid(plainPath.size()),
                  "compressed and plain fail with the same reason");
            return 0;
        }
        const sf::SourceInfo a = src->info();
        const sf::SourceInfo b = plain->info();
        check(a.format == b.format && a.delimiter == b.delimiter && a.quote == b.quote &&
                  a.header == b.header && a.bom == b.bom && a.lineEnding == b.lineEnding,
              "compressed and plain sniff the same dialect");
        check(src->rowCount() == plain->rowCount() &&
                  src->index().dataBegin == plain->index().dataBegin &&
                  src->index().dataEnd == plain->index().dataEnd,
              "compressed and plain index alike");
        check(src->schema().size() == plain->schema().size(),
              "compressed and plain have one schema");
        for (int i = 0; i < src->schema().size(); ++i)
            check(src->schema().columns[i].name == plain->schema().columns[i].name &&
                      src->schema().columns[i].type == plain->schema().columns[i].type,
                  "compressed and plain have one schema");
        const Read whole = readAll(*src, std::max<std::int64_t>(1, src->rowCount()));
        checkAccounting(whole, src->rowCount());
        check(whole == readAll(*plain, std::max<std::int64_t>(1, plain->rowCount())),
              "compressed and plain read the same records");
        check(readAll(*src, 1 + (extra & 3)) == whole, "chunked reads equal the whole-file read");
        return 0;
    }
    default: { // truncated
        if (bytes.empty()) return 0;
        const std::string stream = useZstd ? zstd(bytes, 1) : gzip(bytes, 1);
        const std::size_t keep = std::size_t(extra) * stream.size() / 256; // < stream.size()
        if (!writeFile(path, stream.substr(0, std::max<std::size_t>(keep, useZstd ? 4 : 2))))
            return 0;
        auto src = sf::openDataSource(path, options, {}, &error);
        if (keep >= (useZstd ? 4u : 2u)) check(src == nullptr, "a truncated stream does not open");
        checkFailure(src, path, error);
        return 0;
    }
    }
}
