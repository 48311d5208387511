// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "DeliveryFilterBar.h"

#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QTimeZone>
#include <QToolButton>

namespace gatehouse::ui {

DeliveryFilterBar::DeliveryFilterBar(QWidget* parent)
    : QWidget(parent)
    , m_environment(new QComboBox(this))
    , m_since(new QDateEdit(this))
    , m_until(new QDateEdit(this))
    , m_reset(new QToolButton(this))
{
    setObjectName(QStringLiteral("deliveryFilters"));
    m_environment->setObjectName(QStringLiteral("environmentFilter"));
    m_environment->setMinimumWidth(160);
    for (QDateEdit* edit : {m_since, m_until}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        edit->setTimeSpec(Qt::UTC);
        connect(edit, &QDateEdit::dateChanged, this, &DeliveryFilterBar::onDateEdited);
    }
    m_since->setObjectName(QStringLiteral("windowSince"));
    m_until->setObjectName(QStringLiteral("windowUntil"));
    m_reset->setObjectName(QStringLiteral("windowReset"));
    m_reset->setText(tr("All time"));
    m_reset->setToolTip(tr("From the first to the last deployment"));
    m_reset->setEnabled(false);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    layout->addWidget(new QLabel(tr("Environment"), this));
    layout->addWidget(m_environment);
    layout->addSpacing(16);
    layout->addWidget(new QLabel(tr("Window (UTC)"), this));
    layout->addWidget(m_since);
    layout->addWidget(new QLabel(QStringLiteral("–"), this));
    layout->addWidget(m_until);
    layout->addWidget(m_reset);
    layout->addStretch(1);

    connect(m_environment, &QComboBox::currentIndexChanged, this, &DeliveryFilterBar::changed);
    connect(m_reset, &QToolButton::clicked, this, &DeliveryFilterBar::resetWindow);
}

void DeliveryFilterBar::setRange(const QStringList& environments, const QDate& first, const QDate& last)
{
    const QString keep = environment();
    {
        const QSignalBlocker blocker(m_environment);
        m_environment->clear();
        m_environment->addItem(tr("All environments"), QString());
        for (const QString& environment : environments)
            m_environment->addItem(environment, environment);
        m_environment->setCurrentIndex(qMax(0, m_environment->findData(keep)));
    }
    for (QDateEdit* edit : {m_since, m_until}) {
        const QSignalBlocker blocker(edit);
        edit->setDateRange(first.isValid() ? first.addYears(-1) : QDate(2000, 1, 1),
                           last.isValid() ? last.addYears(1) : QDate(2100, 1, 1));
    }
    m_first = first.isValid() ? first : QDate::currentDate();
    m_last = last.isValid() ? last : QDate::currentDate();
    {
        const QSignalBlocker a(m_since);
        const QSignalBlocker b(m_until);
        m_since->setDate(m_first);
        m_until->setDate(m_last);
    }
    m_custom = false;
    m_reset->setEnabled(false);
    Q_EMIT changed();
}

QString DeliveryFilterBar::environment() const
{
    return m_environment->currentData().toString();
}

void DeliveryFilterBar::setEnvironment(const QString& environment)
{
    const int item = m_environment->findData(environment);
    if (item >= 0)
        m_environment->setCurrentIndex(item);
}

QDateTime DeliveryFilterBar::since() const
{
    return m_custom ? QDateTime(m_since->date(), QTime(0, 0), QTimeZone::utc()) : QDateTime();
}

QDateTime DeliveryFilterBar::until() const
{
    return m_custom ? QDateTime(m_until->date(), QTime(23, 59, 59), QTimeZone::utc()) : QDateTime();
}

void DeliveryFilterBar::setWindow(const QDate& since, const QDate& until)
{
    {
        const QSignalBlocker a(m_since);
        const QSignalBlocker b(m_until);
        m_since->setDate(since);
        m_until->setDate(until);
    }
    onDateEdited();
}

void DeliveryFilterBar::resetWindow()
{
    if (!m_custom)
        return;
    {
        const QSignalBlocker a(m_since);
        const QSignalBlocker b(m_until);
        m_since->setDate(m_first);
        m_until->setDate(m_last);
    }
    m_custom = false;
    m_reset->setEnabled(false);
    Q_EMIT changed();
}

void DeliveryFilterBar::onDateEdited()
{
    if (m_until->date() < m_since->date()) {
        const QSignalBlocker blocker(m_until);
        m_until->setDate(m_since->date());
    }
    m_custom = true;
    m_reset->setEnabled(true);
    Q_EMIT changed();
}

} // namespace gatehouse::ui
