// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Commands.h"
#include "SyncOptions.h"
#include "common/Format.h"

#include "delivery/DeliveryAnalysis.h"
#include "delivery/DeliveryJson.h"
#include "delivery/DoraMetrics.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTimeZone>

#include <cmath>

namespace gatehouse::cli {

int runDeploymentsSync(const QStringList& arguments, Io io); // DeploymentsSyncCommand.cpp

namespace {

QString duration(std::optional<double> seconds)
{
    return format::shortDuration(seconds, format::DurationStyle::Plain);
}

QString ratio(std::optional<double> value)
{
    return value ? QStringLiteral("%1 %").arg(*value * 100, 0, 'f', 1) : QStringLiteral("-");
}

QString bandText(std::optional<delivery::DoraBand> band)
{
    return band ? delivery::doraBandName(*band) : QStringLiteral("-");
}

} // namespace

// `gatehouse deployments`: deployment history from tags and the DORA metrics of one environment.
int runDeployments(const QStringList& arguments, Io io)
{
    if (arguments.value(0) == QLatin1String("sync"))
        return runDeploymentsSync(arguments, io);
    QCommandLineParser parser;
    const QCommandLineOption envOption(QStringLiteral("env"),
                                       QStringLiteral("Environment for the DORA metrics and the list (default: "
                                                      "production for the metrics, every environment listed)."),
                                       QStringLiteral("ENV"));
    const QCommandLineOption sinceOption(QStringLiteral("since"),
                                         QStringLiteral("Window start: YYYY-MM-DD (UTC) or an ISO 8601 date-time. "
                                                        "Default: the first deployment."),
                                         QStringLiteral("DATE"));
    const QCommandLineOption untilOption(QStringLiteral("until"),
                                         QStringLiteral("Window end, inclusive: YYYY-MM-DD (the whole day, UTC) or "
                                                        "an ISO 8601 date-time. Default: the last deployment."),
                                         QStringLiteral("DATE"));
    parser.addOption(envOption);
    parser.addOption(sinceOption);
    parser.addOption(untilOption);
    CommonOptions options;
    if (int code = parseArguments(parser, QStringLiteral("deployments"), arguments,
                                  {QStringLiteral("text"), QStringLiteral("json")}, io, options);
        code != ExitOk)
        return finishEarly(code);

    bool sinceOk = true;
    bool untilOk = true;
    const QDateTime since = parseDateOption(parser.value(sinceOption), false, &sinceOk);
    const QDateTime until = parseDateOption(parser.value(untilOption), true, &untilOk);
    if (!sinceOk || !untilOk) {
        io.err << "gatehouse deployments: --" << (sinceOk ? "until" : "since") << " '"
               << parser.value(sinceOk ? untilOption : sinceOption)
               << "' is not a date (YYYY-MM-DD) or an ISO 8601 date-time\n";
        return ExitUsage;
    }
    if (since.isValid() && until.isValid() && until < since) {
        io.err << "gatehouse deployments: --until is before --since\n";
        return ExitUsage;
    }
    const QString environment
        = parser.isSet(envOption) ? parser.value(envOption).toLower() : QStringLiteral("production");

    const Result<delivery::DeliverySnapshot> snapshot = delivery::DeliveryAnalysis::run(options.repo, options.rev);
    if (!snapshot.ok()) {
        io.err << "gatehouse deployments: " << snapshot.error().toString() << '\n';
        return ExitUsage;
    }
    for (const delivery::RuleDiagnostic& d : snapshot->configDiagnostics)
        io.err << "gatehouse deployments: .gatehouse/config.yml:" << d.line << ':' << d.column << ": " << d.message
               << " [" << d.code << "] (default rules used)\n";

    const delivery::DeploymentHistory& history = snapshot->history;
    const delivery::DoraSummary dora = delivery::DoraMetrics::compute(history, environment, since, until);
    QList<int> listed;
    for (int i = 0; i < history.deployments.size(); ++i) {
        const delivery::Deployment& d = history.deployments.at(i);
        if (parser.isSet(envOption) && d.environment != environment)
            continue;
        if ((since.isValid() && d.time < since) || (until.isValid() && d.time > until))
            continue;
        listed.append(i);
    }

    if (options.format == QLatin1String("json")) {
        QJsonArray deployments;
        for (int i : std::as_const(listed))
            deployments.append(delivery::DeliveryJson::deployment(history.deployments.at(i), history));
        QJsonArray environments = QJsonArray::fromStringList(history.environments);
        QJsonObject root{
            {QStringLiteral("deployments"), deployments},
            {QStringLiteral("dora"), delivery::DeliveryJson::dora(dora)},
            {QStringLiteral("environments"), environments},
            {QStringLiteral("notes"), QJsonArray::fromStringList(history.notes)},
        };
        writeJson(io.out, QJsonDocument(root));
        return ExitOk;
    }

    io.out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8\n")
                  .arg(QStringLiteral("TAG"), -28)
                  .arg(QStringLiteral("ENVIRONMENT"), -12)
                  .arg(QStringLiteral("COMMIT"), -9)
                  .arg(QStringLiteral("TIME (UTC)"), -21)
                  .arg(QStringLiteral("DEPLOYER"), -18)
                  .arg(QStringLiteral("CHANGES"), 7)
                  .arg(QStringLiteral("LEAD"), 8)
                  .arg(QStringLiteral("STATUS"));
    for (int i : std::as_const(listed)) {
        const delivery::Deployment& d = history.deployments.at(i);
        QStringList status;
        if (d.rollback)
            status.append(QStringLiteral("rollback"));
        if (d.redeploy)
            status.append(QStringLiteral("redeploy"));
        if (d.failed)
            status.append(QStringLiteral("failed (%1)").arg(d.failedReasons.join(QLatin1String("; "))));
        io.out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8\n")
                      .arg(d.tag, -28)
                      .arg(d.environment, -12)
                      .arg(d.commit.shortString(), -9)
                      .arg(d.time.toUTC().toString(Qt::ISODate), -21)
                      .arg(d.deployer.isEmpty() ? QStringLiteral("-") : d.deployer.left(18), -18)
                      .arg(d.changes ? QString::number(d.changes->size()) : QStringLiteral("-"), 7)
                      .arg(duration(d.leadTimeMedianSeconds), 8)
                      .arg(status.isEmpty() ? QStringLiteral("ok") : status.join(QLatin1String(", ")));
    }
    for (const QString& note : history.notes)
        io.out << "note: " << note << '\n';
    io.out << "\nDORA, " << environment << ", "
           << (dora.since.isValid() ? dora.since.toString(Qt::ISODate) : QStringLiteral("-")) << " to "
           << (dora.until.isValid() ? dora.until.toString(Qt::ISODate) : QStringLiteral("-")) << '\n'
           << "  deployments:          " << dora.deployments << " (" << dora.failedDeployments << " failed, "
           << dora.rollbacks << " rollbacks)\n"
           << "  deployment frequency: "
           << (dora.deploymentFrequencyPerWeek
                   ? QStringLiteral("%1 / week").arg(*dora.deploymentFrequencyPerWeek, 0, 'f', 2)
                   : QStringLiteral("-"))
           << "  [" << bandText(dora.deploymentFrequencyBand) << "]\n"
           << "  lead time:            median " << duration(dora.leadTimeMedianSeconds) << ", p90 "
           << duration(dora.leadTimeP90Seconds) << " over " << dora.changes << " commits  ["
           << bandText(dora.leadTimeBand) << "]\n"
           << "  change failure rate:  " << ratio(dora.changeFailureRate) << "  ["
           << bandText(dora.changeFailureRateBand) << "]\n"
           << "  rollback rate:        " << ratio(dora.rollbackRate) << '\n'
           << "  time to restore:      median " << duration(dora.timeToRestoreMedianSeconds) << "  ["
           << bandText(dora.timeToRestoreBand) << "]\n"
           << "  overall band:         " << bandText(dora.band) << "  (" << delivery::DoraMetrics::source() << ")\n";
    for (const QString& note : dora.notes)
        io.out << "  note: " << note << '\n';
    return ExitOk;
}

} // namespace gatehouse::cli
