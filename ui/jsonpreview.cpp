#include "jsonpreview.h"

#include <QJsonDocument>
#include <algorithm>

namespace sf::ui {

JsonPreview makeJsonPreview(const QJsonObject &json, qsizetype maxBytes)
{
    const QByteArray all = QJsonDocument(json).toJson(QJsonDocument::Indented);
    JsonPreview p;
    p.totalBytes = all.size();
    p.totalLines = all.count('\n');
    qsizetype shown = all.size();
    if (all.size() > maxBytes) {
        // Up to the last line end inside the limit (a single longer line is shown whole).
        const qsizetype cut = all.lastIndexOf('\n', std::max<qsizetype>(maxBytes - 1, 0));
        shown = cut >= 0 ? cut + 1 : all.indexOf('\n') + 1;
        p.hiddenLines = all.sliced(shown).count('\n');
    }
    p.text = QString::fromUtf8(all.first(shown));
    return p;
}

} // namespace sf::ui
