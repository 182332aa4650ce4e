#include "data/jsonrecordparser.h"
#include "core/nulltokens.h"
#include "data/jsonscanner.h"
#include <cstring>
#include <utility>

namespace sf {

namespace od = simdjson::ondemand;
using simdjson::error_code;

namespace {

// Nesting deeper than this is rejected; it bounds the recursion of the walk.
constexpr int kMaxDepth = 256;

// JSON's number grammar; On-Demand hands numbers over as raw tokens without checking them.
bool isJsonNumber(std::string_view s)
{
    std::size_t i = 0;
    const std::size_t n = s.size();
    auto digit = [&](std::size_t k) { return k < n && s[k] >= '0' && s[k] <= '9'; };
    if (i < n && s[i] == '-') ++i;
    if (!digit(i)) return false;
    if (s[i] == '0') ++i;
    else
        while (digit(i)) ++i;
    if (i < n && s[i] == '.') {
        ++i;
        if (!digit(i)) return false;
        while (digit(i)) ++i;
    }
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < n && (s[i] == '+' || s[i] == '-')) ++i;
        if (!digit(i)) return false;
        while (digit(i)) ++i;
    }
    return i == n;
}

std::string_view trimRight(std::string_view s)
{
    while (!s.empty() && JsonScanner::isSpace(s.back())) s.remove_suffix(1);
    return s;
}

// simdjson's own message for a misspelt literal ("Problem while parsing an atom starting with
// the letter 't'") says more than the generic type error get_bool() returns.
error_code atomError(std::string_view token)
{
    if (!token.empty() && token[0] == 't') return simdjson::T_ATOM_ERROR;
    if (!token.empty() && token[0] == 'f') return simdjson::F_ATOM_ERROR;
    return simdjson::N_ATOM_ERROR;
}

const char *typeName(od::json_type t)
{
    switch (t) {
    case od::json_type::array: return "an array";
    case od::json_type::object: return "an object";
    case od::json_type::number: return "a number";
    case od::json_type::string: return "a string";
    case od::json_type::boolean: return "a boolean";
    case od::json_type::null: return "null";
    }
    return "a value";
}

} // namespace

JsonRecordParser::JsonRecordParser(bool flatten, const NullTokens *nullTokens)
    : m_flatten(flatten), m_nullTokens(nullTokens)
{
    // On failure iterate() retries the allocation and reports MEMALLOC per record.
    if (m_parser.allocate(64 * 1024, kMaxDepth) != simdjson::SUCCESS) return;
}

void JsonRecordParser::setColumns(const QStringList &names)
{
    m_names.clear();
    m_columnOf.clear();
    for (const QString &name : names) {
        m_names.push_back(name.toStdString());
        m_columnOf.emplace(m_names.back(), int(m_names.size()) - 1);
    }
    m_fields.assign(m_names.size(), {});
    m_nulls.assign(m_names.size(), 1);
    m_guess = 0;
}

bool JsonRecordParser::fail(Failure f, std::int64_t offset, const char *detail)
{
    // A rejected record must not leave columns behind in inference mode.
    while (m_names.size() > m_namesAtStart) {
        m_columnOf.erase(m_names.back());
        m_names.pop_back();
        m_fields.pop_back();
        m_nulls.pop_back();
    }
    m_failure = f;
    m_errorOffset = offset;
    m_errorDetail = detail;
    return false;
}

bool JsonRecordParser::failIterate(error_code e)
{
    if (e == simdjson::UTF8_ERROR) {
        const std::int64_t bad = JsonScanner::firstInvalidUtf8(m_text);
        return fail(Failure::Utf8, bad < 0 ? 0 : bad, "");
    }
    std::int64_t at = m_position;
    if (e == simdjson::UNCLOSED_STRING) {
        // The scanner finds the quote that opens the unclosed string.
        JsonScanner scan(m_text, JsonScanner::Mode::ArrayElements, m_position, 1, true);
        JsonSpan span;
        if (scan.next(span) == JsonScanner::Step::Error) at = scan.errorOffset();
    }
    return fail(Failure::Syntax, at, simdjson::error_message(e));
}

QString JsonRecordParser::errorMessage(std::int64_t line, std::int64_t column) const
{
    switch (m_failure) {
    case Failure::None:
        return {};
    case Failure::Utf8:
        return QStringLiteral("invalid UTF-8 at line %1, column %2").arg(line).arg(column);
    case Failure::NotObject:
        return QStringLiteral("record is not a JSON object (found %1)")
            .arg(QLatin1String(m_errorDetail));
    case Failure::Syntax:
        break;
    }
    return QStringLiteral("invalid JSON at line %1, column %2: %3")
        .arg(line)
        .arg(column)
        .arg(QString::fromUtf8(m_errorDetail));
}

bool JsonRecordParser::parse(std::string_view text)
{
    m_failure = Failure::None;
    m_namesAtStart = m_names.size();
    for (std::size_t i = 0; i < m_fields.size(); ++i) {
        m_fields[i] = {};
        m_nulls[i] = 1;
    }
    const std::size_t need = text.size() + simdjson::SIMDJSON_PADDING;
    if (m_buffer.size() < need) m_buffer.resize(need + need / 2);
    std::memcpy(m_buffer.data(), text.data(), text.size());
    std::memset(m_buffer.data() + text.size(), 0, simdjson::SIMDJSON_PADDING);
    m_text = std::string_view(m_buffer.data(), text.size());

    std::int64_t first = 0;
    const auto n = std::int64_t(m_text.size());
    while (first < n && JsonScanner::isSpace(m_text[std::size_t(first)])) ++first;
    if (first == n) return fail(Failure::Syntax, 0, "empty record");
    m_position = first;
    if (m_text[std::size_t(first)] == '{') {
        // On-Demand does not look past the end of the object, so trailing bytes are checked here.
        const std::int64_t end = JsonScanner::valueEnd(m_text, first);
        if (end >= 0) {
            std::int64_t k = end;
            while (k < n && JsonScanner::isSpace(m_text[std::size_t(k)])) ++k;
            if (k < n) return fail(Failure::Syntax, k, "unexpected content after the object");
        }
    }

    od::document doc;
    if (const error_code e = m_parser.iterate(m_buffer.data(), m_text.size(), m_buffer.size()).get(doc))
        return failIterate(e);
    od::json_type type;
    if (const error_code e = doc.type().get(type))
        return fail(Failure::Syntax, first, simdjson::error_message(e));
    if (type != od::json_type::object) return fail(Failure::NotObject, first, typeName(type));
    od::object object;
    if (const error_code e = doc.get_object().get(object))
        return fail(Failure::Syntax, first, simdjson::error_message(e));
    m_path.clear();
    m_guess = 0;
    if (const error_code e = walkObject(object, 0))
        return fail(Failure::Syntax, m_position, simdjson::error_message(e));
    return true;
}

error_code JsonRecordParser::walkObject(od::object object, int depth)
{
    if (depth >= kMaxDepth) return simdjson::DEPTH_ERROR;
    for (auto result : object) {
        od::field field;
        if (const error_code e = std::move(result).get(field)) return e;
        markPosition(reinterpret_cast<const char *>(field.key().raw()) - 1);
        std::string_view key;
        if (const error_code e = field.unescaped_key().get(key)) return e;
        const std::size_t saved = m_path.size();
        if (depth > 0) m_path.push_back('.');
        m_path.append(key);
        const error_code e = walkValue(field.value(), depth);
        m_path.resize(saved);
        if (e) return e;
    }
    return simdjson::SUCCESS;
}

error_code JsonRecordParser::walkValue(od::value value, int depth)
{
    const std::string_view token = value.raw_json_token();
    markPosition(token.data());
    od::json_type type;
    if (const error_code e = value.type().get(type)) return e;
    switch (type) {
    case od::json_type::object:
        if (m_flatten) {
            od::object object;
            if (const error_code e = value.get_object().get(object)) return e;
            return walkObject(object, depth + 1);
        }
        [[fallthrough]];
    case od::json_type::array: {
        const std::int64_t start = m_position;
        if (const error_code e = validateAt(value, depth + 1, token, type)) return e;
        const std::int64_t end = JsonScanner::valueEnd(m_text, start);
        if (end < 0) return simdjson::TAPE_ERROR;
        setField(m_text.substr(std::size_t(start), std::size_t(end - start)), false);
        return simdjson::SUCCESS;
    }
    case od::json_type::string: {
        std::string_view s;
        if (const error_code e = value.get_string().get(s)) return e;
        setField(s, m_nullTokens && m_nullTokens->isNull(s));
        return simdjson::SUCCESS;
    }
    case od::json_type::number: {
        const std::string_view s = trimRight(token);
        if (!isJsonNumber(s)) return simdjson::NUMBER_ERROR;
        setField(s, false);
        return simdjson::SUCCESS;
    }
    case od::json_type::boolean: {
        bool b = false;
        if (value.get_bool().get(b)) return atomError(token);
        setField(b ? std::string_view("true") : std::string_view("false"), false);
        return simdjson::SUCCESS;
    }
    case od::json_type::null: {
        bool isNull = false;
        if (value.is_null().get(isNull) || !isNull) return atomError(token);
        setField({}, true);
        return simdjson::SUCCESS;
    }
    }
    return simdjson::INCORRECT_TYPE;
}

error_code JsonRecordParser::validate(od::value value, int depth)
{
    const std::string_view token = value.raw_json_token();
    markPosition(token.data());
    od::json_type type;
    if (const error_code e = value.type().get(type)) return e;
    return validateAt(value, depth, token, type);
}

// Consumes a value that is kept as JSON text, checking every scalar in it, since skipping
// a value in On-Demand only balances brackets.
error_code JsonRecordParser::validateAt(od::value value, int depth, std::string_view token,
                                        od::json_type type)
{
    if (depth >= kMaxDepth) return simdjson::DEPTH_ERROR;
    switch (type) {
    case od::json_type::object: {
        od::object object;
        if (const error_code e = value.get_object().get(object)) return e;
        for (auto result : object) {
            od::field field;
            if (const error_code e = std::move(result).get(field)) return e;
            markPosition(reinterpret_cast<const char *>(field.key().raw()) - 1);
            std::string_view key;
            if (const error_code e = field.unescaped_key().get(key)) return e;
            if (const error_code e = validate(field.value(), depth + 1)) return e;
        }
        return simdjson::SUCCESS;
    }
    case od::json_type::array: {
        od::array array;
        if (const error_code e = value.get_array().get(array)) return e;
        for (auto result : array) {
            od::value element;
            if (const error_code e = std::move(result).get(element)) return e;
            if (const error_code e = validate(element, depth + 1)) return e;
        }
        return simdjson::SUCCESS;
    }
    case od::json_type::string: {
        std::string_view s;
        return value.get_string().get(s);
    }
    case od::json_type::number:
        return isJsonNumber(trimRight(token)) ? simdjson::SUCCESS : simdjson::NUMBER_ERROR;
    case od::json_type::boolean: {
        bool b = false;
        return value.get_bool().get(b) ? atomError(token) : simdjson::SUCCESS;
    }
    case od::json_type::null: {
        bool isNull = false;
        return value.is_null().get(isNull) || !isNull ? atomError(token) : simdjson::SUCCESS;
    }
    }
    return simdjson::INCORRECT_TYPE;
}

int JsonRecordParser::columnFor(std::string_view path)
{
    if (m_guess < m_names.size() && m_names[m_guess] == path) return int(m_guess);
    const auto it = m_columnOf.find(path);
    if (it != m_columnOf.end()) return it->second;
    if (!m_grow) return -1;
    m_names.emplace_back(path);
    m_columnOf.emplace(m_names.back(), int(m_names.size()) - 1);
    m_fields.emplace_back();
    m_nulls.push_back(1);
    return int(m_names.size()) - 1;
}

void JsonRecordParser::setField(std::string_view text, bool isNull)
{
    const int column = columnFor(m_path);
    if (column < 0) return;
    m_fields[std::size_t(column)] = isNull ? std::string_view() : text;
    m_nulls[std::size_t(column)] = isNull ? 1 : 0;
    m_guess = std::size_t(column) + 1;
}

} // namespace sf
