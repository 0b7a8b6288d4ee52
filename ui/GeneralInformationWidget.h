#pragma once

#include <QWidget>

class QLabel;

namespace certdesk::ui {

class StoreController;

// "Display General Information": what the store holds, where it lives, whether its key is
// available, and what the PBX accepts.
class GeneralInformationWidget : public QWidget
{
    Q_OBJECT
public:
    explicit GeneralInformationWidget(StoreController* store, QWidget* parent = nullptr);

private:
    void refresh();

    StoreController* m_store = nullptr;
    QLabel* m_location = nullptr;
    QLabel* m_key = nullptr;
    QLabel* m_counts = nullptr;
};

} // namespace certdesk::ui
