#pragma once
// The order a Results table shows its rows in when sorted by one column, computed on typed
// keys: QSortFilterProxyModel compared QVariants through model indexes, 2.3 s on the GUI
// thread for 1.5 million group-by rows. For a column of one kind the same order as the proxy
// gave: numbers as numbers (integers exactly), other values by their text (case-sensitive),
// empty cells last when ascending and first when descending, ties in the order shown before
// (so sorting by one column and then another orders ties of the second by the first). A
// column of numbers and texts sorts its numbers first (the proxy's order there depended on
// which of two cells it happened to compare first).
#include "analysis/resulttable.h"
#include <vector>

namespace sf::ui {

// Table row indexes in display order, from the order `shown` (empty: the table's own);
// `column` < 0: the table's own order.
std::vector<int> sortedRows(const ResultTable &table, int column, Qt::SortOrder order,
                            std::vector<int> shown = {});

} // namespace sf::ui
