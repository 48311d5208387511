// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SyncOptions.h"

#include <QTimeZone>

namespace gatehouse::cli {

QDateTime parseDateOption(const QString& text, bool endOfDay, bool* ok)
{
    *ok = true;
    if (text.isEmpty())
        return {};
    const QDate date = QDate::fromString(text, Qt::ISODate);
    if (date.isValid() && text.size() == 10)
        return endOfDay ? QDateTime(date, QTime(23, 59, 59), QTimeZone::utc()).toUTC()
                        : QDateTime(date, QTime(0, 0), QTimeZone::utc()).toUTC();
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid()) {
        *ok = false;
        return {};
    }
    if (time.timeSpec() == Qt::LocalTime)
        time.setTimeZone(QTimeZone::utc()); // no offset written: UTC, whatever this machine's zone
    return time.toUTC();
}

SyncOptions::SyncOptions(const QString& maxName, int maxDefault)
    : m_gitlab(QStringLiteral("gitlab"), QStringLiteral("GitLab instance URL."), QStringLiteral("URL"))
    , m_project(QStringLiteral("project"), QStringLiteral("GitLab project id or path (group/project)."),
                QStringLiteral("ID"))
    , m_github(QStringLiteral("github"), QStringLiteral("GitHub repository."), QStringLiteral("OWNER/REPO"))
    , m_api(QStringLiteral("api-url"),
            QStringLiteral("GitHub API root (default https://api.github.com; GitHub Enterprise: "
                           "https://HOST/api/v3)."),
            QStringLiteral("URL"))
    , m_tokenEnv(QStringLiteral("token-env"),
                 QStringLiteral("Environment variable holding the token (default GITLAB_TOKEN or GITHUB_TOKEN)."),
                 QStringLiteral("VAR"))
    , m_max(maxName, QStringLiteral("Newest records to fetch (%1).").arg(maxDefault), QStringLiteral("N"),
            QString::number(maxDefault))
    , m_since(QStringLiteral("since"),
              QStringLiteral("Only records since this date (YYYY-MM-DD, UTC) or ISO 8601 date-time."),
              QStringLiteral("DATE"))
{ }

void SyncOptions::addTo(QCommandLineParser& parser) const
{
    for (const QCommandLineOption& option : {m_gitlab, m_project, m_github, m_api, m_tokenEnv, m_max, m_since})
        parser.addOption(option);
}

std::optional<int> SyncOptions::parse(QCommandLineParser& parser, const QString& command, const char* usage,
                                      const QStringList& arguments, Io io, CommonOptions& options,
                                      runs::SyncRequest& request, QString& token) const
{
    addTo(parser);
    if (const int code
        = parseArguments(parser, command, arguments, {QStringLiteral("text"), QStringLiteral("json")}, io, options);
        code != ExitOk)
        return finishEarly(code);
    return read(parser, command, usage, io, request, token);
}

std::optional<int> SyncOptions::read(const QCommandLineParser& parser, const QString& command, const char* usage, Io io,
                                     runs::SyncRequest& request, QString& token) const
{
    using runs::SyncRequest;
    bool ok = false;
    request.maxRuns = parser.value(m_max).toInt(&ok);
    if (!ok || request.maxRuns < 1) {
        io.err << "gatehouse " << command << ": --" << m_max.names().first() << " takes a positive number\n";
        return ExitUsage;
    }
    request.since = parseDateOption(parser.value(m_since), false, &ok);
    if (!ok) {
        io.err << "gatehouse " << command << ": --since '" << parser.value(m_since)
               << "' is not a date (YYYY-MM-DD) or an ISO 8601 date-time\n";
        return ExitUsage;
    }
    if (parser.isSet(m_gitlab) == parser.isSet(m_github)) {
        io.err << "gatehouse " << command << ": give either --gitlab URL --project ID or --github OWNER/REPO\n"
               << usage;
        return ExitUsage;
    }
    if (parser.isSet(m_gitlab)) {
        if (!parser.isSet(m_project)) {
            io.err << "gatehouse " << command << ": --gitlab needs --project ID\n" << usage;
            return ExitUsage;
        }
        request.provider = SyncRequest::Provider::GitLab;
        request.baseUrl = QUrl::fromUserInput(parser.value(m_gitlab));
        request.project = parser.value(m_project);
    } else {
        request.provider = SyncRequest::Provider::GitHub;
        request.baseUrl = QUrl(parser.isSet(m_api) ? parser.value(m_api) : QStringLiteral("https://api.github.com"));
        request.project = parser.value(m_github);
        if (request.project.count(QLatin1Char('/')) != 1) {
            io.err << "gatehouse " << command << ": --github takes OWNER/REPO\n";
            return ExitUsage;
        }
    }
    const QString variable = parser.isSet(m_tokenEnv)
        ? parser.value(m_tokenEnv)
        : (request.provider == SyncRequest::Provider::GitLab ? QStringLiteral("GITLAB_TOKEN")
                                                             : QStringLiteral("GITHUB_TOKEN"));
    token = qEnvironmentVariable(variable.toLocal8Bit().constData());
    if (token.isEmpty())
        io.err << "gatehouse " << command << ": " << variable
               << " is not set; fetching without a token (public projects only)\n";
    return std::nullopt;
}

} // namespace gatehouse::cli
