// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ScanNote.h"

namespace gatehouse {

Result<QList<NoteReport>> ScanNote::unpack(const QByteArray& note)
{
    const QByteArray header(BundleHeader);
    if (!note.startsWith(header)) {
        const QByteArray trimmed = note.trimmed();
        if (trimmed.startsWith('{') || trimmed.startsWith('['))
            return QList<NoteReport>{{QLatin1String(PlainReportName), note}};
        return makeError(QStringLiteral("note.unknown"),
                         QStringLiteral("the note is neither a JSON report nor a Gatehouse scan bundle"));
    }
    QList<NoteReport> reports;
    qsizetype pos = header.size();
    while (pos < note.size()) {
        const qsizetype eol = note.indexOf('\n', pos);
        if (eol < 0)
            return makeError(QStringLiteral("note.truncated"),
                             QStringLiteral("scan bundle: header line at byte %1 has no end").arg(pos));
        const QByteArray line = note.mid(pos, eol - pos);
        if (!line.startsWith("Report: "))
            return makeError(QStringLiteral("note.invalid"),
                             QStringLiteral("scan bundle: expected 'Report: <path> <size>' at byte %1").arg(pos));
        const qsizetype space = line.lastIndexOf(' ');
        bool ok = false;
        const qint64 size = line.mid(space + 1).toLongLong(&ok);
        const QString path = QString::fromUtf8(line.mid(8, space - 8));
        if (!ok || size < 0 || space <= 8 || path.isEmpty())
            return makeError(QStringLiteral("note.invalid"),
                             QStringLiteral("scan bundle: bad report header '%1' at byte %2")
                                 .arg(QString::fromUtf8(line.left(200)))
                                 .arg(pos));
        const qsizetype start = eol + 1;
        if (size > note.size() - start) // not start + size: a hostile size would overflow
            return makeError(QStringLiteral("note.truncated"),
                             QStringLiteral("scan bundle: report '%1' needs %2 bytes, only %3 left")
                                 .arg(path)
                                 .arg(size)
                                 .arg(note.size() - start));
        reports << NoteReport{path, note.mid(start, size)};
        pos = start + size;
        // The newline after each report is a separator for people reading the note; tolerate its absence.
        if (pos < note.size() && note.at(pos) == '\n')
            ++pos;
    }
    return reports;
}

QByteArray ScanNote::pack(const QList<NoteReport>& reports)
{
    QByteArray out(BundleHeader);
    for (const NoteReport& r : reports) {
        QString path = r.path;
        path.replace(QLatin1Char('\n'), QLatin1Char(' '));
        out += "Report: " + path.toUtf8() + ' ' + QByteArray::number(r.content.size()) + '\n';
        out += r.content;
        out += '\n';
    }
    return out;
}

Result<QByteArray> ScanNote::add(const QByteArray& existing, const NoteReport& report)
{
    QList<NoteReport> reports;
    if (!existing.trimmed().isEmpty()) {
        auto unpacked = unpack(existing);
        if (!unpacked)
            return unpacked.error();
        reports = std::move(unpacked).value();
    }
    bool replaced = false;
    for (NoteReport& r : reports) {
        if (r.path == report.path) {
            r.content = report.content;
            replaced = true;
        }
    }
    if (!replaced)
        reports << report;
    return pack(reports);
}

} // namespace gatehouse
