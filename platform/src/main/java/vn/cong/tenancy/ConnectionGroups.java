package vn.cong.tenancy;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.PoolMetrics;
import io.r2dbc.spi.Connection;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;

/**
 * One database's tenant connections, split into a few small pools ("groups"): a tenant is always served from the
 * same group (its code hashed), so each pooled connection meets only that group's tenants. The statements of a
 * public page name the tenant's schema ({@link TenantTx#own}), so they are the tenant's own, and PostgreSQL parses
 * and plans a statement once per connection: when every connection served every tenant in turn, a database of a few
 * hundred tenants held far more statements than a connection keeps (512), and nearly every page was parsed and
 * planned afresh (0.9 ms against 0.05 ms to run it). With groups each connection holds its group's statements.
 * <p>
 * A busy tenant is not held to its group: when the group has no idle connection and cannot open another while some
 * other group can, the work goes there instead ({@link #pick}); when every group is busy it queues in its own unless
 * another group's queue is clearly shorter. Isolation does not depend on which connection is used:
 * {@link TenantDatabase} sets the schema for each transaction.
 */
final class ConnectionGroups {

    private final List<ConnectionPool> groups;
    private final LongAdder borrowed = new LongAdder();

    /** {@code total} connections in {@code count} groups (at least one connection each); {@code pool} makes a pool of the given size. */
    ConnectionGroups(int total, int count, IntFunction<ConnectionPool> pool) {
        int connections = Math.max(1, total);
        int n = Math.max(1, Math.min(count, connections));
        List<ConnectionPool> made = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            made.add(pool.apply(connections / n + (i < connections % n ? 1 : 0)));
        }
        this.groups = List.copyOf(made);
    }

    /**
     * The group of {@code groups} tenant {@code code} belongs to: Fibonacci hashing of its code, so that codes a step
     * apart (unit0001, unit0009, … in a database that holds every eighth) still spread evenly.
     */
    static int home(String code, int groups) {
        long mixed = (code.hashCode() * 0x9E3779B97F4A7C15L) >>> 32;
        return (int) ((mixed * groups) >>> 32);
    }

    /** A connection for tenant {@code code}: from its group, or from another that has one to spare when its own has none. */
    Mono<Connection> connection(String code) {
        return Mono.defer(() -> {
            int home = home(code, groups.size());
            int picked = pick(home);
            if (picked != home) {
                borrowed.increment();
            }
            return groups.get(picked).create();
        });
    }

    /** How many times a tenant was served from another group than its own since the groups were made. */
    long borrowed() {
        return borrowed.sum();
    }

    /** One of the pools' counters summed over the groups (connections in use, open, allowed, requests waiting). */
    int total(ToIntFunction<PoolMetrics> counter) {
        int sum = 0;
        for (int group = 0; group < groups.size(); group++) {
            PoolMetrics m = metrics(group);
            sum += m == null ? 0 : counter.applyAsInt(m);
        }
        return sum;
    }

    /** A connection for work that belongs to no tenant (reading the schemas' versions): from whichever group has one to spare. */
    Mono<Connection> anyConnection() {
        return Mono.defer(() -> groups.get(pick(0)).create());
    }

    /**
     * {@code home} when it has a connection to spare (or no group has); else the first group after it with an idle
     * connection, else the first with room to open one: a connection already open (its statements prepared) is lent
     * before a new one is opened. When every group is busy, the work queues where the wait is shortest, its own group
     * winning unless another's queue is shorter by two or more: queueing always at home let a group that holds more of
     * the busy tenants build a long queue while the others' connections went to newcomers (one page in a hundred waited
     * over a second on the demo portals at 64 concurrent requests, against a third of a second with one group).
     */
    int pick(int home) {
        PoolMetrics own = metrics(home);
        if (spare(own)) {
            return home;
        }
        int roomy = -1;
        int shortest = home;
        int shortestWait = own.pendingAcquireSize();
        for (int step = 1; step < groups.size(); step++) {
            int other = (home + step) % groups.size();
            PoolMetrics m = metrics(other);
            if (m == null || m.idleSize() > 0) {
                return other;
            }
            if (roomy < 0 && room(m)) {
                roomy = other;
            }
            int wait = m.pendingAcquireSize() + 1; // one more for leaving the tenant's prepared statements behind
            if (wait < shortestWait) {
                shortest = other;
                shortestWait = wait;
            }
        }
        return roomy >= 0 ? roomy : shortest;
    }

    private PoolMetrics metrics(int group) {
        return groups.get(group).getMetrics().orElse(null);
    }

    /** An idle connection, or room to open one (counters read without a lock: a hint, not a promise). */
    private static boolean spare(PoolMetrics m) {
        return m == null || m.idleSize() > 0 || room(m);
    }

    /** Fewer connections open than allowed, and no one already waiting for the next. */
    private static boolean room(PoolMetrics m) {
        return m.allocatedSize() < m.getMaxAllocatedSize() && m.pendingAcquireSize() == 0;
    }

    /** Per group: connections in use, open, allowed (tests). */
    List<PoolMetrics> metrics() {
        return groups.stream().map(g -> g.getMetrics().orElseThrow()).toList();
    }

    void close(Duration wait) {
        for (ConnectionPool pool : groups) {
            pool.close().onErrorResume(e -> Mono.empty()).block(wait);
        }
    }
}
