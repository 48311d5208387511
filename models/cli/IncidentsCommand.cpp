// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Commands.h"

#include "delivery/DeliveryAnalysis.h"
#include "delivery/DeliveryJson.h"

#include <QJsonArray>
#include <QJsonObject>

namespace gatehouse::cli {

// `gatehouse incidents`: postmortem, hotfix and revert commits and postmortem documents, linked to deployments.
int runIncidents(const QStringList& arguments, Io io)
{
    QCommandLineParser parser;
    CommonOptions options;
    if (int code = parseArguments(parser, QStringLiteral("incidents"), arguments,
                                  {QStringLiteral("text"), QStringLiteral("json")}, io, options);
        code != ExitOk)
        return finishEarly(code);

    const Result<delivery::DeliverySnapshot> snapshot = delivery::DeliveryAnalysis::run(options.repo, options.rev);
    if (!snapshot.ok()) {
        io.err << "gatehouse incidents: " << snapshot.error().toString() << '\n';
        return ExitUsage;
    }
    for (const delivery::IncidentDiagnostic& d : snapshot->incidentDiagnostics)
        io.err << "gatehouse incidents: " << d.path << ':' << d.line << ':' << d.column << ": " << d.message << " ["
               << d.code << "]\n";

    if (options.format == QLatin1String("json")) {
        QJsonArray incidents;
        for (const delivery::Incident& incident : snapshot->incidents)
            incidents.append(delivery::DeliveryJson::incident(incident));
        writeJson(io.out, QJsonDocument(QJsonObject{{QStringLiteral("incidents"), incidents}}));
        return ExitOk;
    }
    if (snapshot->incidents.isEmpty()) {
        io.out << "no incidents (postmortem/hotfix/revert commits or documents under postmortems/)\n";
        return ExitOk;
    }
    for (const delivery::Incident& i : snapshot->incidents) {
        io.out << i.time.toUTC().toString(Qt::ISODate) << "  " << delivery::incidentKindName(i.kind)
               << (i.scope.isEmpty() ? QString() : QLatin1Char('(') + i.scope + QLatin1Char(')')) << "  " << i.title
               << '\n';
        auto line = [&](const char* label, const QString& value) {
            if (!value.isEmpty())
                io.out << "    " << label << value << '\n';
        };
        line("commit:      ", i.commit.isNull() ? QString() : i.commit.shortString());
        line("document:    ", i.documentPath);
        line("incident:    ", i.incident);
        line("severity:    ", i.severity);
        line("root cause:  ", i.rootCause);
        line("fix:         ", i.fix);
        line("factors:     ", i.factors.join(QLatin1String(", ")));
        line("blamed:      ", i.blamedDeployment);
        line("fixed by:    ", i.fixedByDeployment);
        if (i.timeToRestoreSeconds)
            line("restored in: ",
                 QStringLiteral("%1 s (%2 h)")
                     .arg(*i.timeToRestoreSeconds)
                     .arg(double(*i.timeToRestoreSeconds) / 3600.0, 0, 'f', 1));
        for (const QString& note : i.notes)
            line("note:        ", note);
    }
    return ExitOk;
}

} // namespace gatehouse::cli
