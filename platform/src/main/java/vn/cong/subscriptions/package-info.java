/**
 * E-mail subscriptions (đăng ký nhận tin, issue 11 point 7): a citizen subscribes to the new items of a section or a kind,
 * confirms the address by a link, and gets each new item at once or one digest a day, through the outbox, every message
 * with a one-click unsubscribe (RFC 8058). The tenant admin sees counts per topic, never the addresses.
 */
package vn.cong.subscriptions;
