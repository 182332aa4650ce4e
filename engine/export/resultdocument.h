#pragma once
// A result's whole JSON document: `doc` (the analysis' json, plus whatever a caller adds) and
// the table rows the result's JsonRows names, under their key. The rows are written as text
// straight from the table, in exactly the bytes QJsonDocument writes for the same document
// built as QJsonObjects (tst_export compares the two), at a fraction of the time and memory.
#include "analysis/analysisresult.h"
#include <QJsonDocument>

class QIODevice;

namespace sf {

// False when the device fails.
bool writeResultDocument(QIODevice &device, const QJsonObject &doc, const AnalysisResult &result,
                         QJsonDocument::JsonFormat format);
QByteArray resultDocumentText(const QJsonObject &doc, const AnalysisResult &result,
                              QJsonDocument::JsonFormat format);
// The document as a QJsonObject, for small results and tests.
QJsonObject resultDocument(const QJsonObject &doc, const AnalysisResult &result);
inline QJsonObject resultDocument(const AnalysisResult &result)
{
    return resultDocument(result.json, result);
}

} // namespace sf
