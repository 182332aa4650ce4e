// openDataSource(): picks the reader for a file by magic bytes, then content, then name.
#include "data/csvsource.h"
#include "data/datasource.h"
#include "data/jsonsource.h"
#include "data/mappedfile.h"
#include "data/sqlitesource.h"

#include <QFileInfo>

namespace sf {

namespace {

char firstNonSpace(std::string_view bytes)
{
    std::size_t i = 0;
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
    const std::size_t limit = std::min(bytes.size(), i + 4096);
    for (; i < limit; ++i) {
        const char c = bytes[i];
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n') return c;
    }
    return 0;
}

bool hasTsvName(const QString &path)
{
    // data.tsv, data.tsv.gz, data.tab.zst …
    const QStringList parts = QFileInfo(path).fileName().toLower().split(QLatin1Char('.'));
    return parts.contains(QLatin1String("tsv")) || parts.contains(QLatin1String("tab"));
}

} // namespace

std::unique_ptr<DataSource> openDataSource(const QString &path, const SourceOptions &options,
                                           const OpenControl &control, QString *error)
{
    QString localError;
    QString *err = error ? error : &localError;
    SourceFormat format = options.format;
    // SQLite files are recognised on the raw file, before any mapping or decompression.
    if (format == SourceFormat::Sqlite || (format == SourceFormat::Auto && isSqliteFile(path)))
        return openSqliteSource(path, options, control, err);

    std::shared_ptr<MappedFile> file = MappedFile::open(path, control, err);
    if (!file) return nullptr;
    // SQLite reads only plain database files; its pages are no delimited text either.
    if (!file->compression().isEmpty() && looksLikeSqlite(file->bytes())) {
        *err =
            path + QStringLiteral(": a %1-compressed SQLite database: decompress it first (SQLite "
                                  "opens only uncompressed database files)")
                       .arg(file->compression());
        return nullptr;
    }
    if (format == SourceFormat::Auto) {
        const char c = firstNonSpace(file->bytes());
        if (c == '{') format = SourceFormat::JsonLines;
        else if (c == '[') format = SourceFormat::JsonArray;
    }
    switch (format) {
    case SourceFormat::JsonLines:
    case SourceFormat::JsonArray:
        return openJsonSource(std::move(file), format, options, control, err);
    case SourceFormat::Tsv: return CsvSource::open(std::move(file), options, true, control, err);
    case SourceFormat::Csv: return CsvSource::open(std::move(file), options, false, control, err);
    case SourceFormat::Auto:
    case SourceFormat::Sqlite: break;
    }
    const bool tsv = hasTsvName(path);
    return CsvSource::open(std::move(file), options, tsv, control, err);
}

} // namespace sf
