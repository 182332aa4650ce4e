#include "jsonpreview.h"

#include "export/resultdocument.h"
#include <QIODevice>
#include <algorithm>

namespace sf::ui {

namespace {

// Keeps the first `keep` bytes written to it and counts all of them and their line ends.
class HeadDevice : public QIODevice {
public:
    explicit HeadDevice(qsizetype keep) : m_keep(keep) { open(QIODevice::WriteOnly); }
    const QByteArray &head() const { return m_head; }
    qint64 bytes() const { return m_bytes; }
    qint64 lines() const { return m_lines; }

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *data, qint64 size) override
    {
        const qint64 room = std::max<qint64>(0, m_keep - m_head.size());
        m_head.append(data, qsizetype(std::min(room, size)));
        m_lines += std::count(data, data + size, '\n');
        m_bytes += size;
        return size;
    }

private:
    qsizetype m_keep;
    QByteArray m_head;
    qint64 m_bytes = 0;
    qint64 m_lines = 0;
};

} // namespace

JsonPreview makeJsonPreview(const AnalysisResult &result, qsizetype maxBytes)
{
    // One byte past the limit tells whether the document is longer.
    HeadDevice device(maxBytes + 1);
    writeResultDocument(device, result.json, result, QJsonDocument::Indented);
    JsonPreview p;
    p.totalBytes = device.bytes();
    p.totalLines = device.lines();
    QByteArray shown = device.head();
    if (shown.size() > maxBytes) {
        // Up to the last line end inside the limit (a first line longer than that: its start).
        const qsizetype cut = shown.lastIndexOf('\n', std::max<qsizetype>(maxBytes - 1, 0));
        shown.truncate(cut >= 0 ? cut + 1 : maxBytes);
        p.hiddenLines = p.totalLines - shown.count('\n');
    }
    p.text = QString::fromUtf8(shown);
    return p;
}

} // namespace sf::ui
