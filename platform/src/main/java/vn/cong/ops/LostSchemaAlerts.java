package vn.cong.ops;

import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import vn.cong.tenancy.SchemaMissing;

/** Tells the operator on duty (webhook, e-mail) that a tenant's schema is gone and its portal answers 503. */
@Singleton
class LostSchemaAlerts {

    private final OperatorAlerts alerts;

    LostSchemaAlerts(OperatorAlerts alerts) {
        this.alerts = alerts;
    }

    /** What the webhook receives: event {@code tenant.schema-missing}. */
    @Serdeable
    record SchemaMissingAlert(String event, String tenant, String schema, String foundBy) {
    }

    @EventListener
    void onSchemaMissing(SchemaMissing lost) {
        alerts.raise(new SchemaMissingAlert("tenant.schema-missing", lost.tenantCode(), lost.schema(), lost.foundBy()),
                "Cổng " + lost.tenantCode() + " mất lược đồ dữ liệu",
                "Lược đồ " + lost.schema() + " của cổng " + lost.tenantCode() + " không còn trong cơ sở dữ liệu (phát hiện khi "
                        + lost.foundBy() + ").\n\nCổng đang trả lời 503 (trang còn trong bộ nhớ đệm vẫn được phục vụ). Nền tảng không "
                        + "tự tạo lại lược đồ rỗng: hãy khôi phục vào chính cổng này từ bản sao lưu gần nhất ở trang Sao lưu "
                        + "của bàn điều khiển vận hành.\n");
    }
}
