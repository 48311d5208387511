// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/ValidationReport.h"

#include <QJsonDocument>
#include <QTest>

using namespace gatehouse::pipeline;

Q_DECLARE_METATYPE(QList<ReportFile>)

namespace {

Diagnostic diagnostic(const QString& message, Severity severity = Severity::Warning, const QString& file = {})
{
    return Diagnostic{file, 12, 3, severity, Category::Gate, QStringLiteral("gate.pinned-images"), message};
}

QByteArray streamed(const QList<ReportFile>& files)
{
    QByteArray out;
    int pieces = 0;
    ValidationReport::writeJson(files, [&out, &pieces](const QByteArray& piece) {
        out += piece;
        ++pieces;
    });
    return pieces > 0 ? out : QByteArray();
}

} // namespace

class TestValidationReport : public QObject
{
    Q_OBJECT

private slots:
    void writeJsonMatchesQJsonDocument_data();
    void writeJsonMatchesQJsonDocument();
    void writeJsonStreamsLargeReports();
};

void TestValidationReport::writeJsonMatchesQJsonDocument_data()
{
    QTest::addColumn<QList<ReportFile>>("files");
    QTest::newRow("no file") << QList<ReportFile>{};
    QTest::newRow("file without findings") << QList<ReportFile>{{QStringLiteral("a.yml"), PipelineKind::GitLab, {}}};
    QTest::newRow("one finding") << QList<ReportFile>{
        {QStringLiteral(".gitlab-ci.yml"), PipelineKind::GitLab, {diagnostic(QStringLiteral("image 'alpine:3.19'"))}}};
    QTest::newRow("quotes and backslashes")
        << QList<ReportFile>{{QStringLiteral("w.yml"),
                              PipelineKind::GitHub,
                              {diagnostic(QStringLiteral("say \"hi\" in C:\\path\\ and / slash"), Severity::Error)}}};
    QTest::newRow("control characters") << QList<ReportFile>{
        {QStringLiteral("w.yml"),
         PipelineKind::GitHub,
         {diagnostic(QStringLiteral("tab\there, newline\nthere, bell\u0007, del\u007f"))}}};
    QTest::newRow("non-ASCII and surrogates")
        << QList<ReportFile>{{QStringLiteral("dir/é.yml"),
                              PipelineKind::GitLab,
                              {diagnostic(QStringLiteral("digest (@sha256:…) for 🐳"), Severity::Info),
                               diagnostic(QString(QChar(0xd800)) + QStringLiteral(" lone surrogate"))}}};
    QTest::newRow("finding in an included file") << QList<ReportFile>{
        {QStringLiteral("main.yml"),
         PipelineKind::GitLab,
         {diagnostic(QStringLiteral("inside"), Severity::Error, QStringLiteral("ci/included.yml")),
          diagnostic(QStringLiteral("same file"), Severity::Warning, QStringLiteral("main.yml"))}}};
    QTest::newRow("several files, all severities")
        << QList<ReportFile>{{QStringLiteral("a.yml"),
                              PipelineKind::GitLab,
                              {diagnostic(QStringLiteral("e"), Severity::Error), diagnostic(QStringLiteral("w")),
                               diagnostic(QStringLiteral("i"), Severity::Info)}},
                             {QStringLiteral("b.yml"), PipelineKind::Unknown, {}},
                             {QStringLiteral("c.yml"), PipelineKind::GitHub, {Diagnostic{}}}};
}

void TestValidationReport::writeJsonMatchesQJsonDocument()
{
    QFETCH(QList<ReportFile>, files);
    const QByteArray expected = QJsonDocument(ValidationReport::json(files)).toJson(QJsonDocument::Indented);
    QCOMPARE(streamed(files), expected);
}

void TestValidationReport::writeJsonStreamsLargeReports()
{
    ReportFile file{QStringLiteral("big.yml"), PipelineKind::GitLab, {}};
    for (int i = 0; i < 20000; ++i)
        file.diagnostics.append(
            diagnostic(QStringLiteral("image 'alpine:3.19' of job-%1 is not pinned: its version tag can move").arg(i),
                       i % 3 == 0 ? Severity::Info : Severity::Warning));
    const QList<ReportFile> files{file};
    int pieces = 0;
    QByteArray out;
    ValidationReport::writeJson(files, [&](const QByteArray& piece) {
        out += piece;
        ++pieces;
    });
    QVERIFY2(pieces > 1, "a report of several MB is handed over in pieces");
    QCOMPARE(out, QJsonDocument(ValidationReport::json(files)).toJson(QJsonDocument::Indented));
}

QTEST_GUILESS_MAIN(TestValidationReport)
#include "tst_validationreport.moc"
