#include "export/resultdocument.h"

#include "export/atomicwrite.h"
#include "export/jsontext.h"
#include <QBuffer>
#include <QIODevice>
#include <QUuid>
#include <algorithm>
#include <cmath>
#include <vector>

namespace sf {

namespace {

// A table cell as QJsonDocument writes the QJsonValue an analysis would have made of it.
void appendCell(QByteArray &out, const QVariant &v)
{
    switch (v.typeId()) {
    case QMetaType::UnknownType:
    case QMetaType::Nullptr: out.append("null"); return;
    case QMetaType::Bool: json::appendBool(out, v.toBool()); return;
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::Long:
    case QMetaType::LongLong: out.append(QByteArray::number(v.toLongLong())); return;
    case QMetaType::Double:
    case QMetaType::Float: {
        const double d = v.toDouble();
        if (std::isfinite(d))
            out.append(QByteArray::number(d, 'g', QLocale::FloatingPointShortest));
        else
            out.append("null");
        return;
    }
    case QMetaType::QString: json::appendString(out, v.toString()); return;
    default: break;
    }
    if (v.isNull()) {
        out.append("null");
        return;
    }
    json::appendString(out, v.toString());
}

// How a row's object is laid out: its nested objects and their members, each list sorted by
// name with the last of equal names kept, as a QJsonObject keeps its keys.
struct Member {
    QByteArray name; // escaped, without quotes
    int column = 0;
};
struct Nest {
    QByteArray name;
    std::vector<Member> members;
};

QByteArray escapedName(const QString &name)
{
    QByteArray quoted;
    json::appendString(quoted, name);
    return quoted.sliced(1, quoted.size() - 2);
}

std::vector<Nest> rowLayout(const JsonRows &rows, const QStringList &columns)
{
    // (name, position): sorted by name, then by position so that the last of equals wins.
    std::vector<std::pair<QString, int>> nests;
    for (int n = 0; n < rows.nests.size(); ++n)
        nests.emplace_back(rows.nests[n].first, n);
    std::vector<int> firstColumn(std::size_t(rows.nests.size()) + 1, 0);
    for (int n = 0; n < rows.nests.size(); ++n)
        firstColumn[std::size_t(n) + 1] = firstColumn[std::size_t(n)] + rows.nests[n].second;
    auto sortedLastWins = [](std::vector<std::pair<QString, int>> v) {
        std::stable_sort(v.begin(), v.end(),
                         [](const auto &a, const auto &b) { return a.first < b.first; });
        std::vector<std::pair<QString, int>> out;
        for (auto &e : v) {
            if (!out.empty() && out.back().first == e.first)
                out.back() = e;
            else
                out.push_back(e);
        }
        return out;
    };
    std::vector<Nest> layout;
    for (const auto &[name, n] : sortedLastWins(nests)) {
        Nest nest;
        nest.name = escapedName(name);
        std::vector<std::pair<QString, int>> members;
        for (int c = firstColumn[std::size_t(n)]; c < firstColumn[std::size_t(n) + 1]; ++c)
            members.emplace_back(columns.value(c), c);
        for (const auto &[member, column] : sortedLastWins(members))
            nest.members.push_back({escapedName(member), column});
        layout.push_back(std::move(nest));
    }
    return layout;
}

// One row's object as an element of the rows' array (QJsonDocument's layout: the array at
// indent 1, so the object at 2, its members at 3 and theirs at 4).
void appendRow(QByteArray &out, const ResultTable &table, qsizetype row,
               const std::vector<Nest> &layout, bool compact)
{
    static const QByteArray pad(8, ' '), pad1(12, ' '), pad2(16, ' ');
    const char *comma = compact ? "," : ",\n";
    const char *end = compact ? "" : "\n";
    if (!compact) out.append(pad);
    out.append(compact ? "{" : "{\n");
    for (std::size_t n = 0; n < layout.size(); ++n) {
        const Nest &nest = layout[n];
        if (!compact) out.append(pad1);
        out.append('"').append(nest.name).append(compact ? "\":{" : "\": {\n");
        for (std::size_t k = 0; k < nest.members.size(); ++k) {
            if (!compact) out.append(pad2);
            out.append('"').append(nest.members[k].name).append(compact ? "\":" : "\": ");
            appendCell(out, table.cell(row, nest.members[k].column));
            out.append(k + 1 < nest.members.size() ? comma : end);
        }
        if (!compact) out.append(pad1);
        out.append('}');
        out.append(n + 1 < layout.size() ? comma : end);
    }
    if (!compact) out.append(pad);
    out.append('}');
}

} // namespace

bool writeResultDocument(QIODevice &device, const QJsonObject &doc, const AnalysisResult &result,
                         QJsonDocument::JsonFormat format)
{
    const JsonRows &rows = result.rows;
    const bool compact = format == QJsonDocument::Compact;
    if (rows.key.isEmpty()) {
        const QByteArray text = QJsonDocument(doc).toJson(format);
        return device.write(text) == text.size();
    }
    // QJsonDocument writes everything but the rows, around a marker where they go: the members'
    // order, layout and escapes stay Qt's own.
    const QString marker = QUuid::createUuid().toString(QUuid::Id128);
    QJsonObject withMarker = doc;
    withMarker.insert(rows.key, marker);
    const QByteArray text = QJsonDocument(withMarker).toJson(format);
    const QByteArray quoted = '"' + marker.toLatin1() + '"';
    const qsizetype at = text.indexOf(quoted);
    if (at < 0) return false;
    QByteArray out = text.first(at);
    const std::vector<Nest> layout = rowLayout(rows, result.table.columns);
    out.append(compact ? "[" : "[\n");
    const qsizetype rowCount = result.table.rowCount();
    for (qsizetype r = 0; r < rowCount; ++r) {
        appendRow(out, result.table, r, layout, compact);
        out.append(r + 1 < rowCount ? (compact ? "," : ",\n") : (compact ? "" : "\n"));
        if (!writeSlice(device, out)) return false;
    }
    out.append(compact ? "" : "    ").append(']');
    out.append(text.sliced(at + quoted.size()));
    return writeSlice(device, out, true);
}

QByteArray resultDocumentText(const QJsonObject &doc, const AnalysisResult &result,
                              QJsonDocument::JsonFormat format)
{
    QByteArray text;
    QBuffer buffer(&text);
    buffer.open(QIODevice::WriteOnly);
    writeResultDocument(buffer, doc, result, format);
    return text;
}

QJsonObject resultDocument(const QJsonObject &doc, const AnalysisResult &result)
{
    if (result.rows.key.isEmpty()) return doc;
    return QJsonDocument::fromJson(resultDocumentText(doc, result, QJsonDocument::Compact)).object();
}

} // namespace sf
