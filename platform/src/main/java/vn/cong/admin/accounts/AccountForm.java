package vn.cong.admin.accounts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import vn.cong.accounts.AccountDetails;
import vn.cong.accounts.PasswordRules;
import vn.cong.accounts.Role;
import vn.cong.accounts.StaffLogin;
import vn.cong.web.CsrfForm;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The create/edit account form as posted. {@code passwordMode} is {@code link} (a one-time
 * set-password link, shown once) or {@code password} (an initial password typed by the admin).
 */
@Serdeable
record AccountForm(
        @Nullable String username,
        @Nullable String fullName,
        @Nullable String email,
        @Nullable String unit,
        @Nullable String jobTitle,
        @Nullable String phone,
        @Nullable List<String> roles,
        @Nullable String passwordMode,
        @Nullable String password,
        @Nullable String csrfToken) implements CsrfForm {

    static final Pattern USERNAME = Pattern.compile("^[a-z0-9][a-z0-9._-]{1,62}$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern PHONE = Pattern.compile("^[0-9 +().-]{0,20}$");
    private static final int MAX_TEXT = 200;

    static AccountForm empty() {
        return new AccountForm("", "", "", "", "", "", List.of(), "link", "", null);
    }

    /** Field → Vietnamese message; empty when the form can be saved. */
    Map<String, String> errors(boolean creating) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (creating && !USERNAME.matcher(normalizedUsername()).matches()) {
            errors.put("username", "Tên đăng nhập gồm 2–63 ký tự: chữ thường không dấu, chữ số, dấu chấm, gạch dưới "
                    + "hoặc gạch ngang, bắt đầu bằng chữ hoặc số.");
        }
        if (text(fullName).isEmpty()) {
            errors.put("fullName", "Vui lòng nhập họ và tên.");
        }
        if (!EMAIL.matcher(text(email)).matches()) {
            errors.put("email", "Vui lòng nhập địa chỉ thư điện tử hợp lệ, ví dụ ten@donvi.gov.vn.");
        }
        if (!PHONE.matcher(text(phone)).matches()) {
            errors.put("phone", "Số điện thoại chỉ gồm chữ số, dấu cách và các ký tự + ( ) . - (tối đa 20 ký tự).");
        }
        for (var field : Map.of("fullName", text(fullName), "unit", text(unit), "jobTitle", text(jobTitle), "email", text(email)).entrySet()) {
            if (field.getValue().length() > MAX_TEXT) {
                errors.put(field.getKey(), "Tối đa " + MAX_TEXT + " ký tự.");
            }
        }
        if (roleSet().isEmpty()) {
            errors.put("roles", "Vui lòng chọn ít nhất một vai trò.");
        }
        if (creating) {
            passwordError().ifPresent(message -> errors.put("password", message));
        }
        return errors;
    }

    Optional<String> passwordError() {
        return passwordError(passwordMode, password);
    }

    static Optional<String> passwordError(@Nullable String mode, @Nullable String password) {
        if ("password".equals(mode)) {
            String p = password == null ? "" : password;
            return PasswordRules.problem(p, "Mật khẩu ban đầu");
        } else if (!"link".equals(mode)) {
            return Optional.of("Vui lòng chọn cách cấp mật khẩu.");
        }
        return Optional.empty();
    }

    /** The initial password, or null when a one-time link is wanted instead. */
    @Nullable
    String initialPassword() {
        return "password".equals(passwordMode) ? password : null;
    }

    String normalizedUsername() {
        return StaffLogin.normalizeUsername(username);
    }

    AccountDetails details(String existingUsername) {
        return new AccountDetails(existingUsername, text(email), text(fullName), text(unit), text(jobTitle), text(phone));
    }

    Set<Role> roleSet() {
        Set<Role> set = EnumSet.noneOf(Role.class);
        if (roles != null) {
            roles.forEach(name -> Role.parse(name).ifPresent(set::add));
        }
        return set;
    }

    /** The form again with the password dropped: it is never echoed back into a page. */
    AccountForm withoutPassword() {
        return new AccountForm(username, fullName, email, unit, jobTitle, phone, roles == null ? List.of() : roles,
                passwordMode == null ? "link" : passwordMode, "", csrfToken);
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value.strip();
    }
}
