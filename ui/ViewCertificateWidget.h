#pragma once

#include <QWidget>

class QLabel;

namespace certdesk::ui {

class DetailLinesView;
class FindingsPanel;
class StoreController;

// "View Certificate": the stored entry in the Admin Portal's layout, its chain and key, and
// the compliance findings as a colored panel.
class ViewCertificateWidget : public QWidget
{
    Q_OBJECT
public:
    explicit ViewCertificateWidget(StoreController* store, QWidget* parent = nullptr);

    void setEntry(const QString& name);
    QString entry() const { return m_name; }
    bool isLoading() const { return m_loading; }
    DetailLinesView* details() const { return m_details; }
    FindingsPanel* findings() const { return m_findings; }

signals:
    void loaded();

private:
    void load();

    StoreController* m_store = nullptr;
    QString m_name;
    bool m_loading = false;
    QLabel* m_title = nullptr;
    QLabel* m_status = nullptr;
    DetailLinesView* m_details = nullptr;
    QLabel* m_extra = nullptr;
    FindingsPanel* m_findings = nullptr;
};

} // namespace certdesk::ui
