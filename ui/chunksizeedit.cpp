#include "chunksizeedit.h"
#include "settings.h"
#include <QComboBox>
#include <QHBoxLayout>
#include <QLineEdit>

namespace sf::ui {

ChunkSizeEdit::ChunkSizeEdit(QWidget *parent)
    : QWidget(parent)
    , m_size(new QLineEdit)
    , m_unit(new QComboBox)
{
    m_size->setObjectName(QStringLiteral("chunkSize"));
    m_size->setToolTip(tr("Rows per chunk, or bytes such as 4MiB"));
    m_unit->setObjectName(QStringLiteral("chunkUnit"));
    m_unit->addItem(tr("rows"), int(PartitionSpec::Unit::Rows));
    m_unit->addItem(tr("bytes"), int(PartitionSpec::Unit::Bytes));
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_size, 1);
    row->addWidget(m_unit);
    setFocusProxy(m_size);
    connect(m_size, &QLineEdit::textChanged, this, &ChunkSizeEdit::changed);
    connect(m_unit, &QComboBox::activated, this, [this] {
        m_size->setText(sizeText(unit(), Settings::builtinChunkSize(unit())));
        Q_EMIT changed();
    });
}

PartitionSpec::Unit ChunkSizeEdit::unit() const
{
    return PartitionSpec::Unit(m_unit->currentData().toInt());
}

QString ChunkSizeEdit::text() const
{
    return m_size->text().trimmed();
}

QString ChunkSizeEdit::unitText() const
{
    return m_unit->currentText();
}

void ChunkSizeEdit::setChunk(PartitionSpec::Unit unit, std::int64_t size)
{
    m_unit->setCurrentIndex(m_unit->findData(int(unit)));
    m_size->setText(sizeText(unit, size));
}

bool ChunkSizeEdit::size(std::int64_t *size, QString *error) const
{
    if (parse(unit(), m_size->text(), size)) return true;
    if (error)
        *error = unit() == PartitionSpec::Unit::Rows
                     ? tr("Chunk size \"%1\" is not a positive number of rows.").arg(text())
                     : tr("Chunk size \"%1\" is not a size such as 4MiB.").arg(text());
    *size = 0;
    return false;
}

QString ChunkSizeEdit::sizeText(PartitionSpec::Unit unit, std::int64_t size)
{
    if (unit == PartitionSpec::Unit::Rows) return QString::number(size);
    if (size > 0 && size % (std::int64_t(1) << 20) == 0)
        return QString::number(size >> 20) + QStringLiteral("MiB");
    if (size > 0 && size % 1024 == 0) return QString::number(size >> 10) + QStringLiteral("KiB");
    return QString::number(size);
}

bool ChunkSizeEdit::parse(PartitionSpec::Unit unit, const QString &text, std::int64_t *size)
{
    bool ok = false;
    if (unit == PartitionSpec::Unit::Bytes) {
        ok = parseByteSize(text.trimmed(), size);
    } else {
        *size = text.trimmed().toLongLong(&ok);
    }
    return ok && *size > 0;
}

} // namespace sf::ui
