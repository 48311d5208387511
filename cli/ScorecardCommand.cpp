// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Commands.h"
#include "common/Format.h"

#include "git/Repository.h"
#include "scorecard/Scorecard.h"

#include <QJsonArray>
#include <QJsonObject>

namespace gatehouse::cli {

namespace {

QString actualText(const scorecard::MetricResult& metric)
{
    return format::metricValue(metric.actual, metric.unit, format::MetricStyle::Text);
}

// {"kind","page", and "path"+"line" for files or "ref" for commits and tags}: where the figure comes from.
QJsonObject sourceJson(const scorecard::SourceLink& link)
{
    QJsonObject object{{QStringLiteral("kind"), scorecard::sourceKindName(link.kind)},
                       {QStringLiteral("page"), link.page}};
    if (link.kind == scorecard::SourceLink::Kind::File) {
        object.insert(QStringLiteral("path"), link.path);
        object.insert(QStringLiteral("line"), link.line > 0 ? QJsonValue(link.line) : QJsonValue(QJsonValue::Null));
    } else if (link.kind != scorecard::SourceLink::Kind::Page) {
        object.insert(QStringLiteral("ref"), link.ref);
    }
    return object;
}

} // namespace

// `gatehouse scorecard`: the 12-Factor scorecard and the success metrics, from the repository alone.
int runScorecard(const QStringList& arguments, Io io)
{
    QCommandLineParser parser;
    CommonOptions options;
    if (int code = parseArguments(parser, QStringLiteral("scorecard"), arguments,
                                  {QStringLiteral("text"), QStringLiteral("json")}, io, options);
        code != ExitOk)
        return finishEarly(code);

    const Result<git::Repository> repository = git::Repository::open(options.repo);
    if (!repository.ok()) {
        io.err << "gatehouse scorecard: " << repository.error().toString() << '\n';
        return ExitUsage;
    }
    const Result<scorecard::ScorecardInputs> inputs
        = scorecard::Scorecard::collect(repository.value(), options.rev, QDateTime::currentDateTimeUtc());
    if (!inputs.ok()) {
        io.err << "gatehouse scorecard: " << inputs.error().toString() << '\n';
        return ExitUsage;
    }
    const scorecard::ScorecardReport report = scorecard::Scorecard::evaluate(inputs.value());

    if (options.format == QLatin1String("json")) {
        QJsonArray factors;
        for (const scorecard::FactorResult& factor : report.factors) {
            factors.append(QJsonObject{
                {QStringLiteral("id"), factor.id},
                {QStringLiteral("name"), factor.name},
                {QStringLiteral("status"), scorecard::factorStatusName(factor.status)},
                {QStringLiteral("evidence"), factor.evidence},
                {QStringLiteral("sources"), QJsonArray::fromStringList(factor.sources)},
                {QStringLiteral("source"), sourceJson(factor.link)},
            });
        }
        QJsonArray metrics;
        for (const scorecard::MetricResult& metric : report.metrics) {
            metrics.append(QJsonObject{
                {QStringLiteral("name"), metric.name},
                {QStringLiteral("target"), metric.target},
                {QStringLiteral("actual"), metric.actual ? QJsonValue(*metric.actual) : QJsonValue(QJsonValue::Null)},
                {QStringLiteral("met"), metric.met ? QJsonValue(*metric.met) : QJsonValue(QJsonValue::Null)},
                {QStringLiteral("unit"), metric.unit},
                {QStringLiteral("evidence"), metric.evidence},
                {QStringLiteral("area"), metric.area},
                {QStringLiteral("source"), sourceJson(metric.link)},
            });
        }
        writeJson(
            io.out,
            QJsonDocument(QJsonObject{{QStringLiteral("factors"), factors}, {QStringLiteral("metrics"), metrics}}));
        return ExitOk;
    }
    io.out << "12-Factor scorecard\n";
    for (const scorecard::FactorResult& factor : report.factors)
        io.out << QStringLiteral("  %1 %2 %3 %4\n")
                      .arg(factor.id, -5)
                      .arg(factor.name, -20)
                      .arg(scorecard::factorStatusName(factor.status), -5)
                      .arg(factor.evidence + QStringLiteral(" [") + factor.link.toString() + QLatin1Char(']'));
    io.out << "\nSuccess metrics\n";
    for (const scorecard::MetricResult& metric : report.metrics)
        io.out << QStringLiteral("  %1 target %2 actual %3 %4\n")
                      .arg(metric.name, -28)
                      .arg(metric.target, -11)
                      .arg(actualText(metric), -15)
                      .arg(metric.met ? (*metric.met ? QStringLiteral("met") : QStringLiteral("not met"))
                                      : QStringLiteral("unknown"));
    return ExitOk;
}

} // namespace gatehouse::cli
