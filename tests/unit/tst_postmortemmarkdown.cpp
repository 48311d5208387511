// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "delivery/IncidentParser.h"
#include "delivery/PostmortemMarkdown.h"

#include <QTest>

using namespace gatehouse::delivery;
using namespace Qt::StringLiterals;

class TestPostmortemMarkdown : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void commits_data()
    {
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("expected");
        QTest::newRow("fields, factors, body with line breaks")
            << u"postmortem(deploy): migrations locked the table\n\nIncident: INC-44\nSeverity: SEV1\n"
               "Root cause: every replica ran the\n  migrations at start-up\nFix: one-off job\n"
               "Factor XII: Admin processes — run them once\n\nWe paged at 13:42.\nRolled back at 14:20.\n"_s
            << u"- **Incident:** INC-44\n- **Severity:** SEV1\n- **Root cause:** every replica ran the migrations "
               "at start-up\n- **Fix:** one-off job\n\n**12-Factor**\n\n- Factor XII: Admin processes — run them "
               "once\n\nWe paged at 13:42.  \nRolled back at 14:20.\n"_s;
        QTest::newRow("revert: only the body")
            << u"Revert \"feat: x\"\n\nThis reverts commit 0123456789abcdef0123456789abcdef01234567.\n"_s
            << u"This reverts commit 0123456789abcdef0123456789abcdef01234567.\n"_s;
        QTest::newRow("markdown characters stay text")
            << u"hotfix(api): escape *stars*\n\nThe <b> tag and a_b # c broke it.\n"_s
            << u"The \\<b\\> tag and a\\_b \\# c broke it.\n"_s;
    }

    void commits()
    {
        QFETCH(QString, message);
        QFETCH(QString, expected);
        const std::optional<Incident> incident = IncidentParser::parseCommitMessage(message);
        QVERIFY(incident);
        QCOMPARE(PostmortemMarkdown::render(*incident), expected);
    }

    void documentsKeepTheirMarkdownWithoutTheTitle()
    {
        Incident document;
        document.kind = Incident::Kind::Document;
        document.title = u"Checkout outage"_s;
        document.body = u"# Checkout outage\n\n## Timeline\n\n- 10:00 alert\n"_s;
        QCOMPARE(PostmortemMarkdown::render(document), u"## Timeline\n\n- 10:00 alert\n"_s);
        document.body = u"## Impact\n\nNone.\n"_s;
        QCOMPARE(PostmortemMarkdown::render(document), u"## Impact\n\nNone.\n"_s);
    }
};

QTEST_GUILESS_MAIN(TestPostmortemMarkdown)
#include "tst_postmortemmarkdown.moc"
