// Results: the analysis' JSON document as indented JSON, or its flat table as CSV.
#include "export/atomicwrite.h"
#include "export/csvwriter.h"
#include "export/exporters.h"
#include "export/resultdocument.h"
#include <QFileInfo>
#include <QJsonDocument>

namespace sf {

bool exportJson(const QJsonObject &document, const QString &path, QString *error) {
    return writeFileAtomically(path, QJsonDocument(document).toJson(QJsonDocument::Indented),
                               error);
}

bool exportResultCsv(const ResultTable &table, const QString &path, QString *error) {
    return writeFileAtomically(
        path,
        [&table](QIODevice &device) {
            CsvWriter csv;
            csv.row(table.columns);
            for (qsizetype r = 0; r < table.rowCount(); ++r) {
                for (const QVariant &cell : table.row(r))
                    csv.variant(cell);
                csv.endRow();
                if (!csv.flushTo(device)) return false;
            }
            return csv.flushTo(device, true);
        },
        error);
}

bool exportResult(const QJsonObject &document, const AnalysisResult &result, const QString &path,
                  QString *error) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("json"))
        return writeFileAtomically(
            path,
            [&](QIODevice &device) {
                return writeResultDocument(device, document, result, QJsonDocument::Indented);
            },
            error);
    if (suffix == QLatin1String("csv")) return exportResultCsv(result.table, path, error);
    if (error)
        *error =
            QStringLiteral("cannot write %1: unknown result format \".%2\" (use .json or .csv)")
                .arg(path, suffix);
    return false;
}

} // namespace sf
