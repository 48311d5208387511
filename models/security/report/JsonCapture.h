// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Private to ReportReader.cpp: the SAX handler that tracks the path of the value being read and builds a small DOM
// only for the sub-objects a format reader asks for, so memory grows with the findings, not with the report.

#include "FormatReader.h"

#include <QStringList>

#include <algorithm>

namespace gatehouse::report {

inline const char* typeName(json::value_t type)
{
    switch (type) {
    case json::value_t::null:
        return "null";
    case json::value_t::object:
        return "an object";
    case json::value_t::array:
        return "an array";
    case json::value_t::string:
        return "a string";
    case json::value_t::boolean:
        return "a boolean";
    case json::value_t::binary:
        return "binary";
    case json::value_t::discarded:
        return "nothing";
    default:
        return "a number";
    }
}

class CaptureSax
{
public:
    using number_integer_t = json::number_integer_t;
    using number_unsigned_t = json::number_unsigned_t;
    using number_float_t = json::number_float_t;
    using string_t = json::string_t;
    using binary_t = json::binary_t;

    CaptureSax(FormatReader& reader, Collector& out, const ReportLimits& limits, ProgressSink* sink)
        : m_reader(reader)
        , m_out(out)
        , m_patterns(reader.patterns())
        , m_expectations(reader.expectations())
        , m_maxDepth(size_t(std::max(1, limits.maxDepth)))
        , m_sink(sink)
    { }

    bool null() { return scalar(json(nullptr)); }
    bool boolean(bool v) { return scalar(json(v)); }
    bool number_integer(number_integer_t v) { return scalar(json(v)); }
    bool number_unsigned(number_unsigned_t v) { return scalar(json(v)); }
    bool number_float(number_float_t v, const string_t&) { return scalar(json(v)); }
    bool string(string_t& v) { return scalar(json(v)); }
    bool binary(binary_t& v) { return scalar(json(v)); }
    bool start_object(std::size_t) { return startContainer(false); }
    bool start_array(std::size_t) { return startContainer(true); }
    bool end_object() { return endContainer(); }
    bool end_array() { return endContainer(); }

    bool key(string_t& k)
    {
        if (m_capturing)
            m_key = k;
        else if (!m_frames.empty())
            m_frames.back().key = k;
        return true;
    }

    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex)
    {
        m_parseError = true;
        // nlohmann counts bytes read (the end of input counts as one); report the 0-based offset of the last one.
        m_parseErrorOffset = std::max<qint64>(0, qint64(position) - 1);
        m_parseErrorMessage = QString::fromStdString(ex.what());
        return false;
    }

    bool parseError() const { return m_parseError; }
    qint64 parseErrorOffset() const { return m_parseErrorOffset; }
    const QString& parseErrorMessage() const { return m_parseErrorMessage; }
    bool sawValue() const { return m_sawValue; }

private:
    bool scalar(json&& v)
    {
        m_sawValue = true;
        if (m_capturing) {
            insert(std::move(v));
            return true;
        }
        advanceIndex();
        if (!checkExpectation(v.type()))
            return false;
        if (const int id = match(); id >= 0)
            return deliver(id, std::move(v));
        return tick();
    }

    bool startContainer(bool array)
    {
        m_sawValue = true;
        if (m_capturing) {
            m_stack.push_back(insert(array ? json::array() : json::object()));
            return checkDepth();
        }
        advanceIndex();
        if (!checkExpectation(array ? json::value_t::array : json::value_t::object))
            return false;
        if (const int id = match(); id >= 0) {
            m_capturing = true;
            m_captureId = id;
            m_root = array ? json::array() : json::object();
            m_stack.push_back(&m_root);
            return checkDepth();
        }
        m_frames.push_back(PathFrame{array, -1, {}});
        return checkDepth() && tick();
    }

    bool endContainer()
    {
        if (m_capturing) {
            m_stack.pop_back();
            if (m_stack.empty()) {
                m_capturing = false;
                json value = std::move(m_root);
                m_root = json();
                return deliver(m_captureId, std::move(value));
            }
            return true;
        }
        if (!m_frames.empty())
            m_frames.pop_back();
        return true;
    }

    json* insert(json&& v)
    {
        json* parent = m_stack.back();
        if (parent->is_array()) {
            parent->push_back(std::move(v));
            return &parent->back();
        }
        json& slot = (*parent)[m_key];
        slot = std::move(v);
        return &slot;
    }

    void advanceIndex()
    {
        if (!m_frames.empty() && m_frames.back().array)
            ++m_frames.back().index;
    }

    bool segmentsMatch(const std::vector<std::string>& segments) const
    {
        if (segments.size() != m_frames.size())
            return false;
        for (size_t i = 0; i < segments.size(); ++i) {
            if (segments[i] == "*")
                continue;
            if (m_frames[i].array || m_frames[i].key != segments[i])
                return false;
        }
        return true;
    }

    int match() const
    {
        for (const PathPattern& p : m_patterns) {
            if (segmentsMatch(p.segments))
                return p.id;
        }
        return -1;
    }

    bool checkExpectation(json::value_t type)
    {
        for (const TypeExpectation& e : m_expectations) {
            if (!segmentsMatch(e.segments))
                continue;
            const json::value_t wanted = e.array ? json::value_t::array : json::value_t::object;
            // null is tolerated: several tools write `"Results": null` for "none".
            if (type != wanted && type != json::value_t::null) {
                QStringList where;
                for (const PathFrame& f : m_frames)
                    where << (f.array ? QString::number(f.index) : QString::fromStdString(f.key));
                m_out.fail(QStringLiteral("report.schema"),
                           QStringLiteral("'%1' must be %2, found %3")
                               .arg(where.join(QLatin1Char('.')), QLatin1String(typeName(wanted)),
                                    QLatin1String(typeName(type))));
                return false;
            }
        }
        return true;
    }

    bool checkDepth()
    {
        if (m_frames.size() + m_stack.size() > m_maxDepth) {
            m_out.fail(QStringLiteral("report.too-deep"),
                       QStringLiteral("JSON nested deeper than %1 levels (limit reached)").arg(m_maxDepth));
            return false;
        }
        return true;
    }

    bool deliver(int id, json&& value)
    {
        if (!m_reader.capture(id, m_frames, std::move(value), m_out) || m_out.failed())
            return false;
        return tick();
    }

    bool tick()
    {
        if (m_sink && (++m_events & 0xfff) == 0 && m_sink->isCancelled()) {
            m_out.fail(QStringLiteral("report.cancelled"), QStringLiteral("cancelled"));
            return false;
        }
        return true;
    }

    FormatReader& m_reader;
    Collector& m_out;
    std::vector<PathPattern> m_patterns;
    std::vector<TypeExpectation> m_expectations;
    size_t m_maxDepth;
    ProgressSink* m_sink;
    JsonPath m_frames;
    bool m_capturing = false;
    int m_captureId = -1;
    json m_root;
    std::vector<json*> m_stack;
    std::string m_key;
    quint64 m_events = 0;
    bool m_sawValue = false;
    bool m_parseError = false;
    qint64 m_parseErrorOffset = -1;
    QString m_parseErrorMessage;
};

} // namespace gatehouse::report
