#include "countanalysis.h"

namespace sf::cli {

namespace {

struct CountPartial : Partial {
    std::int64_t records = 0;
};

constexpr std::int64_t kCheckpointRows = 4096;

} // namespace

bool CountAnalysis::prepare(const Schema &, QString *) {
    return true;
}

std::unique_ptr<Partial> CountAnalysis::createPartial() const {
    return std::make_unique<CountPartial>();
}

void CountAnalysis::process(Partial &partial, TaskInput &input) const {
    auto &p = static_cast<CountPartial &>(partial);
    if (!input.reader) return;
    Record record;
    std::int64_t sinceCheckpoint = 0;
    while (input.reader->next(record)) {
        ++p.records;
        if (++sinceCheckpoint == kCheckpointRows) {
            sinceCheckpoint = 0;
            if (!input.context.checkpoint(input.reader->rowsConsumed(),
                                          input.reader->bytesConsumed()))
                return;
        }
    }
    input.context.checkpoint(input.reader->rowsConsumed(), input.reader->bytesConsumed());
}

void CountAnalysis::merge(Partial &acc, Partial &later) const {
    static_cast<CountPartial &>(acc).records += static_cast<CountPartial &>(later).records;
}

AnalysisResult CountAnalysis::finalize(Partial &merged) const {
    AnalysisResult result;
    const qint64 records = static_cast<CountPartial &>(merged).records;
    result.json.insert(QStringLiteral("records"), records);
    result.table.columns = {QStringLiteral("records")};
    result.table.appendRow({records});
    return result;
}

} // namespace sf::cli
