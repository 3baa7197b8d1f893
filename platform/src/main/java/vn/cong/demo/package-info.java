/**
 * Demo content for a first run (the README's first command, environment {@code dev}): staff for every
 * role, legal documents with their files, consultation drafts, procedures, about pages, cover images and
 * items waiting at each workflow stage, read from {@code tenants/demo/<code>.yaml} and loaded through the
 * same services the staff screens use (so everything is fingerprinted, logged and cached as usual).
 * Nothing here runs unless {@code cong.demo.enabled} is true; nothing else depends on this package.
 */
package vn.cong.demo;
