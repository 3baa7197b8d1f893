package vn.cong.ops.maintenance;

import java.time.Instant;
import java.util.List;

/** A planned maintenance window as the operator announced it [000 Đ7.1b]. */
public record MaintenanceWindow(long id, boolean allTenants, List<String> tenantCodes, Instant startsAt, Instant endsAt,
                                String messageVi, String messageEn, String createdBy, Instant createdAt) {

    public MaintenanceWindow {
        tenantCodes = List.copyOf(tenantCodes);
    }

    public boolean affects(String tenantCode) {
        return allTenants || tenantCodes.contains(tenantCode);
    }

    public boolean underwayAt(Instant now) {
        return !now.isBefore(startsAt) && now.isBefore(endsAt);
    }

    public String message(String lang) {
        return "en".equals(lang) ? messageEn : messageVi;
    }
}
