// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Private to the report readers: the streaming input of ReportReader.

#include "security/ReportReader.h"

#include <QIODevice>

#include <algorithm>
#include <streambuf>
#include <utility>
#include <vector>

namespace gatehouse::report {

/// A std::streambuf over a QIODevice that knows its position and line for diagnostics.
class DeviceStreamBuf : public std::streambuf
{
public:
    DeviceStreamBuf(QIODevice& device, qint64 size, qint64 maxSize, ProgressSink* sink)
        : m_device(device)
        , m_size(size)
        , m_maxSize(maxSize)
        , m_sink(sink)
        , m_buffer(1 << 16)
    { }

    /// Bytes handed to the parser so far.
    qint64 consumed() const { return m_bufferStart + (gptr() - eback()); }
    /// 0-based offset of the last byte handed to the parser (the end of the token being handled).
    qint64 position() const { return std::max<qint64>(0, consumed() - 1); }
    bool tooLarge() const { return m_tooLarge; }
    bool readFailed() const { return m_readFailed; }
    qint64 bytesRead() const { return m_bufferStart + (egptr() - eback()); }

    /// 1-based line and column of the current position (counted lazily per buffer).
    std::pair<int, int> lineColumn() const
    {
        const char* begin = eback();
        const char* end = gptr();
        int line = m_linesBefore + 1;
        const char* lineStart = nullptr;
        for (const char* p = begin; p < end; ++p) {
            if (*p == '\n') {
                ++line;
                lineStart = p + 1;
            }
        }
        // The column of the last byte read, as nlohmann reports it.
        const qint64 column = lineStart ? (end - lineStart) : (end - begin) + m_columnCarry;
        return {line, int(std::max<qint64>(1, column))};
    }

protected:
    int_type underflow() override
    {
        if (gptr() < egptr())
            return traits_type::to_int_type(*gptr());
        // Count the lines of the buffer being left, for line numbers of later diagnostics.
        for (const char* p = eback(); p && p < egptr(); ++p) {
            if (*p == '\n') {
                ++m_linesBefore;
                m_columnCarry = 0;
            } else {
                ++m_columnCarry;
            }
        }
        m_bufferStart += egptr() - eback();
        if (m_bufferStart >= m_maxSize) {
            m_tooLarge = true;
            return traits_type::eof();
        }
        const qint64 want = std::min<qint64>(qint64(m_buffer.size()), m_maxSize - m_bufferStart);
        const qint64 got = m_device.read(m_buffer.data(), want);
        if (got < 0)
            m_readFailed = true;
        if (got <= 0) {
            setg(m_buffer.data(), m_buffer.data(), m_buffer.data());
            return traits_type::eof();
        }
        setg(m_buffer.data(), m_buffer.data(), m_buffer.data() + got);
        if (m_sink)
            m_sink->report(m_bufferStart + got, m_size > 0 ? m_size : m_bufferStart + got + 1,
                           QStringLiteral("Reading report"));
        return traits_type::to_int_type(*gptr());
    }

private:
    QIODevice& m_device;
    qint64 m_size;
    qint64 m_maxSize;
    ProgressSink* m_sink;
    std::vector<char> m_buffer;
    qint64 m_bufferStart = 0;
    int m_linesBefore = 0;
    qint64 m_columnCarry = 0;
    bool m_tooLarge = false;
    bool m_readFailed = false;
};

} // namespace gatehouse::report
