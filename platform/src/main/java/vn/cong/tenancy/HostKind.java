package vn.cong.tenancy;

/** What a request's host is: a tenant portal, the operator console or the public status page. */
public enum HostKind {
    TENANT, OPERATOR, STATUS, UNKNOWN
}
