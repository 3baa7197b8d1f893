/**
 * The web kit every front end shares (staff area {@code admin}, operator {@code console}, public
 * {@code site}, tenant {@code api}, operator API in {@code ops}): which host and scheme the browser
 * used and from which address ({@link vn.cong.web.ProxiedRequests}, the only reader of
 * {@code X-Forwarded-*}), CSRF ({@link vn.cong.web.CsrfProtected}, {@link vn.cong.web.CsrfForm}),
 * sessions in Redis ({@link vn.cong.web.StaffSessions}, {@link vn.cong.web.SessionCookies},
 * {@link vn.cong.web.FormSessions}), the templates under {@code views/admin/}
 * ({@link vn.cong.web.PageTemplates}), error pages and refusals ({@link vn.cong.web.StaffErrorPages},
 * {@link vn.cong.web.StaffResponses}, {@link vn.cong.web.NotFoundPages}) and the JSON error body of
 * the APIs ({@link vn.cong.web.ApiErrors}).
 * <p>
 * It depends only on {@code tenancy} and {@code system}; what it needs from a feature comes through a
 * small interface it owns ({@link vn.cong.web.PublicNotFoundPage}). {@code PackageDependenciesTest}
 * holds it to that.
 */
package vn.cong.web;
