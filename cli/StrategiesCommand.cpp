// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Commands.h"

#include "delivery/strategy/StrategyDetector.h"

#include <QJsonDocument>
#include <QLocale>

namespace gatehouse::cli {

namespace {

QString stepText(const delivery::StrategyStep& step)
{
    QString text;
    if (step.weight)
        text = QStringLiteral("%1%").arg(*step.weight);
    else if (!step.pause.isEmpty())
        text = QStringLiteral("pause ") + step.pause;
    else if (!step.analysis.isEmpty())
        text = QStringLiteral("analysis ") + step.analysis;
    else if (!step.promote.isEmpty())
        text = QStringLiteral("promote (") + step.promote + QLatin1Char(')');
    else if (step.iterations)
        text = QStringLiteral("%1 iterations").arg(*step.iterations);
    if (!step.job.isEmpty())
        text += QStringLiteral(" [") + step.job + QLatin1Char(']');
    return text;
}

QString metricText(const delivery::MetricGate& gate)
{
    QStringList parts{gate.name};
    const QLocale c = QLocale::c();
    if (gate.min)
        parts.append(QStringLiteral(">= ") + c.toString(*gate.min, 'g', 10));
    if (gate.max)
        parts.append(QStringLiteral("<= ") + c.toString(*gate.max, 'g', 10));
    if (!gate.min && !gate.max && !gate.condition.isEmpty())
        parts.append(QLatin1Char('"') + gate.condition + QLatin1Char('"'));
    if (!gate.interval.isEmpty())
        parts.append(QStringLiteral("every ") + gate.interval);
    if (gate.failureLimit)
        parts.append(QStringLiteral("(failure limit %1)").arg(*gate.failureLimit));
    return parts.join(QLatin1Char(' '));
}

} // namespace

// `gatehouse strategies`: how each environment receives changes (canary, blue-green, rolling...).
int runStrategies(const QStringList& arguments, Io io)
{
    QCommandLineParser parser;
    CommonOptions options;
    if (int code = parseArguments(parser, QStringLiteral("strategies"), arguments,
                                  {QStringLiteral("text"), QStringLiteral("json")}, io, options);
        code != ExitOk)
        return finishEarly(code);

    auto report = delivery::StrategyDetector::scanRepository(options.repo, options.rev);
    if (!report) {
        io.err << "gatehouse strategies: " << report.error().toString() << '\n';
        return ExitUsage;
    }
    for (const delivery::StrategyDiagnostic& diagnostic : report->diagnostics) {
        io.err << "gatehouse strategies: " << diagnostic.path;
        if (diagnostic.line > 0)
            io.err << ':' << diagnostic.line << ':' << diagnostic.column;
        io.err << ": warning: " << diagnostic.message << " [" << diagnostic.code << "]\n";
    }
    if (options.format == QLatin1String("json")) {
        writeJson(io.out, QJsonDocument(report->toJson()));
        return ExitOk;
    }
    if (report->environments.isEmpty()) {
        io.out << "No deployment strategy found (" << report->filesRead << " manifest and CI files read).\n";
        return ExitOk;
    }
    for (const delivery::EnvironmentStrategy& entry : report->environments) {
        io.out << entry.environment << ": " << delivery::strategyKindName(entry.strategy) << ", rollback "
               << delivery::rollbackModeName(entry.rollback) << '\n';
        if (entry.chosenAtRunTime)
            io.out << "  environment chosen at run time (" << entry.expression << ")\n";
        else if (!entry.expression.isEmpty())
            io.out << "  from:    " << entry.expression << " (" << entry.resolvedFrom << ")\n";
        for (const delivery::StrategySource& source : entry.sources)
            io.out << "  source:  " << source.path << ':' << source.line << " (" << source.kind << ' ' << source.name
                   << ")\n";
        if (!entry.steps.isEmpty()) {
            QStringList steps;
            for (const delivery::StrategyStep& step : entry.steps)
                steps.append(stepText(step));
            io.out << "  steps:   " << steps.join(QStringLiteral(" -> ")) << '\n';
        }
        for (const delivery::MetricGate& gate : entry.metrics)
            io.out << "  metric:  " << metricText(gate) << '\n';
    }
    return ExitOk;
}

} // namespace gatehouse::cli
