// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Diagnostic.h"

#include <QHash>
#include <QStringList>
#include <QVariant>

namespace gatehouse::pipeline {

/// A gate: a policy check that the pipeline really protects production.
struct GateInfo
{
    QString id; ///< stable id, also the rule id suffix ("gate.<id>")
    QString title;
    QString rationale; ///< one line: why the gate exists
    QString factor; ///< the 12-Factor it serves, e.g. "IV. Validation gates"
    Severity defaultSeverity = Severity::Warning;
};

/// Every gate, in report order.
const QList<GateInfo>& gateCatalog();
const GateInfo* findGate(const QString& id);

/// Per-repository gate settings from `.gatehouse/policy.yml`:
///     gates:
///       <gate-id>:
///         enabled: true|false
///         severity: error|warning|info
///         parameters: { ... }
/// Value type, usable from any thread.
class GatePolicy
{
public:
    struct Setting
    {
        bool enabled = true;
        Severity severity = Severity::Warning;
        QVariantMap parameters;
    };

    static GatePolicy defaults();
    /// Parses a policy file over the defaults; problems (unknown gates, bad values) go to `diagnostics`.
    static GatePolicy parse(const QByteArray& text, const QString& path, QList<Diagnostic>* diagnostics);

    bool isEnabled(const QString& gate) const { return m_settings.value(gate).enabled; }
    Severity severity(const QString& gate) const { return m_settings.value(gate).severity; }
    QVariant parameter(const QString& gate, const QString& name, const QVariant& fallback = {}) const;
    Setting& setting(const QString& gate) { return m_settings[gate]; }

private:
    QHash<QString, Setting> m_settings;
};

} // namespace gatehouse::pipeline
