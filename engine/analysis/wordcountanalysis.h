#pragma once
// The top-N terms of a text column (or of whole raw lines): tokens are runs of letters and
// digits (combining marks included), lower-cased Unicode-aware; counts are exact and ties
// are ordered by term (bytewise UTF-8), so the answer never depends on chunking.
#include "analysis/analysis.h"
#include "analysis/analysisoptions.h"
#include "core/bytekeytable.h"
#include "core/sparepool.h"
#include <atomic>
#include <string>
#include <string_view>
#include <type_traits>

namespace sf {

class WordCountAnalysis : public Analysis {
public:
    explicit WordCountAnalysis(const AnalysisOptions &options);
    static bool validate(const AnalysisOptions &options, QString *error);

    QString name() const override { return QStringLiteral("wordcount"); }
    bool prepare(const Schema &schema, QString *error) override;
    std::unique_ptr<Partial> createPartial() const override;
    void process(Partial &partial, TaskInput &input) const override;
    void merge(Partial &acc, Partial &later) const override;
    bool mergesEarly() const override { return true; }
    AnalysisResult finalize(Partial &merged) const override;

    // Calls `term` with each lower-cased token of `text` (views valid during the call only).
    template <class F> static void tokenize(std::string_view text, std::string &scratch, F &&term);

private:
    static void tokenizeUnicode(std::string_view text, std::string &scratch,
                                void (*sink)(void *, std::string_view), void *context);

    QString m_column;
    int m_top = 20;
    int m_columnIndex = -1;
    // How many distinct terms the last finished chunk had: a chunk's table starts that large
    // instead of doubling its way there. Relaxed: it only sizes a table.
    mutable std::atomic<std::size_t> m_termsHint{0};
    // Merged chunks' emptied tables, for the next chunks.
    mutable SparePool<ByteKeyTable<std::int64_t>> m_spareTables;
};

template <class F>
void WordCountAnalysis::tokenize(std::string_view text, std::string &scratch, F &&term)
{
    for (char c : text) {
        if (static_cast<unsigned char>(c) >= 0x80) {
            tokenizeUnicode(
                text, scratch,
                [](void *f, std::string_view t) {
                    (*static_cast<std::remove_reference_t<F> *>(f))(t);
                },
                &term);
            return;
        }
    }
    // ASCII fast path: no QString, no allocation once `scratch` has grown.
    scratch.clear();
    for (char c : text) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            scratch.push_back(c);
        } else if (c >= 'A' && c <= 'Z') {
            scratch.push_back(char(c - 'A' + 'a'));
        } else if (!scratch.empty()) {
            term(std::string_view(scratch));
            scratch.clear();
        }
    }
    if (!scratch.empty()) term(std::string_view(scratch));
}

} // namespace sf
