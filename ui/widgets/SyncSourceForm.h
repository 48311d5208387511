// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"

#include <QWidget>

#include <functional>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLineEdit;
class QSpinBox;

namespace gatehouse::runs {
class TokenStore;
struct SyncRequest;
} // namespace gatehouse::runs

namespace gatehouse::ui {

/// Where a sync fetches from, shared by every "Sync from server…" dialog (runs, deployments, findings): GitLab URL
/// and project or GitHub API URL and OWNER/REPO, the token (typed, or read from the system keychain through the
/// TokenStore; kept there after a successful sync when asked, never in settings), how many records and since when.
class SyncSourceForm : public QWidget
{
    Q_OBJECT
public:
    /// `maxLabel`: "Newest runs", …; the spin box starts at `maxDefault`.
    SyncSourceForm(runs::TokenStore& tokens, const QString& maxLabel, int maxDefault, QWidget* parent = nullptr);

    QComboBox* providerBox() const { return m_provider; }
    QLineEdit* urlEdit() const { return m_url; }
    QLineEdit* projectEdit() const { return m_project; }
    QLineEdit* tokenEdit() const { return m_token; }
    QCheckBox* rememberBox() const { return m_remember; }
    QSpinBox* maxBox() const { return m_max; }
    QCheckBox* sinceBox() const { return m_sinceEnabled; }
    QDateEdit* sinceEdit() const { return m_since; }

    runs::SyncRequest request() const;
    /// Why the form cannot be sent as it is (empty when it can).
    QString problem() const;
    /// The typed token, else the keychain's (empty when none is stored: public projects still answer); an error
    /// only when the keychain cannot be read. Calls `done` later on this thread, unless the form is gone.
    void readToken(std::function<void(Result<QString>)> done);
    /// After a successful sync: keeps the typed token in the keychain when asked, then clears it from the widget.
    /// `done` gets the keychain's error, if any.
    void keepToken(std::function<void(Status)> done);

private:
    runs::TokenStore& m_tokens;
    QComboBox* m_provider;
    QLineEdit* m_url;
    QLineEdit* m_project;
    QLineEdit* m_token;
    QCheckBox* m_remember;
    QSpinBox* m_max;
    QCheckBox* m_sinceEnabled;
    QDateEdit* m_since;
};

} // namespace gatehouse::ui
