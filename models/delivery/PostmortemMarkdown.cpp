// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "PostmortemMarkdown.h"

#include <QRegularExpression>

namespace gatehouse::delivery {

namespace {

// Characters that would turn plain commit text into Markdown structure.
QString escaped(const QString& text)
{
    static const QRegularExpression special(QStringLiteral("([\\\\`*_\\[\\]<>#|])"));
    QString result = text;
    result.replace(special, QStringLiteral("\\\\1"));
    return result;
}

QString withoutTopHeading(const QString& markdown)
{
    const QString body = markdown.trimmed();
    if (!body.startsWith(QLatin1String("# ")))
        return body;
    const qsizetype end = body.indexOf(QLatin1Char('\n'));
    return end < 0 ? QString() : body.mid(end + 1).trimmed();
}

} // namespace

QString PostmortemMarkdown::render(const Incident& incident)
{
    if (incident.kind == Incident::Kind::Document)
        return withoutTopHeading(incident.body) + QLatin1Char('\n');

    QStringList parts;
    QStringList fields;
    auto field = [&fields](const QString& name, const QString& value) {
        if (!value.isEmpty())
            fields.append(QStringLiteral("- **%1:** %2").arg(name, escaped(value)));
    };
    field(QStringLiteral("Incident"), incident.incident);
    field(QStringLiteral("Severity"), incident.severity);
    field(QStringLiteral("Detected"), incident.detected);
    field(QStringLiteral("Duration"), incident.duration);
    field(QStringLiteral("Deployment"), incident.deploymentRef);
    field(QStringLiteral("Root cause"), incident.rootCause);
    field(QStringLiteral("Fix"), incident.fix);
    if (!fields.isEmpty())
        parts.append(fields.join(QLatin1Char('\n')));
    if (!incident.factorNotes.isEmpty()) {
        QStringList factors;
        for (const QString& note : incident.factorNotes) {
            // A postmortem commit and the document it adds may both state the same factor.
            const QString item = QStringLiteral("- ") + escaped(note.trimmed());
            if (!factors.contains(item))
                factors.append(item);
        }
        parts.append(QStringLiteral("**12-Factor**\n\n") + factors.join(QLatin1Char('\n')));
    }

    // The rest of the message, trailers removed, line breaks kept.
    static const QRegularExpression trailer(
        QStringLiteral("^\\s*(?:- )?(?:\\*\\*)?(?:incident|root[ -]cause|fix|detected|resolved|duration|severity|"
                       "deployment|factor\\b[^:]*)(?:\\*\\*)?\\s*:"),
        QRegularExpression::CaseInsensitiveOption);
    QStringList paragraphs;
    QStringList lines;
    bool inTrailer = false;
    const QStringList body = incident.body.split(QLatin1Char('\n'));
    for (const QString& line : body) {
        if (trailer.match(line).hasMatch()) {
            inTrailer = true;
            continue;
        }
        if (inTrailer && !line.isEmpty() && line.at(0).isSpace())
            continue; // an indented continuation of a trailer's value
        inTrailer = false;
        if (line.trimmed().isEmpty()) {
            if (!lines.isEmpty())
                paragraphs.append(lines.join(QStringLiteral("  \n")));
            lines.clear();
            continue;
        }
        lines.append(escaped(line.trimmed()));
    }
    if (!lines.isEmpty())
        paragraphs.append(lines.join(QStringLiteral("  \n")));
    if (!paragraphs.isEmpty())
        parts.append(paragraphs.join(QStringLiteral("\n\n")));
    return parts.join(QStringLiteral("\n\n")) + QLatin1Char('\n');
}

} // namespace gatehouse::delivery
