/**
 * The staff lists of content items (every kind together, and the articles alone): search, filters, sort and
 * paging through {@link vn.cong.admin.lists.ListQuery}, and bulk actions that run the workflow's own commands
 * item by item.
 */
package vn.cong.admin.content;
