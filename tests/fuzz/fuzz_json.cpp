// libFuzzer target for the JSON reader's core: the record scanner (lines and array modes) and
// the record parser, in inference (growing columns) and fixed-column modes. Aborts when a
// span leaves the input, the scanner stops moving forward, or a parse result breaks shape.
#include "data/jsonrecordparser.h"
#include "data/jsonscanner.h"
#include <cstdint>
#include <cstdlib>
#include <string_view>

namespace {

void check(bool ok)
{
    if (!ok) std::abort();
}

void scanAndParse(std::string_view bytes, sf::JsonScanner::Mode mode, std::int64_t start,
                  std::int64_t line)
{
    sf::JsonRecordParser grow(true, nullptr);
    grow.setGrowColumns(true);
    sf::JsonRecordParser fixed(false, nullptr);
    fixed.setColumns({QStringLiteral("a"), QStringLiteral("b.c")});
    sf::JsonScanner scanner(bytes, mode, start, line);
    sf::JsonSpan span;
    std::int64_t last = start;
    for (int guard = 0; guard < 100000; ++guard) {
        const auto step = scanner.next(span);
        if (step != sf::JsonScanner::Step::Record) {
            if (step == sf::JsonScanner::Step::Error)
                check(scanner.errorOffset() >= 0 && scanner.errorOffset() <= std::int64_t(bytes.size()));
            return;
        }
        check(span.begin >= last && span.begin <= span.end && span.end <= std::int64_t(bytes.size()));
        check(scanner.position() > span.begin || scanner.position() == std::int64_t(bytes.size()));
        last = span.begin;
        const std::string_view text = bytes.substr(std::size_t(span.begin), std::size_t(span.end - span.begin));
        for (sf::JsonRecordParser *p : {&grow, &fixed}) {
            if (p->parse(text)) {
                check(p->fields().size() == p->nulls().size());
                check(p->fields().size() == p->columnNames().size());
            } else {
                check(p->errorOffset() >= 0 && p->errorOffset() <= std::int64_t(text.size()));
                check(!p->errorMessage(1, 1).isEmpty());
            }
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view bytes(reinterpret_cast<const char *>(data), size);
    scanAndParse(bytes, sf::JsonScanner::Mode::Lines, 0, 1);
    std::int64_t line = 1;
    const std::int64_t body = sf::JsonScanner::arrayBodyStart(bytes, 0, &line);
    if (body >= 0) scanAndParse(bytes, sf::JsonScanner::Mode::ArrayElements, body, line);
    sf::JsonScanner::firstInvalidUtf8(bytes);
    return 0;
}
