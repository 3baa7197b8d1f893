package vn.cong.accounts;

/** What a tenant admin fills in about a person (everything but roles and credentials). */
public record AccountDetails(String username, String email, String fullName, String unit, String jobTitle, String phone) {
}
