// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/Pinning.h"

#include <QTest>

using namespace gatehouse::pipeline;
using namespace Qt::StringLiterals;

// The one pinning rule of `validate` and the scorecard: only digests and full commit SHAs pin; a tag never does.
class TestPinning : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void images_data()
    {
        QTest::addColumn<QString>("image");
        QTest::addColumn<QString>("level");
        QTest::newRow("digest") << u"node@sha256:0123abcd"_s << u"pinned"_s;
        QTest::newRow("tag and digest") << u"node:20@sha256:0123abcd"_s << u"pinned"_s;
        QTest::newRow("built from this commit") << u"$CI_REGISTRY_IMAGE:$CI_COMMIT_SHA"_s << u"pinned"_s;
        QTest::newRow("docker:// digest") << u"docker://alpine@sha256:ff"_s << u"pinned"_s;
        QTest::newRow("exact version tag") << u"node:20.11.1"_s << u"version-tag"_s;
        QTest::newRow("minor version tag") << u"python:3.12-slim"_s << u"version-tag"_s;
        QTest::newRow("registry with port") << u"registry:5000/team/app:1.4.2"_s << u"version-tag"_s;
        QTest::newRow("variable tag") << u"node:$NODE_VERSION"_s << u"version-tag"_s;
        QTest::newRow("lts moves") << u"node:lts"_s << u"floating"_s;
        QTest::newRow("major only moves") << u"docker:27"_s << u"floating"_s;
        QTest::newRow("edge moves") << u"alpine:edge"_s << u"floating"_s;
        QTest::newRow("latest") << u"alpine:latest"_s << u"floating"_s;
        QTest::newRow("no tag") << u"alpine"_s << u"floating"_s;
        QTest::newRow("registry port, no tag") << u"registry:5000/app"_s << u"floating"_s;
    }
    void images()
    {
        QFETCH(QString, image);
        QFETCH(QString, level);
        QCOMPARE(pinLevelName(imagePinLevel(image)), level);
    }

    void actions_data()
    {
        QTest::addColumn<QString>("uses");
        QTest::addColumn<QString>("level");
        QTest::newRow("full sha") << u"owner/repo@0123456789abcdef0123456789abcdef01234567"_s << u"pinned"_s;
        QTest::newRow("local") << u"./.github/actions/gate"_s << u"pinned"_s;
        QTest::newRow("exact tag") << u"owner/repo@v4.1.1"_s << u"version-tag"_s;
        QTest::newRow("major tag") << u"actions/checkout@v4"_s << u"floating"_s;
        QTest::newRow("branch") << u"owner/repo/sub@main"_s << u"floating"_s;
        QTest::newRow("short sha") << u"owner/repo@0123456"_s << u"floating"_s;
        QTest::newRow("upper-case sha is not a commit id")
            << u"owner/repo@0123456789ABCDEF0123456789ABCDEF01234567"_s << u"floating"_s;
        QTest::newRow("no ref") << u"owner/repo"_s << u"floating"_s;
        QTest::newRow("docker image") << u"docker://alpine:3.19"_s << u"version-tag"_s;
    }
    void actions()
    {
        QFETCH(QString, uses);
        QFETCH(QString, level);
        QCOMPARE(pinLevelName(actionPinLevel(uses)), level);
    }
};

QTEST_GUILESS_MAIN(TestPinning)
#include "tst_pinning.moc"
