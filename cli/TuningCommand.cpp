// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Commands.h"

#include "security/Posture.h"
#include "security/tuning/ScanTuning.h"
#include "security/tuning/TuningApplier.h"

#include <QJsonDocument>

namespace gatehouse::cli {

// `gatehouse tuning`: per tool and rule, what the history says about its noise, and what to do about it.
int runTuning(const QStringList& arguments, Io io)
{
    QCommandLineParser parser;
    CommonOptions options;
    const QCommandLineOption daysOption(QStringLiteral("days"),
                                        QStringLiteral("The window: findings raised in the last N days (default 90)."),
                                        QStringLiteral("N"), QStringLiteral("90"));
    const QCommandLineOption nowOption(QStringLiteral("now"),
                                       QStringLiteral("End the window at this ISO 8601 time instead of now."),
                                       QStringLiteral("TIME"));
    const QCommandLineOption applyOption(
        QStringLiteral("apply"),
        QStringLiteral("Write the recommendation of TOOL:RULE into the tool's configuration and commit it."),
        QStringLiteral("TOOL:RULE"));
    parser.addOption(daysOption);
    parser.addOption(nowOption);
    parser.addOption(applyOption);
    if (int code = parseArguments(parser, QStringLiteral("tuning"), arguments,
                                  {QStringLiteral("text"), QStringLiteral("json")}, io, options);
        code != ExitOk)
        return finishEarly(code);
    bool ok = false;
    const int days = parser.value(daysOption).toInt(&ok);
    if (!ok || days <= 0 || days > 36500) {
        io.err << "gatehouse tuning: --days expects a positive number of days\n";
        return ExitUsage;
    }
    const std::optional<QDateTime> parsedNow = parseNow(parser, nowOption, QStringLiteral("tuning"), io);
    if (!parsedNow)
        return ExitUsage;
    QDateTime now = *parsedNow;
    auto posture = PostureBuilder::compute(options.repo, options.rev, now);
    if (!posture) {
        io.err << "gatehouse tuning: " << posture.error().toString() << '\n';
        return ExitUsage;
    }
    const TuningReport report = ScanTuning::analyse(*posture, days);
    if (parser.isSet(applyOption)) {
        const QString wanted = parser.value(applyOption);
        const qsizetype colon = wanted.indexOf(QLatin1Char(':'));
        const RuleNoise* rule = colon > 0 ? report.find(wanted.left(colon), wanted.mid(colon + 1)) : nullptr;
        if (!rule) {
            io.err << "gatehouse tuning: no rule " << wanted << " in the last " << days
                   << " days (give TOOL:RULE as listed)\n";
            return ExitUsage;
        }
        if (rule->advice == TuningAdvice::Keep) {
            io.err << "gatehouse tuning: " << wanted << " is recommended to keep (" << rule->reason
                   << "); nothing to apply\n";
            return ExitUsage;
        }
        auto commit = TuningApplier::apply(options.repo, *rule);
        if (!commit) {
            io.err << "gatehouse tuning: " << commit.error().toString() << '\n';
            return ExitUsage;
        }
        io.out << "committed " << commit->shortString() << ": " << tuningAdviceName(rule->advice) << ' ' << wanted
               << " in " << TuningApplier::configPath(rule->tool) << '\n';
        return ExitOk;
    }
    if (options.format == QLatin1String("json"))
        writeJson(io.out, QJsonDocument(report.toJson()));
    else
        io.out << report.toText();
    return ExitOk;
}

} // namespace gatehouse::cli
