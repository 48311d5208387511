// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ShellFixture.h"

namespace gatehouse::test {

bool ShellFixture::build(ScratchRepository& s)
{
    const auto bytes = [](const char* text) { return QByteArray(text); };
    initial
        = s.commit(QStringLiteral("feat(app): initial application"),
                   {{QStringLiteral("src/app.py"), bytes("print('hello')\n")},
                    {QStringLiteral(".gitlab-ci.yml"),
                     bytes("stages: [test, deploy]\ninclude:\n  - local: /ci/security.yml\n  - remote: "
                           "https://example.org/x.yml\ntest:\n  script: [make test]\n")},
                    {QStringLiteral("ci/security.yml"), bytes("sast:\n  script: [semgrep --config auto]\n")},
                    {QStringLiteral(".github/workflows/build.yml"),
                     bytes("on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n")},
                    {QStringLiteral("action.yml"), bytes("name: gate\nruns:\n  using: composite\n")}});
    firstScan = s.commit(QStringLiteral("chore(reports): weekly scan"),
                         {{QStringLiteral("reports/semgrep.json"), bytes("{\"results\": []}\n")},
                          {QStringLiteral("reports/trivy.sarif"), bytes("{\"version\": \"2.1.0\", \"runs\": []}\n")}},
                         {}, QStringLiteral("Bob Builder"));
    stagingDeploy = s.commit(QStringLiteral("fix(app): handle an empty cart"),
                             {{QStringLiteral("src/app.py"), bytes("print('hello, cart')\n")}}, {},
                             QStringLiteral("Carol Coder"));
    s.tag(QStringLiteral("deploy-") + stagingDeploy.shortString(7), stagingDeploy,
          QStringLiteral("Staging deployment\n\nPipeline 4711"));
    secondScan = s.commit(QStringLiteral("chore(reports): weekly scan"),
                          {{QStringLiteral("reports/semgrep.json"), bytes("{\"results\": [{\"check_id\": \"x\"}]}\n")}},
                          {}, QStringLiteral("Bob Builder"));
    s.tag(QStringLiteral("prod-2026-01-05"), secondScan, QStringLiteral("Production deployment"));
    s.tag(QStringLiteral("v1.0"), secondScan);
    postmortem = s.commit(QStringLiteral("postmortem(checkout): 500s during the sale\n\n"
                                         "Incident: checkout returned 500 for 40 minutes\n"
                                         "Root cause: missing index on orders\n"
                                         "Fix: add the index and alert on p99 latency\n"
                                         "Factor IX (disposability): workers did not drain on restart\n"),
                          {{QStringLiteral("docs/postmortems/checkout.md"), bytes("# Checkout outage\n")}});
    revert = s.commit(QStringLiteral("Revert \"fix(app): handle an empty cart\""),
                      {{QStringLiteral("src/app.py"), bytes("print('hello')\n")}});
    hotfix = s.commit(QStringLiteral("hotfix: restore the cart\n\nIncident: INC-7 cart empty after login\n"
                                     "Root cause: session cookie dropped\nFix: keep the cookie on redirects"),
                      {{QStringLiteral("src/cart.py"), bytes("cart = []\n")}}, {}, QStringLiteral("Carol Coder"));
    auto note = s.repo().writeNote(QStringLiteral("refs/notes/gatehouse-scans"), secondScan,
                                   QByteArray("semgrep: 1 finding\ntrivy: 0 findings\n"),
                                   ScratchRepository::alice(s.nextTime()));
    if (!note) {
        qWarning("ShellFixture: %s", qPrintable(note.error().toString()));
        return false;
    }
    const Status checkout = s.repo().checkoutHead(true);
    if (!checkout) {
        qWarning("ShellFixture: %s", qPrintable(checkout.error().toString()));
        return false;
    }
    return !initial.isNull() && !hotfix.isNull();
}

} // namespace gatehouse::test
