#pragma once
// How a job's data is cut into tasks (a policy object, as taskflow's partitioners).
#include <QString>
#include <cstdint>

namespace sf {

struct PartitionSpec {
    enum class Unit { Rows, Bytes };
    enum class Strategy {
        Fixed,  // every chunk `size` units (the last may be smaller)
        Guided, // large chunks first, shrinking as work runs out (OpenMP guided), never < size
        Auto,   // calibrate on the first chunks, then size chunks to `targetTaskMs`
    };
    Unit unit = Unit::Rows;
    std::int64_t size = 50000; // rows or bytes per chunk (Guided: minimum; Auto: first chunks)
    Strategy strategy = Strategy::Fixed;
    double targetTaskMs = 20.0;
};

QString partitionStrategyName(PartitionSpec::Strategy s); // "fixed","guided","auto"
bool partitionStrategyFromName(const QString &name, PartitionSpec::Strategy *out);
// Parses sizes such as "4MiB", "512k", "1GB", "1000" into bytes; false on junk.
bool parseByteSize(const QString &text, std::int64_t *out);
QString formatByteSize(std::int64_t bytes); // "2.4 MB"

} // namespace sf
