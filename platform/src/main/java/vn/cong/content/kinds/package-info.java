/**
 * Content kinds as slices. A kind (legal documents, consultation drafts, procedures, …) is declared once,
 * next to its content package, as a {@link vn.cong.content.kinds.ContentKind} bean (usually extending
 * {@link vn.cong.content.kinds.DeclaredKind}, or {@link vn.cong.content.kinds.PlainKind} for a kind with only
 * the fields every item has) holding its {@link vn.cong.content.kinds.KindDeclaration}: names, staff and public
 * addresses, staff menu entry and roles, form fields ({@link vn.cong.content.kinds.KindField}), staff list
 * columns, public filters and list style, searchable fields, workflow deadline. The staff area
 * ({@code admin.kinds}), the public site ({@code site.kinds}), the staff menu and the workflow's deadlines find
 * every kind through {@link vn.cong.content.kinds.ContentKinds} at start-up. What the public pages show is
 * built here as {@link vn.cong.content.kinds.PublicView} records, so this package knows no front end.
 */
package vn.cong.content.kinds;
