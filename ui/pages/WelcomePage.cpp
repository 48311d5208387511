// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "WelcomePage.h"

#include "../widgets/Widgets.h"

#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace gatehouse::ui {

WelcomePage::WelcomePage(QWidget* parent)
    : QWidget(parent)
    , m_banner(makeLabel(QStringLiteral("banner"), this))
    , m_recent(new QListWidget(this))
    , m_recentEmpty(makeLabel(QStringLiteral("pageSubtitle"), this,
                              tr("No recent repositories yet. Open one, drop a folder on this window, or start "
                                 "with the demo repository.")))
    , m_open(new QPushButton(tr("Open repository…"), this))
    , m_demo(new QPushButton(tr("Open demo repository"), this))
{
    setObjectName(QStringLiteral("welcomePage"));
    auto* logo = new QLabel(this);
    logo->setPixmap(QIcon(QStringLiteral(":/icons/gatehouse.svg")).pixmap(72, 72));
    auto* title = makeLabel(QStringLiteral("pageTitle"), this, tr("Gatehouse"));
    auto* tagline = makeLabel(QStringLiteral("pageSubtitle"), this,
                              tr("Pipelines, security scans, deployments and incidents of a git repository, "
                                 "at a glance."));
    tagline->setWordWrap(true);
    m_banner->setWordWrap(true);
    m_banner->setObjectName(QStringLiteral("welcomeMessage"));
    m_banner->setTextFormat(Qt::PlainText);
    m_banner->hide();
    m_recentEmpty->setWordWrap(true);
    m_open->setProperty("role", QStringLiteral("primary"));
    m_open->setObjectName(QStringLiteral("openButton"));
    m_demo->setObjectName(QStringLiteral("demoButton"));
    m_demo->setProperty("role", QStringLiteral("secondary"));
    m_demo->setToolTip(tr("Creates a realistic sample repository in your cache folder (once) and opens it."));
    m_recent->setObjectName(QStringLiteral("recentRepositories"));
    m_recent->setAccessibleName(tr("Recent repositories"));
    m_recent->setAccessibleDescription(tr("Press Enter to open the selected repository."));
    m_open->setAccessibleDescription(tr("Choose a folder inside a git repository."));
    m_demo->setAccessibleDescription(m_demo->toolTip());
    logo->setAccessibleName(tr("Gatehouse logo"));
    m_recent->setAlternatingRowColors(true);
    m_recent->setMinimumHeight(120);
    m_recent->setMaximumHeight(360);

    auto* header = new QHBoxLayout;
    header->setSpacing(16);
    header->addWidget(logo);
    auto* titles = new QVBoxLayout;
    titles->setSpacing(4);
    titles->addStretch(1);
    titles->addWidget(title);
    titles->addWidget(tagline);
    titles->addStretch(1);
    header->addLayout(titles, 1);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_open);
    buttons->addWidget(m_demo);
    buttons->addStretch(1);

    auto* column = new QVBoxLayout;
    column->setSpacing(14);
    column->addLayout(header);
    column->addWidget(m_banner);
    column->addLayout(buttons);
    column->addSpacing(8);
    column->addWidget(makeLabel(QStringLiteral("sectionTitle"), this, tr("Recent repositories")));
    column->addWidget(m_recentEmpty);
    column->addWidget(m_recent);
    column->addStretch(1);

    auto* centered = new QHBoxLayout(this);
    centered->setContentsMargins(40, 64, 40, 32);
    centered->addStretch(1);
    auto* box = new QWidget(this);
    box->setMaximumWidth(720);
    box->setMinimumWidth(480);
    box->setLayout(column);
    centered->addWidget(box, 4);
    centered->addStretch(1);

    connect(m_open, &QPushButton::clicked, this, &WelcomePage::openDialogRequested);
    connect(m_demo, &QPushButton::clicked, this, &WelcomePage::demoRequested);
    connect(m_recent, &QListWidget::itemActivated, this,
            [this](QListWidgetItem* item) { Q_EMIT openRequested(item->data(Qt::UserRole).toString()); });
}

void WelcomePage::setRecentRepositories(const QStringList& paths)
{
    m_recent->clear();
    for (const QString& path : paths) {
        auto* item = new QListWidgetItem(
            QStringLiteral("%1\n%2").arg(QFileInfo(path).fileName(), QDir::toNativeSeparators(path)), m_recent);
        item->setData(Qt::UserRole, path);
        item->setToolTip(path);
    }
    m_recent->setVisible(!paths.isEmpty());
    m_recentEmpty->setVisible(paths.isEmpty());
}

void WelcomePage::setMessage(const QString& message)
{
    m_banner->setText(message);
    m_banner->setVisible(!message.isEmpty());
}

QString WelcomePage::message() const
{
    return m_banner->isHidden() ? QString() : m_banner->text();
}

void WelcomePage::setBusy(bool busy, const QString& text)
{
    m_open->setEnabled(!busy);
    m_demo->setEnabled(!busy);
    m_recent->setEnabled(!busy);
    if (busy && !text.isEmpty())
        m_demo->setText(text);
    else
        m_demo->setText(tr("Open demo repository"));
}

} // namespace gatehouse::ui
