#pragma once
// Delimited text (CSV, TSV, …) as a DataSource: sniffs the dialect, builds the row index,
// infers the schema, and hands out CsvReaders over chunks.
#include "data/csvlayout.h"
#include "data/datasource.h"

namespace sf {

class CsvSource final : public DataSource {
public:
    // `tsv`: tab-separated unless options name a delimiter. Errors are prefixed with the path.
    static std::unique_ptr<DataSource> open(std::shared_ptr<MappedFile> file,
                                            const SourceOptions &options, bool tsv,
                                            const OpenControl &control, QString *error);

    QString path() const override { return m_layout->file->path(); }
    SourceInfo info() const override { return m_info; }
    const Schema &schema() const override { return m_schema; }
    const RowIndex &index() const override { return m_layout->index; }
    QList<RejectedRecord> indexRejects() const override { return m_indexRejects; }
    std::unique_ptr<RecordReader> reader(const ChunkRange &range, RejectSink &sink) const override;

private:
    CsvSource() = default;
    std::shared_ptr<const csv::Layout> m_layout;
    SourceInfo m_info;
    Schema m_schema;
    QList<RejectedRecord> m_indexRejects;
};

} // namespace sf
