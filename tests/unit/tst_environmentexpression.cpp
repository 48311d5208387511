// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "delivery/strategy/EnvironmentExpression.h"

#include <QTest>

using namespace gatehouse::delivery;
using namespace Qt::StringLiterals;

using Known = QMap<QString, EnvironmentExpression::Known>;

class TestEnvironmentExpression : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void references_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QStringList>("keys");
        QTest::newRow("plain name") << u"production"_s << QStringList();
        QTest::newRow("input") << u"${{ inputs.environment }}"_s << QStringList{u"inputs.environment"_s};
        QTest::newRow("event input") << u"${{github.event.inputs.env}}"_s << QStringList{u"inputs.env"_s};
        QTest::newRow("matrix") << u"${{ matrix.env }}"_s << QStringList{u"matrix.env"_s};
        QTest::newRow("env") << u"${{ env.TARGET }}"_s << QStringList{u"env.TARGET"_s};
        QTest::newRow("operator") << u"${{ inputs.env || 'staging' }}"_s << QStringList{QString()};
        QTest::newRow("repository variable") << u"${{ vars.ENV }}"_s << QStringList{QString()};
        QTest::newRow("gitlab") << u"$DEPLOY_ENV"_s << QStringList{u"DEPLOY_ENV"_s};
        QTest::newRow("gitlab braces in text")
            << u"review/${CI_COMMIT_REF_SLUG}-x"_s << QStringList{u"CI_COMMIT_REF_SLUG"_s};
        QTest::newRow("two") << u"${{ matrix.region }}-$STAGE"_s << QStringList{u"matrix.region"_s, u"STAGE"_s};
    }
    void references()
    {
        QFETCH(QString, name);
        QFETCH(QStringList, keys);
        QCOMPARE(EnvironmentExpression::references(name), keys);
        QCOMPARE(EnvironmentExpression::isExpression(name), !keys.isEmpty());
    }

    void resolve_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<Known>("known");
        QTest::addColumn<QStringList>("values"); // empty = chosen at run time
        QTest::addColumn<QString>("origin");
        const Known known{{u"inputs.environment"_s, {{u"production"_s}, u"default"_s}},
                          {u"inputs.target"_s, {{u"staging"_s, u"qa"_s}, u"choice"_s}},
                          {u"matrix.region"_s, {{u"eu"_s, u"us"_s}, u"matrix"_s}},
                          {u"STAGE"_s, {{u"prod"_s}, u"variable"_s}},
                          {u"INDIRECT"_s, {{u"$STAGE"_s}, u"variable"_s}},
                          {u"RUNTIME"_s, {{u"$CI_COMMIT_REF_SLUG"_s}, u"variable"_s}},
                          {u"EMPTY"_s, {{}, u"variable"_s}}};
        QTest::newRow("default") << u"${{ inputs.environment }}"_s << known << QStringList{u"production"_s}
                                 << u"default"_s;
        QTest::newRow("choice") << u"${{ inputs.target }}"_s << known << QStringList{u"staging"_s, u"qa"_s}
                                << u"choice"_s;
        QTest::newRow("combined") << u"${{ matrix.region }}-$STAGE"_s << known
                                  << QStringList{u"eu-prod"_s, u"us-prod"_s} << u"matrix, variable"_s;
        QTest::newRow("variable naming a variable")
            << u"$INDIRECT"_s << known << QStringList{u"prod"_s} << u"variable"_s;
        QTest::newRow("unknown input") << u"${{ inputs.other }}"_s << known << QStringList() << QString();
        QTest::newRow("predefined variable") << u"review/$CI_COMMIT_REF_SLUG"_s << known << QStringList() << QString();
        QTest::newRow("variable naming a run-time value") << u"$RUNTIME"_s << known << QStringList() << QString();
        QTest::newRow("no value") << u"$EMPTY"_s << known << QStringList() << QString();
        QTest::newRow("operator") << u"${{ inputs.environment || 'x' }}"_s << known << QStringList() << QString();
    }
    void resolve()
    {
        QFETCH(QString, name);
        QFETCH(Known, known);
        QFETCH(QStringList, values);
        QFETCH(QString, origin);
        const EnvironmentExpression::Resolution resolution = EnvironmentExpression::resolve(name, known);
        QCOMPARE(resolution.values, values);
        QCOMPARE(resolution.chosenAtRunTime, values.isEmpty());
        if (!values.isEmpty())
            QCOMPARE(resolution.origin, origin);
    }
};

QTEST_GUILESS_MAIN(TestEnvironmentExpression)
#include "tst_environmentexpression.moc"
