// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliRunner.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace Qt::StringLiterals;

// The CI templates of packaging/ci/ pass Gatehouse's own validator and gates, and their weekly job
// runs `gatehouse report` and archives it as a git note and an artifact.
class TestCliCiTemplates : public QObject
{
    Q_OBJECT

    static QString sourcePath(const QString& relative)
    {
        return QDir(QStringLiteral(GATEHOUSE_FIXTURES_DIR) + u"/../.."_s).absoluteFilePath(relative);
    }

private Q_SLOTS:
    void validates_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("kind");
        QTest::newRow("gitlab") << u"packaging/ci/gatehouse.gitlab-ci.yml"_s << u"gitlab"_s;
        QTest::newRow("github") << u"packaging/ci/github/gatehouse.yml"_s << u"github"_s;
    }

    void validates()
    {
        QFETCH(QString, path);
        QFETCH(QString, kind);
        const gatehouse::test::CliRun result
            = gatehouse::test::runCli({u"validate"_s, u"--kind"_s, kind, u"--format"_s, u"json"_s, sourcePath(path)});
        const QJsonObject root = result.json();
        QCOMPARE(root.value(u"files"_s).toArray().size(), 1);
        QString errors;
        for (const QJsonValue& v :
             root.value(u"files"_s).toArray().first().toObject().value(u"diagnostics"_s).toArray()) {
            const QJsonObject d = v.toObject();
            if (d.value(u"severity"_s).toString() == u"error"_s)
                errors += u"%1:%2 %3\n"_s.arg(d.value(u"line"_s).toInt())
                              .arg(d.value(u"column"_s).toInt())
                              .arg(d.value(u"message"_s).toString());
        }
        QVERIFY2(errors.isEmpty(), qPrintable(errors));
        QCOMPARE(root.value(u"summary"_s).toObject().value(u"errors"_s).toInt(), 0);
        QCOMPARE(result.exitCode, 0);
    }

    void weeklyJobRunsTheReport_data() { validates_data(); }

    void weeklyJobRunsTheReport()
    {
        QFETCH(QString, path);
        QFile file(sourcePath(path));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        for (const QString& format : {u"json"_s, u"md"_s, u"html"_s, u"pdf"_s})
            QVERIFY2(text.contains(u"--format "_s + format) || text.contains(u"for format in json md html pdf"_s),
                     qPrintable(format));
        QVERIFY(text.contains(u"gatehouse report --"_s) || text.contains(u"gatehouse report --week"_s));
        QVERIFY(text.contains(u"git notes --ref=gatehouse-reports add"_s));
        QVERIFY(text.contains(u"posture-$WEEK.json"_s));
        QVERIFY(text.contains(u"gatehouse validate"_s));
        QVERIFY(!text.contains(u"gatehouse scorecard"_s)); // the report replaced the stopgap
    }
};

QTEST_GUILESS_MAIN(TestCliCiTemplates)
#include "tst_cli_citemplates.moc"
