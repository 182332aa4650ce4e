#pragma once
// The Errors tab: failed attempts (task, error) as the run goes, and the records the reader
// rejected (line, reason, raw text); a double-click opens the full details.
#include "data/rejects.h"
#include "monitor/runsnapshot.h"
#include <QSet>
#include <QWidget>
#include <functional>

class QTreeWidget;
class QTreeWidgetItem;
class QLabel;

namespace sf::ui {

class ErrorsPanel : public QWidget {
    Q_OBJECT
public:
    using DescribeAttempt = std::function<QString(std::int64_t attemptId)>;

    explicit ErrorsPanel(QWidget *parent = nullptr);

    void reset(const QStringList &jobNames = {});
    void applySnapshot(const sf::RunSnapshot &snapshot);
    void setDescribeAttempt(DescribeAttempt describe) { m_describe = std::move(describe); }

    QTreeWidget *failuresView() const { return m_failures; }
    QTreeWidget *rejectsView() const { return m_rejects; }
    // The text the details dialog shows for an item of either list.
    QString detailsFor(QTreeWidgetItem *item) const;

public Q_SLOTS:
    void setRejects(const QList<sf::RejectedRecord> &rejects);

Q_SIGNALS:
    void detailsShown(const QString &text);

private:
    void showDetails(QTreeWidgetItem *item);
    void updateCounts();

    QTreeWidget *m_failures = nullptr;
    QTreeWidget *m_rejects = nullptr;
    QLabel *m_failuresTitle = nullptr;
    QLabel *m_rejectsTitle = nullptr;
    QWidget *m_failuresBox = nullptr;
    QWidget *m_rejectsBox = nullptr;
    QSet<qint64> m_listed; // failed attempts already shown (failures are few)
    QList<sf::RejectedRecord> m_rejectRecords;
    QStringList m_jobNames;
    DescribeAttempt m_describe;
};

} // namespace sf::ui
