#include "analysis/rowwriter.h"
#include "core/valueparse.h"
#include "export/jsontext.h"

namespace sf {

QString rowFormatName(RowFormat f)
{
    switch (f) {
    case RowFormat::Csv: return QStringLiteral("csv");
    case RowFormat::JsonLines: return QStringLiteral("jsonl");
    case RowFormat::JsonArray: return QStringLiteral("json");
    }
    return QString();
}

bool rowFormatFromPath(const QString &path, RowFormat *out)
{
    const QString lower = path.toLower();
    if (lower.endsWith(QLatin1String(".csv")))
        *out = RowFormat::Csv;
    else if (lower.endsWith(QLatin1String(".jsonl")) || lower.endsWith(QLatin1String(".ndjson")))
        *out = RowFormat::JsonLines;
    else if (lower.endsWith(QLatin1String(".json")))
        *out = RowFormat::JsonArray;
    else
        return false;
    return true;
}

RowWriter::RowWriter(RowLayout layout)
    : m_layout(std::move(layout))
{
    for (const Column &c : m_layout.schema.columns) {
        QByteArray key;
        const QByteArray name = c.name.toUtf8();
        json::appendString(key, std::string_view(name.constData(), std::size_t(name.size())));
        key.append(':');
        m_keys.push_back(key);
    }
}

void RowWriter::appendJsonValue(QByteArray &out, const Record &record, std::size_t i) const
{
    const std::string_view text = record.fields[i];
    if (m_layout.exactTexts || m_layout.headerless) {
        json::appendString(out, text);
        return;
    }
    if (record.isNull(i)) {
        out.append("null");
        return;
    }
    switch (m_layout.schema.columns[qsizetype(i)].type) {
    case ColumnType::Int64: {
        std::int64_t v = 0;
        double d = 0;
        if (parseInt64(text, &v))
            json::appendNumber(out, v);
        else if (parseDouble(text, &d))
            json::appendNumber(out, d);
        else
            json::appendString(out, text); // did not fit the inferred type: keep the text
        return;
    }
    case ColumnType::Double: {
        double d = 0;
        if (parseDouble(text, &d))
            json::appendNumber(out, d);
        else
            json::appendString(out, text);
        return;
    }
    case ColumnType::Bool: {
        bool b = false;
        if (parseBool(text, &b))
            out.append(b ? "true" : "false");
        else
            json::appendString(out, text);
        return;
    }
    case ColumnType::DateTime:
    case ColumnType::String: break;
    }
    json::appendString(out, text);
}

void RowWriter::append(const Record &record, RowBuffer &out) const
{
    ++out.rows;
    const std::size_t n = record.fields.size();
    if (m_layout.format == RowFormat::Csv) {
        for (std::size_t i = 0; i < n; ++i) {
            const std::string_view f = record.fields[i];
            out.csv.field(QByteArray::fromRawData(f.data(), qsizetype(f.size())));
        }
        out.csv.endRow();
        return;
    }
    QByteArray &json = out.json;
    if (m_layout.format == RowFormat::JsonArray) json.append(",\n", 2);
    const bool asArray = m_layout.headerless;
    json.append(asArray ? '[' : '{');
    const std::size_t columns = asArray ? n : std::min(n, m_keys.size());
    for (std::size_t i = 0; i < columns; ++i) {
        if (i) json.append(',');
        if (!asArray) json.append(m_keys[i]);
        appendJsonValue(json, record, i);
    }
    json.append(asArray ? ']' : '}');
    if (m_layout.format == RowFormat::JsonLines) json.append('\n');
}

QByteArray RowWriter::header() const
{
    if (m_layout.format == RowFormat::JsonArray) return QByteArrayLiteral("[");
    if (m_layout.format != RowFormat::Csv || m_layout.headerless) return {};
    CsvWriter csv;
    for (const Column &c : m_layout.schema.columns)
        csv.field(c.name);
    csv.endRow();
    return csv.take();
}

QByteArray RowWriter::footer() const
{
    return m_layout.format == RowFormat::JsonArray ? QByteArrayLiteral("\n]\n") : QByteArray();
}

QByteArray RowWriter::separator() const
{
    return m_layout.format == RowFormat::JsonArray ? QByteArrayLiteral(",\n") : QByteArray();
}

} // namespace sf
