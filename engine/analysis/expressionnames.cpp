#include "analysis/expressionnames.h"
#include <algorithm>
#include <utility>
#include <vector>

namespace sf {

namespace {

int editDistance(const QString &a, const QString &b)
{
    std::vector<int> row(std::size_t(b.size()) + 1);
    for (std::size_t j = 0; j < row.size(); ++j)
        row[j] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        int diagonal = row[0];
        row[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int up = row[std::size_t(j)];
            const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            row[std::size_t(j)] = std::min({up + 1, row[std::size_t(j - 1)] + 1, diagonal + cost});
            diagonal = up;
        }
    }
    return row.back();
}

} // namespace

QStringList similarColumnNames(const QString &name, const Schema &schema)
{
    const QString wanted = name.toLower();
    // Short names get one edit, longer ones two (a transposition), very long ones three.
    const int limit = wanted.size() <= 2 ? 1 : std::max(2, std::min(3, int(wanted.size()) / 3));
    std::vector<std::pair<int, QString>> scored;
    for (const Column &c : schema.columns) {
        const QString candidate = c.name.toLower();
        int score = editDistance(wanted, candidate);
        if (score > limit && std::min(wanted.size(), candidate.size()) >= 3 &&
            (candidate.contains(wanted) || wanted.contains(candidate)))
            score = limit; // a prefix or part of the name is a good hint too
        if (score <= limit) scored.emplace_back(score, c.name);
    }
    std::stable_sort(scored.begin(), scored.end(),
                     [](const auto &x, const auto &y) { return x.first < y.first; });
    QStringList out;
    for (const auto &s : scored)
        out.append(s.second);
    return out;
}

QString unknownColumnMessage(const QString &name, const Schema &schema, const QString &where)
{
    const QString head = where.isEmpty()
                             ? QStringLiteral("unknown column '%1'").arg(name)
                             : QStringLiteral("unknown column '%1' %2").arg(name, where);
    const QStringList similar = similarColumnNames(name, schema);
    if (!similar.isEmpty())
        return head + QStringLiteral(" (did you mean: ") + similar.join(QStringLiteral(", ")) +
               QStringLiteral("?)");
    QStringList all;
    for (const Column &c : schema.columns) {
        if (all.size() == 12) {
            all.append(QStringLiteral("…"));
            break;
        }
        all.append(c.name);
    }
    if (all.isEmpty()) return head + QStringLiteral(" (the dataset has no columns)");
    return head + QStringLiteral(" (columns: ") + all.join(QStringLiteral(", ")) + QLatin1Char(')');
}

} // namespace sf
