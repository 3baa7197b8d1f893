/**
 * Citizens talking to the portal: the tenant's units (the one unit entity that questions and feedback are
 * routed to and that quotas are counted by), the protection every public form shares, and questions and
 * answers (hỏi – đáp) with their deadlines.
 */
package vn.cong.engagement;
