/**
 * The operator console: HTML pages for the platform operator on {@code admin.<base-domain>} under
 * {@code /van-hanh} (tenants and onboarding, backups and restores, uptime, integrity, maintenance,
 * the audit log). It answers on the operator host only (404 elsewhere, like the operator API).
 *
 * <ul>
 *   <li>Login is a form for the configured operator ({@code cong.operator.*}); the session lives in
 *       Redis next to the staff sessions but under a scope no tenant can have, with its own host-only
 *       cookie ({@code CONG_OPERATOR}, path {@code /van-hanh}, HttpOnly, SameSite=Strict), a new id at
 *       login, and ends when the operator's password hash changes. Failed logins are audit-logged and
 *       five within 15 minutes from one address lock that address out for 15 minutes.</li>
 *   <li>State-changing requests need a same-origin {@code Origin}/{@code Referer} and the session's
 *       CSRF token (the web kit's {@code @CsrfProtected}, as in the staff area).</li>
 *   <li>Pages render with the web kit's {@code vn.cong.web.PageTemplates} (templates in {@code views/admin/console/}).</li>
 *   <li>Every action is recorded in the operator audit log ({@code vn.cong.ops.OperatorAudit}).</li>
 * </ul>
 */
package vn.cong.console;
