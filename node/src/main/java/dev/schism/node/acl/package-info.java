/**
 * Access control as ZooKeeper enforces it: a znode's ACL is a list of (permissions, scheme:id) entries, a
 * connection holds the identities it has proven (its IP address, digest credentials, super), and an
 * operation is allowed when one entry grants its permission to one of those identities. The schemes are
 * world, auth (expanded to the creator's identities when the ACL is set), digest and ip.
 */
package dev.schism.node.acl;
