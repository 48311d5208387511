// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Commands.h"

#include "delivery/DeliveryAnalysis.h"
#include "delivery/DeliveryJson.h"

#include <QJsonArray>
#include <QJsonObject>

namespace gatehouse::cli {

// `gatehouse incidents`: postmortem, hotfix and revert commits and postmortem documents, linked to deployments.
// `--all` adds the reverts of never-shipped commits ("kind": "revert-unshipped"), which are not incidents.
int runIncidents(const QStringList& arguments, Io io)
{
    QCommandLineParser parser;
    parser.addOption(QCommandLineOption(QStringLiteral("all"),
                                        QStringLiteral("Also list reverts of commits that were never deployed "
                                                       "(kind revert-unshipped; not incidents).")));
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

    QList<delivery::Incident> rows = snapshot->incidents;
    if (parser.isSet(QStringLiteral("all"))) {
        rows.append(snapshot->unshippedReverts);
        std::stable_sort(rows.begin(), rows.end(),
                         [](const delivery::Incident& a, const delivery::Incident& b) { return a.time < b.time; });
    }
    if (options.format == QLatin1String("json")) {
        QJsonArray incidents;
        for (const delivery::Incident& incident : std::as_const(rows))
            incidents.append(delivery::DeliveryJson::incident(incident));
        writeJson(io.out, QJsonDocument(QJsonObject{{QStringLiteral("incidents"), incidents}}));
        return ExitOk;
    }
    if (rows.isEmpty()) {
        io.out << "no incidents (postmortem/hotfix commits, reverts of deployed commits, documents under "
                  "postmortems/)\n";
        if (!snapshot->unshippedReverts.isEmpty())
            io.out << snapshot->unshippedReverts.size() << " revert(s) of never-deployed commits: see --all\n";
        return ExitOk;
    }
    for (const delivery::Incident& i : std::as_const(rows)) {
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
        line("shipped in:  ", i.shippedIn);
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
    if (!parser.isSet(QStringLiteral("all")) && !snapshot->unshippedReverts.isEmpty())
        io.out << "(" << snapshot->unshippedReverts.size()
               << " revert(s) of never-deployed commits not listed: see --all)\n";
    return ExitOk;
}

} // namespace gatehouse::cli
