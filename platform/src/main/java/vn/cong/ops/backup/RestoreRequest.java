package vn.cong.ops.backup;

import io.micronaut.core.annotation.Nullable;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.manifest.FieldError;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What the operator asked to restore, checked on its own (the code and host label being free is
 * checked against the registry by {@link BackupJobs}). The operator confirms by typing the code of
 * the tenant that will be written: the current tenant's (same) or the new one's (new).
 *
 * @param into         {@code same} or {@code new}
 * @param newCode      code of the new tenant (mode new)
 * @param abbreviation host label of the new tenant (mode new)
 * @param confirm      what the operator typed to confirm
 * @param name         Vietnamese display name of the new tenant (mode new): a copy must not pass for the original
 * @param nameEn       its English name (mode new; the Vietnamese one when left empty)
 */
public record RestoreRequest(String into, @Nullable String newCode, @Nullable String abbreviation, @Nullable String confirm,
                             @Nullable String name, @Nullable String nameEn) {

    private static final Pattern LABEL = Pattern.compile("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$");

    public boolean intoSameTenant() {
        return "same".equals(into);
    }

    /** The tenant whose content will be written. */
    public String targetCode(String sourceCode) {
        return intoSameTenant() ? sourceCode : clean(newCode);
    }

    /** Every problem of the request itself, each with its field. */
    public List<FieldError> problems(String sourceCode) {
        List<FieldError> errors = new ArrayList<>();
        if (!"same".equals(into) && !"new".equals(into)) {
            errors.add(new FieldError("into", "chọn khôi phục vào chính cổng này (same) hoặc vào một cổng mới (new)"));
            return errors;
        }
        if (!intoSameTenant()) {
            if (clean(newCode).isEmpty()) {
                errors.add(new FieldError("newCode", "cần mã của cổng mới"));
            } else if (!Tenant.CODE.matcher(clean(newCode)).matches()) {
                errors.add(new FieldError("newCode", "mã cổng chỉ gồm chữ thường không dấu, số, dấu gạch dưới; bắt đầu bằng chữ; 2–31 ký tự"));
            }
            if (clean(abbreviation).isEmpty()) {
                errors.add(new FieldError("abbreviation", "cần nhãn tên miền của cổng mới"));
            } else if (!LABEL.matcher(clean(abbreviation)).matches()) {
                errors.add(new FieldError("abbreviation", "nhãn tên miền chỉ gồm chữ thường không dấu, số, dấu gạch ngang"));
            }
            if (nameVi().isEmpty()) {
                errors.add(new FieldError("name", "cần tên hiển thị của cổng mới, khác tên cổng gốc của bản sao lưu"));
            }
        }
        String target = targetCode(sourceCode);
        if (!target.isEmpty() && !target.equals(clean(confirm))) {
            errors.add(new FieldError("confirm", "để xác nhận, hãy gõ đúng mã cổng sẽ bị ghi: «" + target + "»"));
        }
        return errors;
    }

    /** The new tenant's Vietnamese name, trimmed. */
    public String nameVi() {
        return name == null ? "" : name.strip();
    }

    /** The new tenant's English name: the Vietnamese one when none was given. */
    public String nameEnOrVi() {
        return nameEn == null || nameEn.isBlank() ? nameVi() : nameEn.strip();
    }

    static String clean(@Nullable String s) {
        return s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
    }
}
