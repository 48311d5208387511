// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Private to the streaming report readers: the findings collected from one report, its limits and fingerprints.

#include "DeviceStreamBuf.h"
#include "JsonAccess.h"

#include "security/Finding.h"

#include <QHash>
#include <QSet>

#include <deque>

namespace gatehouse::report {

struct PendingFinding
{
    Finding finding;
    QString discriminator; ///< extra identity (code snippet, secret hash, ...) for computed fingerprints
    int group = -1; ///< reader-defined (SARIF run, trivy result, ...) for late resolution
    bool pathInIdentity = true;
};

class Collector
{
public:
    Collector(const ReportLimits& limits, const DeviceStreamBuf* input)
        : m_limits(limits)
        , m_input(input)
    { }

    /// Nullptr when the findings limit is reached (the error is then set).
    PendingFinding* add(Finding finding, int group = -1)
    {
        if (qint64(m_items.size()) >= m_limits.maxFindings) {
            fail(QStringLiteral("report.too-many-findings"),
                 QStringLiteral("more than %1 findings (limit reached)").arg(m_limits.maxFindings));
            return nullptr;
        }
        internAll(finding);
        m_items.push_back(PendingFinding{std::move(finding), {}, group, true});
        return &m_items.back();
    }

    /// One shared copy per distinct text: rules, titles, paths and ids repeat across findings, and a large report
    /// would otherwise hold thousands of copies of each.
    void intern(QString& text)
    {
        if (text.isEmpty())
            return;
        const auto it = m_pool.constFind(text);
        if (it != m_pool.cend())
            text = *it;
        else
            m_pool.insert(text);
    }

    void internAll(Finding& f)
    {
        intern(f.tool);
        intern(f.rule);
        intern(f.title);
        intern(f.location.path);
        intern(f.location.package);
        intern(f.location.version);
        intern(f.location.fixedVersion);
        intern(f.location.target);
        for (QString& id : f.ids)
            intern(id);
    }

    void warn(const QString& code, const QString& message)
    {
        ReportDiagnostic d{code, message, m_input ? m_input->position() : -1, 0, 0};
        if (m_input) {
            const auto [line, column] = m_input->lineColumn();
            d.line = line;
            d.column = column;
        }
        // A broken generator can emit millions of bad entries; keep the first ones only.
        if (m_warnings.size() < 100)
            m_warnings << d;
    }

    void fail(const QString& code, const QString& message)
    {
        if (m_errorCode.isEmpty()) {
            m_errorCode = code;
            m_errorMessage = message;
        }
    }
    bool failed() const { return !m_errorCode.isEmpty(); }
    const QString& errorCode() const { return m_errorCode; }
    const QString& errorMessage() const { return m_errorMessage; }

    std::deque<PendingFinding>& items() { return m_items; }
    QList<ReportDiagnostic> takeWarnings() { return std::move(m_warnings); }

    /// Computes the fingerprints that the tools did not provide and makes all of them unique within the report.
    QList<Finding> finish()
    {
        QList<Finding> out;
        out.reserve(qsizetype(m_items.size()));
        QHash<QString, int> seen;
        // Popping as we go frees the pending findings while the result grows, so both never peak together.
        while (!m_items.empty()) {
            PendingFinding& p = m_items.front();
            Finding& f = p.finding;
            if (f.fingerprint.isEmpty()) {
                const QString target
                    = f.category == FindingCategory::Container ? imageRepository(f.location.target) : f.location.target;
                const QStringList identity{
                    f.tool, f.rule,         p.pathInIdentity ? f.location.path : QString(), f.location.package,
                    target, p.discriminator};
                f.fingerprint = sha256Hex(identity.join(QLatin1Char('\n')));
                f.toolFingerprint = false;
            }
            internAll(f);
            // Two findings with the same identity in one report: number the later ones, in report order.
            const int n = ++seen[f.fingerprint];
            if (n > 1)
                f.fingerprint += QLatin1Char(':') + QString::number(n);
            out << std::move(f);
            m_items.pop_front();
        }
        m_pool.clear();
        return out;
    }

private:
    ReportLimits m_limits;
    const DeviceStreamBuf* m_input;
    std::deque<PendingFinding> m_items; // a deque: no copy of all findings when it grows
    QSet<QString> m_pool;
    QList<ReportDiagnostic> m_warnings;
    QString m_errorCode;
    QString m_errorMessage;
};

} // namespace gatehouse::report
