// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "delivery/IncidentParser.h"

#include <QTest>
#include <QTimeZone>

using namespace gatehouse::delivery;
using namespace Qt::StringLiterals;

namespace {

// One line per field, in a fixed order, empty fields left out: easy to compare and to read in a failure.
QString describe(const Incident& incident)
{
    QStringList lines;
    auto add = [&](const char* key, const QString& value) {
        if (!value.isEmpty())
            lines.append(QLatin1String(key) + u"="_s + value);
    };
    add("kind", incidentKindName(incident.kind));
    add("title", incident.title);
    add("scope", incident.scope);
    add("incident", incident.incident);
    add("root_cause", incident.rootCause);
    add("fix", incident.fix);
    add("detected", incident.detected);
    add("duration", incident.duration);
    add("duration_s", incident.durationSeconds ? QString::number(*incident.durationSeconds) : QString());
    add("severity", incident.severity);
    add("deployment", incident.deploymentRef);
    add("factors", incident.factors.join(u','));
    add("reverts", incident.revertedCommit);
    add("time", incident.time.isValid() ? incident.time.toString(Qt::ISODate) : QString());
    return lines.join(u'\n');
}

} // namespace

class TestIncidentParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void commitMessages_data();
    void commitMessages();
    void documents_data();
    void documents();
    void durations_data();
    void durations();
    void dateTimes_data();
    void dateTimes();
    void documentPaths_data();
    void documentPaths();
};

void TestIncidentParser::commitMessages_data()
{
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("expected"); // describe(); "-" = not an incident

    QTest::newRow("postmortem with every field")
        << u"postmortem(payments): card charges failed for 40 minutes\n\n"
           "Incident: INC-2026-007\n"
           "Root cause: connection pool exhausted after the retry change\n"
           "Fix: cap retries and size the pool from config\n"
           "Detected: 2026-02-03T10:15:00Z\n"
           "Duration: 40m\n"
           "Severity: SEV2\n"
           "Deployment: deploy-1a2b3c4d\n"
           "Factor IV: backing services treated as attached resources\n"
           "Factor IX: disposability — fast startup helped\n"_s
        << u"kind=postmortem\ntitle=card charges failed for 40 minutes\nscope=payments\nincident=INC-2026-007\n"
           "root_cause=connection pool exhausted after the retry change\n"
           "fix=cap retries and size the pool from config\ndetected=2026-02-03T10:15:00Z\nduration=40m\n"
           "duration_s=2400\nseverity=SEV2\ndeployment=deploy-1a2b3c4d\nfactors=IV,IX\n"
           "time=2026-02-03T10:15:00Z"_s;
    QTest::newRow("hotfix, trailers only")
        << u"hotfix(api)!: reject empty tokens\n\nSome prose first.\n\nRoot cause: missing check\nSeverity: high\n"_s
        << u"kind=hotfix\ntitle=reject empty tokens\nscope=api\nroot_cause=missing check\nseverity=high"_s;
    QTest::newRow("conventional revert without scope takes the inner one")
        << u"revert: feat(search): fuzzy matching\n\nThis reverts commit 0123456789abcdef0123456789abcdef01234567.\n"_s
        << u"kind=revert\ntitle=feat(search): fuzzy matching\nscope=search\n"
           "reverts=0123456789abcdef0123456789abcdef01234567"_s;
    QTest::newRow("git revert")
        << u"Revert \"feat(ui): new dashboard\"\n\nThis reverts commit abcdef1.\n"_s
        << u"kind=revert\ntitle=Revert \"feat(ui): new dashboard\"\nscope=ui\nreverts=abcdef1"_s;
    QTest::newRow("case-insensitive type and keys")
        << u"PostMortem: outage\n\nROOT CAUSE: disk full\nroot_cause: ignored later duplicate\n"_s
        << u"kind=postmortem\ntitle=outage\nroot_cause=ignored later duplicate"_s;
    QTest::newRow("markdown bullets and bold keys")
        << u"postmortem(db): replica lag\n\n- **Root cause:** vacuum blocked\n* Fix: kill the long query\n"_s
        << u"kind=postmortem\ntitle=replica lag\nscope=db\nroot_cause=vacuum blocked\nfix=kill the long query"_s;
    QTest::newRow("indented continuation")
        << u"postmortem: login loop\n\nRoot cause: the cookie domain changed\n  and old sessions kept redirecting\n"
           "Fix: migrate sessions\n"_s
        << u"kind=postmortem\ntitle=login loop\n"
           "root_cause=the cookie domain changed and old sessions kept redirecting\nfix=migrate sessions"_s;
    QTest::newRow("factor variants")
        << u"postmortem: x\n\n12-Factor VI: rollback point existed\nFactor 10 - dev/prod parity\n"
           "Factors: III, ix, vi\nFactor XIII: not a factor\n"_s
        << u"kind=postmortem\ntitle=x\nfactors=VI,X,III,IX"_s;
    QTest::newRow("durations and non-time detection")
        << u"hotfix: y\n\nDetected: by an alert at night\nDuration: 1h 30m\n"_s
        << u"kind=hotfix\ntitle=y\ndetected=by an alert at night\nduration=1h 30m\nduration_s=5400"_s;
    QTest::newRow("detected with offset")
        << u"hotfix: z\n\nDetected: 2026-02-03 12:15 +02:00\n"_s
        << u"kind=hotfix\ntitle=z\ndetected=2026-02-03 12:15 +02:00\ntime=2026-02-03T10:15:00Z"_s;
    QTest::newRow("CRLF line ends") << u"postmortem(net): dns\r\n\r\nIncident: INC-9\r\nFix: TTL lowered\r\n"_s
                                    << u"kind=postmortem\ntitle=dns\nscope=net\nincident=INC-9\nfix=TTL lowered"_s;
    QTest::newRow("empty title falls back to the subject")
        << u"hotfix(api):"_s << u"kind=hotfix\ntitle=hotfix(api):\nscope=api"_s;
    QTest::newRow("feat is not an incident") << u"feat(api): Root cause: nothing\n"_s << u"-"_s;
    QTest::newRow("hotfix word later is not an incident") << u"fix: the hotfix script\n"_s << u"-"_s;
    QTest::newRow("revert without quotes is not git's form") << u"Revert the thing\n"_s << u"-"_s;
    QTest::newRow("hotfixes type is not hotfix") << u"hotfixes: many\n"_s << u"-"_s;
    QTest::newRow("empty message") << QString() << u"-"_s;
}

void TestIncidentParser::commitMessages()
{
    QFETCH(QString, message);
    QFETCH(QString, expected);
    const std::optional<Incident> incident = IncidentParser::parseCommitMessage(message);
    QCOMPARE(incident ? describe(*incident) : u"-"_s, expected);
}

void TestIncidentParser::documents_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("diagnostic"); // "line:column:code" or empty

    QTest::newRow("front matter and sections")
        << u"postmortems/2026-02-03-payments.md"_s
        << QByteArray("---\n"
                      "title: Card charges failed\n"
                      "date: 2026-02-03\n"
                      "service: payments\n"
                      "severity: SEV2\n"
                      "id: INC-7\n"
                      "factors: [IV, \"IX: disposability\"]\n"
                      "---\n"
                      "# Ignored heading\n\n"
                      "## Root cause\n\nThe pool was **exhausted**\nafter the retry change.\n\n"
                      "## Resolution\n\n- cap retries\n\n"
                      "Duration: 45 minutes\n")
        << u"kind=document\ntitle=Card charges failed\nscope=payments\nincident=INC-7\n"
           "root_cause=The pool was exhausted after the retry change.\nfix=cap retries\nduration=45 minutes\n"
           "duration_s=2700\nseverity=SEV2\nfactors=IV,IX\ntime=2026-02-03T23:59:59Z"_s
        << QString();
    QTest::newRow("front matter wins over body lines")
        << u"docs/postmortems/x.md"_s
        << QByteArray("---\nroot_cause: from front matter\ndetected: 2026-02-03T08:00:00+01:00\n---\n"
                      "Root cause: from the body\nFix: from the body\n")
        << u"kind=document\ntitle=x\nroot_cause=from front matter\nfix=from the body\n"
           "detected=2026-02-03T08:00:00+01:00\ntime=2026-02-03T07:00:00Z"_s
        << QString();
    QTest::newRow("no front matter: title from heading")
        << u"postmortems/dns.md"_s << QByteArray("# DNS outage\n\nIncident: INC-3\nFactor III: config in env\n")
        << u"kind=document\ntitle=DNS outage\nincident=INC-3\nfactors=III"_s << QString();
    QTest::newRow("broken front matter: reported, body still read")
        << u"postmortems/bad.md"_s << QByteArray("---\ntitle: [unclosed\n---\n# Bad\nFix: still read\n")
        << u"kind=document\ntitle=Bad\nfix=still read"_s << u"2:1:postmortem.front-matter"_s;
    QTest::newRow("unclosed front matter") << u"postmortems/open.md"_s << QByteArray("---\ntitle: x\n")
                                           << u"kind=document\ntitle=open"_s << u"1:1:postmortem.front-matter"_s;
    QTest::newRow("front matter not a mapping") << u"postmortems/list.md"_s << QByteArray("---\n- a\n---\nbody\n")
                                                << u"kind=document\ntitle=list"_s << u"2:1:postmortem.front-matter"_s;
    QTest::newRow("binary") << u"postmortems/b.md"_s << QByteArray("abc\0def", 7) << u"-"_s
                            << u"0:0:postmortem.binary"_s;
    QTest::newRow("too large") << u"postmortems/big.md"_s << QByteArray((1 << 20) + 1, 'a') << u"-"_s
                               << u"0:0:postmortem.too-large"_s;
}

void TestIncidentParser::documents()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, content);
    QFETCH(QString, expected);
    QFETCH(QString, diagnostic);
    QList<IncidentDiagnostic> diagnostics;
    const std::optional<Incident> incident = IncidentParser::parseDocument(path, content, &diagnostics);
    QCOMPARE(incident ? describe(*incident) : u"-"_s, expected);
    QStringList actual;
    for (const IncidentDiagnostic& d : std::as_const(diagnostics)) {
        QCOMPARE(d.path, path);
        QVERIFY(!d.message.isEmpty());
        actual.append(u"%1:%2:%3"_s.arg(d.line).arg(d.column).arg(d.code));
    }
    QCOMPARE(actual.join(u' '), diagnostic);
    if (incident)
        QCOMPARE(incident->documentPath, path);
}

void TestIncidentParser::durations_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("seconds"); // -1: not a duration
    QTest::newRow("minutes") << u"45m"_s << qint64(2700);
    QTest::newRow("words") << u"2 hours and 5 minutes"_s << qint64(7500);
    QTest::newRow("fraction") << u"1.5h"_s << qint64(5400);
    QTest::newRow("days") << u"1d 2h"_s << qint64(93600);
    QTest::newRow("iso") << u"PT1H30M"_s << qint64(5400);
    QTest::newRow("iso days") << u"P1DT1S"_s << qint64(86401);
    QTest::newRow("clock") << u"01:30:00"_s << qint64(5400);
    QTest::newRow("about") << u"about 20 min"_s << qint64(1200);
    QTest::newRow("prose") << u"most of the afternoon"_s << qint64(-1);
    QTest::newRow("trailing prose") << u"20 min, then again"_s << qint64(-1);
    QTest::newRow("bare P") << u"P"_s << qint64(-1);
    QTest::newRow("empty") << QString() << qint64(-1);
}

void TestIncidentParser::durations()
{
    QFETCH(QString, text);
    QFETCH(qint64, seconds);
    QCOMPARE(IncidentParser::parseDuration(text).value_or(-1), seconds);
}

void TestIncidentParser::dateTimes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("utc"); // empty: invalid
    QTest::newRow("Z") << u"2026-02-03T10:15:00Z"_s << u"2026-02-03T10:15:00Z"_s;
    QTest::newRow("offset") << u"2026-02-03T10:15:00-05:00"_s << u"2026-02-03T15:15:00Z"_s;
    QTest::newRow("compact offset") << u"2026-02-03 10:15 +0100"_s << u"2026-02-03T09:15:00Z"_s;
    QTest::newRow("no offset is UTC") << u"2026-02-03 10:15"_s << u"2026-02-03T10:15:00Z"_s;
    QTest::newRow("UTC suffix") << u"2026-02-03 10:15:30 UTC"_s << u"2026-02-03T10:15:30Z"_s;
    QTest::newRow("date only") << u"2026-02-03"_s << QString();
    QTest::newRow("impossible") << u"2026-02-30T10:00:00Z"_s << QString();
    QTest::newRow("prose") << u"yesterday"_s << QString();
}

void TestIncidentParser::dateTimes()
{
    QFETCH(QString, text);
    QFETCH(QString, utc);
    const QDateTime time = IncidentParser::parseDateTime(text);
    QCOMPARE(time.isValid() ? time.toString(Qt::ISODate) : QString(), utc);
}

void TestIncidentParser::documentPaths_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("document");
    QTest::newRow("postmortems") << u"postmortems/a.md"_s << true;
    QTest::newRow("docs/postmortems nested") << u"docs/postmortems/2026/a.markdown"_s << true;
    QTest::newRow("other folder") << u"notes/postmortems/a.md"_s << false;
    QTest::newRow("not markdown") << u"postmortems/a.txt"_s << false;
    QTest::newRow("folder only") << u"postmortems/"_s << false;
}

void TestIncidentParser::documentPaths()
{
    QFETCH(QString, path);
    QFETCH(bool, document);
    QCOMPARE(IncidentParser::isPostmortemDocumentPath(path), document);
}

QTEST_GUILESS_MAIN(TestIncidentParser)
#include "tst_incidentparser.moc"
