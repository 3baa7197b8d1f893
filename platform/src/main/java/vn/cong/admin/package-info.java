/**
 * The staff area of every tenant host: everything under {@code /quan-tri}. Security, session and
 * CSRF machinery runs only on that prefix; public pages never touch it and never get a cookie.
 *
 * <h2>Writing a staff page (for the editor UI and later screens)</h2>
 * <pre>{@code
 * @Controller("/quan-tri/bai-viet")
 * @Secured({Role.Names.EDITOR, Role.Names.HEAD})      // any of these roles; or SecurityRule.IS_AUTHENTICATED
 * @CsrfProtected                                       // required on every staff controller
 * class ArticlesController {
 *     @Get(produces = MediaType.TEXT_HTML)
 *     Mono<MutableHttpResponse<String>> list(HttpRequest<?> request, Tenant tenant, StaffAccount me) {
 *         return pages.page(request, "articles/list", Map.of("items", …));   // views/admin/articles/list.html
 *     }
 *     @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
 *     Mono<MutableHttpResponse<String>> save(HttpRequest<?> request, Tenant tenant, StaffAccount me,
 *                                           @Body ArticleForm form) { … }   // ArticleForm implements CsrfForm
 * }
 * }</pre>
 * <ul>
 *   <li>{@code StaffAccount me} — the logged-in person (id, username, fullName, roles, tenantCode),
 *       re-read from the tenant's schema on this request; also {@link vn.cong.admin.StaffAccount#signedIn}.
 *       Micronaut's {@code Authentication} works too: name = username, roles = {@code Role.db()} names,
 *       attributes {@code accountId}, {@code tenant}, {@code fullName}.</li>
 *   <li>Forms: every POST form carries {@code <input type="hidden" name="csrfToken" th:value="${csrfToken}">};
 *       the bound {@code @Body} record implements {@link vn.cong.web.CsrfForm} (or the method takes
 *       {@code String csrfToken}). Scripts may send the header {@code X-CSRF-TOKEN} instead.</li>
 *   <li>Templates live in {@code views/admin/}, use {@code th:replace="~{layout :: page(~{::title}, ~{::main})}"}
 *       and get {@code tenant}, {@code staff}, {@code csrfToken}, {@code path}, {@code allRoles}.
 *       Call record accessors as methods ({@code ${me.username()}}); format dates in Java.</li>
 *   <li>A content kind (a list of items with public pages) needs no staff controller: declare it in its content
 *       package ({@link vn.cong.content.kinds.KindDeclaration}) and {@code admin.kinds.KindsController} serves it.</li>
 *   <li>Anonymous → 303 to the login form; logged in without the role → 403 page; missing/wrong CSRF
 *       token or a cross-site POST → 403; session store down → 503 with a clear message.</li>
 * </ul>
 */
package vn.cong.admin;
