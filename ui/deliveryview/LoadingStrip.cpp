// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "LoadingStrip.h"

#include "delivery/DeliveryLoader.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QToolButton>

namespace gatehouse::ui {

LoadingStrip::LoadingStrip(delivery::DeliveryLoader* loader, const QString& what, QWidget* parent)
    : QFrame(parent)
    , m_label(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_cancel(new QToolButton(this))
    , m_what(what)
{
    setObjectName(QStringLiteral("loadingStrip"));
    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(false);
    m_progress->setFixedHeight(8);
    m_progress->setMaximumWidth(260);
    m_cancel->setText(tr("Cancel"));
    m_cancel->setObjectName(QStringLiteral("cancelLoading"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(10);
    layout->addWidget(m_label);
    layout->addWidget(m_progress, 1);
    layout->addWidget(m_cancel);
    layout->addStretch(1);
    setVisible(loader->isLoading());
    m_label->setText(tr("Reading %1…").arg(m_what));

    connect(m_cancel, &QToolButton::clicked, loader, &delivery::DeliveryLoader::cancel);
    connect(loader, &delivery::DeliveryLoader::loadStarted, this, [this] {
        m_progress->setValue(0);
        m_label->setText(tr("Reading %1…").arg(m_what));
        show();
    });
    connect(loader, &delivery::DeliveryLoader::progressChanged, this, [this](int permille, const QString& stage) {
        m_progress->setValue(permille);
        if (!stage.isEmpty())
            m_label->setText(tr("Reading %1: %2…").arg(m_what, stage));
    });
    for (auto signal : {&delivery::DeliveryLoader::loadCancelled, &delivery::DeliveryLoader::cleared})
        connect(loader, signal, this, &QWidget::hide);
    connect(loader, &delivery::DeliveryLoader::loadFinished, this, &QWidget::hide);
    connect(loader, &delivery::DeliveryLoader::loadFailed, this, &QWidget::hide);
}

QString LoadingStrip::text() const
{
    return m_label->text();
}

} // namespace gatehouse::ui
